#include "demo/demoplan.h"
#include "support/faultproxy.h"
#include "support/testregistry.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

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

// For a CLI that talks to a server living in this process (the fault proxy): the event loop
// keeps running while the CLI works.
CliResult runCliServing(const QStringList &arguments)
{
    QProcess process;
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    process.start(cliPath(), arguments);
    process.closeWriteChannel();
    CliResult result;
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    loop.exec();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        return result;
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
    void version();
    void hostWhereRepositoryIsNeeded_data();
    void hostWhereRepositoryIsNeeded();
    void registryArgumentWithPath_data();
    void registryArgumentWithPath();
    void urlFormsEverywhere_data();
    void urlFormsEverywhere();
    void urlContradictingFlags();
    void wording();
    void digestIgnoresLyingHeader();
    void digestByDigestVerifiesContent();
    void hostileTagsGoToStderr();

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

void TestCli::version()
{
    CliResult r = runCli({QStringLiteral("--version")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QString::fromUtf8(r.out.trimmed()),
             QStringLiteral("ocular-cli ") + QStringLiteral(OCULAR_TEST_VERSION));
    QVERIFY(r.err.isEmpty());
    r = runCli({QStringLiteral("--help")});
    QVERIFY(r.out.contains("--version"));
}

void TestCli::hostWhereRepositoryIsNeeded_data()
{
    QTest::addColumn<QStringList>("arguments");
    const QString host = QStringLiteral("127.0.0.1:43015");
    const QString digest = QStringLiteral("@sha256:") + QString(64, QLatin1Char('0'));
    for (const char *command : {"tags", "digest", "manifest", "tree", "audit"}) {
        QTest::addRow("%s ip:port", command) << QStringList{QLatin1String(command), host};
        QTest::addRow("%s localhost", command)
            << QStringList{QLatin1String(command), QStringLiteral("localhost:5000")};
        QTest::addRow("%s url", command)
            << QStringList{QLatin1String(command), QStringLiteral("http://") + host};
    }
    QTest::addRow("blob") << QStringList{QStringLiteral("blob"), host + digest};
    QTest::addRow("digest with digest") << QStringList{QStringLiteral("digest"), host + digest};
    QTest::addRow("verify") << QStringList{QStringLiteral("verify"), host, QStringLiteral("--key"),
                                           QStringLiteral("/nonexistent.pub")};
    QTest::addRow("tags dns") << QStringList{QStringLiteral("tags"),
                                             QStringLiteral("registry.example.com")};
    QTest::addRow("tags ipv6") << QStringList{QStringLiteral("tags"), QStringLiteral("[::1]:5000")};
}

void TestCli::hostWhereRepositoryIsNeeded()
{
    // Never a silent trip to Docker Hub: a usage error before any request, with a hint.
    QFETCH(QStringList, arguments);
    const CliResult r = runCli(arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("is a registry host, not a repository"), r.err.constData());
    QVERIFY2(r.err.contains("/REPOSITORY"), r.err.constData());
    QVERIFY(!r.err.contains("docker.io/library/127"));
}

void TestCli::registryArgumentWithPath_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("hint");
    QTest::addRow("ls") << QStringLiteral("ls") << QStringLiteral("ocular-cli tags ");
    QTest::addRow("seed") << QStringLiteral("seed") << QStringLiteral("give only ");
}

void TestCli::registryArgumentWithPath()
{
    // `ls HOST/demo` used to list the whole catalog, ignoring the path.
    QFETCH(QString, command);
    QFETCH(QString, hint);
    for (const QString &argument :
         QStringList{QString(m_host + QStringLiteral("/demo")),
                     QString(QStringLiteral("http://") + m_host + QStringLiteral("/demo/hello"))}) {
        const CliResult r = runCli({command, argument});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains("names the repository demo"), r.err.constData());
        QVERIFY2(r.err.contains(hint.toUtf8()), r.err.constData());
    }
    // The API root is the registry itself.
    const CliResult root =
        runCli({QStringLiteral("ls"), QStringLiteral("http://") + m_host + QStringLiteral("/v2/")});
    QVERIFY2(root.exitCode == 0, root.err.constData());
    QCOMPARE(lines(root.out), m_summary.repositories);
}

