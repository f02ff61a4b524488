// The command lines of "Copy as Command" are run for real: oras (fetched from Debian 13 by
// packaging/fetch-tools.sh), skopeo and curl, through `bash -c` exactly as a user would paste
// them, against a docker-registry on loopback (plain HTTP). What they print must be the bytes
// Ocular fetched, hashing to the same digest. crane and regctl are not packaged for Debian, so
// their lines are checked by tests/core/tst_equivalentcommands.cpp only.
#include "commands/equivalentcommands.h"
#include "content/manifestbuilder.h"
#include "content/mediatype.h"
#include "source/contentsource.h"
#include "support/asyncwait.h"
#include "support/manifestpush.h"
#include "support/processrun.h"
#include "support/testregistry.h"
#include "support/teststack.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ocular;
using namespace ocular::test;

namespace {

const QString Repo = QStringLiteral("interop/commands");
const QByteArray LayerBytes = "layer fetched by other tools\n";

BuiltManifest image()
{
    const ContentBlob config{"{\"architecture\":\"amd64\",\"os\":\"linux\"}",
                             QString(mediatype::OciConfig)};
    const ContentBlob layer{LayerBytes, QString(mediatype::OciLayerTarGzip)};
    return ManifestBuilder().image(QString(mediatype::OciManifest), config, {{layer, {}}}).value();
}

QString commandOf(const QList<EquivalentCommand> &commands, const QString &tool)
{
    for (const EquivalentCommand &command : commands) {
        if (command.tool == tool)
            return command.commandLine;
    }
    return {};
}

} // namespace

class TestEquivalentCommandsTools : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void commandPrintsWhatOcularFetched_data();
    void commandPrintsWhatOcularFetched();

private:
    /// Runs @p commandLine with bash, with the fetched tools first on PATH and a HOME of its
    /// own (no login or tool configuration of the developer's is read).
    ProcessRun run(const QString &commandLine);

    std::unique_ptr<TestRegistry> m_registry;
    std::unique_ptr<RegistryStack> m_stack;
    std::unique_ptr<QTemporaryDir> m_home;
    CommandTarget m_connection;
    RawManifest m_fetched;
};

void TestEquivalentCommandsTools::initTestCase()
{
    m_registry = std::make_unique<TestRegistry>();
    QVERIFY2(m_registry->ok(), qPrintable(m_registry->errorMessage()));
    m_stack = makeStack(m_registry->hostPort());
    QVERIFY(m_stack);
    QVERIFY(pushManifestWithBlobs(m_stack->source(), Repo, image(), QStringLiteral("v1")));

    // What Ocular itself reads for the tag: the bytes every tool must print.
    const auto fetched = waitFor<RawManifest>([&](QObject *context, auto done) {
        return m_stack->source()->rawManifest(Repo, QStringLiteral("v1"), context, done);
    });
    QVERIFY2(fetched.ok(), qPrintable(fetched.error().toString()));
    m_fetched = fetched.value();

    // After a request the client knows the loopback port speaks plain HTTP.
    const std::optional<CommandTarget> connection = CommandTarget::connectionOf(m_stack->source());
    QVERIFY(connection);
    QVERIFY(connection->plainHttp);
    m_connection = *connection;
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

void TestEquivalentCommandsTools::cleanupTestCase()
{
    m_stack.reset();
    m_registry.reset();
}

ProcessRun TestEquivalentCommandsTools::run(const QString &commandLine)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PATH"), QFileInfo(fetchedToolPath(QStringLiteral("oras"))).path() +
                                           QLatin1Char(':') + env.value(QStringLiteral("PATH")));
    env.insert(QStringLiteral("HOME"), m_home->path());
    env.remove(QStringLiteral("DOCKER_CONFIG"));
    env.remove(QStringLiteral("REGISTRY_AUTH_FILE"));
    return runProcess(QStringLiteral("/bin/bash"), {QStringLiteral("-c"), commandLine}, 120000,
                      env);
}

void TestEquivalentCommandsTools::commandPrintsWhatOcularFetched_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("byDigest");
    const int manifest = int(CommandTarget::Kind::Manifest);
    const int blob = int(CommandTarget::Kind::Blob);
    const int tags = int(CommandTarget::Kind::TagList);
    for (const char *tool : {"oras", "skopeo", "curl"}) {
        QTest::addRow("%s manifest by tag", tool) << QString::fromLatin1(tool) << manifest << false;
        QTest::addRow("%s manifest by digest", tool)
            << QString::fromLatin1(tool) << manifest << true;
        QTest::addRow("%s tag list", tool) << QString::fromLatin1(tool) << tags << false;
    }
    QTest::addRow("oras blob") << QStringLiteral("oras") << blob << true;
    QTest::addRow("curl blob") << QStringLiteral("curl") << blob << true;
}

void TestEquivalentCommandsTools::commandPrintsWhatOcularFetched()
{
    QFETCH(QString, tool);
    QFETCH(int, kind);
    QFETCH(bool, byDigest);
    if (tool == QLatin1String("oras") &&
        !QFileInfo(fetchedToolPath(QStringLiteral("oras"))).isExecutable())
        QSKIP(qPrintable(
            QStringLiteral("oras not found at %1: run "
                           "`bash packaging/fetch-tools.sh %2` to fetch it")
                .arg(fetchedToolPath(QStringLiteral("oras")), QStringLiteral(OCULAR_BINARY_DIR))));
    if (tool != QLatin1String("oras") && QStandardPaths::findExecutable(tool).isEmpty())
        QSKIP(qPrintable(tool + QStringLiteral(" is not installed")));

    CommandTarget target = m_connection;
    target.kind = CommandTarget::Kind(kind);
    target.repository = Repo;
    const Digest layer = Digest::sha256(LayerBytes);
    if (target.kind == CommandTarget::Kind::Blob)
        target.digest = layer;
    else if (byDigest)
        target.digest = m_fetched.digest;
    else
        target.tag = QStringLiteral("v1");
    const auto commands = EquivalentCommands::forTarget(target);
    QVERIFY2(commands, qPrintable(commands.error().message));
    const QString line = commandOf(*commands, tool);
    QVERIFY2(!line.isEmpty(), qPrintable(tool));

    const ProcessRun result = run(line);
    QVERIFY2(result.exitCode == 0,
             qPrintable(line + QStringLiteral("\n") + QString::fromUtf8(result.err)));
    switch (target.kind) {
    case CommandTarget::Kind::Manifest:
        QCOMPARE(Digest::sha256(result.out), m_fetched.digest);
        QCOMPARE(result.out, m_fetched.raw);
        break;
    case CommandTarget::Kind::Blob:
        QCOMPARE(Digest::sha256(result.out), layer);
        break;
    case CommandTarget::Kind::TagList: {
        // Each tool prints tags its own way (JSON for curl and skopeo, lines for oras).
        QStringList names;
        const QJsonDocument json = QJsonDocument::fromJson(result.out);
        if (json.isObject()) {
            const QJsonObject object = json.object();
            const QJsonArray array =
                object
                    .value(object.contains(QLatin1String("tags")) ? QLatin1String("tags")
                                                                  : QLatin1String("Tags"))
                    .toArray();
            for (const QJsonValue &value : array)
                names << value.toString();
        } else {
            names = QString::fromUtf8(result.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        }
        QCOMPARE(names, QStringList({QStringLiteral("v1")}));
        break;
    }
    case CommandTarget::Kind::Referrers:
        QFAIL("not a row of this test");
    }
}

QTEST_GUILESS_MAIN(TestEquivalentCommandsTools)
#include "tst_equivalentcommands_tools.moc"
