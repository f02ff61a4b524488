#pragma once

#include "source/contentsource.h"

#include <QHash>
#include <QList>
#include <QMap>

namespace ocular {

/// A ContentSource held in memory: content-addressed manifests and blobs per repository, tags,
/// and optionally a referrers API computed from the `subject` of stored manifests (as a
/// registry with the API does). Answers arrive asynchronously through a timer (zero delay by
/// default), like a real source's, so UI, layouts, the demo and tests can use it without a
/// server. Failures and latency can be injected per operation.
class MemorySource : public ContentSource
{
    Q_OBJECT
public:
    enum class Operation
    {
        Repositories,
        Tags,
        Resolve,
        Manifest,
        Blob,
        Referrers,
        PushBlob,
        PushManifest,
        Delete,
        RawManifest,
        DeleteBlob,
    };

    explicit MemorySource(QObject *parent = nullptr);

    /// Direct setup (synchronous): stores bytes and answers their digest.
    Digest addBlob(const QString &repository, const QByteArray &bytes);
    /// Stores a manifest (must parse) and points `tag` (may be empty) at it.
    Result<Digest> addManifest(const QString &repository, const QByteArray &raw,
                               const QString &mediaType, const QString &tag = {});
    void setTag(const QString &repository, const QString &tag, const Digest &digest);
    /// Replaces stored bytes behind the content's back (tests of digest verification).
    void tamper(const QString &repository, const Digest &digest, const QByteArray &bytes);

    /// Whether referrers() answers from an API (default) or says the API is absent.
    void setReferrersApi(bool enabled) { m_referrersApi = enabled; }
    /// Whether the API applies artifactType filters itself (default) or leaves it to us.
    void setServerSideFiltering(bool enabled) { m_serverFiltering = enabled; }
    /// Whether deleting a tag alone is supported (default) or refused like docker-registry 2.8.
    void setTagDelete(bool enabled) { m_tagDelete = enabled; }
    /// Whether raw reads carry an ETag and conditional writes are checked (default), or neither,
    /// as on a registry that gives no ETag.
    void setConditionalWrites(bool enabled) { m_etags = enabled; }
    /// Every answer waits this long (0: the next event-loop turn).
    void setLatency(int milliseconds) { m_latencyMs = milliseconds; }
    /// The next `times` calls of `operation` fail with `error`.
    void failNext(Operation operation, const Error &error, int times = 1);

    /// Calls made, per operation.
    int callCount(Operation operation) const { return m_calls.value(int(operation)); }
    /// Calls made in all.
    int totalCalls() const;
    /// The most calls that were waiting for their answer at the same time.
    int maxConcurrentCalls() const { return m_maxInFlight; }

    QString displayName() const override { return QStringLiteral("memory"); }
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
    struct StoredManifest
    {
        QByteArray raw;
        QString mediaType;
    };
    struct Repository
    {
        QMap<QString, Digest> tags;
        QHash<Digest, StoredManifest> manifests;
        QList<Digest> order; ///< manifests in the order they arrived (referrers order)
        QHash<Digest, QByteArray> blobs;
    };

    template <typename T>
    RequestHandle answer(Operation operation, QObject *context, Callback<T> done,
                         std::function<Result<T>(MemorySource &)> compute);
    Result<Digest> digestOf(const Repository &repo, const QString &repository,
                            const QString &reference) const;
    /// The ETag a stored manifest is read with: its quoted digest, as distribution sends.
    static QByteArray etagOf(const Digest &digest);
    static Result<NamePage> page(QStringList names, const PageCursor &cursor, int pageSize);

    QMap<QString, Repository> m_repositories;
    QHash<int, QList<Error>> m_failures;
    QHash<int, int> m_calls;
    bool m_referrersApi = true;
    bool m_serverFiltering = true;
    bool m_tagDelete = true;
    bool m_etags = true;
    int m_latencyMs = 0;
    std::shared_ptr<int> m_inFlight = std::make_shared<int>(0);
    int m_maxInFlight = 0;
};

} // namespace ocular
