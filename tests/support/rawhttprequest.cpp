#include "rawhttprequest.h"

namespace ocular::test {

std::optional<RawHttpRequest> RawHttpRequest::parse(const QByteArray &buffer)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return std::nullopt;
    RawHttpRequest request;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.target = requestLine.value(1);
    qint64 contentLength = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        request.headers.append({name, value});
        if (name.compare("content-length", Qt::CaseInsensitive) == 0)
            contentLength = value.toLongLong();
    }
    if (buffer.size() < headerEnd + 4 + contentLength)
        return std::nullopt; // body still arriving
    request.body = buffer.mid(headerEnd + 4, contentLength);
    return request;
}

bool RawHttpRequest::looksLikeTls(const QByteArray &buffer)
{
    return !buffer.isEmpty() && static_cast<unsigned char>(buffer.at(0)) == 0x16;
}

QByteArray RawHttpRequest::notHttpAnswer()
{
    return QByteArrayLiteral("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; "
                             "charset=utf-8\r\nConnection: close\r\n\r\n400 Bad Request");
}

} // namespace ocular::test
