#pragma once

#include "auth/credentials.h"
#include "base/result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace ocular {

/// A docker credential helper: the program `docker-credential-<name>` on PATH, speaking JSON
/// over stdin/stdout (`get`, `store`, `erase`). Calls block until the helper exits or the
/// timeout passes (then it is killed), so call them off the GUI thread.
class CredentialHelper
{
public:
    static constexpr int DefaultTimeoutMs = 15000;

    explicit CredentialHelper(QString name, int timeoutMs = DefaultTimeoutMs);

    QString name() const { return m_name; }
    /// `docker-credential-<name>`.
    QString programName() const;
    /// Whether @p name can name a helper (no path separators or other surprises).
    static bool isValidName(const QString &name);

    /// Credentials for @p serverUrl; nothing when the helper says it has none.
    Result<std::optional<Credentials>> get(const QString &serverUrl) const;
    /// Saves credentials (a username of `<token>` marks an identity token, as docker does).
    Result<Done> store(const QString &serverUrl, const Credentials &credentials) const;
    /// Removes what the helper holds for @p serverUrl; "not found" is success.
    Result<Done> erase(const QString &serverUrl) const;

private:
    struct Outcome
    {
        int exitCode = 0;
        QByteArray out;
        QByteArray err;
    };
    Result<Outcome> run(const QString &action, const QByteArray &input) const;
    QString failureMessage(const QString &action, const Outcome &outcome) const;

    QString m_name;
    int m_timeoutMs;
};

} // namespace ocular
