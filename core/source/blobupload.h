#pragma once

#include "source/blobpayload.h"
#include "source/transfermeter.h"

#include <QStringList>
#include <functional>

namespace ocular {

/// Choices for one blob upload.
struct BlobUploadOptions
{
    /// Repositories of the same registry that may hold the blob: the first is asked to mount
    /// it (`?mount=&from=`) instead of sending the bytes.
    QStringList mountFrom;
    /// Blobs up to this size go in one PUT; larger ones in PATCH chunks.
    qint64 monolithicLimit = 16 * 1024 * 1024;
    qint64 chunkSize = 16 * 1024 * 1024;
    /// Times a dropped connection or a 416 may be recovered from before giving up.
    int maxResumes = 5;
    /// Only check presence and try the mount; never send bytes (the payload may have none).
    /// When neither worked, the answer is ErrorKind::NotFound and no session stays open.
    bool mountOnly = false;
};

/// How a blob got into the repository.
struct BlobUploadResult
{
    enum class Route
    {
        AlreadyPresent, ///< HEAD found it: nothing sent
        Mounted,        ///< the registry linked it from another repository (201)
        Monolithic,     ///< one PUT
        Chunked,        ///< PATCH chunks and a closing PUT
    };
    Digest digest;
    qint64 size = 0;
    Route route = Route::Monolithic;
    QString mountedFrom;
    int chunks = 0;
    int resumes = 0; ///< dropped connections and 416s recovered from
};

/// "already there", "mounted from team/base", "uploaded in 3 chunks"...
QString blobUploadRouteName(const BlobUploadResult &result);

/// Progress of one transfer, as the source sees it.
using TransferProgressCallback = std::function<void(const TransferProgress &)>;

} // namespace ocular
