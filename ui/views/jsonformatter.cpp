#include "jsonformatter.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace ocular {

std::optional<QString> JsonFormatter::pretty(const QByteArray &raw, int indent)
{
    QJsonParseError error;
    QJsonDocument::fromJson(raw, &error);
    if (error.error != QJsonParseError::NoError)
        return std::nullopt;

    const QString text = QString::fromUtf8(raw);
    QString out;
    out.reserve(text.size() + text.size() / 2);
    int depth = 0;
    bool inString = false;
    auto newline = [&out, &depth, indent] {
        out += QLatin1Char('\n');
        out += QString(depth * indent, QLatin1Char(' '));
    };
    const int n = int(text.size());
    for (int i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (inString) {
            out += c;
            if (c == QLatin1Char('\\') && i + 1 < n) {
                out += text.at(++i);
            } else if (c == QLatin1Char('"')) {
                inString = false;
            }
            continue;
        }
        switch (c.unicode()) {
        case '"':
            inString = true;
            out += c;
            break;
        case '{':
        case '[': {
            // Empty containers stay on one line: `{}` and `[]`.
            int j = i + 1;
            while (j < n && text.at(j).isSpace())
                ++j;
            const QChar close = c == QLatin1Char('{') ? QLatin1Char('}') : QLatin1Char(']');
            if (j < n && text.at(j) == close) {
                out += c;
                out += close;
                i = j;
                break;
            }
            out += c;
            ++depth;
            newline();
            break;
        }
        case '}':
        case ']':
            --depth;
            newline();
            out += c;
            break;
        case ',':
            out += c;
            newline();
            break;
        case ':':
            out += QLatin1String(": ");
            break;
        case ' ':
        case '\t':
        case '\n':
        case '\r':
            break;
        default:
            out += c;
        }
    }
    return out;
}

} // namespace ocular
