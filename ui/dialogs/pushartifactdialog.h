#pragma once

#include "content/descriptor.h"
#include "http/requesthandle.h"
#include "source/transfermeter.h"
#include "write/artifactpusher.h"

#include <QDialog>
#include <QPointer>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QMimeData;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace ocular {

class ContentSource;

/// Pushes files as an OCI artifact (PROTOCOL §5), optionally attached to a subject: target
/// repository, tag, subject, files with their media types and titles, artifactType and
/// annotations. Preview prepares the manifest off the GUI thread and shows its exact digest
/// and size before anything is sent; Push sends that same prepared artifact (so the digest
/// shown is the digest pushed), with progress and Cancel, and says which referrer path was
/// taken. Closing the dialog cancels a push in flight.
class PushArtifactDialog : public QDialog
{
    Q_OBJECT
public:
    /// The local files among dropped URLs; empty when any URL is not a local file.
    static QStringList localFiles(const QMimeData *mime);
    /// An artifactType offered in the preset list (PROTOCOL §4 "artifact types seen in
    /// practice"); the last entry of the combo box is Custom.
    struct ArtifactTypePreset
    {
        QString label;
        QString mediaType;
    };
    static QList<ArtifactTypePreset> artifactTypePresets();

    /// Columns of filesTable().
    enum FileColumn
    {
        FileNameColumn,
        FileSizeColumn,
        FileMediaTypeColumn,
        FileTitleColumn,
        FileStatusColumn,
        FileColumnCount
    };

    /// `source` is not owned (a push in flight stops when it goes away); `repository`
    /// prefills the target.
    PushArtifactDialog(ContentSource *source, const QString &repository, QWidget *parent = nullptr);
    ~PushArtifactDialog() override;

    /// Attaches the artifact to `identifier` (a tag or digest in the target repository). Its
    /// exact descriptor is read from the registry (a referrer names it by digest, media type
    /// and size); until it is, Preview and Push wait. Empty clears the subject.
    void setSubjectReference(const QString &identifier);
    /// Adds regular files (directories, missing files and duplicates are skipped); their media
    /// type is guessed from the name. Returns how many were added.
    int addFiles(const QStringList &paths);
    void setTag(const QString &tag);
    /// Selects the preset with this media type, or Custom with it.
    void setArtifactType(const QString &mediaType);
    /// Sets (or adds) an annotation row.
    void setAnnotation(const QString &key, const QString &value);

    /// The request the fields describe now (not validated).
    ArtifactRequest request() const;
    /// Why the fields cannot be pushed (one sentence per problem); empty when they can.
    QStringList problems() const;
    QString artifactType() const;
    /// The subject's exact descriptor; empty when there is none (or it is not resolved yet).
    std::optional<Descriptor> subject() const { return m_subject; }
    bool isResolvingSubject() const { return m_resolvingSubject; }

    /// The last preview, while it still describes the fields.
    std::optional<PreparedArtifact> preparedArtifact() const;
    /// The manifest as shown (indented), and the line with its digest and size.
    QString previewJson() const;
    QString previewDigestText() const;
    /// What went wrong in the last preview or push; empty when nothing did.
    QString errorText() const;
    /// What the last push did; empty before one succeeded.
    QString resultText() const;
    std::optional<ArtifactPushResult> lastResult() const { return m_lastResult; }
    bool isPreparing() const { return m_preparing; }
    bool isPushing() const { return m_pushing; }

