#include "credentialchain.h"

#include "auth/containersauthcredentialsource.h"
#include "auth/dockerconfigcredentialsource.h"

namespace ocular {

void CredentialChain::append(CredentialSource *source)
{
    if (source)
        m_sources.append(source);
}

void CredentialChain::append(std::unique_ptr<CredentialSource> source)
{
    if (!source)
        return;
    m_sources.append(source.get());
    m_owned.push_back(std::move(source));
}

Result<std::optional<Credentials>> CredentialChain::lookup(const QString &registry)
{
    std::optional<Error> firstError;
    for (CredentialSource *source : std::as_const(m_sources)) {
        auto found = source->lookup(registry);
        if (!found) {
            if (!firstError)
                firstError = found.error();
            continue;
        }
        if (found.value() && !found.value()->isEmpty())
            return found;
    }
    if (firstError)
        return *firstError;
    return std::optional<Credentials>();
}

std::unique_ptr<CredentialChain> CredentialChain::standard(CredentialSource *first,
                                                           int helperTimeoutMs)
{
    auto chain = std::make_unique<CredentialChain>();
    chain->append(first);
    chain->append(std::make_unique<DockerConfigCredentialSource>(QString(), helperTimeoutMs));
    chain->append(std::make_unique<ContainersAuthCredentialSource>(helperTimeoutMs));
    return chain;
}

} // namespace ocular
