// Artifact classification by artifactType and layer media type (PROTOCOL §4).

#include "content/artifactclass.h"
#include "content/manifest.h"
#include "content/mediatype.h"

#include <QFile>
#include <QTest>

using namespace ocular;

Q_DECLARE_METATYPE(ocular::ArtifactCategory)

namespace {

QString fixturesDir()
{
    const QString fromEnv = qEnvironmentVariable("OCULAR_FIXTURES_DIR");
    return fromEnv.isEmpty() ? QStringLiteral(OCULAR_FIXTURES_DIR) : fromEnv;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

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
    QTest::addColumn<QString>("label");

    QTest::addRow("notation signature")
        << QStringLiteral("signatures/notation/jws/signature.manifest.json")
        << QStringLiteral("Notation signature");
    QTest::addRow("buildkit attestation manifest")
        << QStringLiteral("manifests/dockerhub-alpine-3.23.2-attestations-reserialized/"
                          "linux_amd64.attestation-manifest.json")
        << QStringLiteral("in-toto attestation");
    QTest::addRow("hello-world image")
        << QStringLiteral("manifests/dockerhub-hello-world.linux-amd64.manifest.json")
        << QStringLiteral("Docker image");
    QTest::addRow("hello-world list")
        << QStringLiteral("manifests/dockerhub-hello-world.manifest-list.json")
        << QStringLiteral("Docker manifest list");
}

void TestArtifactClass::classifiesRealManifests()
{
    QFETCH(QString, file);
    QFETCH(QString, label);
    const QString path = fixturesDir() + QLatin1Char('/') + file;
    if (!QFile::exists(path))
        QSKIP(qPrintable(QStringLiteral("fixture missing: ") + path));
    const auto m = Manifest::parse(readFile(path));
    QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().message));
    // What a referrers panel does: artifactType, else config type, else the manifest type.
    QString type = m->effectiveArtifactType();
    if (type.isEmpty())
        type = m->config() ? m->config()->mediaType : m->mediaType();
    const QString layer = m->layers().isEmpty() ? QString() : m->layers().first().mediaType;
    QCOMPARE(ArtifactClass::fromType(type, layer).label, label);
}

QTEST_GUILESS_MAIN(TestArtifactClass)
#include "tst_artifactclass.moc"
