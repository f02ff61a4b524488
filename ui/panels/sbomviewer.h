#pragma once

#include <QByteArray>
#include <QWidget>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace ocular {

class SbomPackagesModel;

/// SPDX/CycloneDX packages table with counts and a filter; parses off the GUI thread.
class SbomViewer : public QWidget
{
    Q_OBJECT
public:
    explicit SbomViewer(QWidget *parent = nullptr);

    /// Parses `json` on the thread pool and shows it; a later call supersedes an earlier one.
    void loadJson(const QByteArray &json);
    void clear();
    SbomPackagesModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QLineEdit *filterEdit() const { return m_filter; }
    QTableView *table() const { return m_table; }
    QString summaryText() const;

Q_SIGNALS:
    /// The table has its rows (or the parse failed: rows = -1).
    void loaded(int rows);

private:
    void updateSummary();
    void sizeColumns();

    SbomPackagesModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLineEdit *m_filter;
    QLabel *m_summary;
    int m_generation = 0;
};

} // namespace ocular
