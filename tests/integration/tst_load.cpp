// Load and endurance against the real docker-registry.
//   manifestHeads: OCULAR_LOAD_REQUESTS manifest HEADs, bounded concurrency; no failure,
//                  nothing left pending, flat memory. 2,000 by default (about 10 s, part of the
//                  normal suite); the full 20,000 (about 110 s on the 2-core CI machine) run with
//                  `OCULAR_TEST_LOAD=1 bash packaging/run-tests.sh` or OCULAR_LOAD_REQUESTS=20000.
//   soak:          only when OCULAR_SOAK_SECONDS is set (e.g. 600; not in CI): browses,
//                  refreshes and cancels in a loop and reports memory growth.

#include "cache/contentcache.h"
#include "content/mediatype.h"
#include "http/httpclient.h"
#include "registry/registryclient.h"
#include "support/asyncwait.h"
#include "support/testregistry.h"
#include "support/teststack.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <memory>

using namespace ocular;

namespace {

const QString Repo = QStringLiteral("load/app");

/// Resident set size of this process in KiB (Linux), 0 when unknown.
qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

constexpr bool underAddressSanitizer()
{
#if defined(__SANITIZE_ADDRESS__)
    return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    return true;
#else
    return false;
#endif
#else
    return false;
#endif
}

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok ? value : fallback;
}

} // namespace

class TestLoad : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestRegistry> m_registry;
    std::unique_ptr<RegistryStack> m_stack;
    HttpClient *m_http = nullptr;
    RegistryClient *m_client = nullptr;
    Digest m_manifest;
    Digest m_layer;
    QStringList m_tags;

