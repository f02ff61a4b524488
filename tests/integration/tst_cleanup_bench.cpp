// Benchmark: cleanup discovery over a repository with 5,000 tags and 2,000 referrers in a real
// docker-registry (500 tags moved away, 200 subjects deleted under their SBOMs), against the
// same number of plain HEADs in the same run. Prints requests, wall time and memory; asserts
// the classes only (timings are for people). Labelled "bench": run with `ctest -L bench`.
// OCULAR_BENCH_TAGS shrinks it (the referrers scale with it).
#include "support/asyncwait.h"
#include "support/testmanifests.h"
#include "support/testregistry.h"
#include "support/teststack.h"

#include "cleanup/cleanupdiscovery.h"
#include "content/mediatype.h"
#include "registry/registryclient.h"
#include "source/contentsource.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace ocular;
using ocular::test::compact;
using ocular::test::waitFor;

namespace {

/// The peak resident set of this process in KiB (Linux), 0 when unknown.
qint64 peakResidentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return 0;
}

/// Runs `start(i, done)` for i in [0, count) with `width` in flight; the number that failed.
int pumped(int count, int width, const std::function<void(int, std::function<void(bool)>)> &start)
{
    QEventLoop loop;
    int next = 0, inFlight = 0, failures = 0;
    std::function<void()> pump = [&] {
        while (inFlight < width && next < count) {
            ++inFlight;
            start(next++, [&](bool ok) {
                failures += ok ? 0 : 1;
                --inFlight;
                pump();
            });
        }
        if (inFlight == 0 && next >= count)
            loop.quit();
    };
    QMetaObject::invokeMethod(&loop, pump, Qt::QueuedConnection);
    loop.exec();
    return failures;
}

} // namespace

