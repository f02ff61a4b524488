#pragma once

#include <QByteArray>
#include <QString>

namespace ocular {

/// The exact bytes as text when they are UTF-8 without control bytes, else a hex dump.
class RawFormatter
{
public:
    /// At most `maxBytes` are shown; a note says how much was left out.
    static QString render(const QByteArray &bytes, qint64 maxBytes = 256 * 1024);
    static bool isText(const QByteArray &bytes);
    static QString hexDump(const QByteArray &bytes);
};

} // namespace ocular
