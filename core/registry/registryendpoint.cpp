#include "registryendpoint.h"

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
    if (scheme.isEmpty())
        scheme = loopback ? QStringLiteral("http") : QStringLiteral("https");
    if (scheme == QLatin1String("http") && !loopback && !allowInsecureHttp)
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("Plain HTTP to %1 is not allowed: it is not a loopback "
                                          "host. Allow insecure HTTP for it explicitly.")
                               .arg(hostPort));

    RegistryEndpoint endpoint;
    endpoint.registry = hostPort;
    endpoint.baseUrl = QUrl(scheme + QStringLiteral("://") + Reference::apiHost(hostPort));
    if (!endpoint.baseUrl.isValid())
        return Error::make(
            ErrorKind::InvalidInput,
            QStringLiteral("\"%1\" is not a valid registry URL.").arg(text.left(100)));
    return endpoint;
}

QUrl RegistryEndpoint::apiUrl(const QString &path) const
{
    QUrl url = baseUrl;
    const auto question = path.indexOf(QLatin1Char('?'));
    url.setPath(QStringLiteral("/v2/") + (question >= 0 ? path.left(question) : path));
    if (question >= 0)
        url.setQuery(path.mid(question + 1));
    return url;
}

} // namespace ocular
