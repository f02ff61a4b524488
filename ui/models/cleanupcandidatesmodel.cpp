#include "cleanupcandidatesmodel.h"

#include "views/displayformat.h"
#include "views/problemcolour.h"

#include "base/offthread.h"

#include <QLocale>
#include <algorithm>
#include <numeric>

namespace ocular {

namespace {

QString className(CleanupClass kind)
{
    switch (kind) {
    case CleanupClass::ChildOfTaggedIndex:
        return CleanupCandidatesModel::tr("child of a tagged index");
    case CleanupClass::ReferrerOfLiveSubject:
        return CleanupCandidatesModel::tr("referrer of a live subject");
    case CleanupClass::OrphanedReferrer:
        return CleanupCandidatesModel::tr("orphaned referrer");
    case CleanupClass::ReplacedFallbackIndex:
        return CleanupCandidatesModel::tr("replaced fallback index");
    case CleanupClass::DanglingImage:
        return CleanupCandidatesModel::tr("dangling image");
    case CleanupClass::Unknown:
        break;
    }
    return CleanupCandidatesModel::tr("unknown");
}

QString stateText(CleanupRunReport::Item::State state)
{
    using State = CleanupRunReport::Item::State;
    switch (state) {
    case State::Deleted:
        return CleanupCandidatesModel::tr("deleted");
    case State::AlreadyGone:
        return CleanupCandidatesModel::tr("already gone");
    case State::Skipped:
        return CleanupCandidatesModel::tr("skipped");
    case State::Failed:
        return CleanupCandidatesModel::tr("failed");
    case State::NotAttempted:
        break;
    }
    return CleanupCandidatesModel::tr("not attempted");
}

} // namespace

CleanupCandidatesModel::CleanupCandidatesModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void CleanupCandidatesModel::setCandidates(const QList<CleanupCandidate> &candidates,
                                           const QDateTime &now)
{
    beginResetModel();
    m_candidates = candidates;
    m_results.clear();
    m_now = now;
    // Discovery's order until the asked-for one arrives.
    m_rows.resize(m_candidates.size());
    std::iota(m_rows.begin(), m_rows.end(), 0);
    endResetModel();
    reorder();
}

void CleanupCandidatesModel::setFilterText(const QString &text)
{
    if (text == m_filter)
        return;
    m_filter = text;
    reorder();
}

void CleanupCandidatesModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    reorder();
}

void CleanupCandidatesModel::reorder()
{
    const quint64 generation = ++m_generation;
    if (m_candidates.isEmpty() || (m_sortColumn < 0 && m_filter.isEmpty())) {
        m_ordering = false;
        Q_EMIT orderChanged();
        return;
    }
    m_ordering = true;
    // Copies share their data: the worker reads what the model held when it was asked.
    runOffThread<QList<int>>(
        this,
        [candidates = m_candidates, now = m_now, results = m_results, column = m_sortColumn,
         sortOrder = m_sortOrder,
         filter = m_filter] { return order(candidates, now, results, column, sortOrder, filter); },
        [this, generation](QList<int> rows) {
            if (generation != m_generation)
                return; // asked again meanwhile
            beginResetModel();
            m_rows = std::move(rows);
            endResetModel();
            m_ordering = false;
            Q_EMIT orderChanged();
        });
}

QList<int> CleanupCandidatesModel::order(const QList<CleanupCandidate> &candidates,
                                         const QDateTime &now, const Results &results, int column,
                                         Qt::SortOrder sortOrder, const QString &filter)
{
    QList<int> rows;
    rows.reserve(candidates.size());
    for (int i = 0; i < candidates.size(); ++i) {
        bool shown = filter.isEmpty();
        for (int c = 0; c < ColumnCount && !shown; ++c)
            shown = display(candidates.at(i), c, now, results)
                        .toString()
                        .contains(filter, Qt::CaseInsensitive);
        if (shown)
            rows.append(i);
    }
    if (column < 0 || column >= ColumnCount)
        return rows;
    // One key per shown row, computed once, not once per comparison.
    QList<QVariant> keys(candidates.size());
    for (int i : std::as_const(rows))
        keys[i] = sortKey(candidates.at(i), column, now, results);
    std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
        const QVariant &x = keys.at(sortOrder == Qt::AscendingOrder ? a : b);
        const QVariant &y = keys.at(sortOrder == Qt::AscendingOrder ? b : a);
        return QVariant::compare(x, y) == QPartialOrdering::Less;
    });
    return rows;
}

