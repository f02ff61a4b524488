// The content-addressed cache: verified on the way in and on the way out.
#include "cache/contentcache.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ocular;

class TestContentCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void storesOnlyMatchingBytes()
    {
        ContentCache cache;
        const QByteArray bytes = QByteArrayLiteral("{\"schemaVersion\":2}");
        const Digest digest = Digest::sha256(bytes);
        QVERIFY(!cache.put(digest, QByteArrayLiteral("other bytes")));
        QVERIFY(!cache.contains(digest));
        QVERIFY(cache.put(digest, bytes));
        QCOMPARE(cache.get(digest).value(), bytes);
        QCOMPARE(cache.hits(), qint64(1));
    }

    void diskTierSurvivesAndRejectsCorruption()
    {
        QTemporaryDir dir;
        const QByteArray bytes(5000, 'x');
        const Digest digest = Digest::sha256(bytes);
        {
            ContentCache cache(dir.path());
            QVERIFY(cache.put(digest, bytes));
        }
        ContentCache reopened(dir.path());
        QCOMPARE(reopened.get(digest).value(), bytes);

        // Corrupt the file behind the cache's back: it must not be served, and is removed.
        ContentCache third(dir.path());
        const QString path = dir.path() + QStringLiteral("/sha256/") + digest.encoded();
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("tampered");
        file.close();
        QVERIFY(!third.get(digest).has_value());
        QVERIFY(!QFile::exists(path));
    }

    void memoryTierIsBounded()
    {
        ContentCache cache(QString(), 10 * 1024);
        QList<Digest> digests;
        for (int i = 0; i < 20; ++i) {
            const QByteArray bytes(1024, char('a' + i));
            digests << Digest::sha256(bytes);
            cache.put(digests.last(), bytes);
        }
        int present = 0;
        for (const Digest &d : digests)
            present += cache.contains(d) ? 1 : 0;
        QVERIFY2(present <= 10, qPrintable(QString::number(present)));
        QVERIFY(cache.contains(digests.last()));
    }

    void unverifiableDigestsAreNotCached()
    {
        ContentCache cache;
        const auto digest = Digest::parse(QStringLiteral("blake3:abcdef"));
        QVERIFY(digest.ok());
        QVERIFY(!cache.put(digest.value(), QByteArrayLiteral("x")));
        QVERIFY(!cache.get(digest.value()).has_value());
    }
};

namespace {

QByteArray blob(char fill, int size = 1000)
{
    return QByteArray(size, fill);
}

int filesIn(const QString &directory)
{
    return int(QDir(directory + QStringLiteral("/sha256")).entryList(QDir::Files).size());
}

} // namespace

