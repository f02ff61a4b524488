#pragma once

#include <QString>
#include <QUrl>

namespace ocular {

/// Rules for where a request may go and what it may carry (PROTOCOL §7).
namespace originpolicy {

/// scheme://host:port with the default port made explicit.
QString origin(const QUrl &url);
bool sameOrigin(const QUrl &a, const QUrl &b);
/// 127.0.0.0/8, ::1, localhost.
bool isLoopbackHost(const QString &host);
/// Empty when a redirect from `from` to `to` may be followed; else the reason it may not.
QString redirectRefusal(const QUrl &from, const QUrl &to);

} // namespace originpolicy
} // namespace ocular
