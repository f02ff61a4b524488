#include "cachingsource.h"

#include "base/offthread.h"
#include "cache/contentcache.h"
#include "source/memoryblobsink.h"

namespace ocular {

namespace {

constexpr qint64 SinkChunk = 64 * 1024;
// Above this, parsing a cached manifest moves off the calling thread.
constexpr qint64 OffThreadThreshold = 256 * 1024;

/// Passes bytes on to the caller's sink and keeps a copy for the cache, up to a cap.
class TeeSink : public BlobSink
{
public:
    TeeSink(std::shared_ptr<BlobSink> target, qint64 keepAtMost)
        : m_target(std::move(target))
        , m_keepAtMost(keepAtMost)
    {}
    bool write(QByteArrayView bytes) override
    {
        if (m_keeping && m_copy.size() + bytes.size() <= m_keepAtMost)
            m_copy.append(bytes);
        else {
            m_keeping = false;
            m_copy.clear();
        }
        return m_target->write(bytes);
    }
    Result<Done> commit() override { return m_target->commit(); }
    void discard() override
    {
        m_copy.clear();
        m_keeping = false;
        m_target->discard();
    }
    qint64 written() const override { return m_target->written(); }
    /// The whole blob when it was small enough to keep.
    std::optional<QByteArray> copy() const
    {
        return m_keeping ? std::optional<QByteArray>(m_copy) : std::nullopt;
    }

private:
    std::shared_ptr<BlobSink> m_target;
    qint64 m_keepAtMost;
    QByteArray m_copy;
    bool m_keeping = true;
};

} // namespace

CachingSource::CachingSource(ContentSource *inner, ContentCache *cache, QObject *parent)
    : ContentSource(parent)
    , m_inner(inner)
    , m_cache(cache)
{}

QString CachingSource::displayName() const
{
    return m_inner ? m_inner->displayName() : QStringLiteral("(gone)");
}

template <typename T>
RequestHandle CachingSource::innerGone(QObject *context, const Callback<T> &done)
{
    async::deliverLater(context, [done] {
        done(Error::cancelled(QStringLiteral("The content source went away.")));
    });
    return RequestHandle();
}

RequestHandle CachingSource::repositories(const PageCursor &cursor, int pageSize, QObject *context,
                                          Callback<NamePage> done)
{
    if (!m_inner)
        return innerGone(context, done);
    return m_inner->repositories(cursor, pageSize, context, std::move(done));
}

RequestHandle CachingSource::tags(const QString &repository, const PageCursor &cursor, int pageSize,
                                  QObject *context, Callback<NamePage> done)
{
    if (!m_inner)
        return innerGone(context, done);
    return m_inner->tags(repository, cursor, pageSize, context, std::move(done));
}

RequestHandle CachingSource::resolve(const QString &repository, const QString &reference,
                                     QObject *context, Callback<ResolvedReference> done)
{
    if (!m_inner)
        return innerGone(context, done);
    return m_inner->resolve(repository, reference, context, std::move(done));
}

RequestHandle CachingSource::manifest(const QString &repository, const QString &reference,
                                      QObject *context, Callback<SourceManifest> done)
{
    if (!m_inner)
        return innerGone(context, done);
    ContentCache *cache = m_cache;
    auto store = [cache, done](Result<SourceManifest> result) {
        if (result.ok() && cache && !result->fromCache)
            cache->storeVerified(result->manifest.digest(), result->manifest.raw());
        done(std::move(result));
    };
    const auto digest = Digest::parse(reference);
    if (!digest.ok() || !cache)
        return m_inner->manifest(repository, reference, context, store);

    RequestHandle outer;
    QPointer<ContentSource> inner = m_inner;
    QPointer<QObject> guard(context);
    const Digest wanted = digest.value();
    cache->lookup(
        wanted, this,
        [inner, outer, guard, repository, reference, store, done,
         wanted](std::optional<QByteArray> cached) {
            if (!guard)
                return;
            if (outer.isCancelled())
                return done(Error::cancelled());
            if (!cached) {
                if (!inner)
                    return done(Error::cancelled(QStringLiteral("The content source went away.")));
                outer.setCurrentStep(inner->manifest(repository, reference, guard.data(), store));
                return;
            }
            auto parse = [bytes = *cached, wanted]() -> Result<SourceManifest> {
                auto parsed = Manifest::parse(bytes);
                if (!parsed.ok())
                    return parsed.error();
                if (parsed->digest() != wanted && !wanted.matches(bytes))
                    return Error::make(ErrorKind::DigestMismatch,
                                       QStringLiteral("The cached manifest does not "
                                                      "match %1.")
                                           .arg(wanted.toString()));
                return SourceManifest{std::move(parsed).value(), {}, true};
            };
            auto deliver = [guard, outer, done](Result<SourceManifest> result) {
                if (!guard)
                    return;
                if (outer.isCancelled())
                    return done(Error::cancelled());
                done(std::move(result));
            };
            if (cached->size() < OffThreadThreshold)
                deliver(parse());
            else
                runOffThread<Result<SourceManifest>>(guard.data(), parse, deliver);
        });
    return outer;
}

RequestHandle CachingSource::rawManifest(const QString &repository, const QString &reference,
                                         QObject *context, Callback<RawManifest> done)
{
    // Not served from the cache: raw reads are for lists kept under tags, which change.
    if (!m_inner)
        return innerGone(context, done);
    return m_inner->rawManifest(repository, reference, context, std::move(done));
}

RequestHandle CachingSource::blob(const QString &repository, const Digest &digest,
                                  std::shared_ptr<BlobSink> sink, qint64 maxBytes, QObject *context,
                                  Callback<BlobReceipt> done)
{
    if (!m_inner)
        return innerGone(context, done);
    ContentCache *cache = m_cache;
    const qint64 keep = qMin(maxBytes, m_maxCachedBlobBytes);
    auto fetch = [inner = QPointer<ContentSource>(m_inner), repository, digest, sink, maxBytes,
                  cache, keep, done](QObject *context) -> RequestHandle {
        if (!inner) {
            async::deliverLater(context, [done] {
                done(Error::cancelled(QStringLiteral("The content source went away.")));
            });
            return RequestHandle();
        }
        auto tee = std::make_shared<TeeSink>(sink, keep);
        return inner->blob(repository, digest, tee, maxBytes, context,
                           [tee, cache, digest, done](Result<BlobReceipt> receipt) {
                               if (receipt.ok() && cache && !receipt->fromCache) {
                                   if (const auto copy = tee->copy())
                                       cache->storeVerified(digest, *copy);
                               }
                               done(std::move(receipt));
                           });
    };
    if (!cache)
        return fetch(context);
    RequestHandle outer;
    QPointer<QObject> guard(context);
    cache->lookup(
        digest, this,
        [guard, outer, sink, digest, maxBytes, fetch, done](std::optional<QByteArray> cached) {
            if (!guard)
                return;
            if (outer.isCancelled())
                return done(Error::cancelled());
            if (!cached || cached->size() > maxBytes) {
                outer.setCurrentStep(fetch(guard.data()));
                return;
            }
            // Verified by the cache when it was read.
            for (qsizetype at = 0; at < cached->size(); at += SinkChunk) {
                if (!sink->write(QByteArrayView(*cached).sliced(
                        at, qMin<qsizetype>(SinkChunk, cached->size() - at)))) {
                    sink->discard();
                    return done(Error::make(
                        ErrorKind::InvalidInput,
                        QStringLiteral("Could not store the blob %1.").arg(digest.shortForm())));
                }
            }
            const auto committed = sink->commit();
            if (!committed.ok())
                return done(committed.error());
            done(BlobReceipt{digest, cached->size(), true});
        });
    return outer;
}

RequestHandle CachingSource::referrers(const QString &repository, const Digest &subject,
                                       const QString &artifactType, QObject *context,
                                       Callback<ReferrersAnswer> done)
{
    if (!m_inner)
        return innerGone(context, done);
    return m_inner->referrers(repository, subject, artifactType, context, std::move(done));
}

RequestHandle CachingSource::uploadBlob(const QString &repository, const BlobPayload &payload,
                                        const BlobUploadOptions &options, QObject *context,
                                        Callback<BlobUploadResult> done,
                                        TransferProgressCallback progress)
{
    if (!m_inner)
        return innerGone(context, done);
    return m_inner->uploadBlob(repository, payload, options, context, std::move(done),
                               std::move(progress));
}

RequestHandle CachingSource::pushManifest(const QString &repository, const QString &reference,
                                          const QByteArray &raw, const QString &mediaType,
                                          const WriteCondition &condition, QObject *context,
                                          Callback<PushedContent> done)
{
    if (!m_inner)
        return innerGone(context, done);
    return m_inner->pushManifest(repository, reference, raw, mediaType, condition, context,
                                 std::move(done));
}

RequestHandle CachingSource::deleteManifest(const QString &repository, const QString &reference,
                                            QObject *context, Callback<Done> done)
{
    if (!m_inner)
        return innerGone(context, done);
    return m_inner->deleteManifest(repository, reference, context, std::move(done));
}

RequestHandle CachingSource::deleteBlob(const QString &repository, const Digest &digest,
                                        QObject *context, Callback<Done> done)
{
    if (!m_inner)
        return innerGone(context, done);
    // The cache is left alone: it is keyed by digest alone, for every repository, and its
    // bytes stay true to the digest; whether a repository still has the blob is the
    // registry's answer, never the cache's.
    return m_inner->deleteBlob(repository, digest, context, std::move(done));
}

} // namespace ocular
