#pragma once

#include "cleanup/cleanupdiscovery.h"
#include "cleanup/cleanuppolicy.h"
#include "cleanup/cleanuprunreport.h"
#include "http/requesthandle.h"

#include <QDialog>
#include <QPointer>
#include <memory>
#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace ocular {

class CleanupCandidatesModel;
class CleanupExecutor;
class CleanupPolicyForm;
class ContentSource;
class TagHistoryStore;

/// Clean Up Repository: discovery (the inventory, Ocular's tag history and, when given,
/// docker-registry's storage directory) with every untagged manifest in a sortable, filterable
/// table, the policy editor whose choice the table shows as soon as it is worked out (a dry run:
/// nothing is deleted until Delete Selected… is confirmed), an optional backup to an OCI layout,
/// then the run with progress, pause and stop, each row's result and a report to save. Non-modal;
/// closing it stops what it is doing (a delete in flight finishes, the rest is not attempted).
class CleanupDialog : public QDialog
{
    Q_OBJECT
public:
    /// `registry`: the name the tag history files sightings under; `history` may be null.
    CleanupDialog(ContentSource *source, const QString &registry, const QString &repository,
                  std::shared_ptr<TagHistoryStore> history, QWidget *parent = nullptr);
    ~CleanupDialog() override;

    ContentSource *source() const { return m_source; }
    QString repository() const { return m_repository; }
    CleanupPolicyForm *policyForm() const { return m_policyForm; }
    CleanupCandidatesModel *model() const { return m_model; }

    void setStorageDirectory(const QString &directory);
    /// Empty: no backup.
    void setBackupDirectory(const QString &directory);
    /// Reads a policy file into the editor; the reason when it cannot.
    QString loadPolicy(const QString &path);

    /// Finds the candidates (again); what a previous discovery found is replaced.
    void discover();
    /// Asks for confirmation (count, size, backup), then deletes the policy's selection.
    void requestDelete();
    /// Stops discovery or the run, saying @p why; nothing when idle.
    void stop(const QString &why);

    bool isBusy() const;
    bool isDeleting() const { return m_deleting; }
    /// Whether the policy's choice is being worked out (the table shows the previous one).
    bool isApplyingPolicy() const { return m_applying; }
    int candidateCount() const;
    int selectedCount() const;
    QString statusText() const;
    QString summaryText() const;
    /// The last run's report; none before a run.
    const std::optional<CleanupRunReport> &lastRun() const { return m_lastRun; }
    /// Writes the last run's report (CSV for .csv, JSON otherwise); the reason when it cannot.
    QString saveReport(const QString &path);

Q_SIGNALS:
    /// A run deleted at least one manifest of `repository` (the tree should refresh).
    void deleted(const QString &repository);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void runDiscovery(CleanupEvidence evidence, quint64 generation);
    void showReport(CleanupReport report);
    void applyPolicy();
    void runDelete();
    void showRun(const CleanupRunReport &run);
    void setBusy(bool busy, const QString &status);
    void updateButtons();
    void chooseStorage();
    void chooseBackup();
    void choosePolicy();
    void savePolicyAs();
    void chooseReport();

    ContentSource *m_source;
    QString m_registry;
    QString m_repository;
    std::shared_ptr<TagHistoryStore> m_history;
    CleanupDiscovery *m_discovery;
    CleanupExecutor *m_executor;
    RequestHandle m_current;
    quint64 m_generation = 0;
    bool m_busy = false;
    bool m_deleting = false;
    bool m_applying = false; ///< the policy is being applied on the pool
    quint64 m_policyGeneration = 0;
    int m_selectedCount = 0; ///< counted with m_selectedBytes on the pool
    qint64 m_selectedBytes = 0;
    std::optional<CleanupReport> m_report;
    std::optional<CleanupRunReport> m_lastRun;

    QLineEdit *m_storage;
    QCheckBox *m_backupEnabled;
    QLineEdit *m_backup;
    CleanupPolicyForm *m_policyForm;
    CleanupCandidatesModel *m_model;
    QLineEdit *m_filter;
    QTableView *m_table;
    QLabel *m_summary;
    QLabel *m_status;
    QProgressBar *m_progress;
    QPushButton *m_discover;
    QPushButton *m_delete;
    QPushButton *m_pause;
    QPushButton *m_stop;
    QPushButton *m_saveReport;
};

} // namespace ocular
