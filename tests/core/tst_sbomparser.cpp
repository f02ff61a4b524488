// SbomParser over real SPDX and CycloneDX documents (shared fixtures), the in-toto wrapping
// BuildKit uses, and a generated SBOM of 50,000 packages.
#include "support/fixtures.h"

#include "referrers/sbomparser.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ocular;

class TestSbomParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void spdxFromSyft()
    {
        const QString path = QStringLiteral("sboms/spdx-2.3-kubectl-linux-amd64-syft.json");
        OCULAR_REQUIRE_FIXTURE(path);
        auto doc = sbomparser::parse(*test::readFixture(path));
        QVERIFY2(doc.ok(), qPrintable(doc.error().toString()));
        QCOMPARE(doc->format, QStringLiteral("SPDX 2.3"));
        QCOMPARE(doc->packages.size(), 89);
        QVERIFY(doc->wrapper.isEmpty());
        int withPurl = 0;
        for (const SbomPackage &p : doc->packages) {
            QVERIFY(!p.name.isEmpty());
            if (!p.purl.isEmpty()) {
                ++withPurl;
                QVERIFY2(!p.type.isEmpty(), qPrintable(p.purl));
                QVERIFY(p.purl.startsWith(QStringLiteral("pkg:") + p.type + QLatin1Char('/')));
            }
            QVERIFY(p.license != QLatin1String("NOASSERTION"));
        }
        QVERIFY(withPurl > 40);
    }

    void cycloneDxFromNpm()
    {
        const QString path = QStringLiteral("sboms/cyclonedx-1.5-bundled-dependencies-npm.json");
        OCULAR_REQUIRE_FIXTURE(path);
        auto doc = sbomparser::parse(*test::readFixture(path));
        QVERIFY2(doc.ok(), qPrintable(doc.error().toString()));
        QCOMPARE(doc->format, QStringLiteral("CycloneDX 1.5"));
        QCOMPARE(doc->packages.size(), 52);
        QVERIFY(doc->licensedCount() > 0);
        bool npm = false;
        for (const SbomPackage &p : doc->packages)
            npm |= p.type == QLatin1String("npm") && !p.version.isEmpty();
        QVERIFY(npm);
    }

    void spdxInsideInTotoStatement()
    {
        const QString path =
            QStringLiteral("manifests/dockerhub-alpine-3.23.2-attestations-"
                           "reserialized/linux_amd64.attestation.spdx.intoto.json");
        OCULAR_REQUIRE_FIXTURE(path);
        auto doc = sbomparser::parse(*test::readFixture(path));
        QVERIFY2(doc.ok(), qPrintable(doc.error().toString()));
        QCOMPARE(doc->wrapper, QStringLiteral("in-toto statement"));
        QVERIFY(doc->format.startsWith(QStringLiteral("SPDX 2.")));
        bool busybox = false;
        for (const SbomPackage &p : doc->packages)
            busybox |= p.name == QLatin1String("busybox") && p.type == QLatin1String("apk");
        QVERIFY(busybox);
    }

    void notAnSbom()
    {
        QVERIFY(!sbomparser::parse("{\"hello\":1}").ok());
        QVERIFY(!sbomparser::parse("[1,2]").ok());
        QVERIFY(!sbomparser::parse("not json").ok());
    }

    void fiftyThousandPackages()
    {
        QJsonArray components;
        for (int i = 0; i < 50000; ++i)
            components.append(
                QJsonObject{{QStringLiteral("type"), QStringLiteral("library")},
                            {QStringLiteral("name"), QStringLiteral("pkg-%1").arg(i)},
                            {QStringLiteral("version"), QStringLiteral("1.%1.0").arg(i % 97)},
                            {QStringLiteral("purl"),
                             QStringLiteral("pkg:npm/pkg-%1@1.%2.0").arg(i).arg(i % 97)},
                            {QStringLiteral("licenses"),
                             QJsonArray{QJsonObject{
                                 {QStringLiteral("license"),
                                  QJsonObject{{QStringLiteral("id"), QStringLiteral("MIT")}}}}}}});
        const QByteArray json =
            QJsonDocument(QJsonObject{{QStringLiteral("bomFormat"), QStringLiteral("CycloneDX")},
                                      {QStringLiteral("specVersion"), QStringLiteral("1.5")},
                                      {QStringLiteral("components"), components}})
                .toJson(QJsonDocument::Compact);
        QElapsedTimer timer;
        timer.start();
        auto doc = sbomparser::parse(json);
        const qint64 ms = timer.elapsed();
        QVERIFY(doc.ok());
        QCOMPARE(doc->packages.size(), 50000);
        QCOMPARE(doc->packages.at(49999).name, QStringLiteral("pkg-49999"));
        QCOMPARE(doc->packages.at(49999).type, QStringLiteral("npm"));
        qInfo("parsed %lld bytes, 50000 packages in %lld ms", qint64(json.size()), ms);
    }
};

QTEST_GUILESS_MAIN(TestSbomParser)
#include "tst_sbomparser.moc"
