// Artifact classification by artifactType and layer media type (PROTOCOL §4).

#include "content/artifactclass.h"
#include "content/manifest.h"
#include "content/mediatype.h"

#include <QFile>
#include <QTest>

#include "support/fixtures.h"

using namespace ocular;

Q_DECLARE_METATYPE(ocular::ArtifactCategory)

namespace {

using ocular::test::fixturesDir;
using ocular::test::readFile;

} // namespace

class TestArtifactClass : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromType_data();
    void fromType();
    void categoryNames();
    void classifiesRealManifests_data();
    void classifiesRealManifests();
    void indexEntries();
};

void TestArtifactClass::fromType_data()
{
    QTest::addColumn<QString>("artifactType");
    QTest::addColumn<QString>("layerType");
    QTest::addColumn<ArtifactCategory>("category");
    QTest::addColumn<QString>("label");

    using C = ArtifactCategory;
    auto row = [](const char *name, const char *type, const char *layer, C category,
                  const char *label) {
        QTest::addRow("%s", name) << QString::fromLatin1(type) << QString::fromLatin1(layer)
                                  << category << QString::fromLatin1(label);
    };

    // Signatures.
    row("notation", "application/vnd.cncf.notary.signature", "application/jose+json", C::Signature,
        "Notation signature");
    row("notation cose layer", "application/vnd.cncf.notary.signature", "application/cose",
        C::Signature, "Notation signature");
    row("cosign simple signing as layer", "", "application/vnd.dev.cosign.simplesigning.v1+json",
        C::Signature, "cosign signature");
    row("cosign simple signing type", "application/vnd.dev.cosign.simplesigning.v1+json", "",
        C::Signature, "cosign signature");
    row("cosign artifact sig", "application/vnd.dev.cosign.artifact.sig.v1+json", "", C::Signature,
        "cosign signature");
    row("sigstore bundle v0.3", "application/vnd.dev.sigstore.bundle.v0.3+json", "", C::Signature,
        "Sigstore bundle v0.3");
    row("sigstore bundle v0.2", "application/vnd.dev.sigstore.bundle.v0.2+json", "", C::Signature,
        "Sigstore bundle v0.2");
    row("sigstore bundle v0.1", "application/vnd.dev.sigstore.bundle+json;version=0.1", "",
        C::Signature, "Sigstore bundle");
    row("sigstore bundle under empty config", "application/vnd.oci.empty.v1+json",
        "application/vnd.dev.sigstore.bundle.v0.3+json", C::Signature, "Sigstore bundle v0.3");

    // SBOMs.
    row("spdx json", "application/spdx+json", "", C::Sbom, "SPDX SBOM");
    row("spdx tag-value", "text/spdx", "", C::Sbom, "SPDX SBOM");
    row("spdx text with params", "text/spdx; charset=utf-8", "", C::Sbom, "SPDX SBOM");
    row("spdx as layer of generic type", "application/vnd.unknown.artifact.v1",
        "application/spdx+json", C::Sbom, "SPDX SBOM");
    row("cyclonedx json", "application/vnd.cyclonedx+json", "", C::Sbom, "CycloneDX SBOM");
    row("cyclonedx xml", "application/vnd.cyclonedx+xml", "", C::Sbom, "CycloneDX SBOM (XML)");
    row("cyclonedx with version", "application/vnd.cyclonedx+json; version=1.5", "", C::Sbom,
        "CycloneDX SBOM");
    row("cosign sbom", "application/vnd.dev.cosign.artifact.sbom.v1+json", "", C::Sbom, "SBOM");
    row("upper case type", "Application/SPDX+JSON", "", C::Sbom, "SPDX SBOM");

    // Attestations.
    row("in-toto", "application/vnd.in-toto+json", "", C::Attestation, "in-toto attestation");
    row("in-toto layer in empty artifact", "", "application/vnd.in-toto+json", C::Attestation,
        "in-toto attestation");
    row("dsse", "application/vnd.dsse.envelope.v1+json", "", C::Attestation, "DSSE envelope");
    row("slsa v0.2 predicate", "https://slsa.dev/provenance/v0.2", "", C::Attestation,
        "SLSA provenance");
    row("slsa v1 predicate", "https://slsa.dev/provenance/v1", "", C::Attestation,
        "SLSA provenance");
    row("spdx predicate", "https://spdx.dev/Document", "", C::Sbom, "SPDX SBOM");
    row("cyclonedx predicate", "https://cyclonedx.org/bom", "", C::Sbom, "CycloneDX SBOM");
    row("in-toto link predicate", "https://in-toto.io/attestation/link/v0.3", "", C::Attestation,
        "in-toto attestation");
    row("cosign attestation", "application/vnd.dev.cosign.attestation.v1+json", "", C::Attestation,
        "cosign attestation");

    // Vulnerability reports.
    row("sarif", "application/sarif+json", "", C::VulnerabilityReport, "SARIF report");
    row("trivy sarif", "application/vnd.aquasec.trivy.report.sarif.v1+json", "",
        C::VulnerabilityReport, "Trivy report");
    row("trivy json", "application/vnd.aquasec.trivy.report.json.v1", "", C::VulnerabilityReport,
        "Trivy report");
    row("openvex", "application/vnd.openvex+json", "", C::VulnerabilityReport, "VEX document");
    row("openvex predicate", "https://openvex.dev/ns/v0.2.0", "", C::VulnerabilityReport,
        "VEX document");
    row("cosign vuln predicate", "https://cosign.sigstore.dev/attestation/vuln/v1", "",
        C::VulnerabilityReport, "vulnerability scan");
    row("sarif layer under generic type", "application/json", "application/sarif+json",
        C::VulnerabilityReport, "SARIF report");

    // Images and indexes.
    row("oci index", "application/vnd.oci.image.index.v1+json", "", C::Index, "OCI index");
    row("docker list", "application/vnd.docker.distribution.manifest.list.v2+json", "", C::Index,
        "Docker manifest list");
    row("oci image config", "application/vnd.oci.image.config.v1+json",
        "application/vnd.oci.image.layer.v1.tar+gzip", C::Image, "OCI image");
    row("docker config", "application/vnd.docker.container.image.v1+json", "", C::Image,
        "Docker image");
    row("oci manifest", "application/vnd.oci.image.manifest.v1+json", "", C::Image, "OCI image");

    // Others keep their type as the label.
    row("helm chart", "application/vnd.cncf.helm.config.v1+json",
        "application/vnd.cncf.helm.chart.content.v1.tar+gzip", C::Other,
        "application/vnd.cncf.helm.config.v1+json");
    row("example type", "application/example.sbom", "", C::Other, "application/example.sbom");
    row("generic type, unknown layer", "application/vnd.oci.empty.v1+json", "text/plain", C::Other,
        "application/vnd.oci.empty.v1+json");
    row("nothing known", "", "application/x-custom", C::Other, "application/x-custom");
    row("both empty", "", "", C::Other, "");
    row("specific type beats layer", "application/vnd.cncf.notary.signature",
        "application/spdx+json", C::Signature, "Notation signature");
}

