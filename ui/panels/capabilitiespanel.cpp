#include "capabilitiespanel.h"

#include "models/nodeicons.h"
#include "referrers/capabilityprobe.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
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
    m_table->horizontalHeader()->setStretchLastSection(true);
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

void CapabilitiesPanel::setProbe(CapabilityProbe *probe)
{
    m_handle.cancel();
    if (m_probe)
        disconnect(m_probe, nullptr, this, nullptr);
    m_probe = probe;
    m_table->setRowCount(0);
    if (probe) {
        connect(probe, &CapabilityProbe::capabilitiesChanged, this, [this](const QString &repo) {
            if (repo.isEmpty() || repo == m_repository)
                show(m_probe->cached(m_repository));
        });
        show(probe->cached(m_repository));
    }
}

void CapabilitiesPanel::setRepository(const QString &repository)
{
    m_repository = repository;
    if (m_probe)
        show(m_probe->cached(repository));
}

void CapabilitiesPanel::refresh()
{
    if (!m_probe)
        return;
    m_handle.cancel();
    m_title->setText(tr("Probing…"));
    m_handle = m_probe->probe(m_repository, true, this, [this](Result<RegistryCapabilities> caps) {
        if (caps.ok())
            show(caps.value());
        else
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
                                                  ? c.probedAt.toLocalTime().toString(Qt::ISODate)
                                                  : tr("not probed")));
        m_table->setItem(i, 3, new QTableWidgetItem(c.evidence));
    }
    m_table->resizeColumnsToContents();
}

} // namespace ocular
