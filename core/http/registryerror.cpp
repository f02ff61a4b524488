#include "registryerror.h"

#include "http/redact.h"
#include "http/retrypolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace ocular {

namespace {

ErrorKind kindForStatus(int status, const QStringList &codes)
{
    if (codes.contains(QLatin1String("UNSUPPORTED")))
        return ErrorKind::Unsupported;
    if (codes.contains(QLatin1String("DENIED")) || codes.contains(QLatin1String("UNAUTHORIZED")))
        return ErrorKind::Auth;
    switch (status) {
    case 401:
    case 403:
        return ErrorKind::Auth;
    case 404:
        return ErrorKind::NotFound;
    case 405:
        return ErrorKind::Unsupported;
    case 412:
        return ErrorKind::PreconditionFailed;
    case 413:
        return ErrorKind::TooLarge;
    case 429:
        return ErrorKind::RateLimited;
    default:
        break;
    }
    for (const QString &code : codes) {
        if (code.endsWith(QLatin1String("_UNKNOWN")))
            return ErrorKind::NotFound;
    }
    if (status >= 400 && status < 500)
        return ErrorKind::InvalidInput;
    return ErrorKind::Server;
}

QString statusSentence(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("the registry rejected the request");
    case 401:
        return QStringLiteral("the registry requires authentication");
    case 403:
        return QStringLiteral("access denied");
    case 404:
        return QStringLiteral("not found");
    case 405:
        return QStringLiteral("the registry does not allow this operation");
    case 412:
        return QStringLiteral("the content changed since it was read (If-Match failed)");
    case 429:
        return QStringLiteral("too many requests, the registry is rate limiting");
    default:
        break;
    }
    if (status >= 500)
        return QStringLiteral("the registry failed with a server error");
    return QStringLiteral("unexpected response");
}

// What TLS servers answer to plain HTTP on their port: Go's net/http (docker-registry, zot,
// Harbor's core) and nginx.
bool isPlainHttpToTlsPort(const HttpResponse &response)
{
    if (response.status != 400)
        return false;
    const QByteArray body = response.body.left(1024).toLower();
    return body.contains("client sent an http request to an https server") ||
           body.contains("plain http request was sent to https port");
}

} // namespace

Error registryError(const HttpResponse &response, const QString &what)
{
    QStringList codes;
    QStringList messages;
    // Error bodies are capped by the request; parse only something that looks like JSON.
    const QByteArray body = response.body.left(64 * 1024);
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject()) {
        const QJsonArray errors = doc.object().value(QLatin1String("errors")).toArray();
        for (const QJsonValue &value : errors) {
            const QJsonObject entry = value.toObject();
            const QString code = entry.value(QLatin1String("code")).toString();
            const QString message = entry.value(QLatin1String("message")).toString();
            if (!code.isEmpty() && codes.size() < 8)
                codes << code.left(64);
            if (!message.isEmpty() && messages.size() < 3)
                messages << redact::text(message.left(300)); // servers may echo what we sent
        }
    }
    Error error;
    error.httpStatus = response.status;
    if (isPlainHttpToTlsPort(response)) {
        QUrl tls = response.url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery |
                                         QUrl::RemoveFragment | QUrl::RemoveUserInfo);
        tls.setScheme(QStringLiteral("https"));
        if (tls.port() < 0)
            tls.setPort(80);
        error.kind = ErrorKind::Tls;
        // Quote the server's own words (first line, short, printable only).
        QString said = QString::fromUtf8(response.body.left(200)).section(QLatin1Char('\n'), 0, 0);
        said.remove(QRegularExpression(QStringLiteral("[^\\x20-\\x7e]")));
        const QString detail =
            QStringLiteral("this port speaks HTTPS, but the request was sent in plain HTTP (the "
                           "server answered \"%1\"); address it as %2")
                .arg(said.trimmed(), tls.toString());
        error.message = what.isEmpty() ? detail : what + QStringLiteral(": ") + detail;
        return error;
    }
    error.registryCodes = codes;
    error.kind = kindForStatus(response.status, codes);
    error.retryable = RetryPolicy::isRetryableStatus(response.status);
    QString detail =
        messages.isEmpty() ? statusSentence(response.status) : messages.join(QStringLiteral("; "));
    error.message = what.isEmpty() ? detail : what + QStringLiteral(": ") + detail;
    return error;
}

} // namespace ocular
