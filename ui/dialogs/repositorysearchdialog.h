#pragma once

#include "inventory/repositorysearch.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace ocular {

class ContentSource;
class RepositorySearchLoader;

/// Edit ▸ Find in Repository: searches one repository's tags, annotations, artifact types and
/// media types (RepositorySearchLoader: inventory read asynchronously, matching on a worker
/// thread) and lists the hits; double-clicking one asks to open it in the tree. Non-modal.
class RepositorySearchDialog : public QDialog
{
    Q_OBJECT
public:
    RepositorySearchDialog(ContentSource *source, const QString &repository,
                           QWidget *parent = nullptr);

    QString repository() const { return m_repository; }
    /// Searches another repository from now on; a search in flight is stopped.
    void setRepository(const QString &repository);
    /// Starts a search for @p text (what Enter in the text box does).
    void search(const QString &text);
    /// Stops a search in flight, saying @p why; nothing when none is running.
    void stop(const QString &why);
    bool isSearching() const;
    int resultCount() const;
    QString statusText() const;

Q_SIGNALS:
    /// A hit was double-clicked: `repo:tag` when it has a tag, else `repo@digest`.
    void openRequested(const QString &reference);
    /// A running search was stopped (stop(), or the dialog closed).
    void stopped(const QString &why);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void showOutcome(const RepositorySearch::Outcome &outcome);
    void setBusy(bool busy);
    void activate(int row);

    RepositorySearchLoader *m_loader;
    QString m_repository;
    QLabel *m_title;
    QLineEdit *m_text;
    QPushButton *m_search;
    QPushButton *m_stop;
    QProgressBar *m_busy;
    QLabel *m_status;
    QTableWidget *m_results;
};

} // namespace ocular
