// Credential sources: docker config.json, credential helpers (a fake helper script on PATH),
// containers auth.json search order, the source chain, and that no secret reaches a log.
#include "auth/containersauthcredentialsource.h"
#include "auth/credentialchain.h"
#include "auth/credentialhelper.h"
#include "auth/dockerconfig.h"
#include "auth/dockerconfigcredentialsource.h"
#include "auth/staticcredentialsource.h"
#include "support/logcapture.h"
#include "support/tempenv.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ocular;

namespace {

const QString Canary = QStringLiteral("canary-Secr3t-7f1d9a");

void writeFile(const QString &path, const QByteArray &content, bool executable = false)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    file.write(content);
    file.close();
    if (executable)
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

QByteArray basicAuth(const QString &user, const QString &password)
{
    return (user + QLatin1Char(':') + password).toUtf8().toBase64();
}

} // namespace

class TestAuthCredentials : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempEnv> m_env;
    std::unique_ptr<test::LogCapture> m_log;
    QString m_bin;

    QString dockerConfigPath() const
    {
        return QDir(m_env->dockerConfigDir()).filePath(QStringLiteral("config.json"));
    }

    // A fake helper `docker-credential-<name>` whose behaviour is a shell snippet. Every call
    // records its action and stdin in <bin>/<name>.log.
    void addHelper(const QString &name, const QByteArray &body)
    {
        const QString log = QDir(m_bin).filePath(name + QStringLiteral(".log"));
        QByteArray script = "#!/bin/sh\ninput=$(cat)\nprintf '%s %s\\n' \"$1\" \"$input\" >> '" +
                            log.toUtf8() + "'\n" + body + "\n";
        writeFile(QDir(m_bin).filePath(QStringLiteral("docker-credential-") + name), script, true);
    }
    QString helperLog(const QString &name) const
    {
        QFile file(QDir(m_bin).filePath(name + QStringLiteral(".log")));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(file.readAll());
    }
    void addStandardHelpers()
    {
        // Success: answers for any server URL with the canary as secret.
        addHelper(QStringLiteral("good"),
                  "printf '{\"ServerURL\":\"%s\",\"Username\":\"helperuser\",\"Secret\":\"" +
                      Canary.toUtf8() + "\"}' \"$input\"");
        addHelper(QStringLiteral("none"),
                  "echo 'credentials not found in native keychain'; exit 1");
        addHelper(QStringLiteral("garbage"), "echo 'this is not json " + Canary.toUtf8() + "'");
        addHelper(QStringLiteral("failing"),
                  "echo 'backend exploded: password=" + Canary.toUtf8() + "' >&2; exit 3");
        addHelper(QStringLiteral("hang"), "exec sleep 30");
        addHelper(QStringLiteral("token"),
                  "printf '{\"ServerURL\":\"x\",\"Username\":\"<token>\",\"Secret\":\"" +
                      Canary.toUtf8() + "\"}'");
    }

