#include "cleanupdialog.h"

#include "cleanuppolicyform.h"
#include "models/cleanupcandidatesmodel.h"
#include "views/problemcolour.h"

#include "base/offthread.h"
#include "cleanup/cleanupcandidates.h"
#include "cleanup/cleanupexecutor.h"
#include "cleanup/distributionstoragescan.h"
#include "history/taghistorystore.h"
#include "source/contentsource.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QTableView>
#include <QVBoxLayout>

namespace ocular {

namespace {

const QLatin1String kStorageKey("cleanup/storageDirectory");
const QLatin1String kBackupKey("cleanup/backupDirectory");
const QLatin1String kBackupEnabledKey("cleanup/backupEnabled");
const QLatin1String kPolicyKey("cleanup/policy");

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(qMax<qint64>(bytes, 0));
}

/// The tag history and the storage listing, read on a worker (both block on disk).
Result<CleanupEvidence> gatherEvidence(const std::shared_ptr<TagHistoryStore> &history,
                                       const QString &registry, const QString &repository,
                                       const QString &storage)
{
    CleanupEvidence evidence;
    if (history) {
        // Sightings this window made a moment ago are part of the history asked about.
        history->flush();
        auto entries = history->history(registry, repository);
        if (!entries)
            return entries.error();
        evidence.history = std::move(entries).value();
    }
    if (!storage.isEmpty()) {
        auto listing = DistributionStorageScan(storage).scan(repository);
        if (!listing)
            return listing.error();
        evidence.storage = std::move(listing).value();
    }
    return evidence;
}

} // namespace

