// Bearer token authentication against a real docker-registry that verifies RS256 tokens signed
// by the test's own token server (tests/support/testtokenserver), both over TLS with a test
// CA: least-privilege scopes for reads, pushes, deletes and the catalog; token reuse until
// expiry; OAuth2 refresh tokens with the POST→GET fallback; refusals; a canary secret.
#include "support/asyncwait.h"
#include "support/logcapture.h"
#include "support/tempenv.h"
#include "support/testca.h"
#include "support/testregistry.h"
#include "support/teststack.h"
#include "support/testtokenserver.h"

#include "auth/registryauthenticator.h"
#include "auth/staticcredentialsource.h"
#include "content/mediatype.h"
#include "http/httpclient.h"
#include "registry/registryclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSet>
#include <QTest>

using namespace ocular;
using ocular::test::waitFor;

namespace {

const QString Canary = QStringLiteral("canary-Token-Pw-0ddba11");
const QString RefreshCanary = QStringLiteral("canary-Refresh-7e57ab1e");
const QString User = QStringLiteral("tokenuser");
const QString Repo = QStringLiteral("team/app");

// The product's RegistryStack with this test's credentials and CA.
struct Rig
{
    Rig(const QString &baseUrl, CredentialSource *credentials, const QString &caFile)
    {
        RegistryStackConfig config = test::testStackConfig(baseUrl);
        if (credentials)
            config.credentialSources = {credentials};
        RetryPolicy fast;
        fast.baseDelayMs = 10;
        fast.maxAttempts = 2;
        config.retryPolicy = fast;
        TlsSettings tls;
        tls.caFile = caFile;
        config.tls.insert(QStringLiteral("127.0.0.1"), tls);
        auto created = RegistryStack::create(config);
        tlsResult = created.ok();
        if (created) {
            stack = std::move(created).value();
            client = stack->client();
        }
    }
    Result<ManifestHead> head(const QString &reference)
    {
        return waitFor<ManifestHead>([&](QObject *ctx, auto done) {
            return client->headManifest(Repo, reference, ctx, done);
        });
    }
    RegistryAuthenticator &auth() { return *stack->authenticator(); }
    std::unique_ptr<RegistryStack> stack;
    RegistryClient *client = nullptr;
    bool tlsResult = false;
};

QString describe(const Error &error)
{
    return error.toString();
}

} // namespace

