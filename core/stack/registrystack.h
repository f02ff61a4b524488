#pragma once

#include "base/result.h"
#include "stack/registrystackconfig.h"

#include <QObject>

#include <memory>

class QNetworkAccessManager;

namespace ocular {

class CachingSource;
class ContentCache;
class ContentSource;
class CredentialChain;
class HttpClient;
class RegistryAuthenticator;
class RegistryClient;
class RegistrySource;

/// The one wiring of the network side: network manager → HttpClient (TLS, retries, timeouts)
/// → credential chain → RegistryAuthenticator → RegistryClient, plus the content cache. The
/// GUI, the CLI and the test rigs all build it from a RegistryStackConfig instead of wiring
/// the parts by hand. Lives on the thread that created it.
///
/// Credential lookups run on the thread pool (docker's config.json and its helpers are never
/// read on the creating thread); the sources must outlive those lookups, so a program waits
/// for the pool before destroying the stack (as both main() functions do).
class RegistryStack : public QObject
{
    Q_OBJECT
public:
    static Result<std::unique_ptr<RegistryStack>> create(const RegistryStackConfig &config,
                                                         QObject *parent = nullptr);
    ~RegistryStack() override;

    const RegistryStackConfig &config() const { return m_config; }
    QNetworkAccessManager *network() const { return m_network; }
    HttpClient *http() const { return m_http.get(); }
    /// Null when anonymousOnly or when the config brings its own authProvider.
    RegistryAuthenticator *authenticator() const { return m_auth.get(); }
    /// Null when the config names no source at all.
    CredentialChain *credentials() const { return m_credentials.get(); }
    /// Null with Cache::None.
    ContentCache *cache() const { return m_cache.get(); }
    /// The client for config().endpoint; null when the config has none.
    RegistryClient *client() const { return m_client; }
    /// What consumers of a ContentSource read config().endpoint through: registrySource(),
    /// behind a CachingSource on cache() when the config names a cache. Null without endpoint.
    ContentSource *source() const;
    /// The uncached RegistrySource under source(); null without endpoint. Without a cache it
    /// reads through client(); with one, through a client of its own that does not cache (so
    /// that source() stores each file once).
    RegistrySource *registrySource() const { return m_registrySource.get(); }

    /// A client for another registry on the same HTTP stack, cache and credentials, owned by
    /// @p parent (this stack when null); it must not outlive the stack.
    RegistryClient *createClient(const RegistryEndpoint &endpoint, QObject *parent = nullptr);

private:
    explicit RegistryStack(const RegistryStackConfig &config, QObject *parent);
    Result<Done> assemble();

    RegistryStackConfig m_config;
    // Declared in build order: destroyed in reverse, clients before what they use.
    std::unique_ptr<QNetworkAccessManager> m_ownNetwork;
    QNetworkAccessManager *m_network = nullptr;
    std::unique_ptr<ContentCache> m_cache;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<CredentialChain> m_credentials;
    std::unique_ptr<RegistryAuthenticator> m_auth;
    RegistryClient *m_client = nullptr; ///< child of this stack
    std::unique_ptr<RegistrySource> m_registrySource;
    std::unique_ptr<CachingSource> m_cachingSource;
};

} // namespace ocular
