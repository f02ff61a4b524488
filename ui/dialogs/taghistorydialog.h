#pragma once

#include <QDialog>
#include <memory>

class QLabel;
class QTableWidget;

namespace ocular {

class TagHistoryStore;

/// View ▸ Tag History: every digest a tag (or every tag of a repository) was seen naming by
/// Ocular, in any session, with first and last seen and which one is current: when did
/// `latest` change, and to what. Read on a worker; double-clicking a row asks to open that
/// digest in the tree. Non-modal.
class TagHistoryDialog : public QDialog
{
    Q_OBJECT
public:
    /// @p tag empty: every tag of @p repository.
    TagHistoryDialog(std::shared_ptr<TagHistoryStore> history, const QString &registry,
                     const QString &repository, const QString &tag, QWidget *parent = nullptr);

    int rowCount() const;
    bool isLoading() const { return m_loading; }
    QString statusText() const;

Q_SIGNALS:
    /// `repo@digest` of a double-clicked row.
    void openRequested(const QString &reference);

private:
    void load();

    std::shared_ptr<TagHistoryStore> m_history;
    QString m_registry;
    QString m_repository;
    QString m_tag;
    bool m_loading = false;
    QLabel *m_status;
    QTableWidget *m_table;
};

} // namespace ocular
