#pragma once

#include "content/artifactclass.h"
#include "content/descriptor.h"
#include "reference/digest.h"

#include <QFlags>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

namespace ocular {

/// Where an edge of the referrer graph was found (PROTOCOL §4); one edge may have several.
enum class ReferrerSource
{
    ReferrersApi = 0x1, ///< GET /v2/<name>/referrers/<digest>
    FallbackTag = 0x2,  ///< the `sha256-<hex>` tag's index
    CosignTag = 0x4,    ///< cosign's `sha256-<hex>.sig` / `.att` / `.sbom` tags
    BuildKit = 0x8,     ///< an attestation-manifest entry inside an index
    IndexChild = 0x10,  ///< not a referrer: a platform manifest of an index, walked too
};
Q_DECLARE_FLAGS(ReferrerSources, ReferrerSource)
Q_DECLARE_OPERATORS_FOR_FLAGS(ReferrerSources)

/// Short names of the sources ("referrers API", "fallback tag", ...), joined by ", ".
QString referrerSourceNames(ReferrerSources sources);

/// One manifest in the graph: the subject, a referrer, or a platform child of an index.
struct ReferrerNode
{
    Digest digest;
    QString mediaType;
    QString artifactType; ///< artifactType, else the config media type of an artifact
    qint64 size = -1;
    QMap<QString, QString> annotations; ///< descriptor annotations merged with the manifest's
    ArtifactClass classification;
    QString created;             ///< org.opencontainers.image.created when known
    QString platform;            ///< for index children: os/arch[/variant]
    QStringList layerMediaTypes; ///< of an image-shaped referrer (empty for indexes)
    QStringList predicateTypes;  ///< in-toto predicate types named by layer annotations
    QList<Descriptor> layers;    ///< to look inside (SBOM, signature payloads)
    Digest subject;              ///< the manifest's own `subject`, when it has one
    bool fetched = false;        ///< the manifest was read
    bool missing = false;        ///< the registry says the manifest does not exist
    QString fetchError;          ///< why it could not be read (other than missing)
    int depth = 0;               ///< referrer hops from the root
};

/// A directed edge subject → referrer (or index → platform child), with every source that
/// reported it.
struct ReferrerEdge
{
    Digest from;
    Digest to;
    ReferrerSources sources;
    QString tag; ///< the cosign or fallback tag this edge was read from, when any
};

/// Something the walk noticed that a user should be told about.
struct ReferrerIssue
{
    enum class Kind
    {
        FallbackNotIndex,     ///< the fallback tag does not hold an index
        FallbackEntryMissing, ///< a fallback index entry whose manifest is gone
        StaleSubject,         ///< a fallback/cosign tag whose subject no longer exists
        DepthLimit,           ///< referrers exist beyond the depth limit
        SourceFailed,         ///< a source could not be read (network, auth, invalid JSON)
        NodeLimit,            ///< the walk stopped at its node cap
        SubjectMismatch,      ///< a listed referrer that does not name the subject
        SubjectNotChecked,    ///< a listed referrer whose subject could not be checked
        EntrySkipped,         ///< an invalid entry of a referrers list, skipped
        IndexNestingLimit,    ///< an index nested deeper than the nesting limit, not walked
    };
    Kind kind = Kind::SourceFailed;
    Digest digest;
    QString tag;
    QString message;
};

/// A manifest a source listed as a referrer of `subject` that is not one: its own manifest
/// names another subject or none (PROTOCOL §8), or what names its subject could not be read.
/// Never an edge, never counted as a signature, SBOM or attestation of the subject.
struct RejectedReferrer
{
    enum class Reason
    {
        OtherSubject, ///< its subject (or cosign payload) names `namedSubject`
        NoSubject,    ///< it has no subject at all
        NotChecked,   ///< what names its subject could not be read or is absent
    };
    Digest subject;
    Digest referrer;
    ReferrerSources sources;
    QString tag;
    Reason reason = Reason::NoSubject;
    QString namedSubject; ///< what the referrer names instead, when it names something
    QString detail;       ///< why, in words
};

/// The merged referrer graph of one manifest, built by ReferrerWalker.
class ReferrerGraph
{
public:
    ReferrerGraph() = default;
    ReferrerGraph(QString repository, Digest root);

    const QString &repository() const { return m_repository; }
    const Digest &root() const { return m_root; }

    /// Inserts or replaces the node with this digest.
    void setNode(const ReferrerNode &node);
    bool hasNode(const Digest &digest) const { return m_nodes.contains(digest); }
    const ReferrerNode *node(const Digest &digest) const;
    ReferrerNode *mutableNode(const Digest &digest);
    QList<ReferrerNode> nodes() const { return m_nodes.values(); }
    qsizetype nodeCount() const { return m_nodes.size(); }

    /// Adds an edge, or merges the source into the existing edge between the same pair.
    void addEdge(const Digest &from, const Digest &to, ReferrerSource source,
                 const QString &tag = {});
    const QList<ReferrerEdge> &edges() const { return m_edges; }
    /// Edges out of `digest` (its referrers and, for an index, its platform children).
    QList<ReferrerEdge> edgesFrom(const Digest &digest) const;
    /// Referrer edges only (IndexChild excluded), out of `digest`.
    QList<ReferrerEdge> referrersOf(const Digest &digest) const;
    /// Every digest reachable from the root through referrer edges (children of indexes
    /// included as paths, not counted themselves).
    QList<Digest> allReferrers() const;

    /// Records a rejected listing (merged with an earlier one for the same pair).
    void addRejected(const RejectedReferrer &rejected);
    const QList<RejectedReferrer> &rejected() const { return m_rejected; }
    /// Listings rejected for `subject`.
    QList<RejectedReferrer> rejectedFor(const Digest &subject) const;

    /// Indexes whose children were not walked because of the nesting limit.
    void addNestingCut(const Digest &index) { m_nestingCuts.insert(index); }
    bool isNestingCut(const Digest &index) const { return m_nestingCuts.contains(index); }
    const QSet<Digest> &nestingCuts() const { return m_nestingCuts; }

    void addIssue(const ReferrerIssue &issue) { m_issues.append(issue); }
    const QList<ReferrerIssue> &issues() const { return m_issues; }

    /// A JSON document for `ocular-cli tree --format json` and exports.
    QJsonObject toJson() const;

private:
    QString m_repository;
    Digest m_root;
    QHash<Digest, ReferrerNode> m_nodes;
    QList<ReferrerEdge> m_edges;
    QHash<QString, qsizetype> m_edgeIndex; ///< "from>to" → position in m_edges
    QHash<Digest, QList<qsizetype>> m_outgoing;
    QList<ReferrerIssue> m_issues;
    QList<RejectedReferrer> m_rejected;
    QSet<Digest> m_nestingCuts;
};

} // namespace ocular
