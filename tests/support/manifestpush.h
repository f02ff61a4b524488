#pragma once

#include "base/result.h"
#include "content/manifestbuilder.h"
#include "reference/digest.h"

#include <QString>

namespace ocular {
class ContentSource;
}

namespace ocular::test {

/// An OCI image manifest whose config (with `created` when given) and one layer depend on
/// @p salt.
BuiltManifest builtImage(const QString &salt, const QString &created = {});
/// An artifact (artifactType application/vnd.example.sbom, one JSON file from @p salt) whose
/// subject is @p subject.
BuiltManifest builtReferrer(const BuiltManifest &subject, const QString &salt);

/// Pushes the blobs of @p manifest, then the manifest under @p tag (by digest when empty), to
/// @p repository through @p source, waiting for each; false (with a warning) on any failure.
bool pushManifestWithBlobs(ContentSource *source, const QString &repository,
                           const BuiltManifest &manifest, const QString &tag);

/// The digest of what @p reference (a tag or digest) names in @p repository, read back through
/// @p source and hashed there, waiting for it.
Result<Digest> digestOf(ContentSource *source, const QString &repository, const QString &reference);

} // namespace ocular::test