void CleanupCandidatesModel::setRunReport(const CleanupRunReport &report)
{
    m_results.clear();
    for (const CleanupRunReport::Item &item : report.items)
        m_results.insert(item.digest, item);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, ResultColumn), index(rowCount() - 1, ResultColumn));
}

int CleanupCandidatesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CleanupCandidatesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CleanupCandidatesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const CleanupCandidate &c = m_candidates.at(m_rows.at(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        return display(c, index.column(), m_now, m_results);
    case SortRole:
        return sortKey(c, index.column(), m_now, m_results);
    case Qt::CheckStateRole:
        if (index.column() == SelectedColumn)
            return c.selected ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case SelectedColumn:
            return c.verdict;
        case DigestColumn:
            return c.mediaType.isEmpty()
                       ? c.digest.toString()
                       : QStringLiteral("%1\n%2").arg(c.digest.toString(), c.mediaType);
        case FreesColumn:
            return tr("The manifest and the blobs nothing else uses, as their descriptors "
                      "claim; freed once the registry collects garbage");
        case AgeColumn:
            return c.created.isValid()
                       ? QStringLiteral("%1 (%2)").arg(displayformat::dateTime(c.created),
                                                       c.createdFrom)
                       : tr("No age known: no created annotation, config date or tag history");
        case ResultColumn:
            return m_results.value(c.digest).reason;
        default:
            return display(c, index.column(), m_now, m_results);
        }
    case Qt::ForegroundRole:
        if (index.column() == ResultColumn && m_results.contains(c.digest)) {
            using State = CleanupRunReport::Item::State;
            const State state = m_results.value(c.digest).state;
            if (state == State::Failed || state == State::NotAttempted)
                return problemcolour::forApplicationPalette();
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == FreesColumn || index.column() == AgeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant CleanupCandidatesModel::display(const CleanupCandidate &c, int column,
                                         const QDateTime &now, const Results &results)
{
    switch (column) {
    case SelectedColumn:
        return c.selected ? tr("delete") : QString();
    case DigestColumn:
        return displayformat::shortDigest(c.digest);
    case ClassColumn:
        return className(c.kind);
    case FreesColumn:
        return c.reclaimable >= 0 ? QLocale().formattedDataSize(c.reclaimable)
                                  : QStringLiteral("?");
    case AgeColumn:
        return c.created.isValid() ? tr("%n day(s)", nullptr, int(c.created.daysTo(now)))
                                   : QStringLiteral("?");
    case SourcesColumn:
        return c.sources.join(QStringLiteral("; "));
    case WhyColumn:
        return c.why;
    case ResultColumn: {
        const auto found = results.constFind(c.digest);
        if (found == results.constEnd())
            return QString();
        return found->reason.isEmpty()
                   ? stateText(found->state)
                   : QStringLiteral("%1: %2").arg(stateText(found->state), found->reason);
    }
    default:
        return {};
    }
}

QVariant CleanupCandidatesModel::sortKey(const CleanupCandidate &c, int column,
                                         const QDateTime &now, const Results &results)
{
    switch (column) {
    case SelectedColumn:
        return c.selected ? 1 : 0;
    case DigestColumn:
        return c.digest.toString();
    case ClassColumn:
        return int(c.kind);
    case FreesColumn:
        return c.reclaimable;
    case AgeColumn:
        // Unknown ages sort as the youngest: a policy's age filter never selects them.
        return c.created.isValid() ? c.created.daysTo(now) : qint64(-1);
    default:
        return display(c, column, now, results);
    }
}

QVariant CleanupCandidatesModel::headerData(int section, Qt::Orientation orientation,
                                            int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SelectedColumn:
        return tr("Policy");
    case DigestColumn:
        return tr("Digest");
    case ClassColumn:
        return tr("Class");
    case FreesColumn:
        return tr("Frees");
    case AgeColumn:
        return tr("Age");
    case SourcesColumn:
        return tr("Found by");
    case WhyColumn:
        return tr("Why");
    case ResultColumn:
        return tr("Result");
    default:
        return {};
    }
}

} // namespace ocular
