#include "blobupload.h"

namespace ocular {

QString blobUploadRouteName(const BlobUploadResult &result)
{
    switch (result.route) {
    case BlobUploadResult::Route::AlreadyPresent:
        return QStringLiteral("already there");
    case BlobUploadResult::Route::Mounted:
        return QStringLiteral("mounted from %1").arg(result.mountedFrom);
    case BlobUploadResult::Route::Monolithic:
        return QStringLiteral("uploaded in one request");
    case BlobUploadResult::Route::Chunked:
        return result.chunks == 1 ? QStringLiteral("uploaded in 1 chunk")
                                  : QStringLiteral("uploaded in %1 chunks").arg(result.chunks);
    }
    return {};
}

} // namespace ocular
