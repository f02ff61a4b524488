#pragma once

#include "reference/digest.h"

#include <QByteArray>
#include <QCache>
#include <QHash>
#include <QMap>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <functional>
#include <optional>

namespace ocular {

/// Content-addressed cache for immutable content (anything fetched by digest): a bounded
/// memory tier in front of an optional directory, itself bounded (1 GiB by default) with
/// least-recently-used eviction. Entries are verified on read, so a corrupted file is dropped
/// rather than served. Thread-safe. lookup() and storeVerified() keep disk I/O and hashing
/// off the calling thread (the GUI thread never waits for the disk); get() and put() are the
/// synchronous forms for tools and worker threads.
class ContentCache
{
public:
    static constexpr qint64 DefaultMaxDiskBytes = qint64(1) << 30;

    /// `directory` empty: memory only. Use defaultDirectory() for the XDG cache location.
    explicit ContentCache(QString directory = {}, qint64 memoryBytes = 64 * 1024 * 1024);
    /// Waits for background writes.
    ~ContentCache();
    ContentCache(const ContentCache &) = delete;
    ContentCache &operator=(const ContentCache &) = delete;

    static QString defaultDirectory();

    /// Bound for the disk tier; the least recently used files go first when it is exceeded.
    void setMaxDiskBytes(qint64 bytes);
    qint64 maxDiskBytes() const;
    /// Bytes the disk tier holds now (waits for the directory scan on first use).
    qint64 diskBytes() const;

    /// Asynchronous read: memory, then disk (read and verified on a worker thread). `done`
    /// runs on `context`'s thread on a later event-loop turn, never if `context` is gone.
    void lookup(const Digest &digest, QObject *context,
                std::function<void(std::optional<QByteArray>)> done) const;
    /// Stores bytes the caller has already verified against `digest` (they are not hashed
    /// again); the disk write happens on a worker thread.
    void storeVerified(const Digest &digest, const QByteArray &bytes);
    /// Blocks until background writes have finished (tests, shutdown).
    void waitForBackgroundWork() const;

    std::optional<QByteArray> get(const Digest &digest) const;
    /// Stores bytes only if they hash to the digest (returns false otherwise).
    bool put(const Digest &digest, const QByteArray &bytes);
    bool contains(const Digest &digest) const;

    qint64 hits() const;
    qint64 misses() const;

private:
    struct DiskEntry
    {
        qint64 size = 0;
        qint64 lastUse = 0;
    };

    QString pathFor(const Digest &digest) const;
    std::optional<QByteArray> memoryGet(const Digest &digest) const;
    void memoryPut(const Digest &digest, const QByteArray &bytes) const;
    std::optional<QByteArray> diskGet(const Digest &digest) const;
    void diskPut(const Digest &digest, const QByteArray &bytes) const;
    void ensureIndexLocked() const;
    void touchLocked(const QString &key) const;
    void forgetLocked(const QString &key) const;
    void evictLocked() const;
    void countHit(bool hit) const;

    QString m_directory;
    mutable QMutex m_mutex; ///< memory tier and counters
    mutable QCache<QString, QByteArray> m_memory;
    mutable qint64 m_hits = 0;
    mutable qint64 m_misses = 0;

    mutable QMutex m_diskMutex; ///< disk index
    mutable bool m_indexed = false;
    mutable QHash<QString, DiskEntry> m_disk; ///< "<alg>/<encoded>" → entry
    mutable QMap<qint64, QString> m_lru;      ///< lastUse → key, oldest first
    mutable qint64 m_diskBytes = 0;
    mutable qint64 m_clock = 0;
    qint64 m_maxDiskBytes = DefaultMaxDiskBytes;

    mutable QThreadPool m_pool;
};

} // namespace ocular
