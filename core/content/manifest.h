#pragma once

#include "base/result.h"
#include "content/descriptor.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <optional>

namespace ocular {

enum class ManifestKind
{
    Image,          ///< OCI image manifest or Docker schema 2 manifest (artifacts included)
    Index,          ///< OCI index or Docker manifest list
    DockerSchema1,  ///< legacy; displayed read-only
    LegacyArtifact, ///< application/vnd.oci.artifact.manifest.v1+json from the 1.1 RCs
};

/// A parsed manifest or index that keeps its exact bytes; its digest is the hash of those bytes.
class Manifest
{
public:
    /// Parses raw bytes. `contentType` is the response Content-Type (may be empty). Refuses
    /// documents whose mediaType disagrees with contentType, and documents with both
    /// `manifests` and `layers` (CVE-2021-41190).
    static Result<Manifest> parse(const QByteArray &raw, const QString &contentType = {});

    ManifestKind kind() const { return m_kind; }
    bool isIndex() const { return m_kind == ManifestKind::Index; }
    /// An OCI manifest with artifactType, or with a config that is not an image config.
    bool isArtifact() const;
    /// artifactType when set, else the config media type for artifacts; empty for images.
    QString effectiveArtifactType() const;

    const QByteArray &raw() const { return m_raw; }
    /// sha256 of raw().
    const Digest &digest() const { return m_digest; }
    /// The effective media type: the document's own, else the Content-Type, else inferred.
    const QString &mediaType() const { return m_mediaType; }
    int schemaVersion() const { return m_schemaVersion; }
    const QString &artifactType() const { return m_artifactType; }
    const std::optional<Descriptor> &config() const { return m_config; }
    const QList<Descriptor> &layers() const { return m_layers; }
    const QList<Descriptor> &manifests() const { return m_manifests; }
    const std::optional<Descriptor> &subject() const { return m_subject; }
    const QMap<QString, QString> &annotations() const { return m_annotations; }

    /// Config plus layers sizes (image) or 0 (index).
    qint64 totalSize() const;
    /// Every descriptor this document points at: config, layers, manifests, subject.
    QList<Descriptor> children() const;

private:
    ManifestKind m_kind = ManifestKind::Image;
    QByteArray m_raw;
    Digest m_digest;
    QString m_mediaType;
    int m_schemaVersion = 0;
    QString m_artifactType;
    std::optional<Descriptor> m_config;
    QList<Descriptor> m_layers;
    QList<Descriptor> m_manifests;
    std::optional<Descriptor> m_subject;
    QMap<QString, QString> m_annotations;
};

} // namespace ocular