void TestCli::urlFormsEverywhere_data()
{
    QTest::addColumn<QStringList>("arguments"); // %1 = host
    QTest::addRow("ls") << QStringList{QStringLiteral("ls"), QStringLiteral("%1")};
    QTest::addRow("tags") << QStringList{QStringLiteral("tags"), QStringLiteral("%1/demo/hello")};
    QTest::addRow("digest") << QStringList{QStringLiteral("digest"),
                                           QStringLiteral("%1/demo/hello:latest")};
    QTest::addRow("manifest") << QStringList{QStringLiteral("manifest"),
                                             QStringLiteral("%1/demo/hello:latest")};
    QTest::addRow("tree") << QStringList{QStringLiteral("tree"),
                                         QStringLiteral("%1/demo/hello:latest")};
    QTest::addRow("audit") << QStringList{QStringLiteral("audit"), QStringLiteral("%1/demo/hello"),
                                          QStringLiteral("--format"), QStringLiteral("json")};
    QTest::addRow("capabilities host")
        << QStringList{QStringLiteral("capabilities"), QStringLiteral("%1")};
}

void TestCli::urlFormsEverywhere()
{
    // `ls http://HOST` was accepted and `tags http://HOST/repo` refused: now every command
    // takes the URL form and answers exactly as with the bare host.
    QFETCH(QStringList, arguments);
    auto with = [&](const QString &host) {
        QStringList out;
        for (const QString &a : arguments)
            out << (a.contains(QStringLiteral("%1")) ? a.arg(host) : a);
        return out;
    };
    const CliResult bare = runCli(with(m_host));
    QVERIFY2(bare.exitCode == 0, bare.err.constData());
    const CliResult url = runCli(with(QStringLiteral("http://") + m_host));
    QVERIFY2(url.exitCode == 0, url.err.constData());
    if (arguments.first() == QLatin1String("capabilities"))
        return; // probe times differ between runs
    QCOMPARE(url.out, bare.out);
}

void TestCli::urlContradictingFlags()
{
    CliResult r = runCli({QStringLiteral("--plain-http"), QStringLiteral("tags"),
                          QStringLiteral("https://") + m_host + QStringLiteral("/demo/hello")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("contradicts --plain-http"), r.err.constData());
    r = runCli({QStringLiteral("--insecure"), QStringLiteral("tags"),
                QStringLiteral("http://") + m_host + QStringLiteral("/demo/hello")});
    QCOMPARE(r.exitCode, 2);
    r = runCli(
        {QStringLiteral("--insecure"), QStringLiteral("ls"), QStringLiteral("http://") + m_host});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("contradicts --ca-file/--insecure"), r.err.constData());
    r = runCli({QStringLiteral("tags"), QStringLiteral("ftp://") + m_host + QStringLiteral("/x")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("http:// and https://"), r.err.constData());
}

void TestCli::wording()
{
    // Sizes in bytes say bytes ("larger than 0 KiB" for --max-bytes 100 before).
    const Digest amd64 = m_summary.digests.value(demokey::HelloAmd64);
    CliResult r = runCli(
        {QStringLiteral("manifest"), m_host + QStringLiteral("/demo/hello@") + amd64.toString()});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString layer = QJsonDocument::fromJson(r.out)
                              .object()
                              .value(QStringLiteral("layers"))
                              .toArray()
                              .first()
                              .toObject()
                              .value(QStringLiteral("digest"))
                              .toString();
    r = runCli({QStringLiteral("--max-bytes"), QStringLiteral("100"), QStringLiteral("blob"),
                m_host + QStringLiteral("/demo/hello@") + layer});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("100 bytes"), r.err.constData());
    QVERIFY2(!r.err.contains("0 KiB"), r.err.constData());

    // A missing manifest named by digest reads repo@digest, never repo:sha256:...
    const QString missing = QStringLiteral("sha256:") + QString(64, QLatin1Char('0'));
    r = runCli({QStringLiteral("manifest"), m_host + QStringLiteral("/demo/hello@") + missing});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QString(QStringLiteral("demo/hello@") + missing).toUtf8()),
             r.err.constData());
    QVERIFY2(!r.err.contains("demo/hello:sha256"), r.err.constData());
    r = runCli({QStringLiteral("digest"), m_host + QStringLiteral("/demo/hello@") + missing});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(!r.err.contains("demo/hello:sha256"), r.err.constData());
}

