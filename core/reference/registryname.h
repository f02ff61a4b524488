#pragma once

#include "base/result.h"

#include <QString>

namespace ocular {

/// A registry as named in references: a DNS name, IPv4 or [IPv6] host with an optional port,
/// with Docker Hub's aliases folded into `docker.io` (the one place that normalisation lives).
class RegistryName
{
public:
    RegistryName() = default;

    /// Validates and normalises a `host[:port]`; no scheme, no path.
    static Result<RegistryName> parse(QStringView text);
    /// The grammar alone, without normalising.
    static bool isValid(QStringView host);
    /// docker.io, index.docker.io and registry-1.docker.io (any case) become `docker.io`;
    /// everything else is returned unchanged.
    static QString normalised(const QString &host);
    /// Whether @p host is one of Docker Hub's names.
    static bool isDockerHubHost(QStringView host);
    /// The host the HTTP API lives on: docker.io → registry-1.docker.io; others unchanged.
    static QString apiHostFor(const QString &host);
    /// Docker Hub, the registry a reference without a host names.
    static RegistryName dockerHub();

    bool isValid() const { return !m_host.isEmpty(); }
    bool isDockerHub() const;
    /// The normalised `host[:port]`.
    const QString &toString() const { return m_host; }
    QString apiHost() const { return apiHostFor(m_host); }

    friend bool operator==(const RegistryName &, const RegistryName &) = default;

private:
    explicit RegistryName(QString host)
        : m_host(std::move(host))
    {}
    QString m_host;
};

} // namespace ocular
