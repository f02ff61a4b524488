// "Copy as Command": POSIX shell quoting, and the oras/crane/skopeo/regctl/curl command lines
// for each kind of target and each TLS choice of a registry. No tool is run here (see
// tests/integration/tst_equivalentcommands_tools.cpp for that).
#undef QT_USE_QSTRINGBUILDER

#include "commands/equivalentcommands.h"
#include "commands/shellquote.h"

#include <QFileInfo>
#include <QProcess>
#include <QTest>

using namespace ocular;

namespace {

const QString kDigest =
    QStringLiteral("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

CommandTarget target(CommandTarget::Kind kind)
{
    CommandTarget t;
    t.kind = kind;
    t.registry = QStringLiteral("registry.example.com:5000");
    t.repository = QStringLiteral("team/app");
    t.tag = QStringLiteral("v1");
    if (kind != CommandTarget::Kind::Manifest)
        t.digest = Digest::parse(kDigest).value();
    return t;
}

QString commandOf(const QList<EquivalentCommand> &commands, const QString &tool)
{
    for (const EquivalentCommand &command : commands) {
        if (command.tool == tool)
            return command.commandLine;
    }
    return {};
}

QStringList toolsOf(const QList<EquivalentCommand> &commands)
{
    QStringList tools;
    for (const EquivalentCommand &command : commands)
        tools << command.tool;
    return tools;
}

} // namespace

class TestEquivalentCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quote_data();
    void quote();
    void quoteRoundTripsThroughShell_data();
    void quoteRoundTripsThroughShell();
    void manifestByTagOverHttps();
    void tlsFlags_data();
    void tlsFlags();
    void blobAndReferrers();
    void tagList();
    void dockerHubUsesApiHostForCurl();
    void ipv6HostTurnsOffCurlGlobbing();
    void refusesInvalidNames_data();
    void refusesInvalidNames();
    void neverCarriesSecrets();
};

void TestEquivalentCommands::quote_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("quoted");
    QTest::addRow("plain") << QStringLiteral("localhost:5000/a/b@sha256:0f")
                           << QStringLiteral("localhost:5000/a/b@sha256:0f");
    QTest::addRow("empty") << QString() << QStringLiteral("''");
    QTest::addRow("space") << QStringLiteral("my file.pem") << QStringLiteral("'my file.pem'");
    QTest::addRow("single quote") << QStringLiteral("it's") << QStringLiteral("'it'\\''s'");
    QTest::addRow("dollar") << QStringLiteral("$HOME/ca.pem") << QStringLiteral("'$HOME/ca.pem'");
    QTest::addRow("backquote") << QStringLiteral("`id`") << QStringLiteral("'`id`'");
    QTest::addRow("newline") << QStringLiteral("a\nb") << QStringLiteral("'a\nb'");
    QTest::addRow("tilde") << QStringLiteral("~/ca.pem") << QStringLiteral("'~/ca.pem'");
    QTest::addRow("glob") << QStringLiteral("*.pem") << QStringLiteral("'*.pem'");
    QTest::addRow("brackets") << QStringLiteral("[::1]:5000") << QStringLiteral("'[::1]:5000'");
    QTest::addRow("semicolon") << QStringLiteral("a;rm -rf x") << QStringLiteral("'a;rm -rf x'");
    QTest::addRow("bang") << QStringLiteral("a!b") << QStringLiteral("'a!b'");
}

void TestEquivalentCommands::quote()
{
    QFETCH(QString, word);
    QFETCH(QString, quoted);
    QCOMPARE(ShellQuote::quote(word), quoted);
}

void TestEquivalentCommands::quoteRoundTripsThroughShell_data()
{
    QTest::addColumn<QString>("shell");
    QTest::addRow("sh") << QStringLiteral("/bin/sh");
    QTest::addRow("bash") << QStringLiteral("/bin/bash");
}

