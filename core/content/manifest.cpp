#include "manifest.h"

#include "content/mediatype.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <limits>

namespace ocular {

namespace {

// Far above any registry's limit (4 MiB is common); only guards against absurd inputs.
constexpr qsizetype kMaxManifestBytes = 64 * 1024 * 1024;

Error invalidManifest(const QString &what)
{
    return Error::make(ErrorKind::InvalidContent,
                       QStringLiteral("The manifest is not valid: %1.").arg(what));
}

Result<QList<Descriptor>> parseDescriptorArray(const QJsonObject &object, QLatin1String key)
{
    QList<Descriptor> out;
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return out;
    if (!value.isArray())
        return invalidManifest(QStringLiteral("\"%1\" must be an array").arg(key));
    const QJsonArray array = value.toArray();
    out.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue entry = array.at(i);
        if (!entry.isObject())
            return invalidManifest(QStringLiteral("%1[%2] must be an object").arg(key).arg(i));
        auto d = Descriptor::fromJson(entry.toObject());
        if (!d)
            return invalidManifest(
                QStringLiteral("%1[%2]: %3").arg(key).arg(i).arg(d.error().message));
        out << d.value();
    }
    return out;
}

Result<std::optional<Descriptor>> parseOptionalDescriptor(const QJsonObject &object,
                                                          QLatin1String key)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return std::optional<Descriptor>();
    if (!value.isObject())
        return invalidManifest(QStringLiteral("\"%1\" must be an object").arg(key));
    auto d = Descriptor::fromJson(value.toObject());
    if (!d)
        return invalidManifest(QStringLiteral("%1: %2").arg(key, d.error().message));
    return std::optional<Descriptor>(d.value());
}

// Schema 1 lists layers newest first by blobSum only; keep them for display, sizes unknown.
QList<Descriptor> schema1Layers(const QJsonObject &object)
{
    QList<Descriptor> out;
    const QJsonArray fsLayers = object.value(QLatin1String("fsLayers")).toArray();
    for (const QJsonValue &v : fsLayers) {
        auto digest = Digest::parse(v.toObject().value(QLatin1String("blobSum")).toString());
        if (!digest)
            continue;
        Descriptor d;
        d.mediaType = QString(mediatype::DockerLayerTarGzip);
        d.digest = digest.value();
        out << d;
    }
    return out;
}

} // namespace

