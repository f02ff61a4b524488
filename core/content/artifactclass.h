#pragma once

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

/// The category plus a specific label ("Notation signature", "SPDX SBOM", ...).
struct ArtifactClass
{
    ArtifactCategory category = ArtifactCategory::Other;
    QString label;

    /// Classifies by artifactType (or config media type) and, when given, a layer media type.
    static ArtifactClass fromType(const QString &artifactType, const QString &layerMediaType = {});
    /// An index or referrers entry: BuildKit attestation entries are attestations, else by type.
    static ArtifactClass fromDescriptor(const Descriptor &descriptor);
    /// A whole manifest: artifact type, config type and layers, in-toto predicate types included.
    static ArtifactClass fromManifest(const Manifest &manifest);
    static QString categoryName(ArtifactCategory category);
};

} // namespace ocular
