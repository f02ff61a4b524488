#include "demo/registryprocess.h"
#include "support/asyncwait.h"
#include "support/fixtures.h"
#include "support/logcapture.h"
#include "support/tempenv.h"
#include "support/testregistry.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

#include <csignal>
#include <cstdio>
#include <sys/types.h>
#include <unistd.h>

using namespace ocular;

namespace {

struct Answer
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QByteArray wwwAuthenticate;
    QByteArray location;
};

// Test-only HTTP: waiting on a local loop is fine here.
Answer send(QNetworkAccessManager &network, const QByteArray &verb, const QString &url,
            const QByteArray &authorization = {}, const QByteArray &body = {})
{
    QNetworkRequest request{QUrl(url)};
    request.setTransferTimeout(10000);
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArray("application/octet-stream"));
    // A custom "HEAD" would wait for the body its Content-Length announces.
    QNetworkReply *reply =
        verb == "HEAD" ? network.head(request) : network.sendCustomRequest(request, verb, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    Answer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.error = reply->error();
    if (reply->isOpen())
        answer.body = reply->readAll();
    answer.wwwAuthenticate = reply->rawHeader("WWW-Authenticate");
    answer.location = reply->rawHeader("Location");
    reply->deleteLater();
    return answer;
}

QByteArray basic(const QString &user, const QString &password)
{
    return "Basic " + (user + QLatin1Char(':') + password).toUtf8().toBase64();
}

// POST then a monolithic PUT; returns the PUT's status (201 when stored).
int pushBlob(QNetworkAccessManager &network, const QString &baseUrl, const QString &repository,
             const QByteArray &blob, const QString &digest)
{
    const Answer session =
        send(network, "POST", baseUrl + QStringLiteral("/v2/%1/blobs/uploads/").arg(repository));
    if (session.status != 202)
        return session.status;
    QUrl location = QUrl(baseUrl).resolved(QUrl(QString::fromLatin1(session.location)));
    QUrlQuery query(location);
    query.addQueryItem(QStringLiteral("digest"), digest);
    location.setQuery(query);
    return send(network, "PUT", location.toString(), {}, blob).status;
}

bool portIsFree(int port)
{
    QTcpServer server;
    return server.listen(QHostAddress::LocalHost, quint16(port));
}

// A self-signed certificate valid for 127.0.0.1, made with the openssl CLI.
bool makeCertificate(const QString &dir, QString *cert, QString *key)
{
    *cert = dir + QStringLiteral("/cert.pem");
    *key = dir + QStringLiteral("/key.pem");
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
                   QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-keyout"), *key,
                   QStringLiteral("-out"), *cert});
    if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0) {
        qWarning("openssl failed: %s", openssl.readAll().constData());
        return false;
    }
    return true;
}

} // namespace

class TestRegistryProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { m_network.setProxy(QNetworkProxy::NoProxy); }

    void startsAndAnswersV2()
    {
        RegistryProcess registry;
        QCOMPARE(registry.port(), 0);
        QVERIFY(!registry.isRunning());
        QElapsedTimer clock;
        clock.start();
        const Result<Done> started = registry.start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        qInfo("docker-registry ready after %lld ms", clock.elapsed());
        QVERIFY(registry.isRunning());
        QVERIFY(registry.port() > 0);
        QCOMPARE(registry.hostPort(), QStringLiteral("127.0.0.1:%1").arg(registry.port()));
        QCOMPARE(registry.baseUrl(), QStringLiteral("http://127.0.0.1:%1").arg(registry.port()));
        QVERIFY(QFileInfo(registry.storageDir()).isDir());
        QVERIFY(registry.processId() > 0);

        const Answer answer = send(m_network, "GET", registry.baseUrl() + QStringLiteral("/v2/"));
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.body.trimmed(), QByteArray("{}"));

        // start() on a running registry is a no-op, not a second process.
        const qint64 pid = registry.processId();
        QVERIFY(registry.start().ok());
        QCOMPARE(registry.processId(), pid);
    }

    void twoRegistriesRunConcurrently()
    {
        OCULAR_TEST_REGISTRY(first);
        OCULAR_TEST_REGISTRY(second);
        QVERIFY(first->port() != second->port());
        QVERIFY(first->storageDir() != second->storageDir());

        // A blob pushed to one is not visible in the other.
        const QByteArray blob("ocular two registries");
        const QString digest =
            QStringLiteral("sha256:") +
            QString::fromLatin1(QCryptographicHash::hash(blob, QCryptographicHash::Sha256).toHex());
        QCOMPARE(pushBlob(m_network, first.baseUrl(), QStringLiteral("demo"), blob, digest), 201);
        const QString path = QStringLiteral("/v2/demo/blobs/") + digest;
        QCOMPARE(send(m_network, "HEAD", first.baseUrl() + path).status, 200);
        QCOMPARE(send(m_network, "HEAD", second.baseUrl() + path).status, 404);
        QCOMPARE(send(m_network, "GET", second.baseUrl() + QStringLiteral("/v2/")).status, 200);
    }

    void givenStorageDirIsUsedAndDeleteIsEnabled()
    {
        QTemporaryDir storage;
        QVERIFY(storage.isValid());
        RegistryProcess::Options options;
        options.storageDir = storage.path();
        OCULAR_TEST_REGISTRY(registry, options);
        QCOMPARE(registry->storageDir(), QDir(storage.path()).absolutePath());

        const QByteArray blob("ocular storage check");
        const QByteArray hex = QCryptographicHash::hash(blob, QCryptographicHash::Sha256).toHex();
        const QString digest = QStringLiteral("sha256:") + QString::fromLatin1(hex);
        QCOMPARE(pushBlob(m_network, registry.baseUrl(), QStringLiteral("demo"), blob, digest),
                 201);
        const QString onDisk = storage.path() +
                               QStringLiteral("/docker/registry/v2/blobs/sha256/") +
                               QString::fromLatin1(hex.left(2)) + QLatin1Char('/') +
                               QString::fromLatin1(hex) + QStringLiteral("/data");
        QVERIFY2(QFile::exists(onDisk), qPrintable(onDisk));

        // storage.delete.enabled: a blob DELETE is accepted (405 UNSUPPORTED otherwise).
        QCOMPARE(send(m_network, "DELETE",
                      registry.baseUrl() + QStringLiteral("/v2/demo/blobs/") + digest)
                     .status,
                 202);

        // Stopping keeps a caller-provided storage directory.
        registry->stop();
        QVERIFY(QFileInfo(storage.path() + QStringLiteral("/docker")).isDir());
    }

    void htpasswdRequiresBasicCredentials()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("htpasswd")).isEmpty())
            QFAIL("htpasswd (apache2-utils) is not installed; run packaging/install-deps.sh");
        const QString password = QStringLiteral("canary-pw-7f3a9c");
        RegistryProcess::Options options;
        options.htpasswdUser = QStringLiteral("alice");
        options.htpasswdPassword = password;
        OCULAR_TEST_REGISTRY(registry, options);

        const QString v2 = registry.baseUrl() + QStringLiteral("/v2/");
        const Answer anonymous = send(m_network, "GET", v2);
        QCOMPARE(anonymous.status, 401);
        QVERIFY2(anonymous.wwwAuthenticate.startsWith("Basic realm="),
                 anonymous.wwwAuthenticate.constData());
        QCOMPARE(send(m_network, "GET", v2, basic(QStringLiteral("alice"), password)).status, 200);
        QCOMPARE(send(m_network, "GET", v2, basic(QStringLiteral("alice"), QStringLiteral("wrong")))
                     .status,
                 401);
        QCOMPARE(send(m_network, "GET", v2, basic(QStringLiteral("bob"), password)).status, 401);

        // Only the bcrypt hash is written anywhere the registry reads.
        QFile config(registry->configPath());
        QVERIFY(config.open(QIODevice::ReadOnly));
        const QByteArray yaml = config.readAll();
        QVERIFY(!yaml.contains(password.toUtf8()));
        QVERIFY(yaml.contains("htpasswd:"));
        QFile htpasswd(
            QFileInfo(registry->configPath()).dir().filePath(QStringLiteral("htpasswd")));
        QVERIFY(htpasswd.open(QIODevice::ReadOnly));
        const QByteArray line = htpasswd.readAll();
        QVERIFY2(line.startsWith("alice:$2y$"), line.constData());
        QVERIFY(!line.contains(password.toUtf8()));
    }

    void stopFreesThePort()
    {
        RegistryProcess registry;
        QVERIFY(registry.start().ok());
        const int port = registry.port();
        const QString v2 = registry.baseUrl() + QStringLiteral("/v2/");
        QVERIFY(!portIsFree(port));
        registry.stop();
        QVERIFY(!registry.isRunning());
        QCOMPARE(registry.processId(), 0);
        QVERIFY(portIsFree(port));
        QCOMPARE(send(m_network, "GET", v2).error, QNetworkReply::ConnectionRefusedError);
        registry.stop(); // idempotent

        // And it can be started again, keeping its temporary storage.
        const QString storage = registry.storageDir();
        QVERIFY(registry.start().ok());
        QCOMPARE(registry.storageDir(), storage);
        QCOMPARE(send(m_network, "GET", registry.baseUrl() + QStringLiteral("/v2/")).status, 200);
    }

    void preferredPortIsUsedWhenFree()
    {
        int port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        RegistryProcess::Options options;
        options.preferredPort = port;
        OCULAR_TEST_REGISTRY(registry, options);
        QCOMPARE(registry->port(), port);
    }

    void takenPortIsRetriedOnAnotherPort()
    {
        // Someone else listens on the port we ask for: the child fails with "address already
        // in use" and the launcher must move on to a free port instead of failing.
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        RegistryProcess::Options options;
        options.preferredPort = squatter.serverPort();
        OCULAR_TEST_REGISTRY(registry, options);
        QVERIFY(registry->port() != squatter.serverPort());
        QVERIFY2(registry->logTail().contains(QStringLiteral("address already in use")),
                 qPrintable(registry->logTail()));
        QCOMPARE(send(m_network, "GET", registry.baseUrl() + QStringLiteral("/v2/")).status, 200);
    }

    void destructorStopsTheChild()
    {
        qint64 pid = 0;
        int port = 0;
        QString storage;
        {
            RegistryProcess registry;
            QVERIFY(registry.start().ok());
            pid = registry.processId();
            port = registry.port();
            storage = registry.storageDir();
        }
        QVERIFY(pid > 0);
        QVERIFY2(::kill(pid_t(pid), 0) != 0, "the child still exists after the destructor");
        QVERIFY(portIsFree(port));
        QVERIFY(!QFileInfo::exists(storage)); // temporary storage is removed
    }

    void missingBinaryGivesInstallHint()
    {
        RegistryProcess::Options options;
        options.binary = QStringLiteral("/nonexistent/bin/docker-registry");
        RegistryProcess registry(options);
        const Result<Done> started = registry.start();
        QVERIFY(!started.ok());
        QCOMPARE(started.error().kind, ErrorKind::NotFound);
        QCOMPARE(started.error().message,
                 QStringLiteral("docker-registry is not installed; install it with: "
                                "sudo apt-get install docker-registry"));
        QCOMPARE(started.error().message, RegistryProcess::notInstalledMessage());
        QVERIFY(!registry.isRunning());
        QVERIFY(RegistryProcess::findBinary(options.binary).isEmpty());
        QVERIFY(!RegistryProcess::findBinary().isEmpty());
    }

    void earlyExitReportsTheRegistryOutput()
    {
        RegistryProcess::Options options;
        // Not valid YAML: the registry refuses its configuration and exits at once.
        options.extraConfig = QStringLiteral("notifications: [unclosed\n");
        RegistryProcess registry(options);
        QElapsedTimer clock;
        clock.start();
        const Result<Done> started = registry.start();
        QVERIFY(!started.ok());
        QVERIFY2(clock.elapsed() < 10000, "an early exit must not wait for the timeout");
        QVERIFY2(started.error().message.contains(QStringLiteral("exited before it was ready")),
                 qPrintable(started.error().message));
        QVERIFY2(started.error().message.contains(QStringLiteral("yaml")),
                 qPrintable(started.error().message));
        QVERIFY(!registry.isRunning());
    }

    void startAsyncDoesNotBlock()
    {
        RegistryProcess registry;
        QObject context;
        std::optional<Result<Done>> outcome;
        QElapsedTimer clock;
        clock.start();
        registry.startAsync(&context, [&](Result<Done> result) { outcome = std::move(result); });
        // Returned before readiness was known: a blocking start would already be running.
        QVERIFY(!registry.isRunning());
        QVERIFY(!outcome.has_value());
        // Generous: only a blocking wait for readiness (seconds) should trip this on a loaded
        // machine.
        QVERIFY2(clock.elapsed() < 3000, "startAsync blocked");
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 20000);
        QVERIFY(outcome->ok());
        QVERIFY(registry.isRunning());
        QCOMPARE(send(m_network, "GET", registry.baseUrl() + QStringLiteral("/v2/")).status, 200);
    }

    void startAsyncDropsResultForDeadContext()
    {
        RegistryProcess registry;
        bool delivered = false;
        {
            QObject context;
            registry.startAsync(&context, [&](Result<Done>) { delivered = true; });
        }
        QTRY_VERIFY_WITH_TIMEOUT(registry.isRunning(), 20000);
        QTest::qWait(100);
        QVERIFY(!delivered);
    }

    void stopWhileStartingCancels()
    {
        RegistryProcess registry;
        QObject context;
        std::optional<Result<Done>> outcome;
        registry.startAsync(&context, [&](Result<Done> result) { outcome = std::move(result); });
        registry.stop();
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 5000);
        QVERIFY(!outcome->ok());
        QCOMPARE(outcome->error().kind, ErrorKind::Cancelled);
        QVERIFY(!registry.isRunning());
        QCOMPARE(registry.processId(), 0);
    }

    void destroyWhileStartingDeliversNothing()
    {
        QObject context;
        bool delivered = false;
        qint64 pid = 0;
        {
            RegistryProcess registry;
            registry.startAsync(&context, [&](Result<Done>) { delivered = true; });
            QTRY_VERIFY_WITH_TIMEOUT(registry.processId() > 0, 5000);
            pid = registry.processId();
        }
        QTest::qWait(200);
        QVERIFY(!delivered);
        QVERIFY2(::kill(pid_t(pid), 0) != 0, "the child outlived its RegistryProcess");
    }

    void childDiesWithACrashedParent()
    {
        // Runs this executable again as a helper that starts a registry and then dies without
        // any cleanup; the registry must not outlive it.
        QProcess helper;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("OCULAR_REGISTRYPROCESS_HELPER"), QStringLiteral("1"));
        helper.setProcessEnvironment(env);
        helper.start(QCoreApplication::applicationFilePath(),
                     {QStringLiteral("helperStartThenDie")});
        QVERIFY(helper.waitForFinished(30000));
        const QByteArray out = helper.readAllStandardOutput();
        const qsizetype at = out.indexOf("registry-pid=");
        QVERIFY2(at >= 0, out.constData());
        const qint64 pid = out.mid(at + 13).split('\n').constFirst().trimmed().toLongLong();
        QVERIFY(pid > 0);
        QTRY_VERIFY2_WITH_TIMEOUT(::kill(pid_t(pid), 0) != 0, "registry outlived its parent", 5000);
        // The helper could not clean up its temporary directory; do it for it.
        const qsizetype dirAt = out.indexOf("work-dir=");
        QVERIFY(dirAt >= 0);
        const QString workDir =
            QString::fromLocal8Bit(out.mid(dirAt + 9).split('\n').constFirst().trimmed());
        QVERIFY(workDir.contains(QStringLiteral("ocular-registry-")));
        QVERIFY(QDir(workDir).removeRecursively());
    }

    void helperStartThenDie()
    {
        if (qEnvironmentVariable("OCULAR_REGISTRYPROCESS_HELPER") != QStringLiteral("1"))
            QSKIP("helper for childDiesWithACrashedParent");
        auto *registry = new RegistryProcess; // deliberately never destroyed
        QVERIFY(registry->start().ok());
        printf("registry-pid=%lld\nwork-dir=%s\n", registry->processId(),
               qPrintable(QFileInfo(registry->configPath()).absolutePath()));
        fflush(stdout);
        ::_exit(3);
    }

    void crashIsSignalled()
    {
        RegistryProcess registry;
        QVERIFY(registry.start().ok());
        QSignalSpy crashed(&registry, &RegistryProcess::crashed);
        QVERIFY(::kill(pid_t(registry.processId()), SIGKILL) == 0);
        QTRY_COMPARE_WITH_TIMEOUT(crashed.count(), 1, 5000);
        QVERIFY(!registry.isRunning());
    }

    void servesTls()
    {
        QTemporaryDir dir;
        QString cert, key;
        QVERIFY(makeCertificate(dir.path(), &cert, &key));
        RegistryProcess::Options options;
        options.tlsCertFile = cert;
        options.tlsKeyFile = key;
        OCULAR_TEST_REGISTRY(registry, options);
        QVERIFY(registry.baseUrl().startsWith(QStringLiteral("https://127.0.0.1:")));

        // Trusting exactly this certificate, the handshake verifies normally.
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(QSslCertificate::fromPath(cert));
        QNetworkRequest request{QUrl(registry.baseUrl() + QStringLiteral("/v2/"))};
        request.setSslConfiguration(ssl);
        QNetworkReply *reply = network.get(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();

        // Without trusting it, the default verification refuses.
        const Answer untrusted =
            send(m_network, "GET", registry.baseUrl() + QStringLiteral("/v2/"));
        QCOMPARE(untrusted.error, QNetworkReply::SslHandshakeFailedError);
    }

    void tokenAuthChallengesWithBearer()
    {
        QTemporaryDir dir;
        QString cert, key;
        QVERIFY(makeCertificate(dir.path(), &cert, &key));
        RegistryProcess::Options options;
        options.tokenAuth = RegistryProcess::TokenAuth{QStringLiteral("http://127.0.0.1:1/token"),
                                                       QStringLiteral("ocular-test"),
                                                       QStringLiteral("ocular-issuer"), cert};
        OCULAR_TEST_REGISTRY(registry, options);
        const Answer answer = send(m_network, "GET", registry.baseUrl() + QStringLiteral("/v2/"));
        QCOMPARE(answer.status, 401);
        QVERIFY2(answer.wwwAuthenticate.startsWith("Bearer "), answer.wwwAuthenticate.constData());
        QVERIFY(answer.wwwAuthenticate.contains("realm=\"http://127.0.0.1:1/token\""));
        QVERIFY(answer.wwwAuthenticate.contains("service=\"ocular-test\""));
    }

    void registryEnvironmentDoesNotLeakIn()
    {
        // A REGISTRY_* variable in the caller's environment would override our config.
        test::TempEnv env;
        env.set("REGISTRY_HTTP_ADDR", QStringLiteral("127.0.0.1:1"));
        env.set("REGISTRY_STORAGE_DELETE_ENABLED", QStringLiteral("false"));
        OCULAR_TEST_REGISTRY(registry);
        QCOMPARE(send(m_network, "GET", registry.baseUrl() + QStringLiteral("/v2/")).status, 200);
    }

    // --- the test-support library itself

    void waitForDeliversAndTimesOut()
    {
        const Result<int> value = test::waitFor<int>([](QObject *context, auto done) {
            QTimer::singleShot(10, context, [done] { done(42); });
            return RequestHandle();
        });
        QVERIFY(value.ok());
        QCOMPARE(value.value(), 42);

        bool cancelled = false;
        QElapsedTimer clock;
        clock.start();
        const Result<int> late = test::waitFor<int>(
            [&](QObject *, auto) {
                RequestHandle handle;
                handle.setAbort([&] { cancelled = true; });
                return handle;
            },
            100);
        QVERIFY(!late.ok());
        QCOMPARE(late.error().kind, ErrorKind::Cancelled);
        QVERIFY(late.error().message.contains(QStringLiteral("timed out")));
        QVERIFY(cancelled);
        QVERIFY(clock.elapsed() >= 90);
    }

    void logCaptureRecordsAndNests()
    {
        test::LogCapture outer;
        qDebug("outer-only message");
        {
            test::LogCapture inner;
            qWarning("secret-canary-1234 in a warning");
            QVERIFY(inner.contains(QStringLiteral("secret-canary-1234")));
            QVERIFY(!inner.contains(QStringLiteral("outer-only")));
        }
        QVERIFY(outer.contains(QStringLiteral("outer-only")));
        QVERIFY(outer.contains(QStringLiteral("secret-canary-1234")));
        qInfo("after the inner capture");
        QVERIFY(outer.contains(QByteArray("after the inner")));
        QCOMPARE(outer.count(), 3);
        outer.clear();
        QCOMPARE(outer.count(), 0);
    }

    void tempEnvIsolatesAndRestores()
    {
        const QByteArray before = qgetenv("XDG_CONFIG_HOME");
        const bool wasSet = qEnvironmentVariableIsSet("XDG_CONFIG_HOME");
        qunsetenv("OCULAR_TEMPENV_PROBE");
        {
            test::TempEnv env;
            QCOMPARE(qEnvironmentVariable("XDG_CONFIG_HOME"), env.configHome());
            QCOMPARE(qEnvironmentVariable("DOCKER_CONFIG"), env.dockerConfigDir());
            QVERIFY(QFileInfo(env.dockerConfigDir()).isDir());
            QVERIFY(QFileInfo(env.cacheHome()).isDir());
            env.set("OCULAR_TEMPENV_PROBE", QStringLiteral("x"));
            QCOMPARE(qgetenv("OCULAR_TEMPENV_PROBE"), QByteArray("x"));
        }
        QVERIFY(!qEnvironmentVariableIsSet("OCULAR_TEMPENV_PROBE"));
        QCOMPARE(qEnvironmentVariableIsSet("XDG_CONFIG_HOME"), wasSet);
        QCOMPARE(qgetenv("XDG_CONFIG_HOME"), before);
    }

    void fixturesHelpers()
    {
        QVERIFY(!test::fixturesDir().isEmpty());
        QVERIFY(test::fixturePath(QStringLiteral("SOURCES.md"))
                    .endsWith(QStringLiteral("/SOURCES.md")));
        QVERIFY(!test::readFixture(QStringLiteral("no/such/fixture.json")).has_value());
        QVERIFY(test::missingFixtureMessage(QStringLiteral("x.json"))
                    .startsWith(QStringLiteral("shared fixtures not found at ")));
        OCULAR_REQUIRE_FIXTURE(QStringLiteral("SOURCES.md"));
        const auto sources = test::readFixture(QStringLiteral("SOURCES.md"));
        QVERIFY(sources.has_value());
        QVERIFY(!sources->isEmpty());
    }

private:
    QNetworkAccessManager m_network;
};

QTEST_GUILESS_MAIN(TestRegistryProcess)
#include "tst_registryprocess.moc"
