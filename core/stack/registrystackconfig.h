#pragma once

#include "http/retrypolicy.h"
#include "http/tlssettings.h"
#include "registry/registryendpoint.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

class QNetworkAccessManager;

namespace ocular {

class AuthProvider;
class CredentialSource;

/// Everything RegistryStack needs to assemble the network side: one value, filled by the GUI
/// from its settings, by the CLI from its flags, by tests from what they exercise.
struct RegistryStackConfig
{
    /// The registry RegistryStack::client() talks to; without it, make clients with
    /// RegistryStack::createClient() (the GUI has one per registry in its list).
    std::optional<RegistryEndpoint> endpoint;

    /// TLS per host (RegistryEndpoint::baseUrl.host()); a file that cannot be loaded makes
    /// RegistryStack::create() fail.
    QHash<QString, TlsSettings> tls;

    /// Asked first, in this order (command-line flags, session logins, the OS keychain). Not
    /// owned: each must outlive the stack and any credential lookup it started.
    QList<CredentialSource *> credentialSources;
    /// Then docker's config.json (with its helpers) and containers auth.json, as docker and
    /// podman find them. Tests switch this off so that a developer's logins never leak in.
    bool dockerAndPodmanCredentials = true;
    int credentialHelperTimeoutMs = 15000;
    /// No authenticator at all: challenges fail (tests of the bare HTTP path).
    bool anonymousOnly = false;
    /// Answers challenges instead of a RegistryAuthenticator (which is then not made, nor the
    /// credential chain): tests of HttpClient's challenge path. Not owned; must outlive the
    /// stack.
    AuthProvider *authProvider = nullptr;

    std::optional<RetryPolicy> retryPolicy;
    std::optional<int> transferTimeoutMs;
    std::optional<int> maxConcurrentPerOrigin;
    /// Redirects one request may follow before it fails (HttpClient: 10).
    std::optional<int> maxRedirects;
    std::optional<qint64> maxManifestBytes;
    /// Pages a listing follows before it stops with what it has (RegistryClient: 1000).
    std::optional<int> maxPages;

    enum class Cache
    {
        None,   ///< nothing cached: every read goes to the registry (CLI, most tests)
        Memory, ///< memory only
        Disk,   ///< memory in front of cacheDirectory (default: the XDG cache location)
    };
    Cache cache = Cache::None;
    QString cacheDirectory;
    /// Budget of the cache's memory tier (ContentCache: 64 MiB).
    std::optional<qint64> cacheMemoryBytes;

    /// Use this network manager instead of creating one (not owned).
    QNetworkAccessManager *network = nullptr;
    /// Connect directly, ignoring the system and environment proxy (also on a given network
    /// manager): loopback registries and fault proxies in tests must not be reached through a
    /// developer's http_proxy.
    bool noProxy = false;
};

} // namespace ocular
