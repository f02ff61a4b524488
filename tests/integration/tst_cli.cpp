#include "demo/demoplan.h"
#include "support/testregistry.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>

using namespace ocular;

namespace {

constexpr int DemoTags = 40;

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool crashed = false;
};

QString cliPath()
{
    return QStringLiteral(OCULAR_BINARY_DIR "/app/ocular-cli");
}

CliResult runCli(const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(cliPath(), arguments);
    CliResult result;
    if (!process.waitForStarted(10000))
        return result;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
    }
    result.crashed = process.exitStatus() != QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QString sha256(const QByteArray &bytes)
{
    return QStringLiteral("sha256:") +
           QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QStringList lines(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void usageErrors();
    void ls();
    void tags();
    void digest();
    void manifest();
    void blob();
    void badReference();
    void notFound();
    void unreachableHost();
    void passwordNeedsUsername();
    void basicAuthentication();
    void serveDemoRunsUntilInterrupted();

private:
    std::unique_ptr<ocular::test::TestRegistry> m_registry;
    QString m_host;
    DemoSummary m_summary;
};

void TestCli::initTestCase()
{
    QVERIFY2(QFileInfo::exists(cliPath()), qPrintable(cliPath() + QStringLiteral(" not built")));
    m_registry = std::make_unique<ocular::test::TestRegistry>();
    QVERIFY2(m_registry->ok(), qPrintable(m_registry->errorMessage()));
    m_host = m_registry->hostPort();
    // The seed command itself fills the registry; its content is deterministic, so the plan
    // tells us what must be there.
    const CliResult seed = runCli(
        {QStringLiteral("seed"), m_host, QStringLiteral("--tags"), QString::number(DemoTags)});
    QVERIFY2(seed.exitCode == 0, seed.err.constData());
    QVERIFY(seed.out.contains("Seeded 6 repositories"));
    QVERIFY(seed.err.contains("step 1 of "));
    m_summary = DemoPlan::standard(DemoTags).summary;
    QVERIFY(seed.out.contains(m_summary.digests.value(demokey::HelloIndex).toString().toLatin1()));
}

void TestCli::cleanupTestCase()
{
    m_registry.reset();
}

void TestCli::usageErrors()
{
    CliResult r = runCli({});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.startsWith("ocular-cli: "));
    r = runCli({QStringLiteral("frobnicate"), m_host});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("unknown command"));
    r = runCli({QStringLiteral("ls")});
    QCOMPARE(r.exitCode, 2);
    r = runCli({QStringLiteral("--no-such-flag"), QStringLiteral("ls"), m_host});
    QCOMPARE(r.exitCode, 2);
    r = runCli({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("serve-demo"));
    QVERIFY(r.out.contains("--password-stdin"));
}

void TestCli::ls()
{
    CliResult r = runCli({QStringLiteral("ls"), m_host});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(lines(r.out), m_summary.repositories);
    // Tiny pages: every page must be followed.
    r = runCli({QStringLiteral("--page-size"), QStringLiteral("2"), QStringLiteral("ls"), m_host});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(lines(r.out), m_summary.repositories);
}

void TestCli::tags()
{
    for (const QString &repo : {QStringLiteral("demo/hello"), QStringLiteral("demo/many-tags")}) {
        const CliResult r = runCli({QStringLiteral("tags"), m_host + QLatin1Char('/') + repo});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(lines(r.out), m_summary.tags.value(repo));
    }
    QCOMPARE(m_summary.tags.value(QStringLiteral("demo/many-tags")).size(), DemoTags + 1);
}

