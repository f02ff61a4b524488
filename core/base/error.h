#pragma once

#include <QString>
#include <QStringList>

namespace ocular {

/// What went wrong, in categories a user (and retry logic) can act on.
enum class ErrorKind
{
    Network,        ///< connection refused, reset, DNS, timeout
    Tls,            ///< certificate or handshake failure
    Auth,           ///< 401/403 or a refused token exchange
    NotFound,       ///< 404 or a registry *_UNKNOWN code
    Unsupported,    ///< the registry does not offer the operation (405, UNSUPPORTED)
    DigestMismatch, ///< content does not hash to the digest it was asked for
    TooLarge,       ///< a body exceeded the cap we allow for it
    InvalidContent, ///< malformed or type-confused JSON, unexpected media type
    InvalidInput,   ///< the user's input (reference, URL, file) is malformed
    RateLimited,    ///< 429
    Server,         ///< 5xx or another unexpected status
    Cancelled,      ///< the caller cancelled
    Refused,        ///< we refused to follow the server (foreign origin, downgrade, loop)
    PreconditionFailed, ///< 412: a conditional write lost to another writer (If-Match)
};

/// A failure with enough context for a plain-sentence message and for retry decisions.
struct Error
{
    ErrorKind kind = ErrorKind::Server;
    QString message;           ///< one sentence, safe to show (never contains secrets)
    int httpStatus = 0;        ///< 0 when no HTTP response was received
    QStringList registryCodes; ///< e.g. MANIFEST_UNKNOWN, from the registry's error body
    bool retryable = false;    ///< whether repeating the same request may succeed

    static Error make(ErrorKind kind, const QString &message, int httpStatus = 0)
    {
        Error e;
        e.kind = kind;
        e.message = message;
        e.httpStatus = httpStatus;
        return e;
    }

    /// The one error every cancelled operation delivers (ErrorKind::Cancelled, "Cancelled."
    /// unless a more specific sentence is given).
    static Error cancelled(const QString &message = {});

    /// The message, prefixed with the HTTP status and registry codes when known.
    QString toString() const;
};

/// A short English name for the kind, for logs and CLI output.
QString errorKindName(ErrorKind kind);

} // namespace ocular
