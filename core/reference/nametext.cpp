#include "nametext.h"

namespace ocular::nametext {

namespace {

bool needsEscape(char16_t u)
{
    return u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0) || (u >= 0x202a && u <= 0x202e) ||
           (u >= 0x2066 && u <= 0x2069) || u == 0x200e || u == 0x200f;
}

} // namespace

QString printable(QStringView text, int maxChars)
{
    QString out;
    out.reserve(qMin<qsizetype>(text.size(), maxChars) + 8);
    qsizetype shown = 0;
    for (QChar c : text) {
        if (shown >= maxChars) {
            out += QChar(0x2026);
            break;
        }
        const char16_t u = c.unicode();
        if (needsEscape(u))
            out += u < 0x100 ? QStringLiteral("\\x%1").arg(int(u), 2, 16, QLatin1Char('0'))
                             : QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
        else
            out += c;
        ++shown;
    }
    return out;
}

} // namespace ocular::nametext
