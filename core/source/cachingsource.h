#pragma once

#include "source/contentsource.h"

#include <QPointer>

namespace ocular {

class ContentCache;

/// A ContentSource in front of another one that serves immutable content (manifests and blobs
/// asked for by digest) from a ContentCache and stores what the inner source delivers. Tags,
/// listings, resolve and referrers always go to the inner source: they can change. Meant to
/// replace RegistryClient::setCache once the consumers take a ContentSource. Neither the inner
/// source nor the cache is owned.
class CachingSource : public ContentSource
{
    Q_OBJECT
public:
    CachingSource(ContentSource *inner, ContentCache *cache, QObject *parent = nullptr);

    ContentSource *inner() const { return m_inner; }
    /// Blobs above this size are passed through without being cached (16 MiB by default).
    void setMaxCachedBlobBytes(qint64 bytes) { m_maxCachedBlobBytes = bytes; }

    QString displayName() const override;
    RequestHandle repositories(const PageCursor &cursor, int pageSize, QObject *context,
                               Callback<NamePage> done) override;
    RequestHandle tags(const QString &repository, const PageCursor &cursor, int pageSize,
                       QObject *context, Callback<NamePage> done) override;
    RequestHandle resolve(const QString &repository, const QString &reference, QObject *context,
                          Callback<ResolvedReference> done) override;
    RequestHandle manifest(const QString &repository, const QString &reference, QObject *context,
                           Callback<SourceManifest> done) override;
    RequestHandle rawManifest(const QString &repository, const QString &reference, QObject *context,
                              Callback<RawManifest> done) override;
    RequestHandle blob(const QString &repository, const Digest &digest,
                       std::shared_ptr<BlobSink> sink, qint64 maxBytes, QObject *context,
                       Callback<BlobReceipt> done) override;
    RequestHandle referrers(const QString &repository, const Digest &subject,
                            const QString &artifactType, QObject *context,
                            Callback<ReferrersAnswer> done) override;
    RequestHandle uploadBlob(const QString &repository, const BlobPayload &payload,
                             const BlobUploadOptions &options, QObject *context,
                             Callback<BlobUploadResult> done,
                             TransferProgressCallback progress = {}) override;
    using ContentSource::pushManifest;
    RequestHandle pushManifest(const QString &repository, const QString &reference,
                               const QByteArray &raw, const QString &mediaType,
                               const WriteCondition &condition, QObject *context,
                               Callback<PushedContent> done) override;
    RequestHandle deleteManifest(const QString &repository, const QString &reference,
                                 QObject *context, Callback<Done> done) override;
    RequestHandle deleteBlob(const QString &repository, const Digest &digest, QObject *context,
                             Callback<Done> done) override;

private:
    template <typename T> RequestHandle innerGone(QObject *context, const Callback<T> &done);

    QPointer<ContentSource> m_inner;
    ContentCache *m_cache;
    qint64 m_maxCachedBlobBytes = 16 * 1024 * 1024;
};

} // namespace ocular
