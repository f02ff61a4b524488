#pragma once

#include <QString>

namespace ocular {

/// A username and secret for one registry, plus where they came from (shown to the user).
struct Credentials
{
    QString username;
    QString secret;               ///< password, or identity token when isIdentityToken
    bool isIdentityToken = false; ///< OAuth2 refresh token (docker's `<token>` username)
    QString source;               ///< "command line", "docker config.json", ...

    bool isEmpty() const { return username.isEmpty() && secret.isEmpty(); }
};

} // namespace ocular
