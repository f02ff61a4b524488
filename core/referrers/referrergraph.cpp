#include "referrergraph.h"

#include <algorithm>

#include <QJsonArray>
#include <QSet>

namespace ocular {

QString referrerSourceNames(ReferrerSources sources)
{
    QStringList names;
    if (sources.testFlag(ReferrerSource::ReferrersApi))
        names << QStringLiteral("referrers API");
    if (sources.testFlag(ReferrerSource::FallbackTag))
        names << QStringLiteral("fallback tag");
    if (sources.testFlag(ReferrerSource::CosignTag))
        names << QStringLiteral("cosign tag");
    if (sources.testFlag(ReferrerSource::BuildKit))
        names << QStringLiteral("BuildKit attestation");
    if (sources.testFlag(ReferrerSource::IndexChild))
        names << QStringLiteral("index");
    return names.join(QStringLiteral(", "));
}

ReferrerGraph::ReferrerGraph(QString repository, Digest root)
    : m_repository(std::move(repository))
    , m_root(std::move(root))
{}

void ReferrerGraph::setNode(const ReferrerNode &node)
{
    m_nodes.insert(node.digest, node);
}

const ReferrerNode *ReferrerGraph::node(const Digest &digest) const
{
    auto it = m_nodes.constFind(digest);
    return it == m_nodes.constEnd() ? nullptr : &it.value();
}

ReferrerNode *ReferrerGraph::mutableNode(const Digest &digest)
{
    auto it = m_nodes.find(digest);
    return it == m_nodes.end() ? nullptr : &it.value();
}

void ReferrerGraph::addEdge(const Digest &from, const Digest &to, ReferrerSource source,
                            const QString &tag)
{
    const QString key = from.toString() + QLatin1Char('>') + to.toString();
    auto it = m_edgeIndex.constFind(key);
    if (it != m_edgeIndex.constEnd()) {
        ReferrerEdge &edge = m_edges[it.value()];
        edge.sources |= source;
        if (edge.tag.isEmpty())
            edge.tag = tag;
        return;
    }
    m_edgeIndex.insert(key, m_edges.size());
    m_outgoing[from].append(m_edges.size());
    m_edges.append(ReferrerEdge{from, to, source, tag});
}

void ReferrerGraph::addRejected(const RejectedReferrer &rejected)
{
    for (RejectedReferrer &known : m_rejected) {
        if (known.subject == rejected.subject && known.referrer == rejected.referrer) {
            known.sources |= rejected.sources;
            if (known.tag.isEmpty())
                known.tag = rejected.tag;
            return;
        }
    }
    m_rejected.append(rejected);
}

QList<RejectedReferrer> ReferrerGraph::rejectedFor(const Digest &subject) const
{
    QList<RejectedReferrer> out;
    for (const RejectedReferrer &r : m_rejected) {
        if (r.subject == subject)
            out.append(r);
    }
    // Answers arrive in any order: sorted, the same graph always reads the same.
    std::stable_sort(out.begin(), out.end(),
                     [](const RejectedReferrer &a, const RejectedReferrer &b) {
                         return a.referrer.toString() < b.referrer.toString();
                     });
    return out;
}

QList<ReferrerEdge> ReferrerGraph::edgesFrom(const Digest &digest) const
{
    QList<ReferrerEdge> out;
    const QList<qsizetype> positions = m_outgoing.value(digest);
    out.reserve(positions.size());
    for (qsizetype position : positions)
        out.append(m_edges.at(position));
    // Index children keep the index's order; referrers, found in whatever order the answers
    // arrived, follow sorted by digest so that the same graph always reads the same.
    const auto rank = [](const ReferrerEdge &e) {
        return e.sources.testFlag(ReferrerSource::IndexChild) ? 0 : 1;
    };
    std::stable_sort(out.begin(), out.end(), [&rank](const ReferrerEdge &a, const ReferrerEdge &b) {
        if (rank(a) != rank(b))
            return rank(a) < rank(b);
        return rank(a) == 1 && a.to.toString() < b.to.toString();
    });
    return out;
}

QList<ReferrerEdge> ReferrerGraph::referrersOf(const Digest &digest) const
{
    QList<ReferrerEdge> out;
    for (const ReferrerEdge &edge : edgesFrom(digest)) {
        if (edge.sources != ReferrerSources(ReferrerSource::IndexChild))
            out.append(edge);
    }
    return out;
}

QList<Digest> ReferrerGraph::allReferrers() const
{
    QList<Digest> out;
    QSet<Digest> seen{m_root};
    QList<Digest> queue{m_root};
    while (!queue.isEmpty()) {
        const Digest current = queue.takeFirst();
        for (const ReferrerEdge &edge : edgesFrom(current)) {
            if (seen.contains(edge.to))
                continue;
            seen.insert(edge.to);
            queue.append(edge.to);
            if (edge.sources != ReferrerSources(ReferrerSource::IndexChild))
                out.append(edge.to);
        }
    }
    return out;
}

namespace {

QString issueKindName(ReferrerIssue::Kind kind)
{
    switch (kind) {
    case ReferrerIssue::Kind::FallbackNotIndex:
        return QStringLiteral("fallback-not-index");
    case ReferrerIssue::Kind::FallbackEntryMissing:
        return QStringLiteral("fallback-entry-missing");
    case ReferrerIssue::Kind::StaleSubject:
        return QStringLiteral("stale-subject");
    case ReferrerIssue::Kind::DepthLimit:
        return QStringLiteral("depth-limit");
    case ReferrerIssue::Kind::SourceFailed:
        return QStringLiteral("source-failed");
    case ReferrerIssue::Kind::NodeLimit:
        return QStringLiteral("node-limit");
    case ReferrerIssue::Kind::SubjectMismatch:
        return QStringLiteral("subject-mismatch");
    case ReferrerIssue::Kind::SubjectNotChecked:
        return QStringLiteral("subject-not-checked");
    case ReferrerIssue::Kind::EntrySkipped:
        return QStringLiteral("entry-skipped");
    case ReferrerIssue::Kind::IndexNestingLimit:
        return QStringLiteral("index-nesting-limit");
    }
    return QString();
}

QString rejectionName(RejectedReferrer::Reason reason)
{
    switch (reason) {
    case RejectedReferrer::Reason::OtherSubject:
        return QStringLiteral("other-subject");
    case RejectedReferrer::Reason::NoSubject:
        return QStringLiteral("no-subject");
    case RejectedReferrer::Reason::NotChecked:
        return QStringLiteral("not-checked");
    }
    return QString();
}

QJsonArray sourceNames(ReferrerSources sources)
{
    QJsonArray out;
    const QString names = referrerSourceNames(sources);
    if (names.isEmpty())
        return out;
    for (const QString &name : names.split(QStringLiteral(", ")))
        out.append(name);
    return out;
}

QJsonObject annotationsJson(const QMap<QString, QString> &annotations)
{
    QJsonObject out;
    for (auto it = annotations.begin(); it != annotations.end(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

} // namespace

QJsonObject ReferrerGraph::toJson() const
{
    QJsonArray nodes;
    QList<Digest> order{m_root};
    order += allReferrers();
    // Index children are not referrers but belong in the document.
    QSet<Digest> listed(order.begin(), order.end());
    for (const ReferrerEdge &edge : m_edges) {
        if (!listed.contains(edge.to)) {
            listed.insert(edge.to);
            order.append(edge.to);
        }
    }
    for (const Digest &digest : order) {
        const ReferrerNode *n = node(digest);
        if (!n)
            continue;
        QJsonObject o{
            {QStringLiteral("digest"), n->digest.toString()},
            {QStringLiteral("mediaType"), n->mediaType},
            {QStringLiteral("size"), n->size},
            {QStringLiteral("category"), ArtifactClass::categoryName(n->classification.category)},
            {QStringLiteral("kind"), n->classification.label}};
        if (!n->artifactType.isEmpty())
            o.insert(QStringLiteral("artifactType"), n->artifactType);
        if (!n->created.isEmpty())
            o.insert(QStringLiteral("created"), n->created);
        if (!n->platform.isEmpty())
            o.insert(QStringLiteral("platform"), n->platform);
        if (!n->annotations.isEmpty())
            o.insert(QStringLiteral("annotations"), annotationsJson(n->annotations));
        if (!n->predicateTypes.isEmpty())
            o.insert(QStringLiteral("predicateTypes"),
                     QJsonArray::fromStringList(n->predicateTypes));
        if (n->missing)
            o.insert(QStringLiteral("missing"), true);
        nodes.append(o);
    }
    QJsonArray edges;
    for (const ReferrerEdge &edge : m_edges) {
        QJsonObject e{{QStringLiteral("from"), edge.from.toString()},
                      {QStringLiteral("to"), edge.to.toString()},
                      {QStringLiteral("sources"), sourceNames(edge.sources)}};
        if (!edge.tag.isEmpty())
            e.insert(QStringLiteral("tag"), edge.tag);
        edges.append(e);
    }
    QJsonArray issues;
    for (const ReferrerIssue &issue : m_issues) {
        QJsonObject i{{QStringLiteral("kind"), issueKindName(issue.kind)},
                      {QStringLiteral("message"), issue.message}};
        if (issue.digest.isValid())
            i.insert(QStringLiteral("digest"), issue.digest.toString());
        if (!issue.tag.isEmpty())
            i.insert(QStringLiteral("tag"), issue.tag);
        issues.append(i);
    }
    QJsonArray rejected;
    for (const RejectedReferrer &r : m_rejected) {
        QJsonObject o{{QStringLiteral("subject"), r.subject.toString()},
                      {QStringLiteral("referrer"), r.referrer.toString()},
                      {QStringLiteral("sources"), sourceNames(r.sources)},
                      {QStringLiteral("reason"), rejectionName(r.reason)},
                      {QStringLiteral("detail"), r.detail}};
        if (!r.tag.isEmpty())
            o.insert(QStringLiteral("tag"), r.tag);
        if (!r.namedSubject.isEmpty())
            o.insert(QStringLiteral("namedSubject"), r.namedSubject);
        rejected.append(o);
    }
    QJsonArray cuts;
    for (const Digest &d : m_nestingCuts)
        cuts.append(d.toString());
    return QJsonObject{{QStringLiteral("repository"), m_repository},
                       {QStringLiteral("root"), m_root.toString()},
                       {QStringLiteral("nodes"), nodes},
                       {QStringLiteral("edges"), edges},
                       {QStringLiteral("rejectedReferrers"), rejected},
                       {QStringLiteral("nestingLimitReached"), cuts},
                       {QStringLiteral("issues"), issues}};
}

} // namespace ocular