void TestArtifactClass::fromType()
{
    QFETCH(QString, artifactType);
    QFETCH(QString, layerType);
    QFETCH(ArtifactCategory, category);
    QFETCH(QString, label);
    const ArtifactClass c = ArtifactClass::fromType(artifactType, layerType);
    QCOMPARE(ArtifactClass::categoryName(c.category), ArtifactClass::categoryName(category));
    QCOMPARE(c.label, label);
}

void TestArtifactClass::categoryNames()
{
    const ArtifactCategory all[] = {
        ArtifactCategory::Image,       ArtifactCategory::Index,
        ArtifactCategory::Signature,   ArtifactCategory::Sbom,
        ArtifactCategory::Attestation, ArtifactCategory::VulnerabilityReport,
        ArtifactCategory::Other};
    QStringList names;
    for (ArtifactCategory c : all) {
        const QString name = ArtifactClass::categoryName(c);
        QVERIFY(!name.isEmpty());
        QVERIFY2(!names.contains(name), qPrintable(name));
        names << name;
    }
}

void TestArtifactClass::classifiesRealManifests_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<ArtifactCategory>("category");
    QTest::addColumn<QString>("label");

    using C = ArtifactCategory;
    const QString fixtures = fixturesDir() + QLatin1Char('/');
    const QString alpine =
        fixtures + QStringLiteral("manifests/dockerhub-alpine-3.23.2-attestations-reserialized/");
    QTest::addRow("notation signature")
        << fixtures + QStringLiteral("signatures/notation/jws/signature.manifest.json")
        << C::Signature << QStringLiteral("Notation signature");
    QTest::addRow("buildkit attestation, sbom + provenance")
        << alpine + QStringLiteral("linux_amd64.attestation-manifest.json") << C::Attestation
        << QStringLiteral("in-toto attestation (SPDX SBOM, SLSA provenance)");
    QTest::addRow("buildkit attestation, provenance only")
        << alpine + QStringLiteral("linux_arm_v6.attestation-manifest.json") << C::Attestation
        << QStringLiteral("SLSA provenance");
    QTest::addRow("alpine image") << alpine + QStringLiteral("linux_amd64.manifest.json")
                                  << C::Image << QStringLiteral("OCI image");
    QTest::addRow("hello-world image")
        << fixtures + QStringLiteral("manifests/dockerhub-hello-world.linux-amd64.manifest.json")
        << C::Image << QStringLiteral("Docker image");
    QTest::addRow("hello-world list")
        << fixtures + QStringLiteral("manifests/dockerhub-hello-world.manifest-list.json")
        << C::Index << QStringLiteral("Docker manifest list");
    QTest::addRow("cosign-signed image")
        << fixtures + QStringLiteral("signatures/cosign/containers-image/key-signed/manifest.json")
        << C::Image << QStringLiteral("Docker image");
    QTest::addRow("notation subject artifact")
        << fixtures + QStringLiteral("signatures/notation/jws/subject.manifest.json") << C::Other
        << QStringLiteral("application/vnd.notation.config");
    QTest::addRow("legacy artifact manifest with spdx blob")
        << QStringLiteral(OCULAR_TEST_DATA_DIR "/content/oci-artifact-manifest-rc.json") << C::Sbom
        << QStringLiteral("SPDX SBOM");
    QTest::addRow("docker schema 1")
        << QStringLiteral(OCULAR_TEST_DATA_DIR "/content/docker-schema1-signed.json") << C::Image
        << QStringLiteral("Docker schema 1 image");
}

