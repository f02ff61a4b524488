#include "linkheader.h"

#include <QList>
#include <QString>

namespace ocular::linkheader {

namespace {

// Splits a header value on commas that are outside <...> and quotes.
QList<QByteArray> splitLinks(const QByteArray &value)
{
    QList<QByteArray> parts;
    QByteArray current;
    bool inAngle = false;
    bool inQuote = false;
    for (char c : value) {
        if (c == '<' && !inQuote)
            inAngle = true;
        else if (c == '>' && !inQuote)
            inAngle = false;
        else if (c == '"' && !inAngle)
            inQuote = !inQuote;
        if (c == ',' && !inAngle && !inQuote) {
            parts.append(current);
            current.clear();
            continue;
        }
        current.append(c);
    }
    parts.append(current);
    return parts;
}

bool hasNextRel(const QByteArray &params)
{
    for (const QByteArray &param : params.split(';')) {
        const auto eq = param.indexOf('=');
        if (eq < 0)
            continue;
        if (param.left(eq).trimmed().toLower() != "rel")
            continue;
        QByteArray value = param.mid(eq + 1).trimmed();
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.mid(1, value.size() - 2);
        // rel may hold several space-separated relation types.
        for (const QByteArray &rel : value.split(' ')) {
            if (rel.toLower() == "next")
                return true;
        }
    }
    return false;
}

} // namespace

QUrl nextUrl(const QList<QByteArray> &linkHeaders, const QUrl &base)
{
    for (const QByteArray &header : linkHeaders) {
        for (const QByteArray &link : splitLinks(header)) {
            const QByteArray trimmed = link.trimmed();
            if (!trimmed.startsWith('<'))
                continue;
            const auto close = trimmed.indexOf('>');
            if (close < 0)
                continue;
            if (!hasNextRel(trimmed.mid(close + 1)))
                continue;
            const QUrl target(QString::fromUtf8(trimmed.mid(1, close - 1)), QUrl::StrictMode);
            if (!target.isValid())
                return {};
            return base.resolved(target);
        }
    }
    return {};
}

} // namespace ocular::linkheader
