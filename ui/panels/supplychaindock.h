#pragma once

#include "models/treeselection.h"

#include <QDockWidget>

class QCheckBox;
class QTabWidget;

namespace ocular {

class AuditPanel;
class CapabilitiesPanel;
class CapabilityProbe;
class ReferrersPanel;
class ContentSource;
class ReferrersTreeLoader;
class RegistryTreeModel;
class RegistryClient;

/// The supply-chain views in one dock: Referrers (graph, SBOM, signatures), Audit and
/// Capabilities; they share one capability cache per registry.
class SupplyChainDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit SupplyChainDock(QWidget *parent = nullptr);
    ~SupplyChainDock() override;

    /// Neither is owned; null detaches. Walks, audits and tree loads read `source`; `client`
    /// (may be null: no Capabilities then) is what the CapabilityProbe asks, because it reports
    /// the HTTP API itself. Whatever runs for the previous registry (walks, audit, probe, tree
    /// loads) is cancelled first and its answers are dropped.
    void setSource(ContentSource *source, RegistryClient *client);
    /// Ends the walk, audit and probe in flight (the Cancel action).
    void cancel();
    void showSelection(const TreeSelection &selection);
    /// Fills the tree's "Referrers (n)" nodes (and turns them on).
    void attachTree(RegistryTreeModel *model);

    ReferrersPanel *referrers() const { return m_referrers; }
    AuditPanel *audit() const { return m_audit; }
    CapabilitiesPanel *capabilities() const { return m_capabilities; }
    QTabWidget *tabs() const { return m_tabs; }
    QCheckBox *treeToggle() const { return m_treeToggle; }

Q_SIGNALS:
    void digestActivated(const ocular::Digest &digest);
    void activityChanged(const QString &text);
    void problem(const QString &text);
    void information(const QString &text);
    /// A referrer row's context menu asked to open `repository@digest` in a new window.
    void openInNewWindowRequested(const QString &relativeReference);

private:
    void setActivity(QObject *source, const QString &text);

    QTabWidget *m_tabs;
    ReferrersPanel *m_referrers;
    AuditPanel *m_audit;
    CapabilitiesPanel *m_capabilities;
    QCheckBox *m_treeToggle;
    RegistryTreeModel *m_treeModel = nullptr;
    CapabilityProbe *m_probe = nullptr;
    ReferrersTreeLoader *m_treeLoader = nullptr;
    ContentSource *m_source = nullptr;
    /// Busy text per panel: one finishing must not clear what another is still doing.
    QString m_referrersActivity;
    QString m_auditActivity;
};

} // namespace ocular
