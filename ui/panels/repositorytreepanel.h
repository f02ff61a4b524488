#pragma once

#include "http/requesthandle.h"
#include "models/treeselection.h"
#include "registry/registryclient.h"

#include <QHash>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QUrl>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;
class QFrame;

namespace ocular {

class RegistryTreeModel;
struct Error;

/// Repositories, their tags and manifest content of one registry. Owns its model and view,
/// asks the RegistryClient for data and drops replies that belong to an earlier generation.
class RepositoryTreePanel : public QWidget
{
    Q_OBJECT
public:
    explicit RepositoryTreePanel(QWidget *parent = nullptr);
    ~RepositoryTreePanel() override;

    /// Not owned; null shows the "add a registry" hint. Starts loading the catalog.
    void setClient(RegistryClient *client);
    RegistryClient *client() const { return m_client; }

    /// Adds a repository typed by the user (the catalog may not list it), selects and
    /// expands it. Returns false for a name that is not a valid repository path.
    bool openRepository(const QString &name);
    /// F5: reloads the selected repository or tag, or everything when nothing is selected.
    void refresh();
    /// Cancels every request in flight.
    void cancel();
    /// Selects the loaded node with this digest (expanding its parents); false if none.
    bool selectDigest(const Digest &digest);
    /// Selects a node by a path of names (`repo`, `tag`, `linux/amd64`…; a trailing `*` matches
    /// by prefix); for scripted use and tests.
    bool selectPath(const QStringList &names);

    TreeSelection currentSelection() const;
    QString currentRepository() const;
    /// The inline message above the tree (catalog problems); empty when hidden.
    QString catalogMessage() const;

    QTreeView *view() const { return m_view; }
    RegistryTreeModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QLineEdit *filterEdit() const { return m_filter; }

Q_SIGNALS:
    void selectionChanged(const ocular::TreeSelection &selection);
    /// What is loading; empty when idle.
    void activityChanged(const QString &text);
    void problem(const QString &text);
    void openRepositoryRequested();

private:
    void reload();
    void loadCatalogPage();
    void loadChildren(const QModelIndex &sourceIndex);
    void onCurrentChanged(const QModelIndex &proxyIndex);
    void emitSelection();
    void showCatalogMessage(const QString &text);
    TreeSelection selectionFor(const QModelIndex &sourceIndex) const;
    QModelIndex currentSourceIndex() const;

    /// Registers a request before it starts (its callback may run synchronously, e.g. from
    /// the cache); attach() hands over the handle Cancel needs.
    int begin(const QString &text);
    void attach(int id, const RequestHandle &handle);
    void finish(int id);

    RegistryTreeModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTreeView *m_view;
    QLineEdit *m_filter;
    QFrame *m_messageFrame;
    QLabel *m_message;
    QPushButton *m_openButton;

    QPointer<RegistryClient> m_client;
    quint64 m_generation = 0;
    QUrl m_nextCatalogPage;
    bool m_catalogLoadedOnce = false;
    QStringList m_openedRepositories;
    int m_nextRequestId = 0;
    QHash<int, QPair<RequestHandle, QString>> m_inFlight;
    QList<int> m_order;
};

} // namespace ocular
