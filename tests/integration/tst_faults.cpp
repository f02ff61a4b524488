// The fault table: a real docker-registry behind FaultProxy, one scripted fault per row,
// asserting what a user of RegistryClient sees (result, message, retries, requests, cache).

#include "cache/contentcache.h"
#include "content/mediatype.h"
#include "http/httpclient.h"
#include "registry/registryclient.h"
#include "support/asyncwait.h"
#include "support/faultproxy.h"
#include "support/testregistry.h"
#include "support/teststack.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

#include <functional>
#include <memory>
#include <optional>

using namespace ocular;
using test::FaultProxy;
using Action = FaultProxy::Action;

namespace {

const QString Repo = QStringLiteral("fault/app");
constexpr int MaxAttempts = 3;
constexpr int MaxRedirects = 5;
constexpr int TransferTimeoutMs = 1500;

/// What a scenario runs against the proxy.
enum class Op
{
    GetByTag,
    GetByDigest,
    Head,
    AllTags,
    Blob,
    Ping,
    Upload,
    PutManifest,
};

/// Everything a row can assert about the outcome.
struct Expect
{
    bool ok = true;
    ErrorKind kind = ErrorKind::Server;
    QString messageContains;
    int minAttempts = 1;
    int maxAttempts = 1;
    bool warning = false;
    int minMs = 0;
    int maxMs = 10000;
    int httpStatus = -1; ///< -1: not checked
    /// A second acceptable kind, where Qt's own handling of the fault varies with timing.
    std::optional<ErrorKind> orKind;
};

/// The seeded content the rows refer to.
struct Seed
{
    Digest manifest;
    Digest config;
    Digest layer;
    QByteArray manifestRaw;
    QStringList tags;
};

struct Scenario
{
    QString name;
    Op op;
    std::function<void(FaultProxy &, const Seed &)> script;
    Expect expect;
    /// Extra checks after the generic ones (requests seen, partial results, ...).
    std::function<void(FaultProxy &, const Seed &, const QStringList &progress)> check;
};

QString manifestPath()
{
    return QStringLiteral("^/v2/fault/app/manifests/");
}

QString tagsPath()
{
    return QStringLiteral("^/v2/fault/app/tags/list");
}

QString blobPath()
{
    return QStringLiteral("^/v2/fault/app/blobs/sha256:");
}

QByteArray httpDate(const QDateTime &when)
{
    return QLocale::c()
        .toString(when.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
        .toLatin1();
}

FaultProxy::Rule respond(const QByteArray &method, const QString &path, int status,
                         QList<QPair<QByteArray, QByteArray>> headers = {},
                         const QByteArray &body = {}, int times = -1)
{
    FaultProxy::Rule rule = FaultProxy::rule(method, path, Action::Respond);
    rule.status = status;
    rule.headers = std::move(headers);
    rule.body = body;
    rule.times = times;
    return rule;
}

FaultProxy::Rule make(const QByteArray &method, const QString &path, Action action, int times = -1)
{
    FaultProxy::Rule rule = FaultProxy::rule(method, path, action);
    rule.times = times;
    return rule;
}

Expect ok(int minAttempts = 1, int maxAttempts = 1)
{
    Expect e;
    e.minAttempts = minAttempts;
    e.maxAttempts = maxAttempts;
    return e;
}

Expect fails(ErrorKind kind, const QString &message, int minAttempts = 1, int maxAttempts = 1)
{
    Expect e;
    e.ok = false;
    e.kind = kind;
    e.messageContains = message;
    e.minAttempts = minAttempts;
    e.maxAttempts = maxAttempts;
    return e;
}

Expect withTime(Expect e, int minMs, int maxMs)
{
    e.minMs = minMs;
    e.maxMs = maxMs;
    return e;
}

Expect withWarning(Expect e)
{
    e.warning = true;
    return e;
}

Expect withStatus(Expect e, int status)
{
    e.httpStatus = status;
    return e;
}

QList<Scenario> scenarios()
{
    const QByteArray jsonErrors =
        R"({"errors":[{"code":"UNAVAILABLE","message":"backend is on fire"}]})";
    QList<Scenario> rows;
    auto add = [&rows](QString name, Op op, std::function<void(FaultProxy &, const Seed &)> script,
                       Expect expect,
                       std::function<void(FaultProxy &, const Seed &, const QStringList &)> check =
                           {}) {
        rows.append({std::move(name), op, std::move(script), std::move(expect), std::move(check)});
    };
    auto none = [](FaultProxy &, const Seed &) {};

    add(QStringLiteral("baseline get by tag"), Op::GetByTag, none, ok());
    add(QStringLiteral("baseline head"), Op::Head, none, ok());
    add(QStringLiteral("baseline tags"), Op::AllTags, none, ok());

    // --- slow and silent servers
    add(
        QStringLiteral("delay 400 ms"), Op::GetByTag,
        [](FaultProxy &p, const Seed &) {
            auto r = make("GET", manifestPath(), Action::Delay);
            r.delayMs = 400;
            p.addRule(r);
        },
        withTime(ok(), 380, 5000));
    add(
        QStringLiteral("silent past the transfer timeout"), Op::GetByTag,
        [](FaultProxy &p, const Seed &) {
            auto r = make("GET", manifestPath(), Action::Delay);
            r.delayMs = 60000;
            p.addRule(r);
        },
        withTime(fails(ErrorKind::Network, QStringLiteral("did not answer in time"), MaxAttempts,
                       MaxAttempts),
                 TransferTimeoutMs * MaxAttempts - 200, 15000));
    add(
        QStringLiteral("slow drip body completes"), Op::GetByTag,
        [](FaultProxy &p, const Seed &) {
            auto r = make("GET", manifestPath(), Action::SlowDrip);
            r.bytes = 64;
            r.intervalMs = 15;
            p.addRule(r);
        },
        withTime(ok(), 60, 10000));

    // --- broken connections
    add(
        QStringLiteral("drop mid-body once, retried"), Op::GetByTag,
        [](FaultProxy &p, const Seed &) {
            p.addRule(make("GET", manifestPath(), Action::DropMidBody, 1));
        },
        ok(2, 2));
    add(
        QStringLiteral("drop mid-body always"), Op::GetByTag,
        [](FaultProxy &p, const Seed &) {
            p.addRule(make("GET", manifestPath(), Action::DropMidBody));
        },
        fails(ErrorKind::Network, QStringLiteral("closed the connection"), MaxAttempts,
              MaxAttempts));
    add(
        QStringLiteral("reset once, retried"), Op::GetByTag,
        [](FaultProxy &p, const Seed &) {
            p.addRule(make("GET", manifestPath(), Action::Reset, 1));
        },
        ok(1, 2),
        [](FaultProxy &p, const Seed &, const QStringList &) {
            // Qt itself resends once when a connection dies before any response byte.
            QCOMPARE(p.requestCount(), 2);
        });
    add(
        QStringLiteral("reset always"), Op::Head,
        [](FaultProxy &p, const Seed &) { p.addRule(make("HEAD", manifestPath(), Action::Reset)); },
        fails(ErrorKind::Network, QString(), MaxAttempts, MaxAttempts),
        [](FaultProxy &p, const Seed &, const QStringList &) {
            QVERIFY(p.requestCount() <= 2 * MaxAttempts);
        });
    add(
        QStringLiteral("unterminated chunked tags"), Op::AllTags,
        [](FaultProxy &p, const Seed &) {
            p.addRule(make("GET", tagsPath(), Action::UnterminatedChunked));
        },
        // Depending on timing Qt reports the close (retried) or hands over the chunks it got
        // without an error; then the cut document must not parse.
        [] {
            Expect e = fails(ErrorKind::InvalidContent, QString(), 1, MaxAttempts);
            e.orKind = ErrorKind::Network;
            return e;
        }());

    // --- wrong answers that look right
    add(
        QStringLiteral("truncated by tag (consistent length)"), Op::GetByTag,
        [](FaultProxy &p, const Seed &) {
            p.addRule(make("GET", manifestPath(), Action::Truncate));
        },
        fails(ErrorKind::InvalidContent, QString()));
    add(
        QStringLiteral("truncated by digest"), Op::GetByDigest,
        [](FaultProxy &p, const Seed &) {
            p.addRule(make("GET", manifestPath(), Action::Truncate));
        },
        fails(ErrorKind::DigestMismatch, QStringLiteral("does not match the digest")));
    add(
        QStringLiteral("corrupt byte by digest"), Op::GetByDigest,
        [](FaultProxy &p, const Seed &) {
            p.addRule(make("GET", manifestPath(), Action::Corrupt));
        },
        fails(ErrorKind::DigestMismatch, QStringLiteral("was discarded")));
    add(
        QStringLiteral("corrupt byte by tag warns"), Op::GetByTag,
        [](FaultProxy &p, const Seed &) {
            p.addRule(make("GET", manifestPath(), Action::Corrupt));
        },
        withWarning(ok()));
    add(
        QStringLiteral("corrupt blob"), Op::Blob,
        [](FaultProxy &p, const Seed &) {
            auto r = make("GET", blobPath(), Action::Corrupt);
            p.addRule(r);
        },
        fails(ErrorKind::DigestMismatch, QStringLiteral("does not match its digest")));
    add(
        QStringLiteral("wrong Docker-Content-Digest by tag"), Op::GetByTag,
        [](FaultProxy &p, const Seed &) {
            auto r = make("GET", manifestPath(), Action::SetHeaders);
            r.headers = {{"Docker-Content-Digest", "sha256:" + QByteArray(64, 'a')}};
            p.addRule(r);
        },
        withWarning(ok()));
    add(
        QStringLiteral("wrong Docker-Content-Digest by digest (body verified)"), Op::GetByDigest,
        [](FaultProxy &p, const Seed &) {
            auto r = make("GET", manifestPath(), Action::SetHeaders);
            r.headers = {{"Docker-Content-Digest", "sha256:" + QByteArray(64, 'a')}};
            p.addRule(r);
        },
        ok());
    add(
        QStringLiteral("garbage Docker-Content-Digest on HEAD"), Op::Head,
        [](FaultProxy &p, const Seed &) {
            auto r = make("HEAD", manifestPath(), Action::SetHeaders);
            r.headers = {{"Docker-Content-Digest", "SHA256:NOT-A-DIGEST"}};
            p.addRule(r);
        },
        ok(),
        [](FaultProxy &, const Seed &, const QStringList &progress) {
            QCOMPARE(progress.value(0), QString()); // digest left invalid, not made up
        });
    add(
        QStringLiteral("Content-Type says index, document is a manifest"), Op::GetByTag,
        [](FaultProxy &p, const Seed &) {
            auto r = make("GET", manifestPath(), Action::SetHeaders);
            r.headers = {{"Content-Type", "application/vnd.oci.image.index.v1+json"}};
            p.addRule(r);
        },
        fails(ErrorKind::InvalidContent, QString()));
    add(
        QStringLiteral("generic Content-Type text/plain"), Op::GetByTag,
        [](FaultProxy &p, const Seed &) {
            auto r = make("GET", manifestPath(), Action::SetHeaders);
            r.headers = {{"Content-Type", "text/plain; charset=utf-8"}};
            p.addRule(r);
        },
        ok());

    // --- rate limits and server errors
    add(
        QStringLiteral("429 Retry-After seconds"), Op::GetByTag,
        [](FaultProxy &p, const Seed &) {
            p.addRule(respond("GET", manifestPath(), 429, {{"Retry-After", "1"}}, {}, 1));
        },
        withTime(ok(2, 2), 950, 6000));
    add(
        QStringLiteral("429 Retry-After HTTP-date"), Op::GetByTag,
        [](FaultProxy &p, const Seed &) {
            const QByteArray date = httpDate(QDateTime::currentDateTimeUtc().addSecs(2));
            p.addRule(respond("GET", manifestPath(), 429, {{"Retry-After", date}}, {}, 1));
        },
        withTime(ok(2, 2), 900, 6000));
    add(
        QStringLiteral("429 Retry-After beyond the cap: no wait"), Op::GetByTag,
        [](FaultProxy &p, const Seed &) {
            p.addRule(respond("GET", manifestPath(), 429, {{"Retry-After", "3600"}}));
        },
        withStatus(
            withTime(fails(ErrorKind::RateLimited, QStringLiteral("rate limiting")), 0, 2000),
            429));
    add(
        QStringLiteral("429 always, no Retry-After"), Op::Head,
        [](FaultProxy &p, const Seed &) { p.addRule(respond("HEAD", manifestPath(), 429)); },
        withStatus(fails(ErrorKind::RateLimited, QString(), MaxAttempts, MaxAttempts), 429));
    add(
        QStringLiteral("500 with registry error body"), Op::GetByTag,
        [jsonErrors](FaultProxy &p, const Seed &) {
            p.addRule(respond("GET", manifestPath(), 500, {{"Content-Type", "application/json"}},
                              jsonErrors));
        },
        withStatus(fails(ErrorKind::Server, QStringLiteral("backend is on fire"), MaxAttempts,
                         MaxAttempts),
                   500));
    add(
        QStringLiteral("502 once"), Op::GetByTag,
        [](FaultProxy &p, const Seed &) {
            p.addRule(respond("GET", manifestPath(), 502, {}, "bad gateway", 1));
        },
        ok(2, 2));
    add(
        QStringLiteral("503 twice then fine"), Op::Blob,
        [](FaultProxy &p, const Seed &) { p.addRule(respond("GET", blobPath(), 503, {}, {}, 2)); },
        ok(3, 3));
    add(
        QStringLiteral("503 always on ping"), Op::Ping,
        [](FaultProxy &p, const Seed &) {
            p.addRule(respond("GET", QStringLiteral("^/v2/$"), 503));
        },
        withStatus(
            fails(ErrorKind::Server, QStringLiteral("not available"), MaxAttempts, MaxAttempts),
            503));

    // --- oversized answers
    add(
        QStringLiteral("endless body"), Op::GetByTag,
        [](FaultProxy &p, const Seed &) {
            auto r = make("GET", manifestPath(), Action::EndlessBody);
            r.headers = {{"Content-Type", "application/vnd.oci.image.manifest.v1+json"}};
            p.addRule(r);
        },
        fails(ErrorKind::TooLarge, QStringLiteral("larger than the manifest size limit")),
        [](FaultProxy &p, const Seed &, const QStringList &) {
            // The client stopped reading near the 4 MiB cap instead of swallowing the stream.
            QVERIFY2(p.bytesSent() < 12 * 1024 * 1024, qPrintable(QString::number(p.bytesSent())));
        });
    add(
        QStringLiteral("5 MiB manifest"), Op::GetByTag,
        [](FaultProxy &p, const Seed &) {
            auto r = make("GET", manifestPath(), Action::HugeBody);
            r.bytes = 5 * 1024 * 1024;
            r.body = R"({"schemaVersion":2,"layers":[)";
            r.headers = {{"Content-Type", "application/vnd.oci.image.manifest.v1+json"}};
            p.addRule(r);
        },
        fails(ErrorKind::TooLarge, QStringLiteral("larger than the manifest size limit")));
    add(
        QStringLiteral("100 MiB error body"), Op::GetByTag,
        [](FaultProxy &p, const Seed &) {
            auto r = make("GET", manifestPath(), Action::HugeBody);
            r.status = 404;
            r.bytes = 100LL * 1024 * 1024;
            r.body = R"({"errors":[{"code":"MANIFEST_UNKNOWN","message":")";
            r.headers = {{"Content-Type", "application/json"}};
            p.addRule(r);
        },
        withStatus(withTime(fails(ErrorKind::NotFound, QStringLiteral("not found")), 0, 5000), 404),
        [](FaultProxy &p, const Seed &, const QStringList &) {
            QVERIFY2(p.bytesSent() < 12 * 1024 * 1024, qPrintable(QString::number(p.bytesSent())));
        });

    // --- where the server sends us
    add(
        QStringLiteral("Link to a foreign origin on page 2"), Op::AllTags,
        [](FaultProxy &p, const Seed &) {
            auto a = make("GET", QStringLiteral("tags/list\\?n=1000$"), Action::SetHeaders);
            a.headers = {{"Link", "</v2/fault/app/tags/list?n=1000&last=zz>; rel=\"next\""}};
            p.addRule(a);
            auto b = make("GET", QStringLiteral("last=zz$"), Action::SetHeaders);
            b.headers = {
                {"Link", "<http://203.0.113.9/v2/fault/app/tags/list?last=b>; rel=\"next\""}};
            p.addRule(b);
        },
        fails(ErrorKind::Refused, QStringLiteral("another host"), 2, 2),
        [](FaultProxy &p, const Seed &seed, const QStringList &progress) {
            // Page 1 reached the user before the refusal; the foreign host was never asked.
            QCOMPARE(progress.size(), seed.tags.size());
            QCOMPARE(p.requestCount(), 2);
        });
    add(
        QStringLiteral("Link to itself"), Op::AllTags,
        [](FaultProxy &p, const Seed &) {
            auto r = make("GET", tagsPath(), Action::SetHeaders);
            r.headers = {{"Link", "</v2/fault/app/tags/list?n=1000>; rel=\"next\""}};
            p.addRule(r);
        },
        ok(),
        [](FaultProxy &p, const Seed &, const QStringList &) { QCOMPARE(p.requestCount(), 1); });
    add(
        QStringLiteral("Links in a circle"), Op::AllTags,
        [](FaultProxy &p, const Seed &) {
            auto a = make("GET", QStringLiteral("tags/list\\?n=1000$"), Action::SetHeaders);
            a.headers = {{"Link", "</v2/fault/app/tags/list?n=1000&last=zz>; rel=\"next\""}};
            p.addRule(a);
            auto b = make("GET", QStringLiteral("last=zz$"), Action::SetHeaders);
            b.headers = {{"Link", "</v2/fault/app/tags/list?n=1000>; rel=\"next\""}};
            p.addRule(b);
        },
        fails(ErrorKind::InvalidContent, QStringLiteral("circle"), 2, 2),
        [](FaultProxy &p, const Seed &, const QStringList &) { QCOMPARE(p.requestCount(), 2); });
    add(
        QStringLiteral("redirect loop"), Op::GetByTag,
        [](FaultProxy &p, const Seed &) {
            p.addRule(make("GET", manifestPath(), Action::RedirectToSelf));
        },
        // Every redirect followed is an attempt; the loop ends at the redirect limit.
        fails(ErrorKind::Refused, QStringLiteral("redirect loop"), MaxRedirects + 1,
              MaxRedirects + 1),
        [](FaultProxy &p, const Seed &, const QStringList &) {
            QCOMPARE(p.requestCount(), MaxRedirects + 1);
        });
    add(
        QStringLiteral("redirect to file://"), Op::Blob,
        [](FaultProxy &p, const Seed &) {
            p.addRule(respond("GET", blobPath(), 307, {{"Location", "file:///etc/passwd"}}));
        },
        fails(ErrorKind::Refused, QStringLiteral("Refused to follow a redirect")));

    // --- writes are never repeated and leave nothing behind
    add(
        QStringLiteral("503 on upload POST: not retried"), Op::Upload,
        [](FaultProxy &p, const Seed &) {
            p.addRule(respond("POST", QStringLiteral("/blobs/uploads/"), 503));
        },
        withStatus(fails(ErrorKind::Server, QString(), 2, 2), 503),
        [](FaultProxy &p, const Seed &, const QStringList &) {
            QCOMPARE(p.countMatching("POST", QStringLiteral(".")), 1);
        });
    add(
        QStringLiteral("reset on manifest PUT: not retried"), Op::PutManifest,
        [](FaultProxy &p, const Seed &) { p.addRule(make("PUT", manifestPath(), Action::Reset)); },
        fails(ErrorKind::Network, QString()),
        [](FaultProxy &p, const Seed &, const QStringList &) {
            // Ocular never repeats it; Qt resends once on a connection that died before any
            // response byte (a manifest PUT is idempotent, so that is harmless).
            QVERIFY(p.countMatching("PUT", QStringLiteral(".")) <= 2);
        });
    return rows;
}

QJsonObject descriptor(const QString &mediaType, const QByteArray &bytes)
{
    return QJsonObject{{QStringLiteral("mediaType"), mediaType},
                       {QStringLiteral("digest"), Digest::sha256(bytes).toString()},
                       {QStringLiteral("size"), bytes.size()}};
}

} // namespace

