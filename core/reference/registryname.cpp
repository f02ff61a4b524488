#include "registryname.h"

#include <QHostAddress>

namespace ocular {

namespace {

const QLatin1String kDockerHub("docker.io");

bool isAsciiAlnum(QChar c)
{
    const ushort u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z');
}

bool isValidPort(QStringView port)
{
    if (port.isEmpty() || port.size() > 5)
        return false;
    for (QChar c : port) {
        if (c.unicode() < '0' || c.unicode() > '9')
            return false;
    }
    const int value = port.toInt();
    return value >= 1 && value <= 65535;
}

bool isValidDnsName(QStringView name)
{
    if (name.isEmpty() || name.size() > 253)
        return false;
    qsizetype start = 0;
    while (true) {
        const qsizetype dot = name.indexOf(QLatin1Char('.'), start);
        const QStringView label = dot < 0 ? name.mid(start) : name.mid(start, dot - start);
        if (label.isEmpty() || label.size() > 63)
            return false;
        if (!isAsciiAlnum(label.front()) || !isAsciiAlnum(label.back()))
            return false;
        for (QChar c : label) {
            if (!isAsciiAlnum(c) && c != QLatin1Char('-'))
                return false;
        }
        if (dot < 0)
            return true;
        start = dot + 1;
    }
}

} // namespace

bool RegistryName::isValid(QStringView host)
{
    if (host.isEmpty())
        return false;
    QStringView name = host;
    if (host.front() == QLatin1Char('[')) {
        const qsizetype close = host.indexOf(QLatin1Char(']'));
        if (close < 0)
            return false;
        const QStringView rest = host.mid(close + 1);
        if (!rest.isEmpty() && (rest.front() != QLatin1Char(':') || !isValidPort(rest.mid(1))))
            return false;
        const QString literal = host.mid(1, close - 1).toString();
        // Zone ids ("%eth0") make no sense in a reference; QHostAddress would accept them.
        if (literal.isEmpty() || literal.contains(QLatin1Char('%')))
            return false;
        QHostAddress address;
        return address.setAddress(literal) && address.protocol() == QAbstractSocket::IPv6Protocol;
    }
    const qsizetype colon = host.indexOf(QLatin1Char(':'));
    if (colon >= 0) {
        name = host.left(colon);
        if (!isValidPort(host.mid(colon + 1)))
            return false;
    }
    return isValidDnsName(name);
}

bool RegistryName::isDockerHubHost(QStringView host)
{
    return host.compare(kDockerHub, Qt::CaseInsensitive) == 0 ||
           host.compare(QLatin1String("index.docker.io"), Qt::CaseInsensitive) == 0 ||
           host.compare(QLatin1String("registry-1.docker.io"), Qt::CaseInsensitive) == 0;
}

QString RegistryName::normalised(const QString &host)
{
    return isDockerHubHost(host) ? QString(kDockerHub) : host;
}

QString RegistryName::apiHostFor(const QString &host)
{
    return isDockerHubHost(host) ? QStringLiteral("registry-1.docker.io") : host;
}

RegistryName RegistryName::dockerHub()
{
    return RegistryName(QString(kDockerHub));
}

bool RegistryName::isDockerHub() const
{
    return m_host == kDockerHub;
}

Result<RegistryName> RegistryName::parse(QStringView text)
{
    if (!isValid(text))
        return Error::make(
            ErrorKind::InvalidInput,
            QStringLiteral("\"%1\" is not a valid registry host.").arg(text.left(100).toString()));
    return RegistryName(normalised(text.toString()));
}

} // namespace ocular
