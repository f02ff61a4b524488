#include "activity/activityrecords.h"

#include "inventory/blobusage.h"
#include "write/artifactpusher.h"
#include "write/contentcopier.h"
#include "write/deletionoutcome.h"
#include "write/deletionplan.h"
#include "write/untagger.h"

#include <QJsonArray>

namespace ocular::activityrecords {

namespace {

QJsonObject fallbackJson(const FallbackIndexChange &change)
{
    QJsonObject object{{QStringLiteral("tag"), change.tag},
                       {QStringLiteral("changed"), change.changed},
                       {QStringLiteral("attempts"), change.attempts},
                       {QStringLiteral("description"), change.describe()}};
    if (change.replacedIndex)
        object.insert(QStringLiteral("replacedIndex"), change.replacedIndex->toString());
    if (change.writtenIndex)
        object.insert(QStringLiteral("writtenIndex"), change.writtenIndex->toString());
    return object;
}

} // namespace

ActivityEntry pushed(const QString &action, const QString &registry, const ArtifactRequest &request,
                     const ArtifactPushResult &result)
{
    ActivityEntry entry = ActivityEntry::now(action, registry, request.repository);
    entry.reference = request.tag;
    entry.digest = result.digest.toString();
    QJsonArray files;
    for (const ArtifactFile &file : request.files)
        files.append(QJsonObject{{QStringLiteral("title"), file.title},
                                 {QStringLiteral("mediaType"), file.mediaType}});
    entry.details.insert(QStringLiteral("artifactType"), request.artifactType);
    entry.details.insert(QStringLiteral("files"), files);
    entry.details.insert(QStringLiteral("size"), result.size);
    if (request.subject) {
        entry.details.insert(QStringLiteral("subject"), request.subject->digest.toString());
        entry.details.insert(QStringLiteral("referrersPath"), result.subjectRecorded
                                                                  ? QStringLiteral("referrers API")
                                                                  : QStringLiteral("fallback tag"));
        if (result.fallback)
            entry.details.insert(QStringLiteral("fallback"), fallbackJson(*result.fallback));
        entry.details.insert(QStringLiteral("replacedIndexDeleted"), result.replacedIndexDeleted);
    }
    entry.summary =
        request.subject
            ? QStringLiteral("attached %1 (%2) to %3")
                  .arg(result.digest.shortForm(), request.artifactType,
                       request.subject->digest.shortForm())
            : QStringLiteral("pushed %1 (%2)").arg(result.digest.shortForm(), request.artifactType);
    return entry;
}

ActivityEntry tagged(const QString &registry, const QString &repository, const QString &tag,
                     const Digest &digest)
{
    ActivityEntry entry = ActivityEntry::now(QStringLiteral("tag"), registry, repository);
    entry.reference = tag;
    entry.digest = digest.toString();
    entry.summary = QStringLiteral("tagged %1 as %2").arg(digest.shortForm(), tag);
    return entry;
}

ActivityEntry copied(const QString &fromReference, const QString &registry,
                     const QString &repository, const QString &tag, const CopyResult &result)
{
    ActivityEntry entry = ActivityEntry::now(QStringLiteral("copy"), registry, repository);
    entry.reference = tag;
    entry.digest = result.root.toString();
    entry.details = QJsonObject{{QStringLiteral("from"), fromReference},
                                {QStringLiteral("manifests"), result.manifests},
                                {QStringLiteral("referrers"), result.referrers},
                                {QStringLiteral("blobsSent"), result.blobsSent},
                                {QStringLiteral("bytesSent"), result.bytesSent},
                                {QStringLiteral("blobsMounted"), result.blobsMounted},
                                {QStringLiteral("blobsPresent"), result.blobsPresent}};
    QJsonArray fallback;
    for (const FallbackIndexChange &change : result.fallbackUpdates)
        fallback.append(fallbackJson(change));
    if (!fallback.isEmpty())
        entry.details.insert(QStringLiteral("fallback"), fallback);
    QJsonArray replaced;
    for (const ReplacedIndexRemoval &removal : result.replacedIndexes)
        replaced.append(QJsonObject{{QStringLiteral("index"), removal.index.toString()},
                                    {QStringLiteral("deleted"), removal.deleted},
                                    {QStringLiteral("note"), removal.note}});
    if (!replaced.isEmpty())
        entry.details.insert(QStringLiteral("replacedIndexes"), replaced);
    entry.summary = QStringLiteral("copied %1 from %2 (%3 manifest(s), %4 referrer(s))")
                        .arg(result.root.shortForm(), fromReference)
                        .arg(result.manifests)
                        .arg(result.referrers);
    return entry;
}

ActivityEntry deleted(const QString &registry, const DeletionPlan &plan,
                      const DeletionOutcome &outcome)
{
    ActivityEntry entry = ActivityEntry::now(QStringLiteral("delete"), registry, plan.repository);
    entry.digest = plan.target.toString();
    entry.details = outcome.toJson();
    int tags = 0;
    for (const DeletionOutcome::ItemResult &item : outcome.items)
        if (item.state == DeletionOutcome::ItemResult::State::Deleted)
            tags += int(item.tags.size());
    entry.summary = QStringLiteral("deleted %1 manifest(s) and %2 tag(s)")
                        .arg(outcome.deletedCount())
                        .arg(tags);
    return entry;
}

ActivityEntry untagged(const QString &registry, const UntagOutcome &outcome)
{
    ActivityEntry entry = ActivityEntry::now(QStringLiteral("untag"), registry, outcome.repository);
    entry.reference = outcome.tag;
    entry.digest = outcome.formerDigest.toString();
    const bool placeholder = outcome.method == UntagOutcome::Method::Placeholder;
    entry.details.insert(QStringLiteral("method"), placeholder ? QStringLiteral("placeholder")
                                                               : QStringLiteral("tag-delete"));
    if (placeholder)
        entry.details.insert(QStringLiteral("placeholder"), outcome.placeholder.toString());
    entry.summary = QStringLiteral("removed tag %1 (it named %2)")
                        .arg(outcome.tag, outcome.formerDigest.shortForm());
    return entry;
}

ActivityEntry blobDeleted(const QString &registry, const BlobUsage &usage, bool forced)
{
    ActivityEntry entry =
        ActivityEntry::now(QStringLiteral("delete-blob"), registry, usage.repository);
    entry.digest = usage.blob.toString();
    entry.details = usage.toJson();
    entry.details.insert(QStringLiteral("forced"), forced);
    entry.summary = usage.isUsed()
                        ? QStringLiteral("deleted blob %1, still used by %2 manifest(s) (forced)")
                              .arg(usage.blob.shortForm())
                              .arg(usage.users.size())
                        : QStringLiteral("deleted blob %1").arg(usage.blob.shortForm());
    return entry;
}

} // namespace ocular::activityrecords
