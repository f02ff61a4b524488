#include "error.h"

namespace ocular {

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Network:
        return QStringLiteral("network error");
    case ErrorKind::Tls:
        return QStringLiteral("TLS error");
    case ErrorKind::Auth:
        return QStringLiteral("authentication failed");
    case ErrorKind::NotFound:
        return QStringLiteral("not found");
    case ErrorKind::Unsupported:
        return QStringLiteral("not supported");
    case ErrorKind::DigestMismatch:
        return QStringLiteral("digest mismatch");
    case ErrorKind::TooLarge:
        return QStringLiteral("too large");
    case ErrorKind::InvalidContent:
        return QStringLiteral("invalid content");
    case ErrorKind::InvalidInput:
        return QStringLiteral("invalid input");
    case ErrorKind::RateLimited:
        return QStringLiteral("rate limited");
    case ErrorKind::Server:
        return QStringLiteral("server error");
    case ErrorKind::Cancelled:
        return QStringLiteral("cancelled");
    case ErrorKind::Refused:
        return QStringLiteral("refused");
    case ErrorKind::PreconditionFailed:
        return QStringLiteral("precondition failed");
    }
    return QStringLiteral("error");
}

Error Error::cancelled(const QString &message)
{
    return make(ErrorKind::Cancelled, message.isEmpty() ? QStringLiteral("Cancelled.") : message);
}

QString Error::toString() const
{
    QString out = message;
    QStringList context;
    if (httpStatus > 0)
        context << QStringLiteral("HTTP %1").arg(httpStatus);
    if (!registryCodes.isEmpty())
        context << registryCodes.join(QStringLiteral(", "));
    if (!context.isEmpty())
        out += QStringLiteral(" (") + context.join(QStringLiteral("; ")) + QLatin1Char(')');
    return out;
}

} // namespace ocular
