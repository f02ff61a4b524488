#include "referrerwalker.h"

#include "async/boundedpool.h"
#include "content/mediatype.h"
#include "referrers/capabilityprobe.h"
#include "referrers/cosigntags.h"
#include "referrers/fallbackindex.h"
#include "referrers/signatureinspector.h"
#include "source/contentsource.h"

#include <QPointer>

namespace ocular {

namespace {

const QLatin1String kCreated("org.opencontainers.image.created");
const QLatin1String kBuildKitPredicate("in-toto.io/predicate-type");
const QLatin1String kCosignPredicate("predicateType");
constexpr qint64 CosignPayloadCap = 1024 * 1024;
// Pages of 1000 tags: a million tags is past any repository this walk can serve.
constexpr int MaxTagPages = 1000;

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
            const ArtifactClass p = ArtifactClass::fromPredicateType(predicate);
            const QString label = p.label.isEmpty() ? predicate : p.label;
            if (!kinds.contains(label))
                kinds << label;
            if (p.format != ArtifactFormat::Unknown && !c.predicateFormats.contains(p.format))
                c.predicateFormats << p.format;
        }
        c.label += QStringLiteral(" (") + kinds.join(QStringLiteral(", ")) + QLatin1Char(')');
    }
    if (via.testFlag(ReferrerSource::BuildKit)) {
        c.category = ArtifactCategory::Attestation;
        if (c.format != ArtifactFormat::Unknown && !c.predicateFormats.contains(c.format))
            c.predicateFormats << c.format;
        c.format = ArtifactFormat::BuildKitAttestation;
        c.label =
            QStringLiteral("BuildKit attestation") +
            (c.label.contains(QLatin1Char('(')) ? c.label.mid(c.label.indexOf(QLatin1Char('(')) - 1)
                                                : QString());
    }
    node.classification = c;
}

// A source's word that a manifest refers to a subject, to be checked against that manifest.
struct ReferrerWalker::Claim
{
    Digest subject;
    ReferrerSource source = ReferrerSource::ReferrersApi;
    QString tag;
    int depth = 0;
};

