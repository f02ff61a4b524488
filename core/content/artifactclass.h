#pragma once

#include <QList>
#include <QString>

namespace ocular {

struct Descriptor;
class Manifest;

/// What an artifact is, for icons, words and audit columns.
enum class ArtifactCategory
{
    Image,
    Index,
    Signature,
    Sbom,
    Attestation,
    VulnerabilityReport,
    Other
};

/// The specific format behind a classification. Logic (audit columns, which viewer opens,
/// which verifier runs) tests this, never the display label, so translated or reworded labels
/// cannot change behaviour.
enum class ArtifactFormat
{
    Unknown,
    OciImage,
    DockerImage,
    DockerSchema1Image,
    OciIndex,
    DockerManifestList,
    NotationSignature,
    CosignSignature,
    SigstoreBundle,
    JwsEnvelope,
    CoseEnvelope,
    PgpSignature,
    SpdxSbom,
    CycloneDxSbom,
    GenericSbom, ///< cosign's artifact.sbom or syft JSON: an SBOM of unstated format
    SarifReport,
    TrivyReport,
    VexDocument,
    GrypeReport,
    VulnerabilityScan,
    InTotoAttestation,
    DsseEnvelope,
    CosignAttestation,
    SlsaProvenance,
    BuildKitAttestation,
};

/// The SBOM standard a format (or an in-toto predicate type) stands for.
enum class SbomStandard
{
    None,
    Spdx,
    CycloneDx,
};

/// The category plus a specific label ("Notation signature", "SPDX SBOM", ...).
struct ArtifactClass
{
    ArtifactCategory category = ArtifactCategory::Other;
    ArtifactFormat format = ArtifactFormat::Unknown;
    QString label;
    /// Formats of the in-toto predicates an attestation carries (SLSA provenance, SPDX, ...).
    QList<ArtifactFormat> predicateFormats;

    /// This format, or one of its predicates, is `wanted`.
    bool hasFormat(ArtifactFormat wanted) const
    {
        return format == wanted || predicateFormats.contains(wanted);
    }

    /// Classifies by artifactType (or config media type) and, when given, a layer media type.
    static ArtifactClass fromType(const QString &artifactType, const QString &layerMediaType = {});
    /// An index or referrers entry: BuildKit attestation entries are attestations, else by type.
    static ArtifactClass fromDescriptor(const Descriptor &descriptor);
    /// A whole manifest: artifact type, config type and layers, in-toto predicate types included.
    static ArtifactClass fromManifest(const Manifest &manifest);
    /// An in-toto predicate type URI (SLSA provenance, SPDX, CycloneDX, ...); Other when unknown.
    static ArtifactClass fromPredicateType(const QString &predicateType);
    static QString categoryName(ArtifactCategory category);
    /// The SBOM standard of a format; None for anything that is not an SBOM of a known standard.
    static SbomStandard sbomStandard(ArtifactFormat format);
    /// "SPDX", "CycloneDX" (stable words used in exports, not translated).
    static QString sbomStandardName(SbomStandard standard);
};

} // namespace ocular
