#include "demo/demoseeder.h"
#include "source/registrysource.h"
#include "http/httpclient.h"
#include "registry/registryclient.h"
#include "support/asyncwait.h"
#include "support/testregistry.h"
#include "support/teststack.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ocular;
using ocular::test::waitFor;

namespace {

struct SkopeoResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

/// Debian's skopeo (an independent client, containers/image) reads what the seeder pushed and
/// agrees with Ocular on every digest.
class TestSkopeoInterop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void rawManifestsMatchOcular_data();
    void rawManifestsMatchOcular();
    void inspectReportsTheSameDigest_data();
    void inspectReportsTheSameDigest();
    void configMatchesManifest();
    void listTagsAgrees();
    void copiesTheMultiPlatformImage();

private:
    SkopeoResult skopeo(const QStringList &arguments, int timeoutMs = 120000);
    QString docker(const QString &repoAndRef) const
    {
        return QStringLiteral("docker://") + m_registry->hostPort() + QLatin1Char('/') + repoAndRef;
    }
    Result<FetchedManifest> ocularGet(const QString &repo, const QString &ref);

    QString m_skopeo;
    std::unique_ptr<ocular::test::TestRegistry> m_registry;
    std::unique_ptr<RegistryStack> m_stack;
    RegistryClient *m_client = nullptr;
    DemoSummary m_summary;
};