struct ReferrerWalker::Job
{
    QString repository;
    Options options;
    ReferrerGraph graph;
    QPointer<QObject> context;
    QMetaObject::Connection contextGone;
    Callback done;
    RequestHandle outer;
    QList<RequestHandle> handles;
    QSet<Digest> visited;
    QSet<Digest> expanded;
    QSet<Digest> depthReported;
    QHash<Digest, ReferrerSources> via;
    QHash<Digest, QList<Claim>> claims; ///< waiting for the referrer's manifest
    // Fetched manifests not walked further yet: walked once a claim on them holds.
    QHash<Digest, Manifest> ungrown;
    QSet<Digest> grown;
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

ReferrerWalker::ReferrerWalker(ContentSource *source, CapabilityProbe *probe, QObject *parent)
    : QObject(parent)
    , m_source(source)
    , m_probe(probe)
{}

ReferrerWalker::~ReferrerWalker()
{
    // Inner steps are delivered to this object, so none can run once it is gone; the callers
    // of walks still running hear Cancelled (RequestHandle contract).
    const QList<std::weak_ptr<Job>> jobs = std::move(m_jobs);
    for (const std::weak_ptr<Job> &weak : jobs) {
        const std::shared_ptr<Job> job = weak.lock();
        if (!job || job->finished)
            continue;
        job->finished = true;
        job->waitingForTags.clear();
        const QList<RequestHandle> handles = std::move(job->handles);
        for (const RequestHandle &h : handles)
            h.cancel();
        if (job->done)
            async::deliverLater(job->context.data(),
                                [done = std::move(job->done)] { done(Error::cancelled()); });
    }
}

bool ReferrerWalker::sourceGone(const std::shared_ptr<Job> &job)
{
    if (m_source)
        return false;
    // The source went away under the walk (a registry switch): nothing more can be asked, so
    // the walk ends as cancelled rather than as a graph with holes.
    job->outer.cancel();
    return true;
}

bool ReferrerWalker::stopIfCancelled(const std::shared_ptr<Job> &job, const Error &error)
{
    if (error.kind != ErrorKind::Cancelled)
        return false;
    // Not our own cancel (the callbacks return before this when the walk was cancelled): the
    // source cancelled under us because it went away. The walk is over then, rather than a
    // graph with holes where the answers would have been.
    job->outer.cancel();
    return true;
}

void ReferrerWalker::begin(const std::shared_ptr<Job> &job)
{
    ++job->pending;
}

void ReferrerWalker::end(const std::shared_ptr<Job> &job)
{
    if (--job->pending > 0 || job->finished)
        return;
    job->finished = true;
    // Both hold the job: a request handle may keep its callback (MemorySource's does).
    job->handles.clear();
    job->waitingForTags.clear();
    job->ungrown.clear();
    disconnect(job->contextGone);
    m_jobs.removeIf([](const std::weak_ptr<Job> &weak) {
        const auto j = weak.lock();
        return !j || j->finished;
    });
    if (!job->context)
        return;
    Callback done = std::move(job->done);
    if (job->outer.isCancelled())
        return done(Error::cancelled());
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
    m_jobs.append(job);
    std::weak_ptr<Job> weak = job;
    job->outer.setAbort([weak] {
        if (auto j = weak.lock()) {
            const QList<RequestHandle> handles = j->handles;
            for (const RequestHandle &h : handles)
                h.cancel();
        }
    });
    // A caller that goes away takes its walk with it: no work for nobody.
    if (context)
        job->contextGone = connect(context, &QObject::destroyed, this, [weak] {
            if (auto j = weak.lock())
                j->outer.cancel();
        });

    begin(job);
    const auto asDigest = Digest::parse(reference);
    if (asDigest.ok()) {
        job->graph = ReferrerGraph(repository, asDigest.value());
        visit(job, asDigest.value(), 0, 0, nullptr, {});
        QMetaObject::invokeMethod(
            this, [this, job] { end(job); }, Qt::QueuedConnection);
    } else if (!m_source) {
        job->finished = true;
        disconnect(job->contextGone);
        async::deliverLater(context, [done = std::move(job->done)] {
            done(Error::cancelled(QStringLiteral("The content source went away.")));
        });
    } else {
        job->track(m_source->manifest(repository, reference, this,
                                      [this, job](Result<SourceManifest> result) {
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
                                              job->handles.clear();
                                              disconnect(job->contextGone);
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
        // Reached again as a platform child or BuildKit entry: those need no claim.
        if (via.testFlag(ReferrerSource::IndexChild) || via.testFlag(ReferrerSource::BuildKit))
            grow(job, digest, depth, nesting);
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

    if (sourceGone(job))
        return;
    begin(job);
    job->track(
        m_source->manifest(job->repository, digest.toString(), this,
                           [this, job, digest, depth, nesting, via](Result<SourceManifest> result) {
                               onManifest(job, digest, depth, nesting, via, std::move(result));
                               end(job);
                           }));
}

void ReferrerWalker::onManifest(const std::shared_ptr<Job> &job, const Digest &digest, int depth,
                                int nesting, ReferrerSources via, Result<SourceManifest> result)
{
    ReferrerNode *node = job->graph.mutableNode(digest);
    if (!node || job->outer.isCancelled())
        return;
    if (!result.ok()) {
        if (stopIfCancelled(job, result.error()))
            return;
        const QList<Claim> claims = job->claims.take(digest);
        if (result.error().kind == ErrorKind::NotFound) {
            node->missing = true;
            // A listed entry whose manifest is gone: shown (as missing, never counted) so that
            // the user can clean the list up.
            for (const Claim &claim : claims)
                job->graph.addEdge(claim.subject, digest, claim.source, claim.tag);
            if (via.testFlag(ReferrerSource::FallbackTag) ||
                via.testFlag(ReferrerSource::ReferrersApi))
                job->graph.addIssue(ReferrerIssue{
                    ReferrerIssue::Kind::FallbackEntryMissing, digest, QString(),
                    QStringLiteral("The referrers list names %1, but that manifest is gone.")
                        .arg(digest.shortForm())});
        } else {
            node->fetchError = result.error().toString();
            for (const Claim &claim : claims)
                reject(job, digest, claim, RejectedReferrer::Reason::NotChecked, QString(),
                       QStringLiteral("its manifest could not be read (%1)").arg(node->fetchError));
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

    job->ungrown.insert(digest, manifest);
    // The root, platform children and BuildKit entries are part of the content that named
    // them; a referrer is walked further only once its own manifest confirms the subject.
    const ReferrerSources all = job->via.value(digest) | via;
    if (digest == job->graph.root() || all.testFlag(ReferrerSource::IndexChild) ||
        all.testFlag(ReferrerSource::BuildKit))
        grow(job, digest, depth, nesting);
    const QList<Claim> claims = job->claims.take(digest);
    for (const Claim &claim : claims)
        check(job, digest, claim);
}

void ReferrerWalker::grow(const std::shared_ptr<Job> &job, const Digest &digest, int depth,
                          int nesting)
{
    if (job->grown.contains(digest))
        return;
    const auto it = job->ungrown.constFind(digest);
    if (it == job->ungrown.constEnd())
        return; // not fetched yet: onManifest grows it
    job->grown.insert(digest);
    const Manifest manifest = it.value();
    job->ungrown.remove(digest);

    if (manifest.isIndex() && job->options.walkIndexChildren) {
        const bool cut =
            nesting >= job->options.maxIndexNesting && !job->options.expandIndexes.contains(digest);
        bool hasPlatformChildren = false;
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
            } else if (!cut) {
                job->graph.addEdge(digest, entry.digest, ReferrerSource::IndexChild);
                visit(job, entry.digest, depth, nesting + 1, &entry, ReferrerSource::IndexChild);
            } else {
                hasPlatformChildren = true;
            }
        }
        if (cut && hasPlatformChildren) {
            job->graph.addNestingCut(digest);
            job->graph.addIssue(ReferrerIssue{
                ReferrerIssue::Kind::IndexNestingLimit, digest, QString(),
                QStringLiteral("%1 is an index nested %2 levels deep (the limit); its %3 "
                               "entries were not walked. Walk it on its own to see them.")
                    .arg(digest.shortForm())
                    .arg(nesting)
                    .arg(manifest.manifests().size())});
        }
    }
    expand(job, digest, depth, nesting);
}

void ReferrerWalker::check(const std::shared_ptr<Job> &job, const Digest &digest,
                           const Claim &claim)
{
    const ReferrerNode *node = job->graph.node(digest);
    if (!node)
        return;
    if (node->missing) {
        job->graph.addEdge(claim.subject, digest, claim.source, claim.tag);
        return;
    }
    if (!node->fetchError.isEmpty()) {
        reject(job, digest, claim, RejectedReferrer::Reason::NotChecked, QString(),
               QStringLiteral("its manifest could not be read (%1)").arg(node->fetchError));
        return;
    }
    if (node->subject.isValid()) {
        if (node->subject == claim.subject)
            accept(job, digest, claim);
        else
            reject(job, digest, claim, RejectedReferrer::Reason::OtherSubject,
                   node->subject.toString(),
                   QStringLiteral("its manifest's subject is %1").arg(node->subject.shortForm()));
        return;
    }
    if (claim.source == ReferrerSource::CosignTag) {
        checkCosign(job, digest, claim);
        return;
    }
    reject(job, digest, claim, RejectedReferrer::Reason::NoSubject, QString(),
           QStringLiteral("its manifest has no subject"));
}

void ReferrerWalker::checkCosign(const std::shared_ptr<Job> &job, const Digest &digest,
                                 const Claim &claim)
{
    // cosign's tags carry no subject: what names the subject is the signed payload
    // (simple signing: critical.image.docker-manifest-digest; attestations: the in-toto
    // statement's subject). Believe neither the tag name nor the registry.
    const ReferrerNode *node = job->graph.node(digest);
    // What one signed payload says about the subject.
    struct Reading
    {
        bool matched = false;
        QString named;      // the subject it names when not ours
        QString unreadable; // why it could not be read
    };
    QList<async::Task<Reading>> readings;
    const Digest subject = claim.subject;
    for (const Descriptor &layer : node->layers) {
        const bool simpleSigning =
            mediatype::sameType(layer.mediaType, mediatype::CosignSimpleSigning);
        if (!simpleSigning && !mediatype::sameType(layer.mediaType, mediatype::Dsse))
            continue;
        const QPointer<ContentSource> source = m_source;
        const QString repository = job->repository;
        const Digest payloadDigest = layer.digest;
        readings.append([this, source, repository, payloadDigest, simpleSigning,
                         subject](async::Callback<Reading> done) {
            if (!source) {
                async::deliverLater(this, [done] { done(Error::cancelled()); });
                return RequestHandle();
            }
            return source->blobBytes(
                repository, payloadDigest, CosignPayloadCap, this,
                [done, simpleSigning, subject](Result<QByteArray> payload) {
                    if (!payload.ok()) {
                        if (payload.error().kind == ErrorKind::Cancelled)
                            return done(payload.error());
                        return done(Reading{false, QString(), payload.error().message});
                    }
                    if (simpleSigning) {
                        const auto parsed =
                            signatureinspector::inspectSimpleSigning(payload.value());
                        if (!parsed.ok())
                            return done(Reading{false, QString(), parsed.error().message});
                        const bool ours = parsed->dockerManifestDigest == subject.toString();
                        return done(
                            Reading{ours, ours ? QString() : parsed->dockerManifestDigest, {}});
                    }
                    const auto subjects = signatureinspector::inTotoSubjects(payload.value());
                    if (!subjects.ok())
                        return done(Reading{false, QString(), subjects.error().message});
                    const bool ours = subjects->contains(subject.toString());
                    done(Reading{ours, ours ? QString() : subjects->value(0), {}});
                });
        });
    }
    if (readings.isEmpty()) {
        reject(job, digest, claim, RejectedReferrer::Reason::NotChecked, QString(),
               QStringLiteral("a cosign tag carries no subject, and this manifest has no signed "
                              "payload that names one"));
        return;
    }
    if (sourceGone(job))
        return;
    begin(job);
    job->track(async::join<Reading>(
        this, std::move(readings),
        [this, job, digest, claim](Result<QList<Result<Reading>>> results) {
            auto finally = qScopeGuard([this, job] { end(job); });
            if (job->outer.isCancelled())
                return;
            if (!results.ok()) {
                stopIfCancelled(job, results.error());
                return;
            }
            QStringList named;
            QStringList unreadable;
            bool matched = false;
            for (const Result<Reading> &r : results.value()) {
                if (!r.ok()) {
                    if (stopIfCancelled(job, r.error()))
                        return;
                    unreadable << r.error().message;
                    continue;
                }
                matched = matched || r->matched;
                if (!r->named.isEmpty())
                    named << r->named;
                if (!r->unreadable.isEmpty())
                    unreadable << r->unreadable;
            }
            if (!named.isEmpty())
                reject(job, digest, claim, RejectedReferrer::Reason::OtherSubject, named.first(),
                       QStringLiteral("its signed payload names %1").arg(named.first().left(80)));
            else if (!unreadable.isEmpty() || !matched)
                reject(job, digest, claim, RejectedReferrer::Reason::NotChecked, QString(),
                       QStringLiteral("its payload could not be checked (%1)")
                           .arg(unreadable.join(QStringLiteral("; "))));
            else
                accept(job, digest, claim);
        }));
}

void ReferrerWalker::accept(const std::shared_ptr<Job> &job, const Digest &digest,
                            const Claim &claim)
{
    job->graph.addEdge(claim.subject, digest, claim.source, claim.tag);
    grow(job, digest, claim.depth, 0);
}

void ReferrerWalker::reject(const std::shared_ptr<Job> &job, const Digest &digest,
                            const Claim &claim, RejectedReferrer::Reason reason,
                            const QString &named, const QString &detail)
{
    job->graph.addRejected(RejectedReferrer{claim.subject, digest, ReferrerSources(claim.source),
                                            claim.tag, reason, named, detail});
    const QString where = referrerSourceNames(ReferrerSources(claim.source)) +
                          (claim.tag.isEmpty() ? QString() : QStringLiteral(" ") + claim.tag);
    job->graph.addIssue(ReferrerIssue{
        reason == RejectedReferrer::Reason::NotChecked ? ReferrerIssue::Kind::SubjectNotChecked
                                                       : ReferrerIssue::Kind::SubjectMismatch,
        digest, claim.tag,
        QStringLiteral("%1 lists %2 as a referrer of %3, but %4; not counted as one.")
            .arg(where, digest.shortForm(), claim.subject.shortForm(), detail)});
}

void ReferrerWalker::expand(const std::shared_ptr<Job> &job, const Digest &digest, int depth,
                            int /*nesting*/)
{
    if (job->expanded.contains(digest))
        return;
    job->expanded.insert(digest);
    const Options &o = job->options;
    if (o.useReferrersApi && job->api != CapabilityState::NotSupported)
        queryApi(job, digest, depth);
    if (o.useFallbackTag)
        queryFallback(job, digest, depth);
    if (o.useCosignTags)
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
    const Claim claim{subject, source, tag, depth + 1};
    const ReferrerNode *node = job->graph.node(referrer.digest);
    if (node && (node->fetched || node->missing || !node->fetchError.isEmpty())) {
        visit(job, referrer.digest, depth + 1, 0, &referrer, source); // merges annotations
        check(job, referrer.digest, claim);
        return;
    }
    job->claims[referrer.digest].append(claim);
    visit(job, referrer.digest, depth + 1, 0, &referrer, source);
}

void ReferrerWalker::skipped(const std::shared_ptr<Job> &job, const Digest &subject,
                             const QString &where, const QString &tag, const FallbackIndex &index)
{
    for (const FallbackIndex::SkippedEntry &entry : index.skipped())
        job->graph.addIssue(ReferrerIssue{ReferrerIssue::Kind::EntrySkipped, subject, tag,
                                          QStringLiteral("%1: entry %2 skipped: %3")
                                              .arg(where)
                                              .arg(entry.position + 1)
                                              .arg(entry.reason)});
}

void ReferrerWalker::queryApi(const std::shared_ptr<Job> &job, const Digest &subject, int depth)
{
    if (sourceGone(job))
        return;
    begin(job);
    const QString filter = job->options.artifactType;
    // The source pages the API, decides whether it exists and filters when the server did
    // not; what is left here is what the answer means for this walk.
    job->track(m_source->referrers(
        job->repository, subject, filter, this,
        [this, job, subject, depth, filter](Result<ReferrersAnswer> result) {
            auto finally = qScopeGuard([this, job] { end(job); });
            if (job->outer.isCancelled())
                return;
            const QString where = QStringLiteral("Referrers API for %1").arg(subject.shortForm());
            if (!result.ok()) {
                if (!stopIfCancelled(job, result.error()))
                    job->graph.addIssue(
                        ReferrerIssue{ReferrerIssue::Kind::SourceFailed, subject, QString(),
                                      where + QStringLiteral(": ") + result.error().toString()});
                return;
            }
            const ReferrersAnswer &answer = result.value();
            switch (answer.kind) {
            case ReferrersAnswer::Kind::Api:
                if (job->api != CapabilityState::Supported || !job->apiRecorded) {
                    job->api = CapabilityState::Supported;
                    job->apiRecorded = true;
                    if (m_probe)
                        m_probe->recordReferrersApi(
                            job->repository,
                            Capability::make(CapabilityState::Supported, answer.evidence));
                }
                break;
            case ReferrersAnswer::Kind::ApiAbsent: {
                // One answer for one subject says little about the registry once it has
                // answered for another (a registry with the API answers 400 for a digest it
                // cannot parse, some for every sha512): never downgrade, report it here.
                const bool aboutThisDigest =
                    answer.httpStatus == 400 && subject.algorithm() != QLatin1String("sha256");
                if (job->api == CapabilityState::Supported || aboutThisDigest) {
                    job->graph.addIssue(
                        ReferrerIssue{ReferrerIssue::Kind::SourceFailed, subject, QString(),
                                      QStringLiteral("%1: %2; the fallback tag was read for it.")
                                          .arg(where, answer.evidence)});
                    return;
                }
                job->api = CapabilityState::NotSupported;
                if (m_probe && !job->apiRecorded) {
                    job->apiRecorded = true;
                    m_probe->recordReferrersApi(
                        job->repository,
                        Capability::make(CapabilityState::NotSupported, answer.evidence));
                }
                return;
            }
            case ReferrersAnswer::Kind::Unknown:
                // No such repository, 401, 5xx: nothing learned about this subject. A 404
                // (NAME_UNKNOWN) is the walk's own NotFound story, told by the manifest fetch.
                if (answer.httpStatus != 404)
                    job->graph.addIssue(
                        ReferrerIssue{ReferrerIssue::Kind::SourceFailed, subject, QString(),
                                      where + QStringLiteral(": ") + answer.evidence});
                return;
            }
            for (const SkippedReferrerEntry &entry : answer.skipped)
                job->graph.addIssue(ReferrerIssue{
                    ReferrerIssue::Kind::EntrySkipped, subject, QString(),
                    QStringLiteral("%1: %2entry %3 skipped: %4")
                        .arg(where, entry.page > 0 ? QStringLiteral("page %1, ").arg(entry.page + 1)
                                                   : QString())
                        .arg(entry.position + 1)
                        .arg(entry.reason)});
            if (!filter.isEmpty() && m_probe)
                m_probe->recordReferrersFiltering(
                    job->repository,
                    answer.filterAppliedByServer
                        ? Capability::make(CapabilityState::Supported,
                                           QStringLiteral("the source applied the artifactType "
                                                          "filter itself"))
                        : Capability::make(CapabilityState::NotSupported,
                                           QStringLiteral("the source did not apply the "
                                                          "artifactType filter; Ocular filters "
                                                          "by itself")));
            if (!answer.warning.isEmpty())
                job->graph.addIssue(ReferrerIssue{ReferrerIssue::Kind::SourceFailed, subject,
                                                  QString(),
                                                  where + QStringLiteral(": ") + answer.warning});
            // Filtered already (by the server or by the source): every entry is a candidate.
            for (const Descriptor &entry : answer.referrers)
                found(job, subject, depth, entry, ReferrerSource::ReferrersApi, QString());
        }));
}

void ReferrerWalker::queryFallback(const std::shared_ptr<Job> &job, const Digest &subject,
                                   int depth)
{
    const QString tag = subject.fallbackTag();
    auto inspect = [this, job, subject, depth, tag] {
        if (sourceGone(job))
            return;
        begin(job);
        // Read raw: a strict manifest parse would reject the whole list for one bad entry.
        job->track(m_source->rawManifest(
            job->repository, tag, this,
            [this, job, subject, depth, tag](Result<RawManifest> result) {
                auto finally = qScopeGuard([this, job] { end(job); });
                if (job->outer.isCancelled())
                    return;
                if (!result.ok()) {
                    const Error &error = result.error();
                    if (stopIfCancelled(job, error) || error.kind == ErrorKind::NotFound)
                        return; // no fallback tag: no referrers recorded there
                    job->graph.addIssue(ReferrerIssue{
                        ReferrerIssue::Kind::SourceFailed, subject, tag,
                        QStringLiteral("Fallback tag %1: %2").arg(tag, error.toString())});
                    return;
                }
                const QString type = result->mediaType;
                if (!type.isEmpty() && mediatype::isManifestType(type) &&
                    !mediatype::isIndexType(type)) {
                    job->graph.addIssue(ReferrerIssue{
                        ReferrerIssue::Kind::FallbackNotIndex, subject, tag,
                        QStringLiteral("The fallback tag %1 holds a %2, not an index; treated "
                                       "as no referrers.")
                            .arg(tag, mediatype::describe(type))});
                    return;
                }
                auto index = FallbackIndex::parse(result->raw);
                if (!index.ok()) {
                    job->graph.addIssue(
                        ReferrerIssue{ReferrerIssue::Kind::FallbackNotIndex, subject, tag,
                                      QStringLiteral("Fallback tag %1: %2; treated as no "
                                                     "referrers.")
                                          .arg(tag, index.error().message)});
                    return;
                }
                skipped(job, subject, QStringLiteral("Fallback tag %1").arg(tag), tag,
                        index.value());
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
            if (sourceGone(job))
                return;
            begin(job);
            job->track(m_source->manifest(
                job->repository, tag, this,
                [this, job, subject, depth, tag](Result<SourceManifest> result) {
                    auto finally = qScopeGuard([this, job] { end(job); });
                    if (job->outer.isCancelled())
                        return;
                    if (!result.ok()) {
                        if (!stopIfCancelled(job, result.error()))
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
    if (sourceGone(job))
        return then();
    job->tagState = Job::TagState::Loading;
    begin(job);
    job->waitingForTags.append([this, job, then] {
        then();
        end(job);
    });
    begin(job);
    job->track(m_source->allTags(
        job->repository, MaxTagPages, this, [this, job](Result<NameListing> tags) {
            if (tags.ok()) {
                job->tags =
                    std::make_shared<const QSet<QString>>(tags->items.begin(), tags->items.end());
                job->tagState = Job::TagState::Loaded;
                if (tags->truncated)
                    job->graph.addIssue(ReferrerIssue{
                        ReferrerIssue::Kind::SourceFailed, Digest(), QString(),
                        QStringLiteral("The tag list stopped after %1 pages; cosign attachments "
                                       "under later tags were not looked for.")
                            .arg(tags->pages)});
            } else {
                job->tagState = Job::TagState::Failed;
                if (!stopIfCancelled(job, tags.error()))
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
