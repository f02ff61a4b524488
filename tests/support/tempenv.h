#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QTemporaryDir>

#include <optional>
#include <utility>

namespace ocular::test {

/// Points the per-user locations (XDG_CACHE_HOME, XDG_CONFIG_HOME, XDG_DATA_HOME,
/// DOCKER_CONFIG) at fresh temporary directories, unsets REGISTRY_AUTH_FILE, and lets a test set
/// more variables; everything is restored when this goes out of scope. Keeps tests away from
/// the developer's real credentials and caches.
class TempEnv
{
public:
    TempEnv();
    ~TempEnv();
    TempEnv(const TempEnv &) = delete;
    TempEnv &operator=(const TempEnv &) = delete;

    /// Sets @p name for the lifetime of this object.
    void set(const char *name, const QString &value);
    /// Removes @p name for the lifetime of this object.
    void unset(const char *name);

    /// The temporary root everything lives under.
    QString root() const { return m_dir.path(); }
    QString cacheHome() const;
    QString configHome() const;
    QString dataHome() const;
    /// DOCKER_CONFIG: write config.json here.
    QString dockerConfigDir() const;

private:
    void remember(const char *name);

    QTemporaryDir m_dir;
    // Original values, in the order first touched; nullopt = was unset.
    QList<std::pair<QByteArray, std::optional<QByteArray>>> m_saved;
};

} // namespace ocular::test
