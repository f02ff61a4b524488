#pragma once

#include "base/result.h"

#include <QString>
#include <QUrl>

namespace ocular {

/// Where a registry's API lives: `registry` is the name used in references (docker.io,
/// localhost:5000), `baseUrl` the scheme://host:port the /v2/ API is served from.
struct RegistryEndpoint
{
    QString registry;
    QUrl baseUrl;

    /// Accepts `host[:port]`, `http://host:port` or `https://host`. Plain http is chosen
    /// automatically only for loopback hosts; for others it must be explicit in the URL and
    /// `allowInsecureHttp` must be set.
    static Result<RegistryEndpoint> parse(const QString &text, bool allowInsecureHttp = false);

    /// baseUrl + `/v2/` + path (path already escaped where needed).
    QUrl apiUrl(const QString &path) const;
    bool isPlainHttp() const { return baseUrl.scheme() == QLatin1String("http"); }
};

} // namespace ocular
