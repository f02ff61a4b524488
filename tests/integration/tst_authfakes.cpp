// The auth and redirect cases a real registry cannot produce, against FAKE loopback peers:
// a blob redirect to another port that records what it receives (no Authorization may arrive),
// token realms that downgrade, use odd schemes or move host, insufficient_scope forever, and
// redirect loops. A canary secret is used throughout and must never reach a log.
#include "support/asyncwait.h"
#include "support/logcapture.h"
#include "support/loopbackhttpserver.h"
#include "support/tempenv.h"
#include "support/testca.h"
#include "support/teststack.h"

#include "auth/dockerconfigcredentialsource.h"
#include "auth/registryauthenticator.h"
#include "auth/staticcredentialsource.h"
#include "http/httpclient.h"
#include "http/originpolicy.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <QUrlQuery>

using namespace ocular;
using ocular::test::LoopbackHttpServer;
using ocular::test::waitFor;

namespace {

const QString Canary = QStringLiteral("canary-Fake-Pw-c0ffee42");
const QByteArray TokenCanary = "canary-token-feedface";
const QByteArray SignatureCanary = "canary-sig-deadbeef";

using Reply = LoopbackHttpServer::Reply;
using Request = LoopbackHttpServer::Request;

Reply challenge(const QByteArray &value)
{
    return {401, {{"WWW-Authenticate", value}}, "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}"};
}

Reply tokenReply()
{
    return {200, {}, "{\"token\":\"" + TokenCanary + "\",\"expires_in\":300}"};
}

/// The product's stack with the fake user's login as the only credentials and no retries.
std::unique_ptr<RegistryStack> makeRigStack(CredentialSource *credentials)
{
    RegistryStackConfig config = test::testStackConfig(QString());
    config.credentialSources = {credentials};
    RetryPolicy none;
    none.maxAttempts = 1;
    config.retryPolicy = none;
    return test::makeStack(config);
}

/// The product's stack reading docker's config.json (and its helpers) only.
std::unique_ptr<RegistryStack> makeDockerConfigStack(DockerConfigCredentialSource *source)
{
    RegistryStackConfig config = test::testStackConfig(QString());
    config.credentialSources = {source};
    return test::makeStack(config);
}

struct Rig
{
    explicit Rig(const QString &hostPort)
        : stack(makeRigStack(&credentials))
        , http(*stack->http())
        , auth(*stack->authenticator())
    {
        credentials.set(hostPort, Credentials{QStringLiteral("fakeuser"), Canary, false, {}});
    }
    Result<HttpResponse> get(const QString &url, const QString &scope = {})
    {
        HttpRequest request;
        request.url = QUrl(url);
        request.scope = scope;
        return waitFor<HttpResponse>(
            [&](QObject *ctx, auto done) { return http.send(request, ctx, done); });
    }
    StaticCredentialSource credentials; ///< before the stack: it outlives it
    std::unique_ptr<RegistryStack> stack;
    HttpClient &http;
    RegistryAuthenticator &auth;
};

QString hostPort(const LoopbackHttpServer &server)
{
    return QStringLiteral("127.0.0.1:") + QString::number(server.port());
}

} // namespace

class TestAuthFakes : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::LogCapture> m_log;

