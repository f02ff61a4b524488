#include "deletionoutcome.h"

#include <QJsonArray>

namespace ocular {

namespace {

QString statusName(DeletionOutcome::Status status)
{
    switch (status) {
    case DeletionOutcome::Status::Completed:
        return QStringLiteral("completed");
    case DeletionOutcome::Status::Refused:
        return QStringLiteral("refused");
    case DeletionOutcome::Status::Stale:
        return QStringLiteral("stale");
    case DeletionOutcome::Status::Stopped:
        break;
    }
    return QStringLiteral("stopped");
}

QString digestOrAbsent(const Digest &d)
{
    return d.isValid() ? d.toString() : QStringLiteral("(no such tag)");
}

QString guardName(FallbackIndexChange::Guard guard)
{
    switch (guard) {
    case FallbackIndexChange::Guard::IfMatch:
        return QStringLiteral("if-match");
    case FallbackIndexChange::Guard::ReadBack:
        return QStringLiteral("read-back");
    case FallbackIndexChange::Guard::None:
        break;
    }
    return QStringLiteral("none");
}

} // namespace

QString DeletionOutcome::stateName(ItemResult::State state)
{
    switch (state) {
    case ItemResult::State::Deleted:
        return QStringLiteral("deleted");
    case ItemResult::State::AlreadyGone:
        return QStringLiteral("already gone");
    case ItemResult::State::Failed:
        return QStringLiteral("failed");
    case ItemResult::State::NotAttempted:
        break;
    }
    return QStringLiteral("not attempted");
}

int DeletionOutcome::deletedCount() const
{
    int n = 0;
    for (const ItemResult &item : items)
        n += item.state == ItemResult::State::Deleted ? 1 : 0;
    return n;
}

QString DeletionOutcome::toText() const
{
    QString t;
    switch (status) {
    case Status::Refused:
        t += QStringLiteral("Refused: nothing was sent to the registry.\n");
        break;
    case Status::Stale:
        t += QStringLiteral("The registry changed since the plan was made; nothing was deleted. "
                            "Make the plan again and review it:\n");
        for (const ChangedFact &f : changedFacts) {
            if (f.planned.isValid() || !f.now.isValid())
                t += QStringLiteral("  tag %1: planned %2, now %3\n")
                         .arg(f.tag, digestOrAbsent(f.planned), digestOrAbsent(f.now));
            else
                t += QStringLiteral("  tag %1 now names %2, a manifest of the plan (it would "
                                    "have been deleted with it)\n")
                         .arg(f.tag, f.now.toString());
        }
        break;
    case Status::Completed:
    case Status::Stopped:
        break;
    }
    for (const ItemResult &item : items) {
        if (status == Status::Stale || status == Status::Refused)
            break;
        t += QStringLiteral("%1 %2").arg(stateName(item.state).leftJustified(13),
                                         item.digest.toString());
        if (!item.tags.isEmpty() && item.state == ItemResult::State::Deleted)
            t += QStringLiteral("  (tags removed: %1)").arg(item.tags.join(QStringLiteral(", ")));
        t += QLatin1Char('\n');
    }
    for (const FallbackResult &f : fallback) {
        t += QStringLiteral("fallback     %1: %2\n")
                 .arg(f.edit.tag, f.ok ? f.message : QStringLiteral("FAILED: ") + f.message);
        if (f.replacedIndexDeleted)
            t += QStringLiteral("             the replaced index %1 was deleted too\n")
                     .arg(f.change.replacedIndex->toString());
        else if (!f.replacedIndexMessage.isEmpty())
            t += QStringLiteral("             %1\n").arg(f.replacedIndexMessage);
    }
    if (error && status != Status::Refused)
        t += QStringLiteral("error: ") + error->toString() + QLatin1Char('\n');
    if (!storageNote.isEmpty())
        t += storageNote + QLatin1Char('\n');
    return t;
}

QJsonObject DeletionOutcome::toJson() const
{
    QJsonArray itemArray;
    for (const ItemResult &item : items)
        itemArray.append(
            QJsonObject{{QStringLiteral("digest"), item.digest.toString()},
                        {QStringLiteral("tags"), QJsonArray::fromStringList(item.tags)},
                        {QStringLiteral("state"), stateName(item.state)},
                        {QStringLiteral("message"), item.message}});
    QJsonArray fallbackArray;
    for (const FallbackResult &f : fallback) {
        QJsonObject o{{QStringLiteral("tag"), f.edit.tag},
                      {QStringLiteral("subject"), f.edit.subject.toString()},
                      {QStringLiteral("entry"), f.edit.entry.toString()},
                      {QStringLiteral("ok"), f.ok},
                      {QStringLiteral("message"), f.message}};
        if (f.ok) {
            o.insert(QStringLiteral("changed"), f.change.changed);
            o.insert(QStringLiteral("tagDeleted"), f.change.tagDeleted);
            o.insert(QStringLiteral("guard"), guardName(f.change.guard));
            o.insert(QStringLiteral("attempts"), f.change.attempts);
            if (f.change.replacedIndex && !f.change.tagDeleted) {
                o.insert(QStringLiteral("replacedIndex"), f.change.replacedIndex->toString());
                o.insert(QStringLiteral("replacedIndexDeleted"), f.replacedIndexDeleted);
            }
            if (!f.replacedIndexMessage.isEmpty())
                o.insert(QStringLiteral("replacedIndexMessage"), f.replacedIndexMessage);
        }
        fallbackArray.append(o);
    }
    QJsonArray facts;
    for (const ChangedFact &f : changedFacts)
        facts.append(
            QJsonObject{{QStringLiteral("tag"), f.tag},
                        {QStringLiteral("planned"),
                         f.planned.isValid() ? QJsonValue(f.planned.toString()) : QJsonValue::Null},
                        {QStringLiteral("now"),
                         f.now.isValid() ? QJsonValue(f.now.toString()) : QJsonValue::Null}});
    QJsonObject o{{QStringLiteral("status"), statusName(status)},
                  {QStringLiteral("manifests"), itemArray},
                  {QStringLiteral("fallbackEdits"), fallbackArray},
                  {QStringLiteral("changedFacts"), facts}};
    if (error)
        o.insert(QStringLiteral("error"), error->toString());
    if (!storageNote.isEmpty())
        o.insert(QStringLiteral("storageNote"), storageNote);
    return o;
}

} // namespace ocular
