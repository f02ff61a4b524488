#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace ocular {

/// Builds small, byte-for-byte reproducible layer blobs (ustar + gzip) for demo content.
class LayerArchive
{
public:
    /// A tar archive of regular files (path, content), fixed owner, mode and mtime.
    static QByteArray tar(const QList<QPair<QString, QByteArray>> &files);
    /// A gzip member with stored (uncompressed) deflate blocks: valid everywhere, no zlib needed,
    /// and identical on every platform, so demo digests never change between machines.
    static QByteArray gzip(const QByteArray &data);
    /// CRC-32 (IEEE) as used by gzip.
    static quint32 crc32(const QByteArray &data);
};

} // namespace ocular
