#pragma once

#include <QByteArray>

namespace ocular::test {

/// HTTP status codes as the loopback test servers write them in a status line.
namespace httpstatus {

/// The reason phrase for @p status, or "Status" for one the test servers do not name.
QByteArray reasonPhrase(int status);

} // namespace httpstatus

} // namespace ocular::test
