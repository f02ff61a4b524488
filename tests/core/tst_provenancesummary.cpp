// SLSA provenance (v0.2 and v1) read into the summary the Referrers panel shows: a real
// BuildKit attestation from Docker Hub, a v1 statement as BuildKit and GitHub write them, a
// DSSE envelope around one, and documents that are not provenance.
#include "support/fixtures.h"

#include "referrers/provenancesummary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ocular;

namespace {

const QString kAlpineProvenance =
    QStringLiteral("manifests/dockerhub-alpine-3.23.2-attestations-reserialized/"
                   "linux_amd64.attestation.slsa-provenance-v0.2.intoto.json");
const QString kAlpineSpdx = QStringLiteral("manifests/dockerhub-alpine-3.23.2-attestations-"
                                           "reserialized/linux_amd64.attestation.spdx.intoto.json");

// The shape BuildKit ≥ 0.13 writes with `mode=max,version=v1` (tests/data/provenance).
QByteArray buildKitV1()
{
    return test::readFile(QStringLiteral(OCULAR_TEST_DATA_DIR "/provenance/buildkit-v1.json"));
}

// GitHub's generic workflow build type (actions/attest-build-provenance).
QByteArray githubV1()
{
    return test::readFile(
        QStringLiteral(OCULAR_TEST_DATA_DIR "/provenance/github-workflow-v1.json"));
}

} // namespace