CleanupDialog::CleanupDialog(ContentSource *source, const QString &registry,
                             const QString &repository, std::shared_ptr<TagHistoryStore> history,
                             QWidget *parent)
    : QDialog(parent)
    , m_source(source)
    , m_registry(registry)
    , m_repository(repository)
    , m_history(std::move(history))
    , m_discovery(new CleanupDiscovery(source, this))
    , m_executor(new CleanupExecutor(source, this))
    , m_storage(new QLineEdit(this))
    , m_backupEnabled(new QCheckBox(tr("&Back up to an OCI layout first:"), this))
    , m_backup(new QLineEdit(this))
    , m_policyForm(new CleanupPolicyForm(this))
    , m_model(new CleanupCandidatesModel(this))
    , m_filter(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_discover(new QPushButton(tr("&Find Candidates"), this))
    , m_delete(new QPushButton(tr("&Delete Selected…"), this))
    , m_pause(new QPushButton(tr("&Pause"), this))
    , m_stop(new QPushButton(tr("&Stop"), this))
    , m_saveReport(new QPushButton(tr("Save &Report…"), this))
{
    setWindowTitle(tr("Clean Up %1").arg(repository));
    setObjectName(QStringLiteral("cleanupDialog"));
    QSettings settings;

    auto *title = new QLabel(
        tr("Untagged manifests of <b>%1</b>: what no tag reaches, found by reading every tag, "
           "Ocular's tag history and, when given, the registry's storage. Nothing is deleted "
           "until you confirm.")
            .arg(repository.toHtmlEscaped()),
        this);
    title->setWordWrap(true);

    m_storage->setObjectName(QStringLiteral("storageDirectory"));
    m_storage->setPlaceholderText(
        tr("optional: docker-registry's filesystem storage root (read only, never written)"));
    m_storage->setText(settings.value(kStorageKey).toString());
    auto *browseStorage = new QPushButton(tr("Bro&wse…"), this);
    connect(browseStorage, &QPushButton::clicked, this, &CleanupDialog::chooseStorage);
    auto *storageRow = new QHBoxLayout;
    storageRow->addWidget(m_storage, 1);
    storageRow->addWidget(browseStorage);
    auto *storageLabel = new QLabel(tr("Registry s&torage:"), this);
    storageLabel->setBuddy(m_storage);
    auto *sources = new QFormLayout;
    sources->addRow(storageLabel, storageRow);

    auto *policyBox = new QGroupBox(tr("Policy (what the table marks for deletion)"), this);
    auto *loadPolicy = new QPushButton(tr("&Load…"), policyBox);
    auto *savePolicy = new QPushButton(tr("Save &As…"), policyBox);
    connect(loadPolicy, &QPushButton::clicked, this, &CleanupDialog::choosePolicy);
    connect(savePolicy, &QPushButton::clicked, this, &CleanupDialog::savePolicyAs);
    auto *policyButtons = new QVBoxLayout;
    policyButtons->addWidget(loadPolicy);
    policyButtons->addWidget(savePolicy);
    policyButtons->addStretch();
    auto *policyLayout = new QHBoxLayout(policyBox);
    policyLayout->addWidget(m_policyForm, 1);
    policyLayout->addLayout(policyButtons);
    const auto remembered = CleanupPolicy::fromJson(settings.value(kPolicyKey).toString().toUtf8());
    if (remembered)
        m_policyForm->setPolicy(remembered.value());
    connect(m_policyForm, &CleanupPolicyForm::changed, this, &CleanupDialog::applyPolicy);

    m_backupEnabled->setObjectName(QStringLiteral("backupEnabled"));
    m_backupEnabled->setChecked(settings.value(kBackupEnabledKey, false).toBool());
    m_backup->setObjectName(QStringLiteral("backupDirectory"));
    m_backup->setPlaceholderText(tr("a folder: an OCI image layout (index.json, blobs/)"));
    m_backup->setText(settings.value(kBackupKey).toString());
    auto *browseBackup = new QPushButton(tr("Browse…"), this);
    connect(browseBackup, &QPushButton::clicked, this, &CleanupDialog::chooseBackup);
    auto *backupRow = new QHBoxLayout;
    backupRow->addWidget(m_backupEnabled);
    backupRow->addWidget(m_backup, 1);
    backupRow->addWidget(browseBackup);
    connect(m_backupEnabled, &QCheckBox::toggled, this, &CleanupDialog::updateButtons);
    connect(m_backup, &QLineEdit::textChanged, this, &CleanupDialog::updateButtons);

    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setPlaceholderText(tr("Filter rows (digest, class, source, why…)"));
    m_filter->setClearButtonEnabled(true);
    auto *findRow = new QHBoxLayout;
    findRow->addWidget(m_discover);
    findRow->addWidget(m_filter, 1);

    connect(m_filter, &QLineEdit::textChanged, m_model, &CleanupCandidatesModel::setFilterText);
    m_table->setObjectName(QStringLiteral("candidates"));
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(CleanupCandidatesModel::SelectedColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Measuring every row of 100,000 would stall the window: a sample sets the widths.
    m_table->horizontalHeader()->setResizeContentsPrecision(200);
    m_table->setColumnWidth(CleanupCandidatesModel::SelectedColumn, 80);
    m_table->setColumnWidth(CleanupCandidatesModel::DigestColumn, 150);
    m_table->setColumnWidth(CleanupCandidatesModel::ClassColumn, 170);
    m_table->setColumnWidth(CleanupCandidatesModel::FreesColumn, 80);
    m_table->setColumnWidth(CleanupCandidatesModel::AgeColumn, 70);
    m_table->setColumnWidth(CleanupCandidatesModel::SourcesColumn, 200);
    m_table->setColumnWidth(CleanupCandidatesModel::ResultColumn, 200);
    // Shown once a run has a result to show, next to the policy's choice.
    m_table->setColumnHidden(CleanupCandidatesModel::ResultColumn, true);

    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(12);
    m_progress->hide();

    m_delete->setObjectName(QStringLiteral("deleteSelected"));
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("Start no new delete until resumed (those in flight finish)"));
    m_stop->setToolTip(tr("Stop now: a delete in flight finishes, the rest is not attempted"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_delete, QDialogButtonBox::ActionRole);
    buttons->addButton(m_pause, QDialogButtonBox::ActionRole);
    buttons->addButton(m_stop, QDialogButtonBox::ActionRole);
    buttons->addButton(m_saveReport, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(m_discover, &QPushButton::clicked, this, &CleanupDialog::discover);
    connect(m_delete, &QPushButton::clicked, this, &CleanupDialog::requestDelete);
    connect(m_stop, &QPushButton::clicked, this, [this] { stop(tr("Stopped.")); });
    connect(m_saveReport, &QPushButton::clicked, this, &CleanupDialog::chooseReport);
    connect(m_pause, &QPushButton::toggled, m_executor, &CleanupExecutor::setPaused);
    connect(m_executor, &CleanupExecutor::pausedChanged, this, [this](bool paused) {
        m_pause->setChecked(paused);
        m_pause->setText(paused ? tr("Resu&me") : tr("&Pause"));
    });
    connect(m_executor, &CleanupExecutor::progress, this,
            [this](int done, int total, const QString &text) {
                m_progress->setRange(0, qMax(total, 1));
                m_progress->setValue(done);
                m_status->setText(tr("Step %1 of %2: %3").arg(done).arg(total).arg(text));
            });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(sources);
    layout->addWidget(policyBox);
    layout->addLayout(backupRow);
    layout->addLayout(findRow);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(1100, 720);
    m_status->setText(tr("Press Find Candidates to read the repository (reads only)."));
    updateButtons();
}

CleanupDialog::~CleanupDialog()
{
    m_current.cancel();
}

void CleanupDialog::setStorageDirectory(const QString &directory)
{
    m_storage->setText(directory);
}

void CleanupDialog::setBackupDirectory(const QString &directory)
{
    m_backup->setText(directory);
    m_backupEnabled->setChecked(!directory.isEmpty());
}

QString CleanupDialog::loadPolicy(const QString &path)
{
    // A policy is a small file the user picked: read at once, like a settings file.
    const Result<CleanupPolicy> policy = CleanupPolicy::load(path);
    if (!policy)
        return policy.error().message;
    m_policyForm->setPolicy(policy.value());
    return {};
}

void CleanupDialog::discover()
{
    if (m_busy || !m_source)
        return;
    const QString storage = m_storage->text().trimmed();
    QSettings().setValue(kStorageKey, storage);
    const quint64 generation = ++m_generation;
    ++m_policyGeneration;
    m_applying = false;
    m_report.reset();
    m_lastRun.reset();
    m_selectedCount = 0;
    m_selectedBytes = 0;
    m_model->setCandidates({}, QDateTime::currentDateTimeUtc());
    m_table->setColumnHidden(CleanupCandidatesModel::ResultColumn, true);
    m_summary->clear();
    setBusy(true, storage.isEmpty() ? tr("Reading the tag history…")
                                    : tr("Reading the tag history and the storage…"));
    runOffThread<Result<CleanupEvidence>>(
        this,
        [history = m_history, registry = m_registry, repository = m_repository, storage] {
            return gatherEvidence(history, registry, repository, storage);
        },
        [this, generation](Result<CleanupEvidence> evidence) {
            if (generation != m_generation)
                return; // stopped meanwhile
            if (!evidence) {
                setBusy(false, {});
                m_status->setText(tr("Cannot start: %1").arg(evidence.error().message));
                m_status->setStyleSheet(problemcolour::styleSheet());
                return;
            }
            runDiscovery(std::move(evidence).value(), generation);
        });
}

void CleanupDialog::runDiscovery(CleanupEvidence evidence, quint64 generation)
{
    m_status->setText(tr("Reading every tag of %1 and what it reaches, then each digest only "
                         "the history or the storage names…")
                          .arg(m_repository));
    m_current = m_discovery->discover(
        m_repository, std::move(evidence), CleanupDiscovery::Options{}, this,
        [this, generation](Result<CleanupReport> report) {
            if (generation != m_generation)
                return;
            if (!report) {
                setBusy(false, {});
                m_status->setText(report.error().kind == ErrorKind::Cancelled
                                      ? tr("Stopped: nothing was found, nothing was changed.")
                                      : tr("Discovery failed: %1").arg(report.error().toString()));
                if (report.error().kind != ErrorKind::Cancelled)
                    m_status->setStyleSheet(problemcolour::styleSheet());
                return;
            }
            showReport(std::move(report).value());
        });
}

void CleanupDialog::showReport(CleanupReport report)
{
    QStringList warnings = report.notes;
    for (const InventoryProblem &p : report.inventory.unreadable)
        warnings.append(QStringLiteral("%1: %2").arg(
            p.digest.isValid() ? p.digest.toString() : p.tag, p.message));
    if (report.evidence.storage)
        warnings += report.evidence.storage->refused;
    m_report = std::move(report);
    setBusy(false, {});
    applyPolicy();
    if (!warnings.isEmpty()) {
        m_status->setText(tr("%n thing(s) could not be read; the table holds the rest: %1", nullptr,
                             int(warnings.size()))
                              .arg(warnings.mid(0, 5).join(QStringLiteral("; "))));
        m_status->setToolTip(warnings.join(QLatin1Char('\n')));
    } else {
        m_status->setText(tr("Dry run: nothing was deleted. Review the table, then Delete "
                             "Selected…"));
    }
}

void CleanupDialog::applyPolicy()
{
    const Result<CleanupPolicy> policy = m_policyForm->policy();
    if (policy)
        QSettings().setValue(kPolicyKey, QString::fromUtf8(policy->toJson()));
    if (!m_report || m_deleting) {
        updateButtons();
        return;
    }
    // Judging 100,000 candidates (regexes, globs) and summing what they free is work for the
    // pool; Delete Selected… waits for it.
    struct Judged
    {
        QList<CleanupCandidate> candidates;
        QDateTime now;
        qint64 bytes = 0;
        int inUse = 0;
        int selected = 0;
    };
    const quint64 generation = ++m_policyGeneration;
    const std::optional<CleanupPolicy> valid =
        policy ? std::optional<CleanupPolicy>(policy.value()) : std::nullopt;
    m_applying = true;
    updateButtons();
    runOffThread<Judged>(
        this,
        [candidates = m_report->candidates, valid, repository = m_repository]() mutable {
            Judged judged{std::move(candidates), QDateTime::currentDateTimeUtc()};
            if (valid)
                valid->apply(judged.candidates, repository, judged.now);
            else
                for (CleanupCandidate &c : judged.candidates)
                    c.selected = false; // a policy that does not parse selects nothing
            for (const CleanupCandidate &c : std::as_const(judged.candidates)) {
                judged.inUse += cleanupClassInUse(c.kind) ? 1 : 0;
                judged.selected += c.selected ? 1 : 0;
            }
            judged.bytes = CleanupCandidates::selectedBytes(judged.candidates);
            return judged;
        },
        [this, generation, isValid = valid.has_value()](Judged judged) {
            if (generation != m_policyGeneration)
                return; // the policy or the candidates changed meanwhile
            m_applying = false;
            m_selectedCount = judged.selected;
            m_selectedBytes = judged.bytes;
            m_model->setCandidates(judged.candidates, judged.now);
            const QString found =
                tr("Found %n untagged manifest(s).", nullptr, int(judged.candidates.size())) +
                QLatin1Char(' ') +
                tr("%n of them are in use and never deleted.", nullptr, judged.inUse);
            const QString chosen =
                isValid
                    ? tr("The policy selects %n, freeing %1 once the registry collects garbage.",
                         nullptr, selectedCount())
                          .arg(sizeText(judged.bytes))
                    : tr("The policy selects nothing until its problem is fixed.");
            m_summary->setText(found + QLatin1Char(' ') + chosen);
            updateButtons();
        });
}

void CleanupDialog::requestDelete()
{
    if (m_busy || m_applying || !m_report || selectedCount() == 0)
        return;
    const bool backup = m_backupEnabled->isChecked();
    const QString backupDir = m_backup->text().trimmed();
    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("Delete Untagged Manifests"),
        tr("Delete %n manifest(s) from %1?", nullptr, selectedCount()).arg(m_repository),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmCleanup"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QString details =
        tr("Together they free %1 once the registry collects garbage.")
            .arg(sizeText(m_selectedBytes)) +
        QLatin1Char(' ') +
        tr("Each is checked again just before it is deleted, and skipped if a tag names it by "
           "then.");
    details +=
        QLatin1Char(' ') +
        (backup ? tr("They are copied to the OCI layout %1 and read back first.").arg(backupDir)
                : tr("There is no backup: this cannot be undone."));
    box->setInformativeText(details);
    QPushButton *confirm = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirmDelete"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, box, confirm] {
        if (box->clickedButton() == confirm)
            runDelete();
    });
    box->open();
}

void CleanupDialog::runDelete()
{
    if (m_busy || !m_report)
        return;
    QList<CleanupCandidate> selected;
    for (const CleanupCandidate &c : m_model->candidates())
        if (c.selected)
            selected.append(c);
    if (selected.isEmpty())
        return;
    CleanupExecutor::Options options;
    if (m_backupEnabled->isChecked()) {
        options.backupDirectory = m_backup->text().trimmed();
        QSettings().setValue(kBackupKey, options.backupDirectory);
    }
    QSettings().setValue(kBackupEnabledKey, m_backupEnabled->isChecked());
    m_deleting = true;
    setBusy(true, tr("Deleting %n manifest(s)…", nullptr, int(selected.size())));
    const quint64 generation = ++m_generation;
    m_current = m_executor->run(
        m_repository, selected, m_report->evidence, options, this,
        [this, generation](Result<CleanupRunReport> run) {
            if (generation != m_generation)
                return;
            m_deleting = false;
            setBusy(false, {});
            m_pause->setChecked(false);
            if (!run) {
                m_status->setText(
                    tr("The run failed before deleting anything: %1").arg(run.error().toString()));
                m_status->setStyleSheet(problemcolour::styleSheet());
                return;
            }
            showRun(run.value());
        });
}

void CleanupDialog::showRun(const CleanupRunReport &run)
{
    using State = CleanupRunReport::Item::State;
    m_lastRun = run;
    m_model->setRunReport(run);
    m_table->setColumnHidden(CleanupCandidatesModel::ResultColumn, false);
    QStringList parts{
        tr("%n deleted (%1 reclaimable).", nullptr, run.count(State::Deleted))
            .arg(sizeText(run.deletedBytes())),
        tr("%n skipped.", nullptr, run.count(State::Skipped)),
        tr("%n already gone.", nullptr, run.count(State::AlreadyGone)),
        tr("%n failed.", nullptr, run.count(State::Failed)),
        tr("%n not attempted.", nullptr, run.count(State::NotAttempted)),
    };
    if (run.cancelled)
        parts.append(tr("The run was stopped."));
    if (!run.backupDirectory.isEmpty())
        parts.append(tr("%n manifest(s) were backed up to %1 first.", nullptr, run.backedUp)
                         .arg(run.backupDirectory));
    parts += run.notes;
    if (!run.storageNote.isEmpty())
        parts.append(run.storageNote);
    m_status->setText(parts.join(QLatin1Char(' ')));
    const bool problem = run.count(State::Failed) > 0 || run.count(State::NotAttempted) > 0;
    m_status->setStyleSheet(problem ? problemcolour::styleSheet() : QString());
    updateButtons();
    if (run.count(State::Deleted) > 0)
        Q_EMIT deleted(m_repository);
}

void CleanupDialog::stop(const QString &why)
{
    if (!m_busy)
        return;
    m_current.cancel();
    if (m_deleting) {
        // The executor reports what it did and what it did not attempt; that report is shown.
        m_status->setText(why);
        return;
    }
    ++m_generation;
    setBusy(false, {});
    m_status->setText(why + QLatin1Char(' ') + tr("Nothing was changed."));
}

bool CleanupDialog::isBusy() const
{
    return m_busy;
}

int CleanupDialog::candidateCount() const
{
    return int(m_model->candidates().size());
}

int CleanupDialog::selectedCount() const
{
    return m_selectedCount;
}

QString CleanupDialog::statusText() const
{
    return m_status->text();
}

QString CleanupDialog::summaryText() const
{
    return m_summary->text();
}

QString CleanupDialog::saveReport(const QString &path)
{
    if (!m_lastRun)
        return tr("There is no run to report on yet.");
    const QByteArray bytes = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)
                                 ? m_lastRun->toCsv()
                                 : QJsonDocument(m_lastRun->toJson()).toJson();
    // A report is a few hundred bytes per item: written at once, like a saved document.
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return {};
    return tr("Cannot write %1: %2").arg(path, file.errorString());
}

