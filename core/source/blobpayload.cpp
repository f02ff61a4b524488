#include "blobpayload.h"

#include "base/offthread.h"

#include <QCryptographicHash>
#include <QFile>

namespace ocular {

BlobPayload BlobPayload::fromBytes(const QByteArray &bytes)
{
    BlobPayload payload;
    payload.digest = Digest::sha256(bytes);
    payload.size = bytes.size();
    payload.bytes = bytes;
    return payload;
}

void BlobPayload::fromFile(const QString &path, QObject *context, async::Callback<BlobPayload> done)
{
    runOffThread<Result<BlobPayload>>(
        context,
        [path]() -> Result<BlobPayload> {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return Error::make(
                    ErrorKind::InvalidInput,
                    QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
            QCryptographicHash hash(QCryptographicHash::Sha256);
            if (!hash.addData(&file))
                return Error::make(
                    ErrorKind::InvalidInput,
                    QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
            BlobPayload payload;
            payload.filePath = path;
            payload.size = file.size();
            payload.digest = Digest::parse(QString(QStringLiteral("sha256:") +
                                                   QString::fromLatin1(hash.result().toHex())))
                                 .value();
            return payload;
        },
        [done](Result<BlobPayload> payload) { done(payload); });
}

} // namespace ocular
