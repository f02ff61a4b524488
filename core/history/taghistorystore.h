#pragma once

#include "base/result.h"
#include "history/taghistoryentry.h"
#include "source/tagobserver.h"

#include <QList>
#include <QString>

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <thread>

namespace ocular {

/// Every tag → digest Ocular has observed, in any session, in a SQLite database (Qt's QSQLITE
/// driver): one row per (registry, repository, tag, digest) with first and last seen. A digest
/// a tag moved away from is what cleanup calls a dangling image.
///
/// observe() only queues; one writer thread of the store's own writes the queue in
/// transactions (many sightings, one commit: 5,000 resolved tags are a handful of fsyncs, not
/// 5,000), with its own connection, as QSqlDatabase connections belong to the thread that
/// made them. The database is in WAL mode so that queries (each on a connection of the calling
/// thread) read while the writer writes, also from another process (the GUI beside the CLI).
/// Queries block on disk: call them off the GUI thread.
class TagHistoryStore : public TagObserver
{
public:
    /// @p path is the database file; defaultPath() when empty.
    explicit TagHistoryStore(QString path = {});
    /// Writes what is queued, then stops the writer.
    ~TagHistoryStore() override;
    TagHistoryStore(const TagHistoryStore &) = delete;
    TagHistoryStore &operator=(const TagHistoryStore &) = delete;

    /// $OCULAR_TAG_HISTORY when set; otherwise `ocular/taghistory.sqlite` under the generic data
    /// location (XDG_DATA_HOME): the GUI and the CLI are two programs with one history, as with
    /// the activity log.
    static QString defaultPath();
    QString path() const { return m_path; }

    void observe(const QList<TagObservation> &observations) override;
    /// Blocks until everything observed before the call is written; the first write error
    /// since the last flush() (the database cannot be created or written), or success.
    Result<Done> flush();

    /// Every digest @p tag of @p repository has named, oldest first sighting first; every tag
    /// of the repository (by tag, then first sighting) when @p tag is empty.
    Result<QList<TagHistoryEntry>> history(const QString &registry, const QString &repository,
                                           const QString &tag = {}) const;
    /// The digests tags of @p repository moved away from: entries not current for their tag
    /// whose digest no tag of the repository names now (as far as the history knows).
    Result<QList<TagHistoryEntry>> movedAway(const QString &registry,
                                             const QString &repository) const;

    /// Transactions the writer committed (for tests and benchmarks).
    int transactionsCommitted() const;

private:
    void writerLoop();
    Result<Done> writeBatch(const QString &connection, const QList<TagObservation> &batch);

    QString m_path;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_written;
    QList<TagObservation> m_queue;
    std::uint64_t m_queuedSerial = 0;  ///< observations ever queued
    std::uint64_t m_writtenSerial = 0; ///< observations handled by the writer
    qint64 m_lastStamp = 0;            ///< keeps this process's stamps strictly increasing
    int m_transactions = 0;
    int m_flushWaiters = 0; ///< flush() calls waiting: the writer stops gathering
    std::optional<Error> m_error;
    bool m_stopping = false;
    std::thread m_writer;
};

} // namespace ocular
