#pragma once

#include "demo/registryprocess.h"
#include "loopbackhttpserver.h"
#include "testca.h"

#include <QJsonArray>
#include <QObject>
#include <QStringList>

namespace ocular::test {

/// A small but REAL token issuer for the docker token-auth spec: answers GET <realm>?service=
/// &scope=... (and the OAuth2 POST form) with RS256-signed JWTs whose x5c chain docker-registry
/// verifies against the test CA. Records every token it issues so tests can assert the scopes a
/// client asked for and how often it asked.
class TestTokenServer : public QObject
{
    Q_OBJECT
public:
    /// Who may have what, and how tokens look.
    struct Options
    {
        QString issuer = QStringLiteral("ocular-test-issuer");
        QString service = QStringLiteral("ocular-test-registry");
        QString username; ///< empty: nobody can log in
        QString password;
        QString refreshToken; ///< accepted by the OAuth2 POST (and as `<token>` Basic password)
        int expiresIn = 300;  ///< seconds; <= 0 leaves expires_in out of the answer
        bool anonymousPull = false;
        bool offerOAuthPost = true; ///< false: POST answers 404 (docker's fallback case)
    };

    /// One answered token request.
    struct Grant
    {
        QByteArray method;
        QStringList requestedScopes;
        QString subject; ///< empty for anonymous
        QJsonArray access;
    };

    TestTokenServer(TestCa *ca, Options options, QObject *parent = nullptr);

    /// Issues a signing certificate and listens (HTTPS when @p tls is set, with a server
    /// certificate from the CA). False with errorMessage() on failure.
    bool start(bool tls);
    QString errorMessage() const { return m_error; }
    /// The token endpoint: <base>/token.
    QString realm() const;
    /// What docker-registry needs to trust this issuer (rootcertbundle is the CA).
    RegistryProcess::TokenAuth registryConfig() const;
    QList<Grant> grants() const { return m_grants; }
    /// Token requests received, including refused ones.
    int requestCount() const { return m_server.requests().size(); }
    QList<LoopbackHttpServer::Request> requests() const { return m_server.requests(); }
    void clear();
    /// Changes apply to the next token issued.
    void setExpiresIn(int seconds) { m_options.expiresIn = seconds; }
    void setOfferOAuthPost(bool offer) { m_options.offerOAuthPost = offer; }

private:
    LoopbackHttpServer::Reply handle(const LoopbackHttpServer::Request &request);
    QByteArray sign(const QByteArray &signingInput) const;
    QByteArray issueToken(const QString &subject, const QJsonArray &access) const;

    TestCa *m_ca;
    Options m_options;
    TestCa::Issued m_signer;
    LoopbackHttpServer m_server;
    QList<Grant> m_grants;
    QString m_error;
};

} // namespace ocular::test