private Q_SLOTS:
    void init()
    {
        m_log = std::make_unique<test::LogCapture>();
        m_env = std::make_unique<test::TempEnv>();
        m_bin = QDir(m_env->root()).filePath(QStringLiteral("bin"));
        QDir().mkpath(m_bin);
        m_env->set("PATH", m_bin + QStringLiteral(":/usr/bin:/bin"));
        m_env->unset("XDG_RUNTIME_DIR");
        addStandardHelpers();
    }

    void cleanup()
    {
        m_env.reset();
        const bool leaked = m_log->contains(Canary);
        const QStringList messages = m_log->messages();
        m_log.reset();
        QVERIFY2(!leaked, qPrintable(messages.join(QLatin1Char('\n'))));
    }

    void serverKeys_data()
    {
        QTest::addColumn<QByteArray>("registry");
        QTest::addColumn<QByteArray>("key");
        QTest::addRow("hub") << QByteArray("docker.io")
                             << QByteArray("https://index.docker.io/v1/");
        QTest::addRow("hub api host")
            << QByteArray("registry-1.docker.io") << QByteArray("https://index.docker.io/v1/");
        QTest::addRow("index") << QByteArray("index.docker.io")
                               << QByteArray("https://index.docker.io/v1/");
        QTest::addRow("ghcr") << QByteArray("ghcr.io") << QByteArray("ghcr.io");
        QTest::addRow("port") << QByteArray("localhost:5000") << QByteArray("localhost:5000");
        QTest::addRow("url") << QByteArray("https://Quay.io/v2/") << QByteArray("quay.io");
    }
    void serverKeys()
    {
        QFETCH(QByteArray, registry);
        QFETCH(QByteArray, key);
        QCOMPARE(DockerConfig::serverKey(QString::fromUtf8(registry)), QString::fromUtf8(key));
    }

    void defaultPathFollowsDockerConfig()
    {
        QCOMPARE(DockerConfig::defaultPath(), dockerConfigPath());
        m_env->unset("DOCKER_CONFIG");
        QCOMPARE(DockerConfig::defaultPath(),
                 QDir::home().filePath(QStringLiteral(".docker/config.json")));
    }

    void authsEntry()
    {
        writeFile(dockerConfigPath(), "{\"auths\":{\"registry.example:5000\":{\"auth\":\"" +
                                          basicAuth(QStringLiteral("alice"), Canary) + "\"}}}");
        DockerConfigCredentialSource source;
        const auto found = source.lookup(QStringLiteral("registry.example:5000"));
        QVERIFY2(found.ok(), qPrintable(found.ok() ? QString() : found.error().message));
        QVERIFY(found.value().has_value());
        QCOMPARE(found.value()->username, QStringLiteral("alice"));
        QCOMPARE(found.value()->secret, Canary);
        QVERIFY(!found.value()->isIdentityToken);
        QVERIFY(found.value()->source.contains(dockerConfigPath()));
        // Another registry, and the same host on another port, get nothing.
        QVERIFY(!source.lookup(QStringLiteral("registry.example")).value().has_value());
        QVERIFY(!source.lookup(QStringLiteral("other.example")).value().has_value());
    }

    void authsKeysAreNormalised()
    {
        writeFile(dockerConfigPath(),
                  "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"" +
                      basicAuth(QStringLiteral("hubuser"), Canary) +
                      "\"},\"https://quay.io\":{\"username\":\"quser\",\"password\":\"qpass\"}}}");
        DockerConfigCredentialSource source;
        const auto hub = source.lookup(QStringLiteral("docker.io"));
        QVERIFY(hub.ok() && hub.value());
        QCOMPARE(hub.value()->username, QStringLiteral("hubuser"));
        const auto quay = source.lookup(QStringLiteral("quay.io"));
        QVERIFY(quay.ok() && quay.value());
        QCOMPARE(quay.value()->username, QStringLiteral("quser"));
        QCOMPARE(quay.value()->secret, QStringLiteral("qpass"));
    }

    void identityToken()
    {
        writeFile(dockerConfigPath(), "{\"auths\":{\"ghcr.io\":{\"auth\":\"" +
                                          basicAuth(QStringLiteral("bob"), {}) +
                                          "\",\"identitytoken\":\"" + Canary.toUtf8() + "\"}}}");
        DockerConfigCredentialSource source;
        const auto found = source.lookup(QStringLiteral("ghcr.io"));
        QVERIFY(found.ok() && found.value());
        QVERIFY(found.value()->isIdentityToken);
        QCOMPARE(found.value()->secret, Canary);
        QCOMPARE(found.value()->username, QStringLiteral("bob"));
    }

    void missingConfigIsAnonymous()
    {
        DockerConfigCredentialSource source;
        const auto found = source.lookup(QStringLiteral("ghcr.io"));
        QVERIFY(found.ok());
        QVERIFY(!found.value().has_value());
    }

    void brokenConfigIsAnError()
    {
        writeFile(dockerConfigPath(), "{\"auths\": {\"x\": {\"auth\": \"" + Canary.toUtf8());
        DockerConfigCredentialSource source;
        const auto found = source.lookup(QStringLiteral("x"));
        QVERIFY(!found.ok());
        QVERIFY(found.error().message.contains(QStringLiteral("not valid JSON")));
        QVERIFY(!found.error().message.contains(Canary));
    }

    void badBase64IsAnError()
    {
        writeFile(dockerConfigPath(), "{\"auths\":{\"x.io\":{\"auth\":\"***\"}}}");
        const auto found = DockerConfigCredentialSource().lookup(QStringLiteral("x.io"));
        QVERIFY(!found.ok());
        QVERIFY(found.error().message.contains(QStringLiteral("base64")));
    }

    void credHelperWinsOverStoreAndAuths()
    {
        writeFile(dockerConfigPath(),
                  "{\"credHelpers\":{\"ghcr.io\":\"good\"},\"credsStore\":\"none\","
                  "\"auths\":{\"ghcr.io\":{\"auth\":\"" +
                      basicAuth(QStringLiteral("fromauths"), QStringLiteral("p")) + "\"}}}");
        const auto found = DockerConfigCredentialSource().lookup(QStringLiteral("ghcr.io"));
        QVERIFY2(found.ok(), qPrintable(found.ok() ? QString() : found.error().message));
        QVERIFY(found.value());
        QCOMPARE(found.value()->username, QStringLiteral("helperuser"));
        QCOMPARE(found.value()->secret, Canary);
        QVERIFY(found.value()->source.contains(QStringLiteral("docker-credential-good")));
        QCOMPARE(helperLog(QStringLiteral("good")), QStringLiteral("get ghcr.io\n"));
        QVERIFY(helperLog(QStringLiteral("none")).isEmpty());
    }

    void credsStoreForOtherHostsWithHubKey()
    {
        writeFile(dockerConfigPath(),
                  "{\"credHelpers\":{\"ghcr.io\":\"none\"},\"credsStore\":\"good\"}");
        const auto found = DockerConfigCredentialSource().lookup(QStringLiteral("docker.io"));
        QVERIFY(found.ok() && found.value());
        QCOMPARE(found.value()->username, QStringLiteral("helperuser"));
        // Docker Hub is asked for with docker's historical key.
        QCOMPARE(helperLog(QStringLiteral("good")),
                 QStringLiteral("get https://index.docker.io/v1/\n"));
    }

    void helperNotFoundFallsBackToAuthsThenAnonymous()
    {
        writeFile(dockerConfigPath(),
                  "{\"credsStore\":\"none\",\"auths\":{\"a.io\":{\"auth\":\"" +
                      basicAuth(QStringLiteral("legacy"), QStringLiteral("pw")) + "\"}}}");
        DockerConfigCredentialSource source;
        const auto a = source.lookup(QStringLiteral("a.io"));
        QVERIFY(a.ok() && a.value());
        QCOMPARE(a.value()->username, QStringLiteral("legacy"));
        const auto b = source.lookup(QStringLiteral("b.io"));
        QVERIFY(b.ok());
        QVERIFY(!b.value().has_value());
        QCOMPARE(helperLog(QStringLiteral("none")), QStringLiteral("get a.io\nget b.io\n"));
    }

    void helperIdentityToken()
    {
        writeFile(dockerConfigPath(), "{\"credsStore\":\"token\"}");
        const auto found = DockerConfigCredentialSource().lookup(QStringLiteral("acr.example"));
        QVERIFY(found.ok() && found.value());
        QVERIFY(found.value()->isIdentityToken);
        QVERIFY(found.value()->username.isEmpty());
        QCOMPARE(found.value()->secret, Canary);
    }

    void helperGarbage()
    {
        writeFile(dockerConfigPath(), "{\"credsStore\":\"garbage\"}");
        const auto found = DockerConfigCredentialSource().lookup(QStringLiteral("x.io"));
        QVERIFY(!found.ok());
        QCOMPARE(found.error().kind, ErrorKind::Auth);
        QVERIFY(found.error().message.contains(QStringLiteral("docker-credential-garbage")));
        QVERIFY(found.error().message.contains(QStringLiteral("not the expected JSON")));
        QVERIFY(!found.error().message.contains(Canary));
    }

    void helperFailure()
    {
        writeFile(dockerConfigPath(), "{\"credHelpers\":{\"x.io\":\"failing\"}}");
        const auto found = DockerConfigCredentialSource().lookup(QStringLiteral("x.io"));
        QVERIFY(!found.ok());
        const QString message = found.error().message;
        QVERIFY2(message.contains(QStringLiteral("exit code 3")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("backend exploded")), qPrintable(message));
        QVERIFY2(!message.contains(Canary), qPrintable(message));
    }

    void helperHangIsStopped()
    {
        writeFile(dockerConfigPath(), "{\"credsStore\":\"hang\"}");
        QElapsedTimer timer;
        timer.start();
        const auto found =
            DockerConfigCredentialSource(QString(), 700).lookup(QStringLiteral("x.io"));
        QVERIFY(timer.elapsed() < 5000);
        QVERIFY(!found.ok());
        QVERIFY2(found.error().message.contains(QStringLiteral("did not answer")),
                 qPrintable(found.error().message));
    }

    void helperMissing()
    {
        writeFile(dockerConfigPath(), "{\"credsStore\":\"notinstalled\"}");
        const auto found = DockerConfigCredentialSource().lookup(QStringLiteral("x.io"));
        QVERIFY(!found.ok());
        QVERIFY(found.error().message.contains(QStringLiteral("docker-credential-notinstalled")));
        QVERIFY(found.error().message.contains(QStringLiteral("not installed")));
    }

    void helperNamesCannotBePaths()
    {
        writeFile(dockerConfigPath(), "{\"credsStore\":\"../../bin/sh\"}");
        const auto found = DockerConfigCredentialSource().lookup(QStringLiteral("x.io"));
        QVERIFY(!found.ok());
        QVERIFY(found.error().message.contains(QStringLiteral("not a valid")));
    }

    void helperStoreAndErase()
    {
        // A helper with a real (file) backend: store, get, erase, get.
        const QString db = QDir(m_bin).filePath(QStringLiteral("store.json"));
        addHelper(QStringLiteral("filestore"),
                  "case \"$1\" in\n"
                  "store) printf '%s' \"$input\" > '" +
                      db.toUtf8() +
                      "';;\n"
                      "get) if [ -f '" +
                      db.toUtf8() + "' ]; then cat '" + db.toUtf8() +
                      "'; else echo 'credentials not found in native keychain'; exit 1; fi;;\n"
                      "erase) rm -f '" +
                      db.toUtf8() +
                      "';;\n"
                      "esac");
        const CredentialHelper helper(QStringLiteral("filestore"));
        Credentials credentials{QStringLiteral("carol"), Canary, false, {}};
        QVERIFY(helper.store(QStringLiteral("r.example"), credentials).ok());
        const QJsonObject stored = QJsonDocument::fromJson([&] {
                                       QFile f(db);
                                       f.open(QIODevice::ReadOnly);
                                       return f.readAll();
                                   }())
                                       .object();
        QCOMPARE(stored.value(QLatin1String("ServerURL")).toString(), QStringLiteral("r.example"));
        QCOMPARE(stored.value(QLatin1String("Username")).toString(), QStringLiteral("carol"));
        const auto got = helper.get(QStringLiteral("r.example"));
        QVERIFY(got.ok() && got.value());
        QCOMPARE(got.value()->secret, Canary);
        QVERIFY(helper.erase(QStringLiteral("r.example")).ok());
        const auto gone = helper.get(QStringLiteral("r.example"));
        QVERIFY(gone.ok());
        QVERIFY(!gone.value().has_value());
        // Erasing what is not there is fine.
        QVERIFY(helper.erase(QStringLiteral("r.example")).ok());
    }

    void containersSearchOrder()
    {
        const QString runtime = QDir(m_env->root()).filePath(QStringLiteral("run"));
        m_env->set("XDG_RUNTIME_DIR", runtime);
        QCOMPARE(ContainersAuthCredentialSource::searchPath(),
                 QStringList({runtime + QStringLiteral("/containers/auth.json"),
                              m_env->configHome() + QStringLiteral("/containers/auth.json")}));
        writeFile(m_env->configHome() + QStringLiteral("/containers/auth.json"),
                  "{\"auths\":{\"quay.io\":{\"auth\":\"" +
                      basicAuth(QStringLiteral("fromconfig"), QStringLiteral("a")) +
                      "\"},\"only.config\":{\"auth\":\"" +
                      basicAuth(QStringLiteral("configonly"), QStringLiteral("b")) + "\"}}}");
        writeFile(runtime + QStringLiteral("/containers/auth.json"),
                  "{\"auths\":{\"quay.io\":{\"auth\":\"" +
                      basicAuth(QStringLiteral("fromruntime"), QStringLiteral("c")) + "\"}}}");
        ContainersAuthCredentialSource source;
        const auto quay = source.lookup(QStringLiteral("quay.io"));
        QVERIFY(quay.ok() && quay.value());
        QCOMPARE(quay.value()->username, QStringLiteral("fromruntime"));
        QVERIFY(quay.value()->source.contains(QStringLiteral("containers auth")));
        const auto other = source.lookup(QStringLiteral("only.config"));
        QVERIFY(other.ok() && other.value());
        QCOMPARE(other.value()->username, QStringLiteral("configonly"));

        // REGISTRY_AUTH_FILE replaces the whole search path.
        const QString explicitFile = QDir(m_env->root()).filePath(QStringLiteral("explicit.json"));
        writeFile(explicitFile, "{\"auths\":{\"quay.io\":{\"auth\":\"" +
                                    basicAuth(QStringLiteral("explicit"), QStringLiteral("d")) +
                                    "\"}}}");
        m_env->set("REGISTRY_AUTH_FILE", explicitFile);
        QCOMPARE(ContainersAuthCredentialSource::searchPath(), QStringList{explicitFile});
        QCOMPARE(source.lookup(QStringLiteral("quay.io")).value()->username,
                 QStringLiteral("explicit"));
        QVERIFY(!source.lookup(QStringLiteral("only.config")).value().has_value());
    }

    void containersCredHelpers()
    {
        writeFile(m_env->configHome() + QStringLiteral("/containers/auth.json"),
                  "{\"credHelpers\":{\"ghcr.io\":\"good\"}}");
        const auto found = ContainersAuthCredentialSource().lookup(QStringLiteral("ghcr.io"));
        QVERIFY(found.ok() && found.value());
        QCOMPARE(found.value()->username, QStringLiteral("helperuser"));
    }

    void chainOrderAndErrors()
    {
        StaticCredentialSource session;
        writeFile(dockerConfigPath(), "{\"auths\":{\"a.io\":{\"auth\":\"" +
                                          basicAuth(QStringLiteral("docker"), QStringLiteral("1")) +
                                          "\"}},\"credHelpers\":{\"broken.io\":\"failing\"}}");
        writeFile(m_env->configHome() + QStringLiteral("/containers/auth.json"),
                  "{\"auths\":{\"a.io\":{\"auth\":\"" +
                      basicAuth(QStringLiteral("podman"), QStringLiteral("2")) +
                      "\"},\"b.io\":{\"auth\":\"" +
                      basicAuth(QStringLiteral("podman"), QStringLiteral("3")) +
                      "\"},\"broken.io\":{\"auth\":\"" +
                      basicAuth(QStringLiteral("rescued"), QStringLiteral("4")) + "\"}}}");
        auto chain = CredentialChain::standard(&session, 2000);
        QCOMPARE(chain->lookup(QStringLiteral("a.io")).value()->username, QStringLiteral("docker"));
        QCOMPARE(chain->lookup(QStringLiteral("b.io")).value()->username, QStringLiteral("podman"));
        session.set(QStringLiteral("a.io"), Credentials{QStringLiteral("typed"), Canary, false,
                                                        QStringLiteral("login dialog")});
        QCOMPARE(chain->lookup(QStringLiteral("a.io")).value()->username, QStringLiteral("typed"));
        // A failing helper does not hide credentials found later...
        QCOMPARE(chain->lookup(QStringLiteral("broken.io")).value()->username,
                 QStringLiteral("rescued"));
        // ...but when nobody has any, its error is what the user sees.
        writeFile(dockerConfigPath(), "{\"credHelpers\":{\"broken.io\":\"failing\"}}");
        writeFile(m_env->configHome() + QStringLiteral("/containers/auth.json"), "{}");
        const auto broken = chain->lookup(QStringLiteral("broken.io"));
        QVERIFY(!broken.ok());
        QVERIFY(broken.error().message.contains(QStringLiteral("docker-credential-failing")));
        QVERIFY(!chain->lookup(QStringLiteral("c.io")).value().has_value());
    }
};

QTEST_GUILESS_MAIN(TestAuthCredentials)
#include "tst_authcredentials.moc"
