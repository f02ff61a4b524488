#pragma once

#include <QString>

namespace ocular::storagenote {

/// What a user is told after any delete: the registry answered 202, yet the disk space comes
/// back only with its garbage collector. `deleted` names what was deleted ("deleted manifests
/// and their blobs", "a deleted blob"); the docker-registry command is the same for all.
QString afterDelete(const QString &deleted);

} // namespace ocular::storagenote
