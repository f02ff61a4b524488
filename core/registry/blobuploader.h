#pragma once

#include "async/asynctask.h"
#include "source/blobupload.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

namespace ocular {

class RegistryClient;

/// Uploads blobs to one registry (PROTOCOL §5): HEAD first and skip what exists; a
/// cross-repository mount where the caller knows another repository that has it; a monolithic
/// PUT for small blobs and Content-Range PATCH chunks for large ones (at least the registry's
/// OCI-Chunk-Min-Length); after a dropped connection or a 416, the upload URL is asked for the
/// Range it holds and the upload continues from there. Relative and absolute Locations are
/// followed on the registry's origin only. A cancelled or failed upload's session is DELETEd.
/// Files stream from disk in windows; memory stays flat whatever the size.
class BlobUploader : public QObject
{
    Q_OBJECT
public:
    using Progress = TransferProgressCallback;

    /// The client is not owned; its HttpClient carries every request.
    explicit BlobUploader(RegistryClient *client, QObject *parent = nullptr);

    RequestHandle upload(const QString &repository, const BlobPayload &payload,
                         const BlobUploadOptions &options, QObject *context,
                         async::Callback<BlobUploadResult> done, Progress progress = {});

private:
    QPointer<RegistryClient> m_client;
};

} // namespace ocular
