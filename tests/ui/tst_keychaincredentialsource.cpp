// Credentials in the OS keychain through QtKeychain, against a real gnome-keyring Secret
// Service: the test re-runs itself inside `dbus-run-session` with a throw-away, unlocked
// keyring (XDG_DATA_HOME in a temporary directory), so the developer's keyring is never used.
#include "credentials/keychaincredentialsource.h"

#include "auth/credentialchain.h"
#include "auth/registryauthenticator.h"
#include "base/offthread.h"
#include "support/logcapture.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ocular;

namespace {

const QString Canary = QStringLiteral("canary-Keychain-Pw-babe5afe");
constexpr char SessionMarker[] = "OCULAR_KEYCHAIN_TEST_SESSION";

Result<Done>
waitDone(const std::function<void(QObject *, std::function<void(Result<Done>)>)> &start)
{
    std::optional<Result<Done>> result;
    QObject context;
    start(&context, [&](Result<Done> r) { result.emplace(std::move(r)); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
        return Error::make(ErrorKind::Cancelled, QStringLiteral("timed out"));
    return *result;
}

// Lookups run on a worker thread in the application; do the same here.
Result<std::optional<Credentials>> lookupOffThread(KeychainCredentialSource &source,
                                                   const QString &registry)
{
    struct Outcome
    {
        std::optional<Credentials> credentials;
        std::optional<Error> error;
    };
    std::optional<Outcome> outcome;
    QObject context;
    runOffThread<Outcome>(
        &context,
        [&source, registry] {
            Outcome o;
            auto found = source.lookup(registry);
            if (found)
                o.credentials = found.value();
            else
                o.error = found.error();
            return o;
        },
        [&](Outcome o) { outcome.emplace(std::move(o)); });
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 30000))
        return Error::make(ErrorKind::Cancelled, QStringLiteral("timed out"));
    if (outcome->error)
        return *outcome->error;
    return outcome->credentials;
}

} // namespace

class TestKeychainCredentialSource : public QObject
{
    Q_OBJECT

private:
    test::LogCapture m_log;

private Q_SLOTS:
    void initTestCase()
    {
        if (!qEnvironmentVariableIsSet(SessionMarker))
            QSKIP("needs a D-Bus session with gnome-keyring (run the test binary directly; it "
                  "starts one itself when dbus-run-session and gnome-keyring-daemon exist)");
    }

    void cleanupTestCase()
    {
        QVERIFY2(!m_log.contains(Canary), qPrintable(m_log.messages().join(QLatin1Char('\n'))));
    }

    void storeLookupErase()
    {
        KeychainCredentialSource keychain(QStringLiteral("Ocular-test"));
        const QString registry = QStringLiteral("Registry.Example:5000");
        const auto before = lookupOffThread(keychain, registry);
        QVERIFY2(before.ok(), qPrintable(before.ok() ? QString() : before.error().message));
        QVERIFY(!before.value().has_value());

        const auto stored = waitDone([&](QObject *ctx, auto done) {
            keychain.store(registry, Credentials{QStringLiteral("kuser"), Canary, false, {}}, ctx,
                           done);
        });
        QVERIFY2(stored.ok(), qPrintable(stored.ok() ? QString() : stored.error().message));

        const auto found = lookupOffThread(keychain, QStringLiteral("registry.example:5000"));
        QVERIFY2(found.ok(), qPrintable(found.ok() ? QString() : found.error().message));
        QVERIFY(found.value().has_value());
        QCOMPARE(found.value()->username, QStringLiteral("kuser"));
        QCOMPARE(found.value()->secret, Canary);
        QCOMPARE(found.value()->source, KeychainCredentialSource::sourceLabel());
        QVERIFY(!lookupOffThread(keychain, QStringLiteral("other.example")).value().has_value());

        const auto erased =
            waitDone([&](QObject *ctx, auto done) { keychain.erase(registry, ctx, done); });
        QVERIFY(erased.ok());
        QVERIFY(!lookupOffThread(keychain, registry).value().has_value());
        // Erasing again is not an error.
        QVERIFY(
            waitDone([&](QObject *ctx, auto done) { keychain.erase(registry, ctx, done); }).ok());
    }

    void identityTokenRoundTrip()
    {
        KeychainCredentialSource keychain(QStringLiteral("Ocular-test"));
        QVERIFY(waitDone([&](QObject *ctx, auto done) {
                    keychain.store(QStringLiteral("ghcr.io"), Credentials{{}, Canary, true, {}},
                                   ctx, done);
                }).ok());
        const auto found = lookupOffThread(keychain, QStringLiteral("ghcr.io"));
        QVERIFY(found.ok() && found.value());
        QVERIFY(found.value()->isIdentityToken);
        QVERIFY(waitDone([&](QObject *ctx, auto done) {
                    keychain.erase(QStringLiteral("ghcr.io"), ctx, done);
                }).ok());
    }

    void nothingWrittenToPlainFiles()
    {
        // QtKeychain must not have used its insecure fallback (a settings file).
        const QString config =
            QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
        QDir dir(config);
        const QStringList files = dir.entryList(QDir::Files | QDir::NoDotAndDotDot);
        for (const QString &file : files) {
            QFile f(dir.filePath(file));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(Canary.toUtf8()), qPrintable(file));
        }
    }
};

int main(int argc, char **argv)
{
    if (!qEnvironmentVariableIsSet(SessionMarker) &&
        !QStandardPaths::findExecutable(QStringLiteral("dbus-run-session")).isEmpty() &&
        !QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon")).isEmpty()) {
        // A private bus and keyring, as CI does it; the developer's keyring stays untouched.
        QCoreApplication app(argc, argv);
        QTemporaryDir home;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(SessionMarker), QStringLiteral("1"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.filePath(QStringLiteral("run")));
        QDir().mkpath(home.filePath(QStringLiteral("run")));
        QFile::setPermissions(home.filePath(QStringLiteral("run")),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QStringList arguments{QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                              QStringLiteral("eval \"$(printf %s ocular-test | "
                                             "gnome-keyring-daemon --unlock "
                                             "--components=secrets)\" >/dev/null; "
                                             "export GNOME_KEYRING_CONTROL; \"$0\" \"$@\"; "
                                             "status=$?; kill $GNOME_KEYRING_PID 2>/dev/null; "
                                             "exit $status"),
                              QCoreApplication::applicationFilePath()};
        for (int i = 1; i < argc; ++i)
            arguments << QString::fromLocal8Bit(argv[i]);
        QProcess child;
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::ForwardedChannels);
        child.start(QStringLiteral("dbus-run-session"), arguments);
        if (!child.waitForFinished(120000)) {
            child.kill();
            return 1;
        }
        return child.exitStatus() == QProcess::NormalExit ? child.exitCode() : 1;
    }
    QCoreApplication app(argc, argv);
    TestKeychainCredentialSource test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keychaincredentialsource.moc"