void TestCli::digestIgnoresLyingHeader()
{
    ocular::test::FaultProxy proxy(QUrl(m_registry->baseUrl()));
    QVERIFY(proxy.listen());
    const QString lie = QStringLiteral("sha256:") + QString(64, QLatin1Char('e'));
    auto rule = ocular::test::FaultProxy::rule("", QStringLiteral("^/v2/demo/hello/manifests/"),
                                               ocular::test::FaultProxy::Action::SetHeaders);
    rule.headers = {{"Docker-Content-Digest", lie.toLatin1()}};
    proxy.addRule(rule);
    const QString real = m_summary.digests.value(demokey::HelloIndex).toString();
    // By tag: Ocular's own hash is printed; the disagreeing header is a warning with both.
    CliResult r = runCliServing(
        {QStringLiteral("digest"), proxy.hostPort() + QStringLiteral("/demo/hello:latest")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QString::fromLatin1(r.out.trimmed()), real);
    QVERIFY2(r.err.contains("warning") && r.err.contains(lie.toLatin1()) &&
                 r.err.contains(real.toLatin1()),
             r.err.constData());
    // The body was fetched and hashed, not just a HEAD.
    QVERIFY(proxy.countMatching("GET", QStringLiteral("^/v2/demo/hello/manifests/latest")) >= 1);
    // By digest: the requested digest is printed because the bytes hash to it.
    r = runCliServing(
        {QStringLiteral("digest"), proxy.hostPort() + QStringLiteral("/demo/hello@") + real});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QString::fromLatin1(r.out.trimmed()), real);
}

void TestCli::digestByDigestVerifiesContent()
{
    // The registry answers a digest it does not hold with other content and a header that
    // claims the requested digest: refused, nothing printed (it used to print the header).
    ocular::test::FaultProxy proxy(QUrl(m_registry->baseUrl()));
    QVERIFY(proxy.listen());
    const QString wanted = QStringLiteral("sha256:") + QString(64, QLatin1Char('a'));
    const QByteArray other =
        R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[]})";
    auto rule =
        ocular::test::FaultProxy::rule("", QStringLiteral("^/v2/demo/hello/manifests/sha256:a"),
                                       ocular::test::FaultProxy::Action::Respond);
    rule.headers = {{"Content-Type", "application/vnd.oci.image.index.v1+json"},
                    {"Docker-Content-Digest", wanted.toLatin1()}};
    rule.body = other;
    proxy.addRule(rule);
    CliResult r = runCliServing(
        {QStringLiteral("digest"), proxy.hostPort() + QStringLiteral("/demo/hello@") + wanted});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("does not match"), r.err.constData());
    // Corrupted bytes for a real digest: refused too.
    proxy.clearRules();
    proxy.addRule(ocular::test::FaultProxy::rule("GET",
                                                 QStringLiteral("^/v2/demo/hello/manifests/"),
                                                 ocular::test::FaultProxy::Action::Corrupt));
    const QString real = m_summary.digests.value(demokey::HelloIndex).toString();
    r = runCliServing(
        {QStringLiteral("digest"), proxy.hostPort() + QStringLiteral("/demo/hello@") + real});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
}

void TestCli::hostileTagsGoToStderr()
{
    ocular::test::FaultProxy proxy(QUrl(m_registry->baseUrl()));
    QVERIFY(proxy.listen());
    auto rule = ocular::test::FaultProxy::rule("GET", QStringLiteral("^/v2/demo/hello/tags/list"),
                                               ocular::test::FaultProxy::Action::Respond);
    rule.headers = {{"Content-Type", "application/json"}};
    rule.body = QJsonDocument(QJsonObject{{QStringLiteral("name"), QStringLiteral("demo/hello")},
                                          {QStringLiteral("tags"),
                                           QJsonArray{QStringLiteral("v1"),
                                                      QStringLiteral("../../other/manifests/v1"),
                                                      QStringLiteral("x?a=b"),
                                                      QStringLiteral("red\u001b[31m")}}})
                    .toJson(QJsonDocument::Compact);
    proxy.addRule(rule);
    const CliResult r =
        runCliServing({QStringLiteral("tags"), proxy.hostPort() + QStringLiteral("/demo/hello")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(lines(r.out), QStringList{QStringLiteral("v1")});
    QVERIFY2(r.err.contains("invalid name \"../../other/manifests/v1\""), r.err.constData());
    QVERIFY2(r.err.contains("invalid name \"x?a=b\""), r.err.constData());
    QVERIFY2(r.err.contains("red\\x1b[31m"), r.err.constData());
    QVERIFY(!r.err.contains('\x1b'));
    QCOMPARE(proxy.requestCount(), 1);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