void CleanupDialog::closeEvent(QCloseEvent *event)
{
    stop(tr("Stopped: the Cleanup window was closed."));
    QDialog::closeEvent(event);
}

void CleanupDialog::setBusy(bool busy, const QString &status)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    m_progress->setRange(0, 0);
    m_status->setStyleSheet(QString());
    m_status->setToolTip(QString());
    if (!status.isEmpty())
        m_status->setText(status);
    updateButtons();
}

void CleanupDialog::updateButtons()
{
    const bool backupOk = !m_backupEnabled->isChecked() || !m_backup->text().trimmed().isEmpty();
    m_discover->setEnabled(!m_busy);
    m_delete->setEnabled(!m_busy && !m_applying && m_report && selectedCount() > 0 && backupOk &&
                         m_policyForm->policy().ok());
    m_delete->setToolTip(backupOk ? QString() : tr("Choose the backup folder first"));
    m_pause->setEnabled(m_deleting);
    m_stop->setEnabled(m_busy);
    m_saveReport->setEnabled(!m_busy && m_lastRun.has_value());
    m_policyForm->setEnabled(!m_deleting);
}

void CleanupDialog::chooseStorage()
{
    const QString directory = QFileDialog::getExistingDirectory(
        this, tr("Registry Storage Root"), m_storage->text(), QFileDialog::ShowDirsOnly);
    if (!directory.isEmpty())
        m_storage->setText(directory);
}

