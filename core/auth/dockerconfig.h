#pragma once

#include "auth/credentials.h"
#include "base/result.h"

#include <QHash>
#include <QString>

#include <optional>

namespace ocular {

/// The credential parts of docker's config.json (also the format of containers' auth.json):
/// `credHelpers`, `credsStore` and `auths`. Read-only: Ocular never writes these files.
class DockerConfig
{
public:
    /// One `auths` entry as stored (secrets stay in memory only).
    struct AuthEntry
    {
        QString auth;     ///< base64 "user:password"
        QString username; ///< explicit fields some tools write instead of `auth`
        QString password;
        QString identityToken; ///< OAuth2 refresh token
    };

    /// `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`.
    static QString defaultPath();
    /// The key docker uses for a registry: `https://index.docker.io/v1/` for Docker Hub,
    /// host[:port] otherwise. Helpers are asked with this too.
    static QString serverKey(const QString &registry);
    /// A config key reduced to host[:port] the way docker does (scheme and path dropped).
    static QString hostOfKey(const QString &key);

    /// Parses the file; a missing file is an empty config, unreadable JSON an Error.
    static Result<DockerConfig> load(const QString &path);
    static Result<DockerConfig> parse(const QByteArray &json, const QString &pathForMessages);

    QString path() const { return m_path; }
    /// The helper responsible for @p registry: credHelpers[key], else credsStore; empty if none.
    QString helperFor(const QString &registry) const;
    /// The `auths` entry for @p registry (exact key first, then by normalised host).
    std::optional<AuthEntry> authFor(const QString &registry) const;

    /// Credentials in docker's precedence: credHelpers[host], credsStore, auths[host].
    /// `sourceLabel` names the file in Credentials::source.
    Result<std::optional<Credentials>> lookup(const QString &registry, const QString &sourceLabel,
                                              int helperTimeoutMs) const;

private:
    QString m_path;
    QHash<QString, QString> m_credHelpers;
    QString m_credsStore;
    QHash<QString, AuthEntry> m_auths;
};

} // namespace ocular