class TestAuthToken : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::LogCapture> m_log;
    std::unique_ptr<test::TempEnv> m_env;
    std::unique_ptr<test::TestCa> m_ca;
    std::unique_ptr<test::TestTokenServer> m_tokens;
    std::unique_ptr<test::TestRegistry> m_registry;
    StaticCredentialSource m_credentials;
    Digest m_manifestDigest;

    QSet<QString> requestedScopes() const
    {
        QSet<QString> scopes;
        for (const auto &grant : m_tokens->grants()) {
            for (const QString &scope : grant.requestedScopes)
                scopes.insert(scope);
        }
        return scopes;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_log = std::make_unique<test::LogCapture>();
        m_env = std::make_unique<test::TempEnv>();
        m_ca = std::make_unique<test::TestCa>();
        QVERIFY2(m_ca->ok(), qPrintable(m_ca->errorMessage()));
        test::TestTokenServer::Options options;
        options.username = User;
        options.password = Canary;
        options.refreshToken = RefreshCanary;
        m_tokens = std::make_unique<test::TestTokenServer>(m_ca.get(), options);
        QVERIFY2(m_tokens->start(true), qPrintable(m_tokens->errorMessage()));
        const test::TestCa::Issued server =
            m_ca->issueServer(QStringLiteral("registry"),
                              {QStringLiteral("IP:127.0.0.1"), QStringLiteral("DNS:localhost")});
        QVERIFY2(m_ca->ok(), qPrintable(m_ca->errorMessage()));
        RegistryProcess::Options registry;
        registry.tlsCertFile = server.certFile;
        registry.tlsKeyFile = server.keyFile;
        registry.tokenAuth = m_tokens->registryConfig();
        m_registry = std::make_unique<test::TestRegistry>(registry);
        QVERIFY(m_registry->ok());
        m_credentials.set(m_registry->hostPort(),
                          Credentials{User, Canary, false, QStringLiteral("test login")});
    }

    void cleanupTestCase()
    {
        m_registry.reset();
        const bool leaked = m_log->contains(Canary) || m_log->contains(RefreshCanary) ||
                            m_log->contains(QStringLiteral("eyJ"));
        const QStringList messages = m_log->messages();
        m_log.reset();
        QVERIFY2(!leaked, qPrintable(messages.join(QLatin1Char('\n'))));
    }

    void pushAsksForPullPush()
    {
        m_tokens->clear();
        Rig rig(m_registry->baseUrl(), &m_credentials, m_ca->caCertFile());
        QVERIFY(rig.tlsResult);
        const QByteArray config = "{}";
        const QByteArray layer = QByteArrayLiteral("token layer");
        auto configDigest = waitFor<Digest>([&](QObject *ctx, auto done) {
            return rig.client->uploadBlob(Repo, config, ctx, done);
        });
        QVERIFY2(configDigest.ok(),
                 qPrintable(configDigest.ok() ? QString() : describe(configDigest.error())));
        auto layerDigest = waitFor<Digest>([&](QObject *ctx, auto done) {
            return rig.client->uploadBlob(Repo, layer, ctx, done);
        });
        QVERIFY(layerDigest.ok());
        const QJsonObject manifest{
            {QStringLiteral("schemaVersion"), 2},
            {QStringLiteral("mediaType"), QString(mediatype::OciManifest)},
            {QStringLiteral("config"),
             QJsonObject{{QStringLiteral("mediaType"), QString(mediatype::OciEmpty)},
                         {QStringLiteral("digest"), configDigest.value().toString()},
                         {QStringLiteral("size"), config.size()}}},
            {QStringLiteral("layers"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("mediaType"), QString(mediatype::OciLayerTarGzip)},
                             {QStringLiteral("digest"), layerDigest.value().toString()},
                             {QStringLiteral("size"), layer.size()}}}}};
        const QByteArray raw = QJsonDocument(manifest).toJson(QJsonDocument::Compact);
        auto pushed = waitFor<PushedManifest>([&](QObject *ctx, auto done) {
            return rig.client->putManifest(Repo, QStringLiteral("v1"), raw, mediatype::OciManifest,
                                           ctx, done);
        });
        QVERIFY2(pushed.ok(), qPrintable(pushed.ok() ? QString() : describe(pushed.error())));
        m_manifestDigest = pushed.value().digest;

        const QSet<QString> scopes = requestedScopes();
        QVERIFY2(scopes.contains(QStringLiteral("repository:team/app:pull,push")),
                 qPrintable(scopes.values().join(QLatin1Char(' '))));
        for (const QString &scope : scopes)
            QVERIFY2(scope.startsWith(QStringLiteral("repository:team/app:")) &&
                         !scope.contains(QStringLiteral("delete")) &&
                         !scope.contains(QLatin1Char('*')),
                     qPrintable(scope));
        for (const auto &grant : m_tokens->grants()) {
            QCOMPARE(grant.subject, User);
            QCOMPARE(grant.method, QByteArray("GET"));
        }
        QVERIFY2(m_tokens->grants().size() <= 2,
                 qPrintable(QString::number(m_tokens->grants().size())));
        QCOMPARE(rig.auth().credentialSource(m_registry->hostPort()), QStringLiteral("test login"));
    }

    void readAsksForPullOnlyAndReusesTheToken()
    {
        QVERIFY(m_manifestDigest.isValid());
        m_tokens->clear();
        Rig rig(m_registry->baseUrl(), &m_credentials, m_ca->caCertFile());
        for (int i = 0; i < 5; ++i) {
            const auto head = rig.head(QStringLiteral("v1"));
            QVERIFY2(head.ok(), qPrintable(head.ok() ? QString() : describe(head.error())));
            QCOMPARE(head.value().digest, m_manifestDigest);
        }
        const auto fetched = waitFor<FetchedManifest>([&](QObject *ctx, auto done) {
            return rig.client->getManifest(Repo, m_manifestDigest.toString(), ctx, done);
        });
        QVERIFY(fetched.ok());
        QCOMPARE(requestedScopes(), QSet<QString>{QStringLiteral("repository:team/app:pull")});
        QCOMPARE(m_tokens->grants().size(), 1);
        QCOMPARE(rig.auth().tokenRequests(), 1);
    }

    void catalogAsksForRegistryCatalog()
    {
        m_tokens->clear();
        Rig rig(m_registry->baseUrl(), &m_credentials, m_ca->caCertFile());
        const auto page = waitFor<ListPage>([&](QObject *ctx, auto done) {
            return rig.client->catalogPage(100, QUrl(), ctx, done);
        });
        QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : describe(page.error())));
        QVERIFY(page.value().items.contains(Repo));
        QCOMPARE(requestedScopes(), QSet<QString>{QStringLiteral("registry:catalog:*")});
    }

    void tokenRenewedAfterExpiry()
    {
        m_tokens->clear();
        m_tokens->setExpiresIn(4); // cached for 2 s (renewed early), valid 4 s
        Rig rig(m_registry->baseUrl(), &m_credentials, m_ca->caCertFile());
        QVERIFY(rig.head(QStringLiteral("v1")).ok());
        QVERIFY(rig.head(QStringLiteral("v1")).ok());
        QCOMPARE(m_tokens->grants().size(), 1);
        QTest::qWait(2300);
        QVERIFY(rig.head(QStringLiteral("v1")).ok());
        QCOMPARE(m_tokens->grants().size(), 2);
        QCOMPARE(rig.auth().tokenRequests(), 2);
        m_tokens->setExpiresIn(300);
    }

    void deleteAsksForDelete()
    {
        QVERIFY(m_manifestDigest.isValid());
        m_tokens->clear();
        Rig rig(m_registry->baseUrl(), &m_credentials, m_ca->caCertFile());
        const auto deleted = waitFor<Done>([&](QObject *ctx, auto done) {
            return rig.client->deleteManifest(Repo, m_manifestDigest.toString(), ctx, done);
        });
        QVERIFY2(deleted.ok(), qPrintable(deleted.ok() ? QString() : describe(deleted.error())));
        QCOMPARE(requestedScopes(), QSet<QString>{QStringLiteral("repository:team/app:delete")});
    }

    void anonymousIsDeniedWithoutLooping()
    {
        m_tokens->clear();
        Rig rig(m_registry->baseUrl(), nullptr, m_ca->caCertFile());
        const auto head = rig.head(QStringLiteral("v1"));
        QVERIFY(!head.ok());
        QCOMPARE(head.error().kind, ErrorKind::Auth);
        // First challenge, then insufficient_scope once: never more.
        QVERIFY2(m_tokens->requestCount() <= 2,
                 qPrintable(QString::number(m_tokens->requestCount())));
        for (const auto &grant : m_tokens->grants())
            QVERIFY(grant.subject.isEmpty());
        QCOMPARE(rig.auth().credentialSource(m_registry->hostPort()), QStringLiteral("anonymous"));
    }

    void wrongPasswordIsRejected()
    {
        m_tokens->clear();
        StaticCredentialSource wrong;
        wrong.set(m_registry->hostPort(), Credentials{User, QStringLiteral("wrong-pw"), false,
                                                      QStringLiteral("test login")});
        Rig rig(m_registry->baseUrl(), &wrong, m_ca->caCertFile());
        const auto head = rig.head(QStringLiteral("v1"));
        QVERIFY(!head.ok());
        QCOMPARE(head.error().kind, ErrorKind::Auth);
        QVERIFY2(head.error().message.contains(QStringLiteral("rejected the credentials")),
                 qPrintable(head.error().message));
        QVERIFY(m_tokens->grants().isEmpty());
    }

    void registryRefusesTokensFromAnUntrustedSigner()
    {
        // A token server with its own CA: its tokens are well-formed but signed by a key the
        // registry does not trust, so the registry must refuse them.
        test::TestCa otherCa;
        QVERIFY2(otherCa.ok(), qPrintable(otherCa.errorMessage()));
        test::TestTokenServer::Options options;
        options.username = User;
        options.password = Canary;
        test::TestTokenServer forger(&otherCa, options);
        QVERIFY2(forger.start(false), qPrintable(forger.errorMessage()));
        RegistryProcess::Options registryOptions;
        RegistryProcess::TokenAuth tokenAuth = forger.registryConfig();
        tokenAuth.rootCertBundle = m_ca->caCertFile();
        registryOptions.tokenAuth = tokenAuth;
        OCULAR_TEST_REGISTRY(registry, registryOptions);
        StaticCredentialSource credentials;
        credentials.set(registry.hostPort(), Credentials{User, Canary, false, {}});
        Rig rig(registry.baseUrl(), &credentials, m_ca->caCertFile());
        const auto page = waitFor<ListPage>([&](QObject *ctx, auto done) {
            return rig.client->catalogPage(100, QUrl(), ctx, done);
        });
        QVERIFY(!page.ok());
        QCOMPARE(page.error().kind, ErrorKind::Auth);
        QVERIFY(!forger.grants().isEmpty());
        QVERIFY(forger.grants().size() <= 2);
    }

    void identityTokenUsesOAuthPost()
    {
        m_tokens->clear();
        m_tokens->setOfferOAuthPost(true);
        StaticCredentialSource identity;
        identity.set(m_registry->hostPort(),
                     Credentials{QString(), RefreshCanary, true, QStringLiteral("helper")});
        Rig rig(m_registry->baseUrl(), &identity, m_ca->caCertFile());
        const auto page = waitFor<ListPage>([&](QObject *ctx, auto done) {
            return rig.client->catalogPage(100, QUrl(), ctx, done);
        });
        QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : describe(page.error())));
        QCOMPARE(m_tokens->grants().size(), 1);
        QCOMPARE(m_tokens->grants().first().method, QByteArray("POST"));
        QCOMPARE(m_tokens->grants().first().subject, QStringLiteral("oauth-user"));
        // The refresh token travelled in the form body, never in the URL.
        for (const auto &request : m_tokens->requests())
            QVERIFY(!request.target.contains(RefreshCanary.toUtf8()));
    }

    void identityTokenFallsBackToGetOn404()
    {
        m_tokens->clear();
        m_tokens->setOfferOAuthPost(false);
        StaticCredentialSource identity;
        identity.set(m_registry->hostPort(),
                     Credentials{QString(), RefreshCanary, true, QStringLiteral("helper")});
        Rig rig(m_registry->baseUrl(), &identity, m_ca->caCertFile());
        const auto page = waitFor<ListPage>([&](QObject *ctx, auto done) {
            return rig.client->catalogPage(100, QUrl(), ctx, done);
        });
        QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : describe(page.error())));
        QCOMPARE(m_tokens->requestCount(), 2);
        QCOMPARE(m_tokens->requests().at(0).method, QByteArray("POST"));
        QCOMPARE(m_tokens->requests().at(1).method, QByteArray("GET"));
        QCOMPARE(m_tokens->grants().size(), 1);
        QCOMPARE(m_tokens->grants().first().subject, QStringLiteral("oauth-user"));
        m_tokens->setOfferOAuthPost(true);
    }
};

QTEST_GUILESS_MAIN(TestAuthToken)
#include "tst_authtoken.moc"
