#include "staticcredentialsource.h"

namespace ocular {

void StaticCredentialSource::set(const QString &registry, const Credentials &credentials)
{
    m_credentials.insert(registry.toLower(), credentials);
}

void StaticCredentialSource::remove(const QString &registry)
{
    m_credentials.remove(registry.toLower());
}

std::optional<Credentials> StaticCredentialSource::lookup(const QString &registry)
{
    const auto it = m_credentials.constFind(registry.toLower());
    if (it == m_credentials.constEnd())
        return std::nullopt;
    return *it;
}

} // namespace ocular
