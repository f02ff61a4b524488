#include "supplychaindock.h"

#include "models/registrytreemodel.h"
#include "panels/auditpanel.h"
#include "panels/capabilitiespanel.h"
#include "panels/referrerspanel.h"
#include "panels/referrerstreeloader.h"
#include "referrers/capabilityprobe.h"

#include <QCheckBox>
#include <QSettings>
#include <QTabWidget>

namespace ocular {

SupplyChainDock::SupplyChainDock(QWidget *parent)
    : QDockWidget(tr("Supply Chain"), parent)
    , m_tabs(new QTabWidget(this))
    , m_referrers(new ReferrersPanel(this))
    , m_audit(new AuditPanel(this))
    , m_capabilities(new CapabilitiesPanel(this))
    , m_treeToggle(new QCheckBox(tr("Referrers in tree"), this))
{
    setObjectName(QStringLiteral("supplyChainDock"));
    m_tabs->addTab(m_referrers, tr("Referrers"));
    m_tabs->addTab(m_audit, tr("Audit"));
    m_tabs->addTab(m_capabilities, tr("Capabilities"));
    setWidget(m_tabs);
    // On unless the user turned it off (the setting persists).
    m_treeToggle->setChecked(
        QSettings().value(QStringLiteral("referrers/treeNodes"), true).toBool());
    m_treeToggle->setToolTip(tr("Show a lazily loaded \"Referrers (n)\" node under every manifest "
                                "of the repository tree"));
    m_tabs->setCornerWidget(m_treeToggle);
    connect(m_treeToggle, &QCheckBox::toggled, this, [this](bool on) {
        QSettings().setValue(QStringLiteral("referrers/treeNodes"), on);
        if (m_treeModel)
            m_treeModel->setReferrersNodes(on);
    });
    connect(m_referrers, &ReferrersPanel::digestActivated, this, &SupplyChainDock::digestActivated);
    connect(m_referrers, &ReferrersPanel::graphLoaded, this,
            [this](int n) { m_tabs->setTabText(0, tr("Referrers (%1)").arg(n)); });
    connect(m_referrers, &ReferrersPanel::activityChanged, this,
            [this](const QString &text) { setActivity(m_referrers, text); });
    connect(m_audit, &AuditPanel::activityChanged, this,
            [this](const QString &text) { setActivity(m_audit, text); });
    connect(m_referrers, &ReferrersPanel::problem, this, &SupplyChainDock::problem);
    connect(m_audit, &AuditPanel::problem, this, &SupplyChainDock::problem);
    connect(m_referrers, &ReferrersPanel::information, this, &SupplyChainDock::information);
    connect(m_referrers, &ReferrersPanel::openInNewWindowRequested, this,
            &SupplyChainDock::openInNewWindowRequested);
}

SupplyChainDock::~SupplyChainDock()
{
    // Panels first, then the probe and loader they use (children go in creation order).
    setSource(nullptr, nullptr);
}

void SupplyChainDock::setActivity(QObject *source, const QString &text)
{
    (source == m_audit ? m_auditActivity : m_referrersActivity) = text;
    Q_EMIT activityChanged(m_referrersActivity.isEmpty() ? m_auditActivity : m_referrersActivity);
}

void SupplyChainDock::cancel()
{
    m_referrers->cancel();
    m_audit->cancel();
}

void SupplyChainDock::setSource(ContentSource *source, RegistryClient *client)
{
    // Users of the probe detach before it goes: none of them may hold it once it is deleted.
    m_capabilities->setProbe(nullptr);
    if (m_treeLoader)
        m_treeLoader->setSource(nullptr, nullptr);
    m_referrers->setSource(nullptr);
    m_audit->setSource(nullptr);
    delete m_probe;
    m_probe = source && client ? new CapabilityProbe(client, this) : nullptr;
    m_referrers->setSource(source, m_probe);
    m_audit->setSource(source);
    m_capabilities->setProbe(m_probe);
    m_tabs->setTabText(0, tr("Referrers"));
    m_source = source;
    if (m_treeLoader)
        m_treeLoader->setSource(source, m_probe);
}

void SupplyChainDock::attachTree(RegistryTreeModel *model)
{
    delete m_treeLoader;
    m_treeModel = model;
    model->setReferrersNodes(m_treeToggle->isChecked());
    m_treeLoader = new ReferrersTreeLoader(model, this);
    m_treeLoader->setSource(m_source, m_probe);
}

void SupplyChainDock::showSelection(const TreeSelection &selection)
{
    // The count belongs to the selection it was found for; the walk for this one sets it.
    m_tabs->setTabText(0, tr("Referrers"));
    m_referrers->showSelection(selection);
    m_audit->setRepository(selection.repository);
    m_capabilities->setRepository(selection.repository);
}

} // namespace ocular
