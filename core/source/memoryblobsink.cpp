#include "memoryblobsink.h"

namespace ocular {

bool MemoryBlobSink::write(QByteArrayView bytes)
{
    if (m_buffer.size() + bytes.size() > m_maxBytes)
        return false;
    m_buffer.append(bytes);
    return true;
}

Result<Done> MemoryBlobSink::commit()
{
    m_committed = std::move(m_buffer);
    m_buffer.clear();
    return Done{};
}

void MemoryBlobSink::discard()
{
    m_buffer.clear();
}

} // namespace ocular
