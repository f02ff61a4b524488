#include "registryauthenticator.h"

#include "auth/authchallenge.h"
#include "auth/credentialsource.h"
#include "base/offthread.h"
#include "http/httpclient.h"
#include "http/originpolicy.h"
#include "reference/registryname.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace ocular {

namespace {

constexpr qint64 TokenBodyCap = 1024 * 1024;
constexpr qsizetype TokenSizeCap = 64 * 1024;
// How long a failed credential lookup is remembered before the source is asked again.
constexpr int LookupFailureMemorySeconds = 30;

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

// What a worker thread hands back (QFuture needs a default-constructible type).
struct LookupOutcome
{
    std::optional<Credentials> credentials;
    std::optional<Error> error;
};

} // namespace

RegistryAuthenticator::RegistryAuthenticator(HttpClient *http, CredentialSource *credentials,
                                             QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_credentials(credentials)
{}

QString RegistryAuthenticator::registryKey(const QUrl &url)
{
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    QString host = url.host().toLower();
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    if (url.port(defaultPort) != defaultPort)
        host += QLatin1Char(':') + QString::number(url.port());
    return RegistryName::normalised(host);
}

QString RegistryAuthenticator::credentialSource(const QString &registry) const
{
    const auto it = m_resolved.constFind(registry.toLower());
    if (it == m_resolved.constEnd())
        return {};
    if (!it.value())
        return QStringLiteral("anonymous");
    return it.value()->source.isEmpty() ? QStringLiteral("stored credentials") : it.value()->source;
}

void RegistryAuthenticator::withCredentials(const QUrl &url, CredentialsCallback callback)
{
    const QString key = registryKey(url);
    if (const auto it = m_resolved.constFind(key); it != m_resolved.constEnd()) {
        callback(it.value());
        return;
    }
    if (const auto failed = m_lookupFailures.constFind(key);
        failed != m_lookupFailures.constEnd() &&
        failed->when.secsTo(QDateTime::currentDateTimeUtc()) < LookupFailureMemorySeconds) {
        callback(failed->error);
        return;
    }
    if (!m_credentials) {
        m_resolved.insert(key, std::nullopt);
        callback(std::optional<Credentials>());
        return;
    }
    auto &waiting = m_lookups[key];
    waiting.append(std::move(callback));
    if (waiting.size() > 1)
        return; // a lookup is already running
    CredentialSource *source = m_credentials;
    runOffThread<LookupOutcome>(
        this,
        [source, key] {
            LookupOutcome outcome;
            auto found = source->lookup(key);
            if (!found)
                outcome.error = found.error();
            else if (found.value() && !found.value()->isEmpty())
                outcome.credentials = found.value();
            return outcome;
        },
        [this, key](LookupOutcome outcome) {
            const QList<CredentialsCallback> callbacks = m_lookups.take(key);
            Result<std::optional<Credentials>> result =
                outcome.error ? Result<std::optional<Credentials>>(*outcome.error)
                              : Result<std::optional<Credentials>>(outcome.credentials);
            if (outcome.error) {
                m_lookupFailures.insert(key, {*outcome.error, QDateTime::currentDateTimeUtc()});
            } else {
                m_lookupFailures.remove(key);
                m_resolved.insert(key, outcome.credentials);
                Q_EMIT credentialsResolved(key, credentialSource(key));
            }
            for (const CredentialsCallback &callback : callbacks)
                callback(result);
        });
}

QByteArray RegistryAuthenticator::authorization(const QUrl &url, const QString &scope)
{
    const QString origin = originpolicy::origin(url);
    const QString token = m_tokens.lookup(origin, scope);
    if (!token.isEmpty())
        return "Bearer " + token.toUtf8();
    if (m_basicOrigins.contains(origin)) {
        const auto it = m_resolved.constFind(registryKey(url));
        if (it != m_resolved.constEnd() && it.value())
            return basicHeader(*it.value());
    }
    return {};
}

void RegistryAuthenticator::forget(const QUrl &registryUrl)
{
    const QString origin = originpolicy::origin(registryUrl);
    m_tokens.clear(origin);
    m_basicOrigins.remove(origin);
    m_realmHosts.remove(origin);
    m_resolved.remove(registryKey(registryUrl));
    m_lookupFailures.remove(registryKey(registryUrl));
}

void RegistryAuthenticator::handleChallenge(const QUrl &url, const QList<QByteArray> &headers,
                                            const QString &scope, bool sentAuthorization,
                                            std::function<void(Result<Done>)> done)
{
    const QList<AuthChallenge> challenges = AuthChallenge::parse(headers);
    const QString origin = originpolicy::origin(url);
    const QString host = registryKey(url);

    if (const AuthChallenge *bearer = pick(challenges, QStringLiteral("bearer"))) {
        // The request left before another one obtained a token for this scope: just retry.
        if (!sentAuthorization && !m_tokens.lookup(origin, scope).isEmpty()) {
            done(Done{});
            return;
        }
        // An anonymous token was not enough, and the credentials could not be read: that
        // failure (a broken helper, say) is the useful message.
        if (const auto failed = m_lookupFailures.constFind(host);
            sentAuthorization && failed != m_lookupFailures.constEnd() &&
            !m_tokens.lookup(origin, scope).isEmpty()) {
            Error error = failed->error;
            error.httpStatus = 401;
            done(error);
            return;
        }
        fetchToken(url, *bearer, scope, std::move(done));
        return;
    }
    if (pick(challenges, QStringLiteral("basic"))) {
        // Only a request that carried our Basic credentials can have had them rejected; one
        // sent before they were known (concurrent requests) simply retries with them.
        const bool retried = sentAuthorization && m_basicOrigins.contains(origin);
        withCredentials(url, [this, url, origin, host, retried,
                              done = std::move(done)](Result<std::optional<Credentials>> found) {
            if (!found) {
                done(found.error());
                return;
            }
            const std::optional<Credentials> &credentials = found.value();
            if (!credentials) {
                done(Error::make(
                    ErrorKind::Auth,
                    QStringLiteral("%1 requires a login (Basic authentication).").arg(host), 401));
                return;
            }
            if (retried) {
                // Rejected: look the credentials up afresh next time (the user may fix them).
                m_resolved.remove(host);
                m_basicOrigins.remove(origin);
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
        });
        return;
    }
    done(Error::make(
        ErrorKind::Auth,
        QStringLiteral("%1 asks for an authentication scheme Ocular does not support.").arg(host),
        401));
}

void RegistryAuthenticator::fetchToken(const QUrl &url, const AuthChallenge &challenge,
                                       const QString &scope, DoneCallback done)
{
    const QString origin = originpolicy::origin(url);
    const QString host = registryKey(url);
    const QUrl realm(challenge.param(QStringLiteral("realm")), QUrl::StrictMode);
    const QString realmScheme = realm.scheme().toLower();
    // Every check happens before credentials are even looked up, let alone sent.
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
    // Plain HTTP realms: on this machine, or on the very host the user explicitly allowed to
    // speak plain HTTP (the registry URL is http only after that opt-in).
    if (realmScheme == QLatin1String("http") && !originpolicy::isLoopbackHost(realm.host()) &&
        realm.host().compare(url.host(), Qt::CaseInsensitive) != 0)
        return refuse(QStringLiteral("the realm uses plain HTTP on a non-loopback host"));
    if (!realm.userInfo().isEmpty())
        return refuse(QStringLiteral("the realm URL carries user information"));
    const QString realmOrigin = originpolicy::origin(realm);
    const auto knownRealm = m_realmHosts.constFind(origin);
    if (knownRealm != m_realmHosts.constEnd() && *knownRealm != realmOrigin)
        return refuse(QStringLiteral("the realm moved to another host during the session"));
    m_realmHosts.insert(origin, realmOrigin);

    QStringList scopes;
    for (const QString &s :
         challenge.param(QStringLiteral("scope")).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!scopes.contains(s))
            scopes << s;
    }
    if (!scope.isEmpty() && !scopes.contains(scope))
        scopes << scope;
    const QString service = challenge.param(QStringLiteral("service"));

    // Concurrent requests that hit the same challenge share one token request.
    const QString key = origin + QLatin1Char('\n') + scope + QLatin1Char('\n') +
                        scopes.join(QLatin1Char(' ')) + QLatin1Char('\n') + realm.toString();
    auto &waiting = m_tokenFetches[key];
    waiting.append(std::move(done));
    if (waiting.size() > 1)
        return;

    withCredentials(url, [this, url, realm, service, scopes, scope,
                          key](Result<std::optional<Credentials>> found) {
        // Unreadable credentials: try anonymously (public content stays reachable); the
        // failure is reported if anonymous access is refused.
        const std::optional<Credentials> credentials =
            found ? found.value() : std::optional<Credentials>();
        requestToken(key, url, realm, service, scopes, scope, credentials,
                     credentials && credentials->isIdentityToken);
    });
}

void RegistryAuthenticator::finishTokenFetch(const QString &key, const Result<Done> &result)
{
    const QList<DoneCallback> callbacks = m_tokenFetches.take(key);
    for (const DoneCallback &callback : callbacks)
        callback(result);
}

void RegistryAuthenticator::requestToken(const QString &key, const QUrl &url, const QUrl &realm,
                                         const QString &service, const QStringList &scopes,
                                         const QString &scope,
                                         const std::optional<Credentials> &credentials,
                                         bool usePost)
{
    const QString origin = originpolicy::origin(url);
    const QString host = registryKey(url);

    HttpRequest request;
    request.maxResponseBytes = TokenBodyCap;
    // The token service's own 401 is an answer, not a challenge for this authenticator.
    request.skipAuthProvider = true;
    if (usePost) {
        // OAuth2 refresh-token grant (identity tokens); a realm without it answers 404.
        request.method = "POST";
        request.url = realm;
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
        form.addQueryItem(QStringLiteral("refresh_token"), credentials->secret);
        form.addQueryItem(QStringLiteral("service"), service);
        form.addQueryItem(QStringLiteral("client_id"), QStringLiteral("ocular"));
        if (!scopes.isEmpty())
            form.addQueryItem(QStringLiteral("scope"), scopes.join(QLatin1Char(' ')));
        request.body = form.query(QUrl::FullyEncoded).toUtf8();
        request.setHeader("Content-Type", "application/x-www-form-urlencoded");
        request.secretBody = true;
    } else {
        QUrl tokenUrl = realm;
        QUrlQuery query(realm);
        if (!service.isEmpty())
            query.addQueryItem(QStringLiteral("service"), service);
        for (const QString &s : scopes)
            query.addQueryItem(QStringLiteral("scope"), s);
        tokenUrl.setQuery(query);
        request.url = tokenUrl;
        if (credentials) {
            Credentials basic = *credentials;
            if (basic.isIdentityToken && basic.username.isEmpty())
                basic.username = QStringLiteral("<token>");
            request.setHeader("Authorization", basicHeader(basic));
        }
    }
    ++m_tokenRequests;
    const bool hadCredentials = credentials.has_value();
    m_http->send(
        request, this,
        [this, url, realm, service, scopes, scope, credentials, usePost, origin, host, key,
         hadCredentials](Result<HttpResponse> result) {
            if (!result.ok()) {
                Error error = result.error();
                error.message =
                    QStringLiteral("Could not get a token for %1: %2").arg(host, error.message);
                finishTokenFetch(key, error);
                return;
            }
            const HttpResponse &response = result.value();
            if (usePost && (response.status == 404 || response.status == 405)) {
                // No OAuth2 endpoint here: the docker token GET with the same credentials.
                requestToken(key, url, realm, service, scopes, scope, credentials, false);
                return;
            }
            if (response.status == 401 || response.status == 403) {
                if (hadCredentials)
                    m_resolved.remove(host);
                if (const auto failed = m_lookupFailures.constFind(host);
                    !hadCredentials && failed != m_lookupFailures.constEnd()) {
                    Error error = failed->error;
                    error.httpStatus = response.status;
                    finishTokenFetch(key, error);
                    return;
                }
                finishTokenFetch(
                    key, Error::make(ErrorKind::Auth,
                                     hadCredentials
                                         ? QStringLiteral("%1 rejected the credentials (from %2).")
                                               .arg(host, credentials->source.isEmpty()
                                                              ? QStringLiteral("stored credentials")
                                                              : credentials->source)
                                         : QStringLiteral("%1 requires a login.").arg(host),
                                     response.status));
                return;
            }
            if (!response.isSuccess()) {
                finishTokenFetch(key, Error::make(ErrorKind::Auth,
                                                  QStringLiteral("The token service of %1 answered "
                                                                 "HTTP %2.")
                                                      .arg(host)
                                                      .arg(response.status),
                                                  response.status));
                return;
            }
            const QJsonObject body = QJsonDocument::fromJson(response.body).object();
            QString token = body.value(QLatin1String("token")).toString();
            if (token.isEmpty())
                token = body.value(QLatin1String("access_token")).toString();
            if (token.isEmpty() || token.size() > TokenSizeCap) {
                finishTokenFetch(
                    key, Error::make(ErrorKind::Auth, QStringLiteral("The token service of %1 sent "
                                                                     "no usable token.")
                                                          .arg(host)));
                return;
            }
            const int expiresIn = body.value(QLatin1String("expires_in")).toInt(60);
            m_tokens.insert(origin, scope, token, expiresIn);
            finishTokenFetch(key, Done{});
        });
}

} // namespace ocular
