#include "referrerwalker.h"

#include "content/mediatype.h"
#include "http/linkheader.h"
#include "http/originpolicy.h"
#include "referrers/capabilityprobe.h"
#include "referrers/cosigntags.h"
#include "referrers/fallbackindex.h"
#include "registry/registryclient.h"

#include <QPointer>

namespace ocular {

namespace {

const QLatin1String kCreated("org.opencontainers.image.created");
const QLatin1String kBuildKitPredicate("in-toto.io/predicate-type");
const QLatin1String kCosignPredicate("predicateType");

QString platformText(const Platform &platform)
{
    QString text = platform.os + QLatin1Char('/') + platform.architecture;
    if (!platform.variant.isEmpty())
        text += QLatin1Char('/') + platform.variant;
    return text;
}

} // namespace

void classifyReferrerNode(ReferrerNode &node, ReferrerSources via)
{
    if (mediatype::isIndexType(node.mediaType)) {
        node.classification = ArtifactClass::fromType(node.mediaType);
        return;
    }
    const QString firstLayer = node.layerMediaTypes.value(0);
    ArtifactClass c = ArtifactClass::fromType(node.artifactType, firstLayer);
    const bool plainImage = node.artifactType.isEmpty() &&
                            (firstLayer.isEmpty() || firstLayer.contains(QLatin1String(".tar")) ||
                             firstLayer.contains(QLatin1String("rootfs")));
    if (plainImage && c.category == ArtifactCategory::Other && node.fetched) {
        node.classification = ArtifactClass::fromType(node.mediaType);
        return;
    }
    // A predicate type says more than the in-toto/DSSE envelope type around it.
    if (c.category == ArtifactCategory::Attestation && !node.predicateTypes.isEmpty()) {
        QStringList kinds;
        for (const QString &predicate : node.predicateTypes) {
            const ArtifactClass p = ArtifactClass::fromType(predicate);
            const QString label = p.label.isEmpty() ? predicate : p.label;
            if (!kinds.contains(label))
                kinds << label;
        }
        c.label += QStringLiteral(" (") + kinds.join(QStringLiteral(", ")) + QLatin1Char(')');
    }
    if (via.testFlag(ReferrerSource::BuildKit)) {
        c.category = ArtifactCategory::Attestation;
        c.label =
            QStringLiteral("BuildKit attestation") +
            (c.label.contains(QLatin1Char('(')) ? c.label.mid(c.label.indexOf(QLatin1Char('(')) - 1)
                                                : QString());
    }
    node.classification = c;
}

struct ReferrerWalker::Job
{
    QString repository;
    Options options;
    ReferrerGraph graph;
    QPointer<QObject> context;
    Callback done;
    RequestHandle outer;
    QList<RequestHandle> handles;
    QSet<Digest> visited;
    QSet<Digest> expanded;
    QSet<Digest> depthReported;
    QHash<Digest, ReferrerSources> via;
    int pending = 0;
    bool finished = false;
    bool nodeLimitReported = false;
    // Referrers API support for this walk (seeded from the probe's cache).
    CapabilityState api = CapabilityState::Unknown;
    bool apiRecorded = false;
    // Tags (for cosign).
    enum class TagState
    {
        NotLoaded,
        Loading,
        Loaded,
        Failed
    } tagState = TagState::NotLoaded;
    std::shared_ptr<const QSet<QString>> tags;
    QList<std::function<void()>> waitingForTags;

