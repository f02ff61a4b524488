#pragma once

#include "async/asynctask.h"
#include "content/descriptor.h"
#include "content/manifestbuilder.h"
#include "source/blobupload.h"
#include "write/fallbackindexwriter.h"

#include <QMap>
#include <QObject>
#include <QPointer>
#include <optional>

namespace ocular {

class ContentSource;

/// One file of an artifact.
struct ArtifactFile
{
    QString path;
    QString mediaType;
    QString title; ///< org.opencontainers.image.title; the file name when empty
};

/// What the user asked to push: files, their types, annotations, an optional subject and tag.
struct ArtifactRequest
{
    QString repository;
    QString tag; ///< empty: pushed by digest only
    QString artifactType;
    QList<ArtifactFile> files;
    QMap<QString, QString> annotations;
    std::optional<Descriptor> subject;
    /// `org.opencontainers.image.created` when the annotations do not set it (now, UTC,
    /// when empty).
    QString created;
    /// After the fallback index is rewritten, delete the index it replaced (now untagged).
    bool deleteReplacedIndex = false;
};

/// An artifact ready to push: its files hashed, its manifest built (exact bytes and digest),
/// for a preview before anything is sent.
struct PreparedArtifact
{
    ArtifactRequest request;
    BuiltManifest manifest;
    QList<BlobPayload> blobs; ///< the empty config first, then the files in order
};

/// What a push did, step by step, for the user.
struct ArtifactPushResult
{
    Digest digest;
    qint64 size = 0;
    QList<BlobUploadResult> blobs;
    /// The registry recorded the subject itself (OCI-Subject): no fallback index was written.
    bool subjectRecorded = false;
    std::optional<FallbackIndexChange> fallback;
    bool replacedIndexDeleted = false;
    QString replacedIndexNote; ///< why a replaced index was kept, when it was
};

/// Pushes artifacts (PROTOCOL §5): OCI image manifests with artifactType, the empty config
/// and the files as layers, never another manifest type. Order: blobs, then the manifest by
/// digest, then the subject's fallback index when the registry did not record the subject,
/// then the tag; so a rerun after a crash finds every blob in place and sends none twice.
class ArtifactPusher : public QObject
{
    Q_OBJECT
public:
    /// Stage names and the bytes sent over all blobs.
    using Progress = std::function<void(const QString &stage, const TransferProgress &)>;

    explicit ArtifactPusher(ContentSource *source, QObject *parent = nullptr);

    /// Hashes the files off the GUI thread and builds the manifest; refuses a manifest above
    /// 4 MiB, a missing file, a file without media type, an empty artifactType.
    void prepare(const ArtifactRequest &request, QObject *context,
                 async::Callback<PreparedArtifact> done);
    /// Sends a prepared artifact.
    RequestHandle push(const PreparedArtifact &artifact, QObject *context,
                       async::Callback<ArtifactPushResult> done, Progress progress = {});

    /// The manifest for `request` over hashed `files` (same order), deterministic. Pure.
    static Result<PreparedArtifact> build(const ArtifactRequest &request,
                                          const QList<BlobPayload> &files);
    /// The fallback index entry for a pushed artifact: its descriptor with artifactType and
    /// the manifest's annotations.
    static QJsonObject referrerEntry(const BuiltManifest &manifest, const QString &artifactType,
                                     const QMap<QString, QString> &annotations);

private:
    QPointer<ContentSource> m_source;
};

} // namespace ocular