class TestFaults : public QObject
{
    Q_OBJECT

private:
    /// One client stack per row, so no row inherits another's connections or counters.
    struct Stack
    {
        std::unique_ptr<RegistryStack> stack;
        HttpClient &http;
        ContentCache &cache;
        RegistryClient *client;

        explicit Stack(const QUrl &base, std::optional<int> slotsPerOrigin = {})
            : stack(test::makeStack(config(base, slotsPerOrigin)))
            , http(*stack->http())
            , cache(*stack->cache())
            , client(stack->client())
        {}

        static RegistryStackConfig config(const QUrl &base, std::optional<int> slotsPerOrigin)
        {
            RegistryStackConfig config = test::testStackConfig(base.toString());
            RetryPolicy policy;
            policy.maxAttempts = MaxAttempts;
            policy.baseDelayMs = 10;
            policy.maxDelayMs = 40;
            policy.maxRetryAfterMs = 3000;
            config.retryPolicy = policy;
            config.maxRedirects = MaxRedirects;
            config.transferTimeoutMs = TransferTimeoutMs;
            config.maxConcurrentPerOrigin = slotsPerOrigin;
            config.cache = RegistryStackConfig::Cache::Memory;
            config.cacheMemoryBytes = 8 * 1024 * 1024;
            config.maxPages = 50;
            return config;
        }
    };

