#include "auditmodel.h"

#include "models/nodeicons.h"
#include "views/displayformat.h"

namespace ocular {

AuditModel::AuditModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void AuditModel::setRows(const QList<AuditRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int AuditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const AuditRow &r = m_rows.at(index.row());
    if (role == SignedRole)
        return r.isSigned() ? 1 : 0;
    // A signature that failed its check is no better than none: it must not look signed.
    const bool failed = r.verificationResult.status == VerificationResult::Status::Failed;
    if (role == Qt::DecorationRole && index.column() == SignedColumn)
        return failed         ? NodeIcons::named(QStringLiteral("failed"))
               : r.isSigned() ? NodeIcons::named(QStringLiteral("tag"))
                              : NodeIcons::named(QStringLiteral("warning"));
    if (role == Qt::DecorationRole && index.column() == VerificationColumn && failed)
        return NodeIcons::named(QStringLiteral("failed"));
    if (role == Qt::DecorationRole && index.column() == ProblemsColumn &&
        !r.subjectMismatches.isEmpty())
        return NodeIcons::named(QStringLiteral("warning"));
    if (role == Qt::ToolTipRole && index.column() == DigestColumn)
        return r.digest.toString();
    if (role == Qt::ToolTipRole && index.column() == ProblemsColumn &&
        !r.subjectMismatches.isEmpty())
        return tr("Listed as referrers of this manifest, but they do not name it (not counted):"
                  "\n%1")
            .arg(r.subjectMismatches.join(QLatin1Char('\n')));
    if (role == Qt::ToolTipRole) {
        // Cells are cut at the column width: the tooltip has the whole text.
        const QString text = data(index, Qt::DisplayRole).toString();
        return text.isEmpty() ? QVariant() : QVariant(text);
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TagColumn:
        return r.tag;
    case PlatformColumn:
        return r.platform;
    case DigestColumn:
        return displayformat::shortDigest(r.digest);
    case SignedColumn:
        return r.isSigned() ? r.signatureKinds.join(QStringLiteral(", ")) : tr("no");
    case VerificationColumn:
        // Nothing to verify on an unsigned manifest ("Signed" says no): "not checked" would
        // suggest there was something.
        return r.isSigned() ? r.verification : QString();
    case SbomColumn:
        return r.sbomFormats.isEmpty() ? tr("no") : r.sbomFormats.join(QStringLiteral(", "));
    case AttestationsColumn:
        return r.attestationKinds.join(QStringLiteral(", "));
    case ProvenanceColumn:
        return r.provenance ? tr("yes") : tr("no");
    case ReferrersColumn:
        return r.referrerCount;
    case NewestSignatureColumn:
        return displayformat::dateTime(r.newestSignature);
    case ProblemsColumn:
        return r.subjectMismatches.isEmpty() ? QString()
                                             : tr("%n listed referrer(s) do not name this manifest",
                                                  nullptr, int(r.subjectMismatches.size()));
    }
    return {};
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *names[] = {
        "Tag",          "Platform",   "Digest",    "Signed",           "Verification", "SBOM",
        "Attestations", "Provenance", "Referrers", "Newest signature", "Problems"};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

} // namespace ocular
