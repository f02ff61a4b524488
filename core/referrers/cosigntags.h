#pragma once

#include "reference/digest.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace ocular {

/// cosign's tag convention: attachments of `sha256:<hex>` live in the same repository under
/// `sha256-<hex>.sig`, `.att` and `.sbom` (PROTOCOL §4).
namespace cosigntags {

enum class Kind
{
    Signature,   ///< .sig
    Attestation, ///< .att
    Sbom,        ///< .sbom
};

/// What a tag name says about itself.
struct Parsed
{
    Digest subject;
    /// Empty for a referrers fallback tag (`sha256-<hex>` without a suffix).
    std::optional<Kind> kind;
};

/// `.sig`, `.att`, `.sbom`.
QString suffix(Kind kind);
/// `sha256-<hex>.sig` and so on.
QString tagFor(const Digest &subject, Kind kind);
/// All three tags for the subject.
QStringList tagsFor(const Digest &subject);
/// Recognises `<alg>-<encoded>` (fallback) and `<alg>-<encoded>.<sig|att|sbom>` (cosign);
/// nothing for any other tag. Truncated fallback tags are not recognised (no full digest).
std::optional<Parsed> parse(const QString &tag);

} // namespace cosigntags
} // namespace ocular
