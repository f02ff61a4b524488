#include "dockerconfigcredentialsource.h"

#include "auth/dockerconfig.h"

#include <QDir>

namespace ocular {

DockerConfigCredentialSource::DockerConfigCredentialSource(QString path, int helperTimeoutMs)
    : m_path(std::move(path))
    , m_helperTimeoutMs(helperTimeoutMs)
{}

QString DockerConfigCredentialSource::path() const
{
    return m_path.isEmpty() ? DockerConfig::defaultPath() : m_path;
}

Result<std::optional<Credentials>> DockerConfigCredentialSource::lookup(const QString &registry)
{
    const QString file = path();
    const auto config = DockerConfig::load(file);
    if (!config)
        return config.error();
    return config.value().lookup(
        registry, QStringLiteral("docker config %1").arg(QDir::toNativeSeparators(file)),
        m_helperTimeoutMs);
}

} // namespace ocular
