#include "registryendpoint.h"

#include <QUrlQuery>

#include "http/originpolicy.h"
#include "reference/reference.h"
#include "reference/registryname.h"

namespace ocular {

Result<RegistryEndpoint> RegistryEndpoint::parse(const QString &input, bool allowInsecureHttp)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("Enter a registry host or URL."));
    if (text.size() > 300)
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("The registry address is too long."));

    QString scheme;
    QString hostPort = text;
    const auto schemeEnd = text.indexOf(QStringLiteral("://"));
    if (schemeEnd >= 0) {
        scheme = text.left(schemeEnd).toLower();
        hostPort = text.mid(schemeEnd + 3);
        if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
            return Error::make(
                ErrorKind::InvalidInput,
                QStringLiteral("Only http:// and https:// registry URLs are supported."));
    }
    // Paths after the host are ignored: the API always lives under /v2/.
    const auto slash = hostPort.indexOf(QLatin1Char('/'));
    if (slash >= 0)
        hostPort.truncate(slash);
    hostPort = hostPort.toLower();
    hostPort = RegistryName::normalised(hostPort);
    if (!Reference::isValidRegistryHost(hostPort))
        return Error::make(
            ErrorKind::InvalidInput,
            QStringLiteral("\"%1\" is not a valid registry host.").arg(hostPort.left(100)));

    const QUrl probe(QStringLiteral("http://") + Reference::apiHost(hostPort));
    const bool loopback = originpolicy::isLoopbackHost(probe.host());
    // No scheme: HTTPS, also on loopback (a TLS registry on 127.0.0.1 would otherwise be asked
    // in plain HTTP and answer 400); plain HTTP only once the port proves not to speak TLS.
    const bool fallback = scheme.isEmpty() && loopback;
    if (scheme.isEmpty())
        scheme = QStringLiteral("https");
    if (scheme == QLatin1String("http") && !loopback && !allowInsecureHttp)
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("Plain HTTP to %1 is not allowed: it is not a loopback "
                                          "host. Allow insecure HTTP for it explicitly.")
                               .arg(hostPort));

    RegistryEndpoint endpoint;
    endpoint.registry = hostPort;
    endpoint.baseUrl = QUrl(scheme + QStringLiteral("://") + Reference::apiHost(hostPort));
    endpoint.plainHttpFallback = fallback;
    if (!endpoint.baseUrl.isValid())
        return Error::make(
            ErrorKind::InvalidInput,
            QStringLiteral("\"%1\" is not a valid registry URL.").arg(text.left(100)));
    return endpoint;
}

QString RegistryEndpoint::address() const
{
    if (plainHttpFallback)
        return baseUrl.authority();
    return baseUrl.toString();
}

QUrl RegistryEndpoint::apiUrl(const QString &path, const QUrlQuery &query) const
{
    // The query is set apart from the path: a '?' in a path is part of the path (and a valid
    // name never has one), never the start of parameters.
    QUrl url = baseUrl;
    url.setPath(QStringLiteral("/v2/") + path);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

} // namespace ocular
