#pragma once

#include "source/contentsource.h"

#include <QPointer>
#include <memory>

namespace ocular {

class BlobUploader;
class RegistryClient;
class TagObserver;

/// A ContentSource over one registry's HTTP API (through RegistryClient). Every HTTP
/// interpretation stays in here: Link pages become opaque cursors, the referrers API's status
/// codes become ReferrersAnswer::Kind (CapabilityProbe's rules), OCI-Filters-Applied decides
/// whether the list is filtered here. The client is not owned.
class RegistrySource : public ContentSource
{
    Q_OBJECT
public:
    explicit RegistrySource(RegistryClient *client, QObject *parent = nullptr);

    RegistryClient *client() const { return m_client; }
    /// Most referrers API pages followed for one subject (100 by default).
    void setMaxReferrerPages(int pages) { m_maxReferrerPages = pages; }
    /// Told of every tag this source resolves, reads or pushes by tag, with the digest it named
    /// (the tag history); none when null.
    void setTagObserver(std::shared_ptr<TagObserver> observer)
    {
        m_tagObserver = std::move(observer);
    }

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
    /// The URL a cursor continues at, or an error when it is not one of ours.
    Result<QUrl> continuation(const PageCursor &cursor) const;
    /// A call made while the client is gone: an error on the next turn.
    template <typename T> RequestHandle clientGone(QObject *context, const Callback<T> &done);

    /// Tells m_tagObserver that @p reference, when it is a tag, named @p digest.
    static void noteTag(const std::shared_ptr<TagObserver> &observer, const QString &registry,
                        const QString &repository, const QString &reference, const Digest &digest);

    QPointer<RegistryClient> m_client;
    std::shared_ptr<TagObserver> m_tagObserver;
    BlobUploader *m_uploader; ///< a child
    int m_maxReferrerPages = 100;
};

} // namespace ocular
