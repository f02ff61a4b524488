#include "mediatype.h"

#include <QStringList>

namespace ocular::mediatype {

namespace {

const QLatin1String kManifestTypes[] = {
    OciManifest,         OciIndex,      DockerManifest, DockerManifestList, OciArtifactManifest,
    DockerSchema1Signed, DockerSchema1,
};

} // namespace

QString essence(const QString &mediaType)
{
    const qsizetype semicolon = mediaType.indexOf(QLatin1Char(';'));
    const QString bare = semicolon < 0 ? mediaType : mediaType.left(semicolon);
    return bare.trimmed().toLower();
}

bool sameType(const QString &a, const QString &b)
{
    return essence(a) == essence(b);
}

QByteArray manifestAcceptHeader()
{
    QByteArray out;
    for (const QLatin1String &type : kManifestTypes) {
        if (!out.isEmpty())
            out += ", ";
        out += QByteArray(type.data(), type.size());
    }
    return out;
}

bool isManifestType(const QString &mediaType)
{
    const QString e = essence(mediaType);
    for (const QLatin1String &type : kManifestTypes) {
        if (e == type)
            return true;
    }
    return false;
}

bool isIndexType(const QString &mediaType)
{
    const QString e = essence(mediaType);
    return e == OciIndex || e == DockerManifestList;
}

bool isImageConfigType(const QString &mediaType)
{
    const QString e = essence(mediaType);
    return e == OciConfig || e == DockerConfig;
}

bool isGenericContentType(const QString &contentType)
{
    const QString e = essence(contentType);
    return e.isEmpty() || e == QLatin1String("application/json") ||
           e == QLatin1String("application/octet-stream") || e == QLatin1String("text/plain") ||
           e == QLatin1String("binary/octet-stream");
}

QString describe(const QString &mediaType)
{
    struct Label
    {
        QLatin1String type;
        const char *label;
    };
    static const Label labels[] = {
        {OciManifest, "OCI image manifest"},
        {OciIndex, "OCI index"},
        {OciConfig, "OCI image config"},
        {OciLayerTarGzip, "gzip layer"},
        {OciLayerTar, "tar layer"},
        {OciLayerTarZstd, "zstd layer"},
        {OciEmpty, "empty descriptor"},
        {OciArtifactManifest, "OCI artifact manifest (legacy)"},
        {DockerManifest, "Docker manifest"},
        {DockerManifestList, "Docker manifest list"},
        {DockerSchema1Signed, "Docker schema 1 manifest (signed)"},
        {DockerSchema1, "Docker schema 1 manifest"},
        {DockerConfig, "Docker image config"},
        {DockerLayerTarGzip, "gzip layer"},
        {DockerForeignLayer, "foreign gzip layer"},
        {NotationSignature, "Notation signature"},
        {JoseJson, "JWS envelope"},
        {Cose, "COSE envelope"},
        {SigstoreBundleV03, "Sigstore bundle v0.3"},
        {CosignSimpleSigning, "cosign simple signing"},
        {SpdxJson, "SPDX JSON"},
        {CycloneDxJson, "CycloneDX JSON"},
        {InToto, "in-toto statement"},
        {Dsse, "DSSE envelope"},
        {QLatin1String("application/vnd.oci.image.layer.nondistributable.v1.tar+gzip"),
         "foreign gzip layer"},
        {QLatin1String("application/vnd.docker.image.rootfs.diff.tar.zstd"), "zstd layer"},
        {QLatin1String("application/vnd.docker.container.image.rootfs.diff+x-gtar"), "tar layer"},
        {QLatin1String("application/vnd.cyclonedx+xml"), "CycloneDX XML"},
        {QLatin1String("application/json"), "JSON"},
        {QLatin1String("application/octet-stream"), "binary data"},
    };
    const QString e = essence(mediaType);
    if (e.isEmpty())
        return QStringLiteral("unknown type");
    for (const Label &l : labels) {
        if (e == l.type)
            return QString::fromLatin1(l.label);
    }
    return mediaType.trimmed();
}

} // namespace ocular::mediatype