    std::unique_ptr<test::TestRegistry> m_registry;
    std::unique_ptr<FaultProxy> m_proxy;
    Seed m_seed;

    void seed()
    {
        Stack direct(QUrl(m_registry->baseUrl()));
        const QByteArray config =
            R"({"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}})";
        QByteArray layer(3000, '\0');
        for (int i = 0; i < layer.size(); ++i)
            layer[i] = char((i * 7919) % 251);
        for (const QByteArray &blob : {config, layer}) {
            auto uploaded = test::waitFor<Digest>([&](QObject *ctx, auto done) {
                return direct.client->uploadBlob(Repo, blob, ctx, done);
            });
            QVERIFY2(uploaded.ok(), qPrintable(uploaded.error().toString()));
        }
        QJsonObject manifest{
            {QStringLiteral("schemaVersion"), 2},
            {QStringLiteral("mediaType"), QString(mediatype::OciManifest)},
            {QStringLiteral("config"), descriptor(mediatype::OciConfig, config)},
            {QStringLiteral("layers"), QJsonArray{descriptor(mediatype::OciLayerTar, layer)}}};
        m_seed.manifestRaw = QJsonDocument(manifest).toJson(QJsonDocument::Compact);
        m_seed.manifest = Digest::sha256(m_seed.manifestRaw);
        m_seed.config = Digest::sha256(config);
        m_seed.layer = Digest::sha256(layer);
        m_seed.tags = {QStringLiteral("v1"), QStringLiteral("v2"), QStringLiteral("latest")};
        for (const QString &tag : std::as_const(m_seed.tags)) {
            auto pushed = test::waitFor<PushedManifest>([&](QObject *ctx, auto done) {
                return direct.client->putManifest(Repo, tag, m_seed.manifestRaw,
                                                  mediatype::OciManifest, ctx, done);
            });
            QVERIFY2(pushed.ok(), qPrintable(pushed.error().toString()));
        }
    }

    /// Runs the row's operation; `detail` receives what the op can tell beyond ok/error.
    Result<Done> run(Op op, Stack &stack, QStringList *detail, QString *warning)
    {
        RegistryClient &c = *stack.client;
        auto toDone = [](const auto &result) -> Result<Done> {
            if (!result.ok())
                return result.error();
            return Done{};
        };
        switch (op) {
        case Op::GetByTag:
        case Op::GetByDigest: {
            const QString ref =
                op == Op::GetByTag ? QStringLiteral("v1") : m_seed.manifest.toString();
            auto r = test::waitFor<FetchedManifest>(
                [&](QObject *ctx, auto done) { return c.getManifest(Repo, ref, ctx, done); });
            if (r.ok()) {
                *warning = r->warning;
                if (op == Op::GetByDigest)
                    [&] { QCOMPARE(r->manifest.raw(), m_seed.manifestRaw); }();
            }
            return toDone(r);
        }
        case Op::Head: {
            auto r = test::waitFor<ManifestHead>([&](QObject *ctx, auto done) {
                return c.headManifest(Repo, QStringLiteral("v1"), ctx, done);
            });
            if (r.ok())
                *detail << (r->digest.isValid() ? r->digest.toString() : QString());
            return toDone(r);
        }
        case Op::AllTags: {
            auto r = test::waitFor<QStringList>([&](QObject *ctx, auto done) {
                return c.allTags(Repo, ctx, done,
                                 [detail](const QStringList &page) { *detail += page; });
            });
            if (r.ok()) {
                QStringList got = r.value();
                got.sort();
                QStringList want = m_seed.tags;
                want.sort();
                if (got != want)
                    return Error::make(ErrorKind::InvalidContent,
                                       QStringLiteral("wrong tags: ") + got.join(QLatin1Char(',')));
            }
            return toDone(r);
        }
        case Op::Blob: {
            auto r = test::waitFor<QByteArray>([&](QObject *ctx, auto done) {
                return c.getBlob(Repo, m_seed.layer, 1024 * 1024, ctx, done);
            });
            if (r.ok() && !m_seed.layer.matches(r.value()))
                return Error::make(ErrorKind::DigestMismatch,
                                   QStringLiteral("blob came back wrong"));
            return toDone(r);
        }
        case Op::Ping:
            return toDone(test::waitFor<PingResult>(
                [&](QObject *ctx, auto done) { return c.ping(ctx, done); }));
        case Op::Upload: {
            const QByteArray fresh =
                "never stored " + QByteArray::number(QDateTime::currentMSecsSinceEpoch());
            auto r = test::waitFor<Digest>(
                [&](QObject *ctx, auto done) { return c.uploadBlob(Repo, fresh, ctx, done); });
            // Nothing was written: the registry does not have the blob.
            Stack direct(QUrl(m_registry->baseUrl()));
            auto exists = test::waitFor<bool>([&](QObject *ctx, auto done) {
                return direct.client->blobExists(Repo, Digest::sha256(fresh), ctx, done);
            });
            if (!exists.ok() || exists.value())
                return Error::make(ErrorKind::Server, QStringLiteral("the blob was written"));
            return toDone(r);
        }
        case Op::PutManifest: {
            auto r = test::waitFor<PushedManifest>([&](QObject *ctx, auto done) {
                return c.putManifest(Repo, QStringLiteral("never-written"), m_seed.manifestRaw,
                                     mediatype::OciManifest, ctx, done);
            });
            Stack direct(QUrl(m_registry->baseUrl()));
            auto head = test::waitFor<ManifestHead>([&](QObject *ctx, auto done) {
                return direct.client->headManifest(Repo, QStringLiteral("never-written"), ctx,
                                                   done);
            });
            if (head.ok())
                return Error::make(ErrorKind::Server, QStringLiteral("the tag was written"));
            return toDone(r);
        }
        }
        return Error::make(ErrorKind::InvalidInput, QStringLiteral("unknown op"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_registry = std::make_unique<test::TestRegistry>();
        QVERIFY(m_registry->ok());
        seed();
        m_proxy = std::make_unique<FaultProxy>(QUrl(m_registry->baseUrl()));
        QVERIFY2(m_proxy->listen(), qPrintable(m_proxy->errorString()));
    }

    void init()
    {
        m_proxy->clearRules();
        // The HTTP layer and the registry client must not emit Qt warnings, whatever the server
        // does (QT_FATAL_WARNINGS for this test alone).
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    }

    void faultTable_data()
    {
        QTest::addColumn<int>("row");
        const QList<Scenario> rows = scenarios();
        for (int i = 0; i < rows.size(); ++i)
            QTest::addRow("%s", qPrintable(rows.at(i).name)) << i;
    }

    void faultTable()
    {
        QFETCH(int, row);
        const Scenario scenario = scenarios().at(row);
        scenario.script(*m_proxy, m_seed);
        Stack stack(m_proxy->baseUrl());
        QStringList detail;
        QString warning;
        QElapsedTimer clock;
        clock.start();
        const Result<Done> result = run(scenario.op, stack, &detail, &warning);
        const qint64 elapsed = clock.elapsed();
        const qint64 attempts = stack.http.attemptsStarted();
        // One line per row for the evidence table (grep FAULT| in the test log).
        qInfo().noquote() << QStringLiteral("FAULT| %1 | %2 | attempts %3 | requests %4 | %5 ms")
                                 .arg(scenario.name,
                                      result.ok()
                                          ? (warning.isEmpty()
                                                 ? QStringLiteral("ok")
                                                 : QStringLiteral("ok, warned: ") + warning)
                                          : errorKindName(result.error().kind) +
                                                QStringLiteral(": ") + result.error().toString())
                                 .arg(attempts)
                                 .arg(m_proxy->requestCount())
                                 .arg(elapsed);

        const Expect &e = scenario.expect;
        QVERIFY2(result.ok() == e.ok, qPrintable(result.ok() ? QStringLiteral("unexpected success")
                                                             : result.error().toString()));
        if (!e.ok) {
            if (!e.orKind || result.error().kind != *e.orKind)
                QCOMPARE(errorKindName(result.error().kind), errorKindName(e.kind));
            QVERIFY2(result.error().message.contains(e.messageContains, Qt::CaseInsensitive),
                     qPrintable(result.error().message));
            QVERIFY(!result.error().message.isEmpty());
            if (e.httpStatus >= 0)
                QCOMPARE(result.error().httpStatus, e.httpStatus);
        }
        QCOMPARE(!warning.isEmpty(), e.warning);
        QVERIFY2(attempts >= e.minAttempts && attempts <= e.maxAttempts,
                 qPrintable(QStringLiteral("%1 attempts").arg(attempts)));
        QVERIFY2(attempts <= MaxAttempts * 2, "retries out of bounds");
        QVERIFY2(elapsed >= e.minMs && elapsed <= e.maxMs,
                 qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
        // Nothing wrong is kept: a failed fetch leaves no cache entry behind.
        if (!result.ok()) {
            QVERIFY(!stack.cache.contains(m_seed.manifest));
            QVERIFY(!stack.cache.contains(m_seed.layer));
        }
        // No request is left running once the answer is in.
        QTRY_COMPARE_WITH_TIMEOUT(stack.http.pendingCount(), 0, 2000);
        QTRY_COMPARE_WITH_TIMEOUT(m_proxy->openConnections(), 0, 5000);
        if (scenario.check)
            scenario.check(*m_proxy, m_seed, detail);
    }

    // --- cancellation and teardown mid-flight

    void cancelMidFlight()
    {
        auto r = make("GET", manifestPath(), Action::Delay);
        r.delayMs = 3000;
        m_proxy->addRule(r);
        Stack stack(m_proxy->baseUrl());
        QElapsedTimer clock;
        clock.start();
        const auto result = test::waitFor<FetchedManifest>([&](QObject *ctx, auto done) {
            RequestHandle handle = stack.client->getManifest(Repo, QStringLiteral("v1"), ctx, done);
            QTimer::singleShot(200, ctx, [handle] { handle.cancel(); });
            return handle;
        });
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ErrorKind::Cancelled);
        QVERIFY2(clock.elapsed() < 2000, "cancel did not take effect promptly");
        QCOMPARE(stack.http.pendingCount(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_proxy->openConnections(), 0, 3000);
    }

    void cancelDuringEndlessSlowBody()
    {
        auto r = make("GET", blobPath(), Action::EndlessBody);
        r.bytes = 16;
        r.intervalMs = 20; // never idle long enough for the transfer timeout
        m_proxy->addRule(r);
        Stack stack(m_proxy->baseUrl());
        const auto result = test::waitFor<QByteArray>([&](QObject *ctx, auto done) {
            RequestHandle handle = stack.client->getBlob(Repo, m_seed.layer, 1 << 20, ctx, done);
            QTimer::singleShot(600, ctx, [handle] { handle.cancel(); });
            return handle;
        });
        QCOMPARE(result.error().kind, ErrorKind::Cancelled);
        QTRY_COMPARE_WITH_TIMEOUT(m_proxy->openConnections(), 0, 3000);
    }

    void cancelDuringRetryBackoff()
    {
        m_proxy->addRule(respond("GET", manifestPath(), 503));
        Stack stack(m_proxy->baseUrl());
        RetryPolicy slow = stack.http.retryPolicy();
        slow.baseDelayMs = 5000;
        slow.maxDelayMs = 5000;
        stack.http.setRetryPolicy(slow);
        QElapsedTimer clock;
        clock.start();
        const auto result = test::waitFor<FetchedManifest>([&](QObject *ctx, auto done) {
            RequestHandle handle = stack.client->getManifest(Repo, QStringLiteral("v1"), ctx, done);
            QTimer::singleShot(300, ctx, [handle] { handle.cancel(); });
            return handle;
        });
        QCOMPARE(result.error().kind, ErrorKind::Cancelled);
        QVERIFY(clock.elapsed() < 2000);
        QTest::qWait(200);
        QCOMPARE(stack.http.attemptsStarted(), 1); // the pending retry never started
        QCOMPARE(m_proxy->requestCount(), 1);
    }

    void destroyedContextGetsNoCallback()
    {
        auto r = make("", QStringLiteral("^/v2/"), Action::Delay);
        r.delayMs = 500;
        m_proxy->addRule(r);
        Stack stack(m_proxy->baseUrl());
        int callbacks = 0;
        {
            auto *panel = new QObject;
            auto count = [&callbacks](const auto &) { ++callbacks; };
            stack.client->getManifest(Repo, QStringLiteral("v1"), panel, count);
            stack.client->headManifest(Repo, QStringLiteral("v1"), panel, count);
            stack.client->allTags(Repo, panel, count,
                                  [&callbacks](const QStringList &) { ++callbacks; });
            stack.client->getBlob(Repo, m_seed.layer, 1 << 20, panel, count);
            stack.client->ping(panel, count);
            QTest::qWait(100);
            delete panel; // closing the panel
        }
        QTRY_COMPARE_WITH_TIMEOUT(stack.http.pendingCount(), 0, 2000);
        QTRY_COMPARE_WITH_TIMEOUT(m_proxy->openConnections(), 0, 3000);
        QTest::qWait(700); // past the proxy's delay: late answers would arrive now
        QCOMPARE(callbacks, 0);
    }

    void switchingRegistryMidFlight()
    {
        auto r = make("", QStringLiteral("^/v2/fault/"), Action::Delay);
        r.delayMs = 400;
        m_proxy->addRule(r);
        int callbacks = 0;
        QObject panel;
        {
            auto stack = std::make_unique<Stack>(m_proxy->baseUrl());
            auto count = [&callbacks](const auto &) { ++callbacks; };
            for (int i = 0; i < 8; ++i)
                stack->client->headManifest(Repo, QStringLiteral("v1"), &panel, count);
            stack->client->getManifest(Repo, m_seed.manifest.toString(), &panel, count);
            QTest::qWait(100);
            // The user picks another registry: the whole client stack goes away.
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_proxy->openConnections(), 0, 3000);
        QTest::qWait(600);
        QCOMPARE(callbacks, 0);
    }

    void clientDestroyedFromItsOwnCallback()
    {
        m_proxy->addRule(respond("GET", manifestPath(), 404));
        auto stack = std::make_unique<Stack>(m_proxy->baseUrl());
        bool called = false;
        QObject panel;
        stack->client->getManifest(Repo, QStringLiteral("v1"), &panel,
                                   [&](const Result<FetchedManifest> &result) {
                                       called = true;
                                       QVERIFY(!result.ok());
                                       stack.reset(); // e.g. the error closes the registry
                                   });
        QTRY_VERIFY_WITH_TIMEOUT(called, 5000);
        QTest::qWait(50); // let any deferred deletion run
        QVERIFY(!stack);
    }

    void concurrencyIsBounded()
    {
        auto r = make("HEAD", manifestPath(), Action::Delay);
        r.delayMs = 100;
        m_proxy->addRule(r);
        Stack stack(m_proxy->baseUrl(), 3);
        int done = 0;
        int peak = 0;
        QObject panel;
        for (int i = 0; i < 15; ++i)
            stack.client->headManifest(Repo, QStringLiteral("v1"), &panel,
                                       [&](const Result<ManifestHead> &result) {
                                           QVERIFY(result.ok());
                                           ++done;
                                       });
        QElapsedTimer clock;
        clock.start();
        while (done < 15 && clock.elapsed() < 10000) {
            peak = qMax(peak, m_proxy->openConnections());
            QTest::qWait(5);
        }
        QCOMPARE(done, 15);
        QVERIFY2(peak <= 3, qPrintable(QString::number(peak)));
        QVERIFY(peak >= 2);
        QCOMPARE(m_proxy->requestCount(), 15);
    }

    void cleanupTestCase()
    {
        m_proxy.reset();
        m_registry.reset();
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
