#pragma once

#include "http/requesthandle.h"
#include "reference/digest.h"
#include "write/tagger.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ocular {

class ContentSource;

/// Adds a tag to one manifest (its exact bytes are written again under the new name, so the
/// digest stays). A tag that already names another manifest is not moved silently: the dialog
/// says what it names and the button becomes "Move Tag". The write runs asynchronously with
/// Cancel; closing the dialog cancels it.
class AddTagDialog : public QDialog
{
    Q_OBJECT
public:
    /// `source` is not owned; `identifier` is the manifest's digest (or a tag when the digest
    /// is not known yet); `registry` names the source for the activity log.
    AddTagDialog(ContentSource *source, const QString &registry, const QString &repository,
                 const QString &identifier, QWidget *parent = nullptr);
    ~AddTagDialog() override;

    QLineEdit *tagEdit() const { return m_tag; }
    QPushButton *applyButton() const { return m_apply; }
    /// The line under the tag: what is wrong, what is going on, or what was done.
    QString statusText() const;
    bool isRunning() const { return m_running; }
    const QString &registry() const { return m_registry; }

    /// Sends the tag (the Add/Move button).
    void apply();
    /// Cancel while the write runs (the dialog stays open, saying so), else close.
    void reject() override;

Q_SIGNALS:
    void tagged(const TagOutcome &outcome);
    /// For the status bar: empty when idle.
    void activityChanged(const QString &text);

private:
    void validate();
    void finish(const Result<TagOutcome> &result);
    void setStatus(const QString &text, bool problem);

    QPointer<ContentSource> m_source;
    QString m_registry;
    QString m_repository;
    QString m_identifier;
    QLineEdit *m_tag;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    QPushButton *m_apply;
    Tagger *m_tagger;
    RequestHandle m_request;
    bool m_running = false;
    bool m_moveConfirmed = false; ///< the user saw where the tag points and chose to move it
};

} // namespace ocular