private Q_SLOTS:
    void init() { m_log = std::make_unique<test::LogCapture>(); }

    void cleanup()
    {
        const bool leaked = m_log->contains(Canary) ||
                            m_log->contains(QString::fromLatin1(TokenCanary)) ||
                            m_log->contains(QString::fromLatin1(SignatureCanary));
        const QStringList messages = m_log->messages();
        m_log.reset();
        QVERIFY2(!leaked, qPrintable(messages.join(QLatin1Char('\n'))));
    }

    void basicCredentialsNeverFollowARedirect()
    {
        LoopbackHttpServer storage([](const Request &) { return Reply{200, {}, "blob-bytes"}; });
        QVERIFY(storage.listen());
        LoopbackHttpServer registry([&](const Request &request) {
            if (!request.hasHeader("Authorization"))
                return challenge("Basic realm=\"fake\"");
            return Reply{307,
                         {{"Location", storage.baseUrl().toUtf8() +
                                           "/blob?X-Amz-Signature=" + SignatureCanary}},
                         {}};
        });
        QVERIFY(registry.listen());
        Rig rig(hostPort(registry));
        const auto result = rig.get(registry.baseUrl() + QStringLiteral("/v2/a/blobs/sha256:00"),
                                    QStringLiteral("repository:a:pull"));
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QCOMPARE(result.value().status, 200);
        QCOMPARE(result.value().body, QByteArray("blob-bytes"));
        QCOMPARE(registry.requests().size(), 2);
        QVERIFY(registry.requests().at(1).header("Authorization").startsWith("Basic "));
        QCOMPARE(storage.requests().size(), 1);
        QVERIFY(!storage.requests().first().hasHeader("Authorization"));
        QVERIFY(!storage.requests().first().headers.isEmpty());
    }

    void bearerTokenNeverFollowsARedirect()
    {
        LoopbackHttpServer storage([](const Request &) { return Reply{200, {}, "blob-bytes"}; });
        QVERIFY(storage.listen());
        LoopbackHttpServer tokens([](const Request &) { return tokenReply(); });
        QVERIFY(tokens.listen());
        LoopbackHttpServer registry([&](const Request &request) {
            if (request.header("Authorization") != "Bearer " + TokenCanary)
                return challenge("Bearer realm=\"" + tokens.baseUrl().toUtf8() +
                                 "/token\",service=\"fake\",scope=\"repository:a:pull\"");
            return Reply{307, {{"Location", storage.baseUrl().toUtf8() + "/blob"}}, {}};
        });
        QVERIFY(registry.listen());
        Rig rig(hostPort(registry));
        const auto result = rig.get(registry.baseUrl() + QStringLiteral("/v2/a/blobs/sha256:00"),
                                    QStringLiteral("repository:a:pull"));
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QCOMPARE(result.value().status, 200);
        QCOMPARE(tokens.requests().size(), 1);
        QCOMPARE(tokens.requests().first().url().query(QUrl::FullyDecoded),
                 QStringLiteral("service=fake&scope=repository:a:pull"));
        QCOMPARE(storage.requests().size(), 1);
        const QList<Request> received = storage.requests();
        for (const auto &header : received.first().headers)
            QVERIFY2(!header.second.contains(TokenCanary) && !header.second.contains("Basic"),
                     header.first.constData());
    }

    void realmDowngradeIsRefusedBeforeSendingCredentials()
    {
        test::TestCa ca;
        QVERIFY2(ca.ok(), qPrintable(ca.errorMessage()));
        const auto cert = ca.issueServer(QStringLiteral("fake"), {QStringLiteral("IP:127.0.0.1")});
        LoopbackHttpServer tokens([](const Request &) { return tokenReply(); });
        QVERIFY(tokens.listen());
        LoopbackHttpServer registry([&](const Request &) {
            return challenge("Bearer realm=\"" + tokens.baseUrl().toUtf8() +
                             "/token\",service=\"x\"");
        });
        QVERIFY(registry.listenTls(cert.certFile, cert.keyFile));
        Rig rig(hostPort(registry));
        TlsSettings tls;
        tls.caFile = ca.caCertFile();
        QVERIFY(rig.http.setTlsSettings(QStringLiteral("127.0.0.1"), tls).ok());
        const auto result = rig.get(registry.baseUrl() + QStringLiteral("/v2/"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ErrorKind::Refused);
        QVERIFY2(result.error().message.contains(QStringLiteral("downgrade")),
                 qPrintable(result.error().message));
        QCOMPARE(tokens.requests().size(), 0);
    }

    void realmSchemesAndHostsAreChecked_data()
    {
        QTest::addColumn<QByteArray>("realm");
        QTest::addColumn<QByteArray>("why");
        QTest::addRow("ftp") << QByteArray("ftp://127.0.0.1/token")
                             << QByteArray("unsupported scheme");
        QTest::addRow("file") << QByteArray("file:///etc/passwd") << QByteArray("realm");
        QTest::addRow("plain http elsewhere")
            << QByteArray("http://token.example/token") << QByteArray("non-loopback");
        QTest::addRow("user info")
            << QByteArray("http://u:p@127.0.0.1:1/token") << QByteArray("user information");
        QTest::addRow("no realm") << QByteArray("") << QByteArray("no valid realm");
    }
    void realmSchemesAndHostsAreChecked()
    {
        QFETCH(QByteArray, realm);
        QFETCH(QByteArray, why);
        LoopbackHttpServer registry(
            [&](const Request &) { return challenge("Bearer realm=\"" + realm + "\""); });
        QVERIFY(registry.listen());
        Rig rig(hostPort(registry));
        const auto result = rig.get(registry.baseUrl() + QStringLiteral("/v2/"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ErrorKind::Refused);
        QVERIFY2(result.error().message.contains(QString::fromLatin1(why)),
                 qPrintable(result.error().message));
        QCOMPARE(registry.requests().size(), 1);
    }

    void realmMovingHostIsRefused()
    {
        LoopbackHttpServer tokens([](const Request &) { return tokenReply(); });
        QVERIFY(tokens.listen());
        LoopbackHttpServer registry([&](const Request &request) {
            const bool second = request.path().contains(QLatin1String("/b/"));
            if (request.header("Authorization") == "Bearer " + TokenCanary && !second)
                return Reply{200, {}, "{}"};
            // The same token service, suddenly under another host name.
            const QByteArray host = second ? "localhost" : "127.0.0.1";
            return challenge("Bearer realm=\"http://" + host + ':' +
                             QByteArray::number(tokens.port()) + "/token\",service=\"x\"");
        });
        QVERIFY(registry.listen());
        Rig rig(hostPort(registry));
        const auto first = rig.get(registry.baseUrl() + QStringLiteral("/v2/a/manifests/1"),
                                   QStringLiteral("repository:a:pull"));
        QVERIFY2(first.ok() && first.value().status == 200,
                 qPrintable(first.ok() ? QString::number(first.value().status)
                                       : first.error().toString()));
        const auto second = rig.get(registry.baseUrl() + QStringLiteral("/v2/b/manifests/1"),
                                    QStringLiteral("repository:b:pull"));
        QVERIFY(!second.ok());
        QCOMPARE(second.error().kind, ErrorKind::Refused);
        QVERIFY2(second.error().message.contains(QStringLiteral("moved to another host")),
                 qPrintable(second.error().message));
        QCOMPARE(tokens.requests().size(), 1);
        // After a logout the session starts afresh.
        rig.auth.forget(QUrl(registry.baseUrl()));
        QVERIFY(rig.auth.credentialSource(hostPort(registry)).isEmpty());
    }

    void insufficientScopeTwiceDoesNotLoop()
    {
        LoopbackHttpServer tokens([](const Request &) { return tokenReply(); });
        QVERIFY(tokens.listen());
        LoopbackHttpServer registry([&](const Request &) {
            return challenge("Bearer realm=\"" + tokens.baseUrl().toUtf8() +
                             "/token\",service=\"x\",scope=\"repository:a:pull,push\","
                             "error=\"insufficient_scope\"");
        });
        QVERIFY(registry.listen());
        Rig rig(hostPort(registry));
        const auto result = rig.get(registry.baseUrl() + QStringLiteral("/v2/a/blobs/uploads/"),
                                    QStringLiteral("repository:a:pull"));
        // Either the final 401 or an error: what matters is that it stops.
        if (result.ok())
            QCOMPARE(result.value().status, 401);
        else
            QCOMPARE(result.error().kind, ErrorKind::Auth);
        QCOMPARE(registry.requests().size(), 3);
        QCOMPARE(tokens.requests().size(), 2);
        // The re-ask carried the challenged scope.
        const QUrlQuery reask(tokens.requests().at(1).url());
        QVERIFY(reask.allQueryItemValues(QStringLiteral("scope"))
                    .contains(QStringLiteral("repository:a:pull,push")));
    }

    void concurrentChallengesShareOneTokenRequest()
    {
        LoopbackHttpServer tokens([](const Request &) { return tokenReply(); });
        QVERIFY(tokens.listen());
        LoopbackHttpServer registry([&](const Request &request) {
            if (request.header("Authorization") == "Bearer " + TokenCanary)
                return Reply{200, {}, "{}"};
            return challenge("Bearer realm=\"" + tokens.baseUrl().toUtf8() +
                             "/token\",service=\"x\",scope=\"repository:a:pull\"");
        });
        QVERIFY(registry.listen());
        Rig rig(hostPort(registry));
        int finished = 0;
        for (int i = 0; i < 4; ++i) {
            HttpRequest request;
            request.url = QUrl(registry.baseUrl() + QStringLiteral("/v2/a/manifests/%1").arg(i));
            request.scope = QStringLiteral("repository:a:pull");
            rig.http.send(request, this, [&finished](Result<HttpResponse> result) {
                if (result.ok() && result.value().status == 200)
                    ++finished;
            });
        }
        QTRY_COMPARE(finished, 4);
        QCOMPARE(tokens.requests().size(), 1);
    }

    void redirectDowngradeAndLoopsAreRefused()
    {
        test::TestCa ca;
        QVERIFY2(ca.ok(), qPrintable(ca.errorMessage()));
        const auto cert = ca.issueServer(QStringLiteral("fake"), {QStringLiteral("IP:127.0.0.1")});
        LoopbackHttpServer plain([](const Request &) { return Reply{200, {}, "x"}; });
        QVERIFY(plain.listen());
        LoopbackHttpServer secure([&](const Request &request) {
            if (request.path() == QLatin1String("/loop"))
                return Reply{302, {{"Location", "/loop"}}, {}};
            return Reply{307, {{"Location", plain.baseUrl().toUtf8() + "/blob"}}, {}};
        });
        QVERIFY(secure.listenTls(cert.certFile, cert.keyFile));
        Rig rig(hostPort(secure));
        TlsSettings tls;
        tls.caFile = ca.caCertFile();
        QVERIFY(rig.http.setTlsSettings(QStringLiteral("127.0.0.1"), tls).ok());
        const auto downgrade = rig.get(secure.baseUrl() + QStringLiteral("/v2/a/blobs/x"));
        QVERIFY(!downgrade.ok());
        QCOMPARE(downgrade.error().kind, ErrorKind::Refused);
        QCOMPARE(plain.requests().size(), 0);

        secure.clearRequests();
        const auto loop = rig.get(secure.baseUrl() + QStringLiteral("/loop"));
        QVERIFY(!loop.ok());
        QCOMPARE(loop.error().kind, ErrorKind::Refused);
        QCOMPARE(secure.requests().size(), 11); // the first request and at most 10 hops
    }

    void brokenHelperStillAllowsAnonymousAndIsReportedWhenRefused()
    {
        test::TempEnv env;
        const QString bin = QDir(env.root()).filePath(QStringLiteral("bin"));
        QDir().mkpath(bin);
        QFile helper(QDir(bin).filePath(QStringLiteral("docker-credential-broken")));
        QVERIFY(helper.open(QIODevice::WriteOnly));
        helper.write("#!/bin/sh\ncat >/dev/null\necho 'keyring locked' >&2\nexit 7\n");
        helper.close();
        helper.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        env.set("PATH", bin + QStringLiteral(":/usr/bin:/bin"));
        QFile config(QDir(env.dockerConfigDir()).filePath(QStringLiteral("config.json")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("{\"credsStore\":\"broken\"}");
        config.close();

        LoopbackHttpServer tokens([](const Request &) { return tokenReply(); });
        QVERIFY(tokens.listen());
        LoopbackHttpServer registry([&](const Request &request) {
            const bool isPublic = request.path().startsWith(QLatin1String("/v2/public/"));
            if (request.header("Authorization") == "Bearer " + TokenCanary && isPublic)
                return Reply{200, {}, "{}"};
            QByteArray value =
                "Bearer realm=\"" + tokens.baseUrl().toUtf8() +
                "/token\",service=\"x\",scope=\"repository:" + (isPublic ? "public" : "private") +
                ":pull\"";
            if (request.hasHeader("Authorization"))
                value += ",error=\"insufficient_scope\"";
            return challenge(value);
        });
        QVERIFY(registry.listen());

        DockerConfigCredentialSource source;
        const auto stack = makeDockerConfigStack(&source);
        QVERIFY(stack);
        HttpClient &http = *stack->http();
        auto get = [&](const QString &path, const QString &scope) {
            HttpRequest request;
            request.url = QUrl(registry.baseUrl() + path);
            request.scope = scope;
            return waitFor<HttpResponse>(
                [&](QObject *ctx, auto done) { return http.send(request, ctx, done); });
        };
        const auto open =
            get(QStringLiteral("/v2/public/manifests/1"), QStringLiteral("repository:public:pull"));
        QVERIFY2(
            open.ok() && open.value().status == 200,
            qPrintable(open.ok() ? QString::number(open.value().status) : open.error().toString()));
        const auto closed = get(QStringLiteral("/v2/private/manifests/1"),
                                QStringLiteral("repository:private:pull"));
        QVERIFY(!closed.ok());
        QVERIFY2(closed.error().message.contains(QStringLiteral("docker-credential-broken")),
                 qPrintable(closed.error().message));
        QVERIFY2(closed.error().message.contains(QStringLiteral("keyring locked")),
                 qPrintable(closed.error().message));
    }

    void helperIsAskedOncePerRegistry()
    {
        test::TempEnv env;
        const QString bin = QDir(env.root()).filePath(QStringLiteral("bin"));
        const QString calls = QDir(env.root()).filePath(QStringLiteral("calls.log"));
        QDir().mkpath(bin);
        QFile helper(QDir(bin).filePath(QStringLiteral("docker-credential-counting")));
        QVERIFY(helper.open(QIODevice::WriteOnly));
        helper.write("#!/bin/sh\ncat >/dev/null\necho call >> '" + calls.toUtf8() +
                     "'\nsleep 0.3\nprintf '{\"ServerURL\":\"x\",\"Username\":\"u\","
                     "\"Secret\":\"" +
                     Canary.toUtf8() + "\"}'\n");
        helper.close();
        helper.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        env.set("PATH", bin + QStringLiteral(":/usr/bin:/bin"));
        QFile config(QDir(env.dockerConfigDir()).filePath(QStringLiteral("config.json")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("{\"credsStore\":\"counting\"}");
        config.close();

        const QByteArray expected = "Basic " + QByteArray("u:" + Canary.toUtf8()).toBase64();
        LoopbackHttpServer registry([&](const Request &request) {
            if (request.header("Authorization") != expected)
                return challenge("Basic realm=\"fake\"");
            return Reply{200, {}, "{}"};
        });
        QVERIFY(registry.listen());
        DockerConfigCredentialSource source;
        const auto stack = makeDockerConfigStack(&source);
        QVERIFY(stack);
        HttpClient &http = *stack->http();
        RegistryAuthenticator &auth = *stack->authenticator();
        int ok = 0;
        for (int i = 0; i < 5; ++i) {
            HttpRequest request;
            request.url = QUrl(registry.baseUrl() + QStringLiteral("/v2/a/manifests/%1").arg(i));
            http.send(request, this, [&ok](Result<HttpResponse> result) {
                if (result.ok() && result.value().status == 200)
                    ++ok;
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(ok, 5, 10000);
        QFile log(calls);
        QVERIFY(log.open(QIODevice::ReadOnly));
        QCOMPARE(log.readAll().count("call"), 1);
        QVERIFY(auth.credentialSource(hostPort(registry))
                    .contains(QStringLiteral("docker-credential-counting")));
    }

    void lateChallengeOfAnUnauthenticatedRequestIsNotARejection()
    {
        // Request B left before request A's login finished; B's 401 must lead to a retry with
        // the credentials, while a 401 to a request that carried them is a rejection.
        LoopbackHttpServer registry([&](const Request &request) {
            if (!request.hasHeader("Authorization"))
                return challenge("Basic realm=\"fake\"");
            return Reply{200, {}, "{}"};
        });
        QVERIFY(registry.listen());
        Rig rig(hostPort(registry));
        const auto first = rig.get(registry.baseUrl() + QStringLiteral("/v2/"));
        QVERIFY(first.ok() && first.value().status == 200);
        const QUrl url(registry.baseUrl() + QStringLiteral("/v2/a/tags/list"));
        auto challengeOnce = [&](bool sentAuthorization) -> Result<Done> {
            std::optional<Result<Done>> outcome;
            rig.auth.handleChallenge(url, {"Basic realm=\"fake\""}, QString(), sentAuthorization,
                                     [&](Result<Done> r) { outcome.emplace(std::move(r)); });
            if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 5000))
                return Error::make(ErrorKind::Cancelled, QStringLiteral("timed out"));
            return *outcome;
        };
        QVERIFY(challengeOnce(false).ok());
        const Result<Done> rejected = challengeOnce(true);
        QVERIFY(!rejected.ok());
        QVERIFY2(rejected.error().message.contains(QStringLiteral("rejected")),
                 qPrintable(rejected.error().message));
    }

    void redirectRules_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<bool>("allowed");
        QTest::addRow("same origin")
            << QByteArray("https://r.example/v2/") << QByteArray("https://r.example/x") << true;
        QTest::addRow("storage") << QByteArray("https://r.example/v2/")
                                 << QByteArray("https://s3.example/b?sig=1") << true;
        QTest::addRow("downgrade")
            << QByteArray("https://r.example/v2/") << QByteArray("http://s3.example/b") << false;
        QTest::addRow("public to loopback")
            << QByteArray("https://r.example/v2/") << QByteArray("https://127.0.0.1/x") << false;
        QTest::addRow("public to localhost") << QByteArray("https://r.example/v2/")
                                             << QByteArray("https://localhost:5000/x") << false;
        QTest::addRow("public to ::1")
            << QByteArray("https://r.example/v2/") << QByteArray("https://[::1]/x") << false;
        QTest::addRow("loopback to loopback") << QByteArray("http://127.0.0.1:5000/v2/")
                                              << QByteArray("http://127.0.0.1:6000/x") << true;
        QTest::addRow("file scheme")
            << QByteArray("https://r.example/v2/") << QByteArray("file:///etc/passwd") << false;
    }
    void redirectRules()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(bool, allowed);
        const QString refusal = originpolicy::redirectRefusal(QUrl(QString::fromLatin1(from)),
                                                              QUrl(QString::fromLatin1(to)));
        QCOMPARE(refusal.isEmpty(), allowed);
    }
};

QTEST_GUILESS_MAIN(TestAuthFakes)
#include "tst_authfakes.moc"
