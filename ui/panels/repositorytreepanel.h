#pragma once

#include "http/requesthandle.h"
#include "models/treeselection.h"
#include "panels/treewriteaction.h"
#include "reference/reference.h"
#include "source/contentsource.h"
#include "write/deletionoutcome.h"
#include "write/deletionplan.h"

#include <QHash>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QUrl>
#include <QWidget>

class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;
class QFrame;

namespace ocular {

class DeletionPreviewDialog;
class ReferenceMenu;
class RegistryTreeModel;
class RepositoryFilterProxy;
struct Error;

/// Repositories, their tags and manifest content of one registry. Owns its model and view,
/// asks its ContentSource for data and drops replies that belong to an earlier generation.
class RepositoryTreePanel : public QWidget
{
    Q_OBJECT
public:
    explicit RepositoryTreePanel(QWidget *parent = nullptr);
    ~RepositoryTreePanel() override;

    /// Not owned; null shows the "add a registry" hint. Starts loading the catalog.
    void setSource(ContentSource *source);
    ContentSource *source() const { return m_source; }

    /// Adds a repository typed by the user (the catalog may not list it), selects and
    /// expands it. Returns false for a name that is not a valid repository path.
    bool openRepository(const QString &name);
    /// Opens `repo`, `repo:tag` or `repo@digest` (a `host/` prefix naming this registry is
    /// allowed) and selects it: the repository, the tag once the tags are loaded, or the
    /// manifest (added under its repository when no loaded node has it, so untagged manifests
    /// are reachable). Returns a problem sentence, empty when the reference was accepted.
    QString openReference(const QString &text);
    /// The one place that reads what the user typed into Open: `text` relative to `registry`.
    static Result<Reference> parseOpenReference(const QString &registry, const QString &text);
    /// What the tree says while there is no registry (e.g. "Seeding the demo…"); `total` > 0
    /// adds a progress bar at `step`. Empty text restores "Add a registry to start browsing.".
    void setIdleMessage(const QString &text, int step = 0, int total = 0);
    /// The right-click menu for a row of the tree (a proxy index); the caller owns it.
    ReferenceMenu *contextMenuFor(const QModelIndex &proxyIndex);
    /// Repositories asked for per catalog page (200 by default; tests use small pages).
    void setCatalogPageSize(int size) { m_catalogPageSize = qMax(1, size); }
    /// The line under the filter when nothing matches; empty when hidden.
    QString noMatchMessage() const;
    /// F5: reloads the selected repository or tag, or everything when nothing is selected.
    void refresh();
    /// Cancels every request in flight.
    void cancel();
    /// Reloads a repository's tags after a write (a push), keeping the selected tag selected
    /// once they are back; nothing when the repository is not in the tree.
    void refreshRepository(const QString &repository);
    /// Selects the loaded node with this digest (expanding its parents); false if none.
    bool selectDigest(const Digest &digest);
    /// Selects a node by a path of names (`repo`, `tag`, `linux/amd64`…; a trailing `*` matches
    /// by prefix); for scripted use and tests.
    bool selectPath(const QStringList &names);

    /// The Write section for a row (a proxy index), in menu order: what the context menu
    /// shows and what the Edit menu's entries trigger for the current row.
    QList<TreeWriteAction> writeActionsAt(const QModelIndex &proxyIndex);
    /// "Delete…" on a tag or manifest row (a proxy index): opens the DeletionPreviewDialog for
    /// it; false (nothing opened) for any other row. One such dialog at a time.
    bool requestDelete(const QModelIndex &proxyIndex);
    /// The open delete dialog, null when none.
    DeletionPreviewDialog *deleteDialog() const;

    TreeSelection currentSelection() const;
    QString currentRepository() const;
    /// The inline message above the tree (catalog problems); empty when hidden.
    QString catalogMessage() const;

