#pragma once

#include "source/blobsink.h"

namespace ocular {

/// Collects a blob in memory, up to a cap (writes beyond it fail).
class MemoryBlobSink : public BlobSink
{
public:
    explicit MemoryBlobSink(qint64 maxBytes = 64 * 1024 * 1024)
        : m_maxBytes(maxBytes)
    {}

    bool write(QByteArrayView bytes) override;
    Result<Done> commit() override;
    void discard() override;
    qint64 written() const override { return m_buffer.size(); }

    /// The committed bytes (empty until commit()).
    const QByteArray &bytes() const { return m_committed; }

private:
    qint64 m_maxBytes;
    QByteArray m_buffer;
    QByteArray m_committed;
};

} // namespace ocular
