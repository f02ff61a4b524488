#include "history/taghistorystore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace ocular;

namespace {

const QString Registry = QStringLiteral("127.0.0.1:5000");
const QString Repo = QStringLiteral("demo/app");

Digest digestOf(const QByteArray &bytes)
{
    return Digest::sha256(bytes);
}

TagObservation seen(const QString &tag, const Digest &digest, qint64 atMs = -1,
                    const QString &repository = Repo)
{
    TagObservation o{Registry, repository, tag, digest, QDateTime()};
    if (atMs >= 0)
        o.seen = QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC);
    return o;
}

} // namespace

class TestTagHistoryStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordsMovesAndQueries();
    void resightingKeepsFirstSeenAndMovesCurrent();
    void survivesReopening();
    void absentDatabaseIsEmpty();
    void concurrentWriterOnAnotherThread();
    void manySightingsAreFewTransactions();
    void unwritableLocationIsAnError();
    void invalidObservationsAreIgnored();
    void defaultPathFollowsEnvironment();
};

void TestTagHistoryStore::recordsMovesAndQueries()
{
    QTemporaryDir dir;
    TagHistoryStore store(dir.filePath(QStringLiteral("nested/taghistory.sqlite")));
    const Digest a = digestOf("a"), b = digestOf("b"), c = digestOf("c");
    store.observe({seen(QStringLiteral("latest"), a, 1000), seen(QStringLiteral("v1"), c, 1000)});
    store.observe({seen(QStringLiteral("latest"), b, 2000)});
    store.observe({seen(QStringLiteral("latest"), a, 500, QStringLiteral("other/repo"))});
    QVERIFY(store.flush().ok());

    const auto latest = store.history(Registry, Repo, QStringLiteral("latest"));
    QVERIFY2(latest.ok(), qPrintable(latest.ok() ? QString() : latest.error().message));
    QCOMPARE(latest->size(), 2);
    QCOMPARE(latest->at(0).digest, a);
    QCOMPARE(latest->at(0).firstSeen.toMSecsSinceEpoch(), 1000);
    QVERIFY(!latest->at(0).current);
    QCOMPARE(latest->at(1).digest, b);
    QVERIFY(latest->at(1).current);

    const auto all = store.history(Registry, Repo);
    QVERIFY(all.ok());
    QCOMPARE(all->size(), 3); // latest twice, v1; never the other repository
    QCOMPARE(all->at(2).tag, QStringLiteral("v1"));
    QVERIFY(all->at(2).current);

    const auto moved = store.movedAway(Registry, Repo);
    QVERIFY(moved.ok());
    QCOMPARE(moved->size(), 1);
    QCOMPARE(moved->at(0).digest, a);
    QCOMPARE(moved->at(0).tag, QStringLiteral("latest"));

    // A digest still named by another tag is not dangling.
    store.observe({seen(QStringLiteral("stable"), a, 3000)});
    QVERIFY(store.flush().ok());
    QCOMPARE(store.movedAway(Registry, Repo)->size(), 0);
}

void TestTagHistoryStore::resightingKeepsFirstSeenAndMovesCurrent()
{
    QTemporaryDir dir;
    TagHistoryStore store(dir.filePath(QStringLiteral("h.sqlite")));
    const Digest a = digestOf("a"), b = digestOf("b");
    // Stamped by the store: strictly increasing even within one millisecond.
    store.observe({seen(QStringLiteral("latest"), a)});
    store.observe({seen(QStringLiteral("latest"), b)});
    store.observe({seen(QStringLiteral("latest"), a)});
    QVERIFY(store.flush().ok());
    const auto h = store.history(Registry, Repo, QStringLiteral("latest"));
    QVERIFY(h.ok());
    QCOMPARE(h->size(), 2);
    QCOMPARE(h->at(0).digest, a); // first seen first
    QVERIFY(h->at(0).current);    // moved back onto a
    QVERIFY(h->at(0).firstSeen < h->at(0).lastSeen);
    QVERIFY(!h->at(1).current);
    QCOMPARE(store.movedAway(Registry, Repo)->value(0).digest, b);
}

void TestTagHistoryStore::survivesReopening()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    {
        TagHistoryStore store(path);
        store.observe({seen(QStringLiteral("latest"), digestOf("a"), 1000)});
    } // the destructor writes what is queued
    TagHistoryStore again(path);
    const auto h = again.history(Registry, Repo);
    QVERIFY(h.ok());
    QCOMPARE(h->size(), 1);
    QCOMPARE(h->at(0).digest, digestOf("a"));
    QVERIFY(QFile::exists(path + QStringLiteral("-wal")) || QFile::exists(path));
    QVERIFY(!(QFile::permissions(path) & QFileDevice::ReadOther));
}

