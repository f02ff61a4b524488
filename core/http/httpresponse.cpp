#include "httpresponse.h"

#include <QString>

namespace ocular {

QByteArray HttpResponse::header(QByteArrayView name) const
{
    for (const auto &header : headers) {
        if (QByteArrayView(header.first).compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

QList<QByteArray> HttpResponse::headerValues(QByteArrayView name) const
{
    QList<QByteArray> values;
    for (const auto &header : headers) {
        if (QByteArrayView(header.first).compare(name, Qt::CaseInsensitive) == 0)
            values.append(header.second);
    }
    return values;
}

QString HttpResponse::contentType() const
{
    QByteArray value = header("Content-Type");
    const auto semicolon = value.indexOf(';');
    if (semicolon >= 0)
        value.truncate(semicolon);
    return QString::fromLatin1(value.trimmed()).toLower();
}

} // namespace ocular
