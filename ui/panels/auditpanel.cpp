#include "auditpanel.h"

#include "dialogs/cosignkeychooser.h"
#include "models/auditmodel.h"
#include "models/naturalorder.h"
#include "referrers/audittable.h"
#include "referrers/repositoryauditor.h"
#include "referrers/staleattachmentscanner.h"
#include "source/contentsource.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace ocular {

namespace {

/// Filters audit rows by one of the audit filters (the columns hold words, so a regular
/// expression on text would be brittle).
class AuditFilterProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setMode(int mode)
    {
        m_mode = mode;
        invalidateFilter();
    }

protected:
    /// Tags sort as the tree sorts them (v0.0.2 before v0.0.10).
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        if (left.column() == AuditModel::TagColumn)
            return naturalLess(left.data().toString(), right.data().toString());
        return QSortFilterProxyModel::lessThan(left, right);
    }

    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const auto *model = static_cast<const AuditModel *>(sourceModel());
        if (parent.isValid() || row >= model->rows().size())
            return false;
        const AuditRow &r = model->rows().at(row);
        switch (m_mode) {
        case 1:
            return !r.isSigned();
        case 2:
            return r.sbomFormats.isEmpty();
        case 3:
            return !r.provenance;
        default:
            return true;
        }
    }

private:
    int m_mode = 0;
};

} // namespace

