// Cleanup discovery against a real docker-registry: the tag history the CLI records and
// prints, the scan of the registry's filesystem storage, and the gc dry run's classes.
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
#include "support/tempenv.h"
#include "support/testregistry.h"
#include "support/teststack.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
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
    const ContentBlob config{
        QStringLiteral("{\"architecture\":\"amd64\",\"os\":\"linux\",\"salt\":\"%1\"}")
            .arg(salt)
            .toUtf8(),
        QString(mediatype::OciConfig)};
    const ContentBlob layer{(QStringLiteral("layer ") + salt).toUtf8(),
                            QString(mediatype::OciLayerTarGzip)};
    return ManifestBuilder().image(QString(mediatype::OciManifest), config, {{layer, {}}}).value();
}

BuiltManifest referrer(const BuiltManifest &subject, const QString &salt)
{
    ManifestBuilder::Artifact a;
    a.artifactType = QStringLiteral("application/vnd.example.sbom");
    a.files.append({salt.toUtf8(), QStringLiteral("application/json"), salt, {}, {}, 0});
    a.subject = subject.descriptor();
    return ManifestBuilder().artifact(a).value();
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
    QCOMPARE(classOf(candidates, fallback1), QStringLiteral("replaced fallback index"));
    QCOMPARE(classOf(candidates, doomedRef), QStringLiteral("orphaned referrer"));
    QCOMPARE(classOf(candidates, doomedFallback), QStringLiteral("orphaned referrer"));
    QCOMPARE(classOf(candidates, signature), QStringLiteral("orphaned referrer"));
    QCOMPARE(classOf(candidates, child), QStringLiteral("child of tagged index"));
    QCOMPARE(classOf(candidates, liveRef), QStringLiteral("referrer of live subject"));
    QCOMPARE(classOf(candidates, liveRef2), QStringLiteral("referrer of live subject"));
    QVERIFY(!candidates.contains(doomed.digest.toString())); // gone
    QVERIFY(!candidates.contains(unseen.digest.toString())); // only the storage knows it
    for (const QJsonValue &v : array)
        QCOMPARE(v[QStringLiteral("selected")].toBool(true), false);

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

    r = runCli({QStringLiteral("gc"), ref, QStringLiteral("--dry-run")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.startsWith("DIGEST"));
    QVERIFY(r.out.contains("dangling image"));
    QVERIFY(r.out.contains("nothing was selected or deleted"));

    // The dry runs deleted nothing.
    for (const BuiltManifest *m : {&a, &b, &child, &liveRef, &fallback1, &doomedRef, &unseen}) {
        const auto still = digestOf(source, repo, m->digest.toString());
        QVERIFY2(still.ok(), qPrintable(m->digest.toString()));
    }
    QCOMPARE(digestOf(source, repo, QStringLiteral("latest")).value(), b.digest);

    // gc without --dry-run is refused (it deletes nothing yet), as is a tag.
    QCOMPARE(runCli({QStringLiteral("gc"), ref}).exitCode, 2);
    QCOMPARE(
        runCli({QStringLiteral("gc"), ref + QStringLiteral(":latest"), QStringLiteral("--dry-run")})
            .exitCode,
        2);
}

QTEST_GUILESS_MAIN(TestCleanup)
#include "tst_cleanup.moc"
