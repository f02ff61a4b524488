#pragma once

#include <QString>

namespace ocular {

/// The media type a file pushed as an artifact layer most likely has, from its name: SBOMs,
/// attestations, signatures, archives, text. `application/octet-stream` when nothing fits;
/// the user can always override it.
QString guessFileMediaType(const QString &fileName);

} // namespace ocular
