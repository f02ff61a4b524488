#include "registryaddress.h"

#include "reference/nametext.h"
#include "reference/repositoryname.h"

namespace ocular {

namespace {

constexpr int MaxAddressLength = 600;

Error invalidAddress(QStringView text, const QString &why)
{
    return Error::make(ErrorKind::InvalidInput,
                       QStringLiteral("\"%1\" is not a registry address: %2.")
                           .arg(nametext::printable(text, 200), why));
}

} // namespace

Result<RegistryAddress> RegistryAddress::parse(QStringView input)
{
    const QStringView text = input.trimmed();
    if (text.isEmpty())
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("Enter a registry host or URL."));
    if (text.size() > MaxAddressLength)
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("The registry address is too long."));
    RegistryAddress address;
    QStringView rest = text;
    const qsizetype schemeEnd = text.indexOf(QLatin1String("://"));
    if (schemeEnd >= 0) {
        const QString scheme = text.left(schemeEnd).toString().toLower();
        if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
            return invalidAddress(text,
                                  QStringLiteral("only http:// and https:// URLs are supported"));
        address.scheme = scheme;
        rest = text.mid(schemeEnd + 3);
    }
    QStringView host = rest;
    QStringView path;
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    if (slash >= 0) {
        host = rest.left(slash);
        path = rest.mid(slash + 1);
    }
    // The API root is not a repository: `https://host/` and `https://host/v2/` name the registry.
    if (path == QLatin1String("v2") || path == QLatin1String("v2/"))
        path = {};
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    for (QChar c : host) {
        if (c == QLatin1Char('?') || c == QLatin1Char('#') || c == QLatin1Char('@'))
            return invalidAddress(text, QStringLiteral("the host contains '%1'").arg(c));
    }
    auto registry = RegistryName::parse(host.toString().toLower());
    if (!registry) {
        QString why = registry.error().message;
        why.chop(1);
        return invalidAddress(text, why.left(1).toLower() + why.mid(1));
    }
    address.registry = registry.value();
    if (!path.isEmpty()) {
        const QString why = RepositoryName::problem(path);
        if (!why.isEmpty())
            return invalidAddress(text, QStringLiteral("after the host comes a repository path, "
                                                       "and %1")
                                            .arg(why));
        address.repositoryPath = path.toString();
    }
    return address;
}

Result<RegistryAddress> RegistryAddress::parseRegistryOnly(QStringView text)
{
    auto address = parse(text);
    if (!address)
        return address;
    if (!address->repositoryPath.isEmpty())
        return Error::make(
            ErrorKind::InvalidInput,
            QStringLiteral("\"%1\" names the repository %2 on the registry %3, not a registry: "
                           "enter only %4 (then open %2 from it).")
                .arg(nametext::printable(text.trimmed(), 200), address->repositoryPath,
                     address->registry.toString(), address->endpointText()));
    return address;
}

QString RegistryAddress::endpointText() const
{
    if (scheme.isEmpty())
        return registry.toString();
    return scheme + QStringLiteral("://") + registry.toString();
}

} // namespace ocular
