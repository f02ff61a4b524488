#pragma once

#include "base/result.h"

#include <QString>
#include <QUrl>
#include <QUrlQuery>

namespace ocular {

/// Where a registry's API lives: `registry` is the name used in references (docker.io,
/// localhost:5000), `baseUrl` the scheme://host:port the /v2/ API is served from.
struct RegistryEndpoint
{
    QString registry;
    QUrl baseUrl;
    /// A loopback host given without a scheme: baseUrl is https, and plain HTTP is used when
    /// the port turns out not to speak TLS (HttpClient::allowPlainHttpFallback; RegistryClient
    /// switches baseUrl when that happens). Never set for an explicit scheme.
    bool plainHttpFallback = false;

    /// Accepts `host[:port]`, `http://host:port` or `https://host`. Without a scheme a
    /// registry is https; a loopback one falls back to plain http if its port does not speak
    /// TLS (what docker does for insecure registries). For other hosts plain http must be
    /// explicit in the URL and `allowInsecureHttp` must be set.
    static Result<RegistryEndpoint> parse(const QString &text, bool allowInsecureHttp = false);

    /// baseUrl + `/v2/` + path (built from validated names) with `query` apart from it.
    QUrl apiUrl(const QString &path, const QUrlQuery &query = {}) const;
    bool isPlainHttp() const { return baseUrl.scheme() == QLatin1String("http"); }
    /// How to name this endpoint so that parse() gives it back: no scheme while the fallback
    /// is still open, so a settings round trip does not pin https on a plain loopback port.
    QString address() const;
};

} // namespace ocular