void TestEquivalentCommands::quoteRoundTripsThroughShell()
{
    QFETCH(QString, shell);
    if (!QFileInfo::exists(shell))
        QSKIP(qPrintable(shell + QStringLiteral(" is not installed")));
    // Every word comes back from the shell exactly, one NUL-terminated word each.
    const QStringList words{QStringLiteral("a b"),
                            QStringLiteral("it's"),
                            QStringLiteral("$(id)"),
                            QStringLiteral("${HOME}"),
                            QStringLiteral("x\ny"),
                            QStringLiteral("'"),
                            QStringLiteral("\"\\\""),
                            QStringLiteral("~"),
                            QStringLiteral("!!"),
                            QStringLiteral("*"),
                            QString(),
                            QStringLiteral("#c"),
                            QStringLiteral("tab\there"),
                            QStringLiteral("é ü")};
    QProcess process;
    process.start(
        shell, {QStringLiteral("-c"), QStringLiteral("printf '%s\\0' ") + ShellQuote::join(words)});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 0);
    QStringList back = QString::fromUtf8(process.readAllStandardOutput()).split(QChar(0));
    QCOMPARE(back.takeLast(), QString());
    QCOMPARE(back, words);
}

void TestEquivalentCommands::manifestByTagOverHttps()
{
    const auto commands = EquivalentCommands::forTarget(target(CommandTarget::Kind::Manifest));
    QVERIFY2(commands, qPrintable(commands.error().message));
    QCOMPARE(toolsOf(*commands),
             QStringList({QStringLiteral("oras"), QStringLiteral("crane"), QStringLiteral("skopeo"),
                          QStringLiteral("regctl"), QStringLiteral("curl")}));
    QCOMPARE(commandOf(*commands, QStringLiteral("oras")),
             QStringLiteral("oras manifest fetch registry.example.com:5000/team/app:v1"));
    QCOMPARE(commandOf(*commands, QStringLiteral("crane")),
             QStringLiteral("crane manifest registry.example.com:5000/team/app:v1"));
    QCOMPARE(commandOf(*commands, QStringLiteral("skopeo")),
             QStringLiteral("skopeo inspect --raw docker://registry.example.com:5000/team/app:v1"));
    QCOMPARE(commandOf(*commands, QStringLiteral("regctl")),
             QStringLiteral(
                 "regctl manifest get --format raw-body registry.example.com:5000/team/app:v1"));
    const QString curl = commandOf(*commands, QStringLiteral("curl"));
    QVERIFY(curl.startsWith(QStringLiteral("curl -fsSL -H 'Accept: ")));
    QVERIFY(curl.contains(QStringLiteral("application/vnd.oci.image.index.v1+json")));
    QVERIFY(curl.contains(QStringLiteral("application/vnd.docker.distribution.manifest.v2+json")));
    QVERIFY(curl.endsWith(
        QStringLiteral(" https://registry.example.com:5000/v2/team/app/manifests/v1")));
    for (const EquivalentCommand &command : *commands)
        QVERIFY(!command.purpose.isEmpty());
}