class TestContentCacheBounds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void diskTierRespectsItsBound()
    {
        QTemporaryDir dir;
        ContentCache cache(dir.path(), 1); // no memory tier to speak of
        QCOMPARE(cache.maxDiskBytes(), ContentCache::DefaultMaxDiskBytes);
        cache.setMaxDiskBytes(10 * 1000);
        for (int i = 0; i < 50; ++i) {
            const QByteArray bytes = blob(char('A' + i % 26), 1000 + i);
            QVERIFY(cache.put(Digest::sha256(bytes), bytes));
            QVERIFY(cache.diskBytes() <= 10 * 1000);
        }
        QVERIFY(filesIn(dir.path()) <= 10);
        QVERIFY(filesIn(dir.path()) >= 8);
        // Something larger than the whole bound is never written.
        const QByteArray huge = blob('H', 20 * 1000);
        cache.put(Digest::sha256(huge), huge);
        QVERIFY(!QFile::exists(dir.path() + QStringLiteral("/sha256/") +
                               Digest::sha256(huge).encoded()));
    }

    void evictsTheLeastRecentlyUsed()
    {
        QTemporaryDir dir;
        ContentCache cache(dir.path(), 1);
        cache.setMaxDiskBytes(3000);
        const QByteArray a = blob('a'), b = blob('b'), c = blob('c'), d = blob('d');
        for (const QByteArray &bytes : {a, b, c})
            QVERIFY(cache.put(Digest::sha256(bytes), bytes));
        QVERIFY(cache.get(Digest::sha256(a)).has_value()); // a is now the most recent
        QVERIFY(cache.put(Digest::sha256(d), d));
        QVERIFY(cache.contains(Digest::sha256(a)));
        QVERIFY(!cache.contains(Digest::sha256(b))); // the oldest unused one went
        QVERIFY(cache.contains(Digest::sha256(c)));
        QVERIFY(cache.contains(Digest::sha256(d)));
        QCOMPARE(cache.diskBytes(), qint64(3000));
    }

    void lastUseSurvivesSessions()
    {
        QTemporaryDir dir;
        const QByteArray a = blob('a'), b = blob('b'), c = blob('c');
        {
            ContentCache cache(dir.path());
            for (const QByteArray &bytes : {a, b, c})
                cache.put(Digest::sha256(bytes), bytes);
        }
        // Last use is the file's modification time: make b the most and a the least recent.
        const QDateTime now = QDateTime::currentDateTime();
        const QList<QPair<QByteArray, int>> ages{{a, 3}, {b, 1}, {c, 2}};
        for (const auto &[bytes, hoursAgo] : ages) {
            QFile file(dir.path() + QStringLiteral("/sha256/") + Digest::sha256(bytes).encoded());
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(
                file.setFileTime(now.addSecs(-3600 * hoursAgo), QFileDevice::FileModificationTime));
        }
        ContentCache reopened(dir.path(), 1);
        reopened.setMaxDiskBytes(2000);
        QVERIFY(!reopened.contains(Digest::sha256(a)));
        QVERIFY(reopened.contains(Digest::sha256(b)));
        QVERIFY(reopened.contains(Digest::sha256(c)));
    }

    void asyncLookupDropsCorruptedFiles()
    {
        QTemporaryDir dir;
        const QByteArray bytes = blob('z', 4096);
        const Digest digest = Digest::sha256(bytes);
        {
            ContentCache cache(dir.path());
            cache.storeVerified(digest, bytes);
            cache.waitForBackgroundWork();
        }
        const QString path = dir.path() + QStringLiteral("/sha256/") + digest.encoded();
        QVERIFY(QFile::exists(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("tampered");
        file.close();
        ContentCache reopened(dir.path());
        QObject context;
        std::optional<std::optional<QByteArray>> answer;
        reopened.lookup(digest, &context, [&](std::optional<QByteArray> got) { answer = got; });
        QTRY_VERIFY(answer.has_value());
        QVERIFY(!answer->has_value());
        QVERIFY(!QFile::exists(path));
        QCOMPARE(reopened.diskBytes(), qint64(0));
    }

    void readPathDoesNotBlockTheCaller()
    {
        QTemporaryDir dir;
        // Big enough that reading and hashing it takes far longer than a posted call.
        const QByteArray bytes(96 * 1024 * 1024, 'q');
        const Digest digest = Digest::sha256(bytes);
        {
            ContentCache cache(dir.path());
            cache.put(digest, bytes);
        }
        ContentCache reopened(dir.path(), 1);
        QObject context;
        bool delivered = false;
        QElapsedTimer timer;
        timer.start();
        reopened.lookup(digest, &context, [&](std::optional<QByteArray> got) {
            delivered = got.has_value() && got->size() == bytes.size();
        });
        const qint64 callMs = timer.elapsed();
        QVERIFY(!delivered); // never inside the call
        QTRY_VERIFY_WITH_TIMEOUT(delivered, 30000);
        const qint64 totalMs = timer.elapsed();
        QVERIFY2(callMs * 4 < totalMs,
                 qPrintable(QStringLiteral("call %1 ms, delivery %2 ms").arg(callMs).arg(totalMs)));
        qInfo("lookup() returned after %lld ms; the verified 96 MiB arrived after %lld ms", callMs,
              totalMs);
    }

    void lookupIntoADestroyedContextDeliversNothing()
    {
        QTemporaryDir dir;
        const QByteArray bytes = blob('k', 1 << 20);
        const Digest digest = Digest::sha256(bytes);
        ContentCache cache(dir.path(), 1);
        cache.put(digest, bytes);
        bool delivered = false;
        {
            QObject context;
            cache.lookup(digest, &context, [&](std::optional<QByteArray>) { delivered = true; });
        }
        cache.waitForBackgroundWork();
        QTest::qWait(50);
        QVERIFY(!delivered);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    TestContentCache first;
    TestContentCacheBounds second;
    int failures = QTest::qExec(&first, argc, argv);
    failures += QTest::qExec(&second, argc, argv);
    return failures;
}
#include "tst_contentcache.moc"
