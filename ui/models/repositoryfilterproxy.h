#pragma once

#include <QSortFilterProxyModel>

namespace ocular {

/// Filters RegistryTreeModel by repository and tag names only: a repository whose name
/// matches shows all it holds; otherwise it shows only its matching tags. Platforms, layers
/// and referrers never match by themselves (they would keep every tag of a big index alive).
class RepositoryFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit RepositoryFilterProxy(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }
    /// Whether a repository or tag name matches the current text.
    bool matches(const QString &name) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
};

} // namespace ocular
