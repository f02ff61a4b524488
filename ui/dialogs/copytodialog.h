#pragma once

#include "base/result.h"
#include "http/requesthandle.h"
#include "write/contentcopier.h"

#include <QDialog>
#include <QPointer>
#include <functional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace ocular {

class ContentSource;

/// Copies one image, index or artifact to another repository of this or another registry,
/// byte for byte (ContentCopier: digests kept, blobs mounted within a registry), optionally
/// with everything that refers to it. Progress and Cancel while it runs; afterwards what was
/// sent, mounted and skipped.
class CopyToDialog : public QDialog
{
    Q_OBJECT
public:
    /// Finds (or opens) the source of a registry the user names; an error when it cannot.
    using SourceFinder = std::function<Result<ContentSource *>(const QString &registry)>;

    /// `source` (not owned) holds `repository` and `identifier` (tag or digest); `tag` is the
    /// tag to give the copy by default (may be empty); `registries` are offered as
    /// destinations, `registry` (the source's) first.
    CopyToDialog(ContentSource *source, const QString &registry, const QString &repository,
                 const QString &identifier, const QString &tag, const QStringList &registries,
                 SourceFinder findSource, QWidget *parent = nullptr);
    ~CopyToDialog() override;

    QComboBox *registryBox() const { return m_registry; }
    QLineEdit *repositoryEdit() const { return m_repository; }
    QLineEdit *tagEdit() const { return m_tag; }
    QCheckBox *referrersBox() const { return m_referrers; }
    QPushButton *copyButton() const { return m_copy; }
    QString statusText() const;
    QString reportText() const;
    bool isRunning() const { return m_running; }

    /// Starts the copy (the Copy button).
    void start();
    /// Cancel while the write runs (the dialog stays open, saying so), else close.
    void reject() override;

Q_SIGNALS:
    /// A copy finished: `registry`/`repository`:`tag` (tag may be empty) holds the copy.
    void copied(const QString &fromReference, const QString &registry, const QString &repository,
                const QString &tag, const CopyResult &result);
    void activityChanged(const QString &text);

private:
    void validate();
    void finish(const Result<CopyResult> &result, const QString &registry,
                const QString &repository, const QString &tag);
    void setStatus(const QString &text, bool problem);
    static QString describe(const CopyResult &result);

    QPointer<ContentSource> m_from;
    QString m_fromRegistry;
    QString m_fromRepository;
    QString m_identifier;
    QString m_fromTag;
    SourceFinder m_findSource;
    QComboBox *m_registry;
    QLineEdit *m_repository;
    QLineEdit *m_tag;
    QCheckBox *m_referrers;
    QLabel *m_status;
    QProgressBar *m_progress;
    QPlainTextEdit *m_report;
    QDialogButtonBox *m_buttons;
    QPushButton *m_copy;
    ContentCopier *m_copier = nullptr;
    RequestHandle m_request;
    bool m_running = false;
};

} // namespace ocular
