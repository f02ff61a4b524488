#include "annotationsmodel.h"

namespace ocular {

void AnnotationsModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void AnnotationsModel::addAnnotations(const QString &source,
                                      const QMap<QString, QString> &annotations)
{
    if (annotations.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(annotations.size()) - 1);
    for (auto it = annotations.begin(); it != annotations.end(); ++it)
        m_rows.append({source, it.key(), it.value()});
    endInsertRows();
}

int AnnotationsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AnnotationsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AnnotationsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows[index.row()];
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case SourceColumn:
        return row.source;
    case KeyColumn:
        return row.key;
    case ValueColumn:
        return row.value;
    default:
        return {};
    }
}

QVariant AnnotationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SourceColumn:
        return tr("Source");
    case KeyColumn:
        return tr("Key");
    case ValueColumn:
        return tr("Value");
    default:
        return {};
    }
}

} // namespace ocular
