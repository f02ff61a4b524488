// Basic authentication over TLS against a real docker-registry whose certificate comes from a
// CA the test generates: trust only through the per-registry CA setting, explained TLS failures,
// explicit skip-verification, mTLS against a loopback server, credentials from docker's
// config.json, and a canary password that must never reach a log.
#include "support/asyncwait.h"
#include "support/logcapture.h"
#include "support/loopbackhttpserver.h"
#include "support/tempenv.h"
#include "support/testca.h"
#include "support/testregistry.h"
#include "support/teststack.h"

#include "auth/registryauthenticator.h"
#include "auth/staticcredentialsource.h"
#include "http/httpclient.h"
#include "registry/registryclient.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace ocular;
using ocular::test::waitFor;

namespace {

const QString Canary = QStringLiteral("canary-Tls-Pw-51c0ffee");
const QString User = QStringLiteral("tlsuser");

/// The product's stack for @p baseUrl: @p credentials (may be null) first, then docker's and
/// podman's files when @p dockerAndPodman; two attempts per request.
std::unique_ptr<RegistryStack> makeRigStack(const QString &baseUrl, CredentialSource *credentials,
                                            bool dockerAndPodman)
{
    RegistryStackConfig config = test::testStackConfig(baseUrl);
    if (credentials)
        config.credentialSources = {credentials};
    config.dockerAndPodmanCredentials = dockerAndPodman;
    RetryPolicy fast;
    fast.baseDelayMs = 10;
    fast.maxAttempts = 2;
    config.retryPolicy = fast;
    return test::makeStack(config);
}

struct Rig
{
    explicit Rig(const QString &baseUrl, CredentialSource *credentials,
                 bool dockerAndPodman = false)
        : stack(makeRigStack(baseUrl, credentials, dockerAndPodman))
        , http(*stack->http())
        , auth(*stack->authenticator())
        , client(stack->client())
    {}
    Result<PingResult> ping()
    {
        return waitFor<PingResult>(
            [&](QObject *ctx, auto done) { return client->ping(ctx, done); });
    }
    std::unique_ptr<RegistryStack> stack;
    HttpClient &http;
    RegistryAuthenticator &auth;
    RegistryClient *client;
};

} // namespace

class TestAuthTls : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::LogCapture> m_log;
    std::unique_ptr<test::TempEnv> m_env;
    std::unique_ptr<test::TestCa> m_ca;
    std::unique_ptr<test::TestRegistry> m_registry;
    test::TestCa::Issued m_server;

