#include "registryauthenticator.h"

#include "auth/authchallenge.h"
#include "auth/credentialsource.h"
#include "http/httpclient.h"
#include "http/originpolicy.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace ocular {

namespace {

QString registryKey(const QUrl &url)
{
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    QString host = url.host().toLower();
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    if (url.port(defaultPort) != defaultPort)
        host += QLatin1Char(':') + QString::number(url.port());
    if (host == QLatin1String("registry-1.docker.io"))
        return QStringLiteral("docker.io");
    return host;
}

QByteArray basicHeader(const Credentials &credentials)
{
    return "Basic " +
           (credentials.username + QLatin1Char(':') + credentials.secret).toUtf8().toBase64();
}

const AuthChallenge *pick(const QList<AuthChallenge> &challenges, const QString &scheme)
{
    for (const AuthChallenge &challenge : challenges) {
        if (challenge.scheme == scheme)
            return &challenge;
    }
    return nullptr;
}

} // namespace

RegistryAuthenticator::RegistryAuthenticator(HttpClient *http, CredentialSource *credentials,
                                             QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_credentials(credentials)
{}

std::optional<Credentials> RegistryAuthenticator::credentialsFor(const QUrl &url) const
{
    if (!m_credentials)
        return std::nullopt;
    auto credentials = m_credentials->lookup(registryKey(url));
    if (credentials && credentials->isEmpty())
        return std::nullopt;
    return credentials;
}

QByteArray RegistryAuthenticator::authorization(const QUrl &url, const QString &scope)
{
    const QString origin = originpolicy::origin(url);
    const QString token = m_tokens.lookup(origin, scope);
    if (!token.isEmpty())
        return "Bearer " + token.toUtf8();
    if (m_basicOrigins.contains(origin)) {
        if (const auto credentials = credentialsFor(url))
            return basicHeader(*credentials);
    }
    return {};
}

void RegistryAuthenticator::forget(const QUrl &registryUrl)
{
    const QString origin = originpolicy::origin(registryUrl);
    m_tokens.clear(origin);
    m_basicOrigins.remove(origin);
    m_realmHosts.remove(origin);
}

void RegistryAuthenticator::handleChallenge(const QUrl &url, const QList<QByteArray> &headers,
                                            const QString &scope,
                                            std::function<void(Result<Done>)> done)
{
    const QList<AuthChallenge> challenges = AuthChallenge::parse(headers);
    const QString origin = originpolicy::origin(url);
    const QString host = registryKey(url);

    if (const AuthChallenge *bearer = pick(challenges, QStringLiteral("bearer"))) {
        fetchToken(url, *bearer, scope, std::move(done));
        return;
    }
    if (pick(challenges, QStringLiteral("basic"))) {
        const auto credentials = credentialsFor(url);
        if (!credentials) {
            done(Error::make(
                ErrorKind::Auth,
                QStringLiteral("%1 requires a login (Basic authentication).").arg(host), 401));
            return;
        }
        if (m_basicOrigins.contains(origin)) {
            done(Error::make(ErrorKind::Auth,
                             QStringLiteral("%1 rejected the username or password (from %2).")
                                 .arg(host, credentials->source.isEmpty()
                                                ? QStringLiteral("stored credentials")
                                                : credentials->source),
                             401));
            return;
        }
        m_basicOrigins.insert(origin);
        done(Done{});
        return;
    }
    done(Error::make(
        ErrorKind::Auth,
        QStringLiteral("%1 asks for an authentication scheme Ocular does not support.").arg(host),
        401));
}

void RegistryAuthenticator::fetchToken(const QUrl &url, const AuthChallenge &challenge,
                                       const QString &scope, std::function<void(Result<Done>)> done)
{
    const QString origin = originpolicy::origin(url);
    const QString host = registryKey(url);
    const QUrl realm(challenge.param(QStringLiteral("realm")), QUrl::StrictMode);
    const QString realmScheme = realm.scheme().toLower();
    auto refuse = [&](const QString &why) {
        done(Error::make(ErrorKind::Refused,
                         QStringLiteral("Refused the token service of %1: %2.").arg(host, why),
                         401));
    };
    if (!realm.isValid() || realm.host().isEmpty())
        return refuse(QStringLiteral("the challenge has no valid realm URL"));
    if (realmScheme != QLatin1String("https") && realmScheme != QLatin1String("http"))
        return refuse(QStringLiteral("the realm uses the unsupported scheme \"%1\"")
                          .arg(realmScheme.left(20)));
    if (url.scheme() == QLatin1String("https") && realmScheme == QLatin1String("http"))
        return refuse(QStringLiteral("the realm would downgrade HTTPS to plain HTTP"));
    if (realmScheme == QLatin1String("http") && !originpolicy::isLoopbackHost(realm.host()))
        return refuse(QStringLiteral("the realm uses plain HTTP on a non-loopback host"));
    const QString realmOrigin = originpolicy::origin(realm);
    const auto knownRealm = m_realmHosts.constFind(origin);
    if (knownRealm != m_realmHosts.constEnd() && *knownRealm != realmOrigin)
        return refuse(QStringLiteral("the realm moved to another host during the session"));
    m_realmHosts.insert(origin, realmOrigin);

    QStringList scopes;
    for (const QString &s :
         challenge.param(QStringLiteral("scope")).split(QLatin1Char(' '), Qt::SkipEmptyParts))
        scopes << s;
    if (!scope.isEmpty() && !scopes.contains(scope))
        scopes << scope;

    QUrl tokenUrl = realm;
    QUrlQuery query(realm);
    const QString service = challenge.param(QStringLiteral("service"));
    if (!service.isEmpty())
        query.addQueryItem(QStringLiteral("service"), service);
    for (const QString &s : scopes)
        query.addQueryItem(QStringLiteral("scope"), s);
    tokenUrl.setQuery(query);

    HttpRequest request;
    request.url = tokenUrl;
    request.maxResponseBytes = 1024 * 1024;
    const auto credentials = credentialsFor(url);
    if (credentials && !credentials->isIdentityToken)
        request.setHeader("Authorization", basicHeader(*credentials));
    if (credentials && credentials->isIdentityToken) {
        // OAuth2 refresh-token grant; a realm that does not offer POST answers 404.
        request.method = "POST";
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
        form.addQueryItem(QStringLiteral("refresh_token"), credentials->secret);
        form.addQueryItem(QStringLiteral("service"), service);
        form.addQueryItem(QStringLiteral("client_id"), QStringLiteral("ocular"));
        if (!scopes.isEmpty())
            form.addQueryItem(QStringLiteral("scope"), scopes.join(QLatin1Char(' ')));
        request.url = realm;
        request.body = form.query(QUrl::FullyEncoded).toUtf8();
        request.setHeader("Content-Type", "application/x-www-form-urlencoded");
    }
    ++m_tokenRequests;
    const bool hadCredentials = credentials.has_value();
    m_http->send(
        request, this,
        [this, origin, host, scope, hadCredentials, done](Result<HttpResponse> result) {
            if (!result.ok()) {
                Error error = result.error();
                error.message =
                    QStringLiteral("Could not get a token for %1: %2").arg(host, error.message);
                done(error);
                return;
            }
            const HttpResponse &response = result.value();
            if (response.status == 401 || response.status == 403) {
                done(Error::make(ErrorKind::Auth,
                                 hadCredentials
                                     ? QStringLiteral("%1 rejected the credentials.").arg(host)
                                     : QStringLiteral("%1 requires a login.").arg(host),
                                 response.status));
                return;
            }
            if (!response.isSuccess()) {
                done(Error::make(ErrorKind::Auth,
                                 QStringLiteral("The token service of %1 answered HTTP %2.")
                                     .arg(host)
                                     .arg(response.status),
                                 response.status));
                return;
            }
            const QJsonObject body = QJsonDocument::fromJson(response.body).object();
            QString token = body.value(QLatin1String("token")).toString();
            if (token.isEmpty())
                token = body.value(QLatin1String("access_token")).toString();
            if (token.isEmpty() || token.size() > 64 * 1024) {
                done(Error::make(
                    ErrorKind::Auth,
                    QStringLiteral("The token service of %1 sent no usable token.").arg(host)));
                return;
            }
            const int expiresIn = body.value(QLatin1String("expires_in")).toInt(60);
            m_tokens.insert(origin, scope, token, expiresIn);
            done(Done{});
        });
}

} // namespace ocular
