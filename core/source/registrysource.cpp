#include "registrysource.h"

#include "content/mediatype.h"
#include "http/linkheader.h"
#include "http/originpolicy.h"
#include "http/registryerror.h"
#include "reference/manifestidentifier.h"
#include "referrers/capabilityprobe.h"
#include "referrers/fallbackindex.h"
#include "registry/blobuploader.h"
#include "registry/registryclient.h"
#include "source/tagobserver.h"

namespace ocular {

namespace {

constexpr qint64 SinkChunk = 64 * 1024;

NamePage toNamePage(const ListPage &page)
{
    NamePage out;
    out.items = page.items;
    out.next =
        page.next.isValid() ? PageCursor::continueAt(page.next.toString()) : PageCursor::end();
    out.rejected = page.rejected;
    return out;
}

} // namespace

RegistrySource::RegistrySource(RegistryClient *client, QObject *parent)
    : ContentSource(parent)
    , m_client(client)
    , m_uploader(new BlobUploader(client, this))
{}

QString RegistrySource::displayName() const
{
    return m_client ? m_client->endpoint().registry : QStringLiteral("registry (gone)");
}

template <typename T>
RequestHandle RegistrySource::clientGone(QObject *context, const Callback<T> &done)
{
    async::deliverLater(context, [done] {
        done(Error::cancelled(QStringLiteral("The registry connection went away.")));
    });
    return RequestHandle();
}

Result<QUrl> RegistrySource::continuation(const PageCursor &cursor) const
{
    if (cursor.isStart())
        return QUrl();
    const QUrl url(cursor.token());
    // Cursors are ours, but a cursor from another source must not send requests elsewhere.
    if (cursor.isEnd() || !url.isValid() ||
        !originpolicy::sameOrigin(url, m_client->endpoint().baseUrl))
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("This page cursor does not belong to %1.")
                               .arg(m_client->endpoint().registry));
    return url;
}

RequestHandle RegistrySource::repositories(const PageCursor &cursor, int pageSize, QObject *context,
                                           Callback<NamePage> done)
{
    if (!m_client)
        return clientGone(context, done);
    const auto next = continuation(cursor);
    if (!next.ok()) {
        async::deliverLater(context, [done, error = next.error()] { done(error); });
        return RequestHandle();
    }
    return m_client->catalogPage(pageSize > 0 ? pageSize : 1000, next.value(), context,
                                 [done](Result<ListPage> page) {
                                     if (!page.ok())
                                         return done(page.error());
                                     done(toNamePage(page.value()));
                                 });
}

RequestHandle RegistrySource::tags(const QString &repository, const PageCursor &cursor,
                                   int pageSize, QObject *context, Callback<NamePage> done)
{
    if (!m_client)
        return clientGone(context, done);
    const auto next = continuation(cursor);
    if (!next.ok()) {
        async::deliverLater(context, [done, error = next.error()] { done(error); });
        return RequestHandle();
    }
    return m_client->tagsPage(repository, pageSize, next.value(), context,
                              [done](Result<ListPage> page) {
                                  if (!page.ok())
                                      return done(page.error());
                                  done(toNamePage(page.value()));
                              });
}

RequestHandle RegistrySource::resolve(const QString &repository, const QString &reference,
                                      QObject *context, Callback<ResolvedReference> delivered)
{
    if (!m_client)
        return clientGone(context, delivered);
    RequestHandle outer;
    QPointer<RegistrySource> self(this);
    const std::shared_ptr<TagObserver> observer = m_tagObserver;
    const QString registry = m_client->endpoint().registry;
    Callback<ResolvedReference> original = std::move(delivered);
    Callback<ResolvedReference> done = [observer, registry, repository, reference,
                                        original](Result<ResolvedReference> resolved) {
        if (resolved.ok())
            noteTag(observer, registry, repository, reference, resolved->descriptor.digest);
        original(std::move(resolved));
    };
    outer.setCurrentStep(m_client->headManifest(
        repository, reference, context,
        [self, outer, repository, reference, context, done](Result<ManifestHead> head) {
            if (!head.ok())
                return done(head.error());
            ResolvedReference resolved;
            resolved.descriptor.digest = head->digest;
            resolved.descriptor.mediaType = head->mediaType;
            resolved.descriptor.size = head->size;
            if (!resolved.descriptor.digest.isValid() && isDigestReference(reference))
                resolved.descriptor.digest = Digest::parse(reference).value();
            if (resolved.descriptor.digest.isValid())
                return done(resolved);
            // No Docker-Content-Digest: only the bytes can tell.
            if (!self || outer.isCancelled())
                return done(Error::cancelled());
            outer.setCurrentStep(self->manifest(
                repository, reference, context, [done](Result<SourceManifest> fetched) {
                    if (!fetched.ok())
                        return done(fetched.error());
                    ResolvedReference verified;
                    verified.descriptor.digest = fetched->manifest.digest();
                    verified.descriptor.mediaType = fetched->manifest.mediaType();
                    verified.descriptor.size = fetched->manifest.raw().size();
                    verified.verified = true;
                    done(verified);
                }));
        }));
    return outer;
}

