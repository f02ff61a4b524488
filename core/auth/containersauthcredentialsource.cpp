#include "containersauthcredentialsource.h"

#include "auth/dockerconfig.h"

#include <QDir>

namespace ocular {

ContainersAuthCredentialSource::ContainersAuthCredentialSource(int helperTimeoutMs)
    : m_helperTimeoutMs(helperTimeoutMs)
{}

QStringList ContainersAuthCredentialSource::searchPath()
{
    const QString explicitFile = qEnvironmentVariable("REGISTRY_AUTH_FILE");
    if (!explicitFile.isEmpty())
        return {explicitFile};
    QStringList files;
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtime.isEmpty())
        files << QDir(runtime).filePath(QStringLiteral("containers/auth.json"));
    QString config = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (config.isEmpty())
        config = QDir::home().filePath(QStringLiteral(".config"));
    files << QDir(config).filePath(QStringLiteral("containers/auth.json"));
    return files;
}

Result<std::optional<Credentials>> ContainersAuthCredentialSource::lookup(const QString &registry)
{
    for (const QString &file : searchPath()) {
        const auto config = DockerConfig::load(file);
        if (!config)
            return config.error();
        auto found = config.value().lookup(
            registry, QStringLiteral("containers auth %1").arg(QDir::toNativeSeparators(file)),
            m_helperTimeoutMs);
        if (!found || found.value())
            return found;
    }
    return std::optional<Credentials>();
}

} // namespace ocular
