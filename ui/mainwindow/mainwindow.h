#pragma once

#include "base/result.h"

#include <QMainWindow>
#include <QPointer>
#include <functional>
#include <memory>

class QAction;

namespace ocular {

class ActivityStatus;
class CleanupDialog;
class TagHistoryDialog;
class TagHistoryStore;
class PushArtifactDialog;
class RepositorySearchDialog;
class MainWindowActions;
class RegistrySources;
class RegistryWrites;
class WindowLayout;
class ContentSource;
class InspectorPanel;
class RegistryClient;
class RegistrySource;
class RegistryStack;
class RegistryListPanel;
class RepositoryTreePanel;
class SupplyChainDock;
struct TlsSettings;

/// The shell: registry list and repository tree on the left, inspector on the right, actions
/// and a status bar. Receives the network stack from the composition root and keeps one
/// RegistrySource per registry it has opened.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// `stack` is not owned and must outlive the window.
    explicit MainWindow(RegistryStack *stack, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Adds (if new) and selects a registry by URL or host; false when it does not parse.
    bool openRegistry(const QString &url, bool remember = true);
    /// Adds (if new) and selects an OCI image layout directory as a source, listed as
    /// `oci:DIR`; the reason when it is not a layout (nothing is added then).
    QString openLayout(const QString &directory, bool remember = true);
    /// Status bar text, e.g. "Starting demo registry…"; empty text ends it.
    void setExternalActivity(const QString &text);
    /// What the tree says before a registry is open (the demo seeding), with step/total.
    void setPreparing(const QString &text, int step = 0, int total = 0);
    void showProblem(const QString &text);
    /// A new window on the same registry, opened at `reference` (`repo[:tag|@digest]`).
    MainWindow *openInNewWindow(const QString &reference);
    /// Help ▸ About: version, Qt version, licence. Non-blocking; returns the dialog.
    QWidget *showAbout();
    /// Help ▸ Keyboard Shortcuts, listing this window's live actions. Non-blocking.
    QWidget *showKeyboardShortcuts();
    /// Edit ▸ Find in Repository on the tree's current repository (the one dialog, retargeted
    /// when open); null without a repository. Another registry stops and closes it.
    RepositorySearchDialog *findInRepository();
    /// Edit ▸ Clean Up Repository on the tree's current repository of a registry (the open
    /// dialog of that repository, raised, when there is one); null without one.
    CleanupDialog *cleanUpRepository();
    /// View ▸ Tag History for the tree's current tag (every tag of the repository on a
    /// repository row); null without a repository.
    TagHistoryDialog *showTagHistory();
    /// Where every tag the registries resolve is recorded (cleanup's tag history); null: none.
    void setTagHistory(std::shared_ptr<TagHistoryStore> history);
    std::shared_ptr<TagHistoryStore> tagHistory() const { return m_tagHistory; }

    /// Opens the (non-modal) push dialog for `repository` of the current registry, attaching
    /// to `subject` (tag or digest; empty for none) with `files` added; null without a
    /// registry. A push refreshes the repository in the tree and the subject's referrers.
    PushArtifactDialog *openPushDialog(const QString &repository, const QString &subject = {},
                                       const QStringList &files = {});

    RegistryListPanel *registryList() const { return m_registries; }
    RepositoryTreePanel *treePanel() const { return m_tree; }
    InspectorPanel *inspector() const { return m_inspector; }
    ActivityStatus *activity() const { return m_activity; }
    SupplyChainDock *supplyChain() const { return m_supplyChain; }
    RegistryClient *currentClient() const;
    /// What the panels read the current registry through; null without a registry.
    ContentSource *currentSource() const;
    QAction *action(const QString &name) const;
    /// Applies and keeps the TLS options chosen under Add Registry ▸ Advanced for a host;
    /// without one (no credentials layer) the dialog hides its Advanced section.
    using TlsApplier = std::function<Result<Done>(const QString &host, const TlsSettings &tls)>;
    void setTlsApplier(TlsApplier applier) { m_tlsApplier = std::move(applier); }
    /// Add Tag…, Copy To… and what they record.
    RegistryWrites *writes() const { return m_writes; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void cancelLoading();
    void onRegistryChanged(const QString &url);
    void addRegistryDialog();
    void openRepositoryDialog();
    void openLayoutDialog();
    void copyReference(bool byDigest);
    /// The Edit menu's write `name` on the tree's current row, when that row allows it.
    void runTreeWrite(const QString &name);
    void updateTreeWrites();
    void onDigestActivated(const class Digest &digest);

    RegistryStack *m_stack;
    RegistryListPanel *m_registries;
    RepositoryTreePanel *m_tree;
    InspectorPanel *m_inspector;
    ActivityStatus *m_activity;
    SupplyChainDock *m_supplyChain;
    WindowLayout *m_layout;
    RegistrySources *m_sources;
    RegistryWrites *m_writes;
    ContentSource *m_source = nullptr;
    MainWindowActions *m_actions = nullptr;
    QObject *m_externalSource;
    TlsApplier m_tlsApplier;
    QPointer<RepositorySearchDialog> m_search;
    QPointer<CleanupDialog> m_cleanup;
    std::shared_ptr<TagHistoryStore> m_tagHistory;

protected:
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
};

} // namespace ocular
