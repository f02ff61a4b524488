#include "cleanupcandidatesmodel.h"

#include "views/displayformat.h"
#include "views/problemcolour.h"

#include <QLocale>

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
    endResetModel();
}

void CleanupCandidatesModel::setRunReport(const CleanupRunReport &report)
{
    m_results.clear();
    for (const CleanupRunReport::Item &item : report.items)
        m_results.insert(item.digest, item);
    if (!m_candidates.isEmpty())
        Q_EMIT dataChanged(index(0, ResultColumn), index(rowCount() - 1, ResultColumn));
}

int CleanupCandidatesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_candidates.size());
}

int CleanupCandidatesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CleanupCandidatesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_candidates.size())
        return {};
    const CleanupCandidate &c = m_candidates.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(c, index.column());
    case SortRole:
        return sortKey(c, index.column());
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
            return display(c, index.column());
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

QVariant CleanupCandidatesModel::display(const CleanupCandidate &c, int column) const
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
        return c.created.isValid() ? tr("%n day(s)", nullptr, int(c.created.daysTo(m_now)))
                                   : QStringLiteral("?");
    case SourcesColumn:
        return c.sources.join(QStringLiteral("; "));
    case WhyColumn:
        return c.why;
    case ResultColumn:
        return resultText(c);
    default:
        return {};
    }
}

QVariant CleanupCandidatesModel::sortKey(const CleanupCandidate &c, int column) const
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
        return c.created.isValid() ? c.created.daysTo(m_now) : qint64(-1);
    default:
        return display(c, column);
    }
}

QString CleanupCandidatesModel::resultText(const CleanupCandidate &c) const
{
    const auto found = m_results.constFind(c.digest);
    if (found == m_results.constEnd())
        return {};
    return found->reason.isEmpty()
               ? stateText(found->state)
               : QStringLiteral("%1: %2").arg(stateText(found->state), found->reason);
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
