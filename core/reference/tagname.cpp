#include "tagname.h"

#include "reference/nametext.h"

namespace ocular {

namespace {

bool isAsciiAlnum(QChar c)
{
    const ushort u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z');
}

} // namespace

QString TagName::problem(QStringView tag)
{
    if (tag.isEmpty())
        return QStringLiteral("the tag is empty");
    if (tag.size() > MaxLength)
        return QStringLiteral("the tag is longer than %1 characters").arg(MaxLength);
    const QChar first = tag.front();
    if (!isAsciiAlnum(first) && first != QLatin1Char('_'))
        return QStringLiteral("the tag must start with a letter, digit or '_'");
    for (QChar c : tag) {
        if (!isAsciiAlnum(c) && c != QLatin1Char('_') && c != QLatin1Char('.') &&
            c != QLatin1Char('-'))
            return QStringLiteral("the tag contains the invalid character '%1'")
                .arg(nametext::printable(QStringView(&c, 1)));
    }
    return {};
}

} // namespace ocular
