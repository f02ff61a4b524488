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
    const QString text = body.left(dash) + QLatin1Char(':') + body.mid(dash + 1);
    auto digest = Digest::parse(text);
    if (!digest.ok() || !digest->isVerifiable())
        return std::nullopt;
    return Parsed{digest.value(), kind};
}

} // namespace ocular::cosigntags
