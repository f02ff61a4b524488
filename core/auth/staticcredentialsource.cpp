#include "staticcredentialsource.h"

#include <QMutexLocker>

namespace ocular {

void StaticCredentialSource::set(const QString &registry, const Credentials &credentials)
{
    QMutexLocker lock(&m_mutex);
    m_credentials.insert(registry.toLower(), credentials);
}

void StaticCredentialSource::remove(const QString &registry)
{
    QMutexLocker lock(&m_mutex);
    m_credentials.remove(registry.toLower());
}

Result<std::optional<Credentials>> StaticCredentialSource::lookup(const QString &registry)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_credentials.constFind(registry.toLower());
    if (it == m_credentials.constEnd())
        return std::optional<Credentials>();
    return std::optional<Credentials>(*it);
}

} // namespace ocular
