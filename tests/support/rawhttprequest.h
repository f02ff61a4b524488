#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <optional>

namespace ocular::test {

/// One HTTP/1.1 request as the loopback test servers read it off a socket.
struct RawHttpRequest
{
    QByteArray method;
    QByteArray target; ///< path and query as sent
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    /// The request at the start of @p buffer; empty while its head or body is still arriving.
    static std::optional<RawHttpRequest> parse(const QByteArray &buffer);
    /// Whether @p buffer starts with a TLS handshake record (a client trying HTTPS on a plain
    /// port). Plain servers answer it with notHttpAnswer() and close, as Go's net/http does.
    static bool looksLikeTls(const QByteArray &buffer);
    static QByteArray notHttpAnswer();
};

} // namespace ocular::test
