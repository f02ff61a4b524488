#pragma once

#include "http/requesthandle.h"
#include "referrers/cosignverifier.h"

#include <optional>

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace ocular {

class AuditModel;
class ContentSource;
class RepositoryAuditor;
class StaleAttachmentScanner;

/// Supply-chain audit of one repository: signed? SBOM? provenance? per tag and platform
/// manifest, with filters, sorting and CSV/JSON export.
class AuditPanel : public QWidget
{
    Q_OBJECT
public:
    explicit AuditPanel(QWidget *parent = nullptr);

    ~AuditPanel() override;

    /// Not owned; null detaches (a running audit is cancelled).
    void setSource(ContentSource *source);
    /// The selected repository, audited by the next run(). A running audit goes on with the
    /// repository it names; results of another repository are cleared when none runs.
    void setRepository(const QString &repository);
    /// Audits the selected repository (cancelling an audit that runs).
    void run();
    /// Ends a running audit at once (its answers are dropped) and says so.
    void cancel();
    bool isRunning() const { return m_auditor != nullptr; }
    /// The repository the rows (or the running audit) belong to.
    QString auditedRepository() const { return m_audited; }
    QString statusText() const;
    /// 0 all, 1 unsigned only, 2 without SBOM, 3 without provenance.
    void setFilter(int filter);
    /// Writes the visible rows; false on a write error.
    bool exportTo(const QString &path, bool json);
    /// Checks cosign signatures with this key (nothing: not checked); audits the shown
    /// repository again so that the rows say what this key makes of them.
    void setVerifier(std::optional<CosignVerifier> verifier);
    /// The key button (the Verify dialog opens from it).
    QPushButton *keyButton() const { return m_key; }

    AuditModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }

Q_SIGNALS:
    void finished(int rows);
    /// Fallback/cosign tags whose subject is gone, or fallback tags that are not indexes.
    void staleFound(int count);
    void activityChanged(const QString &text);
    void problem(const QString &text);
    /// The export dialog wrote `rows` rows to `path` (for the status bar).
    void exported(int rows, const QString &path);

private:
    void exportDialog();
    void chooseKey();
    void start(const QString &repository);
    void scanStale(int generation);
    void stopJobs();
    void showSummary();

    /// Guarded: a source deleted without detaching first must not be called.
    QPointer<ContentSource> m_source;
    /// One per run, deleted with it: the run's answers are delivered to it, so deleting it
    /// drops them all, and its walker and verifier go with it.
    RepositoryAuditor *m_auditor = nullptr;
    StaleAttachmentScanner *m_scanner = nullptr;
    AuditModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QComboBox *m_filter;
    QLabel *m_status;
    QPushButton *m_run;
    QPushButton *m_export;
    QPushButton *m_key;
    std::optional<CosignVerifier> m_verifier;
    QString m_repository; ///< selected
    QString m_audited;    ///< audited (running, or shown in the rows)
    RequestHandle m_handle;
    RequestHandle m_scan;
    int m_generation = 0;
};

} // namespace ocular
