#include "reference.h"

#include "reference/nametext.h"
#include "reference/registryname.h"
#include "reference/repositoryname.h"
#include "reference/tagname.h"

#include <QHostAddress>

namespace ocular {

namespace {

const QLatin1String kDockerHub("docker.io");
constexpr int kMaxNameLength = 255;
constexpr int kMaxInputLength = 4096;

bool hasUpper(QStringView s)
{
    for (QChar c : s) {
        if (c.unicode() >= 'A' && c.unicode() <= 'Z')
            return true;
    }
    return false;
}

QString normaliseRepository(const QString &registry, const QString &repository)
{
    // Docker Hub's official images live under library/; docker and podman add it implicitly.
    if (registry == kDockerHub && !repository.contains(QLatin1Char('/')))
        return QStringLiteral("library/") + repository;
    return repository;
}

// The first path component names a host when it cannot be a Docker Hub path (PROTOCOL §1).
bool looksLikeHost(QStringView first)
{
    return first.contains(QLatin1Char('.')) || first.contains(QLatin1Char(':')) ||
           first == QLatin1String("localhost") || hasUpper(first) ||
           first.startsWith(QLatin1Char('['));
}

Error invalid(QStringView text, const QString &problem)
{
    return Error::make(ErrorKind::InvalidInput, QStringLiteral("Invalid reference \"%1\": %2.")
                                                    .arg(nametext::printable(text, 300), problem));
}

} // namespace

bool Reference::isValidRepository(QStringView path)
{
    return RepositoryName::isValid(path);
}

bool Reference::isValidTag(QStringView tag)
{
    return TagName::isValid(tag);
}

bool Reference::isValidRegistryHost(QStringView host)
{
    return RegistryName::isValid(host);
}

QString Reference::apiHost(const QString &registry)
{
    return RegistryName::apiHostFor(registry);
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
        if (looksLikeHost(first)) {
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
        const QString problem = TagName::problem(tag);
        if (!problem.isEmpty())
            return invalid(text, problem);
        ref.m_tag = tag.toString();
    }
    if (path.isEmpty())
        return invalid(text, QStringLiteral("the repository path is empty"));
    const QString problem = RepositoryName::problem(path);
    if (!problem.isEmpty())
        return invalid(text, problem);

    ref.m_registry = registry.isEmpty() ? QString(kDockerHub) : RegistryName::normalised(registry);
    ref.m_repository = normaliseRepository(ref.m_registry, path.toString());
    // The cap applies to the canonical name (docker.io/library/... included), as docker's own
    // normalising parser does; otherwise a short name could parse while its canonical form fails.
    if (ref.name().size() > kMaxNameLength)
        return invalid(text,
                       QStringLiteral("the name is longer than %1 characters").arg(kMaxNameLength));
    return ref;
}

QString Reference::hostOnlyProblem(QStringView text)
{
    QStringView name = text;
    const qsizetype at = name.indexOf(QLatin1Char('@'));
    if (at >= 0)
        name = name.left(at);
    if (name.isEmpty() || name.contains(QLatin1Char('/')))
        return {};
    // Without a slash the text is `name[:tag]`; the name part decides whether it is a host.
    QStringView host = name;
    if (!host.startsWith(QLatin1Char('['))) {
        const qsizetype colon = host.indexOf(QLatin1Char(':'));
        if (colon >= 0)
            host = host.left(colon);
    }
    if (!looksLikeHost(host))
        return {};
    const QString shown = nametext::printable(name, 120);
    QString message = QStringLiteral("\"%1\" is a registry host, not a repository: add the "
                                     "repository path, e.g. %1/REPOSITORY")
                          .arg(shown);
    // Where the text could also be a Docker Hub image, say how to write that unambiguously.
    const QString hub = QStringLiteral("docker.io/library/") + name.toString().toLower();
    const bool ipAddress = !QHostAddress(host.toString()).isNull();
    if (!ipAddress && parse(hub).ok())
        message += QStringLiteral(" (for the Docker Hub image write %1)").arg(hub);
    return message;
}

Result<Reference> Reference::parseInRegistry(const QString &registry, QStringView text)
{
    const QString host = RegistryName::normalised(registry);
    if (!RegistryName::isValid(host))
        return invalid(text, QStringLiteral("\"%1\" is not a valid registry host")
                                 .arg(nametext::printable(registry, 100)));
    QStringView rest = text.trimmed();
    if (rest.isEmpty())
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("Enter a repository, e.g. team/app, team/app:tag or "
                                          "team/app@sha256:…."));
    // A pasted full reference to this same registry.
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    if (slash > 0 && RegistryName::isValid(rest.left(slash)) &&
        RegistryName::normalised(rest.left(slash).toString()) == host)
        rest = rest.mid(slash + 1);
    // Prefix the registry so that the path can never be read as a host, then parse as usual.
    auto parsed = parse(QString(host + QLatin1Char('/') + rest));
    if (!parsed) {
        Error error = parsed.error();
        error.message.replace(QStringLiteral("\"") + host + QLatin1Char('/'), QStringLiteral("\""));
        return error;
    }
    return parsed;
}

Result<Reference> Reference::fromParts(const QString &registry, const QString &repository,
                                       const QString &tag, const Digest &digest)
{
    const QString host =
        registry.isEmpty() ? QString(kDockerHub) : RegistryName::normalised(registry);
    const QString shown = host + QLatin1Char('/') + repository;
    if (!isValidRegistryHost(host))
        return invalid(shown, QStringLiteral("\"%1\" is not a valid registry host").arg(host));
    const QString problem = RepositoryName::problem(repository);
    if (!problem.isEmpty())
        return invalid(shown, problem);
    if (host.size() + 1 + repository.size() > kMaxNameLength)
        return invalid(shown,
                       QStringLiteral("the name is longer than %1 characters").arg(kMaxNameLength));
    if (!tag.isEmpty()) {
        const QString tagWhy = TagName::problem(tag);
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
