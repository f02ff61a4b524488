#pragma once

#include "http/requesthandle.h"
#include "reference/digest.h"
#include "write/untagger.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QPushButton;

namespace ocular {

class ContentSource;

/// Removes one tag and leaves the manifest it names (and that manifest's other tags) in place.
/// The plain tag delete is tried first; a registry that refuses it (docker-registry answers
/// 400) is quoted, and the placeholder method is offered as a second, explicit button: nothing
/// is pushed or deleted on a refusal until the user presses it. The write runs asynchronously
/// with Cancel; closing the dialog cancels it.
class RemoveTagDialog : public QDialog
{
    Q_OBJECT
public:
    /// `source` is not owned; `digest` is what the tag named when the row was loaded (may be
    /// invalid when unknown) and `otherTags` the loaded tags naming the same digest; `registry`
    /// names the source for the activity log.
    RemoveTagDialog(ContentSource *source, const QString &registry, const QString &repository,
                    const QString &tag, const Digest &digest, const QStringList &otherTags,
                    QWidget *parent = nullptr);
    ~RemoveTagDialog() override;

    QPushButton *removeButton() const { return m_remove; }
    /// Hidden until the registry refused the plain tag delete.
    QPushButton *placeholderButton() const { return m_placeholder; }
    /// What was said above the buttons: the refusal, progress, or what was done.
    QString statusText() const;
    QString descriptionText() const;
    bool isRunning() const { return m_running; }
    const QString &registry() const { return m_registry; }

    /// "Remove Tag": the plain tag delete only.
    void removeTag();
    /// "Remove with Placeholder", offered after a refusal.
    void removeWithPlaceholder();
    /// Cancel while the write runs (the dialog stays open, saying so), else close.
    void reject() override;

Q_SIGNALS:
    void untagged(const ocular::UntagOutcome &outcome);
    /// For the status bar: empty when idle.
    void activityChanged(const QString &text);

private:
    void start(bool placeholder);
    void finish(const Result<UntagOutcome> &result);
    void setStatus(const QString &text, bool problem);
    void setButtonsIdle(bool idle);

    QPointer<ContentSource> m_source;
    QString m_registry;
    QString m_repository;
    QString m_tag;
    QLabel *m_description;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    QPushButton *m_remove;
    QPushButton *m_placeholder;
    Untagger *m_untagger;
    RequestHandle m_request;
    bool m_running = false;
    bool m_done = false;
};

} // namespace ocular
