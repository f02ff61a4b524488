#include "layerarchive.h"

#include <array>
#include <cstring>

namespace ocular {

namespace {

constexpr int BlockSize = 512;
// 2024-05-14T09:30:00Z: fixed so that the archive (and its digest) never changes.
constexpr qint64 FixedMtime = 1715679000;

void writeOctal(char *field, int width, qint64 value)
{
    // width includes the terminating NUL.
    const QByteArray digits = QByteArray::number(value, 8).rightJustified(width - 1, '0');
    std::memcpy(field, digits.constData(), size_t(width - 1));
    field[width - 1] = '\0';
}

QByteArray header(const QString &path, qint64 size, bool executable)
{
    QByteArray block(BlockSize, '\0');
    char *h = block.data();
    const QByteArray name = path.toUtf8().left(99);
    std::memcpy(h, name.constData(), size_t(name.size()));
    writeOctal(h + 100, 8, executable ? 0755 : 0644);
    writeOctal(h + 108, 8, 0);
    writeOctal(h + 116, 8, 0);
    writeOctal(h + 124, 12, size);
    writeOctal(h + 136, 12, FixedMtime);
    std::memset(h + 148, ' ', 8); // checksum is computed with its own field as spaces
    h[156] = '0';                 // regular file
    std::memcpy(h + 257, "ustar", 6);
    std::memcpy(h + 263, "00", 2);
    std::memcpy(h + 265, "root", 4);
    std::memcpy(h + 297, "root", 4);
    unsigned int sum = 0;
    for (int i = 0; i < BlockSize; ++i)
        sum += static_cast<unsigned char>(h[i]);
    const QByteArray checksum = QByteArray::number(sum, 8).rightJustified(6, '0');
    std::memcpy(h + 148, checksum.constData(), 6);
    h[154] = '\0';
    h[155] = ' ';
    return block;
}

void appendLe32(QByteArray &out, quint32 v)
{
    for (int i = 0; i < 4; ++i)
        out.append(char((v >> (8 * i)) & 0xff));
}

} // namespace

QByteArray LayerArchive::tar(const QList<QPair<QString, QByteArray>> &files)
{
    QByteArray out;
    for (const auto &[path, content] : files) {
        out += header(path, content.size(), content.startsWith("#!"));
        out += content;
        const qsizetype pad = (BlockSize - content.size() % BlockSize) % BlockSize;
        out.append(pad, '\0');
    }
    out.append(2 * BlockSize, '\0'); // end-of-archive marker
    return out;
}

quint32 LayerArchive::crc32(const QByteArray &data)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 crc = 0xffffffffu;
    for (char ch : data)
        crc = table[(crc ^ static_cast<unsigned char>(ch)) & 0xff] ^ (crc >> 8);
    return crc ^ 0xffffffffu;
}

QByteArray LayerArchive::gzip(const QByteArray &data)
{
    // Header: magic, deflate, no flags, mtime 0, no extra flags, OS "unix".
    QByteArray out = QByteArray::fromHex("1f8b08000000000000"
                                         "03");
    qsizetype offset = 0;
    do {
        const qsizetype chunk = qMin<qsizetype>(0xffff, data.size() - offset);
        const bool last = offset + chunk >= data.size();
        out.append(char(last ? 1 : 0)); // BFINAL + BTYPE=00 (stored)
        const quint16 len = quint16(chunk);
        const quint16 nlen = quint16(~len);
        out.append(char(len & 0xff)).append(char(len >> 8));
        out.append(char(nlen & 0xff)).append(char(nlen >> 8));
        out.append(data.constData() + offset, chunk);
        offset += chunk;
    } while (offset < data.size());
    appendLe32(out, crc32(data));
    appendLe32(out, quint32(data.size()));
    return out;
}

} // namespace ocular
