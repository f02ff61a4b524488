#include "auditpanel.h"

#include "dialogs/cosignkeychooser.h"
#include "models/auditmodel.h"
#include "referrers/audittable.h"
#include "referrers/repositoryauditor.h"
#include "referrers/staleattachmentscanner.h"
#include "registry/registryclient.h"

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
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
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

void AuditPanel::setClient(RegistryClient *client)
{
    cancel();
    delete m_auditor;
    m_auditor = client ? new RepositoryAuditor(client, nullptr, this) : nullptr;
    m_client = client;
    if (m_auditor)
        m_auditor->setVerifier(m_verifier);
    if (m_auditor)
        connect(m_auditor, &RepositoryAuditor::progress, this, [this](int done, int total) {
            m_status->setText(
                tr("Auditing %1: %2 of %3 tags…").arg(m_repository).arg(done).arg(total));
        });
    m_model->setRows({});
    m_run->setEnabled(false);
}

void AuditPanel::setRepository(const QString &repository)
{
    if (repository == m_repository)
        return;
    cancel();
    m_repository = repository;
    m_model->setRows({});
    m_run->setEnabled(m_auditor && !repository.isEmpty());
    m_status->setText(repository.isEmpty() ? QString() : tr("Repository %1").arg(repository));
}

void AuditPanel::cancel()
{
    m_handle.cancel();
    ++m_generation;
}

void AuditPanel::setFilter(int filter)
{
    if (m_filter->currentIndex() != filter)
        m_filter->setCurrentIndex(filter);
    static_cast<AuditFilterProxy *>(m_proxy)->setMode(filter);
}

void AuditPanel::run()
{
    if (!m_auditor || m_repository.isEmpty())
        return;
    cancel();
    const int generation = m_generation;
    Q_EMIT activityChanged(tr("Auditing %1…").arg(m_repository));
    m_handle =
        m_auditor->audit(m_repository, this, [this, generation](Result<QList<AuditRow>> rows) {
            if (generation != m_generation)
                return;
            Q_EMIT activityChanged(QString());
            if (!rows.ok()) {
                m_status->setText(rows.error().message);
                Q_EMIT problem(rows.error().toString());
                return;
            }
            m_model->setRows(rows.value());
            int unsignedRows = 0;
            for (const AuditRow &r : rows.value())
                unsignedRows += r.isSigned() ? 0 : 1;
            m_status->setText(tr("%1: %2 manifests, %3 unsigned")
                                  .arg(m_repository)
                                  .arg(rows->size())
                                  .arg(unsignedRows));
            scanStale(generation);
            Q_EMIT finished(int(rows->size()));
        });
}

void AuditPanel::scanStale(int generation)
{
    if (!m_client)
        return;
    const QString repository = m_repository;
    m_client->allTags(repository, this, [this, generation, repository](Result<QStringList> tags) {
        if (generation != m_generation || !tags.ok())
            return;
        auto *scanner = new StaleAttachmentScanner(m_client, this);
        scanner->scan(repository, tags.value(), this,
                      [this, generation, scanner](Result<QList<ReferrerIssue>> issues) {
                          scanner->deleteLater();
                          if (generation != m_generation || !issues.ok() || issues->isEmpty())
                              return;
                          QStringList lines;
                          for (const ReferrerIssue &issue : issues.value())
                              lines << issue.message;
                          m_status->setText(m_status->text() + tr("; ⚠ %n stale attachment(s)",
                                                                  nullptr, int(issues->size())));
                          m_status->setToolTip(lines.join(QLatin1Char('\n')));
                          Q_EMIT staleFound(int(issues->size()));
                      });
    });
}

void AuditPanel::setVerifier(std::optional<CosignVerifier> verifier)
{
    m_verifier = std::move(verifier);
    if (m_auditor)
        m_auditor->setVerifier(m_verifier);
    m_key->setText(m_verifier ? tr("Key: %1").arg(m_verifier->keyDescription())
                              : tr("Verify with Key…"));
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
                                                      m_repository.section(QLatin1Char('/'), -1) +
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
