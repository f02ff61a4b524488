#pragma once

#include "base/result.h"

#include <QString>

namespace ocular {

/// A repository path inside a registry (`team/app`), checked against the OCI grammar
/// `[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*` per component, components joined by `/`, at most 255
/// characters. Safe to put into a URL path: it can hold neither `..`, `?`, `%` nor `//`.
class RepositoryName
{
public:
    static constexpr int MaxLength = 255;

    RepositoryName() = default;

    static Result<RepositoryName> parse(QStringView text);
    /// Why @p text is not a repository path (one lower-case clause, no final dot), or empty
    /// when it is one.
    static QString problem(QStringView text);
    static bool isValid(QStringView text) { return problem(text).isEmpty(); }

    bool isValid() const { return !m_path.isEmpty(); }
    const QString &toString() const { return m_path; }

    friend bool operator==(const RepositoryName &, const RepositoryName &) = default;

private:
    explicit RepositoryName(QString path)
        : m_path(std::move(path))
    {}
    QString m_path;
};

} // namespace ocular
