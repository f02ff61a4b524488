#include "history/taghistorystore.h"

#include "reference/reference.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

#include <atomic>
#include <chrono>

namespace ocular {

namespace {

const QString Driver = QStringLiteral("QSQLITE");

// Sightings arriving within this long of the first one are written in the same transaction:
// an inventory resolves its tags a few at a time, and each alone would be one commit.
constexpr std::chrono::milliseconds GatherFor{200};

Error databaseError(const QString &path, const QString &what, const QSqlError &error)
{
    return Error::make(
        ErrorKind::InvalidInput,
        QStringLiteral("The tag history %1: %2: %3.").arg(path, what, error.text().trimmed()));
}

/// Opens @p db on @p path: WAL, a busy timeout for the other program's writer, the schema.
Result<Done> openDatabase(QSqlDatabase &db, const QString &path)
{
    if (!QSqlDatabase::isDriverAvailable(Driver))
        return Error::make(ErrorKind::Unsupported,
                           QStringLiteral("The tag history needs Qt's SQLite driver (QSQLITE, the "
                                          "Debian package libqt6sql6-sqlite), which is not "
                                          "installed."));
    const QString dir = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(dir))
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("Cannot create the tag history's folder %1.").arg(dir));
    const bool existed = QFileInfo::exists(path);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return databaseError(path, QStringLiteral("cannot open it"), db.lastError());
    if (!existed)
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QSqlQuery q(db);
    // NORMAL with WAL: a commit is durable at the next checkpoint, and never corrupts.
    for (const char *statement : {
             "PRAGMA journal_mode=WAL",
             "PRAGMA synchronous=NORMAL",
             "CREATE TABLE IF NOT EXISTS tag_history ("
             " registry TEXT NOT NULL, repository TEXT NOT NULL, tag TEXT NOT NULL,"
             " digest TEXT NOT NULL, first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL,"
             " PRIMARY KEY (registry, repository, tag, digest))",
         }) {
        if (!q.exec(QString::fromLatin1(statement)))
            return databaseError(path, QStringLiteral("cannot prepare it"), q.lastError());
    }
    return Done{};
}

/// A connection of the calling thread for one query, removed afterwards.
class QueryConnection
{
public:
    QueryConnection()
    {
        static std::atomic<quint64> counter{0};
        m_name = QStringLiteral("ocular-taghistory-query-%1").arg(++counter);
    }
    ~QueryConnection()
    {
        if (QSqlDatabase::contains(m_name)) {
            QSqlDatabase::database(m_name, false).close();
            QSqlDatabase::removeDatabase(m_name);
        }
    }
    Result<QSqlDatabase> open(const QString &path)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(Driver, m_name);
        const Result<Done> opened = openDatabase(db, path);
        if (!opened)
            return opened.error();
        return db;
    }

private:
    QString m_name;
};

QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

} // namespace

TagHistoryStore::TagHistoryStore(QString path)
    : m_path(path.isEmpty() ? defaultPath() : std::move(path))
{
    m_writer = std::thread([this] { writerLoop(); });
}

TagHistoryStore::~TagHistoryStore()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_writer.join();
}

QString TagHistoryStore::defaultPath()
{
    QString explicitPath = qEnvironmentVariable("OCULAR_TAG_HISTORY");
    if (!explicitPath.isEmpty())
        return explicitPath;
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/ocular/taghistory.sqlite");
}

void TagHistoryStore::observe(const QList<TagObservation> &observations)
{
    {
        std::lock_guard lock(m_mutex);
        for (TagObservation o : observations) {
            if (o.registry.isEmpty() || o.repository.isEmpty() || o.tag.isEmpty() ||
                !o.digest.isValid())
                continue;
            if (!o.seen.isValid()) {
                // Strictly increasing within the process: a tag moved twice in one millisecond
                // still has one newest sighting.
                m_lastStamp = qMax(QDateTime::currentMSecsSinceEpoch(), m_lastStamp + 1);
                o.seen = fromMs(m_lastStamp);
            }
            m_queue.append(std::move(o));
            ++m_queuedSerial;
        }
    }
    m_wake.notify_all();
}

Result<Done> TagHistoryStore::flush()
{
    std::unique_lock lock(m_mutex);
    const std::uint64_t target = m_queuedSerial;
    ++m_flushWaiters;
    m_wake.notify_all();
    m_written.wait(lock, [&] { return m_writtenSerial >= target; });
    --m_flushWaiters;
    if (auto error = std::exchange(m_error, std::nullopt))
        return *error;
    return Done{};
}

int TagHistoryStore::transactionsCommitted() const
{
    std::lock_guard lock(m_mutex);
    return m_transactions;
}

