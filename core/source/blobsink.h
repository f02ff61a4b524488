#pragma once

#include "base/result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace ocular {

/// Where a blob's bytes go while they arrive. A source writes the bytes, then calls commit()
/// only after the whole blob verified against its digest, or discard() otherwise: a sink never
/// keeps unverified content.
class BlobSink
{
public:
    virtual ~BlobSink() = default;
    /// Appends bytes; false (with error()) when the sink cannot take them (disk full).
    virtual bool write(QByteArrayView bytes) = 0;
    /// The blob verified: make it visible (rename a file into place).
    virtual Result<Done> commit() = 0;
    /// The blob failed: forget whatever was written.
    virtual void discard() = 0;
    /// Bytes written so far.
    virtual qint64 written() const = 0;
};

} // namespace ocular