class TestProvenanceSummary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildKitV02FromDockerHub()
    {
        OCULAR_REQUIRE_FIXTURE(kAlpineProvenance);
        const auto s = ProvenanceSummary::parse(*test::readFixture(kAlpineProvenance));
        QVERIFY2(s.ok(), qPrintable(s.error().toString()));
        QCOMPARE(s->slsaVersion, QStringLiteral("0.2"));
        QCOMPARE(s->builderId, QStringLiteral("https://github.com/docker-library"));
        QCOMPARE(s->buildType, QStringLiteral("https://mobyproject.org/buildkit@v1"));
        QCOMPARE(s->configSource,
                 QStringLiteral("https://github.com/alpinelinux/docker-alpine.git"
                                "#13b62f5f47ffa526f9c372e0bd73b33ef2a5f865:x86_64"));
        QCOMPARE(s->entryPoint, QStringLiteral("Dockerfile"));
        QCOMPARE(s->parameters.first(), QStringLiteral("frontend = gateway.v0"));
        QVERIFY(s->parameters.contains(
            QStringLiteral("build-arg:BUILDKIT_DOCKERFILE_CHECK = skip=all")));
        QCOMPARE(s->invocationId, QStringLiteral("m1l9piq286l0xu31efvmvr6qq"));
        // Nanoseconds in the document; milliseconds kept.
        QCOMPARE(s->startedOn, QDateTime(QDate(2025, 12, 18), QTime(0, 12, 18, 218), Qt::UTC));
        QCOMPARE(s->finishedOn, QDateTime(QDate(2025, 12, 18), QTime(0, 12, 31, 199), Qt::UTC));
        QCOMPARE(s->reproducible, std::optional<bool>(false));
        QCOMPARE(s->materials.size(), 4);
        QVERIFY(
            s->materials.at(1).uri.startsWith(QLatin1String("pkg:docker/tianon/buildkit@0.16")));
        QCOMPARE(s->materials.at(1).digest,
                 QStringLiteral(
                     "sha256:694a4904b621b37f038dce7f95f01d0b574450591fd4775dae5ccc69118e94cd"));
        QCOMPARE(s->materials.at(3).digest,
                 QStringLiteral("sha1:13b62f5f47ffa526f9c372e0bd73b33ef2a5f865"));
        QCOMPARE(s->subjects.size(), 9);
        QCOMPARE(
            s->subjects.first(),
            QStringLiteral("pkg:docker/alpine@3.23.2?platform=linux%2Famd64@sha256:"
                           "1882fa4569e0c591ea092d3766c4893e19b8901a8e649de7067188aba3cc0679"));
    }

    void v1_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("builder");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("entryPoint");
        QTest::addColumn<QStringList>("parameters");
        QTest::addColumn<int>("materials");
        QTest::addColumn<QString>("firstMaterialDigest");
        QTest::addColumn<bool>("timed");
        QTest::addRow("buildkit")
            << buildKitV1() << QStringLiteral("https://github.com/example/app/actions/runs/42")
            << QStringLiteral("https://github.com/example/app.git#refs/heads/main@sha1:"
                              "0123456789abcdef0123456789abcdef01234567")
            << QStringLiteral("Dockerfile")
            << QStringList{QStringLiteral("frontend = dockerfile.v0"),
                           QStringLiteral("build-arg:VERSION = 1.0"),
                           QStringLiteral("target = release")}
            << 2 << QStringLiteral("sha256:bbbb") << true;
        QTest::addRow("github workflow")
            << githubV1() << QStringLiteral("https://github.com/actions/runner/github-hosted")
            << QStringLiteral("https://github.com/example/app@refs/tags/v1.2.0")
            << QStringLiteral(".github/workflows/release.yml") << QStringList() << 1
            << QStringLiteral("gitCommit:feedface") << false;
    }

    void v1()
    {
        QFETCH(QByteArray, json);
        const auto s = ProvenanceSummary::parse(json);
        QVERIFY2(s.ok(), qPrintable(s.error().toString()));
        QCOMPARE(s->slsaVersion, QStringLiteral("1"));
        QTEST(s->builderId, "builder");
        QTEST(s->configSource, "source");
        QTEST(s->entryPoint, "entryPoint");
        QTEST(s->parameters, "parameters");
        QTEST(int(s->materials.size()), "materials");
        QTEST(s->materials.first().digest, "firstMaterialDigest");
        QFETCH(bool, timed);
        QCOMPARE(s->startedOn.isValid(), timed);
        QCOMPARE(s->finishedOn.isValid(), timed);
        if (timed)
            QCOMPARE(s->finishedOn.toString(Qt::ISODate), QStringLiteral("2024-03-01T10:04:05Z"));
        QVERIFY(!s->reproducible.has_value());
    }

    void insideDsseEnvelope()
    {
        const QJsonObject envelope{
            {QStringLiteral("payloadType"), QStringLiteral("application/vnd.in-toto+json")},
            {QStringLiteral("payload"), QString::fromLatin1(buildKitV1().toBase64())},
            {QStringLiteral("signatures"), QJsonArray{}}};
        const auto s = ProvenanceSummary::parse(QJsonDocument(envelope).toJson());
        QVERIFY2(s.ok(), qPrintable(s.error().toString()));
        QCOMPARE(s->entryPoint, QStringLiteral("Dockerfile"));
    }

    void notProvenance_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::addRow("not json") << QByteArray("{\"_type\":")
                                  << QStringLiteral("not a JSON object");
        QTest::addRow("array") << QByteArray("[]") << QStringLiteral("an array");
        QTest::addRow("no statement")
            << QByteArray("{\"predicateType\":\"https://slsa.dev/provenance/v1\"}")
            << QStringLiteral("Not an in-toto statement");
        QTest::addRow("other predicate")
            << QByteArray("{\"_type\":\"https://in-toto.io/Statement/"
                          "v1\",\"predicateType\":\"https://spdx.dev/Document\"}")
            << QStringLiteral("https://spdx.dev/Document, not SLSA provenance");
        QTest::addRow("bad envelope")
            << QByteArray("{\"payloadType\":\"application/vnd.in-toto+json\",\"payload\":\"***\"}")
            << QStringLiteral("not base64");
    }

    void notProvenance()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        const auto s = ProvenanceSummary::parse(json);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().kind, ErrorKind::InvalidContent);
        QVERIFY2(s.error().message.contains(message), qPrintable(s.error().message));
    }

    void spdxAttestationIsNotProvenance()
    {
        OCULAR_REQUIRE_FIXTURE(kAlpineSpdx);
        const auto s = ProvenanceSummary::parse(*test::readFixture(kAlpineSpdx));
        QVERIFY(!s.ok());
        QVERIFY(s.error().message.contains(QLatin1String("spdx")));
    }

    void hugeMaterialListIsCapped()
    {
        QJsonArray materials;
        for (int i = 0; i < 2000; ++i)
            materials.append(
                QJsonObject{{QStringLiteral("uri"), QStringLiteral("pkg:x/%1").arg(i)}});
        const QJsonObject statement{
            {QStringLiteral("_type"), QStringLiteral("https://in-toto.io/Statement/v0.1")},
            {QStringLiteral("predicateType"), QStringLiteral("https://slsa.dev/provenance/v0.2")},
            {QStringLiteral("predicate"), QJsonObject{{QStringLiteral("materials"), materials}}}};
        const auto s = ProvenanceSummary::parse(QJsonDocument(statement).toJson());
        QVERIFY(s.ok());
        QCOMPARE(s->materials.size(), 500);
        QVERIFY(s->builderId.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProvenanceSummary)
#include "tst_provenancesummary.moc"
