#pragma once

#include "auth/tokencache.h"
#include "http/authprovider.h"

#include <QHash>
#include <QObject>
#include <QSet>

namespace ocular {

class CredentialSource;
class HttpClient;
struct AuthChallenge;
struct Credentials;

/// Answers registry challenges: Basic with stored credentials, Bearer through the token
/// endpoint (docker token spec, OAuth2 refresh tokens), tokens cached per scope.
class RegistryAuthenticator : public QObject, public AuthProvider
{
    Q_OBJECT
public:
    /// Neither is owned; credentials may be null (anonymous only).
    RegistryAuthenticator(HttpClient *http, CredentialSource *credentials,
                          QObject *parent = nullptr);

    QByteArray authorization(const QUrl &url, const QString &scope) override;
    void handleChallenge(const QUrl &url, const QList<QByteArray> &challenges, const QString &scope,
                         std::function<void(Result<Done>)> done) override;

    /// Forgets tokens and Basic state for a registry (logout, credential change).
    void forget(const QUrl &registryUrl);
    /// Token requests made so far (tests check reuse).
    int tokenRequests() const { return m_tokenRequests; }

private:
    void fetchToken(const QUrl &url, const AuthChallenge &challenge, const QString &scope,
                    std::function<void(Result<Done>)> done);
    std::optional<Credentials> credentialsFor(const QUrl &url) const;

    HttpClient *m_http;
    CredentialSource *m_credentials;
    TokenCache m_tokens;
    QSet<QString> m_basicOrigins;
    QHash<QString, QString> m_realmHosts; ///< first token realm origin seen per registry origin
    int m_tokenRequests = 0;
};

} // namespace ocular
