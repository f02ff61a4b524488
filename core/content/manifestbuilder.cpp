#include "manifestbuilder.h"

#include "content/mediatype.h"

#include <QJsonDocument>

namespace ocular {

namespace {

const QLatin1String kTitle("org.opencontainers.image.title");

} // namespace

QJsonObject ContentBlob::descriptorJson(const QJsonObject &annotations) const
{
    QJsonObject o{{QStringLiteral("mediaType"), mediaType},
                  {QStringLiteral("digest"), digest().toString()},
                  {QStringLiteral("size"), qint64(bytes.size())}};
    if (!annotations.isEmpty())
        o.insert(QStringLiteral("annotations"), annotations);
    return o;
}

QJsonObject BuiltManifest::descriptorJson(const QJsonObject &extra) const
{
    QJsonObject o{{QStringLiteral("mediaType"), mediaType},
                  {QStringLiteral("digest"), digest.toString()},
                  {QStringLiteral("size"), qint64(raw.size())}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

Descriptor BuiltManifest::descriptor() const
{
    Descriptor d;
    d.mediaType = mediaType;
    d.digest = digest;
    d.size = raw.size();
    return d;
}

ManifestBuilder &ManifestBuilder::setLayout(Layout layout)
{
    m_layout = layout;
    return *this;
}

ManifestBuilder &ManifestBuilder::setMaxBytes(qint64 bytes)
{
    m_maxBytes = bytes;
    return *this;
}

ManifestBuilder &ManifestBuilder::setInlineEmptyConfig(bool inlineData)
{
    m_inlineEmptyConfig = inlineData;
    return *this;
}

const ContentBlob &ManifestBuilder::emptyConfig()
{
    static const ContentBlob blob{QByteArrayLiteral("{}"), QString(mediatype::OciEmpty)};
    return blob;
}

QJsonObject ManifestBuilder::emptyConfigDescriptor() const
{
    QJsonObject o = emptyConfig().descriptorJson();
    if (m_inlineEmptyConfig)
        o.insert(QStringLiteral("data"), QStringLiteral("e30="));
    return o;
}

Result<BuiltManifest> ManifestBuilder::document(const QJsonObject &document,
                                                const QString &mediaType,
                                                QList<ContentBlob> blobs) const
{
    if (document.contains(QLatin1String("manifests")) && document.contains(QLatin1String("layers")))
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("A manifest cannot have both \"manifests\" and "
                                          "\"layers\"."));
    BuiltManifest built;
    built.mediaType = mediaType;
    // QJsonObject keeps its members sorted: the bytes depend on the content only.
    built.raw = QJsonDocument(document).toJson(
        m_layout == Layout::Compact ? QJsonDocument::Compact : QJsonDocument::Indented);
    if (built.raw.size() > m_maxBytes)
        return Error::make(ErrorKind::TooLarge,
                           QStringLiteral("The manifest would be %1 bytes; registries refuse "
                                          "manifests above %2 MiB, so it was not built.")
                               .arg(built.raw.size())
                               .arg(double(m_maxBytes) / (1024 * 1024), 0, 'g', 3));
    built.digest = Digest::sha256(built.raw);
    built.blobs = std::move(blobs);
    return built;
}

Result<BuiltManifest> ManifestBuilder::image(const QString &mediaType, const ContentBlob &config,
                                             const QList<Layer> &layers,
                                             const QJsonObject &annotations) const
{
    // Image manifests only: the index types, schema 1 and the withdrawn artifact type are not.
    if (!mediatype::sameType(mediaType, QString(mediatype::OciManifest)) &&
        !mediatype::sameType(mediaType, QString(mediatype::DockerManifest)))
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("%1 is not an image manifest type.").arg(mediaType));
    QJsonArray layerArray;
    QList<ContentBlob> blobs{config};
    for (const Layer &layer : layers) {
        layerArray.append(layer.blob.descriptorJson(layer.annotations));
        blobs.append(layer.blob);
    }
    QJsonObject manifest{{QStringLiteral("schemaVersion"), 2},
                         {QStringLiteral("mediaType"), mediaType},
                         {QStringLiteral("config"), config.descriptorJson()},
                         {QStringLiteral("layers"), layerArray}};
    if (!annotations.isEmpty())
        manifest.insert(QStringLiteral("annotations"), annotations);
    return document(manifest, mediaType, blobs);
}

Result<BuiltManifest> ManifestBuilder::index(const QString &mediaType, const QJsonArray &entries,
                                             const QJsonObject &annotations) const
{
    if (!mediatype::isIndexType(mediaType))
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("%1 is not an index type.").arg(mediaType));
    QJsonObject index{{QStringLiteral("schemaVersion"), 2},
                      {QStringLiteral("mediaType"), mediaType},
                      {QStringLiteral("manifests"), entries}};
    if (!annotations.isEmpty())
        index.insert(QStringLiteral("annotations"), annotations);
    return document(index, mediaType);
}

Result<BuiltManifest> ManifestBuilder::artifact(const Artifact &artifact) const
{
    if (artifact.artifactType.isEmpty())
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("An artifact needs an artifactType."));
    const QString mediaType(mediatype::OciManifest);
    QJsonArray layerArray;
    QList<ContentBlob> blobs{emptyConfig()};
    for (const Artifact::File &file : artifact.files) {
        if (file.mediaType.isEmpty())
            return Error::make(ErrorKind::InvalidInput,
                               QStringLiteral("The file %1 has no media type.").arg(file.title));
        QJsonObject annotations = file.annotations;
        if (!file.title.isEmpty())
            annotations.insert(kTitle, file.title);
        if (file.digest) {
            QJsonObject descriptor{{QStringLiteral("mediaType"), file.mediaType},
                                   {QStringLiteral("digest"), file.digest->toString()},
                                   {QStringLiteral("size"), file.size}};
            if (!annotations.isEmpty())
                descriptor.insert(QStringLiteral("annotations"), annotations);
            layerArray.append(descriptor);
            continue;
        }
        const ContentBlob blob{file.bytes, file.mediaType};
        layerArray.append(blob.descriptorJson(annotations));
        blobs.append(blob);
    }
    QJsonObject manifest{{QStringLiteral("schemaVersion"), 2},
                         {QStringLiteral("mediaType"), mediaType},
                         {QStringLiteral("artifactType"), artifact.artifactType},
                         {QStringLiteral("config"), emptyConfigDescriptor()},
                         {QStringLiteral("layers"), layerArray}};
    if (artifact.subject)
        manifest.insert(QStringLiteral("subject"), artifact.subject->toJson());
    if (!artifact.annotations.isEmpty())
        manifest.insert(QStringLiteral("annotations"), artifact.annotations);
    return document(manifest, mediaType, blobs);
}

} // namespace ocular
