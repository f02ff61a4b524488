#include "dockerconfig.h"

#include "auth/credentialhelper.h"
#include "reference/registryname.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace ocular {

namespace {

constexpr qint64 ConfigSizeCap = 4 * 1024 * 1024;
const QString DockerHubKey = QStringLiteral("https://index.docker.io/v1/");

bool isDockerHub(const QString &host)
{
    return RegistryName::isDockerHubHost(host);
}

// The value looked up in a map keyed by registry: exact key first, then normalised hosts.
template <typename T> const T *findFor(const QHash<QString, T> &map, const QString &registry)
{
    const QString key = DockerConfig::serverKey(registry);
    if (const auto it = map.constFind(key); it != map.constEnd())
        return &it.value();
    const QString host = DockerConfig::hostOfKey(registry);
    const bool hub = isDockerHub(host);
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        const QString candidate = DockerConfig::hostOfKey(it.key());
        if (candidate == host || (hub && isDockerHub(candidate)))
            return &it.value();
    }
    return nullptr;
}

} // namespace

QString DockerConfig::defaultPath()
{
    const QString dir = qEnvironmentVariable("DOCKER_CONFIG");
    if (!dir.isEmpty())
        return QDir(dir).filePath(QStringLiteral("config.json"));
    return QDir::home().filePath(QStringLiteral(".docker/config.json"));
}

QString DockerConfig::hostOfKey(const QString &key)
{
    QString host = key.trimmed().toLower();
    if (host.startsWith(QLatin1String("http://")))
        host = host.mid(7);
    else if (host.startsWith(QLatin1String("https://")))
        host = host.mid(8);
    return host.section(QLatin1Char('/'), 0, 0);
}

QString DockerConfig::serverKey(const QString &registry)
{
    const QString host = hostOfKey(registry);
    return isDockerHub(host) ? DockerHubKey : host;
}

Result<DockerConfig> DockerConfig::load(const QString &path)
{
    QFile file(path);
    if (!file.exists()) {
        DockerConfig empty;
        empty.m_path = path;
        return empty;
    }
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(ErrorKind::Auth,
                           QStringLiteral("Cannot read %1: %2")
                               .arg(QDir::toNativeSeparators(path), file.errorString()));
    const QByteArray json = file.read(ConfigSizeCap + 1);
    if (json.size() > ConfigSizeCap)
        return Error::make(ErrorKind::Auth, QStringLiteral("%1 is too large to be a credentials "
                                                           "file.")
                                                .arg(QDir::toNativeSeparators(path)));
    return parse(json, path);
}

Result<DockerConfig> DockerConfig::parse(const QByteArray &json, const QString &pathForMessages)
{
    DockerConfig config;
    config.m_path = pathForMessages;
    if (json.trimmed().isEmpty())
        return config;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject())
        // The parser's message names an offset, never the content, so it is safe to show.
        return Error::make(ErrorKind::Auth, QStringLiteral("%1 is not valid JSON (%2 at offset "
                                                           "%3).")
                                                .arg(QDir::toNativeSeparators(pathForMessages),
                                                     parseError.errorString())
                                                .arg(parseError.offset));
    const QJsonObject root = doc.object();
    const QJsonObject helpers = root.value(QLatin1String("credHelpers")).toObject();
    for (auto it = helpers.constBegin(); it != helpers.constEnd(); ++it) {
        if (it.value().isString())
            config.m_credHelpers.insert(it.key(), it.value().toString());
    }
    config.m_credsStore = root.value(QLatin1String("credsStore")).toString();
    const QJsonObject auths = root.value(QLatin1String("auths")).toObject();
    for (auto it = auths.constBegin(); it != auths.constEnd(); ++it) {
        const QJsonObject entry = it.value().toObject();
        AuthEntry auth;
        auth.auth = entry.value(QLatin1String("auth")).toString();
        auth.username = entry.value(QLatin1String("username")).toString();
        auth.password = entry.value(QLatin1String("password")).toString();
        auth.identityToken = entry.value(QLatin1String("identitytoken")).toString();
        config.m_auths.insert(it.key(), auth);
    }
    return config;
}

QString DockerConfig::helperFor(const QString &registry) const
{
    if (const QString *helper = findFor(m_credHelpers, registry); helper && !helper->isEmpty())
        return *helper;
    return m_credsStore;
}

std::optional<DockerConfig::AuthEntry> DockerConfig::authFor(const QString &registry) const
{
    if (const AuthEntry *entry = findFor(m_auths, registry))
        return *entry;
    return std::nullopt;
}

Result<std::optional<Credentials>>
DockerConfig::lookup(const QString &registry, const QString &sourceLabel, int helperTimeoutMs) const
{
    const QString helperName = helperFor(registry);
    if (!helperName.isEmpty()) {
        const CredentialHelper helper(helperName, helperTimeoutMs);
        auto found = helper.get(serverKey(registry));
        if (!found)
            return found.error();
        if (found.value()) {
            found.value()->source =
                QStringLiteral("%1 (%2)").arg(sourceLabel, found.value()->source);
            return found;
        }
        // The helper has nothing: docker still consults `auths` (e.g. written before the
        // helper was configured), so do the same.
    }
    const auto entry = authFor(registry);
    if (!entry)
        return std::optional<Credentials>();
    Credentials credentials;
    credentials.source = sourceLabel;
    if (!entry->auth.isEmpty()) {
        const auto decoded = QByteArray::fromBase64Encoding(
            entry->auth.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        const qsizetype colon = decoded.decoded.indexOf(':');
        if (!decoded || colon < 0)
            return Error::make(ErrorKind::Auth,
                               QStringLiteral("The \"auth\" entry for %1 in %2 is not base64 of "
                                              "user:password.")
                                   .arg(registry, QDir::toNativeSeparators(m_path)));
        credentials.username = QString::fromUtf8(decoded.decoded.left(colon));
        credentials.secret = QString::fromUtf8(decoded.decoded.mid(colon + 1));
    } else if (!entry->username.isEmpty() || !entry->password.isEmpty()) {
        credentials.username = entry->username;
        credentials.secret = entry->password;
    }
    if (!entry->identityToken.isEmpty()) {
        credentials.secret = entry->identityToken;
        credentials.isIdentityToken = true;
    }
    if (credentials.isEmpty())
        return std::optional<Credentials>();
    return std::optional<Credentials>(credentials);
}

} // namespace ocular
