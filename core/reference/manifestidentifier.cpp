#include "manifestidentifier.h"

#include "reference/nametext.h"
#include "reference/tagname.h"

namespace ocular {

bool ManifestIdentifier::isDigest(QStringView text)
{
    return Digest::parse(text).ok();
}

ManifestIdentifier ManifestIdentifier::fromDigest(const Digest &digest)
{
    ManifestIdentifier id;
    id.m_digest = digest;
    return id;
}

Result<ManifestIdentifier> ManifestIdentifier::parse(QStringView text)
{
    ManifestIdentifier id;
    auto digest = Digest::parse(text);
    if (digest) {
        id.m_digest = digest.value();
        return id;
    }
    const QString tagWhy = TagName::problem(text);
    if (tagWhy.isEmpty()) {
        id.m_tag = text.toString();
        return id;
    }
    QString digestWhy = digest.error().message;
    if (digestWhy.endsWith(QLatin1Char('.')))
        digestWhy.chop(1);
    return Error::make(ErrorKind::InvalidInput,
                       QStringLiteral("\"%1\" is neither a valid tag (%2) nor a valid digest (%3).")
                           .arg(nametext::printable(text, 120), tagWhy, digestWhy));
}

} // namespace ocular
