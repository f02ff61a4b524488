#pragma once

#include "cleanup/cleanupcandidate.h"
#include "cleanup/cleanuprunreport.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>

namespace ocular {

/// The Cleanup dialog's candidates: one row per untagged manifest discovery found, with the
/// policy's choice and, after a run, what happened to it. Sorting and filtering are its own,
/// worked out on the thread pool (a repository can have 100,000 untagged manifests; a proxy
/// would compare them on the GUI thread): the view shows the previous order until the new one
/// arrives, then orderChanged().
class CleanupCandidatesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        SelectedColumn,
        ResultColumn, ///< empty until a run reports on the row
        DigestColumn,
        ClassColumn,
        FreesColumn,
        AgeColumn,
        SourcesColumn,
        WhyColumn,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit CleanupCandidatesModel(QObject *parent = nullptr);

    /// Replaces every row (and forgets the last run's results); `now` is what ages count from.
    void setCandidates(const QList<CleanupCandidate> &candidates, const QDateTime &now);
    /// Every candidate, whatever the filter shows, in discovery's order.
    const QList<CleanupCandidate> &candidates() const { return m_candidates; }
    /// Shows each item's result on its row.
    void setRunReport(const CleanupRunReport &report);
    /// Shows only the rows one of whose cells contains @p text (any case); empty: every row.
    void setFilterText(const QString &text);
    /// Whether a new order or filter is being worked out.
    bool isOrdering() const { return m_ordering; }

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// The rows shown are in the order and filter last asked for.
    void orderChanged();

private:
    using Results = QHash<Digest, CleanupRunReport::Item>;
    static QVariant display(const CleanupCandidate &c, int column, const QDateTime &now,
                            const Results &results);
    static QVariant sortKey(const CleanupCandidate &c, int column, const QDateTime &now,
                            const Results &results);
    static QList<int> order(const QList<CleanupCandidate> &candidates, const QDateTime &now,
                            const Results &results, int column, Qt::SortOrder sortOrder,
                            const QString &filter);
    void reorder();

    QList<CleanupCandidate> m_candidates;
    QList<int> m_rows; ///< indices into m_candidates, in the order shown
    Results m_results;
    QDateTime m_now;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QString m_filter;
    quint64 m_generation = 0;
    bool m_ordering = false;
};

} // namespace ocular
