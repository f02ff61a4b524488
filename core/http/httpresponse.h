#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QUrl>

namespace ocular {

/// A complete HTTP response (any status); the body is capped by the request's limit.
struct HttpResponse
{
    int status = 0;
    QUrl url; ///< the URL that answered, after redirects
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int attempts = 1; ///< how many attempts it took (retries included)

    /// First header with this name (case-insensitive), empty when absent.
    QByteArray header(QByteArrayView name) const;
    /// All headers with this name (WWW-Authenticate and Link may repeat).
    QList<QByteArray> headerValues(QByteArrayView name) const;
    /// The media type of Content-Type without parameters.
    QString contentType() const;
    bool isSuccess() const { return status >= 200 && status < 300; }
};

} // namespace ocular
