#pragma once

#include "base/result.h"
#include "reference/digest.h"

#include <QString>

namespace ocular {

/// What follows `/manifests/` in a URL: a tag or a digest, validated. The two grammars are
/// disjoint (a tag has no ':'), so which one a string is never depends on guessing.
class ManifestIdentifier
{
public:
    ManifestIdentifier() = default;

    /// A digest when @p text parses as one, a tag when it fits the tag grammar, an error
    /// (naming why, with the text made printable) otherwise.
    static Result<ManifestIdentifier> parse(QStringView text);
    /// True when @p text is a valid digest (and so names content, not a tag).
    static bool isDigest(QStringView text);
    static ManifestIdentifier fromDigest(const Digest &digest);

    bool isValid() const { return m_digest.isValid() || !m_tag.isEmpty(); }
    bool isDigest() const { return m_digest.isValid(); }
    bool isTag() const { return !m_tag.isEmpty(); }
    const Digest &digest() const { return m_digest; }
    const QString &tag() const { return m_tag; }
    QString toString() const { return isDigest() ? m_digest.toString() : m_tag; }

    friend bool operator==(const ManifestIdentifier &, const ManifestIdentifier &) = default;

private:
    Digest m_digest;
    QString m_tag;
};

} // namespace ocular
