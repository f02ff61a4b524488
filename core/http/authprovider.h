#pragma once

#include "base/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>
#include <functional>

namespace ocular {

/// What HttpClient asks about credentials; implemented in auth/ (so http does not depend on it).
class AuthProvider
{
public:
    virtual ~AuthProvider() = default;

    /// The Authorization header to send for this URL and scope, or empty for none (anonymous
    /// until challenged). Only called for URLs on the registry origin that was challenged.
    virtual QByteArray authorization(const QUrl &url, const QString &scope) = 0;

    /// Reacts to a 401: parses the challenges and obtains a token or credentials. Calls done
    /// with success when a retry may now succeed. Runs on the caller's thread.
    /// @p sentAuthorization tells whether the refused request carried an Authorization header
    /// (a refusal of what was sent, versus a request that left before credentials were known).
    virtual void handleChallenge(const QUrl &url, const QList<QByteArray> &challenges,
                                 const QString &scope, bool sentAuthorization,
                                 std::function<void(Result<Done>)> done) = 0;
};

} // namespace ocular
