#include "originpolicy.h"

#include <QHostAddress>

namespace ocular::originpolicy {

QString origin(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    const int defaultPort = scheme == QLatin1String("https") ? 443 : 80;
    return scheme + QStringLiteral("://") + url.host().toLower() + QLatin1Char(':') +
           QString::number(url.port(defaultPort));
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return origin(a) == origin(b);
}

bool isLoopbackHost(const QString &host)
{
    QString h = host.toLower();
    if (h.startsWith(QLatin1Char('[')) && h.endsWith(QLatin1Char(']')))
        h = h.mid(1, h.size() - 2);
    if (h == QLatin1String("localhost") || h.endsWith(QLatin1String(".localhost")))
        return true;
    QHostAddress address;
    if (!address.setAddress(h))
        return false;
    return address.isLoopback();
}

QString redirectRefusal(const QUrl &from, const QUrl &to)
{
    if (!to.isValid() || to.host().isEmpty())
        return QStringLiteral("the redirect target is not a valid URL");
    const QString scheme = to.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return QStringLiteral("the redirect uses the unsupported scheme \"%1\"")
            .arg(scheme.left(20));
    if (from.scheme().toLower() == QLatin1String("https") && scheme == QLatin1String("http"))
        return QStringLiteral("the redirect would downgrade HTTPS to plain HTTP");
    if (!isLoopbackHost(from.host()) && isLoopbackHost(to.host()))
        return QStringLiteral("a remote registry redirected to this machine (loopback)");
    return {};
}

} // namespace ocular::originpolicy
