#pragma once

#include "referrers/audittable.h"

#include <QAbstractTableModel>

namespace ocular {

/// Audit rows: tag, platform, digest, signed, verification, SBOM, attestations, provenance,
/// referrers, newest signature, problems (subject mismatches). Sorting and filtering live in a
/// proxy.
class AuditModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TagColumn,
        PlatformColumn,
        DigestColumn,
        SignedColumn,
        VerificationColumn,
        SbomColumn,
        AttestationsColumn,
        ProvenanceColumn,
        ReferrersColumn,
        NewestSignatureColumn,
        ProblemsColumn, ///< listed referrers that do not name this manifest
        ColumnCount
    };
    /// Qt::UserRole: 1 when the row is signed (for the "unsigned only" filter).
    static constexpr int SignedRole = Qt::UserRole + 1;

    explicit AuditModel(QObject *parent = nullptr);

    void setRows(const QList<AuditRow> &rows);
    const QList<AuditRow> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<AuditRow> m_rows;
};

} // namespace ocular
