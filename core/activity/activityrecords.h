#pragma once

#include "activity/activityentry.h"

namespace ocular {

struct ArtifactPushResult;
struct ArtifactRequest;
struct BlobUsage;
struct CopyResult;
struct DeletionOutcome;
struct DeletionPlan;
struct UntagOutcome;
class Digest;

/// The activity log entry for each kind of change, made from its outcome, so that the GUI and
/// the CLI record the same facts in the same shape.
namespace activityrecords {

/// `action` is "push" or "attach".
ActivityEntry pushed(const QString &action, const QString &registry, const ArtifactRequest &request,
                     const ArtifactPushResult &result);
ActivityEntry tagged(const QString &registry, const QString &repository, const QString &tag,
                     const Digest &digest);
ActivityEntry copied(const QString &fromReference, const QString &registry,
                     const QString &repository, const QString &tag, const CopyResult &result);
ActivityEntry deleted(const QString &registry, const DeletionPlan &plan,
                      const DeletionOutcome &outcome);
ActivityEntry untagged(const QString &registry, const UntagOutcome &outcome);
/// A blob deleted after `usage` was checked; `forced` when manifests still used it.
ActivityEntry blobDeleted(const QString &registry, const BlobUsage &usage, bool forced);

} // namespace activityrecords
} // namespace ocular