SkopeoResult TestSkopeoInterop::skopeo(const QStringList &arguments, int timeoutMs)
{
    QProcess process;
    // No credentials or policy from the developer's account may leak into the test.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("REGISTRY_AUTH_FILE"));
    env.remove(QStringLiteral("DOCKER_CONFIG"));
    process.setProcessEnvironment(env);
    process.start(m_skopeo, arguments);
    SkopeoResult result;
    if (!process.waitForStarted(10000))
        return result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

Result<FetchedManifest> TestSkopeoInterop::ocularGet(const QString &repo, const QString &ref)
{
    return waitFor<FetchedManifest>(
        [&](QObject *ctx, auto done) { return m_client->getManifest(repo, ref, ctx, done); });
}

void TestSkopeoInterop::initTestCase()
{
    m_skopeo = QStandardPaths::findExecutable(QStringLiteral("skopeo"));
    if (m_skopeo.isEmpty())
        QSKIP("skopeo is not installed (packaging/install-deps.sh installs it: apt-get install "
              "skopeo); the interoperability test needs it.");
    m_registry = std::make_unique<ocular::test::TestRegistry>();
    QVERIFY2(m_registry->ok(), qPrintable(m_registry->errorMessage()));
    m_stack = ocular::test::makeStack(m_registry->hostPort());
    QVERIFY(m_stack);
    m_client = m_stack->client();
    DemoSeeder seeder;
    seeder.setManyTagCount(120);
    RegistrySource target(m_client);
    auto seeded = waitFor<DemoSummary>(
        [&](QObject *ctx, auto done) { return seeder.seed(&target, ctx, done); }, 300000);
    QVERIFY2(seeded.ok(), qPrintable(seeded ? QString() : seeded.error().toString()));
    m_summary = seeded.value();
}

void TestSkopeoInterop::cleanupTestCase()
{
    m_client = nullptr;
    m_stack.reset();
    m_registry.reset();
}

void TestSkopeoInterop::rawManifestsMatchOcular_data()
{
    QTest::addColumn<QString>("repo");
    QTest::addColumn<QString>("ref"); ///< a tag, or a demokey whose digest to use
    QTest::addColumn<QString>("key");
    QTest::addRow("oci index by tag") << "demo/hello"
                                      << "latest" << QString(demokey::HelloIndex);
    QTest::addRow("docker list by tag") << "demo/hello-docker"
                                        << "latest" << QString(demokey::HelloDocker);
    QTest::addRow("single image") << "team/service/api"
                                  << "v1.0" << QString(demokey::ApiImage);
    QTest::addRow("nested index") << "demo/nested"
                                  << "latest" << QString(demokey::NestedOuter);
    QTest::addRow("big index") << "demo/big-index"
                               << "latest" << QString(demokey::BigIndex);
    QTest::addRow("windows image by digest") << "demo/hello"
                                             << "" << QString(demokey::HelloWindows);
    QTest::addRow("attestation by digest") << "demo/hello"
                                           << "" << QString(demokey::HelloAttestation);
    QTest::addRow("spdx artifact by digest") << "demo/hello"
                                             << "" << QString(demokey::HelloSpdx);
    QTest::addRow("notation signature by digest") << "demo/hello"
                                                  << "" << QString(demokey::HelloNotation);
    QTest::addRow("untagged by digest") << "demo/hello"
                                        << "" << QString(demokey::HelloUntagged);
    QTest::addRow("moving tag") << "demo/hello"
                                << "moving" << QString(demokey::HelloMoving);
}

void TestSkopeoInterop::rawManifestsMatchOcular()
{
    QFETCH(QString, repo);
    QFETCH(QString, ref);
    QFETCH(QString, key);
    const Digest expected = m_summary.digests.value(key);
    QVERIFY(expected.isValid());
    const QString reference = ref.isEmpty() ? repo + QLatin1Char('@') + expected.toString()
                                            : repo + QLatin1Char(':') + ref;
    const SkopeoResult r = skopeo({QStringLiteral("inspect"), QStringLiteral("--raw"),
                                   QStringLiteral("--tls-verify=false"), docker(reference)});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // skopeo prints the stored bytes exactly; they hash to the digest the seeder computed...
    QCOMPARE(Digest::sha256(r.out), expected);
    // ...and Ocular reads the very same bytes.
    const auto mine = ocularGet(repo, ref.isEmpty() ? expected.toString() : ref);
    QVERIFY2(mine.ok(), qPrintable(mine ? QString() : mine.error().toString()));
    QCOMPARE(mine->manifest.raw(), r.out);
    QCOMPARE(mine->manifest.digest(), expected);
}

void TestSkopeoInterop::inspectReportsTheSameDigest_data()
{
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QString>("key");
    QTest::addRow("oci index") << "demo/hello:latest" << QString(demokey::HelloIndex);
    QTest::addRow("docker list") << "demo/hello-docker:latest" << QString(demokey::HelloDocker);
    QTest::addRow("single image") << "team/service/api:v1.0" << QString(demokey::ApiImage);
    QTest::addRow("moving tag") << "demo/hello:moving" << QString(demokey::HelloMoving);
}

void TestSkopeoInterop::inspectReportsTheSameDigest()
{
    QFETCH(QString, reference);
    QFETCH(QString, key);
    // Pick the linux/amd64 image whatever machine this runs on, so inspect can read its config.
    const SkopeoResult r = skopeo({QStringLiteral("--override-os"), QStringLiteral("linux"),
                                   QStringLiteral("--override-arch"), QStringLiteral("amd64"),
                                   QStringLiteral("inspect"), QStringLiteral("--tls-verify=false"),
                                   docker(reference)});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject info = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(info.value(QStringLiteral("Digest")).toString(),
             m_summary.digests.value(key).toString());
    QCOMPARE(info.value(QStringLiteral("Os")).toString(), QStringLiteral("linux"));
    QCOMPARE(info.value(QStringLiteral("Architecture")).toString(), QStringLiteral("amd64"));

    // Ocular's HEAD answer agrees.
    const QString repo = reference.section(QLatin1Char(':'), 0, 0);
    const QString tag = reference.section(QLatin1Char(':'), 1);
    auto head = waitFor<ManifestHead>(
        [&](QObject *ctx, auto done) { return m_client->headManifest(repo, tag, ctx, done); });
    QVERIFY(head.ok());
    QCOMPARE(head->digest, m_summary.digests.value(key));
}

void TestSkopeoInterop::configMatchesManifest()
{
    const Digest amd64 = m_summary.digests.value(demokey::HelloAmd64);
    const SkopeoResult r = skopeo({QStringLiteral("inspect"), QStringLiteral("--config"),
                                   QStringLiteral("--raw"), QStringLiteral("--tls-verify=false"),
                                   docker(QStringLiteral("demo/hello@") + amd64.toString())});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const auto manifest = ocularGet(QStringLiteral("demo/hello"), amd64.toString());
    QVERIFY(manifest.ok());
    QVERIFY(manifest->manifest.config().has_value());
    QCOMPARE(Digest::sha256(r.out), manifest->manifest.config()->digest);
    const QJsonObject config = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(config.value(QStringLiteral("rootfs"))
                 .toObject()
                 .value(QStringLiteral("diff_ids"))
                 .toArray()
                 .size(),
             manifest->manifest.layers().size());
}

void TestSkopeoInterop::listTagsAgrees()
{
    for (const QString &repo : {QStringLiteral("demo/hello"), QStringLiteral("demo/many-tags")}) {
        const SkopeoResult r = skopeo(
            {QStringLiteral("list-tags"), QStringLiteral("--tls-verify=false"), docker(repo)});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QStringList tags;
        const QJsonArray array =
            QJsonDocument::fromJson(r.out).object().value(QStringLiteral("Tags")).toArray();
        for (const QJsonValue &tag : array)
            tags << tag.toString();
        tags.sort();
        QCOMPARE(tags, m_summary.tags.value(repo));
    }
}

void TestSkopeoInterop::copiesTheMultiPlatformImage()
{
    // A full copy pulls and verifies every manifest, config and layer of every platform:
    // the seeder's blobs must be what its manifests say they are.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const QString &repo :
         {QStringLiteral("demo/hello:latest"), QStringLiteral("demo/hello-docker:latest")}) {
        const QString target =
            QStringLiteral("oci:") +
            dir.filePath(
                repo.section(QLatin1Char(':'), 0, 0).replace(QLatin1Char('/'), QLatin1Char('_')));
        const SkopeoResult r =
            skopeo({QStringLiteral("copy"), QStringLiteral("--all"),
                    QStringLiteral("--src-tls-verify=false"), docker(repo), target});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
}

QTEST_GUILESS_MAIN(TestSkopeoInterop)
#include "tst_skopeo_interop.moc"