RequestHandle RegistrySource::manifest(const QString &repository, const QString &reference,
                                       QObject *context, Callback<SourceManifest> done)
{
    if (!m_client)
        return clientGone(context, done);
    return m_client->getManifest(
        repository, reference, context,
        [done, observer = m_tagObserver, registry = m_client->endpoint().registry, repository,
         reference](Result<FetchedManifest> fetched) {
            if (!fetched.ok())
                return done(fetched.error());
            FetchedManifest &f = fetched.value();
            noteTag(observer, registry, repository, reference, f.manifest.digest());
            done(SourceManifest{std::move(f.manifest), f.warning, f.fromCache});
        });
}

RequestHandle RegistrySource::rawManifest(const QString &repository, const QString &reference,
                                          QObject *context, Callback<RawManifest> done)
{
    if (!m_client)
        return clientGone(context, done);
    // The raw read skips RegistryClient's strict parse, not its name checks: a reference that
    // is neither a tag nor a digest must never become part of a URL path.
    if (const auto identifier = ManifestIdentifier::parse(reference); !identifier.ok()) {
        async::deliverLater(context, [done, error = identifier.error()] { done(error); });
        return RequestHandle();
    }
    return m_client->manifestResponse(
        repository, reference, context, [done, repository, reference](Result<HttpResponse> result) {
            if (!result.ok())
                return done(result.error());
            const HttpResponse &response = result.value();
            if (!response.isSuccess())
                return done(registryError(response, repository + QLatin1Char(':') + reference));
            RawManifest out{response.body, response.contentType(), Digest::sha256(response.body),
                            response.header("ETag")};
            if (isDigestReference(reference)) {
                const Digest wanted = Digest::parse(reference).value();
                if (!wanted.matches(response.body))
                    return done(Error::make(ErrorKind::DigestMismatch,
                                            QStringLiteral("The manifest received does not match "
                                                           "the digest %1 it was asked for; it "
                                                           "was discarded.")
                                                .arg(wanted.toString())));
                out.digest = wanted;
            }
            done(out);
        });
}

RequestHandle RegistrySource::blob(const QString &repository, const Digest &digest,
                                   std::shared_ptr<BlobSink> sink, qint64 maxBytes,
                                   QObject *context, Callback<BlobReceipt> done)
{
    if (!m_client)
        return clientGone(context, done);
    // RegistryClient verifies the bytes (off-thread when large) before they reach the sink;
    // the sink therefore only ever sees verified content.
    return m_client->getBlob(
        repository, digest, maxBytes, context, [sink, digest, done](Result<QByteArray> bytes) {
            if (!bytes.ok()) {
                sink->discard();
                return done(bytes.error());
            }
            const QByteArray &data = bytes.value();
            for (qsizetype at = 0; at < data.size(); at += SinkChunk) {
                if (!sink->write(QByteArrayView(data).sliced(
                        at, qMin<qsizetype>(SinkChunk, data.size() - at)))) {
                    sink->discard();
                    return done(Error::make(
                        ErrorKind::InvalidInput,
                        QStringLiteral("Could not store the blob %1.").arg(digest.shortForm())));
                }
            }
            const auto committed = sink->commit();
            if (!committed.ok())
                return done(committed.error());
            done(BlobReceipt{digest, data.size(), false});
        });
}

