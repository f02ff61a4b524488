#include "testmanifests.h"

#include "content/mediatype.h"
#include "reference/digest.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ocular::test {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject descriptor(const QString &mediaType, const QByteArray &raw)
{
    return QJsonObject{{QStringLiteral("mediaType"), mediaType},
                       {QStringLiteral("digest"), Digest::sha256(raw).toString()},
                       {QStringLiteral("size"), raw.size()}};
}

QByteArray image(const QString &salt)
{
    const QByteArray config = "{\"salt\":\"" + salt.toLatin1() + "\"}";
    return compact(QJsonObject{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), QString(mediatype::OciManifest)},
        {QStringLiteral("config"), descriptor(QString(mediatype::OciConfig), config)},
        {QStringLiteral("layers"),
         QJsonArray{descriptor(QString(mediatype::OciLayerTarGzip), salt.toLatin1())}}});
}

QByteArray artifact(const QString &artifactType, const QByteArray &subject, const QString &salt,
                    const QString &created)
{
    QJsonObject manifest{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), QString(mediatype::OciManifest)},
        {QStringLiteral("artifactType"), artifactType},
        {QStringLiteral("config"),
         QJsonObject{{QStringLiteral("mediaType"), QString(mediatype::OciEmpty)},
                     {QStringLiteral("digest"), Digest::sha256("{}").toString()},
                     {QStringLiteral("size"), 2}}},
        {QStringLiteral("layers"), QJsonArray{descriptor(artifactType, salt.toLatin1())}},
        {QStringLiteral("subject"), descriptor(QString(mediatype::OciManifest), subject)}};
    if (!created.isEmpty())
        manifest.insert(QStringLiteral("annotations"),
                        QJsonObject{{QStringLiteral("org.opencontainers.image.created"), created}});
    return compact(manifest);
}

} // namespace ocular::test