private Q_SLOTS:
    void initTestCase()
    {
        m_registry = std::make_unique<test::TestRegistry>();
        QVERIFY(m_registry->ok());
        RegistryStackConfig stackConfig = test::testStackConfig(m_registry->baseUrl());
        stackConfig.retryPolicy.reset(); // the product's retry timing: this measures the product
        stackConfig.maxConcurrentPerOrigin = 6;
        m_stack = test::makeStack(stackConfig);
        QVERIFY(m_stack);
        m_http = m_stack->http();
        m_client = m_stack->client();

        const QByteArray config = "{\"architecture\":\"amd64\",\"os\":\"linux\"}";
        const QByteArray layer(4096, 'L');
        for (const QByteArray &blob : {config, layer}) {
            auto uploaded = test::waitFor<Digest>([&](QObject *ctx, auto done) {
                return m_client->uploadBlob(Repo, blob, ctx, done);
            });
            QVERIFY2(uploaded.ok(), qPrintable(uploaded.error().toString()));
        }
        auto descriptor = [](const QString &type, const QByteArray &bytes) {
            return QJsonObject{{QStringLiteral("mediaType"), type},
                               {QStringLiteral("digest"), Digest::sha256(bytes).toString()},
                               {QStringLiteral("size"), bytes.size()}};
        };
        const QByteArray raw =
            QJsonDocument(
                QJsonObject{{QStringLiteral("schemaVersion"), 2},
                            {QStringLiteral("mediaType"), QString(mediatype::OciManifest)},
                            {QStringLiteral("config"), descriptor(mediatype::OciConfig, config)},
                            {QStringLiteral("layers"),
                             QJsonArray{descriptor(mediatype::OciLayerTar, layer)}}})
                .toJson(QJsonDocument::Compact);
        m_manifest = Digest::sha256(raw);
        m_layer = Digest::sha256(layer);
        for (int i = 0; i < 20; ++i) {
            const QString tag = QStringLiteral("t%1").arg(i);
            auto pushed = test::waitFor<PushedManifest>([&](QObject *ctx, auto done) {
                return m_client->putManifest(Repo, tag, raw, mediatype::OciManifest, ctx, done);
            });
            QVERIFY2(pushed.ok(), qPrintable(pushed.error().toString()));
            m_tags << tag;
        }
    }

    void manifestHeads()
    {
        const int total = envInt("OCULAR_LOAD_REQUESTS", 2000);
        constexpr int Window = 64; // what a panel keeps in flight; HttpClient caps at 6
        int started = 0;
        int finished = 0;
        int failures = 0;
        QString firstFailure;
        qint64 baselineKiB = 0;
        QObject context;
        std::function<void()> launch;
        launch = [&] {
            const QString tag = m_tags.at(started % m_tags.size());
            ++started;
            m_client->headManifest(Repo, tag, &context, [&](Result<ManifestHead> result) {
                ++finished;
                if (!result.ok() || !(result->digest == m_manifest)) {
                    if (++failures == 1)
                        firstFailure = result.ok() ? QStringLiteral("wrong digest")
                                                   : result.error().toString();
                }
                if (finished == qMin(2000, total / 10))
                    baselineKiB = residentKiB(); // after warm-up: caches, pools, connections
                if (started < total)
                    launch();
            });
        };
        const qint64 attemptsBefore = m_http->attemptsStarted();
        QElapsedTimer clock;
        clock.start();
        const qint64 startKiB = residentKiB();
        for (int i = 0; i < Window && started < total; ++i)
            launch();
        QTRY_COMPARE_WITH_TIMEOUT(finished, total, 600000);
        const qint64 elapsed = clock.elapsed();
        const qint64 endKiB = residentKiB();
        QTRY_COMPARE_WITH_TIMEOUT(m_http->pendingCount(), 0, 2000);
        qInfo().noquote() << QStringLiteral("LOAD| %1 HEADs in %2 ms (%3/s), %4 failures, "
                                            "RSS start %5 KiB, after warm-up %6 KiB, end %7 KiB")
                                 .arg(total)
                                 .arg(elapsed)
                                 .arg(elapsed > 0 ? total * 1000 / elapsed : 0)
                                 .arg(failures)
                                 .arg(startKiB)
                                 .arg(baselineKiB)
                                 .arg(endKiB);
        QVERIFY2(failures == 0, qPrintable(firstFailure));
        // No retries were needed, and none were hidden: one attempt per HEAD.
        QCOMPARE(m_http->attemptsStarted() - attemptsBefore, qint64(total));
        // Flat memory: what the remaining 90% of requests add must stay small. Not under
        // AddressSanitizer: its quarantine keeps freed memory resident by design (LeakSanitizer
        // checks for leaks there instead).
        if (baselineKiB > 0 && !underAddressSanitizer())
            QVERIFY2(endKiB - baselineKiB < 16 * 1024,
                     qPrintable(QStringLiteral("grew by %1 KiB").arg(endKiB - baselineKiB)));
    }

    void soak()
    {
        const int seconds = envInt("OCULAR_SOAK_SECONDS", 0);
        if (seconds <= 0)
            QSKIP("set OCULAR_SOAK_SECONDS (e.g. 600) to run the soak test");
        ContentCache cache(QString(), 16 * 1024 * 1024);
        m_client->setCache(&cache);
        QElapsedTimer clock;
        clock.start();
        const qint64 startKiB = residentKiB();
        qint64 warmKiB = 0;
        qint64 rounds = 0;
        qint64 cancels = 0;
        qint64 failures = 0;
        qint64 nextReport = 30000;
        auto *random = QRandomGenerator::global();
        while (clock.elapsed() < seconds * 1000LL) {
            // One "panel" per round: browse, open, refresh, and sometimes close it mid-flight.
            auto panel = std::make_unique<QObject>();
            int pending = 0;
            auto count = [&pending, &failures](const auto &result) {
                --pending;
                if (!result.ok() && result.error().kind != ErrorKind::Cancelled)
                    ++failures;
            };
            ++pending;
            m_client->allTags(Repo, panel.get(), count);
            const QString tag = m_tags.at(int(rounds % m_tags.size()));
            for (int i = 0; i < 3; ++i) {
                ++pending;
                m_client->getManifest(Repo, tag, panel.get(), count);
            }
            ++pending;
            m_client->getManifest(Repo, m_manifest.toString(), panel.get(), count);
            ++pending;
            RequestHandle blob = m_client->getBlob(Repo, m_layer, 1 << 20, panel.get(), count);
            const quint32 dice = random->bounded(4);
            if (dice == 0) {
                blob.cancel();
                ++cancels;
            }
            if (dice == 1) {
                QTest::qWait(int(random->bounded(5)));
                panel.reset(); // closing the panel: nothing may be delivered into it
                ++cancels;
            } else {
                QTRY_VERIFY_WITH_TIMEOUT(pending == 0, 30000);
            }
            QTRY_COMPARE_WITH_TIMEOUT(m_http->pendingCount(), 0, 30000);
            ++rounds;
            if (rounds == 200)
                warmKiB = residentKiB();
            if (clock.elapsed() > nextReport) {
                qInfo().noquote() << QStringLiteral("SOAK| %1 s, %2 rounds, RSS %3 KiB")
                                         .arg(clock.elapsed() / 1000)
                                         .arg(rounds)
                                         .arg(residentKiB());
                nextReport += 30000;
            }
        }
        m_client->setCache(nullptr);
        const qint64 endKiB = residentKiB();
        qInfo().noquote() << QStringLiteral("SOAK| done: %1 s, %2 rounds, %3 cancels, %4 "
                                            "failures, RSS start %5 KiB, warm %6 KiB, end %7 KiB, "
                                            "growth after warm-up %8 KiB")
                                 .arg(clock.elapsed() / 1000)
                                 .arg(rounds)
                                 .arg(cancels)
                                 .arg(failures)
                                 .arg(startKiB)
                                 .arg(warmKiB)
                                 .arg(endKiB)
                                 .arg(warmKiB > 0 ? endKiB - warmKiB : 0);
        QCOMPARE(failures, 0);
        if (warmKiB > 0 && !underAddressSanitizer())
            QVERIFY2(endKiB - warmKiB < 32 * 1024, "memory keeps growing");
    }
};

QTEST_GUILESS_MAIN(TestLoad)
#include "tst_load.moc"