private Q_SLOTS:
    void initTestCase()
    {
        m_log = std::make_unique<test::LogCapture>();
        m_env = std::make_unique<test::TempEnv>();
        m_ca = std::make_unique<test::TestCa>();
        QVERIFY2(m_ca->ok(), qPrintable(m_ca->errorMessage()));
        m_server = m_ca->issueServer(QStringLiteral("registry"), {QStringLiteral("IP:127.0.0.1"),
                                                                  QStringLiteral("DNS:localhost")});
        QVERIFY2(m_ca->ok(), qPrintable(m_ca->errorMessage()));
        RegistryProcess::Options options;
        options.htpasswdUser = User;
        options.htpasswdPassword = Canary;
        options.tlsCertFile = m_server.certFile;
        options.tlsKeyFile = m_server.keyFile;
        m_registry = std::make_unique<test::TestRegistry>(options);
        QVERIFY(m_registry->ok());
        QVERIFY(m_registry->baseUrl().startsWith(QStringLiteral("https://")));
    }

    void cleanupTestCase()
    {
        m_registry.reset();
        const bool leaked = m_log->contains(Canary);
        const QStringList messages = m_log->messages();
        m_log.reset();
        QVERIFY2(!leaked, qPrintable(messages.join(QLatin1Char('\n'))));
    }

    void unknownIssuerIsExplainedAndNotRetriedInsecurely()
    {
        StaticCredentialSource credentials;
        credentials.set(m_registry->hostPort(), Credentials{User, Canary, false, {}});
        Rig rig(m_registry->baseUrl(), &credentials);
        const auto ping = rig.ping();
        QVERIFY(!ping.ok());
        QCOMPARE(ping.error().kind, ErrorKind::Tls);
        QVERIFY2(ping.error().message.contains(QStringLiteral("issuer is not trusted")),
                 qPrintable(ping.error().message));
        QVERIFY(!ping.error().message.contains(Canary));
        // No credentials were ever looked up: TLS failed before any challenge.
        QVERIFY(rig.auth.credentialSource(m_registry->hostPort()).isEmpty());
    }

    void caFileMakesItWork()
    {
        StaticCredentialSource credentials;
        credentials.set(m_registry->hostPort(),
                        Credentials{User, Canary, false, QStringLiteral("test flags")});
        Rig rig(m_registry->baseUrl(), &credentials);
        TlsSettings tls;
        tls.caFile = m_ca->caCertFile();
        QVERIFY(rig.http.setTlsSettings(QStringLiteral("127.0.0.1"), tls).ok());
        QCOMPARE(rig.http.tlsSettings(QStringLiteral("127.0.0.1")), tls);
        const auto ping = rig.ping();
        QVERIFY2(ping.ok(), qPrintable(ping.ok() ? QString() : ping.error().toString()));
        QCOMPARE(rig.auth.credentialSource(m_registry->hostPort()), QStringLiteral("test flags"));

        // A write and a read with the same credentials.
        const QByteArray data = QByteArrayLiteral("tls blob ") + Canary.toUtf8().toBase64();
        const auto digest = waitFor<Digest>([&](QObject *ctx, auto done) {
            return rig.client->uploadBlob(QStringLiteral("tls/repo"), data, ctx, done);
        });
        QVERIFY2(digest.ok(), qPrintable(digest.ok() ? QString() : digest.error().toString()));
        const auto exists = waitFor<bool>([&](QObject *ctx, auto done) {
            return rig.client->blobExists(QStringLiteral("tls/repo"), digest.value(), ctx, done);
        });
        QVERIFY(exists.ok() && exists.value());

        // Back to defaults: untrusted again (pooled connections were dropped).
        QVERIFY(rig.http.setTlsSettings(QStringLiteral("127.0.0.1"), TlsSettings{}).ok());
        const auto again = rig.ping();
        QVERIFY(!again.ok());
        QCOMPARE(again.error().kind, ErrorKind::Tls);
    }

    void credentialsFromDockerConfig()
    {
        QFile config(QDir(m_env->dockerConfigDir()).filePath(QStringLiteral("config.json")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("{\"auths\":{\"" + m_registry->hostPort().toUtf8() + "\":{\"auth\":\"" +
                     (User + QLatin1Char(':') + Canary).toUtf8().toBase64() + "\"}}}");
        config.close();
        // The product's standard sources (TempEnv points DOCKER_CONFIG at the file above).
        Rig rig(m_registry->baseUrl(), nullptr, true);
        TlsSettings tls;
        tls.caFile = m_ca->caCertFile();
        QVERIFY(rig.http.setTlsSettings(QStringLiteral("127.0.0.1"), tls).ok());
        const auto ping = rig.ping();
        QVERIFY2(ping.ok(), qPrintable(ping.ok() ? QString() : ping.error().toString()));
        QVERIFY2(rig.auth.credentialSource(m_registry->hostPort())
                     .contains(QStringLiteral("config.json")),
                 qPrintable(rig.auth.credentialSource(m_registry->hostPort())));
    }

    void wrongPasswordAndAnonymous()
    {
        TlsSettings tls;
        tls.caFile = m_ca->caCertFile();
        StaticCredentialSource wrong;
        wrong.set(m_registry->hostPort(),
                  Credentials{User, QStringLiteral("not-it"), false, QStringLiteral("test flags")});
        Rig bad(m_registry->baseUrl(), &wrong);
        QVERIFY(bad.http.setTlsSettings(QStringLiteral("127.0.0.1"), tls).ok());
        const auto rejected = bad.ping();
        QVERIFY(!rejected.ok());
        QCOMPARE(rejected.error().kind, ErrorKind::Auth);
        QVERIFY2(rejected.error().message.contains(QStringLiteral("rejected")),
                 qPrintable(rejected.error().message));
        QVERIFY(!rejected.error().message.contains(QStringLiteral("not-it")));

        Rig anonymous(m_registry->baseUrl(), nullptr);
        QVERIFY(anonymous.http.setTlsSettings(QStringLiteral("127.0.0.1"), tls).ok());
        const auto denied = anonymous.ping();
        QVERIFY(!denied.ok());
        QCOMPARE(denied.error().kind, ErrorKind::Auth);
        QVERIFY2(denied.error().message.contains(QStringLiteral("requires a login")),
                 qPrintable(denied.error().message));
    }

    void skipVerificationIsExplicit()
    {
        StaticCredentialSource credentials;
        credentials.set(m_registry->hostPort(), Credentials{User, Canary, false, {}});
        Rig rig(m_registry->baseUrl(), &credentials);
        TlsSettings tls;
        tls.insecureSkipVerify = true;
        QVERIFY(rig.http.setTlsSettings(QStringLiteral("127.0.0.1"), tls).ok());
        const auto ping = rig.ping();
        QVERIFY2(ping.ok(), qPrintable(ping.ok() ? QString() : ping.error().toString()));
        // The opt-in is per host: another host keeps verifying.
        QVERIFY(rig.http.tlsSettings(QStringLiteral("localhost")).isDefault());
    }

    void wrongHostIsExplained()
    {
        // The same registry reached by a name its certificate does not carry.
        const test::TestCa::Issued other = m_ca->issueServer(
            QStringLiteral("elsewhere"), {QStringLiteral("DNS:elsewhere.example")});
        RegistryProcess::Options options;
        options.tlsCertFile = other.certFile;
        options.tlsKeyFile = other.keyFile;
        OCULAR_TEST_REGISTRY(registry, options);
        Rig rig(registry.baseUrl(), nullptr);
        TlsSettings tls;
        tls.caFile = m_ca->caCertFile();
        QVERIFY(rig.http.setTlsSettings(QStringLiteral("127.0.0.1"), tls).ok());
        const auto ping = rig.ping();
        QVERIFY(!ping.ok());
        QCOMPARE(ping.error().kind, ErrorKind::Tls);
        QVERIFY2(ping.error().message.contains(QStringLiteral("another host name")),
                 qPrintable(ping.error().message));
    }

    void expiredCertificateIsExplained()
    {
        const test::TestCa::Issued expired =
            m_ca->issueServer(QStringLiteral("expired"), {QStringLiteral("IP:127.0.0.1")}, 0);
        QVERIFY2(m_ca->ok(), qPrintable(m_ca->errorMessage()));
        QTest::qWait(1100); // notAfter is the second it was made
        RegistryProcess::Options options;
        options.tlsCertFile = expired.certFile;
        options.tlsKeyFile = expired.keyFile;
        OCULAR_TEST_REGISTRY(registry, options);
        Rig rig(registry.baseUrl(), nullptr);
        TlsSettings tls;
        tls.caFile = m_ca->caCertFile();
        QVERIFY(rig.http.setTlsSettings(QStringLiteral("127.0.0.1"), tls).ok());
        const auto ping = rig.ping();
        QVERIFY(!ping.ok());
        QCOMPARE(ping.error().kind, ErrorKind::Tls);
        QVERIFY2(ping.error().message.contains(QStringLiteral("expired")),
                 qPrintable(ping.error().message));
    }

    void badTlsFilesAreReported()
    {
        const auto stack = test::makeStack(test::testStackConfig(QString()));
        QVERIFY(stack);
        HttpClient &http = *stack->http();
        TlsSettings missing;
        missing.caFile = QStringLiteral("/nonexistent/ca.pem");
        const auto result = http.setTlsSettings(QStringLiteral("r.example"), missing);
        QVERIFY(!result.ok());
        QVERIFY(result.error().message.contains(QStringLiteral("/nonexistent/ca.pem")));
        QVERIFY(http.tlsSettings(QStringLiteral("r.example")).isDefault());
        TlsSettings halfIdentity;
        halfIdentity.clientCertFile = m_server.certFile;
        QVERIFY(!http.setTlsSettings(QStringLiteral("r.example"), halfIdentity).ok());
        TlsSettings notAKey;
        notAKey.clientCertFile = m_server.certFile;
        notAKey.clientKeyFile = m_server.certFile;
        QVERIFY(!http.setTlsSettings(QStringLiteral("r.example"), notAKey).ok());
    }

    void clientCertificate()
    {
        // docker-registry's clientcas sits under http.tls, which the launcher does not expose,
        // so mTLS is checked against a loopback HTTPS server that requires a client cert.
        const test::TestCa::Issued client = m_ca->issueClient(QStringLiteral("ocular-client"));
        test::LoopbackHttpServer server([](const test::LoopbackHttpServer::Request &) {
            return test::LoopbackHttpServer::Reply{200, {}, "{}"};
        });
        server.requireClientCertificate(m_ca->caCertFile());
        QVERIFY(server.listenTls(m_server.certFile, m_server.keyFile));

        Rig without(server.baseUrl(), nullptr);
        TlsSettings tls;
        tls.caFile = m_ca->caCertFile();
        QVERIFY(without.http.setTlsSettings(QStringLiteral("127.0.0.1"), tls).ok());
        QVERIFY(!without.ping().ok());
        QCOMPARE(server.requests().size(), 0);

        Rig with(server.baseUrl(), nullptr);
        tls.clientCertFile = client.certFile;
        tls.clientKeyFile = client.keyFile;
        QVERIFY(with.http.setTlsSettings(QStringLiteral("127.0.0.1"), tls).ok());
        const auto ping = with.ping();
        QVERIFY2(ping.ok(), qPrintable(ping.ok() ? QString() : ping.error().toString()));
        QCOMPARE(server.requests().size(), 1);
        QCOMPARE(server.peerCertificateNames().value(0), QStringLiteral("ocular-client"));
    }
};

QTEST_GUILESS_MAIN(TestAuthTls)
#include "tst_authtls.moc"
