#pragma once

#include <QString>

namespace ocular {

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
    static QString categoryName(ArtifactCategory category);
};

} // namespace ocular