AuditPanel::AuditPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new AuditModel(this))
    , m_proxy(new AuditFilterProxy(this))
    , m_table(new QTableView(this))
    , m_filter(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_run(new QPushButton(tr("Audit Repository"), this))
    , m_export(new QPushButton(tr("Export…"), this))
    , m_key(new QPushButton(tr("Verify with Key…"), this))
{
    m_proxy->setSourceModel(m_model);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    // The header's default indicator is column 0 descending: tags would start from the end.
    m_table->sortByColumn(AuditModel::TagColumn, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    // One line per row: cut cells have tooltips with their whole text.
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->horizontalHeader()->setResizeContentsPrecision(200);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_filter->addItems(
        {tr("All manifests"), tr("Unsigned only"), tr("Without SBOM"), tr("Without provenance")});
    auto *top = new QHBoxLayout;
    top->addWidget(m_run);
    top->addWidget(m_filter);
    top->addWidget(m_status, 1);
    top->addWidget(m_key);
    top->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    connect(m_run, &QPushButton::clicked, this, &AuditPanel::run);
    connect(m_filter, &QComboBox::currentIndexChanged, this, &AuditPanel::setFilter);
    connect(m_export, &QPushButton::clicked, this, &AuditPanel::exportDialog);
    connect(m_key, &QPushButton::clicked, this, &AuditPanel::chooseKey);
    m_run->setEnabled(false);
}

AuditPanel::~AuditPanel()
{
    stopJobs();
}

QString AuditPanel::statusText() const
{
    return m_status->text();
}

void AuditPanel::stopJobs()
{
    ++m_generation;
    m_handle.cancel();
    m_scan.cancel();
    // Deleting the context objects drops every answer still queued for them.
    delete m_auditor;
    m_auditor = nullptr;
    delete m_scanner;
    m_scanner = nullptr;
}

void AuditPanel::setSource(ContentSource *source)
{
    if (m_auditor)
        Q_EMIT activityChanged(QString());
    stopJobs();
    m_source = source;
    m_model->setRows({});
    m_audited.clear();
    m_status->clear();
    m_status->setToolTip(QString());
    m_run->setEnabled(source && !m_repository.isEmpty());
}

void AuditPanel::setRepository(const QString &repository)
{
    if (repository == m_repository)
        return;
    m_repository = repository;
    m_run->setEnabled(m_source && !repository.isEmpty());
    m_run->setToolTip(repository.isEmpty() ? QString() : tr("Audit %1").arg(repository));
    // A running audit keeps auditing what its label names; the user cancels it or starts
    // another one for the new selection.
    if (m_auditor || repository == m_audited)
        return;
    m_scan.cancel();
    delete m_scanner;
    m_scanner = nullptr;
    m_model->setRows({});
    m_audited.clear();
    m_status->setToolTip(QString());
    m_status->setText(repository.isEmpty() ? QString() : tr("Repository %1").arg(repository));
}

void AuditPanel::cancel()
{
    const bool running = m_auditor != nullptr;
    stopJobs();
    if (!running)
        return;
    Q_EMIT activityChanged(QString());
    m_status->setText(tr("Audit of %1 cancelled.").arg(m_audited));
}

void AuditPanel::setFilter(int filter)
{
    if (m_filter->currentIndex() != filter)
        m_filter->setCurrentIndex(filter);
    static_cast<AuditFilterProxy *>(m_proxy)->setMode(filter);
}

void AuditPanel::run()
{
    start(m_repository);
}

void AuditPanel::start(const QString &repository)
{
    if (!m_source || repository.isEmpty())
        return;
    stopJobs();
    const int generation = m_generation;
    m_audited = repository;
    m_model->setRows({});
    m_status->setToolTip(QString());
    m_status->setText(tr("Auditing %1…").arg(repository));
    m_auditor = new RepositoryAuditor(m_source, nullptr, this);
    m_auditor->setVerifier(m_verifier);
    connect(m_auditor, &RepositoryAuditor::progress, this,
            [this, generation, repository](int done, int total) {
                if (generation == m_generation)
                    m_status->setText(
                        tr("Auditing %1: %2 of %3 tags…").arg(repository).arg(done).arg(total));
            });
    Q_EMIT activityChanged(tr("Auditing %1…").arg(repository));
    m_handle =
        m_auditor->audit(repository, m_auditor, [this, generation](Result<QList<AuditRow>> rows) {
            if (generation != m_generation)
                return;
            // Not deleted here: this runs inside a delivery to it.
            m_auditor->deleteLater();
            m_auditor = nullptr;
            Q_EMIT activityChanged(QString());
            if (!rows.ok()) {
                m_status->setText(rows.error().kind == ErrorKind::Cancelled
                                      ? tr("Audit of %1 cancelled.").arg(m_audited)
                                      : rows.error().message);
                if (rows.error().kind != ErrorKind::Cancelled)
                    Q_EMIT problem(rows.error().toString());
                return;
            }
            QList<AuditRow> sorted = rows.value();
            // Tags in the order the tree shows them (v0.0.2 before v0.0.10); a tag's platform
            // rows stay after it.
            std::stable_sort(
                sorted.begin(), sorted.end(),
                [](const AuditRow &a, const AuditRow &b) { return naturalLess(a.tag, b.tag); });
            m_model->setRows(sorted);
            // Columns as wide as their content (sampled), but none wider than a third of the
            // table: the verification reason can be long.
            m_table->resizeColumnsToContents();
            const int cap = qMax(160, m_table->viewport()->width() / 3);
            for (int c = 0; c < m_model->columnCount(); ++c)
                m_table->setColumnWidth(c, qMin(m_table->columnWidth(c), cap));
            showSummary();
            scanStale(generation);
            Q_EMIT finished(int(sorted.size()));
        });
}

void AuditPanel::showSummary()
{
    QSet<QString> tags;
    QSet<Digest> digests;
    QSet<Digest> unsignedDigests;
    QSet<Digest> failedDigests;
    for (const AuditRow &r : m_model->rows()) {
        if (r.platform.isEmpty())
            tags.insert(r.tag);
        digests.insert(r.digest);
        if (!r.isSigned())
            unsignedDigests.insert(r.digest);
        if (r.verificationResult.status == VerificationResult::Status::Failed)
            failedDigests.insert(r.digest);
    }
    // Rows are tags × platforms: the manifests are the distinct digests among them.
    QString text = (tags.size() == 1 ? tr("%1: 1 tag").arg(m_audited)
                                     : tr("%1: %2 tags").arg(m_audited).arg(tags.size())) +
                   (digests.size() == 1 ? tr(", 1 distinct manifest")
                                        : tr(", %1 distinct manifests").arg(digests.size())) +
                   tr(", %1 unsigned").arg(unsignedDigests.size());
    if (!failedDigests.isEmpty())
        text += tr(", %1 failed verification").arg(failedDigests.size());
    m_status->setText(text);
}

void AuditPanel::scanStale(int generation)
{
    if (!m_source)
        return;
    const QString repository = m_audited;
    m_scanner = new StaleAttachmentScanner(m_source, this);
    StaleAttachmentScanner *scanner = m_scanner;
    // Every page: a stale attachment tag sorts anywhere.
    m_scan = m_source->allTags(
        repository, 1000, scanner,
        [this, generation, repository, scanner](Result<NameListing> tags) {
            if (generation != m_generation || !tags.ok())
                return;
            m_scan = scanner->scan(
                repository, tags->items, scanner,
                [this, generation, scanner](Result<QList<ReferrerIssue>> issues) {
                    if (generation != m_generation)
                        return;
                    m_scanner = nullptr;
                    scanner->deleteLater();
                    if (!issues.ok() || issues->isEmpty())
                        return;
                    QStringList lines;
                    for (const ReferrerIssue &issue : issues.value())
                        lines << issue.message;
                    m_status->setText(m_status->text() + tr("; ⚠ %n stale attachment(s)", nullptr,
                                                            int(issues->size())));
                    m_status->setToolTip(lines.join(QLatin1Char('\n')));
                    Q_EMIT staleFound(int(issues->size()));
                });
        });
}

void AuditPanel::setVerifier(std::optional<CosignVerifier> verifier)
{
    m_verifier = std::move(verifier);
    m_key->setText(m_verifier ? tr("Key: %1").arg(m_verifier->keyDescription())
                              : tr("Verify with Key…"));
    // What is shown was checked with the previous key (or none): check it again.
    const bool shown = m_auditor || !m_model->rows().isEmpty();
    if (shown)
        start(m_audited);
}

void AuditPanel::chooseKey()
{
    const auto verifier = CosignKeyChooser::choose(this);
    if (!verifier)
        return;
    if (!verifier->ok())
        return Q_EMIT problem(verifier->error().message);
    setVerifier(verifier->value());
}

bool AuditPanel::exportTo(const QString &path, bool json)
{
    QList<AuditRow> visible;
    for (int i = 0; i < m_proxy->rowCount(); ++i)
        visible.append(m_model->rows().at(m_proxy->mapToSource(m_proxy->index(i, 0)).row()));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const QByteArray bytes = json ? audittable::toJson(visible) : audittable::toCsv(visible);
    return file.write(bytes) == bytes.size();
}

void AuditPanel::exportDialog()
{
    QString selected;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Audit"),
                                                      m_audited.section(QLatin1Char('/'), -1) +
                                                          QStringLiteral("-audit.csv"),
                                                      tr("CSV (*.csv);;JSON (*.json)"), &selected);
    if (path.isEmpty())
        return;
    if (!exportTo(path, path.endsWith(QLatin1String(".json")) ||
                            selected.startsWith(QLatin1String("JSON"))))
        Q_EMIT problem(tr("Could not write %1.").arg(path));
    else
        Q_EMIT exported(m_proxy->rowCount(), path);
}

} // namespace ocular
