#include "filewindow.h"

namespace ocular {

FileWindow::FileWindow(const QString &path, qint64 offset, qint64 length, QObject *parent)
    : QIODevice(parent)
    , m_file(path)
    , m_offset(offset)
    , m_length(length)
{}

bool FileWindow::open(OpenMode mode)
{
    if ((mode & WriteOnly) || !m_file.open(QIODevice::ReadOnly)) {
        setErrorString(m_file.errorString());
        return false;
    }
    if (m_offset < 0 || m_length < 0 || m_offset + m_length > m_file.size() ||
        !m_file.seek(m_offset)) {
        setErrorString(QStringLiteral("the file is shorter than the part to send"));
        m_file.close();
        return false;
    }
    return QIODevice::open(ReadOnly | Unbuffered);
}

void FileWindow::close()
{
    m_file.close();
    QIODevice::close();
}

bool FileWindow::seek(qint64 position)
{
    if (position < 0 || position > m_length || !m_file.seek(m_offset + position))
        return false;
    return QIODevice::seek(position);
}

qint64 FileWindow::readData(char *data, qint64 maxSize)
{
    const qint64 left = m_length - pos();
    if (left <= 0)
        return -1;
    return m_file.read(data, qMin(maxSize, left));
}

} // namespace ocular
