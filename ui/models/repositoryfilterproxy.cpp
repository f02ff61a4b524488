#include "repositoryfilterproxy.h"

#include "models/registrytreemodel.h"

namespace ocular {

RepositoryFilterProxy::RepositoryFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
}

void RepositoryFilterProxy::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateRowsFilter();
}

bool RepositoryFilterProxy::matches(const QString &name) const
{
    return m_text.isEmpty() || name.contains(m_text, Qt::CaseInsensitive);
}

bool RepositoryFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto kind = NodeKind(index.data(RegistryTreeModel::KindRole).toInt());
    if (kind != NodeKind::Repository && kind != NodeKind::Tag)
        return false; // shown only under a match (autoAcceptChildRows) or above one (recursive)
    return matches(index.data().toString());
}

} // namespace ocular
