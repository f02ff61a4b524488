#include "sbompackagesmodel.h"

namespace ocular {

SbomPackagesModel::SbomPackagesModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void SbomPackagesModel::setDocument(SbomDocument document)
{
    beginResetModel();
    m_document = std::move(document);
    endResetModel();
}

void SbomPackagesModel::clear()
{
    setDocument(SbomDocument());
}

int SbomPackagesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_document.packages.size());
}

int SbomPackagesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SbomPackagesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_document.packages.size() ||
        (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const SbomPackage &p = m_document.packages.at(index.row());
    switch (index.column()) {
    case NameColumn:
        return p.name;
    case VersionColumn:
        return p.version;
    case LicenseColumn:
        return p.license;
    case PurlColumn:
        return p.purl;
    case TypeColumn:
        return p.type;
    }
    return {};
}

QVariant SbomPackagesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case VersionColumn:
        return tr("Version");
    case LicenseColumn:
        return tr("Licence");
    case PurlColumn:
        return tr("purl");
    case TypeColumn:
        return tr("Type");
    }
    return {};
}

} // namespace ocular