RequestHandle RegistrySource::referrers(const QString &repository, const Digest &subject,
                                        const QString &artifactType, QObject *context,
                                        Callback<ReferrersAnswer> done)
{
    if (!m_client)
        return clientGone(context, done);
    auto answer = std::make_shared<ReferrersAnswer>();
    QPointer<RegistryClient> client = m_client;
    const QUrl base = m_client->endpoint().baseUrl;
    using ReferrersPage = async::Page<Descriptor, PageCursor>;
    auto pageNumber = std::make_shared<int>(0);
    auto fetch = [client, repository, subject, artifactType, context, answer, base,
                  pageNumber](const PageCursor &cursor, async::Callback<ReferrersPage> page) {
        if (!client) {
            async::deliverLater(context, [page] {
                page(Error::cancelled(QStringLiteral("The registry connection went away.")));
            });
            return RequestHandle();
        }
        const QUrl next = cursor.isStart() ? QUrl() : QUrl(cursor.token());
        const bool first = cursor.isStart();
        return client->referrersPage(
            repository, subject, artifactType, next, context,
            [client, answer, artifactType, page, first, base,
             pageNumber](Result<HttpResponse> result) {
                if (!result.ok())
                    return page(result.error());
                const HttpResponse &response = result.value();
                const Capability api = CapabilityProbe::interpretReferrersResponse(response);
                if (first) {
                    answer->httpStatus = response.status;
                    answer->evidence = api.evidence;
                    answer->kind = api.state == CapabilityState::Supported
                                       ? ReferrersAnswer::Kind::Api
                                   : api.state == CapabilityState::NotSupported
                                       ? ReferrersAnswer::Kind::ApiAbsent
                                       : ReferrersAnswer::Kind::Unknown;
                    if (api.state != CapabilityState::Supported)
                        return page(ReferrersPage{{}, PageCursor::end()});
                    answer->filterAppliedByServer =
                        !artifactType.isEmpty() &&
                        CapabilityProbe::interpretFiltering(response).state ==
                            CapabilityState::Supported;
                } else if (api.state != CapabilityState::Supported) {
                    return page(Error::make(
                        ErrorKind::InvalidContent,
                        QStringLiteral("A later referrers page failed: %1").arg(api.evidence),
                        response.status));
                }
                auto index = FallbackIndex::parse(response.body);
                if (!index.ok())
                    return page(index.error());
                const int thisPage = (*pageNumber)++;
                for (const FallbackIndex::SkippedEntry &entry : index->skipped())
                    answer->skipped.append(
                        SkippedReferrerEntry{thisPage, entry.position, entry.reason});
                ReferrersPage out;
                // Without OCI-Filters-Applied the server sent everything: filter here.
                out.items = artifactType.isEmpty() || answer->filterAppliedByServer
                                ? index->entries()
                                : index->filtered(artifactType);
                out.next = PageCursor::end();
                const QUrl nextUrl =
                    linkheader::nextUrl(response.headerValues("Link"), response.url);
                if (nextUrl.isValid() && nextUrl != response.url) {
                    // A loopback endpoint may have fallen back to plain HTTP since the walk
                    // began: the origin is the one the registry is reached on now.
                    const QUrl origin = client ? client->endpoint().baseUrl : base;
                    if (originpolicy::sameOrigin(nextUrl, origin))
                        out.next = PageCursor::continueAt(nextUrl.toString());
                    else
                        answer->warning = QStringLiteral("The referrers API's next page is on "
                                                         "another host; not followed.");
                }
                page(out);
            });
    };
    return async::collectPages<Descriptor, PageCursor>(
        context, PageCursor::start(), m_maxReferrerPages, fetch,
        [answer, done](Result<async::Collected<Descriptor>> collected) {
            if (!collected.ok())
                return done(collected.error());
            answer->referrers = collected->items;
            answer->pages = answer->kind == ReferrersAnswer::Kind::Api ? collected->pages : 0;
            answer->truncated = collected->truncated;
            if (collected->truncated)
                answer->warning =
                    QStringLiteral("Stopped after %1 referrers API pages.").arg(collected->pages);
            done(*answer);
        });
}

RequestHandle RegistrySource::uploadBlob(const QString &repository, const BlobPayload &payload,
                                         const BlobUploadOptions &options, QObject *context,
                                         Callback<BlobUploadResult> done,
                                         TransferProgressCallback progress)
{
    if (!m_client)
        return clientGone(context, done);
    return m_uploader->upload(repository, payload, options, context, std::move(done),
                              std::move(progress));
}

RequestHandle RegistrySource::pushManifest(const QString &repository, const QString &reference,
                                           const QByteArray &raw, const QString &mediaType,
                                           const WriteCondition &condition, QObject *context,
                                           Callback<PushedContent> done)
{
    if (!m_client)
        return clientGone(context, done);
    return m_client->putManifest(
        repository, reference, raw, mediaType, context,
        [done, observer = m_tagObserver, registry = m_client->endpoint().registry, repository,
         reference](Result<PushedManifest> pushed) {
            if (!pushed.ok())
                return done(pushed.error());
            noteTag(observer, registry, repository, reference, pushed->digest);
            done(PushedContent{pushed->digest, !pushed->subjectHeader.isEmpty()});
        },
        condition.ifMatch);
}

void RegistrySource::noteTag(const std::shared_ptr<TagObserver> &observer, const QString &registry,
                             const QString &repository, const QString &reference,
                             const Digest &digest)
{
    if (!observer || !digest.isValid() || isDigestReference(reference))
        return;
    observer->observe({TagObservation{registry, repository, reference, digest, QDateTime()}});
}

RequestHandle RegistrySource::deleteManifest(const QString &repository, const QString &reference,
                                             QObject *context, Callback<Done> done)
{
    if (!m_client)
        return clientGone(context, done);
    return m_client->deleteManifest(repository, reference, context, std::move(done));
}

RequestHandle RegistrySource::deleteBlob(const QString &repository, const Digest &digest,
                                         QObject *context, Callback<Done> done)
{
    if (!m_client)
        return clientGone(context, done);
    return m_client->deleteBlob(repository, digest, context, std::move(done));
}

} // namespace ocular
