#include "cleanup/distributionstoragescan.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ocular;

namespace {

Digest digestOf(const QByteArray &bytes)
{
    return Digest::sha256(bytes);
}

/// A distribution storage tree written by hand, as docker-registry lays it out.
class Storage
{
public:
    Storage() { QDir().mkpath(repo()); }
    QString root() const { return m_dir.path(); }
    QString repo(const QString &name = QStringLiteral("team/app")) const
    {
        return m_dir.filePath(QStringLiteral("docker/registry/v2/repositories/") + name);
    }
    void write(const QString &path, const QByteArray &bytes) const
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }
    QString revision(const Digest &d) const
    {
        return repo() + QStringLiteral("/_manifests/revisions/sha256/") + d.encoded() +
               QStringLiteral("/link");
    }
    QString tagIndex(const QString &tag, const Digest &d) const
    {
        return repo() + QStringLiteral("/_manifests/tags/") + tag +
               QStringLiteral("/index/sha256/") + d.encoded() + QStringLiteral("/link");
    }
    QString tagCurrent(const QString &tag) const
    {
        return repo() + QStringLiteral("/_manifests/tags/") + tag + QStringLiteral("/current/link");
    }

private:
    QTemporaryDir m_dir;
};

} // namespace

class TestDistributionStorageScan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsRevisionsAndTagHistory();
    void hostileEntriesAreRefusedNotFollowed();
    void badRootAndRepository();
    void entryLimit();
};

void TestDistributionStorageScan::readsRevisionsAndTagHistory()
{
    Storage s;
    const Digest a = digestOf("a"), b = digestOf("b"), c = digestOf("c");
    for (const Digest &d : {a, b, c})
        s.write(s.revision(d), d.toString().toLatin1());
    s.write(s.tagCurrent(QStringLiteral("latest")), b.toString().toLatin1());
    s.write(s.tagIndex(QStringLiteral("latest"), a), a.toString().toLatin1());
    s.write(s.tagIndex(QStringLiteral("latest"), b), b.toString().toLatin1());
    // A deleted revision: distribution removes the link, the folder stays.
    QDir().mkpath(s.repo() + QStringLiteral("/_manifests/revisions/sha256/") +
                  digestOf("d").encoded());

    const auto listing = DistributionStorageScan(s.root()).scan(QStringLiteral("team/app"));
    QVERIFY2(listing.ok(), qPrintable(listing.ok() ? QString() : listing.error().message));
    QList<Digest> expected{a, b, c};
    std::sort(expected.begin(), expected.end());
    QCOMPARE(listing->revisions, expected);
    QCOMPARE(listing->tags.size(), 1);
    QCOMPARE(listing->tags[0].name, QStringLiteral("latest"));
    QCOMPARE(listing->tags[0].current, b);
    QList<Digest> index{a, b};
    std::sort(index.begin(), index.end());
    QCOMPARE(listing->tags[0].index, index);
    QVERIFY2(listing->refused.isEmpty(), qPrintable(listing->refused.join(QLatin1Char('\n'))));
}