    void track(const RequestHandle &handle) { handles.append(handle); }
};

ReferrerWalker::ReferrerWalker(RegistryClient *client, CapabilityProbe *probe, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_probe(probe)
{}

void ReferrerWalker::begin(const std::shared_ptr<Job> &job)
{
    ++job->pending;
}

void ReferrerWalker::end(const std::shared_ptr<Job> &job)
{
    if (--job->pending > 0 || job->finished)
        return;
    job->finished = true;
    job->waitingForTags.clear(); // they hold the job
    if (!job->context)
        return;
    Callback done = std::move(job->done);
    if (job->outer.isCancelled())
        return done(Error::make(ErrorKind::Cancelled, QStringLiteral("Cancelled.")));
    const ReferrerNode *root = job->graph.node(job->graph.root());
    if (!root || root->missing)
        return done(Error::make(ErrorKind::NotFound,
                                QStringLiteral("%1@%2 does not exist.")
                                    .arg(job->repository, job->graph.root().toString())));
    if (!root->fetched)
        return done(Error::make(ErrorKind::Server, root->fetchError));
    done(std::move(job->graph));
}

RequestHandle ReferrerWalker::walk(const QString &repository, const QString &reference,
                                   const Options &options, QObject *context, Callback done)
{
    auto job = std::make_shared<Job>();
    job->repository = repository;
    job->options = options;
    job->context = context;
    job->done = std::move(done);
    job->tags = options.tags;
    if (job->tags)
        job->tagState = Job::TagState::Loaded;
    if (m_probe) {
        const Capability known = m_probe->cached(repository).referrersApi;
        if (known.probedAt.isValid())
            job->api = known.state;
    }
    std::weak_ptr<Job> weak = job;
    job->outer.setAbort([weak] {
        if (auto j = weak.lock()) {
            const QList<RequestHandle> handles = j->handles;
            for (const RequestHandle &h : handles)
                h.cancel();
        }
    });

    begin(job);
    const auto asDigest = Digest::parse(reference);
    if (asDigest.ok()) {
        job->graph = ReferrerGraph(repository, asDigest.value());
        visit(job, asDigest.value(), 0, 0, nullptr, {});
        QMetaObject::invokeMethod(
            this, [this, job] { end(job); }, Qt::QueuedConnection);
    } else {
        job->track(m_client->getManifest(repository, reference, context,
                                         [this, job](Result<FetchedManifest> result) {
                                             if (result.ok()) {
                                                 const Digest root = result->manifest.digest();
                                                 job->graph = ReferrerGraph(job->repository, root);
                                                 job->visited.insert(root);
                                                 ReferrerNode node;
                                                 node.digest = root;
                                                 job->graph.setNode(node);
                                                 onManifest(job, root, 0, 0, {}, std::move(result));
                                             } else if (!job->finished) {
                                                 job->finished = true;
                                                 if (job->context)
                                                     job->done(result.error());
                                                 return;
                                             }
                                             end(job);
                                         }));
    }
    return job->outer;
}

void ReferrerWalker::visit(const std::shared_ptr<Job> &job, const Digest &digest, int depth,
                           int nesting, const Descriptor *descriptor, ReferrerSources via)
{
    job->via[digest] |= via;
    if (job->visited.contains(digest)) {
        if (ReferrerNode *node = job->graph.mutableNode(digest)) {
            if (descriptor) {
                for (auto it = descriptor->annotations.begin(); it != descriptor->annotations.end();
                     ++it)
                    node->annotations.insert(it.key(), it.value());
            }
            classifyReferrerNode(*node, job->via.value(digest));
        }
        return;
    }
    if (job->visited.size() >= job->options.maxNodes) {
        if (!job->nodeLimitReported) {
            job->nodeLimitReported = true;
            job->graph.addIssue(ReferrerIssue{
                ReferrerIssue::Kind::NodeLimit, digest, QString(),
                QStringLiteral("The walk stopped at %1 manifests.").arg(job->options.maxNodes)});
        }
        return;
    }
    job->visited.insert(digest);
    ReferrerNode node;
    node.digest = digest;
    node.depth = depth;
    if (descriptor) {
        node.mediaType = descriptor->mediaType;
        node.artifactType = descriptor->artifactType;
        node.size = descriptor->size;
        node.annotations = descriptor->annotations;
        if (descriptor->platform)
            node.platform = platformText(*descriptor->platform);
        node.created = descriptor->annotations.value(kCreated);
    }
    classifyReferrerNode(node, via);
    job->graph.setNode(node);

    begin(job);
    job->track(m_client->getManifest(
        job->repository, digest.toString(), job->context,
        [this, job, digest, depth, nesting, via](Result<FetchedManifest> result) {
            onManifest(job, digest, depth, nesting, via, std::move(result));
            end(job);
        }));
}

void ReferrerWalker::onManifest(const std::shared_ptr<Job> &job, const Digest &digest, int depth,
                                int nesting, ReferrerSources via, Result<FetchedManifest> result)
{
    ReferrerNode *node = job->graph.mutableNode(digest);
    if (!node || job->outer.isCancelled())
        return;
    if (!result.ok()) {
        if (result.error().kind == ErrorKind::NotFound) {
            node->missing = true;
            if (via.testFlag(ReferrerSource::FallbackTag) ||
                via.testFlag(ReferrerSource::ReferrersApi))
                job->graph.addIssue(ReferrerIssue{
                    ReferrerIssue::Kind::FallbackEntryMissing, digest, QString(),
                    QStringLiteral("The referrers list names %1, but that manifest is gone.")
                        .arg(digest.shortForm())});
        } else {
            node->fetchError = result.error().toString();
        }
        return;
    }
    const Manifest &manifest = result->manifest;
    node->fetched = true;
    node->mediaType = manifest.mediaType();
    node->size = manifest.raw().size();
    if (node->artifactType.isEmpty())
        node->artifactType = manifest.effectiveArtifactType();
    for (auto it = manifest.annotations().begin(); it != manifest.annotations().end(); ++it)
        node->annotations.insert(it.key(), it.value());
    if (node->created.isEmpty())
        node->created = node->annotations.value(kCreated);
    if (manifest.subject())
        node->subject = manifest.subject()->digest;
    node->layers = manifest.layers();
    node->layerMediaTypes.clear();
    node->predicateTypes.clear();
    for (const Descriptor &layer : manifest.layers()) {
        node->layerMediaTypes << layer.mediaType;
        for (const QLatin1String key : {kBuildKitPredicate, kCosignPredicate}) {
            const QString predicate = layer.annotations.value(key);
            if (!predicate.isEmpty() && !node->predicateTypes.contains(predicate))
                node->predicateTypes << predicate;
        }
    }
    classifyReferrerNode(*node, job->via.value(digest) | via);

    if (manifest.isIndex() && job->options.walkIndexChildren) {
        for (const Descriptor &entry : manifest.manifests()) {
            if (entry.isBuildKitAttestation()) {
                if (!job->options.useBuildKit)
                    continue;
                const Digest subject = entry.attestationSubject();
                if (!subject.isValid())
                    continue;
                if (!job->options.artifactType.isEmpty() &&
                    !mediatype::sameType(job->options.artifactType, entry.artifactType))
                    continue;
                job->graph.addEdge(subject, entry.digest, ReferrerSource::BuildKit);
                visit(job, entry.digest, depth + 1, 0, &entry, ReferrerSource::BuildKit);
            } else if (nesting < job->options.maxIndexNesting) {
                job->graph.addEdge(digest, entry.digest, ReferrerSource::IndexChild);
                visit(job, entry.digest, depth, nesting + 1, &entry, ReferrerSource::IndexChild);
            }
        }
    }
    expand(job, digest, depth, nesting);
}

void ReferrerWalker::expand(const std::shared_ptr<Job> &job, const Digest &digest, int depth,
                            int /*nesting*/)
{
    if (job->expanded.contains(digest))
        return;
    job->expanded.insert(digest);
    const Options &o = job->options;
    if (o.useReferrersApi && job->api != CapabilityState::NotSupported)
        queryApi(job, digest, depth, QUrl(), 0);
    if (o.useFallbackTag)
        queryFallback(job, digest, depth);
    if (o.useCosignTags && digest.algorithm() == QLatin1String("sha256"))
        queryCosign(job, digest, depth);
}

void ReferrerWalker::found(const std::shared_ptr<Job> &job, const Digest &subject, int depth,
                           const Descriptor &referrer, ReferrerSource source, const QString &tag)
{
    if (depth >= job->options.maxDepth) {
        if (!job->depthReported.contains(subject)) {
            job->depthReported.insert(subject);
            job->graph.addIssue(ReferrerIssue{
                ReferrerIssue::Kind::DepthLimit, subject, QString(),
                QStringLiteral("%1 has referrers beyond the depth limit of %2; not walked.")
                    .arg(subject.shortForm())
                    .arg(job->options.maxDepth)});
        }
        return;
    }
    if (referrer.digest == subject)
        return; // a manifest cannot refer to itself; reported lists sometimes do
    job->graph.addEdge(subject, referrer.digest, source, tag);
    visit(job, referrer.digest, depth + 1, 0, &referrer, source);
}

void ReferrerWalker::queryApi(const std::shared_ptr<Job> &job, const Digest &subject, int depth,
                              const QUrl &next, int page)
{
    begin(job);
    const QString filter = job->options.artifactType;
    const QUrl base = m_client->endpoint().baseUrl;
    job->track(m_client->referrersPage(
        job->repository, subject, filter, next, job->context,
        [this, job, subject, depth, page, filter, base](Result<HttpResponse> result) {
            auto finally = qScopeGuard([this, job] { end(job); });
            if (job->outer.isCancelled())
                return;
            if (!result.ok()) {
                if (result.error().kind != ErrorKind::Cancelled)
                    job->graph.addIssue(ReferrerIssue{
                        ReferrerIssue::Kind::SourceFailed, subject, QString(),
                        QStringLiteral("Referrers API: ") + result.error().toString()});
                return;
            }
            const HttpResponse &response = result.value();
            const Capability capability = CapabilityProbe::interpretReferrersResponse(response);
            if (page == 0 && (job->api != capability.state || !job->apiRecorded)) {
                if (capability.state != CapabilityState::Unknown)
                    job->api = capability.state;
                if (m_probe && !job->apiRecorded) {
                    job->apiRecorded = true;
                    m_probe->recordReferrersApi(job->repository, capability);
                }
            }
            if (capability.state == CapabilityState::NotSupported)
                return;
            if (capability.state != CapabilityState::Supported) {
                // NAME_UNKNOWN, 401, 5xx: nothing learned about this subject from the API.
                if (response.status != 404)
                    job->graph.addIssue(
                        ReferrerIssue{ReferrerIssue::Kind::SourceFailed, subject, QString(),
                                      QStringLiteral("Referrers API: ") + capability.evidence});
                return;
            }
            auto index = FallbackIndex::parse(response.body);
            if (!index.ok()) {
                job->graph.addIssue(
                    ReferrerIssue{ReferrerIssue::Kind::SourceFailed, subject, QString(),
                                  QStringLiteral("Referrers API: ") + index.error().message});
                return;
            }
            QList<Descriptor> entries;
            if (!filter.isEmpty()) {
                const Capability filtering = CapabilityProbe::interpretFiltering(response);
                if (m_probe && page == 0)
                    m_probe->recordReferrersFiltering(job->repository, filtering);
                // Without OCI-Filters-Applied the server sent everything: filter here.
                entries = filtering.state == CapabilityState::Supported ? index->entries()
                                                                        : index->filtered(filter);
            } else {
                entries = index->entries();
            }
            for (const Descriptor &entry : entries)
                found(job, subject, depth, entry, ReferrerSource::ReferrersApi, QString());
            const QUrl nextPage = linkheader::nextUrl(response.headerValues("Link"), response.url);
            if (nextPage.isValid() && nextPage != response.url) {
                if (!originpolicy::sameOrigin(nextPage, base)) {
                    job->graph.addIssue(ReferrerIssue{
                        ReferrerIssue::Kind::SourceFailed, subject, QString(),
                        QStringLiteral("The referrers API's next page is on another host; "
                                       "not followed.")});
                } else if (page + 1 >= job->options.maxApiPages) {
                    job->graph.addIssue(ReferrerIssue{
                        ReferrerIssue::Kind::SourceFailed, subject, QString(),
                        QStringLiteral("Stopped after %1 referrers API pages.").arg(page + 1)});
                } else {
                    queryApi(job, subject, depth, nextPage, page + 1);
                }
            }
        }));
}

void ReferrerWalker::queryFallback(const std::shared_ptr<Job> &job, const Digest &subject,
                                   int depth)
{
    const QString tag = subject.fallbackTag();
    auto inspect = [this, job, subject, depth, tag] {
        begin(job);
        job->track(m_client->getManifest(
            job->repository, tag, job->context,
            [this, job, subject, depth, tag](Result<FetchedManifest> result) {
                auto finally = qScopeGuard([this, job] { end(job); });
                if (job->outer.isCancelled())
                    return;
                if (!result.ok()) {
                    const Error &error = result.error();
                    if (error.kind == ErrorKind::NotFound || error.kind == ErrorKind::Cancelled)
                        return; // no fallback tag: no referrers recorded there
                    job->graph.addIssue(ReferrerIssue{
                        error.kind == ErrorKind::InvalidContent
                            ? ReferrerIssue::Kind::FallbackNotIndex
                            : ReferrerIssue::Kind::SourceFailed,
                        subject, tag,
                        QStringLiteral("Fallback tag %1: %2").arg(tag, error.toString())});
                    return;
                }
                if (!result->manifest.isIndex()) {
                    job->graph.addIssue(ReferrerIssue{
                        ReferrerIssue::Kind::FallbackNotIndex, subject, tag,
                        QStringLiteral("The fallback tag %1 holds a %2, not an index; treated "
                                       "as no referrers.")
                            .arg(tag, mediatype::describe(result->manifest.mediaType()))});
                    return;
                }
                auto index = FallbackIndex::parse(result->manifest.raw());
                if (!index.ok()) {
                    job->graph.addIssue(ReferrerIssue{ReferrerIssue::Kind::FallbackNotIndex,
                                                      subject, tag, index.error().message});
                    return;
                }
                for (const Descriptor &entry : index->filtered(job->options.artifactType))
                    found(job, subject, depth, entry, ReferrerSource::FallbackTag, tag);
            }));
    };
    // With the tag list at hand, a missing fallback tag costs no request.
    if (job->tagState == Job::TagState::Loaded && job->tags) {
        if (job->tags->contains(tag))
            inspect();
        return;
    }
    inspect();
}

void ReferrerWalker::queryCosign(const std::shared_ptr<Job> &job, const Digest &subject, int depth)
{
    withTags(job, [this, job, subject, depth] {
        if (!job->tags)
            return;
        for (const QString &tag : cosigntags::tagsFor(subject)) {
            if (!job->tags->contains(tag))
                continue;
            begin(job);
            job->track(m_client->getManifest(
                job->repository, tag, job->context,
                [this, job, subject, depth, tag](Result<FetchedManifest> result) {
                    auto finally = qScopeGuard([this, job] { end(job); });
                    if (job->outer.isCancelled())
                        return;
                    if (!result.ok()) {
                        if (result.error().kind != ErrorKind::Cancelled)
                            job->graph.addIssue(
                                ReferrerIssue{ReferrerIssue::Kind::SourceFailed, subject, tag,
                                              QStringLiteral("cosign tag %1: %2")
                                                  .arg(tag, result.error().toString())});
                        return;
                    }
                    const Manifest &m = result->manifest;
                    Descriptor d;
                    d.mediaType = m.mediaType();
                    d.digest = m.digest();
                    d.size = m.raw().size();
                    d.artifactType = m.effectiveArtifactType();
                    if (!job->options.artifactType.isEmpty()) {
                        QString type = d.artifactType;
                        if (type.isEmpty() && !m.layers().isEmpty())
                            type = m.layers().first().mediaType;
                        if (!mediatype::sameType(type, job->options.artifactType))
                            return;
                    }
                    found(job, subject, depth, d, ReferrerSource::CosignTag, tag);
                }));
        }
    });
}

void ReferrerWalker::withTags(const std::shared_ptr<Job> &job, std::function<void()> then)
{
    switch (job->tagState) {
    case Job::TagState::Loaded:
    case Job::TagState::Failed:
        then();
        return;
    case Job::TagState::Loading:
        begin(job);
        job->waitingForTags.append([this, job, then] {
            then();
            end(job);
        });
        return;
    case Job::TagState::NotLoaded:
        break;
    }
    job->tagState = Job::TagState::Loading;
    begin(job);
    job->waitingForTags.append([this, job, then] {
        then();
        end(job);
    });
    begin(job);
    job->track(
        m_client->allTags(job->repository, job->context, [this, job](Result<QStringList> tags) {
            if (tags.ok()) {
                job->tags = std::make_shared<const QSet<QString>>(tags->begin(), tags->end());
                job->tagState = Job::TagState::Loaded;
            } else {
                job->tagState = Job::TagState::Failed;
                if (tags.error().kind != ErrorKind::Cancelled)
                    job->graph.addIssue(ReferrerIssue{
                        ReferrerIssue::Kind::SourceFailed, Digest(), QString(),
                        QStringLiteral("Could not list tags for cosign attachments: ") +
                            tags.error().toString()});
            }
            const QList<std::function<void()>> waiting = std::move(job->waitingForTags);
            job->waitingForTags.clear();
            for (const auto &fn : waiting)
                fn();
            end(job);
        }));
}

} // namespace ocular
