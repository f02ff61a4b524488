#include "registrysources.h"

#include "registry/registryclient.h"
#include "registry/registryendpoint.h"
#include "source/registrysource.h"
#include "stack/registrystack.h"

namespace ocular {

RegistrySources::RegistrySources(RegistryStack *stack, QObject *parent)
    : QObject(parent)
    , m_stack(stack)
{}

Result<RegistrySource *> RegistrySources::forUrl(const QString &url)
{
    if (RegistrySource *known = m_sources.value(url))
        return known;
    // A URL the user wrote with http:// explicitly was consented to in the dialog.
    const bool explicitHttp = url.startsWith(QLatin1String("http://"));
    const Result<RegistryEndpoint> endpoint = RegistryEndpoint::parse(url, explicitHttp);
    if (!endpoint)
        return endpoint.error();
    RegistryClient *client = m_stack->createClient(endpoint.value(), this);
    auto *source = new RegistrySource(client, client);
    m_sources.insert(url, source);
    return source;
}

} // namespace ocular
