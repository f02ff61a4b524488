#include "tempenv.h"

#include <QDir>

namespace ocular::test {

TempEnv::TempEnv()
{
    const auto makeDir = [this](const char *name, const QString &sub) {
        const QString path = m_dir.filePath(sub);
        QDir().mkpath(path);
        set(name, path);
    };
    makeDir("XDG_CACHE_HOME", QStringLiteral("cache"));
    makeDir("XDG_CONFIG_HOME", QStringLiteral("config"));
    makeDir("XDG_DATA_HOME", QStringLiteral("data"));
    makeDir("DOCKER_CONFIG", QStringLiteral("docker"));
    unset("REGISTRY_AUTH_FILE");
}

TempEnv::~TempEnv()
{
    for (auto it = m_saved.crbegin(); it != m_saved.crend(); ++it) {
        if (it->second)
            qputenv(it->first.constData(), *it->second);
        else
            qunsetenv(it->first.constData());
    }
}

void TempEnv::remember(const char *name)
{
    for (const auto &saved : std::as_const(m_saved)) {
        if (saved.first == name)
            return;
    }
    std::optional<QByteArray> original;
    if (qEnvironmentVariableIsSet(name))
        original = qgetenv(name);
    m_saved.append({QByteArray(name), original});
}

void TempEnv::set(const char *name, const QString &value)
{
    remember(name);
    qputenv(name, value.toLocal8Bit());
}

void TempEnv::unset(const char *name)
{
    remember(name);
    qunsetenv(name);
}

QString TempEnv::cacheHome() const
{
    return m_dir.filePath(QStringLiteral("cache"));
}

QString TempEnv::configHome() const
{
    return m_dir.filePath(QStringLiteral("config"));
}

QString TempEnv::dataHome() const
{
    return m_dir.filePath(QStringLiteral("data"));
}

QString TempEnv::dockerConfigDir() const
{
    return m_dir.filePath(QStringLiteral("docker"));
}

} // namespace ocular::test
