#pragma once

#include "auth/credentials.h"
#include "auth/tokencache.h"
#include "http/authprovider.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>

#include <optional>

namespace ocular {

class CredentialSource;
class HttpClient;
struct AuthChallenge;

/// Answers registry challenges: Basic with stored credentials, Bearer through the token
/// endpoint (docker token spec, OAuth2 refresh tokens), tokens cached per scope.
///
/// Credentials are looked up once per registry on a worker thread (a credential helper may
/// take seconds) and kept in memory until forget(); secrets never reach a log or a message.
class RegistryAuthenticator : public QObject, public AuthProvider
{
    Q_OBJECT
public:
    /// Neither is owned; credentials may be null (anonymous only). The source must outlive
    /// this object and any lookup it started.
    RegistryAuthenticator(HttpClient *http, CredentialSource *credentials,
                          QObject *parent = nullptr);

    QByteArray authorization(const QUrl &url, const QString &scope) override;
    void handleChallenge(const QUrl &url, const QList<QByteArray> &challenges, const QString &scope,
                         bool sentAuthorization, std::function<void(Result<Done>)> done) override;

    /// Forgets tokens, Basic state and looked-up credentials for a registry (logout,
    /// credential change).
    void forget(const QUrl &registryUrl);
    /// Where the credentials in use for @p registry (host[:port]) came from: empty when none
    /// were looked up yet, "anonymous" when no source had any.
    QString credentialSource(const QString &registry) const;
    /// Token requests made so far (tests check reuse).
    int tokenRequests() const { return m_tokenRequests; }
    /// The key credentials are stored under for a registry URL (docker.io for Docker Hub).
    static QString registryKey(const QUrl &url);

Q_SIGNALS:
    /// Credentials for @p registry were looked up; @p source as in credentialSource().
    void credentialsResolved(const QString &registry, const QString &source);

private:
    using CredentialsCallback = std::function<void(Result<std::optional<Credentials>>)>;
    using DoneCallback = std::function<void(Result<Done>)>;

    void withCredentials(const QUrl &url, CredentialsCallback callback);
    void fetchToken(const QUrl &url, const AuthChallenge &challenge, const QString &scope,
                    DoneCallback done);
    void requestToken(const QString &key, const QUrl &url, const QUrl &realm,
                      const QString &service, const QStringList &scopes, const QString &scope,
                      const std::optional<Credentials> &credentials, bool usePost);
    void finishTokenFetch(const QString &key, const Result<Done> &result);

    HttpClient *m_http;
    CredentialSource *m_credentials;
    TokenCache m_tokens;
    QSet<QString> m_basicOrigins;
    QHash<QString, QString> m_realmHosts; ///< first token realm origin seen per registry origin
    /// Looked-up credentials per registry key; nullopt = anonymous.
    QHash<QString, std::optional<Credentials>> m_resolved;
    QHash<QString, QList<CredentialsCallback>> m_lookups; ///< lookups in flight
    /// Recent lookup failures per registry key: not retried for a while (a hanging helper would
    /// stall every request), and reported when anonymous access turns out not to be enough.
    struct LookupFailure
    {
        Error error;
        QDateTime when;
    };
    QHash<QString, LookupFailure> m_lookupFailures;
    QHash<QString, QList<DoneCallback>> m_tokenFetches; ///< token requests in flight
    int m_tokenRequests = 0;
};

} // namespace ocular
