#pragma once

#include "base/result.h"
#include "reference/digest.h"

#include <QString>

namespace ocular {

/// `oci:DIR[:TAG|@DIGEST]`, the OCI layout reference skopeo and oras accept. DIR may itself
/// contain ':'; like skopeo, the tag is what follows the last ':' after the last '/' (so
/// `oci:/a:b/c:v1` is the directory `/a:b/c`, tag `v1`; a last path component containing ':'
/// is always split there). A digest is what follows the last `@alg:` (checked by Digest::parse,
/// so `@sha256:../../x` is an error, never a path). No tag and no
/// digest means the reference names the layout only (`hasReference()` false).
struct OciLayoutReference
{
    QString directory;
    QString tag;
    Digest digest;

    bool hasReference() const { return !tag.isEmpty() || digest.isValid(); }
    /// The tag, or the digest string: what to ask the source for.
    QString identifier() const { return digest.isValid() ? digest.toString() : tag; }

    /// Whether `text` uses the `oci:` form at all.
    static bool matches(const QString &text) { return text.startsWith(QLatin1String("oci:")); }
    /// Parses; tags and digests are validated, an empty directory is an error.
    static Result<OciLayoutReference> parse(const QString &text);
};

} // namespace ocular