void CleanupDialog::chooseBackup()
{
    const QString directory =
        QFileDialog::getExistingDirectory(this, tr("Back Up To"), m_backup->text());
    if (!directory.isEmpty())
        setBackupDirectory(directory);
}

void CleanupDialog::choosePolicy()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load Cleanup Policy"), QString(),
                                                      tr("Cleanup policies (*.json)"));
    if (path.isEmpty())
        return;
    const QString problem = loadPolicy(path);
    if (!problem.isEmpty())
        QMessageBox::warning(this, tr("Load Cleanup Policy"), problem);
}

void CleanupDialog::savePolicyAs()
{
    const Result<CleanupPolicy> policy = m_policyForm->policy();
    if (!policy) {
        QMessageBox::warning(this, tr("Save Cleanup Policy"), policy.error().message);
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Cleanup Policy"),
                                                      QStringLiteral("cleanup-policy.json"),
                                                      tr("Cleanup policies (*.json)"));
    if (path.isEmpty())
        return;
    const Result<Done> saved = policy->save(path);
    if (!saved)
        QMessageBox::warning(this, tr("Save Cleanup Policy"), saved.error().message);
}

void CleanupDialog::chooseReport()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Cleanup Report"), QStringLiteral("cleanup-report.json"),
        tr("JSON report (*.json);;CSV report (*.csv)"));
    if (path.isEmpty())
        return;
    const QString problem = saveReport(path);
    if (!problem.isEmpty())
        QMessageBox::warning(this, tr("Save Cleanup Report"), problem);
}

} // namespace ocular
