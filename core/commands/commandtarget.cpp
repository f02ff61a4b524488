#include "commandtarget.h"

#include "http/httpclient.h"
#include "registry/registryclient.h"
#include "source/cachingsource.h"
#include "source/registrysource.h"

namespace ocular {

CommandTarget CommandTarget::connectionOf(const RegistryClient &client)
{
    CommandTarget target;
    const RegistryEndpoint &endpoint = client.endpoint();
    target.registry = endpoint.registry;
    target.plainHttp = endpoint.isPlainHttp();
    // HttpClient keys TLS settings by host without port (a token service shares the CA).
    if (client.http())
        target.tls = client.http()->tlsSettings(endpoint.baseUrl.host());
    return target;
}

std::optional<CommandTarget> CommandTarget::connectionOf(const ContentSource *source)
{
    while (const auto *caching = qobject_cast<const CachingSource *>(source))
        source = caching->inner();
    const auto *registry = qobject_cast<const RegistrySource *>(source);
    if (!registry || !registry->client())
        return std::nullopt;
    return connectionOf(*registry->client());
}

} // namespace ocular
