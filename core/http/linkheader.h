#pragma once

#include <QByteArray>
#include <QUrl>

namespace ocular {

/// RFC 8288 Link header parsing for pagination.
namespace linkheader {

/// The target of `rel="next"` resolved against base; invalid when absent or malformed.
QUrl nextUrl(const QList<QByteArray> &linkHeaders, const QUrl &base);

} // namespace linkheader
} // namespace ocular
