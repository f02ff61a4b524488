#include "displayformat.h"

#include "reference/digest.h"
#include "registry/registryendpoint.h"

#include <QDateTime>
#include <QUrl>

namespace ocular::displayformat {

QString dateTime(const QDateTime &when)
{
    if (!when.isValid() || when.date().year() <= 1)
        return {};
    return when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString dateTime(const QString &isoText)
{
    const QString text = isoText.trimmed();
    if (text.isEmpty())
        return {};
    QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!when.isValid())
        when = QDateTime::fromString(text, Qt::ISODate);
    if (!when.isValid())
        return text;
    return dateTime(when);
}

QString shortDigest(const Digest &digest)
{
    return digest.isValid() ? digest.shortForm(kShortDigestHexChars) : QString();
}

QString registryName(const RegistryEndpoint &endpoint)
{
    return endpoint.registry;
}

QString registryName(const QString &address)
{
    const QString text = address.trimmed();
    const bool explicitHttp = text.startsWith(QLatin1String("http://"));
    const Result<RegistryEndpoint> endpoint = RegistryEndpoint::parse(text, explicitHttp);
    return endpoint ? registryName(endpoint.value()) : text;
}

} // namespace ocular::displayformat
