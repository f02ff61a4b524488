#include "registrystack.h"

#include "auth/containersauthcredentialsource.h"
#include "auth/credentialchain.h"
#include "auth/dockerconfigcredentialsource.h"
#include "auth/registryauthenticator.h"
#include "cache/contentcache.h"
#include "http/httpclient.h"
#include "registry/registryclient.h"
#include "source/cachingsource.h"
#include "source/registrysource.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>

namespace ocular {

RegistryStack::RegistryStack(const RegistryStackConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
{}

RegistryStack::~RegistryStack()
{
    // The sources first (they use the client), then the children (the clients): they hold
    // the HttpClient.
    m_cachingSource.reset();
    m_registrySource.reset();
    const QList<RegistryClient *> clients = findChildren<RegistryClient *>();
    qDeleteAll(clients);
    m_client = nullptr;
    // The HttpClient goes after the authenticator, as in a hand-wired stack; it must not ask
    // a destroyed one while it cancels what is still queued.
    if (m_http)
        m_http->setAuthProvider(nullptr);
    m_auth.reset();
    m_http.reset();
}

Result<std::unique_ptr<RegistryStack>> RegistryStack::create(const RegistryStackConfig &config,
                                                             QObject *parent)
{
    std::unique_ptr<RegistryStack> stack(new RegistryStack(config, parent));
    if (auto assembled = stack->assemble(); !assembled)
        return assembled.error();
    return stack;
}

Result<Done> RegistryStack::assemble()
{
    if (m_config.network) {
        m_network = m_config.network;
    } else {
        m_ownNetwork = std::make_unique<QNetworkAccessManager>();
        m_network = m_ownNetwork.get();
    }
    if (m_config.noProxy)
        m_network->setProxy(QNetworkProxy::NoProxy);
    m_http = std::make_unique<HttpClient>(m_network);
    for (auto it = m_config.tls.constBegin(); it != m_config.tls.constEnd(); ++it) {
        if (auto applied = m_http->setTlsSettings(it.key(), it.value()); !applied)
            return applied.error();
    }
    if (m_config.retryPolicy)
        m_http->setRetryPolicy(*m_config.retryPolicy);
    if (m_config.transferTimeoutMs)
        m_http->setTransferTimeoutMs(*m_config.transferTimeoutMs);
    if (m_config.maxConcurrentPerOrigin)
        m_http->setMaxConcurrentPerOrigin(*m_config.maxConcurrentPerOrigin);
    if (m_config.maxRedirects)
        m_http->setMaxRedirects(*m_config.maxRedirects);

    if (m_config.authProvider) {
        m_http->setAuthProvider(m_config.authProvider);
    } else if (!m_config.anonymousOnly) {
        if (!m_config.credentialSources.isEmpty() || m_config.dockerAndPodmanCredentials) {
            m_credentials = std::make_unique<CredentialChain>();
            for (CredentialSource *source : std::as_const(m_config.credentialSources))
                m_credentials->append(source);
            if (m_config.dockerAndPodmanCredentials) {
                m_credentials->append(std::make_unique<DockerConfigCredentialSource>(
                    QString(), m_config.credentialHelperTimeoutMs));
                m_credentials->append(std::make_unique<ContainersAuthCredentialSource>(
                    m_config.credentialHelperTimeoutMs));
            }
        }
        m_auth = std::make_unique<RegistryAuthenticator>(m_http.get(), m_credentials.get());
        m_http->setAuthProvider(m_auth.get());
    }

    const auto makeCache = [this](const QString &directory) {
        if (m_config.cacheMemoryBytes)
            return std::make_unique<ContentCache>(directory, *m_config.cacheMemoryBytes);
        return std::make_unique<ContentCache>(directory);
    };
    switch (m_config.cache) {
    case RegistryStackConfig::Cache::None:
        break;
    case RegistryStackConfig::Cache::Memory:
        m_cache = makeCache(QString());
        break;
    case RegistryStackConfig::Cache::Disk:
        m_cache = makeCache(m_config.cacheDirectory.isEmpty() ? ContentCache::defaultDirectory()
                                                              : m_config.cacheDirectory);
        break;
    }

    if (m_config.endpoint) {
        m_client = createClient(*m_config.endpoint, this);
        // Behind the CachingSource, a client that caches too would store every manifest and
        // blob a second time: the source reads through a client of its own that does not.
        RegistryClient *sourceClient = m_client;
        if (m_cache) {
            sourceClient = createClient(*m_config.endpoint, this);
            sourceClient->setCache(nullptr);
        }
        m_registrySource = std::make_unique<RegistrySource>(sourceClient);
        if (m_cache)
            m_cachingSource =
                std::make_unique<CachingSource>(m_registrySource.get(), m_cache.get());
    }
    return Done{};
}

ContentSource *RegistryStack::source() const
{
    if (m_cachingSource)
        return m_cachingSource.get();
    return m_registrySource.get();
}

RegistryClient *RegistryStack::createClient(const RegistryEndpoint &endpoint, QObject *parent)
{
    auto *client = new RegistryClient(m_http.get(), endpoint, parent ? parent : this);
    client->setCache(m_cache.get());
    if (m_config.maxManifestBytes)
        client->setMaxManifestBytes(*m_config.maxManifestBytes);
    if (m_config.maxPages)
        client->setMaxPages(*m_config.maxPages);
    return client;
}

} // namespace ocular