void TestCli::digest()
{
    const QString expected = m_summary.digests.value(demokey::HelloIndex).toString();
    CliResult r = runCli({QStringLiteral("digest"), m_host + QStringLiteral("/demo/hello:latest")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QString::fromLatin1(r.out.trimmed()), expected);
    // No tag means latest.
    r = runCli({QStringLiteral("digest"), m_host + QStringLiteral("/demo/hello")});
    QCOMPARE(QString::fromLatin1(r.out.trimmed()), expected);
    r = runCli({QStringLiteral("digest"), m_host + QStringLiteral("/team/service/api:v1.0")});
    QCOMPARE(QString::fromLatin1(r.out.trimmed()),
             m_summary.digests.value(demokey::ApiImage).toString());
    r = runCli({QStringLiteral("digest"), m_host + QStringLiteral("/demo/hello:moving")});
    QCOMPARE(QString::fromLatin1(r.out.trimmed()),
             m_summary.digests.value(demokey::HelloMoving).toString());
}

void TestCli::manifest()
{
    // By tag and by digest, OCI and Docker, small and 3 MiB: the bytes hash to the digest.
    const QList<QPair<QString, QString>> cases{
        {QStringLiteral("/demo/hello:latest"), QString(demokey::HelloIndex)},
        {QStringLiteral("/demo/hello-docker:latest"), QString(demokey::HelloDocker)},
        {QStringLiteral("/demo/big-index:latest"), QString(demokey::BigIndex)},
        {QStringLiteral("/demo/hello@") +
             m_summary.digests.value(demokey::HelloUntagged).toString(),
         QString(demokey::HelloUntagged)},
    };
    for (const auto &[ref, key] : cases) {
        const CliResult r = runCli({QStringLiteral("manifest"), m_host + ref});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(sha256(r.out), m_summary.digests.value(key).toString());
    }
}

void TestCli::blob()
{
    const Digest amd64 = m_summary.digests.value(demokey::HelloAmd64);
    CliResult r = runCli(
        {QStringLiteral("manifest"), m_host + QStringLiteral("/demo/hello@") + amd64.toString()});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject manifest = QJsonDocument::fromJson(r.out).object();
    QStringList digests{manifest.value(QStringLiteral("config"))
                            .toObject()
                            .value(QStringLiteral("digest"))
                            .toString()};
    for (const QJsonValue &layer : manifest.value(QStringLiteral("layers")).toArray())
        digests << layer.toObject().value(QStringLiteral("digest")).toString();
    QCOMPARE(digests.size(), 3);
    for (const QString &digest : digests) {
        r = runCli({QStringLiteral("blob"), m_host + QStringLiteral("/demo/hello@") + digest});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(sha256(r.out), digest);
    }
    // The config is JSON naming the platform.
    r = runCli({QStringLiteral("blob"), m_host + QStringLiteral("/demo/hello@") + digests.first()});
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("os")).toString(),
             QStringLiteral("linux"));
    // Too large for the cap: refused with a message.
    r = runCli({QStringLiteral("--max-bytes"), QStringLiteral("10"), QStringLiteral("blob"),
                m_host + QStringLiteral("/demo/hello@") + digests.at(1)});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("larger than"), r.err.constData());
    // A blob reference needs a digest.
    r = runCli({QStringLiteral("blob"), m_host + QStringLiteral("/demo/hello:latest")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("digest"));
}

void TestCli::badReference()
{
    for (const QString &ref :
         QStringList{QStringLiteral("127.0.0.1:1/UPPER/case"), QStringLiteral("has space/x"),
                     m_host + QStringLiteral("/demo/hello@sha256:notahex"),
                     m_host + QStringLiteral("/demo/hello:bad:tag")}) {
        const CliResult r = runCli({QStringLiteral("manifest"), ref});
        QVERIFY2(r.exitCode == 2, qPrintable(ref));
        QVERIFY2(r.err.startsWith("ocular-cli: manifest "), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }
}

void TestCli::notFound()
{
    const QString ref = m_host + QStringLiteral("/demo/x:nope");
    CliResult r = runCli({QStringLiteral("manifest"), ref});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.startsWith(QStringLiteral("ocular-cli: manifest ") + ref + QStringLiteral(": ")),
             qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("HTTP 404")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("_UNKNOWN")), qPrintable(err));
    r = runCli({QStringLiteral("tags"), m_host + QStringLiteral("/no/such/repo")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("HTTP 404"), r.err.constData());
    r = runCli({QStringLiteral("digest"), m_host + QStringLiteral("/demo/hello:nope")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("ocular-cli: digest ") && r.err.contains("404"), r.err.constData());
}

void TestCli::unreachableHost()
{
    // Bind a port, then free it: nothing listens there any more.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    const QString host = QStringLiteral("127.0.0.1:%1").arg(server.serverPort());
    server.close();
    const CliResult r = runCli({QStringLiteral("ls"), host});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(!r.crashed);
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.startsWith(QStringLiteral("ocular-cli: ls ") + host), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("connect"), Qt::CaseInsensitive), qPrintable(err));
}