void TagHistoryStore::writerLoop()
{
    const QString connection =
        QStringLiteral("ocular-taghistory-writer-%1").arg(quintptr(this), 0, 16);
    for (;;) {
        QList<TagObservation> batch;
        std::uint64_t upTo = 0;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_stopping || !m_queue.isEmpty(); });
            if (m_queue.isEmpty())
                break; // stopping, nothing left
            if (!m_stopping && m_flushWaiters == 0)
                m_wake.wait_for(lock, GatherFor, [&] { return m_stopping || m_flushWaiters > 0; });
            batch.swap(m_queue);
            upTo = m_queuedSerial;
        }
        const Result<Done> written = writeBatch(connection, batch);
        {
            std::lock_guard lock(m_mutex);
            if (written)
                ++m_transactions;
            else if (!m_error)
                m_error = written.error();
            m_writtenSerial = upTo;
        }
        m_written.notify_all();
    }
    if (QSqlDatabase::contains(connection)) {
        QSqlDatabase::database(connection, false).close();
        QSqlDatabase::removeDatabase(connection);
    }
}

Result<Done> TagHistoryStore::writeBatch(const QString &connection,
                                         const QList<TagObservation> &batch)
{
    if (!QSqlDatabase::contains(connection)) {
        QSqlDatabase db = QSqlDatabase::addDatabase(Driver, connection);
        Result<Done> opened = openDatabase(db, m_path);
        if (!opened) {
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(connection);
            return opened; // tried again with the next batch
        }
    }
    QSqlDatabase db = QSqlDatabase::database(connection, false);
    if (!db.transaction())
        return databaseError(m_path, QStringLiteral("cannot start a transaction"), db.lastError());
    QSqlQuery upsert(db);
    upsert.prepare(QStringLiteral(
        "INSERT INTO tag_history (registry, repository, tag, digest, first_seen, last_seen)"
        " VALUES (?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (registry, repository, tag, digest) DO UPDATE SET"
        " first_seen = min(first_seen, excluded.first_seen),"
        " last_seen = max(last_seen, excluded.last_seen)"));
    for (const TagObservation &o : batch) {
        const qint64 seen = o.seen.toMSecsSinceEpoch();
        upsert.addBindValue(o.registry);
        upsert.addBindValue(o.repository);
        upsert.addBindValue(o.tag);
        upsert.addBindValue(o.digest.toString());
        upsert.addBindValue(seen);
        upsert.addBindValue(seen);
        if (!upsert.exec()) {
            const Error error =
                databaseError(m_path, QStringLiteral("cannot record a tag"), upsert.lastError());
            db.rollback();
            return error;
        }
    }
    if (!db.commit())
        return databaseError(m_path, QStringLiteral("cannot commit"), db.lastError());
    return Done{};
}

Result<QList<TagHistoryEntry>> TagHistoryStore::history(const QString &registry,
                                                        const QString &repository,
                                                        const QString &tag) const
{
    if (!QFileInfo::exists(m_path))
        return QList<TagHistoryEntry>();
    QueryConnection connection;
    QList<TagHistoryEntry> entries;
    {
        Result<QSqlDatabase> db = connection.open(m_path);
        if (!db)
            return db.error();
        QSqlQuery q(db.value());
        QString sql = QStringLiteral("SELECT tag, digest, first_seen, last_seen FROM tag_history"
                                     " WHERE registry = ? AND repository = ?");
        if (!tag.isEmpty())
            sql += QStringLiteral(" AND tag = ?");
        sql += QStringLiteral(" ORDER BY tag, first_seen, last_seen, digest");
        q.prepare(sql);
        q.addBindValue(registry);
        q.addBindValue(repository);
        if (!tag.isEmpty())
            q.addBindValue(tag);
        if (!q.exec())
            return databaseError(m_path, QStringLiteral("cannot read it"), q.lastError());
        while (q.next()) {
            // The file is outside our control: a row that is not a digest is left out.
            const auto digest = Digest::parse(q.value(1).toString());
            if (!digest || !Reference::isValidTag(q.value(0).toString()))
                continue;
            TagHistoryEntry e;
            e.registry = registry;
            e.repository = repository;
            e.tag = q.value(0).toString();
            e.digest = digest.value();
            e.firstSeen = fromMs(q.value(2).toLongLong());
            e.lastSeen = fromMs(q.value(3).toLongLong());
            entries.append(e);
        }
    }
    // Current: the newest sighting of each tag.
    QHash<QString, qsizetype> newest;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const auto it = newest.constFind(entries[i].tag);
        if (it == newest.constEnd() || entries[*it].lastSeen < entries[i].lastSeen)
            newest.insert(entries[i].tag, i);
    }
    for (const qsizetype i : std::as_const(newest))
        entries[i].current = true;
    return entries;
}

Result<QList<TagHistoryEntry>> TagHistoryStore::movedAway(const QString &registry,
                                                          const QString &repository) const
{
    const Result<QList<TagHistoryEntry>> all = history(registry, repository);
    if (!all)
        return all.error();
    QSet<Digest> named;
    for (const TagHistoryEntry &e : all.value())
        if (e.current)
            named.insert(e.digest);
    QList<TagHistoryEntry> moved;
    for (const TagHistoryEntry &e : all.value())
        if (!e.current && !named.contains(e.digest))
            moved.append(e);
    return moved;
}

} // namespace ocular
