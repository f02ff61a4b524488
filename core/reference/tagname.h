#pragma once

#include <QString>

namespace ocular {

/// The tag grammar `[A-Za-z0-9_][A-Za-z0-9._-]{0,127}` (PROTOCOL §1). A valid tag can never
/// contain `:`, `/`, `?`, `%` or start with `.`, so it is safe in a URL path and disjoint from
/// digests.
class TagName
{
public:
    static constexpr int MaxLength = 128;

    /// Why @p tag is not a tag (one lower-case clause), or empty when it is one.
    static QString problem(QStringView tag);
    static bool isValid(QStringView tag) { return problem(tag).isEmpty(); }
};

} // namespace ocular
