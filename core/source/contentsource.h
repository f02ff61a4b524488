#pragma once

#include "async/asynctask.h"
#include "source/blobsink.h"
#include "source/blobupload.h"
#include "source/sourcetypes.h"

#include <QObject>
#include <QStringList>
#include <memory>

namespace ocular {

/// A place content comes from and goes to: a registry, an OCI layout, memory. Every call is
/// asynchronous with the project's convention: `done` runs on `context`'s thread on a later
/// event-loop turn, the handle cancels (delivering ErrorKind::Cancelled), and a destroyed
/// context receives nothing. `reference` is a tag or a digest (`sha256:…`).
class ContentSource : public QObject
{
    Q_OBJECT
public:
    template <typename T> using Callback = async::Callback<T>;

    using QObject::QObject;

    /// Where this is, for messages ("localhost:5000", "memory").
    virtual QString displayName() const = 0;

    /// One page of repository names; `pageSize` is a hint.
    virtual RequestHandle repositories(const PageCursor &cursor, int pageSize, QObject *context,
                                       Callback<NamePage> done) = 0;
    /// One page of tags of `repository`.
    virtual RequestHandle tags(const QString &repository, const PageCursor &cursor, int pageSize,
                               QObject *context, Callback<NamePage> done) = 0;
    /// Digest, media type and size of a tag or digest without fetching the manifest where the
    /// source can (a registry's HEAD: a claim, `verified` false).
    virtual RequestHandle resolve(const QString &repository, const QString &reference,
                                  QObject *context, Callback<ResolvedReference> done) = 0;
    /// The manifest with its exact bytes; by digest, bytes that do not hash to it are an error.
    virtual RequestHandle manifest(const QString &repository, const QString &reference,
                                   QObject *context, Callback<SourceManifest> done) = 0;
    /// The stored bytes of a manifest, unparsed (see RawManifest); by digest, bytes that do not
    /// hash to it are an error. A missing tag or digest is ErrorKind::NotFound.
    virtual RequestHandle rawManifest(const QString &repository, const QString &reference,
                                      QObject *context, Callback<RawManifest> done) = 0;
    /// Writes the blob into `sink` (at most `maxBytes`), verifies it and commits the sink; on
    /// any failure the sink is discarded.
    virtual RequestHandle blob(const QString &repository, const Digest &digest,
                               std::shared_ptr<BlobSink> sink, qint64 maxBytes, QObject *context,
                               Callback<BlobReceipt> done) = 0;
    /// Referrers of `subject` (PROTOCOL §4) through the source's referrers API, filtered by
    /// `artifactType` when not empty. A source without the API answers Kind::ApiAbsent.
    virtual RequestHandle referrers(const QString &repository, const Digest &subject,
                                    const QString &artifactType, QObject *context,
                                    Callback<ReferrersAnswer> done) = 0;

    /// Stores a blob unless it is there (a file streams from disk); `progress` (may be null)
    /// sees the bytes sent. A cancelled upload leaves nothing half-written behind.
    virtual RequestHandle uploadBlob(const QString &repository, const BlobPayload &payload,
                                     const BlobUploadOptions &options, QObject *context,
                                     Callback<BlobUploadResult> done,
                                     TransferProgressCallback progress = {}) = 0;
    /// uploadBlob() of bytes in memory; answers their sha256 digest.
    RequestHandle pushBlob(const QString &repository, const QByteArray &bytes, QObject *context,
                           Callback<Digest> done);
    /// Stores a manifest's exact bytes under a tag or its digest, when `condition` holds
    /// (ErrorKind::PreconditionFailed otherwise, where the source checks conditions).
    virtual RequestHandle pushManifest(const QString &repository, const QString &reference,
                                       const QByteArray &raw, const QString &mediaType,
                                       const WriteCondition &condition, QObject *context,
                                       Callback<PushedContent> done) = 0;
    /// pushManifest() without a condition.
    RequestHandle pushManifest(const QString &repository, const QString &reference,
                               const QByteArray &raw, const QString &mediaType, QObject *context,
                               Callback<PushedContent> done)
    {
        return pushManifest(repository, reference, raw, mediaType, WriteCondition{}, context,
                            std::move(done));
    }
    /// Deletes a manifest by digest (and every tag on it), or only a tag where supported.
    virtual RequestHandle deleteManifest(const QString &repository, const QString &reference,
                                         QObject *context, Callback<Done> done) = 0;
    /// Deletes a blob from `repository` without asking whether a manifest still uses it (see
    /// BlobDeletionCheck). A registry removes the repository's link to it; the bytes stay until
    /// its garbage collector runs. A missing blob is ErrorKind::NotFound; a source or registry
    /// that does not delete blobs answers ErrorKind::Unsupported, having changed nothing.
    virtual RequestHandle deleteBlob(const QString &repository, const Digest &digest,
                                     QObject *context, Callback<Done> done) = 0;

    /// blob() into memory: the verified bytes of a blob of at most `maxBytes`.
    RequestHandle blobBytes(const QString &repository, const Digest &digest, qint64 maxBytes,
                            QObject *context, Callback<QByteArray> done);

    /// Every tag of `repository`, following cursors up to `maxPages` pages; `progress` sees
    /// each page's valid names as they arrive.
    RequestHandle allTags(const QString &repository, int maxPages, QObject *context,
                          Callback<NameListing> done,
                          std::function<void(const QStringList &)> progress = {});
    /// Every repository name, following cursors up to `maxPages` pages.
    RequestHandle allRepositories(int maxPages, QObject *context, Callback<NameListing> done);

    /// Whether `reference` names a digest rather than a tag (tags never parse as digests).
    static bool isDigestReference(const QString &reference);

private:
    using PageRequest = std::function<RequestHandle(const PageCursor &, Callback<NamePage>)>;
    /// Follows `request`'s cursors and keeps every page's refused names.
    static RequestHandle collectNames(QObject *context, int maxPages, PageRequest request,
                                      Callback<NameListing> done,
                                      std::function<void(const QStringList &)> progress);
};

} // namespace ocular
