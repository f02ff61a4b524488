#pragma once

#include "models/treeselection.h"

#include <QDockWidget>

class QTabWidget;

namespace ocular {

class AuditPanel;
class CapabilitiesPanel;
class CapabilityProbe;
class ReferrersPanel;
class RegistryClient;

/// The supply-chain views in one dock: Referrers (graph, SBOM, signatures), Audit and
/// Capabilities; they share one capability cache per registry.
class SupplyChainDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit SupplyChainDock(QWidget *parent = nullptr);

    /// Not owned; null detaches.
    void setClient(RegistryClient *client);
    void showSelection(const TreeSelection &selection);

    ReferrersPanel *referrers() const { return m_referrers; }
    AuditPanel *audit() const { return m_audit; }
    CapabilitiesPanel *capabilities() const { return m_capabilities; }
    QTabWidget *tabs() const { return m_tabs; }

Q_SIGNALS:
    void digestActivated(const ocular::Digest &digest);
    void activityChanged(const QString &text);
    void problem(const QString &text);

private:
    QTabWidget *m_tabs;
    ReferrersPanel *m_referrers;
    AuditPanel *m_audit;
    CapabilitiesPanel *m_capabilities;
    CapabilityProbe *m_probe = nullptr;
};

} // namespace ocular
