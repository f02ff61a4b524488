#include "fallbackindex.h"

#include "content/mediatype.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ocular {

namespace {

const QLatin1String kManifests("manifests");

QJsonObject emptyIndex()
{
    return QJsonObject{{QStringLiteral("schemaVersion"), 2},
                       {QStringLiteral("mediaType"), QString(mediatype::OciIndex)},
                       {kManifests, QJsonArray()}};
}

} // namespace

Result<FallbackIndex> FallbackIndex::parse(const QByteArray &raw)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(raw, &error);
    if (!doc.isObject())
        return Error::make(ErrorKind::InvalidContent,
                           QStringLiteral("The referrers list is not a JSON object (%1).")
                               .arg(error.error == QJsonParseError::NoError
                                        ? QStringLiteral("wrong JSON type")
                                        : error.errorString()));
    const QJsonObject object = doc.object();
    const QString mediaType = object.value(QLatin1String("mediaType")).toString();
    if (!mediaType.isEmpty() && !mediatype::isIndexType(mediaType))
        return Error::make(ErrorKind::InvalidContent,
                           QStringLiteral("The referrers list is a %1, not an index.")
                               .arg(mediatype::describe(mediaType)));
    if (object.contains(QLatin1String("layers")))
        return Error::make(ErrorKind::InvalidContent,
                           QStringLiteral("The referrers list has \"layers\": it is an image "
                                          "manifest, not an index."));
    FallbackIndex index;
    index.m_document = object;
    const QJsonValue manifests = object.value(kManifests);
    if (!manifests.isArray()) {
        // An empty index may omit the member (some registries send `{"manifests":null}`).
        if (manifests.isNull() || (manifests.isUndefined() && mediatype::isIndexType(mediaType)))
            return index;
        return Error::make(ErrorKind::InvalidContent,
                           QStringLiteral("The referrers list has no \"manifests\" array."));
    }
    const QJsonArray array = manifests.toArray();
    index.m_entries.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue value = array.at(i);
        if (!value.isObject()) {
            index.m_skipped.append(
                SkippedEntry{int(i), QStringLiteral("the entry is not a JSON object"), value});
            continue;
        }
        auto descriptor = Descriptor::fromJson(value.toObject());
        if (descriptor.ok())
            index.m_entries.append(std::move(descriptor).value());
        else
            index.m_skipped.append(SkippedEntry{int(i), descriptor.error().message, value});
    }
    return index;
}

QString FallbackIndex::entryType(const Descriptor &entry)
{
    return entry.artifactType.isEmpty() ? entry.mediaType : entry.artifactType;
}

QList<Descriptor> FallbackIndex::filtered(const QString &artifactType) const
{
    if (artifactType.isEmpty())
        return m_entries;
    QList<Descriptor> out;
    for (const Descriptor &entry : m_entries) {
        if (mediatype::sameType(entryType(entry), artifactType))
            out.append(entry);
    }
    return out;
}

QByteArray FallbackIndex::withEntry(const QJsonObject &entry) const
{
    QJsonObject document = m_document.isEmpty() ? emptyIndex() : m_document;
    QJsonArray manifests = document.value(kManifests).toArray();
    const QString digest = entry.value(QLatin1String("digest")).toString();
    for (const QJsonValue &value : std::as_const(manifests)) {
        if (value.toObject().value(QLatin1String("digest")).toString() == digest)
            return QJsonDocument(document).toJson(QJsonDocument::Compact);
    }
    manifests.append(entry);
    document.insert(kManifests, manifests);
    return QJsonDocument(document).toJson(QJsonDocument::Compact);
}

QByteArray FallbackIndex::withoutEntry(const Digest &digest) const
{
    QJsonObject document = m_document.isEmpty() ? emptyIndex() : m_document;
    const QJsonArray manifests = document.value(kManifests).toArray();
    QJsonArray kept;
    for (const QJsonValue &value : manifests) {
        if (value.toObject().value(QLatin1String("digest")).toString() != digest.toString())
            kept.append(value);
    }
    document.insert(kManifests, kept);
    return QJsonDocument(document).toJson(QJsonDocument::Compact);
}

} // namespace ocular