    QTreeView *view() const { return m_view; }
    RegistryTreeModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const;
    QLineEdit *filterEdit() const { return m_filter; }

Q_SIGNALS:
    void selectionChanged(const ocular::TreeSelection &selection);
    /// What is loading; empty when idle.
    void activityChanged(const QString &text);
    void problem(const QString &text);
    void openRepositoryRequested();
    /// "Open in New Window" on a node: `reference` is `repo`, `repo:tag` or `repo@digest`.
    void openInNewWindowRequested(const QString &reference);
    /// "Push artifact…" on a repository, "Attach files…" on a tag or manifest, or local files
    /// dropped on one: `subject` is the tag or digest to attach to (empty for none), `files`
    /// the dropped paths (empty from the menu).
    void pushArtifactRequested(const QString &repository, const QString &subject,
                               const QStringList &files);
    /// A short confirmation for the status bar ("Copied …").
    void information(const QString &text);
    /// "Add Tag…" / "Copy To…" on a tag or manifest node.
    void addTagRequested(const ocular::TreeSelection &selection);
    void copyToRequested(const ocular::TreeSelection &selection);
    /// "Remove Tag…" on a tag node.
    void removeTagRequested(const ocular::TreeSelection &selection);
    /// A delete sent something to the registry (DeletionPreviewDialog::deleted); the
    /// repository is being read again.
    void manifestDeleted(const ocular::DeletionPlan &plan, const ocular::DeletionOutcome &outcome);

protected:
    /// The Delete key on the tree; local files dragged over a tag or manifest row (viewport).
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// The repository and subject identifier (tag or digest) of a row, for attaching; an
    /// empty repository when the row cannot be a subject.
    QPair<QString, QString> subjectAt(const QModelIndex &proxyIndex) const;
    /// "Copy as Command" for a row: the tag list, manifest, referrers or blob it stands for.
    void addCopyAsCommand(ReferenceMenu *menu, const TreeSelection &selection);
    void reload();
    void loadCatalogPage();
    void loadChildren(const QModelIndex &sourceIndex);
    void onCurrentChanged(const QModelIndex &proxyIndex);
    void emitSelection();
    void showCatalogMessage(const QString &text);
    TreeSelection selectionFor(const QModelIndex &sourceIndex) const;
    QModelIndex currentSourceIndex() const;
    void selectSource(const QModelIndex &sourceIndex);
    void selectPendingTag(const QString &repository);
    void openDigest(const QString &repository, const Digest &digest);
    void refreshNode(const QModelIndex &sourceIndex);
    void onFilterTextChanged(const QString &text);
    QList<QPersistentModelIndex> expandedSourceIndexes() const;
    void expandMatches();
    void loadCatalogForFilter();
    void updateNoMatch();
    void closeDeleteDialog();

    /// Registers a request before it starts (its callback may run synchronously, e.g. from
    /// the cache); attach() hands over the handle Cancel needs.
    int begin(const QString &text);
    void attach(int id, const RequestHandle &handle);
    void finish(int id);

    RegistryTreeModel *m_model;
    RepositoryFilterProxy *m_proxy;
    QTreeView *m_view;
    QLineEdit *m_filter;
    QLabel *m_noMatch;
    QFrame *m_messageFrame;
    QLabel *m_message;
    QProgressBar *m_progress;
    QPushButton *m_openButton;
    QString m_idleMessage;
    /// Expanded rows before the filter was typed, restored when it is cleared.
    QList<QPersistentModelIndex> m_expandedBeforeFilter;
    QPersistentModelIndex m_currentBeforeFilter;
    /// `repo:tag` the user opened before the tags were loaded.
    QPair<QString, QString> m_pendingTag;
    /// A manifest opened by digest that was selected when its repository was refreshed: it
    /// comes back with the tags and is selected again.
    QPair<QString, Digest> m_pendingDigest;

    QPointer<ContentSource> m_source;
    quint64 m_generation = 0;
    PageCursor m_nextCatalogPage;
    int m_catalogPageSize = 200;
    bool m_catalogLoadedOnce = false;
    QStringList m_openedRepositories;
    int m_nextRequestId = 0;
    QHash<int, QPair<RequestHandle, QString>> m_inFlight;
    QList<int> m_order;
    QPointer<DeletionPreviewDialog> m_deleteDialog;
};

} // namespace ocular
