#include "sbomviewer.h"

#include "base/offthread.h"
#include "models/sbompackagesmodel.h"
#include "referrers/sbomparser.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace ocular {

SbomViewer::SbomViewer(QWidget *parent)
    : QWidget(parent)
    , m_model(new SbomPackagesModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_filter(new QLineEdit(this))
    , m_summary(new QLabel(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_filter->setPlaceholderText(tr("Filter packages (name, version, licence, purl)"));
    m_filter->setClearButtonEnabled(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_filter);
    layout->addWidget(m_table, 1);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        updateSummary();
    });
}

QString SbomViewer::summaryText() const
{
    return m_summary->text();
}

void SbomViewer::clear()
{
    ++m_generation;
    m_model->clear();
    m_summary->clear();
}

void SbomViewer::updateSummary()
{
    const SbomDocument &doc = m_model->document();
    const int total = m_model->rowCount();
    QString text = tr("%1 — %2 packages, %3 with a licence")
                       .arg(doc.format)
                       .arg(total)
                       .arg(doc.licensedCount());
    if (!doc.wrapper.isEmpty())
        text += tr(" (inside a %1)").arg(doc.wrapper);
    if (m_proxy->rowCount() != total)
        text += tr("; %1 shown").arg(m_proxy->rowCount());
    m_summary->setText(text);
}

void SbomViewer::loadJson(const QByteArray &json)
{
    const int generation = ++m_generation;
    m_summary->setText(tr("Reading the SBOM (%1 KiB)…").arg(json.size() / 1024));
    runOffThread<Result<SbomDocument>>(
        this, [json] { return sbomparser::parse(json); },
        [this, generation](Result<SbomDocument> doc) {
            if (generation != m_generation)
                return; // the user moved on
            if (!doc.ok()) {
                m_model->clear();
                m_summary->setText(tr("Not a readable SBOM: %1").arg(doc.error().message));
                Q_EMIT loaded(-1);
                return;
            }
            m_model->setDocument(std::move(doc).value());
            updateSummary();
            Q_EMIT loaded(m_model->rowCount());
        });
}

} // namespace ocular
