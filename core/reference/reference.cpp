#include "reference.h"

#include <QHostAddress>

namespace ocular {

namespace {

const QLatin1String kDockerHub("docker.io");
constexpr int kMaxNameLength = 255;
constexpr int kMaxTagLength = 128;
constexpr int kMaxInputLength = 4096;

bool isLowerAlnum(QChar c)
{
    const ushort u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9');
}

bool isAsciiAlnum(QChar c)
{
    const ushort u = c.unicode();
    return isLowerAlnum(c) || (u >= 'A' && u <= 'Z');
}

bool hasUpper(QStringView s)
{
    for (QChar c : s) {
        if (c.unicode() >= 'A' && c.unicode() <= 'Z')
            return true;
    }
    return false;
}

// Checks one path component against `[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*` and says why it fails.
QString pathComponentProblem(QStringView c)
{
    if (c.isEmpty())
        return QStringLiteral("the repository path has an empty component");
    for (QChar ch : c) {
        const ushort u = ch.unicode();
        if (u >= 'A' && u <= 'Z')
            return QStringLiteral("the repository path must be lower case (\"%1\")")
                .arg(c.toString());
        if (!isLowerAlnum(ch) && u != '.' && u != '_' && u != '-')
            return QStringLiteral("the repository path contains the invalid character '%1'")
                .arg(ch);
    }
    if (!isLowerAlnum(c.front()) || !isLowerAlnum(c.back()))
        return QStringLiteral("the path component \"%1\" must start and end with a letter or digit")
            .arg(c.toString());
    // Separators: a single '.', one or two '_', or any number of '-'; never mixed or adjacent.
    qsizetype i = 0;
    while (i < c.size()) {
        if (isLowerAlnum(c[i])) {
            ++i;
            continue;
        }
        qsizetype j = i;
        while (j < c.size() && !isLowerAlnum(c[j]))
            ++j;
        const QStringView sep = c.mid(i, j - i);
        bool ok =
            sep == QLatin1String(".") || sep == QLatin1String("_") || sep == QLatin1String("__");
        if (!ok) {
            ok = true;
            for (QChar s : sep)
                ok = ok && s == QLatin1Char('-');
        }
        if (!ok)
            return QStringLiteral("the path component \"%1\" has the invalid separator \"%2\"")
                .arg(c.toString(), sep.toString());
        i = j;
    }
    return {};
}

QString repositoryProblem(QStringView path)
{
    if (path.isEmpty())
        return QStringLiteral("the repository path is empty");
    qsizetype start = 0;
    while (true) {
        const qsizetype slash = path.indexOf(QLatin1Char('/'), start);
        const QStringView component = slash < 0 ? path.mid(start) : path.mid(start, slash - start);
        const QString problem = pathComponentProblem(component);
        if (!problem.isEmpty())
            return problem;
        if (slash < 0)
            break;
        start = slash + 1;
    }
    return {};
}

QString tagProblem(QStringView tag)
{
    if (tag.isEmpty())
        return QStringLiteral("the tag is empty");
    if (tag.size() > kMaxTagLength)
        return QStringLiteral("the tag is longer than %1 characters").arg(kMaxTagLength);
    const QChar first = tag.front();
    if (!isAsciiAlnum(first) && first != QLatin1Char('_'))
        return QStringLiteral("the tag must start with a letter, digit or '_'");
    for (QChar c : tag) {
        if (!isAsciiAlnum(c) && c != QLatin1Char('_') && c != QLatin1Char('.') &&
            c != QLatin1Char('-'))
            return QStringLiteral("the tag contains the invalid character '%1'").arg(c);
    }
    return {};
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

QString normaliseRegistry(const QString &host)
{
    if (host.compare(QLatin1String("index.docker.io"), Qt::CaseInsensitive) == 0 ||
        host.compare(kDockerHub, Qt::CaseInsensitive) == 0)
        return QString(kDockerHub);
    return host;
}

QString normaliseRepository(const QString &registry, const QString &repository)
{
    // Docker Hub's official images live under library/; docker and podman add it implicitly.
    if (registry == kDockerHub && !repository.contains(QLatin1Char('/')))
        return QStringLiteral("library/") + repository;
    return repository;
}

Error invalid(QStringView text, const QString &problem)
{
    return Error::make(
        ErrorKind::InvalidInput,
        QStringLiteral("Invalid reference \"%1\": %2.").arg(text.left(300).toString(), problem));
}

} // namespace

bool Reference::isValidRepository(QStringView path)
{
    return repositoryProblem(path).isEmpty() && path.size() <= kMaxNameLength;
}

bool Reference::isValidTag(QStringView tag)
{
    return tagProblem(tag).isEmpty();
}

bool Reference::isValidRegistryHost(QStringView host)
{
    if (host.isEmpty())
        return false;
    QStringView port;
    QStringView name = host;
    if (host.front() == QLatin1Char('[')) {
        const qsizetype close = host.indexOf(QLatin1Char(']'));
        if (close < 0)
            return false;
        const QStringView rest = host.mid(close + 1);
        if (!rest.isEmpty()) {
            if (rest.front() != QLatin1Char(':'))
                return false;
            port = rest.mid(1);
            if (!isValidPort(port))
                return false;
        }
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
        port = host.mid(colon + 1);
        if (!isValidPort(port))
            return false;
    }
    return isValidDnsName(name);
}

QString Reference::apiHost(const QString &registry)
{
    if (normaliseRegistry(registry) == kDockerHub)
        return QStringLiteral("registry-1.docker.io");
    return registry;
}

Result<Reference> Reference::parse(QStringView text)
{
    if (text.isEmpty())
        return Error::make(ErrorKind::InvalidInput, QStringLiteral("The reference is empty."));
    if (text.size() > kMaxInputLength)
        return Error::make(
            ErrorKind::InvalidInput,
            QStringLiteral("The reference is longer than %1 characters.").arg(kMaxInputLength));
    for (QChar c : text) {
        if (c.isSpace() || c.unicode() < 0x20 || c.unicode() > 0x7e)
            return invalid(text, c.isSpace() ? QStringLiteral("it contains whitespace")
                                             : QStringLiteral("it contains a character that is "
                                                              "not printable ASCII"));
    }

    Reference ref;
    QStringView rest = text;

    const qsizetype at = rest.indexOf(QLatin1Char('@'));
    if (at >= 0) {
        const QStringView digestText = rest.mid(at + 1);
        if (digestText.contains(QLatin1Char('@')))
            return invalid(text, QStringLiteral("it contains more than one '@'"));
        if (digestText.isEmpty())
            return invalid(text, QStringLiteral("the digest after '@' is empty"));
        auto digest = Digest::parse(digestText);
        if (!digest) {
            QString why = digest.error().message;
            if (why.endsWith(QLatin1Char('.')))
                why.chop(1);
            return invalid(text, QStringLiteral("the digest is not valid (%1)").arg(why));
        }
        ref.m_digest = digest.value();
        rest = rest.left(at);
        if (rest.isEmpty())
            return invalid(text, QStringLiteral("the repository name is missing before '@'"));
    }

    // The first component is a registry host only when it cannot be a Docker Hub path.
    QString registry;
    QStringView remainder = rest;
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    if (slash >= 0) {
        const QStringView first = rest.left(slash);
        if (first.contains(QLatin1Char('.')) || first.contains(QLatin1Char(':')) ||
            first == QLatin1String("localhost") || hasUpper(first) ||
            first.startsWith(QLatin1Char('['))) {
            if (!isValidRegistryHost(first))
                return invalid(
                    text,
                    QStringLiteral("\"%1\" is not a valid registry host").arg(first.toString()));
            registry = first.toString();
            remainder = rest.mid(slash + 1);
        }
    }

    // With the host removed, ':' can only introduce the tag.
    QStringView path = remainder;
    const qsizetype colon = remainder.lastIndexOf(QLatin1Char(':'));
    if (colon >= 0) {
        const QStringView tag = remainder.mid(colon + 1);
        path = remainder.left(colon);
        if (path.contains(QLatin1Char(':')))
            return invalid(text, QStringLiteral("it contains more than one ':' after the host"));
        const QString problem = tagProblem(tag);
        if (!problem.isEmpty())
            return invalid(text, problem);
        ref.m_tag = tag.toString();
    }
    if (path.isEmpty())
        return invalid(text, QStringLiteral("the repository path is empty"));
    const QString problem = repositoryProblem(path);
    if (!problem.isEmpty())
        return invalid(text, problem);

    ref.m_registry = registry.isEmpty() ? QString(kDockerHub) : normaliseRegistry(registry);
    ref.m_repository = normaliseRepository(ref.m_registry, path.toString());
    // The cap applies to the canonical name (docker.io/library/... included), as docker's own
    // normalising parser does; otherwise a short name could parse while its canonical form fails.
    if (ref.name().size() > kMaxNameLength)
        return invalid(text,
                       QStringLiteral("the name is longer than %1 characters").arg(kMaxNameLength));
    return ref;
}

Result<Reference> Reference::fromParts(const QString &registry, const QString &repository,
                                       const QString &tag, const Digest &digest)
{
    const QString host = registry.isEmpty() ? QString(kDockerHub) : normaliseRegistry(registry);
    const QString shown = host + QLatin1Char('/') + repository;
    if (!isValidRegistryHost(host))
        return invalid(shown, QStringLiteral("\"%1\" is not a valid registry host").arg(host));
    const QString problem = repositoryProblem(repository);
    if (!problem.isEmpty())
        return invalid(shown, problem);
    if (host.size() + 1 + repository.size() > kMaxNameLength)
        return invalid(shown,
                       QStringLiteral("the name is longer than %1 characters").arg(kMaxNameLength));
    if (!tag.isEmpty()) {
        const QString tagWhy = tagProblem(tag);
        if (!tagWhy.isEmpty())
            return invalid(shown, tagWhy);
    }
    Reference ref;
    ref.m_registry = host;
    ref.m_repository = normaliseRepository(host, repository);
    ref.m_tag = tag;
    ref.m_digest = digest;
    return ref;
}

QString Reference::identifier() const
{
    if (hasDigest())
        return m_digest.toString();
    if (hasTag())
        return m_tag;
    return QStringLiteral("latest");
}

QString Reference::name() const
{
    if (!isValid())
        return {};
    return m_registry + QLatin1Char('/') + m_repository;
}

QString Reference::toString() const
{
    if (!isValid())
        return {};
    QString out = name();
    if (hasTag())
        out += QLatin1Char(':') + m_tag;
    if (hasDigest())
        out += QLatin1Char('@') + m_digest.toString();
    return out;
}

Reference Reference::withTag(const QString &tag) const
{
    Reference r = *this;
    r.m_tag = tag;
    return r;
}

Reference Reference::withDigest(const Digest &digest) const
{
    Reference r = *this;
    r.m_digest = digest;
    return r;
}

Reference Reference::withoutTag() const
{
    Reference r = *this;
    r.m_tag.clear();
    return r;
}

} // namespace ocular
