#include "artifactclass.h"

#include "content/descriptor.h"
#include "content/manifest.h"
#include "content/mediatype.h"

namespace ocular {

namespace {

bool startsWith(const QString &s, const char *prefix)
{
    return s.startsWith(QLatin1String(prefix));
}

// Types that name a container for something else, so the layer says more than they do.
bool isGenericType(const QString &type)
{
    return type.isEmpty() || type == mediatype::OciEmpty || type == mediatype::OciConfig ||
           type == QLatin1String("application/json") ||
           type == QLatin1String("application/octet-stream") ||
           type == QLatin1String("application/vnd.unknown.config.v1+json") ||
           type == QLatin1String("application/vnd.unknown.artifact.v1") ||
           type == QLatin1String("application/vnd.oci.image.config.v1+json");
}

ArtifactClass make(ArtifactCategory category, ArtifactFormat format, const QString &label)
{
    ArtifactClass c;
    c.category = category;
    c.format = format;
    c.label = label;
    return c;
}

// Returns Other with an empty label when the type is not one we recognise.
ArtifactClass classify(const QString &rawType)
{
    const QString t = mediatype::essence(rawType);
    using C = ArtifactCategory;

    if (t == mediatype::OciIndex)
        return make(C::Index, ArtifactFormat::OciIndex, QStringLiteral("OCI index"));
    if (t == mediatype::DockerManifestList)
        return make(C::Index, ArtifactFormat::DockerManifestList,
                    QStringLiteral("Docker manifest list"));
    if (t == mediatype::OciManifest || t == mediatype::OciConfig)
        return make(C::Image, ArtifactFormat::OciImage, QStringLiteral("OCI image"));
    if (t == mediatype::DockerManifest || t == mediatype::DockerConfig)
        return make(C::Image, ArtifactFormat::DockerImage, QStringLiteral("Docker image"));
    if (t == mediatype::DockerSchema1 || t == mediatype::DockerSchema1Signed)
        return make(C::Image, ArtifactFormat::DockerSchema1Image,
                    QStringLiteral("Docker schema 1 image"));

    // Signatures.
    if (t == mediatype::NotationSignature)
        return make(C::Signature, ArtifactFormat::NotationSignature,
                    QStringLiteral("Notation signature"));
    if (t == mediatype::CosignSimpleSigning)
        return make(C::Signature, ArtifactFormat::CosignSignature,
                    QStringLiteral("cosign signature"));
    if (startsWith(t, "application/vnd.dev.sigstore.bundle")) {
        // e.g. application/vnd.dev.sigstore.bundle.v0.3+json, or ...bundle+json;version=0.2
        const qsizetype v = t.indexOf(QLatin1String(".v"), 35);
        const qsizetype plus = t.indexOf(QLatin1Char('+'));
        QString version;
        if (v > 0 && plus > v)
            version = t.mid(v + 2, plus - v - 2);
        return make(C::Signature, ArtifactFormat::SigstoreBundle,
                    version.isEmpty() ? QStringLiteral("Sigstore bundle")
                                      : QStringLiteral("Sigstore bundle v%1").arg(version));
    }
    if (startsWith(t, "application/vnd.dev.cosign.artifact.sig"))
        return make(C::Signature, ArtifactFormat::CosignSignature,
                    QStringLiteral("cosign signature"));
    if (t == mediatype::JoseJson)
        return make(C::Signature, ArtifactFormat::JwsEnvelope,
                    QStringLiteral("JWS signature envelope"));
    if (t == mediatype::Cose)
        return make(C::Signature, ArtifactFormat::CoseEnvelope,
                    QStringLiteral("COSE signature envelope"));
    if (startsWith(t, "application/pgp-signature"))
        return make(C::Signature, ArtifactFormat::PgpSignature, QStringLiteral("PGP signature"));

    // SBOMs.
    if (t == mediatype::SpdxJson || startsWith(t, "text/spdx") ||
        startsWith(t, "application/spdx") || startsWith(t, "application/vnd.spdx"))
        return make(C::Sbom, ArtifactFormat::SpdxSbom, QStringLiteral("SPDX SBOM"));
    if (startsWith(t, "application/vnd.cyclonedx"))
        return make(C::Sbom, ArtifactFormat::CycloneDxSbom,
                    t.endsWith(QLatin1String("+xml")) ? QStringLiteral("CycloneDX SBOM (XML)")
                                                      : QStringLiteral("CycloneDX SBOM"));
    if (startsWith(t, "application/vnd.dev.cosign.artifact.sbom") ||
        startsWith(t, "application/vnd.syft+json"))
        return make(C::Sbom, ArtifactFormat::GenericSbom, QStringLiteral("SBOM"));

    // Vulnerability reports (check before in-toto: some are in-toto predicates too).
    if (t == QLatin1String("application/sarif+json"))
        return make(C::VulnerabilityReport, ArtifactFormat::SarifReport,
                    QStringLiteral("SARIF report"));
    if (startsWith(t, "application/vnd.aquasec.trivy"))
        return make(C::VulnerabilityReport, ArtifactFormat::TrivyReport,
                    QStringLiteral("Trivy report"));
    if (startsWith(t, "application/vnd.openvex") || startsWith(t, "application/openvex") ||
        startsWith(t, "application/vnd.vex") || t.contains(QLatin1String("csaf")))
        return make(C::VulnerabilityReport, ArtifactFormat::VexDocument,
                    QStringLiteral("VEX document"));
    if (startsWith(t, "application/vnd.grype") || startsWith(t, "application/vnd.anchore"))
        return make(C::VulnerabilityReport, ArtifactFormat::GrypeReport,
                    QStringLiteral("Grype report"));

    // Attestations: envelopes and in-toto predicate types (which are URIs, not media types).
    if (t == mediatype::InToto || startsWith(t, "application/vnd.in-toto"))
        return make(C::Attestation, ArtifactFormat::InTotoAttestation,
                    QStringLiteral("in-toto attestation"));
    if (t == mediatype::Dsse || startsWith(t, "application/vnd.dsse"))
        return make(C::Attestation, ArtifactFormat::DsseEnvelope, QStringLiteral("DSSE envelope"));
    if (startsWith(t, "application/vnd.dev.cosign.artifact.att") ||
        startsWith(t, "application/vnd.dev.cosign.attestation"))
        return make(C::Attestation, ArtifactFormat::CosignAttestation,
                    QStringLiteral("cosign attestation"));
    if (startsWith(t, "https://slsa.dev/provenance"))
        return make(C::Attestation, ArtifactFormat::SlsaProvenance,
                    QStringLiteral("SLSA provenance"));
    if (startsWith(t, "https://spdx.dev/document"))
        return make(C::Sbom, ArtifactFormat::SpdxSbom, QStringLiteral("SPDX SBOM"));
    if (startsWith(t, "https://cyclonedx.org/bom"))
        return make(C::Sbom, ArtifactFormat::CycloneDxSbom, QStringLiteral("CycloneDX SBOM"));
    if (startsWith(t, "https://openvex.dev/ns"))
        return make(C::VulnerabilityReport, ArtifactFormat::VexDocument,
                    QStringLiteral("VEX document"));
    if (startsWith(t, "https://cosign.sigstore.dev/attestation/vuln"))
        return make(C::VulnerabilityReport, ArtifactFormat::VulnerabilityScan,
                    QStringLiteral("vulnerability scan"));
    if (startsWith(t, "https://in-toto.io/attestation/vulns"))
        return make(C::VulnerabilityReport, ArtifactFormat::VulnerabilityScan,
                    QStringLiteral("vulnerability scan"));
    if (startsWith(t, "https://in-toto.io/attestation/") || startsWith(t, "https://in-toto.io/"))
        return make(C::Attestation, ArtifactFormat::InTotoAttestation,
                    QStringLiteral("in-toto attestation"));
    return {};
}

} // namespace

ArtifactClass ArtifactClass::fromType(const QString &artifactType, const QString &layerMediaType)
{
    ArtifactClass byType = classify(artifactType);
    const bool generic = isGenericType(mediatype::essence(artifactType));
    if (!byType.label.isEmpty() && !generic)
        return byType;
    // An empty or generic artifactType says nothing; the layer carries the real type.
    if (!layerMediaType.isEmpty()) {
        ArtifactClass byLayer = classify(layerMediaType);
        if (!byLayer.label.isEmpty() && byLayer.category != ArtifactCategory::Image &&
            byLayer.category != ArtifactCategory::Index)
            return byLayer;
    }
    if (!byType.label.isEmpty())
        return byType;
    ArtifactClass other;
    other.category = ArtifactCategory::Other;
    other.label = artifactType.isEmpty() ? layerMediaType.trimmed() : artifactType.trimmed();
    return other;
}

ArtifactClass ArtifactClass::fromDescriptor(const Descriptor &descriptor)
{
    if (descriptor.isBuildKitAttestation())
        return make(ArtifactCategory::Attestation, ArtifactFormat::BuildKitAttestation,
                    QStringLiteral("BuildKit attestation"));
    return fromType(descriptor.artifactType.isEmpty() ? descriptor.mediaType
                                                      : descriptor.artifactType);
}

ArtifactClass ArtifactClass::fromManifest(const Manifest &manifest)
{
    switch (manifest.kind()) {
    case ManifestKind::Index:
        return classify(manifest.mediaType());
    case ManifestKind::DockerSchema1:
        return classify(manifest.mediaType());
    case ManifestKind::Image:
    case ManifestKind::LegacyArtifact:
        break;
    }

    // in-toto layers say what they attest in an annotation (BuildKit, cosign attest, ...).
    QList<ArtifactClass> predicates;
    bool allInToto = !manifest.layers().isEmpty();
    for (const Descriptor &layer : manifest.layers()) {
        if (mediatype::essence(layer.mediaType) != mediatype::InToto) {
            allInToto = false;
            break;
        }
        const QString predicate =
            layer.annotations.value(QStringLiteral("in-toto.io/predicate-type"));
        ArtifactClass c = classify(predicate);
        if (c.label.isEmpty())
            c = make(ArtifactCategory::Attestation, ArtifactFormat::InTotoAttestation,
                     predicate.isEmpty() ? QStringLiteral("in-toto attestation") : predicate);
        predicates << c;
    }
    const QString type = manifest.effectiveArtifactType();
    const bool typeSaysLittle = type.isEmpty() || isGenericType(mediatype::essence(type)) ||
                                classify(type).category == ArtifactCategory::Attestation;
    if (allInToto && typeSaysLittle) {
        QList<ArtifactFormat> formats;
        QStringList labels;
        for (const ArtifactClass &c : predicates) {
            if (!labels.contains(c.label))
                labels << c.label;
            if (!formats.contains(c.format))
                formats << c.format;
        }
        if (predicates.size() == 1) {
            ArtifactClass only = predicates.first();
            only.predicateFormats = formats;
            return only;
        }
        ArtifactClass all =
            make(ArtifactCategory::Attestation, ArtifactFormat::InTotoAttestation,
                 QStringLiteral("in-toto attestation (%1)").arg(labels.join(QStringLiteral(", "))));
        all.predicateFormats = formats;
        return all;
    }

    if (!manifest.isArtifact()) {
        const ArtifactClass byConfig =
            manifest.config() ? classify(manifest.config()->mediaType) : ArtifactClass();
        return byConfig.label.isEmpty() ? classify(manifest.mediaType()) : byConfig;
    }
    const QString layerType =
        manifest.layers().isEmpty() ? QString() : manifest.layers().first().mediaType;
    return fromType(type, layerType);
}

ArtifactClass ArtifactClass::fromPredicateType(const QString &predicateType)
{
    return classify(predicateType);
}

SbomStandard ArtifactClass::sbomStandard(ArtifactFormat format)
{
    switch (format) {
    case ArtifactFormat::SpdxSbom:
        return SbomStandard::Spdx;
    case ArtifactFormat::CycloneDxSbom:
        return SbomStandard::CycloneDx;
    default:
        break;
    }
    return SbomStandard::None;
}

QString ArtifactClass::sbomStandardName(SbomStandard standard)
{
    switch (standard) {
    case SbomStandard::Spdx:
        return QStringLiteral("SPDX");
    case SbomStandard::CycloneDx:
        return QStringLiteral("CycloneDX");
    case SbomStandard::None:
        break;
    }
    return QString();
}

QString ArtifactClass::categoryName(ArtifactCategory category)
{
    switch (category) {
    case ArtifactCategory::Image:
        return QStringLiteral("Image");
    case ArtifactCategory::Index:
        return QStringLiteral("Index");
    case ArtifactCategory::Signature:
        return QStringLiteral("Signature");
    case ArtifactCategory::Sbom:
        return QStringLiteral("SBOM");
    case ArtifactCategory::Attestation:
        return QStringLiteral("Attestation");
    case ArtifactCategory::VulnerabilityReport:
        return QStringLiteral("Vulnerability report");
    case ArtifactCategory::Other:
        return QStringLiteral("Other");
    }
    return QStringLiteral("Other");
}

} // namespace ocular
