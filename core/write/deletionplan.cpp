#include "deletionplan.h"

#include "content/mediatype.h"

#include <QJsonArray>
#include <algorithm>

namespace ocular {

namespace {

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonArray digests(const QList<Digest> &list)
{
    QJsonArray out;
    for (const Digest &d : list)
        out.append(d.toString());
    return out;
}

QString digestOrNone(const Digest &d)
{
    return d.isValid() ? d.toString() : QString();
}

QString referrersApiName(ReferrersAnswer::Kind kind)
{
    switch (kind) {
    case ReferrersAnswer::Kind::Api:
        return QStringLiteral("supported");
    case ReferrersAnswer::Kind::ApiAbsent:
        return QStringLiteral("not supported");
    case ReferrersAnswer::Kind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString itemKind(const DeletionPlan::Item &item)
{
    if (!item.artifactType.isEmpty())
        return item.artifactType;
    if (!item.mediaType.isEmpty())
        return mediatype::describe(item.mediaType);
    return QStringLiteral("manifest");
}

} // namespace

QStringList DeletionPlan::removedTags() const
{
    QStringList out;
    for (const Item &item : items)
        out += item.tags;
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

QList<Digest> DeletionPlan::deletedDigests() const
{
    QList<Digest> out;
    for (const Item &item : items)
        out.append(item.digest);
    return out;
}

bool DeletionPlan::deletes(const Digest &digest) const
{
    return std::any_of(items.begin(), items.end(),
                       [&](const Item &item) { return item.digest == digest; });
}

QJsonObject DeletionPlan::toJson() const
{
    QJsonArray itemArray;
    for (const Item &item : items) {
        QJsonObject o{{QStringLiteral("digest"), item.digest.toString()},
                      {QStringLiteral("mediaType"), item.mediaType},
                      {QStringLiteral("artifactType"), item.artifactType},
                      {QStringLiteral("tags"), strings(item.tags)},
                      {QStringLiteral("depth"), item.depth},
                      {QStringLiteral("known"), item.known},
                      {QStringLiteral("role"),
                       item.depth == 0 ? QStringLiteral("target") : QStringLiteral("referrer")}};
        if (item.subject)
            o.insert(QStringLiteral("subject"), item.subject->toString());
        if (item.referrerOf.isValid()) {
            o.insert(QStringLiteral("referrerOf"), item.referrerOf.toString());
            o.insert(QStringLiteral("via"), strings(item.via));
        }
        itemArray.append(o);
    }
    QJsonArray broken;
    for (const BrokenIndex &b : brokenIndexes)
        broken.append(QJsonObject{{QStringLiteral("index"), b.index.toString()},
                                  {QStringLiteral("tags"), strings(b.tags)},
                                  {QStringLiteral("lostEntries"), digests(b.lostEntries)}});
    QJsonArray orphanArray;
    for (const Orphan &o : orphans)
        orphanArray.append(QJsonObject{{QStringLiteral("referrer"), o.referrer.toString()},
                                       {QStringLiteral("subject"), o.subject.toString()},
                                       {QStringLiteral("via"), strings(o.via)},
                                       {QStringLiteral("tags"), strings(o.tags)},
                                       {QStringLiteral("reason"), o.reason}});
    QJsonArray edits;
    for (const FallbackEdit &e : fallbackEdits)
        edits.append(QJsonObject{{QStringLiteral("subject"), e.subject.toString()},
                                 {QStringLiteral("tag"), e.tag},
                                 {QStringLiteral("fallbackIndex"), digestOrNone(e.fallbackIndex)},
                                 {QStringLiteral("entry"), e.entry.toString()},
                                 {QStringLiteral("listed"), e.listed}});
    QJsonArray skipped;
    for (const SkippedReferrer &s : skippedReferrers)
        skipped.append(QJsonObject{{QStringLiteral("digest"), s.digest.toString()},
                                   {QStringLiteral("listedFor"), s.listedFor.toString()},
                                   {QStringLiteral("via"), strings(s.via)},
                                   {QStringLiteral("reason"), s.reason}});
    QJsonObject factObject;
    for (auto it = facts.begin(); it != facts.end(); ++it)
        factObject.insert(it.key(), it.value().isValid() ? QJsonValue(it.value().toString())
                                                         : QJsonValue(QJsonValue::Null));
    return QJsonObject{
        {QStringLiteral("repository"), repository},
        {QStringLiteral("target"), target.toString()},
        {QStringLiteral("withReferrers"), options.withReferrers},
        {QStringLiteral("breakIndexes"), options.breakIndexes},
        {QStringLiteral("referrersApi"), referrersApiName(referrersApi)},
        {QStringLiteral("manifests"), itemArray},
        {QStringLiteral("removedTags"), strings(removedTags())},
        {QStringLiteral("brokenIndexes"), broken},
        {QStringLiteral("orphans"), orphanArray},
        {QStringLiteral("fallbackEdits"), edits},
        {QStringLiteral("emptiedFallbackTags"), strings(emptiedFallbackTags)},
        {QStringLiteral("keptEntries"), digests(keptEntries)},
        {QStringLiteral("untaggedAfter"), digests(untaggedAfter)},
        {QStringLiteral("skippedReferrers"), skipped},
        {QStringLiteral("facts"), factObject},
        {QStringLiteral("refused"), isRefused()},
        {QStringLiteral("refusals"), strings(refusals)},
        {QStringLiteral("warnings"), strings(warnings)},
    };
}

QString DeletionPlan::toText() const
{
    QString t = QStringLiteral("Delete plan for %1@%2\n").arg(repository, target.toString());
    t += QStringLiteral("Manifests deleted by digest, in this order (%1):\n").arg(items.size());
    for (const Item &item : items) {
        t += QStringLiteral("  %1  %2").arg(item.digest.toString(), itemKind(item));
        if (item.referrerOf.isValid())
            t += QStringLiteral("  [referrer of %1 via %2]")
                     .arg(item.referrerOf.shortForm(), item.via.join(QStringLiteral(", ")));
        if (!item.known)
            t += QStringLiteral("  [not read: known by its digest only]");
        t += QLatin1Char('\n');
        if (!item.tags.isEmpty())
            t += QStringLiteral("      tags: %1\n").arg(item.tags.join(QStringLiteral(", ")));
    }
    const QStringList tags = removedTags();
    if (tags.isEmpty())
        t += QStringLiteral("Tags removed: none (nothing tags these manifests)\n");
    else
        t += QStringLiteral("Tags removed (a delete by digest removes every tag on it) (%1): %2\n")
                 .arg(tags.size())
                 .arg(tags.join(QStringLiteral(", ")));
    if (!brokenIndexes.isEmpty()) {
        t += QStringLiteral("Indexes that break (they keep naming a deleted manifest):\n");
        for (const BrokenIndex &b : brokenIndexes) {
            QStringList lost;
            for (const Digest &d : b.lostEntries)
                lost << d.shortForm();
            t +=
                QStringLiteral("  %1%2  loses %3\n")
                    .arg(b.index.toString(),
                         b.tags.isEmpty()
                             ? QString()
                             : QStringLiteral(" (tags: %1)").arg(b.tags.join(QStringLiteral(", "))),
                         lost.join(QStringLiteral(", ")));
        }
    }
    if (!keptEntries.isEmpty()) {
        t +=
            QStringLiteral("Entries of deleted indexes that stay (%1), %2 of them left untagged:\n")
                .arg(keptEntries.size())
                .arg(untaggedAfter.size());
        for (const Digest &d : keptEntries)
            t += QStringLiteral("  %1%2\n")
                     .arg(d.toString(),
                          untaggedAfter.contains(d) ? QStringLiteral("  (untagged)") : QString());
    }
    if (!orphans.isEmpty()) {
        t += QStringLiteral("Referrers left orphaned (their subject is deleted, they stay):\n");
        for (const Orphan &o : orphans)
            t +=
                QStringLiteral("  %1  referrer of %2 via %3%4: %5\n")
                    .arg(o.referrer.toString(), o.subject.shortForm(),
                         o.via.join(QStringLiteral(", ")),
                         o.tags.isEmpty()
                             ? QString()
                             : QStringLiteral(" (tags: %1)").arg(o.tags.join(QStringLiteral(", "))),
                         o.reason);
    }
    if (!fallbackEdits.isEmpty()) {
        t += QStringLiteral("Fallback index entries removed (referrers API %1):\n")
                 .arg(referrersApiName(referrersApi));
        for (const FallbackEdit &e : fallbackEdits)
            t += QStringLiteral("  %1: entry %2%3\n")
                     .arg(e.tag, e.entry.shortForm(),
                          e.listed ? QString()
                                   : (e.fallbackIndex.isValid()
                                          ? QStringLiteral(" (not seen listed; checked anyway)")
                                          : QStringLiteral(" (no such tag now; checked anyway)")));
    }
    if (!emptiedFallbackTags.isEmpty())
        t += QStringLiteral("Fallback tags left empty, and deleted: %1\n")
                 .arg(emptiedFallbackTags.join(QStringLiteral(", ")));
    for (const SkippedReferrer &s : skippedReferrers)
        t += QStringLiteral("Not a referrer, kept: %1 listed for %2 via %3: %4\n")
                 .arg(s.digest.toString(), s.listedFor.shortForm(),
                      s.via.join(QStringLiteral(", ")), s.reason);
    for (const QString &w : warnings)
        t += QStringLiteral("warning: ") + w + QLatin1Char('\n');
    for (const QString &r : refusals)
        t += QStringLiteral("REFUSED: ") + r + QLatin1Char('\n');
    return t;
}

} // namespace ocular
