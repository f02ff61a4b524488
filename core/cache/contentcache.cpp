#include "contentcache.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMetaObject>
#include <QPointer>
#include <QSaveFile>
#include <QStandardPaths>

namespace ocular {

ContentCache::ContentCache(QString directory, qint64 memoryBytes)
    : m_directory(std::move(directory))
{
    m_memory.setMaxCost(qMax<qint64>(memoryBytes, 1));
    // Disk work is I/O bound and ordered enough with two workers; more would only contend.
    m_pool.setMaxThreadCount(2);
}

ContentCache::~ContentCache()
{
    m_pool.waitForDone();
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

void ContentCache::setMaxDiskBytes(qint64 bytes)
{
    QMutexLocker lock(&m_diskMutex);
    m_maxDiskBytes = qMax<qint64>(bytes, 0);
    if (m_indexed)
        evictLocked();
}

qint64 ContentCache::maxDiskBytes() const
{
    QMutexLocker lock(&m_diskMutex);
    return m_maxDiskBytes;
}

qint64 ContentCache::diskBytes() const
{
    if (m_directory.isEmpty())
        return 0;
    QMutexLocker lock(&m_diskMutex);
    ensureIndexLocked();
    return m_diskBytes;
}

qint64 ContentCache::hits() const
{
    QMutexLocker lock(&m_mutex);
    return m_hits;
}

qint64 ContentCache::misses() const
{
    QMutexLocker lock(&m_mutex);
    return m_misses;
}

void ContentCache::countHit(bool hit) const
{
    QMutexLocker lock(&m_mutex);
    ++(hit ? m_hits : m_misses);
}

std::optional<QByteArray> ContentCache::memoryGet(const Digest &digest) const
{
    std::optional<QByteArray> found;
    {
        QMutexLocker lock(&m_mutex);
        if (const QByteArray *bytes = m_memory.object(digest.toString()))
            found = *bytes;
    }
    if (found && !m_directory.isEmpty()) {
        // A memory hit is a use of the disk copy too (index only: no disk I/O here). A worker
        // may hold the index while it scans or evicts: then the caller (the GUI thread) does
        // not wait, and this one use is not recorded.
        if (m_diskMutex.tryLock()) {
            if (m_indexed)
                touchLocked(digest.algorithm() + QLatin1Char('/') + digest.encoded());
            m_diskMutex.unlock();
        }
    }
    return found;
}

void ContentCache::memoryPut(const Digest &digest, const QByteArray &bytes) const
{
    QMutexLocker lock(&m_mutex);
    m_memory.insert(digest.toString(), new QByteArray(bytes), qMax<qsizetype>(bytes.size(), 1));
}

void ContentCache::ensureIndexLocked() const
{
    if (m_indexed)
        return;
    m_indexed = true;
    // Last use survives sessions as the file's modification time (touched on every hit).
    QMultiMap<qint64, QString> byTime;
    QDirIterator it(m_directory, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        const QString key = info.dir().dirName() + QLatin1Char('/') + info.fileName();
        if (info.fileName().contains(QLatin1Char('.')))
            continue; // a QSaveFile temporary left by a crash
        byTime.insert(info.lastModified().toMSecsSinceEpoch(), key);
        m_disk.insert(key, DiskEntry{info.size(), 0});
        m_diskBytes += info.size();
    }
    for (auto t = byTime.begin(); t != byTime.end(); ++t) {
        const qint64 use = qMax(t.key(), m_clock + 1);
        m_clock = use;
        m_disk[t.value()].lastUse = use;
        m_lru.insert(use, t.value());
    }
    evictLocked();
}

void ContentCache::touchLocked(const QString &key) const
{
    auto it = m_disk.find(key);
    if (it == m_disk.end())
        return;
    m_lru.remove(it->lastUse);
    it->lastUse = qMax(QDateTime::currentMSecsSinceEpoch(), m_clock + 1);
    m_clock = it->lastUse;
    m_lru.insert(it->lastUse, key);
}

void ContentCache::forgetLocked(const QString &key) const
{
    auto it = m_disk.find(key);
    if (it == m_disk.end())
        return;
    m_lru.remove(it->lastUse);
    m_diskBytes -= it->size;
    m_disk.erase(it);
}

void ContentCache::evictLocked() const
{
    while (m_diskBytes > m_maxDiskBytes && !m_lru.isEmpty()) {
        const QString key = m_lru.first();
        QFile::remove(m_directory + QLatin1Char('/') + key);
        forgetLocked(key);
    }
}

std::optional<QByteArray> ContentCache::diskGet(const Digest &digest) const
{
    if (m_directory.isEmpty())
        return std::nullopt;
    const QString key = digest.algorithm() + QLatin1Char('/') + digest.encoded();
    const QString path = pathFor(digest);
    {
        QMutexLocker lock(&m_diskMutex);
        ensureIndexLocked();
        if (!m_disk.contains(key))
            return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QMutexLocker lock(&m_diskMutex);
        forgetLocked(key);
        return std::nullopt;
    }
    QByteArray bytes = file.readAll();
    file.close();
    QMutexLocker lock(&m_diskMutex);
    if (!digest.matches(bytes)) {
        // Corrupted or truncated on disk: never serve it.
        QFile::remove(path);
        forgetLocked(key);
        return std::nullopt;
    }
    touchLocked(key);
    QFile touched(path);
    if (touched.open(QIODevice::ReadWrite))
        touched.setFileTime(QDateTime::currentDateTime(), QFileDevice::FileModificationTime);
    return bytes;
}

void ContentCache::diskPut(const Digest &digest, const QByteArray &bytes) const
{
    if (m_directory.isEmpty())
        return;
    const QString key = digest.algorithm() + QLatin1Char('/') + digest.encoded();
    QMutexLocker lock(&m_diskMutex);
    ensureIndexLocked();
    if (m_disk.contains(key)) {
        touchLocked(key);
        return;
    }
    if (bytes.size() > m_maxDiskBytes)
        return;
    lock.unlock();
    QDir().mkpath(m_directory + QLatin1Char('/') + digest.algorithm());
    QSaveFile file(pathFor(digest));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return;
    lock.relock();
    if (m_disk.contains(key))
        return;
    m_disk.insert(key, DiskEntry{bytes.size(), 0});
    m_diskBytes += bytes.size();
    touchLocked(key);
    evictLocked();
}

void ContentCache::lookup(const Digest &digest, QObject *context,
                          std::function<void(std::optional<QByteArray>)> done) const
{
    QPointer<QObject> guard(context);
    auto deliver = [guard, done](std::optional<QByteArray> bytes) {
        if (!guard)
            return;
        QMetaObject::invokeMethod(
            guard.data(),
            [guard, done, bytes = std::move(bytes)] {
                if (guard)
                    done(bytes);
            },
            Qt::QueuedConnection);
    };
    if (!digest.isVerifiable())
        return deliver(std::nullopt);
    if (auto bytes = memoryGet(digest)) {
        countHit(true);
        return deliver(std::move(bytes));
    }
    if (m_directory.isEmpty()) {
        countHit(false);
        return deliver(std::nullopt);
    }
    m_pool.start([this, digest, deliver] {
        auto bytes = diskGet(digest);
        countHit(bytes.has_value());
        if (bytes)
            memoryPut(digest, *bytes);
        deliver(std::move(bytes));
    });
}

void ContentCache::storeVerified(const Digest &digest, const QByteArray &bytes)
{
    if (!digest.isVerifiable())
        return;
    memoryPut(digest, bytes);
    if (m_directory.isEmpty())
        return;
    m_pool.start([this, digest, bytes] { diskPut(digest, bytes); });
}

void ContentCache::waitForBackgroundWork() const
{
    m_pool.waitForDone();
}

std::optional<QByteArray> ContentCache::get(const Digest &digest) const
{
    if (!digest.isVerifiable())
        return std::nullopt;
    if (auto bytes = memoryGet(digest)) {
        countHit(true);
        return bytes;
    }
    auto bytes = diskGet(digest);
    countHit(bytes.has_value());
    if (bytes)
        memoryPut(digest, *bytes);
    return bytes;
}

bool ContentCache::put(const Digest &digest, const QByteArray &bytes)
{
    if (!digest.isVerifiable() || !digest.matches(bytes))
        return false;
    memoryPut(digest, bytes);
    diskPut(digest, bytes);
    return true;
}

bool ContentCache::contains(const Digest &digest) const
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_memory.contains(digest.toString()))
            return true;
    }
    if (m_directory.isEmpty())
        return false;
    QMutexLocker lock(&m_diskMutex);
    ensureIndexLocked();
    return m_disk.contains(digest.algorithm() + QLatin1Char('/') + digest.encoded());
}

} // namespace ocular
