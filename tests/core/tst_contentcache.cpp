// The content-addressed cache: verified on the way in and on the way out.
#include "cache/contentcache.h"

#include <QDir>
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

QTEST_GUILESS_MAIN(TestContentCache)
#include "tst_contentcache.moc"
