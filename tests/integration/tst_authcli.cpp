// ocular-cli's credential and TLS flags against a real docker-registry with htpasswd over TLS:
// --ca-file, --insecure, --username/--password-stdin, and docker's config.json / credential
// helpers found the way docker finds them. The canary password never appears in any output.
#include "support/tempenv.h"
#include "support/testca.h"
#include "support/testregistry.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>

using namespace ocular;

namespace {

const QByteArray Canary = "canary-Cli-Pw-1ee7c0de";
const QString User = QStringLiteral("cliuser");

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runCli(const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(QStringLiteral(OCULAR_BINARY_DIR "/app/ocular-cli"), arguments);
    process.write(input);
    process.closeWriteChannel();
    Run run;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace

class TestAuthCli : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempEnv> m_env;
    std::unique_ptr<test::TestCa> m_ca;
    std::unique_ptr<test::TestRegistry> m_registry;

    void checkNoLeak(const Run &run)
    {
        QVERIFY2(!run.out.contains(Canary) && !run.err.contains(Canary), run.err.constData());
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(QStringLiteral(OCULAR_BINARY_DIR "/app/ocular-cli")))
            QSKIP("ocular-cli is not built (cmake --build <dir> --target ocular-cli)");
        m_env = std::make_unique<test::TempEnv>();
        m_ca = std::make_unique<test::TestCa>();
        QVERIFY2(m_ca->ok(), qPrintable(m_ca->errorMessage()));
        const auto cert =
            m_ca->issueServer(QStringLiteral("registry"), {QStringLiteral("IP:127.0.0.1")});
        RegistryProcess::Options options;
        options.htpasswdUser = User;
        options.htpasswdPassword = QString::fromLatin1(Canary);
        options.tlsCertFile = cert.certFile;
        options.tlsKeyFile = cert.keyFile;
        m_registry = std::make_unique<test::TestRegistry>(options);
        QVERIFY(m_registry->ok());
    }

    void untrustedCertificateFails()
    {
        const Run run = runCli({QStringLiteral("ls"), m_registry->baseUrl()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("issuer is not trusted"), run.err.constData());
        checkNoLeak(run);
    }

    void caFileAndPasswordStdin()
    {
        const Run run =
            runCli({QStringLiteral("ls"), m_registry->hostPort(), QStringLiteral("--ca-file"),
                    m_ca->caCertFile(), QStringLiteral("--username"), User,
                    QStringLiteral("--password-stdin")},
                   Canary + '\n');
        QVERIFY2(run.exitCode == 0, run.err.constData());
        checkNoLeak(run);
    }

    void caFileWithoutCredentialsAsksForLogin()
    {
        const Run run = runCli({QStringLiteral("ls"), m_registry->hostPort(),
                                QStringLiteral("--ca-file"), m_ca->caCertFile()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("requires a login"), run.err.constData());
    }

    void wrongPasswordIsRejected()
    {
        const Run run =
            runCli({QStringLiteral("ls"), m_registry->hostPort(), QStringLiteral("--ca-file"),
                    m_ca->caCertFile(), QStringLiteral("--username"), User,
                    QStringLiteral("--password-stdin")},
                   "nope\n");
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("rejected"), run.err.constData());
    }

    void dockerConfigAndHelper()
    {
        // A credential helper on PATH, configured for this registry in config.json.
        const QString bin = QDir(m_env->root()).filePath(QStringLiteral("bin"));
        QDir().mkpath(bin);
        QFile helper(QDir(bin).filePath(QStringLiteral("docker-credential-ocfake")));
        QVERIFY(helper.open(QIODevice::WriteOnly));
        helper.write("#!/bin/sh\ncat >/dev/null\nprintf '{\"ServerURL\":\"x\",\"Username\":\"" +
                     User.toUtf8() + "\",\"Secret\":\"" + Canary + "\"}'\n");
        helper.close();
        helper.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        m_env->set("PATH", bin + QStringLiteral(":") + qEnvironmentVariable("PATH"));
        QFile config(QDir(m_env->dockerConfigDir()).filePath(QStringLiteral("config.json")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("{\"credHelpers\":{\"" + m_registry->hostPort().toUtf8() + "\":\"ocfake\"}}");
        config.close();
        const Run run = runCli({QStringLiteral("ls"), m_registry->hostPort(),
                                QStringLiteral("--ca-file"), m_ca->caCertFile()});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        checkNoLeak(run);

        // A broken helper is named in the error.
        QVERIFY(helper.open(QIODevice::WriteOnly | QIODevice::Truncate));
        helper.write("#!/bin/sh\necho 'no json here'\n");
        helper.close();
        const Run broken = runCli({QStringLiteral("ls"), m_registry->hostPort(),
                                   QStringLiteral("--ca-file"), m_ca->caCertFile()});
        QCOMPARE(broken.exitCode, 1);
        QVERIFY2(broken.err.contains("docker-credential-ocfake"), broken.err.constData());
        QVERIFY(config.remove());
    }

    void insecureSkipsVerificationWithAWarning()
    {
        const Run run =
            runCli({QStringLiteral("ls"), m_registry->hostPort(), QStringLiteral("--insecure"),
                    QStringLiteral("--username"), User, QStringLiteral("--password-stdin")},
                   Canary + '\n');
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.contains("verification is off"), run.err.constData());
        checkNoLeak(run);
    }

    void missingCaFileIsAnError()
    {
        const Run run =
            runCli({QStringLiteral("ls"), m_registry->hostPort(), QStringLiteral("--ca-file"),
                    QStringLiteral("/nonexistent/ca.pem")});
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains("/nonexistent/ca.pem"), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestAuthCli)
#include "tst_authcli.moc"
