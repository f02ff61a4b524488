// ocular-bench: timings of the operations that decide whether Ocular feels fast, measured
// against a local docker-registry it starts itself (or one given with --registry).
//
//   ocular-bench [--tags 20000] [--resolve 2000] [--registry HOST:PORT] [--per-origin N]
//   ocular-bench --lanes [--tags 2000]   (only the interactive-during-audit latency)
//
// Not run in CI (it takes minutes); built so it keeps compiling.

#include "content/manifest.h"
#include "demo/demoseeder.h"
#include "demo/registryprocess.h"
#include "http/httpclient.h"
#include "panels/inspectorpanel.h"
#include "registry/registryclient.h"
#include "source/contentsource.h"
#include "stack/registrystack.h"
#include "support/asyncwait.h"
#include "views/contentview.h"
#include "views/jsonformatter.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <memory>

#include <cstdio>

using namespace ocular;
using ocular::test::waitFor;

namespace {

struct Row
{
    QString operation;
    qint64 count = 0;
    double ms = 0;
    QString note;
};

QList<Row> g_rows;

void record(const QString &operation, qint64 count, double ms, const QString &note = {})
{
    g_rows.append({operation, count, ms, note});
    std::fprintf(stderr, "  %s: %.1f ms\n", qPrintable(operation), ms);
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

void printTable()
{
    int width = 9;
    for (const Row &r : g_rows)
        width = qMax(width, int(r.operation.size()));
    std::printf("\n%-*s  %8s  %10s  %12s  %s\n", width, "operation", "count", "wall ms",
                "per-item µs", "note");
    std::printf("%s\n", QByteArray(width + 48, '-').constData());
    for (const Row &r : g_rows) {
        const double perItem = r.count > 0 ? r.ms * 1000.0 / double(r.count) : 0;
        std::printf("%-*s  %8lld  %10.1f  %12.1f  %s\n", width, qPrintable(r.operation),
                    static_cast<long long>(r.count), r.ms, perItem, qPrintable(r.note));
    }
    std::fflush(stdout);
}

/// Measures the longest gap between 2 ms timer ticks while `run` is in progress: how long the
/// GUI thread was blocked.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setInterval(2);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.elapsed();
            m_maxGap = qMax(m_maxGap, now - m_last);
            m_last = now;
        });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_maxGap = 0;
        m_timer.start();
    }
    qint64 stop()
    {
        m_timer.stop();
        return qMax(m_maxGap, m_clock.elapsed() - m_last);
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_maxGap = 0;
};

/// Runs the event loop until `done` is true or the timeout passes.
bool spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype index =
        qBound<qsizetype>(0, qsizetype(p * double(values.size() - 1) + 0.5), values.size() - 1);
    return values.at(index);
}

/// One interactive manifest GET, timed.
double timedGet(RegistryClient &client, const QString &repo, const QString &tag,
                RequestPriority priority)
{
    CallOptions options;
    options.priority = priority;
    QElapsedTimer t;
    t.start();
    const auto fetched = waitFor<FetchedManifest>(
        [&](QObject *ctx, auto done) { return client.getManifest(repo, tag, ctx, done, options); },
        600000);
    return fetched ? msSince(t) : -1;
}

