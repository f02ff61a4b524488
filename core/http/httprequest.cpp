#include "httprequest.h"

namespace ocular {

bool HttpRequest::idempotent() const
{
    // DELETE of a digest is idempotent too; a repeated DELETE answers 404, which callers treat
    // as "already gone".
    return method == "GET" || method == "HEAD" || method == "DELETE";
}

void HttpRequest::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return;
        }
    }
    headers.append({name, value});
}

} // namespace ocular
