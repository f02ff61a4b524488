#pragma once

#include "reference/repositoryname.h"

#include <QString>
#include <QStringList>

namespace ocular {

/// A token scope (PROTOCOL §7): `repository:<name>:<actions>` for one repository, or the
/// catalog's `registry:catalog:*`. Built from a validated name, so it cannot smuggle another
/// repository or extra actions into a token request.
struct Scope
{
    RepositoryName repository; ///< invalid for the catalog scope
    QStringList actions;       ///< pull, push, delete (in this order when combined)

    static Scope pull(const RepositoryName &repository)
    {
        return {repository, {QStringLiteral("pull")}};
    }
    static Scope push(const RepositoryName &repository)
    {
        return {repository, {QStringLiteral("pull"), QStringLiteral("push")}};
    }
    static Scope remove(const RepositoryName &repository)
    {
        return {repository, {QStringLiteral("delete")}};
    }
    static Scope catalog() { return {RepositoryName(), {QStringLiteral("*")}}; }

    bool isCatalog() const { return !repository.isValid(); }
    /// The scope string a token service expects.
    QString toString() const;

    friend bool operator==(const Scope &, const Scope &) = default;
};

} // namespace ocular
