#pragma once

#include "cleanup/cleanupcandidate.h"
#include "cleanup/cleanuprunreport.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>

namespace ocular {

/// The Cleanup dialog's candidates: one row per untagged manifest discovery found, with the
/// policy's choice and, after a run, what happened to it. Sorting and filtering live in a
/// proxy (SortRole gives numbers and dates, not their text).
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
    const QList<CleanupCandidate> &candidates() const { return m_candidates; }
    /// Shows each item's result on its row.
    void setRunReport(const CleanupRunReport &report);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const CleanupCandidate &c, int column) const;
    QVariant sortKey(const CleanupCandidate &c, int column) const;
    QString resultText(const CleanupCandidate &c) const;

    QList<CleanupCandidate> m_candidates;
    QHash<Digest, CleanupRunReport::Item> m_results;
    QDateTime m_now;
};

} // namespace ocular