void TestEquivalentCommands::tlsFlags_data()
{
    QTest::addColumn<bool>("plainHttp");
    QTest::addColumn<QString>("caFile");
    QTest::addColumn<bool>("skipVerify");
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QString>("expected");

    const QString ref = QStringLiteral("registry.example.com:5000/team/app:v1");
    const QString ca = QStringLiteral("/etc/my certs/ca.crt");
    const QString noCa;
    QTest::addRow("oras plain") << true << noCa << false << QStringLiteral("oras")
                                << QStringLiteral("oras manifest fetch --plain-http ") + ref;
    QTest::addRow("oras ca") << false << ca << false << QStringLiteral("oras")
                             << QStringLiteral("oras manifest fetch --ca-file '/etc/my "
                                               "certs/ca.crt' ") +
                                    ref;
    QTest::addRow("oras skip") << false << noCa << true << QStringLiteral("oras")
                               << QStringLiteral("oras manifest fetch --insecure ") + ref;
    QTest::addRow("crane plain") << true << noCa << false << QStringLiteral("crane")
                                 << QStringLiteral("crane manifest ") + ref +
                                        QStringLiteral(" --insecure");
    QTest::addRow("crane ca") << false << ca << false << QStringLiteral("crane")
                              << QStringLiteral("SSL_CERT_FILE='/etc/my certs/ca.crt' crane "
                                                "manifest ") +
                                     ref;
    QTest::addRow("crane skip") << false << noCa << true << QStringLiteral("crane")
                                << QStringLiteral("crane manifest ") + ref +
                                       QStringLiteral(" --insecure");
    QTest::addRow("skopeo plain") << true << noCa << false << QStringLiteral("skopeo")
                                  << QStringLiteral(
                                         "skopeo inspect --raw --tls-verify=false docker://") +
                                         ref;
    QTest::addRow("skopeo ca") << false << ca << false << QStringLiteral("skopeo")
                               << QStringLiteral("skopeo inspect --raw --cert-dir '/etc/my "
                                                 "certs' docker://") +
                                      ref;
    QTest::addRow("skopeo skip") << false << noCa << true << QStringLiteral("skopeo")
                                 << QStringLiteral(
                                        "skopeo inspect --raw --tls-verify=false docker://") +
                                        ref;
    const QString get = QStringLiteral("\nregctl manifest get --format raw-body ") + ref;
    QTest::addRow("regctl plain")
        << true << noCa << false << QStringLiteral("regctl")
        << QStringLiteral("regctl registry set --tls disabled registry.example.com:5000") + get;
    QTest::addRow("regctl ca") << false << ca << false << QStringLiteral("regctl")
                               << QStringLiteral("regctl registry set --cacert \"$(cat '/etc/my "
                                                 "certs/ca.crt')\" registry.example.com:5000") +
                                      get;
    QTest::addRow("regctl skip")
        << false << noCa << true << QStringLiteral("regctl")
        << QStringLiteral("regctl registry set --tls insecure registry.example.com:5000") + get;
    const QString url = QStringLiteral("://registry.example.com:5000/v2/team/app/manifests/v1");
    QTest::addRow("curl plain") << true << noCa << false << QStringLiteral("curl")
                                << QStringLiteral("http") + url;
    QTest::addRow("curl ca") << false << ca << false << QStringLiteral("curl")
                             << QStringLiteral("--cacert '/etc/my certs/ca.crt'");
    QTest::addRow("curl skip") << false << noCa << true << QStringLiteral("curl")
                               << QStringLiteral("curl -fsSL --insecure -H");
    QTest::addRow("curl https") << false << noCa << false << QStringLiteral("curl")
                                << QStringLiteral("https") + url;
}

void TestEquivalentCommands::tlsFlags()
{
    QFETCH(bool, plainHttp);
    QFETCH(QString, caFile);
    QFETCH(bool, skipVerify);
    QFETCH(QString, tool);
    QFETCH(QString, expected);
    CommandTarget t = target(CommandTarget::Kind::Manifest);
    t.plainHttp = plainHttp;
    t.tls.caFile = caFile;
    t.tls.insecureSkipVerify = skipVerify;
    const auto commands = EquivalentCommands::forTarget(t);
    QVERIFY(commands);
    const QString line = commandOf(*commands, tool);
    if (tool == QLatin1String("curl")) {
        // curl's Accept list is long: check the part that matters for this row.
        QVERIFY2(line.contains(expected), qPrintable(line));
        QCOMPARE(line.contains(QLatin1String("--insecure")), skipVerify);
        QCOMPARE(line.contains(QLatin1String("http://")), plainHttp);
    } else {
        QCOMPARE(line, expected);
    }
}