void TestDistributionStorageScan::hostileEntriesAreRefusedNotFollowed()
{
    Storage s;
    QTemporaryDir outside;
    const Digest a = digestOf("a"), evil = digestOf("evil");
    s.write(s.revision(a), a.toString().toLatin1());
    // A link whose content is not a digest, one naming another digest, one too large.
    s.write(s.revision(digestOf("x")), "../../../../etc/passwd");
    s.write(s.revision(digestOf("y")), a.toString().toLatin1());
    s.write(s.revision(digestOf("z")), QByteArray(5000, 'a'));
    // A symlinked revision folder pointing outside the root, with a valid-looking link there.
    QFile(outside.filePath(QStringLiteral("link"))).open(QIODevice::WriteOnly);
    {
        QFile f(outside.filePath(QStringLiteral("link")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(evil.toString().toLatin1());
    }
    QVERIFY(QFile::link(outside.path(), s.repo() + QStringLiteral("/_manifests/revisions/sha256/") +
                                            evil.encoded()));
    // A link file that is a symlink to a file outside.
    const Digest b = digestOf("b");
    QDir().mkpath(QFileInfo(s.revision(b)).absolutePath());
    QVERIFY(QFile::link(outside.filePath(QStringLiteral("link")), s.revision(b)));
    // Folder names that are neither digests nor tags, and an unknown algorithm.
    QDir().mkpath(s.repo() + QStringLiteral("/_manifests/revisions/sha256/not-hex"));
    QDir().mkpath(s.repo() + QStringLiteral("/_manifests/revisions/md5/abc"));
    QDir().mkpath(s.repo() + QStringLiteral("/_manifests/tags/-bad-tag/current"));
    // A tags folder symlinked outside.
    s.write(s.tagCurrent(QStringLiteral("ok")), a.toString().toLatin1());
    QVERIFY(QFile::link(outside.path(), s.repo() + QStringLiteral("/_manifests/tags/escape")));

    const auto listing = DistributionStorageScan(s.root()).scan(QStringLiteral("team/app"));
    QVERIFY(listing.ok());
    QCOMPARE(listing->revisions, QList<Digest>{a});
    QCOMPARE(listing->tags.size(), 1);
    QCOMPARE(listing->tags[0].name, QStringLiteral("ok"));
    const QString refused = listing->refused.join(QLatin1Char('\n'));
    QVERIFY2(refused.contains(QStringLiteral("does not hold a digest")), qPrintable(refused));
    QVERIFY(refused.contains(QStringLiteral("not its own folder's digest")));
    QVERIFY(refused.contains(QStringLiteral("too large for a link")));
    QVERIFY(refused.contains(QStringLiteral("outside the storage root")));
    QVERIFY(refused.contains(evil.encoded()));
    QVERIFY(refused.contains(QStringLiteral("not-hex")));
    QVERIFY(refused.contains(QStringLiteral("md5")));
    QVERIFY(refused.contains(QStringLiteral("-bad-tag")));
    QVERIFY(refused.contains(QStringLiteral("escape")));
    QCOMPARE(listing->refused.size(), 9);
    for (const QString &line : listing->refused)
        QVERIFY2(!line.contains(outside.path()), qPrintable(line)); // paths shown relative
}

void TestDistributionStorageScan::badRootAndRepository()
{
    Storage s;
    auto r = DistributionStorageScan(s.root()).scan(QStringLiteral("../../etc"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ErrorKind::InvalidInput);
    r = DistributionStorageScan(s.root()).scan(QStringLiteral("team/absent"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ErrorKind::NotFound);
    QTemporaryDir plain;
    r = DistributionStorageScan(plain.path()).scan(QStringLiteral("team/app"));
    QVERIFY(!r.ok());
    QVERIFY(r.error().message.contains(QStringLiteral("docker/registry/v2")));
    r = DistributionStorageScan(plain.filePath(QStringLiteral("none"))).scan(QStringLiteral("a"));
    QVERIFY(!r.ok());
    // A repository folder that is a symlink out of the root.
    QTemporaryDir outside;
    QVERIFY(QFile::link(outside.path(), s.repo(QStringLiteral("linked"))));
    r = DistributionStorageScan(s.root()).scan(QStringLiteral("linked"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ErrorKind::Refused);
}

void TestDistributionStorageScan::entryLimit()
{
    Storage s;
    for (int i = 0; i < 5; ++i) {
        const Digest d = digestOf(QByteArray::number(i));
        s.write(s.revision(d), d.toString().toLatin1());
    }
    DistributionStorageScan::Limits limits;
    limits.maxEntries = 3;
    const auto listing = DistributionStorageScan(s.root(), limits).scan(QStringLiteral("team/app"));
    QVERIFY(listing.ok());
    QCOMPARE(listing->revisions.size(), 3);
    QCOMPARE(listing->refused.size(), 1);
    QVERIFY(listing->refused[0].contains(QStringLiteral("stopped at 3")));
}

QTEST_GUILESS_MAIN(TestDistributionStorageScan)
#include "tst_distributionstoragescan.moc"
