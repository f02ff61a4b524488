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
    // purl is the longest and most telling column: it takes the room left by the others,
    // which are sized to their contents once loaded (see sizeColumns).
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(SbomPackagesModel::PurlColumn,
                                                      QHeaderView::Stretch);
    m_table->setTextElideMode(Qt::ElideMiddle);
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
        text += tr(" (wrapped in: %1)").arg(doc.wrapper);
    if (m_proxy->rowCount() != total)
        text += tr("; %1 shown").arg(m_proxy->rowCount());
    m_summary->setText(text);
}

void SbomViewer::sizeColumns()
{
    // From a sample of rows (a large SBOM must not be measured row by row on the GUI thread),
    // each column but purl as wide as its content, up to a cap so purl keeps most of the room.
    const QFontMetrics metrics = m_table->fontMetrics();
    const int sample = qMin(m_model->rowCount(), 300);
    const int padding = 2 * metrics.averageCharWidth() + 8;
    for (int column = 0; column < SbomPackagesModel::ColumnCount; ++column) {
        if (column == SbomPackagesModel::PurlColumn)
            continue;
        int width = metrics.horizontalAdvance(
            m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
        for (int row = 0; row < sample; ++row)
            width = qMax(width,
                         metrics.horizontalAdvance(m_model->index(row, column).data().toString()));
        const int cap = column == SbomPackagesModel::NameColumn ? 32 : 18;
        m_table->setColumnWidth(column,
                                qMin(width + padding, cap * metrics.averageCharWidth()) + 4);
    }
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
            sizeColumns();
            updateSummary();
            Q_EMIT loaded(m_model->rowCount());
        });
}

} // namespace ocular
