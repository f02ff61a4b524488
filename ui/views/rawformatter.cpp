#include "rawformatter.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringDecoder>

namespace ocular {

bool RawFormatter::isText(const QByteArray &bytes)
{
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 && c != '\n' && c != '\r' && c != '\t')
            return false;
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder(bytes);
    return !decoder.hasError();
}

QString RawFormatter::hexDump(const QByteArray &bytes)
{
    QString out;
    out.reserve(bytes.size() * 4 + bytes.size() / 16 * 12);
    for (qsizetype offset = 0; offset < bytes.size(); offset += 16) {
        out += QStringLiteral("%1  ").arg(offset, 8, 16, QLatin1Char('0'));
        QString ascii;
        for (int i = 0; i < 16; ++i) {
            if (offset + i < bytes.size()) {
                const auto u = static_cast<unsigned char>(bytes.at(offset + i));
                out += QStringLiteral("%1 ").arg(u, 2, 16, QLatin1Char('0'));
                ascii += (u >= 0x20 && u < 0x7f) ? QLatin1Char(char(u)) : QLatin1Char('.');
            } else {
                out += QLatin1String("   ");
            }
            if (i == 7)
                out += QLatin1Char(' ');
        }
        out += QLatin1String(" |") + ascii + QLatin1String("|\n");
    }
    return out;
}

QString RawFormatter::render(const QByteArray &bytes, qint64 maxBytes)
{
    const bool truncated = bytes.size() > maxBytes;
    const QByteArray shown = truncated ? bytes.left(maxBytes) : bytes;
    QString out;
    // Cutting UTF-8 mid-character would make text look binary; judge on the whole thing.
    if (isText(truncated ? bytes.left(maxBytes + 4) : bytes) || isText(shown))
        out = QString::fromUtf8(shown);
    else
        out = hexDump(shown);
    if (truncated) {
        const QLocale locale = QLocale::system();
        out += QStringLiteral("\n\n") +
               QCoreApplication::translate("ocular::RawFormatter", "[showing the first %1 of %2]")
                   .arg(locale.formattedDataSize(maxBytes), locale.formattedDataSize(bytes.size()));
    }
    return out;
}

} // namespace ocular
