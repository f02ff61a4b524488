#include "descriptor.h"

#include <algorithm>

#include <QJsonArray>

#include <cmath>

namespace ocular {

namespace {

const QLatin1String kTitle("org.opencontainers.image.title");
const QLatin1String kRefType("vnd.docker.reference.type");
const QLatin1String kRefDigest("vnd.docker.reference.digest");
const QLatin1String kAttestationManifest("attestation-manifest");

// JSON numbers are doubles in most parsers; beyond 2^53 they stop being exact integers.
constexpr double kMaxSize = 9007199254740992.0;

Error invalidDescriptor(const QString &what)
{
    return Error::make(ErrorKind::InvalidContent,
                       QStringLiteral("A descriptor is not valid: %1.").arg(what));
}

} // namespace

Result<QMap<QString, QString>> parseAnnotations(const QJsonValue &value)
{
    QMap<QString, QString> out;
    if (value.isUndefined() || value.isNull())
        return out;
    if (!value.isObject())
        return Error::make(ErrorKind::InvalidContent,
                           QStringLiteral("\"annotations\" must be an object of strings."));
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isString())
            return Error::make(
                ErrorKind::InvalidContent,
                QStringLiteral("The annotation \"%1\" must be a string.").arg(it.key().left(200)));
        out.insert(it.key(), it.value().toString());
    }
    return out;
}

Result<Descriptor> Descriptor::fromJson(const QJsonObject &object)
{
    Descriptor d;

    const QJsonValue mediaType = object.value(QLatin1String("mediaType"));
    if (!mediaType.isString())
        return invalidDescriptor(mediaType.isUndefined()
                                     ? QStringLiteral("\"mediaType\" is missing")
                                     : QStringLiteral("\"mediaType\" must be a string"));
    d.mediaType = mediaType.toString();

    const QJsonValue digest = object.value(QLatin1String("digest"));
    if (!digest.isString())
        return invalidDescriptor(digest.isUndefined()
                                     ? QStringLiteral("\"digest\" is missing")
                                     : QStringLiteral("\"digest\" must be a string"));
    auto parsed = Digest::parse(digest.toString());
    if (!parsed)
        return invalidDescriptor(
            QStringLiteral("\"digest\" is not valid (%1)").arg(parsed.error().message));
    d.digest = parsed.value();

    const QJsonValue size = object.value(QLatin1String("size"));
    if (!size.isDouble())
        return invalidDescriptor(size.isUndefined() ? QStringLiteral("\"size\" is missing")
                                                    : QStringLiteral("\"size\" must be a number"));
    const double sizeValue = size.toDouble();
    if (!std::isfinite(sizeValue) || std::floor(sizeValue) != sizeValue)
        return invalidDescriptor(QStringLiteral("\"size\" must be a whole number"));
    if (sizeValue < 0)
        return invalidDescriptor(QStringLiteral("\"size\" is negative"));
    if (sizeValue > kMaxSize)
        return invalidDescriptor(QStringLiteral("\"size\" is larger than 2^53"));
    d.size = static_cast<qint64>(sizeValue);

    const QJsonValue urls = object.value(QLatin1String("urls"));
    if (!urls.isUndefined() && !urls.isNull()) {
        if (!urls.isArray())
            return invalidDescriptor(QStringLiteral("\"urls\" must be an array of strings"));
        const QJsonArray array = urls.toArray();
        for (const QJsonValue &u : array) {
            if (!u.isString())
                return invalidDescriptor(QStringLiteral("\"urls\" must be an array of strings"));
            d.urls << u.toString();
        }
    }

    auto annotations = parseAnnotations(object.value(QLatin1String("annotations")));
    if (!annotations)
        return annotations.error();
    d.annotations = annotations.value();

    const QJsonValue platform = object.value(QLatin1String("platform"));
    if (!platform.isUndefined() && !platform.isNull()) {
        if (!platform.isObject())
            return invalidDescriptor(QStringLiteral("\"platform\" must be an object"));
        auto p = Platform::fromJson(platform.toObject());
        if (!p)
            return p.error();
        d.platform = p.value();
    }

    const QJsonValue artifactType = object.value(QLatin1String("artifactType"));
    if (!artifactType.isUndefined()) {
        if (!artifactType.isString())
            return invalidDescriptor(QStringLiteral("\"artifactType\" must be a string"));
        d.artifactType = artifactType.toString();
    }

    const QJsonValue data = object.value(QLatin1String("data"));
    if (!data.isUndefined()) {
        if (!data.isString())
            return invalidDescriptor(QStringLiteral("\"data\" must be a base64 string"));
        const QString text = data.toString();
        // toLatin1() would turn a character outside Latin-1 into '?': refuse those first.
        const bool ascii =
            std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; });
        auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(),
                                                      QByteArray::AbortOnBase64DecodingErrors);
        if (!ascii || !decoded)
            return invalidDescriptor(QStringLiteral("\"data\" is not valid base64"));
        d.data = *decoded;
        // Inline data is content like any blob: it must be what the digest and size say.
        if (d.data.size() != d.size)
            return invalidDescriptor(QStringLiteral("\"data\" has %1 bytes but \"size\" says %2")
                                         .arg(d.data.size())
                                         .arg(d.size));
        if (d.digest.isVerifiable() && !d.digest.matches(d.data))
            return invalidDescriptor(QStringLiteral("\"data\" does not match the digest"));
    }
    return d;
}

QJsonObject Descriptor::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1String("mediaType"), mediaType);
    if (!artifactType.isEmpty())
        o.insert(QLatin1String("artifactType"), artifactType);
    o.insert(QLatin1String("digest"), digest.toString());
    o.insert(QLatin1String("size"), size);
    if (!urls.isEmpty())
        o.insert(QLatin1String("urls"), QJsonArray::fromStringList(urls));
    if (!annotations.isEmpty()) {
        QJsonObject a;
        for (auto it = annotations.begin(); it != annotations.end(); ++it)
            a.insert(it.key(), it.value());
        o.insert(QLatin1String("annotations"), a);
    }
    if (!data.isEmpty())
        o.insert(QLatin1String("data"), QString::fromLatin1(data.toBase64()));
    if (platform)
        o.insert(QLatin1String("platform"), platform->toJson());
    return o;
}

QString Descriptor::title() const
{
    return annotations.value(kTitle);
}

bool Descriptor::isBuildKitAttestation() const
{
    if (annotations.value(kRefType) != kAttestationManifest)
        return false;
    return !platform || platform->isUnknown();
}

Digest Descriptor::attestationSubject() const
{
    if (!isBuildKitAttestation())
        return {};
    auto d = Digest::parse(annotations.value(kRefDigest));
    return d ? d.value() : Digest();
}

} // namespace ocular