void TestEquivalentCommands::blobAndReferrers()
{
    const auto blob = EquivalentCommands::forTarget(target(CommandTarget::Kind::Blob));
    QVERIFY(blob);
    // skopeo cannot fetch one blob: it is not offered rather than offered wrong.
    QCOMPARE(toolsOf(*blob), QStringList({QStringLiteral("oras"), QStringLiteral("crane"),
                                          QStringLiteral("regctl"), QStringLiteral("curl")}));
    const QString ref = QStringLiteral("registry.example.com:5000/team/app@") + kDigest;
    QCOMPARE(commandOf(*blob, QStringLiteral("oras")),
             QStringLiteral("oras blob fetch --output - ") + ref);
    QCOMPARE(commandOf(*blob, QStringLiteral("crane")), QStringLiteral("crane blob ") + ref);
    QCOMPARE(commandOf(*blob, QStringLiteral("regctl")),
             QStringLiteral("regctl blob get registry.example.com:5000/team/app ") + kDigest);
    QCOMPARE(commandOf(*blob, QStringLiteral("curl")),
             QStringLiteral("curl -fsSL --output - "
                            "https://registry.example.com:5000/v2/team/app/blobs/") +
                 kDigest);

    const auto referrers = EquivalentCommands::forTarget(target(CommandTarget::Kind::Referrers));
    QVERIFY(referrers);
    QCOMPARE(toolsOf(*referrers), QStringList({QStringLiteral("oras"), QStringLiteral("regctl"),
                                               QStringLiteral("curl")}));
    QCOMPARE(commandOf(*referrers, QStringLiteral("oras")),
             QStringLiteral("oras discover --format json ") + ref);
    QCOMPARE(commandOf(*referrers, QStringLiteral("regctl")),
             QStringLiteral("regctl artifact list ") + ref);
    QCOMPARE(commandOf(*referrers, QStringLiteral("curl")),
             QStringLiteral("curl -fsSL -H 'Accept: application/vnd.oci.image.index.v1+json' "
                            "https://registry.example.com:5000/v2/team/app/referrers/") +
                 kDigest);

    // A manifest known by digest is fetched by digest, never by the tag it was found under.
    CommandTarget byDigest = target(CommandTarget::Kind::Manifest);
    byDigest.digest = Digest::parse(kDigest).value();
    const auto manifest = EquivalentCommands::forTarget(byDigest);
    QVERIFY(manifest);
    QCOMPARE(commandOf(*manifest, QStringLiteral("skopeo")),
             QStringLiteral("skopeo inspect --raw docker://") + ref);
}

void TestEquivalentCommands::tagList()
{
    CommandTarget t = target(CommandTarget::Kind::TagList);
    t.plainHttp = true;
    const auto commands = EquivalentCommands::forTarget(t);
    QVERIFY(commands);
    const QString name = QStringLiteral("registry.example.com:5000/team/app");
    QCOMPARE(commandOf(*commands, QStringLiteral("oras")),
             QStringLiteral("oras repo tags --plain-http ") + name);
    QCOMPARE(commandOf(*commands, QStringLiteral("crane")),
             QStringLiteral("crane ls ") + name + QStringLiteral(" --insecure"));
    QCOMPARE(commandOf(*commands, QStringLiteral("skopeo")),
             QStringLiteral("skopeo list-tags --tls-verify=false docker://") + name);
    QVERIFY(commandOf(*commands, QStringLiteral("regctl"))
                .endsWith(QStringLiteral("\nregctl tag ls ") + name));
    QCOMPARE(commandOf(*commands, QStringLiteral("curl")),
             QStringLiteral("curl -fsSL http://registry.example.com:5000/v2/team/app/tags/list"));
}

void TestEquivalentCommands::dockerHubUsesApiHostForCurl()
{
    CommandTarget t = target(CommandTarget::Kind::Manifest);
    t.registry = QStringLiteral("docker.io");
    t.repository = QStringLiteral("alpine");
    const auto commands = EquivalentCommands::forTarget(t);
    QVERIFY(commands);
    QCOMPARE(commandOf(*commands, QStringLiteral("oras")),
             QStringLiteral("oras manifest fetch docker.io/library/alpine:v1"));
    QVERIFY(commandOf(*commands, QStringLiteral("curl"))
                .endsWith(QStringLiteral(
                    " https://registry-1.docker.io/v2/library/alpine/manifests/v1")));
}

