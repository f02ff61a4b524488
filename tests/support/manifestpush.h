#pragma once

#include "base/result.h"
#include "content/manifestbuilder.h"
#include "reference/digest.h"

#include <QString>

namespace ocular {
class ContentSource;
}

namespace ocular::test {

/// Pushes the blobs of @p manifest, then the manifest under @p tag (by digest when empty), to
/// @p repository through @p source, waiting for each; false (with a warning) on any failure.
bool pushManifestWithBlobs(ContentSource *source, const QString &repository,
                           const BuiltManifest &manifest, const QString &tag);

/// The digest of what @p reference (a tag or digest) names in @p repository, read back through
/// @p source and hashed there, waiting for it.
Result<Digest> digestOf(ContentSource *source, const QString &repository, const QString &reference);

} // namespace ocular::test
