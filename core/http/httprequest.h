#pragma once

#include "http/calloptions.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <functional>

namespace ocular {

/// One logical HTTP exchange; HttpClient turns it into attempts, redirects and auth rounds.
struct HttpRequest
{
    QByteArray method = "GET";
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    /// Responses larger than this fail with ErrorKind::TooLarge; never trusts Content-Length.
    qint64 maxResponseBytes = 4 * 1024 * 1024;
    /// Auth scope this request needs, e.g. `repository:team/api:pull` (empty: none/registry-wide).
    QString scope;
    /// Write the body to this file instead of memory (blob downloads); maxResponseBytes applies.
    QString sinkFile;
    /// Send `bodyLength` bytes of this file from `bodyOffset` as the body instead of `body`
    /// (blob uploads stream from disk, never held in memory). Reopened for every attempt.
    QString bodyFile;
    qint64 bodyOffset = 0;
    qint64 bodyLength = 0;
    /// Sees the bytes of the body sent so far in the current attempt (may be null).
    std::function<void(qint64 sent)> uploadProgress;
    /// The AuthProvider is neither asked for an Authorization header nor told about a 401
    /// (token requests: the token service's 401 is an answer, not a challenge).
    bool skipAuthProvider = false;
    /// The body carries a secret (OAuth2 refresh token): a redirect that would re-send it to
    /// another origin is refused.
    bool secretBody = false;
    /// Order among queued requests of the same origin (Interactive first).
    RequestPriority priority = RequestPriority::Navigation;
    /// Started after small requests of the same priority; never takes every slot of an origin.
    bool largeTransfer = false;
    /// A token request: runs in its own lane per origin, outside the cap of the requests that
    /// wait for it (token services often share the registry's origin).
    bool authentication = false;
    /// Retries of 429/5xx/resets are only made for idempotent requests.
    bool idempotent() const;

    void setHeader(const QByteArray &name, const QByteArray &value);
};

} // namespace ocular