/// Latency of a manifest GET (the user's click) while an audit-like burst of background HEADs
/// runs, against its idle latency in the same run; and the same GET sent at Background
/// priority, which waits its turn like one FIFO per origin would make it.
bool measureLanes(RegistryClient &client, HttpClient &http, const QString &repo,
                  const QStringList &tags, int burst)
{
    const QString clicked = tags.value(tags.size() / 2);
    QList<double> idle;
    for (int i = 0; i < 20; ++i)
        idle << timedGet(client, repo, clicked, RequestPriority::Interactive);
    record(QStringLiteral("lanes: idle GET (median)"), 20, percentile(idle, 0.5),
           QStringLiteral("p95 %1 ms").arg(percentile(idle, 0.95), 0, 'f', 1));

    auto runBurst = [&](RequestPriority getPriority, QList<double> &latencies, double &burstMs) {
        int remaining = burst;
        int failures = 0;
        QObject context;
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < burst; ++i)
            client.headManifest(repo, tags.at(i % tags.size()), &context,
                                [&remaining, &failures](Result<ManifestHead> head) {
                                    failures += head ? 0 : 1;
                                    --remaining;
                                });
        // Clicks one after another for as long as the audit runs (at least one).
        do {
            latencies << timedGet(client, repo, clicked, getPriority);
        } while (remaining > 0 && getPriority == RequestPriority::Interactive);
        spinUntil([&] { return remaining == 0; }, 600000);
        burstMs = msSince(t);
        return failures == 0 && http.pendingCount() == 0;
    };
    QList<double> busy;
    double burstMs = 0;
    if (!runBurst(RequestPriority::Interactive, busy, burstMs))
        return false;
    record(QStringLiteral("lanes: %1 background HEADs").arg(burst), burst, burstMs,
           QStringLiteral("all queued at once"));
    record(QStringLiteral("lanes: Interactive GET during burst (median)"), busy.size(),
           percentile(busy, 0.5),
           QStringLiteral("p95 %1 ms, max %2 ms, %3 clicks")
               .arg(percentile(busy, 0.95), 0, 'f', 1)
               .arg(percentile(busy, 1.0), 0, 'f', 1)
               .arg(busy.size()));
    QList<double> fifo;
    double fifoBurstMs = 0;
    if (!runBurst(RequestPriority::Background, fifo, fifoBurstMs))
        return false;
    record(QStringLiteral("lanes: same GET at Background (FIFO)"), 1, fifo.value(0),
           QStringLiteral("queued behind the burst"));
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ocular-bench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Ocular performance benchmark"));
    parser.addHelpOption();
    const QCommandLineOption tagsOption(QStringLiteral("tags"),
                                        QStringLiteral("Tags to push and list (20000)."),
                                        QStringLiteral("n"), QStringLiteral("20000"));
    const QCommandLineOption resolveOption(QStringLiteral("resolve"),
                                           QStringLiteral("Tags whose digest to resolve (2000)."),
                                           QStringLiteral("n"), QStringLiteral("2000"));
    const QCommandLineOption registryOption(
        QStringLiteral("registry"),
        QStringLiteral("Use this registry (host:port) instead of starting docker-registry."),
        QStringLiteral("host"));
    const QCommandLineOption perOriginOption(
        QStringLiteral("per-origin"), QStringLiteral("HTTP requests in flight per origin (6)."),
        QStringLiteral("n"), QStringLiteral("6"));
    const QCommandLineOption lanesOption(
        QStringLiteral("lanes"),
        QStringLiteral("Only measure an interactive GET while 2000 background HEADs run (tags "
                       "default to 2000)."));
    parser.addOptions({tagsOption, resolveOption, registryOption, perOriginOption, lanesOption});
    parser.process(app);
    const bool lanesOnly = parser.isSet(lanesOption);
    const int tagCount =
        lanesOnly && !parser.isSet(tagsOption) ? 2000 : qMax(1, parser.value(tagsOption).toInt());
    const int resolveCount = qBound(1, parser.value(resolveOption).toInt(), tagCount);

    RegistryProcess process;
    QString host = parser.value(registryOption);
    if (host.isEmpty()) {
        std::fprintf(stderr, "Starting docker-registry...\n");
        const auto started = process.start();
        if (!started) {
            std::fprintf(stderr, "ocular-bench: %s\n", qPrintable(started.error().toString()));
            return 1;
        }
        host = process.hostPort();
    }
    std::fprintf(stderr, "Registry: %s\n", qPrintable(host));
    const auto endpoint = RegistryEndpoint::parse(host);
    if (!endpoint) {
        std::fprintf(stderr, "ocular-bench: %s\n", qPrintable(endpoint.error().toString()));
        return 2;
    }
    // The product's wiring, as the bench always had it: anonymous, default retries, no cache,
    // the slots per origin from --per-origin.
    RegistryStackConfig config;
    config.endpoint = endpoint.value();
    config.anonymousOnly = true;
    config.maxConcurrentPerOrigin = parser.value(perOriginOption).toInt();
    auto created = RegistryStack::create(config);
    if (!created) {
        std::fprintf(stderr, "ocular-bench: %s\n", qPrintable(created.error().toString()));
        return 2;
    }
    const std::unique_ptr<RegistryStack> stack = std::move(created).value();
    RegistryClient &client = *stack->client();
    HttpClient &http = *stack->http();
    ContentSource &target = *stack->source();
    DemoSeeder seeder;
    const QString repo = QStringLiteral("bench/tags");

    // 1. Push the tags (setup, but worth knowing: it is what `seed` costs per tag).
    {
        QElapsedTimer t;
        t.start();
        auto seeded = waitFor<DemoSummary>(
            [&](QObject *ctx, auto done) {
                return seeder.seedTags(&target, repo, tagCount, ctx, done);
            },
            3600 * 1000);
        if (!seeded) {
            std::fprintf(stderr, "ocular-bench: seeding tags: %s\n",
                         qPrintable(seeded.error().toString()));
            return 1;
        }
        record(QStringLiteral("push tags (setup)"), tagCount, msSince(t),
               QStringLiteral("manifest PUT per tag"));
    }

    // 2. List every tag.
    QStringList tags;
    {
        QElapsedTimer t;
        t.start();
        auto listed = waitFor<QStringList>(
            [&](QObject *ctx, auto done) { return client.allTags(repo, ctx, done); }, 600000);
        const double ms = msSince(t);
        if (!listed || listed->size() != tagCount) {
            std::fprintf(stderr, "ocular-bench: listing tags failed or incomplete (%lld)\n",
                         listed ? static_cast<long long>(listed->size()) : -1LL);
            return 1;
        }
        tags = listed.value();
        record(QStringLiteral("list tags"), tagCount, ms, QStringLiteral("allTags, Link pages"));
    }
    if (lanesOnly) {
        const bool ok = measureLanes(client, http, repo, tags, 2000);
        printTable();
        return ok ? 0 : 1;
    }

    // 3. Resolve digests of many tags with HEAD, all requested at once; HttpClient bounds
    //    what is in flight per origin.
    {
        tags.sort();
        int remaining = resolveCount;
        int failures = 0;
        QObject context;
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < resolveCount; ++i) {
            client.headManifest(repo, tags.at(i), &context,
                                [&remaining, &failures](Result<ManifestHead> head) {
                                    if (!head || !head->digest.isValid())
                                        ++failures;
                                    --remaining;
                                });
        }
        if (!spinUntil([&] { return remaining == 0; }, 600000) || failures > 0) {
            std::fprintf(stderr, "ocular-bench: resolving digests: %d failed\n", failures);
            return 1;
        }
        record(QStringLiteral("resolve tag digests (HEAD)"), resolveCount, msSince(t),
               QStringLiteral("%1 per origin").arg(parser.value(perOriginOption)));
    }

    // 4. The 3 MiB index: seed the demo content (few extra tags), then open it.
    auto demo = waitFor<DemoSummary>(
        [&](QObject *ctx, auto done) {
            seeder.setManyTagCount(10);
            return seeder.seed(&target, ctx, done);
        },
        600000);
    if (!demo) {
        std::fprintf(stderr, "ocular-bench: seeding demo: %s\n",
                     qPrintable(demo.error().toString()));
        return 1;
    }
    const Digest bigDigest = demo->digests.value(demokey::BigIndex);
    const QString bigRepo = QStringLiteral("demo/big-index");
    const QString size = QStringLiteral("%1 KiB").arg(demo->bigIndexBytes / 1024);
    QByteArray raw;
    {
        QElapsedTimer t;
        t.start();
        auto fetched = waitFor<FetchedManifest>([&](QObject *ctx, auto done) {
            return client.getManifest(bigRepo, bigDigest.toString(), ctx, done);
        });
        if (!fetched) {
            std::fprintf(stderr, "ocular-bench: %s\n", qPrintable(fetched.error().toString()));
            return 1;
        }
        raw = fetched->manifest.raw();
        record(QStringLiteral("fetch + verify + parse 3 MiB index"), 1, msSince(t), size);
    }
    const int entries = [&] {
        auto parsed = Manifest::parse(raw);
        return parsed ? int(parsed->manifests().size()) : 0;
    }();
    {
        QElapsedTimer t;
        t.start();
        auto parsed = Manifest::parse(raw);
        record(QStringLiteral("core: parse 3 MiB index"), entries, msSince(t),
               QStringLiteral("per entry"));
    }
    {
        QElapsedTimer t;
        t.start();
        const auto pretty = JsonFormatter::pretty(raw);
        record(QStringLiteral("ui: pretty-print 3 MiB index"), 1, msSince(t),
               QStringLiteral("%1 lines").arg(pretty ? pretty->count(QLatin1Char('\n')) : 0));
    }
    {
        ContentView view;
        view.resize(900, 700);
        view.show();
        bool ready = false;
        QObject::connect(&view, &ContentView::contentReady, &view, [&ready] { ready = true; });
        StallMeter stall;
        QElapsedTimer t;
        stall.start();
        t.start();
        view.showJson(raw);
        const bool ok = spinUntil([&] { return ready; }, 300000);
        const double ms = msSince(t);
        const qint64 gap = stall.stop();
        record(QStringLiteral("ui: ContentView pretty+highlight"), 1, ms,
               ok ? QStringLiteral("GUI max stall %1 ms").arg(gap) : QStringLiteral("TIMED OUT"));
    }
    {
        // The Raw tab: compact JSON is one 3 MiB line, laid out when the document is adopted.
        ContentView view;
        view.resize(900, 700);
        view.show();
        bool ready = false;
        QObject::connect(&view, &ContentView::contentReady, &view, [&ready] { ready = true; });
        StallMeter stall;
        QElapsedTimer t;
        stall.start();
        t.start();
        view.showRaw(raw);
        const bool ok = spinUntil([&] { return ready; }, 300000);
        const double ms = msSince(t);
        const qint64 gap = stall.stop();
        record(QStringLiteral("ui: ContentView raw (one long line)"), 1, ms,
               ok ? QStringLiteral("GUI max stall %1 ms").arg(gap) : QStringLiteral("TIMED OUT"));
    }
    {
        InspectorPanel panel;
        panel.resize(1000, 800);
        panel.show();
        panel.setSource(&target);
        StallMeter stall;
        QElapsedTimer t;
        stall.start();
        t.start();
        panel.showDigest(bigRepo, bigDigest);
        // Ready when both text views have their documents (started once the manifest arrived).
        const bool ok = spinUntil(
            [&] {
                return panel.selection().manifest.has_value() && !panel.jsonView()->isPreparing() &&
                       !panel.rawView()->isPreparing() &&
                       panel.jsonView()->document()->characterCount() > 1000;
            },
            300000);
        const double ms = msSince(t);
        const qint64 gap = stall.stop();
        record(QStringLiteral("ui: open 3 MiB index in inspector"), 1, ms,
               ok ? QStringLiteral("fetch to highlighted; GUI max stall %1 ms").arg(gap)
                  : QStringLiteral("TIMED OUT"));
    }

    printTable();
    if (process.isRunning())
        std::fprintf(stderr,
                     "\nStopping docker-registry and removing its storage (%lld+ tag "
                     "directories; slow on a busy disk)...\n",
                     static_cast<long long>(tagCount));
    return 0;
}
