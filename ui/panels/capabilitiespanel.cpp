#include "capabilitiespanel.h"

#include "models/nodeicons.h"
#include "referrers/capabilityprobe.h"
#include "views/displayformat.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QShowEvent>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ocular {

CapabilitiesPanel::CapabilitiesPanel(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 4, this))
    , m_title(new QLabel(this))
    , m_refresh(new QPushButton(tr("Refresh"), this))
{
    m_table->setHorizontalHeaderLabels(
        {tr("Capability"), tr("State"), tr("Probed"), tr("Evidence")});
    m_table->verticalHeader()->hide();
    // Fixed modes, not resizeColumnsToContents(): that one undid the stretch of the evidence
    // column after a refresh, leaving the table short of the tab's width.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->setWordWrap(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    connect(m_refresh, &QPushButton::clicked, this, &CapabilitiesPanel::refresh);
}

CapabilitiesPanel::~CapabilitiesPanel()
{
    stopProbe();
}

void CapabilitiesPanel::stopProbe()
{
    ++m_generation;
    m_handle.cancel();
    m_probing = false;
}

void CapabilitiesPanel::setProbe(CapabilityProbe *probe)
{
    stopProbe();
    if (m_probe)
        disconnect(m_probe, nullptr, this, nullptr);
    m_probe = probe;
    m_table->setRowCount(0);
    m_title->clear();
    if (probe) {
        connect(probe, &CapabilityProbe::capabilitiesChanged, this, [this](const QString &repo) {
            if (repo.isEmpty() || repo == m_repository)
                show(m_probe->cached(m_repository));
        });
        show(probe->cached(m_repository));
        if (isVisible())
            startProbe(false);
    }
}

void CapabilitiesPanel::setRepository(const QString &repository)
{
    if (repository == m_repository && m_table->rowCount() > 0)
        return;
    stopProbe();
    m_repository = repository;
    if (!m_probe)
        return;
    show(m_probe->cached(repository));
    if (isVisible())
        startProbe(false);
}

void CapabilitiesPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_probe && !m_probing)
        startProbe(false);
}

void CapabilitiesPanel::refresh()
{
    startProbe(true);
}

void CapabilitiesPanel::startProbe(bool refresh)
{
    if (!m_probe)
        return;
    stopProbe();
    const int generation = m_generation;
    m_probing = true;
    if (refresh)
        m_title->setText(tr("Probing…"));
    // Delivered to the probe: when it is deleted (another registry), nothing queued for this
    // probe can run any more.
    m_handle = m_probe->probe(m_repository, refresh, m_probe,
                              [this, generation](Result<RegistryCapabilities> caps) {
                                  if (generation != m_generation)
                                      return;
                                  m_probing = false;
                                  if (caps.ok())
                                      show(caps.value());
                                  else if (caps.error().kind != ErrorKind::Cancelled)
                                      m_title->setText(caps.error().message);
                                  Q_EMIT refreshed();
                              });
}

void CapabilitiesPanel::show(const RegistryCapabilities &caps)
{
    m_title->setText(caps.registry +
                     (caps.repository.isEmpty() ? QString() : QLatin1Char('/') + caps.repository));
    QList<QPair<QString, Capability>> rows;
    if (!caps.repository.isEmpty())
        rows = {{tr("Referrers API"), caps.referrersApi},
                {tr("artifactType filtering"), caps.referrersFiltering},
                {tr("Tag list pagination"), caps.tagPagination}};
    rows += {{tr("Catalog"), caps.catalog}, {tr("Tag delete"), caps.tagDelete}};
    m_table->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const Capability &c = rows.at(i).second;
        auto *state = new QTableWidgetItem(c.stateName());
        if (c.state == CapabilityState::NotSupported)
            state->setIcon(NodeIcons::named(QStringLiteral("warning")));
        m_table->setItem(i, 0, new QTableWidgetItem(rows.at(i).first));
        m_table->setItem(i, 1, state);
        m_table->setItem(i, 2,
                         new QTableWidgetItem(c.probedAt.isValid()
                                                  ? displayformat::dateTime(c.probedAt)
                                                  : tr("not probed")));
        auto *evidence = new QTableWidgetItem(c.evidence);
        evidence->setToolTip(c.evidence);
        m_table->setItem(i, 3, evidence);
    }
}

} // namespace ocular