Result<Manifest> Manifest::parse(const QByteArray &raw, const QString &contentType)
{
    if (raw.isEmpty())
        return invalidManifest(QStringLiteral("the document is empty"));
    if (raw.size() > kMaxManifestBytes)
        return Error::make(ErrorKind::TooLarge,
                           QStringLiteral("The manifest is larger than %1 MiB.")
                               .arg(kMaxManifestBytes / (1024 * 1024)));

    QJsonParseError parseError;
    // QJsonDocument limits nesting depth itself and reports it as an error.
    const QJsonDocument doc = QJsonDocument::fromJson(raw, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalidManifest(QStringLiteral("JSON error at offset %1: %2")
                                   .arg(parseError.offset)
                                   .arg(parseError.errorString()));
    if (!doc.isObject())
        return invalidManifest(QStringLiteral("the document is not a JSON object"));
    const QJsonObject object = doc.object();

    Manifest m;
    m.m_raw = raw;
    m.m_digest = Digest::sha256(raw);

    const QJsonValue schemaVersion = object.value(QLatin1String("schemaVersion"));
    if (!schemaVersion.isUndefined()) {
        const double v = schemaVersion.toDouble(-1);
        if (!schemaVersion.isDouble() || (v != 1 && v != 2))
            return invalidManifest(QStringLiteral("\"schemaVersion\" must be 1 or 2"));
        m.m_schemaVersion = static_cast<int>(v);
    }

    QString ownType;
    const QJsonValue mediaType = object.value(QLatin1String("mediaType"));
    if (!mediaType.isUndefined()) {
        if (!mediaType.isString())
            return invalidManifest(QStringLiteral("\"mediaType\" must be a string"));
        ownType = mediaType.toString();
    }

    const bool informativeContentType = !mediatype::isGenericContentType(contentType);
    if (!ownType.isEmpty() && informativeContentType && !mediatype::sameType(ownType, contentType))
        return Error::make(ErrorKind::InvalidContent,
                           QStringLiteral("The manifest says its type is \"%1\" but the registry "
                                          "sent it as \"%2\".")
                               .arg(ownType.left(200), contentType.left(200)));

    const bool hasManifests = object.contains(QLatin1String("manifests"));
    const bool hasLayers = object.contains(QLatin1String("layers"));
    const bool hasConfig = object.contains(QLatin1String("config"));
    if (hasManifests && (hasLayers || hasConfig))
        return invalidManifest(
            QStringLiteral("it has both \"manifests\" and \"%1\", so it is "
                           "ambiguous between an index and an image")
                .arg(hasLayers ? QLatin1String("layers") : QLatin1String("config")));

    if (!ownType.isEmpty())
        m.m_mediaType = mediatype::essence(ownType);
    else if (informativeContentType)
        m.m_mediaType = mediatype::essence(contentType);
    else if (m.m_schemaVersion == 1)
        m.m_mediaType = object.contains(QLatin1String("signatures"))
                            ? QString(mediatype::DockerSchema1Signed)
                            : QString(mediatype::DockerSchema1);
    else if (hasManifests)
        m.m_mediaType = QString(mediatype::OciIndex);
    else if (hasConfig || hasLayers)
        m.m_mediaType = QString(mediatype::OciManifest);
    else if (object.contains(QLatin1String("blobs")))
        m.m_mediaType = QString(mediatype::OciArtifactManifest);
    else
        return invalidManifest(QStringLiteral("it has no media type and no manifests, config "
                                              "or layers"));

    const QString &type = m.m_mediaType;
    if (type == mediatype::OciManifest || type == mediatype::DockerManifest)
        m.m_kind = ManifestKind::Image;
    else if (type == mediatype::OciIndex || type == mediatype::DockerManifestList)
        m.m_kind = ManifestKind::Index;
    else if (type == mediatype::OciArtifactManifest)
        m.m_kind = ManifestKind::LegacyArtifact;
    else if (type == mediatype::DockerSchema1Signed || type == mediatype::DockerSchema1)
        m.m_kind = ManifestKind::DockerSchema1;
    else
        return Error::make(ErrorKind::InvalidContent,
                           QStringLiteral("\"%1\" is not a manifest media type this browser "
                                          "understands.")
                               .arg(type.left(200)));

    if (m.m_kind == ManifestKind::DockerSchema1) {
        // Read-only legacy format: show what we can, never fail on its details.
        if (m.m_schemaVersion == 0)
            m.m_schemaVersion = 1;
        m.m_layers = schema1Layers(object);
        return m;
    }
    if (m.m_kind != ManifestKind::LegacyArtifact && m.m_schemaVersion == 1)
        return invalidManifest(QStringLiteral("\"schemaVersion\" 1 does not fit the media type "
                                              "\"%1\"")
                                   .arg(type));

    const QJsonValue artifactType = object.value(QLatin1String("artifactType"));
    if (!artifactType.isUndefined()) {
        if (!artifactType.isString())
            return invalidManifest(QStringLiteral("\"artifactType\" must be a string"));
        m.m_artifactType = artifactType.toString();
    }

    auto annotations = parseAnnotations(object.value(QLatin1String("annotations")));
    if (!annotations)
        return invalidManifest(annotations.error().message);
    m.m_annotations = annotations.value();

    auto subject = parseOptionalDescriptor(object, QLatin1String("subject"));
    if (!subject)
        return subject.error();
    m.m_subject = subject.value();

    switch (m.m_kind) {
    case ManifestKind::Image: {
        if (hasManifests)
            return invalidManifest(QStringLiteral("an image manifest cannot have \"manifests\""));
        auto config = parseOptionalDescriptor(object, QLatin1String("config"));
        if (!config)
            return config.error();
        if (!config.value())
            return invalidManifest(QStringLiteral("an image manifest needs a \"config\""));
        m.m_config = config.value();
        auto layers = parseDescriptorArray(object, QLatin1String("layers"));
        if (!layers)
            return layers.error();
        m.m_layers = layers.value();
        break;
    }
    case ManifestKind::Index: {
        if (hasLayers || hasConfig)
            return invalidManifest(QStringLiteral("an index cannot have \"config\" or \"layers\""));
        auto manifests = parseDescriptorArray(object, QLatin1String("manifests"));
        if (!manifests)
            return manifests.error();
        m.m_manifests = manifests.value();
        break;
    }
    case ManifestKind::LegacyArtifact: {
        if (hasManifests || hasConfig)
            return invalidManifest(
                QStringLiteral("an artifact manifest cannot have \"manifests\" or \"config\""));
        auto blobs = parseDescriptorArray(object, QLatin1String("blobs"));
        if (!blobs)
            return blobs.error();
        m.m_layers = blobs.value();
        break;
    }
    case ManifestKind::DockerSchema1:
        break;
    }
    return m;
}

bool Manifest::isArtifact() const
{
    if (m_kind == ManifestKind::LegacyArtifact)
        return true;
    if (m_kind != ManifestKind::Image)
        return false;
    if (!m_artifactType.isEmpty())
        return true;
    return m_config && !mediatype::isImageConfigType(m_config->mediaType);
}

QString Manifest::effectiveArtifactType() const
{
    if (!m_artifactType.isEmpty())
        return m_artifactType;
    if (isArtifact() && m_config)
        return m_config->mediaType;
    return {};
}

qint64 Manifest::totalSize() const
{
    if (m_kind == ManifestKind::Index)
        return 0;
    qint64 total = m_config ? m_config->size : 0;
    // Sizes are capped at 2^53 each; saturate so a hostile document cannot overflow the sum.
    for (const Descriptor &layer : m_layers) {
        if (total > std::numeric_limits<qint64>::max() - layer.size)
            return std::numeric_limits<qint64>::max();
        total += layer.size;
    }
    return total;
}

QList<Descriptor> Manifest::children() const
{
    QList<Descriptor> out;
    if (m_config)
        out << *m_config;
    out << m_layers;
    out << m_manifests;
    if (m_subject)
        out << *m_subject;
    return out;
}

} // namespace ocular