void TestEquivalentCommands::ipv6HostTurnsOffCurlGlobbing()
{
    CommandTarget t = target(CommandTarget::Kind::TagList);
    t.registry = QStringLiteral("[::1]:5000");
    t.plainHttp = true;
    const auto commands = EquivalentCommands::forTarget(t);
    QVERIFY2(commands, qPrintable(commands.error().message));
    QCOMPARE(commandOf(*commands, QStringLiteral("curl")),
             QStringLiteral("curl -fsSL --globoff 'http://[::1]:5000/v2/team/app/tags/list'"));
    QCOMPARE(commandOf(*commands, QStringLiteral("oras")),
             QStringLiteral("oras repo tags --plain-http '[::1]:5000/team/app'"));
}

void TestEquivalentCommands::refusesInvalidNames_data()
{
    QTest::addColumn<QString>("registry");
    QTest::addColumn<QString>("repository");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<int>("kind");
    const int manifest = int(CommandTarget::Kind::Manifest);
    const int blob = int(CommandTarget::Kind::Blob);
    const QString host = QStringLiteral("localhost:5000");
    QTest::addRow("shell in repository")
        << host << QStringLiteral("a;id") << QStringLiteral("v1") << manifest;
    QTest::addRow("upper-case repository")
        << host << QStringLiteral("Team/app") << QStringLiteral("v1") << manifest;
    QTest::addRow("dollar in tag")
        << host << QStringLiteral("app") << QStringLiteral("$(id)") << manifest;
    QTest::addRow("space in host") << QStringLiteral("local host") << QStringLiteral("app")
                                   << QStringLiteral("v1") << manifest;
    QTest::addRow("no tag or digest") << host << QStringLiteral("app") << QString() << manifest;
    QTest::addRow("blob without digest")
        << host << QStringLiteral("app") << QStringLiteral("v1") << blob;
    QTest::addRow("no registry") << QString() << QStringLiteral("app") << QStringLiteral("v1")
                                 << manifest;
}

void TestEquivalentCommands::refusesInvalidNames()
{
    QFETCH(QString, registry);
    QFETCH(QString, repository);
    QFETCH(QString, tag);
    QFETCH(int, kind);
    CommandTarget t;
    t.kind = CommandTarget::Kind(kind);
    t.registry = registry;
    t.repository = repository;
    t.tag = tag;
    const auto commands = EquivalentCommands::forTarget(t);
    QVERIFY(!commands);
    QCOMPARE(commands.error().kind, ErrorKind::InvalidInput);
}

void TestEquivalentCommands::neverCarriesSecrets()
{
    // A client identity goes in as file names; nothing else Ocular knows about the registry
    // (the credentials live elsewhere and are not an input at all).
    CommandTarget t = target(CommandTarget::Kind::Manifest);
    t.tls.clientCertFile = QStringLiteral("/keys/client.cert");
    t.tls.clientKeyFile = QStringLiteral("/keys/client.key");
    const auto commands = EquivalentCommands::forTarget(t);
    QVERIFY(commands);
    QCOMPARE(commandOf(*commands, QStringLiteral("oras")),
             QStringLiteral("oras manifest fetch --cert-file /keys/client.cert --key-file "
                            "/keys/client.key registry.example.com:5000/team/app:v1"));
    QVERIFY(commandOf(*commands, QStringLiteral("curl"))
                .contains(QStringLiteral("--cert /keys/client.cert --key /keys/client.key")));
    QVERIFY(commandOf(*commands, QStringLiteral("regctl"))
                .startsWith(QStringLiteral("regctl registry set --client-cert \"$(cat "
                                           "/keys/client.cert)\" --client-key \"$(cat "
                                           "/keys/client.key)\" registry.example.com:5000\n")));
    for (const EquivalentCommand &command : *commands) {
        QVERIFY(!command.commandLine.contains(QLatin1String("-u ")));
        QVERIFY(!command.commandLine.contains(QLatin1String("--creds")));
        QVERIFY(!command.commandLine.contains(QLatin1String("Authorization")));
    }
}

QTEST_GUILESS_MAIN(TestEquivalentCommands)
#include "tst_equivalentcommands.moc"
