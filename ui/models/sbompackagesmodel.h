#pragma once

#include "referrers/sbomparser.h"

#include <QAbstractTableModel>

namespace ocular {

/// The packages of one SBOM: name, version, licence, purl, type.
class SbomPackagesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        VersionColumn,
        LicenseColumn,
        PurlColumn,
        TypeColumn,
        ColumnCount
    };

    explicit SbomPackagesModel(QObject *parent = nullptr);

    void setDocument(SbomDocument document);
    void clear();
    const SbomDocument &document() const { return m_document; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    SbomDocument m_document;
};

} // namespace ocular