void TestArtifactClass::classifiesRealManifests()
{
    QFETCH(QString, file);
    QFETCH(ArtifactCategory, category);
    QFETCH(QString, label);
    if (!QFile::exists(file))
        QSKIP(qPrintable(QStringLiteral("fixture missing: ") + file));
    const auto m = Manifest::parse(readFile(file));
    QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().message));
    const ArtifactClass c = ArtifactClass::fromManifest(m.value());
    QCOMPARE(c.label, label);
    QCOMPARE(ArtifactClass::categoryName(c.category), ArtifactClass::categoryName(category));
}

void TestArtifactClass::indexEntries()
{
    const QString path =
        fixturesDir() + QStringLiteral("/manifests/dockerhub-alpine-3.23.2-attestations-"
                                       "reserialized/image_index.json");
    if (!QFile::exists(path))
        QSKIP(qPrintable(QStringLiteral("fixture missing: ") + path));
    const auto m = Manifest::parse(readFile(path));
    QVERIFY(m.ok());
    int attestations = 0;
    int images = 0;
    for (const Descriptor &d : m->manifests()) {
        const ArtifactClass c = ArtifactClass::fromDescriptor(d);
        if (c.category == ArtifactCategory::Attestation) {
            QCOMPARE(c.label, QStringLiteral("BuildKit attestation"));
            ++attestations;
        } else {
            QCOMPARE(c.category, ArtifactCategory::Image);
            ++images;
        }
    }
    QCOMPARE(attestations, 8);
    QCOMPARE(images, 8);

    // Referrers entries carry artifactType; it decides.
    Descriptor referrer;
    referrer.mediaType = QString(mediatype::OciManifest);
    referrer.artifactType = QString(mediatype::NotationSignature);
    QCOMPARE(ArtifactClass::fromDescriptor(referrer).category, ArtifactCategory::Signature);
    referrer.artifactType.clear();
    QCOMPARE(ArtifactClass::fromDescriptor(referrer).category, ArtifactCategory::Image);
}

QTEST_GUILESS_MAIN(TestArtifactClass)
#include "tst_artifactclass.moc"
