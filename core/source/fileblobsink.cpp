#include "fileblobsink.h"

namespace ocular {

FileBlobSink::FileBlobSink(const QString &path)
    : m_path(path)
{}

bool FileBlobSink::write(QByteArrayView bytes)
{
    if (m_failed)
        return false;
    if (!m_file) {
        m_file = std::make_unique<QSaveFile>(m_path);
        if (!m_file->open(QIODevice::WriteOnly)) {
            m_failed = true;
            return false;
        }
    }
    if (m_file->write(bytes.data(), bytes.size()) != bytes.size()) {
        m_failed = true;
        return false;
    }
    m_written += bytes.size();
    return true;
}

Result<Done> FileBlobSink::commit()
{
    if (!m_file && !m_failed)
        write({}); // an empty blob is still a file
    if (m_failed || !m_file || !m_file->commit()) {
        const QString reason = m_file ? m_file->errorString() : QStringLiteral("not opened");
        m_file.reset();
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("Could not write %1: %2.").arg(m_path, reason));
    }
    m_file.reset();
    return Done{};
}

void FileBlobSink::discard()
{
    if (m_file)
        m_file->cancelWriting();
    m_file.reset();
    m_written = 0;
}

} // namespace ocular
