#pragma once

#include "http/requesthandle.h"
#include "referrers/cosignverifier.h"

#include <optional>

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace ocular {

class AuditModel;
class RegistryClient;
class RepositoryAuditor;

/// Supply-chain audit of one repository: signed? SBOM? provenance? per tag and platform
/// manifest, with filters, sorting and CSV/JSON export.
class AuditPanel : public QWidget
{
    Q_OBJECT
public:
    explicit AuditPanel(QWidget *parent = nullptr);

    void setClient(RegistryClient *client);
    void setRepository(const QString &repository);
    /// Audits the current repository.
    void run();
    void cancel();
    /// 0 all, 1 unsigned only, 2 without SBOM, 3 without provenance.
    void setFilter(int filter);
    /// Writes the visible rows; false on a write error.
    bool exportTo(const QString &path, bool json);
    /// Checks cosign signatures with this key from the next run on (nothing: not checked).
    void setVerifier(std::optional<CosignVerifier> verifier);

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
    void scanStale(int generation);

    RegistryClient *m_client = nullptr;
    RepositoryAuditor *m_auditor = nullptr;
    AuditModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QComboBox *m_filter;
    QLabel *m_status;
    QPushButton *m_run;
    QPushButton *m_export;
    QPushButton *m_key;
    std::optional<CosignVerifier> m_verifier;
    QString m_repository;
    RequestHandle m_handle;
    int m_generation = 0;
};

} // namespace ocular
