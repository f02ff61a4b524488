#pragma once

#include "reference/digest.h"

#include <QByteArray>
#include <QCache>
#include <QMutex>
#include <QString>
#include <optional>

namespace ocular {

/// Content-addressed cache for immutable content (anything fetched by digest): a bounded
/// memory tier in front of an optional directory. Entries are verified on read, so a
/// corrupted file is dropped rather than served. Thread-safe.
class ContentCache
{
public:
    /// `directory` empty: memory only. Use defaultDirectory() for the XDG cache location.
    explicit ContentCache(QString directory = {}, qint64 memoryBytes = 64 * 1024 * 1024);

    static QString defaultDirectory();

    std::optional<QByteArray> get(const Digest &digest) const;
    /// Stores bytes only if they hash to the digest (returns false otherwise).
    bool put(const Digest &digest, const QByteArray &bytes);
    bool contains(const Digest &digest) const;

    qint64 hits() const { return m_hits; }
    qint64 misses() const { return m_misses; }

private:
    QString pathFor(const Digest &digest) const;

    QString m_directory;
    mutable QMutex m_mutex;
    mutable QCache<QString, QByteArray> m_memory;
    mutable qint64 m_hits = 0;
    mutable qint64 m_misses = 0;
};

} // namespace ocular
