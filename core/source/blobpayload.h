#pragma once

#include "async/asynctask.h"
#include "base/result.h"
#include "reference/digest.h"

#include <QByteArray>
#include <QString>

namespace ocular {

/// The bytes of one blob to upload, with their digest and size: a file streamed from disk
/// (never read into memory whole) or bytes already in memory (configs, small documents).
struct BlobPayload
{
    Digest digest;
    qint64 size = 0;
    QString filePath; ///< when set, the bytes are this file's
    QByteArray bytes; ///< otherwise these

    bool isFile() const { return !filePath.isEmpty(); }

    static BlobPayload fromBytes(const QByteArray &bytes);
    /// Hashes `path` on the thread pool (sha256, in 1 MiB reads) and answers on `context`'s
    /// thread; a missing or unreadable file is an InvalidInput error naming it.
    static void fromFile(const QString &path, QObject *context, async::Callback<BlobPayload> done);
};

} // namespace ocular
