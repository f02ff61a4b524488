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
    /// Invalid when the tag holds only a truncated digest (a sha512 fallback tag keeps 64 of
    /// its 128 hex characters): `subjectPrefix` is all the tag says then.
    Digest subject;
    /// Empty for a referrers fallback tag (`sha256-<hex>` without a suffix).
    std::optional<Kind> kind;
    QString algorithm;
    QString subjectPrefix; ///< `alg:hex` as far as the tag spells it
    bool truncated = false;
};

/// `.sig`, `.att`, `.sbom`.
QString suffix(Kind kind);
/// `sha256-<hex>.sig` and so on.
QString tagFor(const Digest &subject, Kind kind);
/// All three tags for the subject.
QStringList tagsFor(const Digest &subject);
/// Recognises `<alg>-<encoded>` (fallback) and `<alg>-<encoded>.<sig|att|sbom>` (cosign) for
/// every registered digest algorithm (sha256, sha512, blake3), including fallback tags whose
/// digest the spec truncated to 64 characters; nothing for any other tag.
std::optional<Parsed> parse(const QString &tag);
/// Whether the tag is an attachment (fallback or cosign) rather than a user's tag.
bool isAttachmentTag(const QString &tag);

} // namespace cosigntags
} // namespace ocular
