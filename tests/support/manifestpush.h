#pragma once

#include "content/manifestbuilder.h"

#include <QString>

namespace ocular {
class ContentSource;
}

namespace ocular::test {

/// Pushes the blobs of @p manifest, then the manifest under @p tag (by digest when empty), to
/// @p repository through @p source, waiting for each; false (with a warning) on any failure.
bool pushManifestWithBlobs(ContentSource *source, const QString &repository,
                           const BuiltManifest &manifest, const QString &tag);

} // namespace ocular::test
