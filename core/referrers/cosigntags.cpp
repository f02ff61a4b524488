#include "cosigntags.h"

namespace ocular::cosigntags {

QString suffix(Kind kind)
{
    switch (kind) {
    case Kind::Signature:
        return QStringLiteral(".sig");
    case Kind::Attestation:
        return QStringLiteral(".att");
    case Kind::Sbom:
        return QStringLiteral(".sbom");
    }
    return QString();
}

QString tagFor(const Digest &subject, Kind kind)
{
    return subject.algorithm() + QLatin1Char('-') + subject.encoded() + suffix(kind);
}

QStringList tagsFor(const Digest &subject)
{
    return {tagFor(subject, Kind::Signature), tagFor(subject, Kind::Attestation),
            tagFor(subject, Kind::Sbom)};
}

namespace {

// Registered algorithms and the length of their hex encoding (OCI image spec, descriptor.md).
int encodedLength(QStringView algorithm)
{
    if (algorithm == QLatin1String("sha256") || algorithm == QLatin1String("blake3"))
        return 64;
    if (algorithm == QLatin1String("sha512"))
        return 128;
    return 0;
}

bool isLowerHex(QStringView text)
{
    for (const QChar c : text) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
              (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    }
    return !text.isEmpty();
}

// The spec truncates the encoded part of a fallback tag to 64 characters.
constexpr int FallbackEncodedMax = 64;

} // namespace

std::optional<Parsed> parse(const QString &tag)
{
    QString body = tag;
    std::optional<Kind> kind;
    for (Kind k : {Kind::Signature, Kind::Attestation, Kind::Sbom}) {
        if (body.endsWith(suffix(k))) {
            kind = k;
            body.chop(suffix(k).size());
            break;
        }
    }
    const qsizetype dash = body.indexOf(QLatin1Char('-'));
    if (dash <= 0)
        return std::nullopt;
    const QString algorithm = body.left(dash);
    const QString encoded = body.mid(dash + 1);
    const int full = encodedLength(algorithm);
    if (full == 0 || !isLowerHex(encoded))
        return std::nullopt;
    Parsed parsed;
    parsed.kind = kind;
    parsed.algorithm = algorithm;
    parsed.subjectPrefix = algorithm + QLatin1Char(':') + encoded;
    if (encoded.size() == full) {
        auto digest = Digest::parse(parsed.subjectPrefix);
        if (!digest.ok())
            return std::nullopt;
        parsed.subject = digest.value();
        return parsed;
    }
    // Only a fallback tag may hold a truncated digest, and only truncated to the spec's 64.
    if (!kind && full > FallbackEncodedMax && encoded.size() == FallbackEncodedMax) {
        parsed.truncated = true;
        return parsed;
    }
    return std::nullopt;
}

bool isAttachmentTag(const QString &tag)
{
    return parse(tag).has_value();
}

} // namespace ocular::cosigntags