class TestCleanupBench : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void discovery()
    {
        const int tags = qEnvironmentVariableIntValue("OCULAR_BENCH_TAGS") > 0
                             ? qEnvironmentVariableIntValue("OCULAR_BENCH_TAGS")
                             : 5000;
        const int referred = tags * 2 / 5, moved = tags / 10, orphaned = tags / 25;
        OCULAR_TEST_REGISTRY(registry);
        auto stack = test::makeStack(registry.hostPort());
        QVERIFY(stack);
        RegistryClient &client = *stack->client();
        const QString repo = QStringLiteral("bench/cleanup");
        const QByteArray config = "{\"architecture\":\"amd64\",\"os\":\"linux\"}";
        const QByteArray layer = "bench layer", empty = "{}",
                         sbomBlob = "{\"spdxVersion\":\"SPDX-2.3\"}";
        for (const QByteArray &blob : {config, layer, empty, sbomBlob})
            QVERIFY(waitFor<Digest>([&](QObject *ctx, auto done) {
                        return client.uploadBlob(repo, blob, ctx, done);
                    }).ok());
        auto image = [&](const QString &salt) {
            return compact(QJsonObject{
                {QStringLiteral("schemaVersion"), 2},
                {QStringLiteral("mediaType"), QString(mediatype::OciManifest)},
                {QStringLiteral("config"), test::descriptor(QString(mediatype::OciConfig), config)},
                {QStringLiteral("layers"),
                 QJsonArray{test::descriptor(QString(mediatype::OciLayerTarGzip), layer)}},
                {QStringLiteral("annotations"), QJsonObject{{QStringLiteral("n"), salt}}}});
        };
        struct Put
        {
            QString reference;
            QByteArray raw;
        };
        QList<Put> first, second, fallback;
        QList<Digest> subjects;
        CleanupEvidence evidence;
        for (int i = 0; i < tags; ++i) {
            const QString tag = QStringLiteral("tag-%1").arg(i, 5, 10, QLatin1Char('0'));
            const QByteArray raw = image(QString::number(i));
            first.append({tag, raw});
            if (i < moved) {
                // A tag the history saw on an older build.
                const QByteArray old = image(QStringLiteral("old %1").arg(i));
                second.prepend({tag, old});
                TagHistoryEntry h;
                h.repository = repo;
                h.tag = tag;
                h.digest = Digest::sha256(old);
                h.firstSeen = h.lastSeen = QDateTime::currentDateTimeUtc().addDays(-2);
                evidence.history.append(h);
            }
            if (i >= tags - referred) {
                const QByteArray sbom = compact(QJsonObject{
                    {QStringLiteral("schemaVersion"), 2},
                    {QStringLiteral("mediaType"), QString(mediatype::OciManifest)},
                    {QStringLiteral("artifactType"), QString(mediatype::SpdxJson)},
                    {QStringLiteral("config"),
                     test::descriptor(QString(mediatype::OciEmpty), empty)},
                    {QStringLiteral("layers"),
                     QJsonArray{test::descriptor(QString(mediatype::SpdxJson), sbomBlob)}},
                    {QStringLiteral("subject"),
                     test::descriptor(QString(mediatype::OciManifest), raw)}});
                QJsonObject entry = test::descriptor(QString(mediatype::OciManifest), sbom);
                entry.insert(QStringLiteral("artifactType"), QString(mediatype::SpdxJson));
                first.append({Digest::sha256(sbom).toString(), sbom});
                fallback.append({Digest::sha256(raw).fallbackTag(),
                                 compact(QJsonObject{
                                     {QStringLiteral("schemaVersion"), 2},
                                     {QStringLiteral("mediaType"), QString(mediatype::OciIndex)},
                                     {QStringLiteral("manifests"), QJsonArray{entry}}})});
                subjects.append(Digest::sha256(raw));
            }
        }
        // The old builds first, then what the tags name now, then the fallback indexes.
        QElapsedTimer timer;
        timer.start();
        for (const QList<Put> *phase : {&second, &first, &fallback}) {
            const int failures = pumped(int(phase->size()), 8, [&](int i, auto done) {
                const QString type = phase == &fallback ? QString(mediatype::OciIndex)
                                                        : QString(mediatype::OciManifest);
                client.putManifest(repo, phase->at(i).reference, phase->at(i).raw, type, this,
                                   [done](Result<PushedManifest> r) { done(r.ok()); });
            });
            QCOMPARE(failures, 0);
        }
        // Subjects deleted under their SBOMs: orphaned referrers and fallback indexes.
        QCOMPARE(pumped(orphaned, 8,
                        [&](int i, auto done) {
                            client.deleteManifest(repo, subjects.at(i).toString(), this,
                                                  [done](Result<Done> r) { done(r.ok()); });
                        }),
                 0);
        qInfo("seeded %d tags, %d referrers, %d moved, %d subjects deleted in %lld ms", tags,
              referred, moved, orphaned, timer.elapsed());

        CleanupDiscovery discovery(stack->source());
        const qint64 requestsBefore = stack->http()->attemptsStarted();
        const qint64 residentBefore = peakResidentKiB();
        timer.restart();
        auto report = waitFor<CleanupReport>(
            [&](QObject *ctx, auto done) {
                return discovery.discover(repo, evidence, CleanupDiscovery::Options{}, ctx, done);
            },
            900000);
        const qint64 ms = timer.elapsed();
        QVERIFY2(report.ok(), qPrintable(report ? QString() : report.error().toString()));
        const qint64 requests = stack->http()->attemptsStarted() - requestsBefore;
        QHash<CleanupClass, int> classes;
        for (const CleanupCandidate &c : report->candidates)
            ++classes[c.kind];
        QCOMPARE(classes.value(CleanupClass::DanglingImage), moved);
        QCOMPARE(classes.value(CleanupClass::OrphanedReferrer), 2 * orphaned);
        QCOMPARE(classes.value(CleanupClass::ReferrerOfLiveSubject), referred - orphaned);

        // The same number of plain HEADs, for what the registry itself takes.
        QElapsedTimer heads;
        heads.start();
        QCOMPARE(pumped(int(requests), 6,
                        [&](int i, auto done) {
                            // Tags whose subject stayed (none of the deleted ones).
                            const QString tag = QStringLiteral("tag-%1").arg(
                                i % (tags - referred), 5, 10, QLatin1Char('0'));
                            client.headManifest(repo, tag, this,
                                                [done](Result<ManifestHead> r) { done(r.ok()); });
                        }),
                 0);
        const qint64 headMs = heads.elapsed();
        qInfo("cleanup discovery of %d tags and %d referrers: %lld ms, %lld HTTP requests "
              "(%.2f per tag), %lld candidates; %lld plain HEADs: %lld ms (ratio %.2f); peak RSS "
              "%lld -> %lld KiB",
              tags, referred, ms, requests, double(requests) / tags,
              qint64(report->candidates.size()), requests, headMs,
              headMs > 0 ? double(ms) / double(headMs) : 0.0, residentBefore, peakResidentKiB());
    }
};

QTEST_GUILESS_MAIN(TestCleanupBench)
#include "tst_cleanup_bench.moc"
