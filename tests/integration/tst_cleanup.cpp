// Cleanup discovery against a real docker-registry: the tag history the CLI records and
// prints, the scan of the registry's filesystem storage, and the gc dry run's classes.
#include "cleanup/cleanupdiscovery.h"
#include "cleanup/cleanupexecutor.h"
#include "cleanup/cleanuppolicy.h"
#include "cleanup/distributionstoragescan.h"
#include "content/manifestbuilder.h"
#include "content/mediatype.h"
#include "history/taghistorystore.h"
#include "inventory/repositoryinventorybuilder.h"
#include "referrers/cosigntags.h"
#include "registry/registryclient.h"
#include "source/contentsource.h"
#include "source/registrysource.h"
#include "support/asyncwait.h"
#include "support/manifestpush.h"
#include "support/processrun.h"
#include "support/tempenv.h"
#include "support/testregistry.h"
#include "support/teststack.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ocular;
using namespace ocular::test;

namespace {

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QString cliPath()
{
    return QStringLiteral(OCULAR_BINARY_DIR "/app/ocular-cli");
}

CliResult runCli(const QStringList &arguments)
{
    QProcess process;
    process.start(cliPath(), arguments);
    CliResult result;
    if (!process.waitForStarted(10000))
        return result;
    process.closeWriteChannel();
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

BuiltManifest image(const QString &salt)
{
    return builtImage(salt, QStringLiteral("2024-05-01T10:00:00Z"));
}

BuiltManifest referrer(const BuiltManifest &subject, const QString &salt)
{
    return builtReferrer(subject, salt);
}

BuiltManifest indexOf(const QList<BuiltManifest> &entries)
{
    QJsonArray array;
    for (const BuiltManifest &e : entries)
        array.append(e.descriptorJson());
    return ManifestBuilder().index(QString(mediatype::OciIndex), array).value();
}

/// digest → the candidate's JSON object.
QHash<QString, QJsonObject> byDigest(const QJsonArray &array)
{
    QHash<QString, QJsonObject> out;
    for (const QJsonValue &v : array)
        out.insert(v[QStringLiteral("digest")].toString(), v.toObject());
    return out;
}

QString classOf(const QHash<QString, QJsonObject> &candidates, const BuiltManifest &m)
{
    return candidates.value(m.digest.toString()).value(QStringLiteral("class")).toString();
}

QJsonArray jsonArray(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).array();
}

} // namespace

class TestCleanup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void historyRecordsAMovedTag();
    void historyUsageErrors();
    void inventoryRecordsEveryTagInFewTransactions();
    void storageScanFindsEveryManifest();
    void gcDryRunClassifies();
    void gcDeletesExactlyWhatThePolicySelects();
    void runSkipsACandidateATagMovedOnto();
    void cancelledRunReportsTheRest();

private:
    std::unique_ptr<TempEnv> m_env;
};

void TestCleanup::initTestCase()
{
    QVERIFY2(QFileInfo::exists(cliPath()), qPrintable(cliPath() + QStringLiteral(" not built")));
    m_env = std::make_unique<TempEnv>();
}

