#include "contentcache.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

namespace ocular {

ContentCache::ContentCache(QString directory, qint64 memoryBytes)
    : m_directory(std::move(directory))
{
    m_memory.setMaxCost(qMax<qint64>(memoryBytes, 1));
}

QString ContentCache::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
           QStringLiteral("/ocular/content");
}

QString ContentCache::pathFor(const Digest &digest) const
{
    return m_directory + QLatin1Char('/') + digest.algorithm() + QLatin1Char('/') +
           digest.encoded();
}

std::optional<QByteArray> ContentCache::get(const Digest &digest) const
{
    if (!digest.isVerifiable())
        return std::nullopt;
    QMutexLocker lock(&m_mutex);
    if (const QByteArray *bytes = m_memory.object(digest.toString())) {
        ++m_hits;
        return *bytes;
    }
    if (!m_directory.isEmpty()) {
        QFile file(pathFor(digest));
        if (file.open(QIODevice::ReadOnly)) {
            QByteArray bytes = file.readAll();
            file.close();
            if (digest.matches(bytes)) {
                ++m_hits;
                m_memory.insert(digest.toString(), new QByteArray(bytes), bytes.size());
                return bytes;
            }
            // Corrupted or truncated on disk: never serve it.
            QFile::remove(file.fileName());
        }
    }
    ++m_misses;
    return std::nullopt;
}

bool ContentCache::put(const Digest &digest, const QByteArray &bytes)
{
    if (!digest.isVerifiable() || !digest.matches(bytes))
        return false;
    QMutexLocker lock(&m_mutex);
    m_memory.insert(digest.toString(), new QByteArray(bytes), bytes.size());
    if (m_directory.isEmpty())
        return true;
    const QString path = pathFor(digest);
    if (QFile::exists(path))
        return true;
    QDir().mkpath(m_directory + QLatin1Char('/') + digest.algorithm());
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(bytes);
        file.commit();
    }
    return true;
}

bool ContentCache::contains(const Digest &digest) const
{
    QMutexLocker lock(&m_mutex);
    if (m_memory.contains(digest.toString()))
        return true;
    return !m_directory.isEmpty() && QFile::exists(pathFor(digest));
}

} // namespace ocular
