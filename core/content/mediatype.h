#pragma once

#include <QLatin1String>
#include <QString>

/// Media types a registry client meets (PROTOCOL §2, §4).
namespace ocular::mediatype {

inline constexpr QLatin1String OciManifest("application/vnd.oci.image.manifest.v1+json");
inline constexpr QLatin1String OciIndex("application/vnd.oci.image.index.v1+json");
inline constexpr QLatin1String OciConfig("application/vnd.oci.image.config.v1+json");
inline constexpr QLatin1String OciLayerTarGzip("application/vnd.oci.image.layer.v1.tar+gzip");
inline constexpr QLatin1String OciLayerTar("application/vnd.oci.image.layer.v1.tar");
inline constexpr QLatin1String OciLayerTarZstd("application/vnd.oci.image.layer.v1.tar+zstd");
inline constexpr QLatin1String OciEmpty("application/vnd.oci.empty.v1+json");
inline constexpr QLatin1String OciArtifactManifest("application/vnd.oci.artifact.manifest.v1+json");
inline constexpr QLatin1String
    DockerManifest("application/vnd.docker.distribution.manifest.v2+json");
inline constexpr QLatin1String
    DockerManifestList("application/vnd.docker.distribution.manifest.list.v2+json");
inline constexpr QLatin1String
    DockerSchema1Signed("application/vnd.docker.distribution.manifest.v1+prettyjws");
inline constexpr QLatin1String
    DockerSchema1("application/vnd.docker.distribution.manifest.v1+json");
inline constexpr QLatin1String DockerConfig("application/vnd.docker.container.image.v1+json");
inline constexpr QLatin1String
    DockerLayerTarGzip("application/vnd.docker.image.rootfs.diff.tar.gzip");
inline constexpr QLatin1String
    DockerForeignLayer("application/vnd.docker.image.rootfs.foreign.diff.tar.gzip");

inline constexpr QLatin1String NotationSignature("application/vnd.cncf.notary.signature");
inline constexpr QLatin1String JoseJson("application/jose+json");
inline constexpr QLatin1String Cose("application/cose");
inline constexpr QLatin1String SigstoreBundleV03("application/vnd.dev.sigstore.bundle.v0.3+json");
inline constexpr QLatin1String
    CosignSimpleSigning("application/vnd.dev.cosign.simplesigning.v1+json");
inline constexpr QLatin1String SpdxJson("application/spdx+json");
inline constexpr QLatin1String CycloneDxJson("application/vnd.cyclonedx+json");
inline constexpr QLatin1String InToto("application/vnd.in-toto+json");
inline constexpr QLatin1String Dsse("application/vnd.dsse.envelope.v1+json");

/// The Accept header value for manifest GET/HEAD: every manifest type we can display.
QByteArray manifestAcceptHeader();
/// True for the manifest and index types above (not configs or layers).
bool isManifestType(const QString &mediaType);
bool isIndexType(const QString &mediaType);
/// The media type without parameters, trimmed and lower-cased ("type/subtype+suffix").
QString essence(const QString &mediaType);
/// True when both name the same media type, ignoring parameters and case.
bool sameType(const QString &a, const QString &b);
/// OCI and Docker image config types (a manifest with another config type is an artifact).
bool isImageConfigType(const QString &mediaType);
/// Content-Type values that say nothing about which manifest type a body is.
bool isGenericContentType(const QString &contentType);
/// A short human label: "OCI index", "Docker manifest list", "gzip layer", ...
QString describe(const QString &mediaType);

} // namespace ocular::mediatype
