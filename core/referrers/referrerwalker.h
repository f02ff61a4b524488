#pragma once

#include "base/result.h"
#include "http/requesthandle.h"
#include "referrers/referrergraph.h"
#include "source/sourcetypes.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <functional>
#include <memory>

namespace ocular {

class CapabilityProbe;
class ContentSource;
class FallbackIndex;

/// Builds the ReferrerGraph of one manifest from every place a ContentSource may hold
/// attachments in (referrers API, fallback tag, cosign tags, BuildKit entries in indexes),
/// recursively, with a visited set and a depth limit, and walking the platform children of
/// indexes.
/// A listed referrer becomes an edge only when its own manifest names the subject (for cosign
/// tags: when its signed payload does); the others are ReferrerGraph::rejected().
/// Every inner request is delivered to the walker itself, so deleting it mid-walk is safe.
class ReferrerWalker : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(Result<ReferrerGraph>)>;

    struct Options
    {
        /// Referrer hops followed from the root (1: direct referrers only).
        int maxDepth = 4;
        /// Nested index levels walked below an index; deeper indexes are reported
        /// (ReferrerGraph::nestingCuts) and walked only when listed in expandIndexes.
        int maxIndexNesting = 4;
        /// Indexes whose entries are walked whatever their nesting (a continuation of an
        /// earlier walk that stopped at them).
        QSet<Digest> expandIndexes;
        /// The walk stops adding nodes beyond this (and reports it).
        int maxNodes = 20000;
        /// Keep only referrers of this artifactType (server-side when it can, else here).
        QString artifactType;
        bool useReferrersApi = true;
        bool useFallbackTag = true;
        bool useCosignTags = true;
        bool useBuildKit = true;
        bool walkIndexChildren = true;
        /// The repository's tags when the caller has them (audits); listed once otherwise.
        std::shared_ptr<const QSet<QString>> tags;
    };

    /// `source` is not owned; a walk that outlives it ends Cancelled. `probe` (may be null)
    /// supplies and receives what is known about the referrers API of a registry source. The
    /// page cap of the API is the source's (RegistrySource::setMaxReferrerPages).
    ReferrerWalker(ContentSource *source, CapabilityProbe *probe, QObject *parent = nullptr);
    /// Cancels the walks still running; their callers receive Cancelled.
    ~ReferrerWalker() override;

    /// Walks from `reference` (a tag or a digest) in `repository`.
    RequestHandle walk(const QString &repository, const QString &reference, const Options &options,
                       QObject *context, Callback done);

private:
    struct Job;
    void visit(const std::shared_ptr<Job> &job, const Digest &digest, int depth, int nesting,
               const Descriptor *descriptor, ReferrerSources via);
    void onManifest(const std::shared_ptr<Job> &job, const Digest &digest, int depth, int nesting,
                    ReferrerSources via, Result<SourceManifest> result);
    void expand(const std::shared_ptr<Job> &job, const Digest &digest, int depth, int nesting);
    void grow(const std::shared_ptr<Job> &job, const Digest &digest, int depth, int nesting);
    struct Claim;
    void check(const std::shared_ptr<Job> &job, const Digest &digest, const Claim &claim);
    void checkCosign(const std::shared_ptr<Job> &job, const Digest &digest, const Claim &claim);
    void accept(const std::shared_ptr<Job> &job, const Digest &digest, const Claim &claim);
    void reject(const std::shared_ptr<Job> &job, const Digest &digest, const Claim &claim,
                RejectedReferrer::Reason reason, const QString &named, const QString &detail);
    void skipped(const std::shared_ptr<Job> &job, const Digest &subject, const QString &where,
                 const QString &tag, const FallbackIndex &index);
    void queryApi(const std::shared_ptr<Job> &job, const Digest &subject, int depth);
    void queryFallback(const std::shared_ptr<Job> &job, const Digest &subject, int depth);
    void queryCosign(const std::shared_ptr<Job> &job, const Digest &subject, int depth);
    void found(const std::shared_ptr<Job> &job, const Digest &subject, int depth,
               const Descriptor &referrer, ReferrerSource source, const QString &tag);
    void withTags(const std::shared_ptr<Job> &job, std::function<void()> then);
    void begin(const std::shared_ptr<Job> &job);
    void end(const std::shared_ptr<Job> &job);
    /// True (and the walk cancelled) when the source is gone.
    bool sourceGone(const std::shared_ptr<Job> &job);
    /// True (and the walk cancelled) when `error` is a cancel the walk did not ask for.
    bool stopIfCancelled(const std::shared_ptr<Job> &job, const Error &error);

    QPointer<ContentSource> m_source;
    CapabilityProbe *m_probe;
    QList<std::weak_ptr<Job>> m_jobs; ///< walks in flight, cancelled by the destructor
};

/// Classifies a node from what is known about it (types, layers, predicates, source).
void classifyReferrerNode(ReferrerNode &node, ReferrerSources via);

} // namespace ocular