void TestCli::passwordNeedsUsername()
{
    CliResult r = runCli({QStringLiteral("--password-stdin"), QStringLiteral("ls"), m_host},
                         QByteArrayLiteral("secret\n"));
    QCOMPARE(r.exitCode, 2);
    QVERIFY(!r.err.contains("secret"));
    // Credentials against an open registry are simply not needed: still works.
    r = runCli({QStringLiteral("--username"), QStringLiteral("someone"),
                QStringLiteral("--password-stdin"), QStringLiteral("ls"), m_host},
               QByteArrayLiteral("secret\n"));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(lines(r.out), m_summary.repositories);
}

void TestCli::basicAuthentication()
{
    RegistryProcess::Options options;
    options.htpasswdUser = QStringLiteral("ocular");
    options.htpasswdPassword = QStringLiteral("s3cret-pass");
    OCULAR_TEST_REGISTRY(secured, options);
    const QString host = secured.hostPort();
    CliResult r = runCli({QStringLiteral("ls"), host});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("401"), r.err.constData());
    r = runCli({QStringLiteral("--username"), QStringLiteral("ocular"),
                QStringLiteral("--password-stdin"), QStringLiteral("ls"), host},
               QByteArrayLiteral("wrong\n"));
    QCOMPARE(r.exitCode, 1);
    QVERIFY(!r.err.contains("wrong"));
    r = runCli({QStringLiteral("--username"), QStringLiteral("ocular"),
                QStringLiteral("--password-stdin"), QStringLiteral("--tags"), QStringLiteral("5"),
                QStringLiteral("seed"), host},
               QByteArrayLiteral("s3cret-pass\n"));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = runCli({QStringLiteral("--username"), QStringLiteral("ocular"),
                QStringLiteral("--password-stdin"), QStringLiteral("ls"), host},
               QByteArrayLiteral("s3cret-pass\n"));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(lines(r.out), m_summary.repositories);
    QVERIFY(!r.err.contains("s3cret"));
}

void TestCli::serveDemoRunsUntilInterrupted()
{
    QProcess serve;
    serve.start(cliPath(),
                {QStringLiteral("serve-demo"), QStringLiteral("--tags"), QStringLiteral("5")});
    QVERIFY(serve.waitForStarted(10000));
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += serve.readAllStandardOutput()).contains("Press Ctrl+C"),
                             180000);
    const QRegularExpression urlPattern(QStringLiteral("running at http://(127\\.0\\.0\\.1:\\d+)"));
    const auto match = urlPattern.match(QString::fromUtf8(out));
    QVERIFY2(match.hasMatch(), out.constData());
    const QString host = match.captured(1);
    const CliResult ls = runCli({QStringLiteral("ls"), host});
    QVERIFY2(ls.exitCode == 0, ls.err.constData());
    QCOMPARE(lines(ls.out), m_summary.repositories);

    // SIGTERM (as from a service manager; Ctrl+C sends SIGINT, handled the same way).
    serve.terminate();
    QVERIFY(serve.waitForFinished(60000));
    QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
    QCOMPARE(serve.exitCode(), 0);
    QVERIFY(serve.readAllStandardError().contains("stopping the demo registry"));
    // The registry went down with it.
    const CliResult after = runCli({QStringLiteral("ls"), host});
    QCOMPARE(after.exitCode, 1);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
