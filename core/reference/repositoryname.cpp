#include "repositoryname.h"

#include "reference/nametext.h"

namespace ocular {

namespace {

bool isLowerAlnum(QChar c)
{
    const ushort u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9');
}

// Checks one path component against `[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*` and says why it fails.
QString componentProblem(QStringView c)
{
    if (c.isEmpty())
        return QStringLiteral("the repository path has an empty component");
    for (QChar ch : c) {
        const ushort u = ch.unicode();
        if (u >= 'A' && u <= 'Z')
            return QStringLiteral("the repository path must be lower case (\"%1\")")
                .arg(nametext::printable(c, 80));
        if (!isLowerAlnum(ch) && u != '.' && u != '_' && u != '-')
            return QStringLiteral("the repository path contains the invalid character '%1'")
                .arg(nametext::printable(QStringView(&ch, 1)));
    }
    if (!isLowerAlnum(c.front()) || !isLowerAlnum(c.back()))
        return QStringLiteral("the path component \"%1\" must start and end with a letter or digit")
            .arg(nametext::printable(c, 80));
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
                .arg(nametext::printable(c, 80), sep.toString());
        i = j;
    }
    return {};
}

} // namespace

QString RepositoryName::problem(QStringView path)
{
    if (path.isEmpty())
        return QStringLiteral("the repository path is empty");
    if (path.size() > MaxLength)
        return QStringLiteral("the repository path is longer than %1 characters").arg(MaxLength);
    qsizetype start = 0;
    while (true) {
        const qsizetype slash = path.indexOf(QLatin1Char('/'), start);
        const QStringView component = slash < 0 ? path.mid(start) : path.mid(start, slash - start);
        QString why = componentProblem(component);
        if (!why.isEmpty())
            return why;
        if (slash < 0)
            break;
        start = slash + 1;
    }
    return {};
}

Result<RepositoryName> RepositoryName::parse(QStringView text)
{
    const QString why = problem(text);
    if (!why.isEmpty())
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("Invalid repository name \"%1\": %2.")
                               .arg(nametext::printable(text, 120), why));
    return RepositoryName(text.toString());
}

} // namespace ocular
