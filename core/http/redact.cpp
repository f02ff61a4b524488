#include "redact.h"

#include <QRegularExpression>
#include <QUrlQuery>

namespace ocular::redact {

namespace {

bool isHarmlessQueryKey(const QString &key)
{
    static const QStringList harmless = {QStringLiteral("scope"),  QStringLiteral("service"),
                                         QStringLiteral("n"),      QStringLiteral("last"),
                                         QStringLiteral("digest"), QStringLiteral("mount"),
                                         QStringLiteral("from"),   QStringLiteral("artifactType")};
    return harmless.contains(key);
}

QString marker()
{
    return QString::fromLatin1(Marker);
}

} // namespace

QString url(const QUrl &url)
{
    QUrl clean = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveFragment);
    if (clean.hasQuery()) {
        QUrlQuery query(clean);
        QList<QPair<QString, QString>> items = query.queryItems(QUrl::FullyEncoded);
        for (auto &item : items) {
            if (!isHarmlessQueryKey(item.first))
                item.second = marker();
        }
        query.setQueryItems(items);
        clean.setQuery(query);
    }
    return clean.toString();
}

bool isSensitiveHeader(QByteArrayView name)
{
    static const char *const sensitive[] = {
        "authorization", "proxy-authorization", "cookie", "set-cookie", "x-registry-auth",
        "x-auth-token",  "x-amz-security-token"};
    for (const char *candidate : sensitive) {
        if (name.compare(QByteArrayView(candidate), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray headerValue(QByteArrayView name, const QByteArray &value)
{
    if (!isSensitiveHeader(name))
        return value;
    if (name.compare(QByteArrayView("authorization"), Qt::CaseInsensitive) == 0 ||
        name.compare(QByteArrayView("proxy-authorization"), Qt::CaseInsensitive) == 0) {
        const qsizetype space = value.indexOf(' ');
        if (space > 0 && space <= 16)
            return value.left(space) + ' ' + QByteArray(Marker);
    }
    return QByteArray(Marker);
}

QString text(const QString &input)
{
    QString out = input;
    // "Bearer abc", "Basic dXNlcjpwYXNz" (header values quoted in messages).
    static const QRegularExpression scheme(
        QStringLiteral("\\b(Bearer|Basic)\\s+[A-Za-z0-9._~+/=-]+"),
        QRegularExpression::CaseInsensitiveOption);
    out.replace(scheme, QStringLiteral("\\1 ") + marker());
    // JSON members and key=value pairs named like secrets.
    static const QRegularExpression member(
        QStringLiteral("(\"(?:token|access_token|refresh_token|id_token|password|secret|auth|"
                       "identitytoken|registrytoken)\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*\""),
        QRegularExpression::CaseInsensitiveOption);
    out.replace(member, QStringLiteral("\\1") + marker() + QLatin1Char('"'));
    static const QRegularExpression pair(
        QStringLiteral("\\b((?:access_token|refresh_token|password|secret|token|signature|sig|"
                       "x-amz-signature|x-amz-credential|x-amz-security-token)=)[^&\\s\"']+"),
        QRegularExpression::CaseInsensitiveOption);
    out.replace(pair, QStringLiteral("\\1") + marker());
    // Query strings of URLs in free text: storage signatures hide under many names.
    static const QRegularExpression urlQuery(
        QStringLiteral("(\\bhttps?://[^\\s?#\"'<>]+\\?)[^\\s#\"'<>]+"),
        QRegularExpression::CaseInsensitiveOption);
    out.replace(urlQuery, QStringLiteral("\\1") + marker());
    // JSON Web Tokens wherever they appear.
    static const QRegularExpression jwt(
        QStringLiteral("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*"));
    out.replace(jwt, marker());
    // user:password@ in URLs.
    static const QRegularExpression userInfo(QStringLiteral("(\\b[a-z][a-z0-9+.-]*://)[^/@\\s]+@"),
                                             QRegularExpression::CaseInsensitiveOption);
    out.replace(userInfo, QStringLiteral("\\1") + marker() + QLatin1Char('@'));
    return out;
}

} // namespace ocular::redact