    QTableWidget *filesTable() const { return m_files; }
    QTableWidget *annotationsTable() const { return m_annotations; }
    QLineEdit *repositoryEdit() const { return m_repository; }
    QLineEdit *tagEdit() const { return m_tag; }
    QLineEdit *subjectEdit() const { return m_subjectEdit; }
    QComboBox *artifactTypeCombo() const { return m_typePreset; }
    QLineEdit *artifactTypeEdit() const { return m_type; }
    QCheckBox *deleteReplacedIndexBox() const { return m_deleteReplaced; }
    QLabel *problemsLabel() const { return m_problems; }
    QPushButton *removeFilesButton() const { return m_removeFiles; }
    QPushButton *previewButton() const { return m_previewButton; }
    QPushButton *pushButton() const { return m_pushButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QProgressBar *fileProgressBar() const { return m_fileProgress; }
    QProgressBar *totalProgressBar() const { return m_totalProgress; }

public Q_SLOTS:
    /// Prepares the manifest off the GUI thread and shows it; sends nothing.
    void preview();
    /// Sends the previewed artifact (preparing it first when the fields changed since).
    void push();
    /// Cancels the push in flight; the dialog stays open and usable.
    void cancelPush();
    /// Closing cancels a push in flight (the core DELETEs its upload session).
    void reject() override;

Q_SIGNALS:
    /// A push succeeded: `result.digest` is in `request.repository` (the main window refreshes
    /// the tree and the subject's referrers; an activity log can record it).
    void pushed(const ocular::ArtifactRequest &request, const ocular::ArtifactPushResult &result);
    /// The subject was resolved or failed to resolve.
    void subjectResolved();
    /// A preview finished (successfully or not).
    void previewFinished();
    /// A push finished, failed or was cancelled.
    void pushFinished();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildLayout();
    void chooseFiles();
    void removeSelectedFiles();
    void addAnnotationRow();
    void removeSelectedAnnotations();
    void onPresetChanged(int index);
    void resolveSubject();
    /// The fields changed: the preview no longer describes them.
    void onFieldsEdited();
    void updateState();
    void prepare(bool pushAfter);
    void startPush(const PreparedArtifact &artifact);
    void onPushProgress(const QString &stage, const TransferProgress &progress);
    void onPushFinished(const Result<ArtifactPushResult> &result);
    void showPrepared(const PreparedArtifact &artifact);
    void showError(const QString &text);
    void setInputsEnabled(bool enabled);
    QString describeResult(const ArtifactPushResult &result) const;

    QPointer<ContentSource> m_source;
    ArtifactPusher *m_pusher;

    QLineEdit *m_repository;
    QLineEdit *m_tag;
    QLineEdit *m_subjectEdit;
    QLabel *m_subjectStatus;
    QTableWidget *m_files;
    QPushButton *m_addFiles;
    QPushButton *m_removeFiles;
    QComboBox *m_typePreset;
    QLineEdit *m_type;
    QTableWidget *m_annotations;
    QPushButton *m_addAnnotation;
    QPushButton *m_removeAnnotation;
    QCheckBox *m_deleteReplaced;
    QPlainTextEdit *m_preview;
    QLabel *m_previewDigest;
    QLabel *m_problems;
    QLabel *m_error;
    QLabel *m_stage;
    QLabel *m_fileProgressLabel;
    QProgressBar *m_fileProgress;
    QLabel *m_totalProgressLabel;
    QProgressBar *m_totalProgress;
    QLabel *m_result;
    QPushButton *m_previewButton;
    QPushButton *m_pushButton;
    QPushButton *m_cancelButton;
    QPushButton *m_closeButton;

    /// The subject as typed, its resolution, and a number that drops late answers for an
    /// identifier (or repository) the user has since changed.
    QString m_subjectIdentifier;
    QString m_subjectRepository;
    std::optional<Descriptor> m_subject;
    QString m_subjectError;
    bool m_resolvingSubject = false;
    RequestHandle m_subjectRequest;
    quint64 m_subjectGeneration = 0;

    /// Every edit bumps it: a preview is current only for the edit it was made of (the
    /// created annotation alone would give a second preparation another digest).
    quint64 m_editGeneration = 0;
    std::optional<PreparedArtifact> m_prepared;
    quint64 m_preparedEdit = 0;
    /// Each preparation bumps it; an answer for an older one is dropped.
    quint64 m_prepareRun = 0;
    bool m_preparing = false;
    QString m_errorText;

    bool m_pushing = false;
    quint64 m_pushGeneration = 0;
    RequestHandle m_pushHandle;
    /// Where each blob of the push in flight starts in the total byte count, and its stage.
    QList<qint64> m_blobOffsets;
    QStringList m_blobStages;
    std::optional<ArtifactPushResult> m_lastResult;
    bool m_filling = false; ///< programmatic table edits are not user edits
};

} // namespace ocular
