#include "fallbackindex.h"

#include "content/mediatype.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ocular {

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
    const QJsonValue manifests = object.value(QLatin1String("manifests"));
    if (!manifests.isArray()) {
        // An empty index may omit the member (some registries send `{"manifests":null}`).
        if (manifests.isNull() || (manifests.isUndefined() && mediatype::isIndexType(mediaType)))
            return FallbackIndex();
        return Error::make(ErrorKind::InvalidContent,
                           QStringLiteral("The referrers list has no \"manifests\" array."));
    }
    FallbackIndex index;
    const QJsonArray array = manifests.toArray();
    index.m_entries.reserve(array.size());
    for (const QJsonValue &value : array) {
        auto descriptor = Descriptor::fromJson(value.toObject());
        if (descriptor.ok())
            index.m_entries.append(std::move(descriptor).value());
        else
            ++index.m_skipped;
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

} // namespace ocular