void TestCleanup::historyRecordsAMovedTag()
{
    OCULAR_TEST_REGISTRY(registry);
    auto stack = makeStack(registry.hostPort());
    QVERIFY(stack);
    const QString repo = QStringLiteral("cleanup/history");
    const QString ref = registry.hostPort() + QLatin1Char('/') + repo;
    const BuiltManifest a = image(QStringLiteral("a")), b = image(QStringLiteral("b"));
    QVERIFY(pushManifestWithBlobs(stack->source(), repo, a, QStringLiteral("latest")));
    QVERIFY(pushManifestWithBlobs(stack->source(), repo, a, QStringLiteral("v1")));

    // Nothing recorded yet: the test's own pushes go through a stack without the history.
    CliResult r = runCli({QStringLiteral("history"), ref});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("No tag history"));

    r = runCli({QStringLiteral("digest"), ref + QStringLiteral(":latest")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(pushManifestWithBlobs(stack->source(), repo, b, QStringLiteral("latest")));
    r = runCli({QStringLiteral("digest"), ref + QStringLiteral(":latest")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // The inventory of a whole repository resolves every tag (v1 too).
    r = runCli({QStringLiteral("audit"), ref});
    QVERIFY2(r.exitCode == 0 || r.exitCode == 1, r.err.constData());

    r = runCli({QStringLiteral("history"), ref + QStringLiteral(":latest"),
                QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonArray latest = jsonArray(r.out);
    QCOMPARE(latest.size(), 2);
    QCOMPARE(latest[0][QStringLiteral("digest")].toString(), a.digest.toString());
    QCOMPARE(latest[0][QStringLiteral("current")].toBool(), false);
    QCOMPARE(latest[1][QStringLiteral("digest")].toString(), b.digest.toString());
    QCOMPARE(latest[1][QStringLiteral("current")].toBool(), true);
    QCOMPARE(latest[1][QStringLiteral("tag")].toString(), QStringLiteral("latest"));
    QVERIFY(latest[0][QStringLiteral("firstSeen")].toString() <=
            latest[1][QStringLiteral("firstSeen")].toString());

    r = runCli({QStringLiteral("history"), ref});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString table = QString::fromUtf8(r.out);
    QVERIFY2(table.startsWith(QStringLiteral("TAG")), r.out.constData());
    QVERIFY(table.contains(QStringLiteral("moved away")));
    QVERIFY(table.contains(a.digest.toString()));
    QVERIFY(table.contains(b.digest.toString()));
    QVERIFY2(table.contains(QStringLiteral("\nv1 ")), r.out.constData()); // recorded by audit
}

void TestCleanup::historyUsageErrors()
{
    CliResult r = runCli({QStringLiteral("history")});
    QCOMPARE(r.exitCode, 2);
    r = runCli({QStringLiteral("history"), QStringLiteral("127.0.0.1:5000")});
    QCOMPARE(r.exitCode, 2);
    r = runCli({QStringLiteral("history"),
                QStringLiteral("127.0.0.1:5000/a@sha256:") + QString(64, QLatin1Char('0'))});
    QCOMPARE(r.exitCode, 2);
    r = runCli({QStringLiteral("history"), QStringLiteral("127.0.0.1:5000/a"),
                QStringLiteral("--format"), QStringLiteral("xml")});
    QCOMPARE(r.exitCode, 2);
}

void TestCleanup::inventoryRecordsEveryTagInFewTransactions()
{
    OCULAR_TEST_REGISTRY(registry);
    auto pusher = makeStack(registry.hostPort());
    QVERIFY(pusher);
    const QString repo = QStringLiteral("cleanup/many");
    constexpr int Tags = 300;
    const BuiltManifest m = image(QStringLiteral("many"));
    QVERIFY(pushManifestWithBlobs(pusher->source(), repo, m, QStringLiteral("t0")));
    for (int i = 1; i < Tags; ++i) {
        const auto pushed = waitFor<PushedContent>([&](QObject *context, auto done) {
            return pusher->source()->pushManifest(repo, QStringLiteral("t%1").arg(i), m.raw,
                                                  m.mediaType, context, done);
        });
        QVERIFY(pushed.ok());
    }
    // The same inventory without a history, for the overhead.
    QElapsedTimer plainTimer;
    plainTimer.start();
    RepositoryInventoryBuilder plainBuilder(pusher->source());
    const auto plain = waitFor<RepositoryInventory>([&](QObject *context, auto done) {
        return plainBuilder.build(repo, RepositoryInventoryBuilder::Options{}, context, done);
    });
    QVERIFY(plain.ok());
    const qint64 plainMs = plainTimer.elapsed();
    QTemporaryDir dir;
    auto store = std::make_shared<TagHistoryStore>(dir.filePath(QStringLiteral("h.sqlite")));
    auto stack = makeStack(registry.hostPort());
    QVERIFY(stack);
    stack->registrySource()->setTagObserver(store);
    RepositoryInventoryBuilder builder(stack->source());
    QElapsedTimer timer;
    timer.start();
    const auto inventory = waitFor<RepositoryInventory>([&](QObject *context, auto done) {
        return builder.build(repo, RepositoryInventoryBuilder::Options{}, context, done);
    });
    QVERIFY(inventory.ok());
    QCOMPARE(inventory->tags.size(), Tags);
    QVERIFY(store->flush().ok());
    const qint64 ms = timer.elapsed();
    const auto history = store->history(registry.hostPort(), repo);
    QVERIFY(history.ok());
    QCOMPARE(history->size(), Tags);
    for (const TagHistoryEntry &e : history.value()) {
        QCOMPARE(e.digest, m.digest);
        QVERIFY(e.current);
    }
    qInfo("inventory of %d tags recorded in %d transactions, %lld ms with the history (flushed), "
          "%lld ms without",
          Tags, store->transactionsCommitted(), ms, plainMs);
    QVERIFY2(store->transactionsCommitted() < Tags / 10, "sightings were not batched");
}

void TestCleanup::storageScanFindsEveryManifest()
{
    OCULAR_TEST_REGISTRY(registry);
    auto stack = makeStack(registry.hostPort());
    QVERIFY(stack);
    const QString repo = QStringLiteral("cleanup/storage");
    const BuiltManifest a = image(QStringLiteral("sa")), b = image(QStringLiteral("sb")),
                        byDigest = image(QStringLiteral("never tagged"));
    QVERIFY(pushManifestWithBlobs(stack->source(), repo, a, QStringLiteral("latest")));
    // Pushed by digest only: no tag, no client ever listed it.
    QVERIFY(pushManifestWithBlobs(stack->source(), repo, byDigest, QString()));
    QVERIFY(pushManifestWithBlobs(stack->source(), repo, b, QStringLiteral("latest")));
    QVERIFY(pushManifestWithBlobs(stack->source(), repo, b, QStringLiteral("stable")));

    const QString root = registry->storageDir();
    QVERIFY(QFileInfo(root).isDir());
    const auto listing = DistributionStorageScan(root).scan(repo);
    QVERIFY2(listing.ok(), qPrintable(listing.ok() ? QString() : listing.error().message));
    QVERIFY2(listing->refused.isEmpty(), qPrintable(listing->refused.join(QLatin1Char('\n'))));
    QList<Digest> pushed{a.digest, b.digest, byDigest.digest};
    std::sort(pushed.begin(), pushed.end());
    QCOMPARE(listing->revisions, pushed);
    QCOMPARE(listing->tags.size(), 2);
    QCOMPARE(listing->tags[0].name, QStringLiteral("latest"));
    QCOMPARE(listing->tags[0].current, b.digest);
    QVERIFY(listing->tags[0].index.contains(a.digest)); // the past digest after the re-tag
    QVERIFY(listing->tags[0].index.contains(b.digest));
    QCOMPARE(listing->tags[1].name, QStringLiteral("stable"));
    QCOMPARE(listing->tags[1].index, QList<Digest>{b.digest});

    // A repository the storage does not hold.
    QCOMPARE(DistributionStorageScan(root).scan(QStringLiteral("cleanup/absent")).error().kind,
             ErrorKind::NotFound);
}

void TestCleanup::gcDryRunClassifies()
{
    OCULAR_TEST_REGISTRY(registry);
    auto stack = makeStack(registry.hostPort());
    QVERIFY(stack);
    ContentSource *source = stack->source();
    const QString repo = QStringLiteral("cleanup/gc");
    const QString ref = registry.hostPort() + QLatin1Char('/') + repo;
    const BuiltManifest a = image(QStringLiteral("ga")), b = image(QStringLiteral("gb"));
    const BuiltManifest child = image(QStringLiteral("child")), multi = indexOf({child});
    const BuiltManifest live = image(QStringLiteral("live")),
                        doomed = image(QStringLiteral("doomed"));
    const BuiltManifest liveRef = referrer(live, QStringLiteral("r2")),
                        liveRef2 = referrer(live, QStringLiteral("r3")),
                        doomedRef = referrer(doomed, QStringLiteral("r"));
    const BuiltManifest fallback1 = indexOf({liveRef}), fallback2 = indexOf({liveRef, liveRef2}),
                        doomedFallback = indexOf({doomedRef});
    const BuiltManifest unseen = image(QStringLiteral("never seen"));
    const QString liveTag = live.digest.fallbackTag(), doomedTag = doomed.digest.fallbackTag();

    QVERIFY(pushManifestWithBlobs(source, repo, a, QStringLiteral("latest")));
    QVERIFY(pushManifestWithBlobs(source, repo, child, QString()));
    QVERIFY(pushManifestWithBlobs(source, repo, multi, QStringLiteral("multi")));
    QVERIFY(pushManifestWithBlobs(source, repo, live, QStringLiteral("live")));
    QVERIFY(pushManifestWithBlobs(source, repo, liveRef, QString()));
    QVERIFY(pushManifestWithBlobs(source, repo, fallback1, liveTag));
    QVERIFY(pushManifestWithBlobs(source, repo, doomed, QStringLiteral("doomed")));
    QVERIFY(pushManifestWithBlobs(source, repo, doomedRef, QString()));
    QVERIFY(pushManifestWithBlobs(source, repo, doomedFallback, doomedTag));
    // cosign's convention: a signature tagged after its image, no subject field.
    const BuiltManifest signature = image(QStringLiteral("cosign signature"));
    QVERIFY(pushManifestWithBlobs(source, repo, signature,
                                  cosigntags::tagFor(doomed.digest, cosigntags::Kind::Signature)));

    // The first run sees (and records) the tags as they are.
    CliResult r = runCli({QStringLiteral("gc"), ref, QStringLiteral("--dry-run"),
                          QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    auto candidates = byDigest(jsonArray(r.out));
    QCOMPARE(classOf(candidates, child), QStringLiteral("child of tagged index"));
    QCOMPARE(classOf(candidates, liveRef), QStringLiteral("referrer of live subject"));
    QCOMPARE(classOf(candidates, doomedRef), QStringLiteral("referrer of live subject"));
    QVERIFY(!candidates.contains(a.digest.toString()));         // tagged
    QVERIFY(!candidates.contains(fallback1.digest.toString())); // the live fallback index
    QVERIFY(!candidates.contains(signature.digest.toString())); // tagged, its image live

    // A tag moves, an attach replaces a fallback index, a subject is deleted, a manifest is
    // pushed by digest that no tag ever named.
    QVERIFY(pushManifestWithBlobs(source, repo, b, QStringLiteral("latest")));
    QVERIFY(pushManifestWithBlobs(source, repo, liveRef2, QString()));
    QVERIFY(pushManifestWithBlobs(source, repo, fallback2, liveTag));
    const auto deleted = waitFor<Done>([&](QObject *context, auto done) {
        return source->deleteManifest(repo, doomed.digest.toString(), context, done);
    });
    QVERIFY2(deleted.ok(), qPrintable(deleted.ok() ? QString() : deleted.error().toString()));
    QVERIFY(pushManifestWithBlobs(source, repo, unseen, QString()));

    r = runCli({QStringLiteral("gc"), ref, QStringLiteral("--dry-run"), QStringLiteral("--format"),
                QStringLiteral("json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonArray array = jsonArray(r.out);
    candidates = byDigest(array);
    QCOMPARE(classOf(candidates, a), QStringLiteral("dangling image"));
    QVERIFY(candidates.value(a.digest.toString())[QStringLiteral("sources")].toArray().contains(
        QStringLiteral("tag history: latest (current)")));
    QCOMPARE(candidates.value(a.digest.toString())[QStringLiteral("size")].toInteger(), a.size());
    // Its age from its config (not from when the history first saw it).
    QVERIFY2(candidates.value(a.digest.toString())[QStringLiteral("created")].toString() ==
                 QStringLiteral("2024-05-01T10:00:00.000Z"),
             r.err.constData());
    QCOMPARE(candidates.value(a.digest.toString())[QStringLiteral("createdFrom")].toString(),
             QStringLiteral("config created"));
    QCOMPARE(classOf(candidates, fallback1), QStringLiteral("replaced fallback index"));
    QCOMPARE(classOf(candidates, doomedRef), QStringLiteral("orphaned referrer"));
    QCOMPARE(classOf(candidates, doomedFallback), QStringLiteral("orphaned referrer"));
    QCOMPARE(classOf(candidates, signature), QStringLiteral("orphaned referrer"));
    QCOMPARE(classOf(candidates, child), QStringLiteral("child of tagged index"));
    QCOMPARE(classOf(candidates, liveRef), QStringLiteral("referrer of live subject"));
    QCOMPARE(classOf(candidates, liveRef2), QStringLiteral("referrer of live subject"));
    QVERIFY(!candidates.contains(doomed.digest.toString())); // gone
    QVERIFY(!candidates.contains(unseen.digest.toString())); // only the storage knows it
    // The default policy: dangling images, orphaned referrers, replaced fallback indexes.
    for (const QJsonValue &v : array) {
        const bool inUse = v[QStringLiteral("inUse")].toBool();
        QCOMPARE(v[QStringLiteral("selected")].toBool(), !inUse);
        QVERIFY(!v[QStringLiteral("verdict")].toString().isEmpty());
    }

    // With the storage: the manifest no client saw, and the tag's past digest from disk.
    r = runCli({QStringLiteral("gc"), ref, QStringLiteral("--dry-run"), QStringLiteral("--storage"),
                registry->storageDir(), QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    candidates = byDigest(jsonArray(r.out));
    QCOMPARE(classOf(candidates, unseen), QStringLiteral("unknown"));
    QVERIFY(
        candidates.value(unseen.digest.toString())[QStringLiteral("sources")].toArray().contains(
            QStringLiteral("storage: revision")));
    QVERIFY(candidates.value(a.digest.toString())[QStringLiteral("sources")].toArray().contains(
        QStringLiteral("storage: past digest of latest")));
    QCOMPARE(classOf(candidates, a), QStringLiteral("dangling image"));

    // An imported list: the manifest no client saw, and a digest the registry never had.
    QTemporaryDir importDir;
    const QString list = importDir.filePath(QStringLiteral("digests.txt"));
    {
        QFile file(list);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("# exported earlier\n\n" + unseen.digest.toString().toLatin1() + "\n" +
                   Digest::sha256("never pushed").toString().toLatin1() + "\n");
    }
    r = runCli({QStringLiteral("gc"), ref, QStringLiteral("--dry-run"), QStringLiteral("--import"),
                list, QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    candidates = byDigest(jsonArray(r.out));
    QCOMPARE(classOf(candidates, unseen), QStringLiteral("unknown"));
    QVERIFY(
        candidates.value(unseen.digest.toString())[QStringLiteral("sources")].toArray().contains(
            QString(QStringLiteral("imported: ") + list)));
    QVERIFY(!candidates.contains(Digest::sha256("never pushed").toString()));
    {
        QFile file(list);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(unseen.digest.toString().toLatin1() + "\nsha256:not-a-digest\n");
    }
    r = runCli(
        {QStringLiteral("gc"), ref, QStringLiteral("--dry-run"), QStringLiteral("--import"), list});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("line 2"), r.err.constData());

    r = runCli({QStringLiteral("gc"), ref, QStringLiteral("--dry-run")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.startsWith("SEL"));
    QVERIFY(r.out.contains("dangling image"));
    QVERIFY(r.out.contains("nothing was deleted"));

    // The dry runs deleted nothing.
    for (const BuiltManifest *m : {&a, &b, &child, &liveRef, &fallback1, &doomedRef, &unseen}) {
        const auto still = digestOf(source, repo, m->digest.toString());
        QVERIFY2(still.ok(), qPrintable(m->digest.toString()));
    }
    QCOMPARE(digestOf(source, repo, QStringLiteral("latest")).value(), b.digest);

    // gc without --dry-run asks first; without a terminal to ask on, nothing changes.
    r = runCli({QStringLiteral("gc"), ref});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("Nothing was changed"), r.err.constData());
    QVERIFY(digestOf(source, repo, a.digest.toString()).ok());
    // A tag is not a repository; --dry-run with --yes is a contradiction.
    QCOMPARE(
        runCli({QStringLiteral("gc"), ref, QStringLiteral("--dry-run"), QStringLiteral("--yes")})
            .exitCode,
        2);
    QCOMPARE(
        runCli({QStringLiteral("gc"), ref + QStringLiteral(":latest"), QStringLiteral("--dry-run")})
            .exitCode,
        2);
}

void TestCleanup::gcDeletesExactlyWhatThePolicySelects()
{
    OCULAR_TEST_REGISTRY(registry);
    auto stack = makeStack(registry.hostPort());
    QVERIFY(stack);
    ContentSource *source = stack->source();
    const QString repo = QStringLiteral("cleanup/run");
    const QString ref = registry.hostPort() + QLatin1Char('/') + repo;
    const BuiltManifest a = image(QStringLiteral("ra")), b = image(QStringLiteral("rb"));
    const BuiltManifest oldChild = image(QStringLiteral("old child")),
                        oldIndex = indexOf({oldChild});
    const BuiltManifest newChild = image(QStringLiteral("new child")),
                        newIndex = indexOf({newChild});
    const BuiltManifest live = image(QStringLiteral("rlive")),
                        doomed = image(QStringLiteral("rdoomed"));
    const BuiltManifest liveRef = referrer(live, QStringLiteral("rr1")),
                        liveRef2 = referrer(live, QStringLiteral("rr2")),
                        doomedRef = referrer(doomed, QStringLiteral("rr3"));
    const BuiltManifest fallback1 = indexOf({liveRef}), fallback2 = indexOf({liveRef, liveRef2}),
                        doomedFallback = indexOf({doomedRef});
    const BuiltManifest signature = image(QStringLiteral("rsig"));
    const QString liveTag = live.digest.fallbackTag();

    QVERIFY(pushManifestWithBlobs(source, repo, a, QStringLiteral("latest")));
    QVERIFY(pushManifestWithBlobs(source, repo, oldChild, QString()));
    QVERIFY(pushManifestWithBlobs(source, repo, oldIndex, QStringLiteral("multi")));
    QVERIFY(pushManifestWithBlobs(source, repo, live, QStringLiteral("live")));
    QVERIFY(pushManifestWithBlobs(source, repo, liveRef, QString()));
    QVERIFY(pushManifestWithBlobs(source, repo, fallback1, liveTag));
    QVERIFY(pushManifestWithBlobs(source, repo, doomed, QStringLiteral("doomed")));
    QVERIFY(pushManifestWithBlobs(source, repo, doomedRef, QString()));
    QVERIFY(pushManifestWithBlobs(source, repo, doomedFallback, doomed.digest.fallbackTag()));
    QVERIFY(pushManifestWithBlobs(source, repo, signature,
                                  cosigntags::tagFor(doomed.digest, cosigntags::Kind::Signature)));
    // The history sees the tags as they are.
    CliResult r = runCli({QStringLiteral("gc"), ref, QStringLiteral("--dry-run")});
    QVERIFY2(r.exitCode == 0, r.err.constData());

    QVERIFY(pushManifestWithBlobs(source, repo, b, QStringLiteral("latest")));
    QVERIFY(pushManifestWithBlobs(source, repo, newChild, QString()));
    QVERIFY(pushManifestWithBlobs(source, repo, newIndex, QStringLiteral("multi")));
    QVERIFY(pushManifestWithBlobs(source, repo, liveRef2, QString()));
    QVERIFY(pushManifestWithBlobs(source, repo, fallback2, liveTag));
    const auto deleted = waitFor<Done>([&](QObject *context, auto done) {
        return source->deleteManifest(repo, doomed.digest.toString(), context, done);
    });
    QVERIFY(deleted.ok());

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Dangling images and orphaned referrers of cleanup/*, not the replaced fallback index.
    const QString policyFile = dir.filePath(QStringLiteral("policy.json"));
    CleanupPolicy policy;
    policy.name = QStringLiteral("test");
    policy.classes = {CleanupClass::DanglingImage, CleanupClass::OrphanedReferrer};
    policy.repositories = {QStringLiteral("cleanup/*")};
    QVERIFY(policy.save(policyFile).ok());

    r = runCli({QStringLiteral("gc"), ref, QStringLiteral("--dry-run"), QStringLiteral("--policy"),
                policyFile, QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonArray dry = jsonArray(r.out);
    QSet<QString> selected;
    for (const QJsonValue &v : dry)
        if (v[QStringLiteral("selected")].toBool())
            selected.insert(v[QStringLiteral("digest")].toString());
    const QList<const BuiltManifest *> expectedGone{&a,         &oldIndex,       &oldChild,
                                                    &doomedRef, &doomedFallback, &signature};
    QSet<QString> expected;
    for (const BuiltManifest *m : expectedGone)
        expected.insert(m->digest.toString());
    QCOMPARE(selected, expected);
    // A reclaimable size for each: the manifest and blobs nothing else uses (a's config and
    // layer are its own).
    const auto dryByDigest = byDigest(dry);
    QVERIFY(dryByDigest.value(a.digest.toString())[QStringLiteral("reclaimable")].toInteger() >
            a.size());
    QCOMPARE(dryByDigest.value(fallback1.digest.toString())[QStringLiteral("selected")].toBool(),
             false);
    const QList<const BuiltManifest *> survivors{&b,       &newIndex, &newChild,  &live,
                                                 &liveRef, &liveRef2, &fallback1, &fallback2};
    for (const BuiltManifest *m : expectedGone)
        QVERIFY2(digestOf(source, repo, m->digest.toString()).ok(), "the dry run deleted");

    const QString backup = dir.filePath(QStringLiteral("backup"));
    const QString report = dir.filePath(QStringLiteral("report.json"));
    r = runCli({QStringLiteral("gc"), ref, QStringLiteral("--policy"), policyFile,
                QStringLiteral("--backup"), backup, QStringLiteral("--yes"),
                QStringLiteral("--report"), report});
    QVERIFY2(r.exitCode == 0, QByteArray(r.out + r.err).constData());
    QVERIFY2(r.out.contains("6 deleted"), r.out.constData());
    QVERIFY2(r.out.contains("registry garbage-collect"), r.out.constData());

    for (const BuiltManifest *m : expectedGone) {
        const auto gone = digestOf(source, repo, m->digest.toString());
        QVERIFY2(!gone.ok() && gone.error().kind == ErrorKind::NotFound,
                 qPrintable(m->digest.toString()));
    }
    for (const BuiltManifest *m : survivors)
        QVERIFY2(digestOf(source, repo, m->digest.toString()).ok(),
                 qPrintable(m->digest.toString()));
    QCOMPARE(digestOf(source, repo, QStringLiteral("latest")).value(), b.digest);
    QCOMPARE(digestOf(source, repo, QStringLiteral("multi")).value(), newIndex.digest);
    QCOMPARE(digestOf(source, repo, liveTag).value(), fallback2.digest);

    QFile reportFile(report);
    QVERIFY(reportFile.open(QIODevice::ReadOnly));
    const QJsonObject reportJson = QJsonDocument::fromJson(reportFile.readAll()).object();
    QCOMPARE(reportJson[QStringLiteral("deleted")].toInt(), 6);
    QCOMPARE(reportJson[QStringLiteral("backedUp")].toInt(), 6);
    QSet<QString> reported;
    for (const QJsonValue &v : reportJson[QStringLiteral("items")].toArray()) {
        QCOMPARE(v[QStringLiteral("state")].toString(), QStringLiteral("deleted"));
        reported.insert(v[QStringLiteral("digest")].toString());
    }
    QCOMPARE(reported, expected);

    // Other tools read every survivor byte for byte, and the backup too.
    const QString skopeo = QStandardPaths::findExecutable(QStringLiteral("skopeo"));
    const QString oras = fetchedToolPath(QStringLiteral("oras"));
    if (skopeo.isEmpty() || !QFileInfo(oras).isExecutable())
        QSKIP("skopeo (apt-get install skopeo) or oras (packaging/fetch-tools.sh) is missing");
    for (const BuiltManifest *m : survivors) {
        const QString at = ref + QLatin1Char('@') + m->digest.toString();
        const ProcessRun inspect = runProcess(
            skopeo, {QStringLiteral("inspect"), QStringLiteral("--raw"),
                     QStringLiteral("--tls-verify=false"), QStringLiteral("docker://") + at});
        QVERIFY2(inspect.exitCode == 0, inspect.err.constData());
        QCOMPARE(inspect.out, m->raw);
        const ProcessRun fetch =
            runProcess(oras, {QStringLiteral("manifest"), QStringLiteral("fetch"),
                              QStringLiteral("--plain-http"), at});
        QVERIFY2(fetch.exitCode == 0, fetch.err.constData());
        QCOMPARE(fetch.out, m->raw);
    }
    // skopeo checks every blob of what it copies: the survivors' blobs are all still there.
    const ProcessRun copied = runProcess(
        skopeo,
        {QStringLiteral("copy"), QStringLiteral("--all"), QStringLiteral("--src-tls-verify=false"),
         QStringLiteral("docker://") + ref + QStringLiteral(":multi"),
         QStringLiteral("oci:") + dir.filePath(QStringLiteral("multi")) + QStringLiteral(":m")});
    QVERIFY2(copied.exitCode == 0, copied.err.constData());
    for (const BuiltManifest *m : expectedGone) {
        const QString name = QStringLiteral("backup-") + m->digest.fallbackTag();
        const ProcessRun inspect =
            runProcess(skopeo, {QStringLiteral("inspect"), QStringLiteral("--raw"),
                                QStringLiteral("oci:%1:%2").arg(backup, name)});
        QVERIFY2(inspect.exitCode == 0, inspect.err.constData());
        QCOMPARE(inspect.out, m->raw);
        const ProcessRun fetch =
            runProcess(oras, {QStringLiteral("manifest"), QStringLiteral("fetch"),
                              QStringLiteral("--oci-layout"),
                              backup + QLatin1Char('@') + m->digest.toString()});
        QVERIFY2(fetch.exitCode == 0, fetch.err.constData());
        QCOMPARE(fetch.out, m->raw);
    }
    // The image's blobs are backed up too: skopeo copies it out of the layout, checking each.
    const ProcessRun restored =
        runProcess(skopeo, {QStringLiteral("copy"),
                            QStringLiteral("oci:%1:backup-%2").arg(backup, a.digest.fallbackTag()),
                            QStringLiteral("oci:") + dir.filePath(QStringLiteral("restored")) +
                                QStringLiteral(":a")});
    QVERIFY2(restored.exitCode == 0, restored.err.constData());
}

namespace {

/// Discovery of `repository` with `history` as evidence, the default policy applied.
Result<CleanupReport> discoverWithPolicy(ContentSource *source, const QString &repository,
                                         const QList<TagHistoryEntry> &history)
{
    CleanupDiscovery discovery(source);
    CleanupEvidence evidence;
    evidence.history = history;
    auto report = waitFor<CleanupReport>([&](QObject *context, auto done) {
        return discovery.discover(repository, evidence, CleanupDiscovery::Options{}, context, done);
    });
    if (report)
        CleanupPolicy().apply(report.value().candidates, repository,
                              QDateTime::currentDateTimeUtc());
    return report;
}

TagHistoryEntry movedAway(const QString &repository, const QString &tag, const Digest &digest)
{
    TagHistoryEntry e;
    e.repository = repository;
    e.tag = tag;
    e.digest = digest;
    e.firstSeen = QDateTime::currentDateTimeUtc().addDays(-3);
    e.lastSeen = QDateTime::currentDateTimeUtc().addDays(-1);
    return e;
}

} // namespace

void TestCleanup::runSkipsACandidateATagMovedOnto()
{
    OCULAR_TEST_REGISTRY(registry);
    auto stack = makeStack(registry.hostPort());
    QVERIFY(stack);
    ContentSource *source = stack->source();
    const QString repo = QStringLiteral("cleanup/race");
    const BuiltManifest old1 = image(QStringLiteral("old1")), old2 = image(QStringLiteral("old2")),
                        now = image(QStringLiteral("now"));
    QVERIFY(pushManifestWithBlobs(source, repo, old1, QString()));
    QVERIFY(pushManifestWithBlobs(source, repo, old2, QString()));
    QVERIFY(pushManifestWithBlobs(source, repo, now, QStringLiteral("latest")));
    const QList<TagHistoryEntry> history{movedAway(repo, QStringLiteral("latest"), old1.digest),
                                         movedAway(repo, QStringLiteral("latest"), old2.digest)};
    auto report = discoverWithPolicy(source, repo, history);
    QVERIFY2(report.ok(), qPrintable(report ? QString() : report.error().toString()));
    QList<CleanupCandidate> selected;
    for (const CleanupCandidate &c : report->candidates)
        if (c.selected)
            selected.append(c);
    QCOMPARE(selected.size(), 2);

    // Between the dry run and the delete, someone tags old1 again.
    QVERIFY(pushManifestWithBlobs(source, repo, old1, QStringLiteral("rollback")));

    CleanupExecutor executor(source);
    int progressed = 0;
    connect(&executor, &CleanupExecutor::progress, this,
            [&](int, int, const QString &) { ++progressed; });
    auto run = waitFor<CleanupRunReport>([&](QObject *context, auto done) {
        return executor.run(repo, selected, report->evidence, CleanupExecutor::Options{}, context,
                            done);
    });
    QVERIFY2(run.ok(), qPrintable(run ? QString() : run.error().toString()));
    QVERIFY(progressed >= 2);
    QCOMPARE(run->items.size(), 2);
    for (const CleanupRunReport::Item &item : run->items) {
        if (item.digest == old1.digest) {
            QCOMPARE(item.state, CleanupRunReport::Item::State::Skipped);
            QVERIFY2(item.reason.contains(QStringLiteral("rollback")), qPrintable(item.reason));
        } else {
            QCOMPARE(item.digest, old2.digest);
            QCOMPARE(item.state, CleanupRunReport::Item::State::Deleted);
        }
    }
    QCOMPARE(digestOf(source, repo, QStringLiteral("rollback")).value(), old1.digest);
    QVERIFY(!digestOf(source, repo, old2.digest.toString()).ok());
    QVERIFY(run->toText().contains(QStringLiteral("1 deleted")));
    QVERIFY(run->toCsv().contains("skipped"));
    QVERIFY(!run->storageNote.isEmpty());

    // Running it again: old2 is gone (reported so), old1 still tagged (skipped).
    run = waitFor<CleanupRunReport>([&](QObject *context, auto done) {
        return executor.run(repo, selected, report->evidence, CleanupExecutor::Options{}, context,
                            done);
    });
    QVERIFY(run.ok());
    QCOMPARE(run->count(CleanupRunReport::Item::State::Deleted), 0);
    QCOMPARE(run->count(CleanupRunReport::Item::State::Skipped) +
                 run->count(CleanupRunReport::Item::State::AlreadyGone),
             2);
}

void TestCleanup::cancelledRunReportsTheRest()
{
    OCULAR_TEST_REGISTRY(registry);
    auto stack = makeStack(registry.hostPort());
    QVERIFY(stack);
    ContentSource *source = stack->source();
    const QString repo = QStringLiteral("cleanup/cancel");
    QList<TagHistoryEntry> history;
    QList<BuiltManifest> olds;
    for (int i = 0; i < 6; ++i) {
        olds.append(image(QStringLiteral("cancel %1").arg(i)));
        QVERIFY(pushManifestWithBlobs(source, repo, olds.last(), QString()));
        history.append(movedAway(repo, QStringLiteral("latest"), olds.last().digest));
    }
    const BuiltManifest now = image(QStringLiteral("cancel now"));
    QVERIFY(pushManifestWithBlobs(source, repo, now, QStringLiteral("latest")));
    auto report = discoverWithPolicy(source, repo, history);
    QVERIFY(report.ok());
    QCOMPARE(report->candidates.size(), 6);

    // Paused: the check runs, no delete starts; cancelled while paused, every item is reported
    // not attempted and nothing is gone.
    CleanupExecutor executor(source);
    executor.setPaused(true);
    QString lastStep;
    connect(&executor, &CleanupExecutor::progress, this,
            [&](int, int, const QString &text) { lastStep = text; });
    std::optional<Result<CleanupRunReport>> result;
    QObject context;
    const RequestHandle handle =
        executor.run(repo, report->candidates, report->evidence, CleanupExecutor::Options{},
                     &context, [&](Result<CleanupRunReport> r) { result = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(lastStep.startsWith(QStringLiteral("Checking")), 20000);
    QTest::qWait(500);
    QVERIFY(!result);
    handle.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
    QVERIFY(result->ok());
    QVERIFY(result->value().cancelled);
    QCOMPARE(result->value().count(CleanupRunReport::Item::State::NotAttempted), 6);
    for (const BuiltManifest &m : olds)
        QVERIFY(digestOf(source, repo, m.digest.toString()).ok());

    // A run destroyed with its context delivers nothing, and a new run works afterwards.
    {
        QObject shortLived;
        executor.setPaused(false);
        bool called = false;
        executor.run(repo, report->candidates.mid(0, 1), report->evidence,
                     CleanupExecutor::Options{}, &shortLived,
                     [&](Result<CleanupRunReport>) { called = true; });
        QTest::qWait(0);
        QVERIFY(!called);
    }
    QTest::qWait(2000);
    auto again = waitFor<CleanupRunReport>([&](QObject *ctx, auto done) {
        return executor.run(repo, report->candidates.mid(1), report->evidence,
                            CleanupExecutor::Options{}, ctx, done);
    });
    QVERIFY2(again.ok(), qPrintable(again ? QString() : again.error().toString()));
    QCOMPARE(again->count(CleanupRunReport::Item::State::Deleted), 5);
}

QTEST_GUILESS_MAIN(TestCleanup)
#include "tst_cleanup.moc"
