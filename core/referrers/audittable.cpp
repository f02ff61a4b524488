#include "audittable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace ocular::audittable {

namespace {

void addOnce(QStringList &list, const QString &value)
{
    if (!value.isEmpty() && !list.contains(value))
        list << value;
}

QString sbomFormat(ArtifactFormat format)
{
    return ArtifactClass::sbomStandardName(ArtifactClass::sbomStandard(format));
}

QString csvField(const QString &value)
{
    if (value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"')) ||
        value.contains(QLatin1Char('\n'))) {
        QString escaped = value;
        escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + escaped + QLatin1Char('"');
    }
    return value;
}

} // namespace

AuditRow rowFor(const ReferrerGraph &graph, const Digest &subject, const QString &tag,
                const QString &platform)
{
    AuditRow row;
    row.tag = tag;
    row.digest = subject;
    row.platform = platform;
    if (const ReferrerNode *n = graph.node(subject))
        row.mediaType = n->mediaType;
    row.setVerification(VerificationResult::notChecked(QString()));
    // Referrers of the subject, and theirs (signatures of SBOMs count for the SBOM, not here).
    QSet<Digest> seen{subject};
    QList<Digest> queue{subject};
    QList<Digest> all;
    while (!queue.isEmpty()) {
        const Digest current = queue.takeFirst();
        for (const ReferrerEdge &edge : graph.referrersOf(current)) {
            if (seen.contains(edge.to))
                continue;
            seen.insert(edge.to);
            queue.append(edge.to);
            all.append(edge.to);
        }
    }
    row.referrerCount = int(all.size());
    QSet<Digest> direct;
    for (const ReferrerEdge &edge : graph.referrersOf(subject))
        direct.insert(edge.to);
    for (const Digest &digest : all) {
        const ReferrerNode *n = graph.node(digest);
        // Only what was read counts: a listed entry is a claim until its manifest is seen.
        if (!n || n->missing || !n->fetched)
            continue;
        const ArtifactClass &c = n->classification;
        switch (c.category) {
        case ArtifactCategory::Signature:
            if (!direct.contains(digest))
                break; // a signature of an SBOM or attestation
            addOnce(row.signatureKinds, c.label);
            if (!row.signatureFormats.contains(c.format))
                row.signatureFormats << c.format;
            if (!n->created.isEmpty() && n->created > row.newestSignature)
                row.newestSignature = n->created;
            break;
        case ArtifactCategory::Sbom:
            addOnce(row.sbomFormats, sbomFormat(c.format));
            break;
        case ArtifactCategory::Attestation:
            addOnce(row.attestationKinds, c.label);
            for (const QString &predicate : n->predicateTypes) {
                const ArtifactFormat format = ArtifactClass::fromPredicateType(predicate).format;
                addOnce(row.sbomFormats, sbomFormat(format));
                if (format == ArtifactFormat::SlsaProvenance)
                    row.provenance = true;
            }
            for (const ArtifactFormat format : c.predicateFormats)
                addOnce(row.sbomFormats, sbomFormat(format));
            if (c.hasFormat(ArtifactFormat::SlsaProvenance))
                row.provenance = true;
            break;
        default:
            break;
        }
    }
    for (const RejectedReferrer &r : graph.rejectedFor(subject)) {
        const ReferrerNode *n = graph.node(r.referrer);
        const QString kind = n && !n->classification.label.isEmpty() ? n->classification.label
                                                                     : QStringLiteral("manifest");
        addOnce(row.subjectMismatches,
                QStringLiteral("%1 %2 (%3): %4")
                    .arg(kind, r.referrer.shortForm(), referrerSourceNames(r.sources), r.detail));
    }
    return row;
}

QList<AuditRow> rowsFor(const ReferrerGraph &graph, const QString &tag)
{
    QList<AuditRow> rows{rowFor(graph, graph.root(), tag)};
    for (const ReferrerEdge &edge : graph.edgesFrom(graph.root())) {
        if (edge.sources != ReferrerSources(ReferrerSource::IndexChild))
            continue;
        const ReferrerNode *n = graph.node(edge.to);
        rows.append(rowFor(graph, edge.to, tag, n ? n->platform : QString()));
    }
    return rows;
}

QList<AuditRow> filtered(const QList<AuditRow> &rows, Filter filter)
{
    QList<AuditRow> out;
    for (const AuditRow &row : rows) {
        const bool keep = filter == Filter::All ||
                          (filter == Filter::UnsignedOnly && !row.isSigned()) ||
                          (filter == Filter::WithoutSbom && row.sbomFormats.isEmpty()) ||
                          (filter == Filter::WithoutProvenance && !row.provenance);
        if (keep)
            out.append(row);
    }
    return out;
}

QStringList csvHeader()
{
    return {QStringLiteral("tag"),
            QStringLiteral("platform"),
            QStringLiteral("digest"),
            QStringLiteral("signed"),
            QStringLiteral("signatures"),
            QStringLiteral("verification"),
            QStringLiteral("sbom"),
            QStringLiteral("attestations"),
            QStringLiteral("provenance"),
            QStringLiteral("referrers"),
            QStringLiteral("newest_signature"),
            QStringLiteral("subject_mismatches")};
}

QByteArray toCsv(const QList<AuditRow> &rows)
{
    QByteArray out = csvHeader().join(QLatin1Char(',')).toUtf8() + "\r\n";
    for (const AuditRow &r : rows) {
        const QStringList fields{r.tag,
                                 r.platform,
                                 r.digest.toString(),
                                 r.isSigned() ? QStringLiteral("yes") : QStringLiteral("no"),
                                 r.signatureKinds.join(QStringLiteral("; ")),
                                 r.verification,
                                 r.sbomFormats.join(QStringLiteral("; ")),
                                 r.attestationKinds.join(QStringLiteral("; ")),
                                 r.provenance ? QStringLiteral("yes") : QStringLiteral("no"),
                                 QString::number(r.referrerCount),
                                 r.newestSignature,
                                 r.subjectMismatches.join(QStringLiteral("; "))};
        QStringList escaped;
        for (const QString &f : fields)
            escaped << csvField(f);
        out += escaped.join(QLatin1Char(',')).toUtf8() + "\r\n";
    }
    return out;
}

QByteArray toJson(const QList<AuditRow> &rows)
{
    QJsonArray array;
    for (const AuditRow &r : rows) {
        QJsonObject o{
            {QStringLiteral("tag"), r.tag},
            {QStringLiteral("digest"), r.digest.toString()},
            {QStringLiteral("mediaType"), r.mediaType},
            {QStringLiteral("signed"), r.isSigned()},
            {QStringLiteral("signatures"), QJsonArray::fromStringList(r.signatureKinds)},
            {QStringLiteral("verification"), r.verification},
            {QStringLiteral("sbom"), QJsonArray::fromStringList(r.sbomFormats)},
            {QStringLiteral("attestations"), QJsonArray::fromStringList(r.attestationKinds)},
            {QStringLiteral("provenance"), r.provenance},
            {QStringLiteral("referrers"), r.referrerCount}};
        if (!r.platform.isEmpty())
            o.insert(QStringLiteral("platform"), r.platform);
        if (!r.newestSignature.isEmpty())
            o.insert(QStringLiteral("newestSignature"), r.newestSignature);
        if (!r.subjectMismatches.isEmpty())
            o.insert(QStringLiteral("subjectMismatches"),
                     QJsonArray::fromStringList(r.subjectMismatches));
        array.append(o);
    }
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

} // namespace ocular::audittable