void TestTagHistoryStore::absentDatabaseIsEmpty()
{
    QTemporaryDir dir;
    TagHistoryStore store(dir.filePath(QStringLiteral("never/written.sqlite")));
    const auto h = store.history(Registry, Repo);
    QVERIFY(h.ok());
    QVERIFY(h->isEmpty());
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("never/written.sqlite"))));
}

void TestTagHistoryStore::concurrentWriterOnAnotherThread()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("h.sqlite"));
    TagHistoryStore store(path);
    TagHistoryStore other(path); // a second writer on the same file (the GUI beside the CLI)
    constexpr int PerThread = 500;
    std::thread t1([&] {
        for (int i = 0; i < PerThread; ++i)
            store.observe({seen(QStringLiteral("a%1").arg(i), digestOf(QByteArray::number(i)))});
    });
    std::thread t2([&] {
        for (int i = 0; i < PerThread; ++i)
            other.observe({seen(QStringLiteral("b%1").arg(i), digestOf(QByteArray::number(i)))});
    });
    // Queries on this thread while both write.
    for (int i = 0; i < 5; ++i)
        QVERIFY(store.history(Registry, Repo).ok());
    t1.join();
    t2.join();
    QVERIFY(store.flush().ok());
    QVERIFY(other.flush().ok());
    std::thread reader([&] {
        const auto h = other.history(Registry, Repo);
        QVERIFY(h.ok());
        QCOMPARE(h->size(), 2 * PerThread);
    });
    reader.join();
}

void TestTagHistoryStore::manySightingsAreFewTransactions()
{
    QTemporaryDir dir;
    TagHistoryStore store(dir.filePath(QStringLiteral("h.sqlite")));
    constexpr int Tags = 5000;
    QElapsedTimer timer;
    timer.start();
    // One sighting at a time, as an inventory resolving its tags reports them.
    for (int i = 0; i < Tags; ++i)
        store.observe({seen(QStringLiteral("t%1").arg(i), digestOf(QByteArray::number(i)))});
    QVERIFY(store.flush().ok());
    const qint64 ms = timer.elapsed();
    const auto h = store.history(Registry, Repo);
    QVERIFY(h.ok());
    QCOMPARE(h->size(), Tags);
    qInfo("5000 tags: %d transactions, %lld ms", store.transactionsCommitted(), ms);
    QVERIFY2(store.transactionsCommitted() <= 5, "sightings were not batched");
}

void TestTagHistoryStore::unwritableLocationIsAnError()
{
    QTemporaryDir dir;
    QFile blocker(dir.filePath(QStringLiteral("file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    // A folder where a file is: the database cannot be created.
    TagHistoryStore store(dir.filePath(QStringLiteral("file/h.sqlite")));
    store.observe({seen(QStringLiteral("latest"), digestOf("a"))});
    const auto flushed = store.flush();
    QVERIFY(!flushed.ok());
    QVERIFY(flushed.error().message.contains(QStringLiteral("tag history")));
    QVERIFY(store.flush().ok()); // reported once
}

void TestTagHistoryStore::invalidObservationsAreIgnored()
{
    QTemporaryDir dir;
    TagHistoryStore store(dir.filePath(QStringLiteral("h.sqlite")));
    store.observe({seen(QString(), digestOf("a")), seen(QStringLiteral("latest"), Digest())});
    QVERIFY(store.flush().ok());
    QCOMPARE(store.transactionsCommitted(), 0);
    QVERIFY(store.history(Registry, Repo)->isEmpty());
}

void TestTagHistoryStore::defaultPathFollowsEnvironment()
{
    qputenv("OCULAR_TAG_HISTORY", "/tmp/x/explicit.sqlite");
    QCOMPARE(TagHistoryStore::defaultPath(), QStringLiteral("/tmp/x/explicit.sqlite"));
    qunsetenv("OCULAR_TAG_HISTORY");
    QVERIFY(TagHistoryStore::defaultPath().endsWith(QStringLiteral("/ocular/taghistory.sqlite")));
}

QTEST_GUILESS_MAIN(TestTagHistoryStore)
#include "tst_taghistorystore.moc"
