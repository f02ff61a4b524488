#include "platform.h"

#include <QJsonArray>

namespace ocular {

namespace {

Error invalidPlatform(const QString &what)
{
    return Error::make(ErrorKind::InvalidContent,
                       QStringLiteral("The platform is not valid: %1.").arg(what));
}

// Reads an optional string member; a present member of another type is an error.
bool readString(const QJsonObject &object, QLatin1String key, QString &out)
{
    const QJsonValue v = object.value(key);
    if (v.isUndefined())
        return true;
    if (!v.isString())
        return false;
    out = v.toString();
    return true;
}

} // namespace

Result<Platform> Platform::fromJson(const QJsonObject &object)
{
    Platform p;
    // os and architecture are required by the spec, but registries in the wild omit them;
    // an entry with a missing platform field is still worth showing.
    if (!readString(object, QLatin1String("os"), p.os))
        return invalidPlatform(QStringLiteral("\"os\" must be a string"));
    if (!readString(object, QLatin1String("architecture"), p.architecture))
        return invalidPlatform(QStringLiteral("\"architecture\" must be a string"));
    if (!readString(object, QLatin1String("variant"), p.variant))
        return invalidPlatform(QStringLiteral("\"variant\" must be a string"));
    if (!readString(object, QLatin1String("os.version"), p.osVersion))
        return invalidPlatform(QStringLiteral("\"os.version\" must be a string"));
    const QJsonValue features = object.value(QLatin1String("os.features"));
    if (!features.isUndefined()) {
        if (!features.isArray())
            return invalidPlatform(QStringLiteral("\"os.features\" must be an array of strings"));
        const QJsonArray array = features.toArray();
        for (const QJsonValue &f : array) {
            if (!f.isString())
                return invalidPlatform(
                    QStringLiteral("\"os.features\" must be an array of strings"));
            p.osFeatures << f.toString();
        }
    }
    return p;
}

QJsonObject Platform::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1String("architecture"), architecture);
    o.insert(QLatin1String("os"), os);
    if (!variant.isEmpty())
        o.insert(QLatin1String("variant"), variant);
    if (!osVersion.isEmpty())
        o.insert(QLatin1String("os.version"), osVersion);
    if (!osFeatures.isEmpty())
        o.insert(QLatin1String("os.features"), QJsonArray::fromStringList(osFeatures));
    return o;
}

QString Platform::toString() const
{
    QString out = os + QLatin1Char('/') + architecture;
    if (!variant.isEmpty())
        out += QLatin1Char('/') + variant;
    if (!osVersion.isEmpty())
        out += QLatin1Char(' ') + osVersion;
    return out;
}

bool Platform::isUnknown() const
{
    return os == QLatin1String("unknown") && architecture == QLatin1String("unknown");
}

} // namespace ocular
