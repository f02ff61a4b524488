// HttpClient's scheduler lanes against real docker-registries: a token service on the
// registry's own origin (Harbor /service/token, Quay /v2/auth) with every slot challenged at
// once; a token the registry stops accepting mid-burst, renewed once per scope; an interactive
// request answered before thousands of queued background HEADs; slots given back during a
// retry backoff; the origin pausing after a 429.
//
// One origin in front of two servers is the FaultProxy with a route: /token goes to the real
// token issuer (RS256 tokens docker-registry verifies), everything else to docker-registry.
#include "support/asyncwait.h"
#include "support/faultproxy.h"
#include "support/testca.h"
#include "support/testregistry.h"
#include "support/teststack.h"
#include "support/testtokenserver.h"

#include "auth/registryauthenticator.h"
#include "auth/staticcredentialsource.h"
#include "content/mediatype.h"
#include "http/httpclient.h"
#include "registry/registryclient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ocular;
using ocular::test::FaultProxy;
using ocular::test::waitFor;

namespace {

const QString User = QStringLiteral("laneuser");
const QString Password = QStringLiteral("lane-Pw-5ca1ab1e");
const QString Repo = QStringLiteral("team/app");
const QString PullScope = QStringLiteral("repository:team/app:pull");

/// The product's stack for @p baseUrl with @p credentials (may be null) as the only ones and
/// @p slotsPerOrigin when given. HttpClient's own retry policy unless @p retryPolicy.
std::unique_ptr<RegistryStack> makeLaneStack(const QString &baseUrl, CredentialSource *credentials,
                                             std::optional<int> slotsPerOrigin = {},
                                             std::optional<RetryPolicy> retryPolicy = {})
{
    RegistryStackConfig config = test::testStackConfig(baseUrl);
    if (credentials)
        config.credentialSources = {credentials};
    config.maxConcurrentPerOrigin = slotsPerOrigin;
    config.retryPolicy = retryPolicy;
    return test::makeStack(config);
}

RetryPolicy fastRetries()
{
    RetryPolicy fast;
    fast.baseDelayMs = 20;
    return fast;
}

/// A client stack for one test case (fresh token cache, fresh slots).
struct Rig
{
    Rig(const QString &baseUrl, CredentialSource *credentials,
        std::optional<int> slotsPerOrigin = {})
        : stack(makeLaneStack(baseUrl, credentials, slotsPerOrigin, fastRetries()))
        , http(*stack->http())
        , auth(*stack->authenticator())
        , client(*stack->client())
    {}
    std::unique_ptr<RegistryStack> stack;
    HttpClient &http;
    RegistryAuthenticator &auth;
    RegistryClient &client;
};

/// Counts answers of many concurrent calls.
struct Burst
{
    int done = 0;
    int failed = 0;
    QStringList errors;
    void record(bool ok, const QString &why)
    {
        ++done;
        if (!ok) {
            ++failed;
            if (errors.size() < 5)
                errors << why;
        }
    }
};

bool spinUntil(const std::function<bool()> &condition, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

/// Pushes an artifact manifest (empty config, no layers) and returns its digest.
Result<Digest> pushSmallManifest(RegistryClient &client, const QString &repository,
                                 const QString &tag)
{
    const QByteArray config = "{}";
    auto configDigest = waitFor<Digest>(
        [&](QObject *ctx, auto done) { return client.uploadBlob(repository, config, ctx, done); });
    if (!configDigest)
        return configDigest.error();
    const QJsonObject manifest{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), QString(mediatype::OciManifest)},
        {QStringLiteral("artifactType"), QStringLiteral("application/vnd.ocular.lanes")},
        {QStringLiteral("config"),
         QJsonObject{{QStringLiteral("mediaType"), QString(mediatype::OciEmpty)},
                     {QStringLiteral("digest"), configDigest->toString()},
                     {QStringLiteral("size"), config.size()}}},
        {QStringLiteral("layers"), QJsonArray()}};
    const QByteArray raw = QJsonDocument(manifest).toJson(QJsonDocument::Compact);
    auto pushed = waitFor<PushedManifest>([&](QObject *ctx, auto done) {
        return client.putManifest(repository, tag, raw, mediatype::OciManifest, ctx, done);
    });
    if (!pushed)
        return pushed.error();
    return pushed->digest;
}

} // namespace

class TestSchedulerLanes : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TestCa> m_ca;
    std::unique_ptr<test::TestTokenServer> m_tokens;
    std::unique_ptr<FaultProxy> m_front; ///< the one origin: /token and the registry
    std::unique_ptr<test::TestRegistry> m_tokenRegistry;
    StaticCredentialSource m_credentials;
    Digest m_digest;

    QString front() const { return m_front->baseUrl().toString(); }

private Q_SLOTS:
    void initTestCase()
    {
        m_ca = std::make_unique<test::TestCa>();
        QVERIFY2(m_ca->ok(), qPrintable(m_ca->errorMessage()));
        test::TestTokenServer::Options options;
        options.username = User;
        options.password = Password;
        m_tokens = std::make_unique<test::TestTokenServer>(m_ca.get(), options);
        QVERIFY2(m_tokens->start(false), qPrintable(m_tokens->errorMessage()));

        // The proxy must listen first: the registry's realm names it.
        m_front = std::make_unique<FaultProxy>(QUrl());
        QVERIFY2(m_front->listen(), qPrintable(m_front->errorString()));
        m_front->addRoute(QStringLiteral("^/token"), QUrl(m_tokens->realm()));
        RegistryProcess::Options registry;
        registry.tokenAuth = m_tokens->registryConfig();
        registry.tokenAuth->realm = front() + QStringLiteral("/token");
        m_tokenRegistry = std::make_unique<test::TestRegistry>(registry);
        QVERIFY(m_tokenRegistry->ok());
        m_front->setUpstream(QUrl(m_tokenRegistry->baseUrl()));
        m_credentials.set(m_front->hostPort(),
                          Credentials{User, Password, false, QStringLiteral("test login")});

        Rig rig(front(), &m_credentials);
        const auto pushed = pushSmallManifest(rig.client, Repo, QStringLiteral("v1"));
        QVERIFY2(pushed.ok(), qPrintable(pushed.ok() ? QString() : pushed.error().toString()));
        m_digest = pushed.value();
    }

    void cleanupTestCase()
    {
        m_tokenRegistry.reset();
        m_front.reset();
    }

    // Every slot of the origin gets a 401 at the same moment; the token request goes to the
    // same origin. With one FIFO per origin the challenged requests kept their slots and the
    // token request waited behind them forever.
    void sameOriginRealmWithEverySlotChallenged_data()
    {
        QTest::addColumn<int>("slots");
        QTest::addColumn<int>("requests");
        QTest::addRow("6 slots, 24 requests") << 6 << 24;
        QTest::addRow("1 slot, 8 requests") << 1 << 8;
    }

    void sameOriginRealmWithEverySlotChallenged()
    {
        QFETCH(int, slots);
        QFETCH(int, requests);
        m_tokens->clear();
        m_front->clearRules();
        Rig rig(front(), &m_credentials, slots);
        Burst burst;
        QObject context;
        for (int i = 0; i < requests; ++i) {
            rig.client.headManifest(Repo, QStringLiteral("v1"), &context,
                                    [&](Result<ManifestHead> head) {
                                        burst.record(head.ok() && head->digest == m_digest,
                                                     head.ok() ? QStringLiteral("wrong digest")
                                                               : head.error().toString());
                                    });
        }
        QVERIFY2(spinUntil([&] { return burst.done == requests; }, 20000),
                 qPrintable(QStringLiteral("%1 of %2 answered; %3 pending in the client")
                                .arg(burst.done)
                                .arg(requests)
                                .arg(rig.http.pendingCount())));
        QVERIFY2(burst.failed == 0, qPrintable(burst.errors.join(QLatin1Char('\n'))));
        // One token for the one scope, fetched on the registry's own origin.
        QCOMPARE(m_tokens->grants().size(), 1);
        QCOMPARE(m_front->countMatching("GET", QStringLiteral("^/token")), 1);
        // Requests queued while the token was on its way waited for it instead of collecting
        // the same challenge: at most one 401 per slot.
        const int manifestRequests =
            m_front->countMatching("HEAD", QStringLiteral("^/v2/team/app/manifests/"));
        QVERIFY2(manifestRequests <= requests + slots,
                 qPrintable(QString::number(manifestRequests)));
        QCOMPARE(rig.http.pendingCount(), 0);
    }

    // The registry stops accepting the token in use (revocation, clock skew) while a burst is
    // in flight: some 401s come back at once, others only after the new token has arrived.
    // One new token for the scope, not one per refused request.
    void tokenRejectedMidBurstIsRenewedOncePerScope()
    {
        m_tokens->clear();
        m_front->clearRules();
        Rig rig(front(), &m_credentials);
        QVERIFY(waitFor<ManifestHead>([&](QObject *ctx, auto done) {
                    return rig.client.headManifest(Repo, QStringLiteral("v1"), ctx, done);
                }).ok());
        QCOMPARE(m_tokens->grants().size(), 1);
        const QByteArray bearer = rig.auth.authorization(m_front->baseUrl(), PullScope);
        QVERIFY(bearer.startsWith("Bearer "));
        const QByteArray oldToken = bearer.mid(7);

        const QByteArray challenge = "Bearer realm=\"" + front().toUtf8() + "/token\",service=\"" +
                                     m_tokens->registryConfig().service.toUtf8() + "\",scope=\"" +
                                     PullScope.toUtf8() + "\",error=\"invalid_token\"";
        FaultProxy::Rule fast = FaultProxy::rule("HEAD", QStringLiteral("^/v2/team/app/manifests/"),
                                                 FaultProxy::Action::Respond);
        fast.status = 401;
        fast.headers = {{"WWW-Authenticate", challenge}, {"Content-Type", "application/json"}};
        fast.body = R"({"errors":[{"code":"UNAUTHORIZED","message":"token revoked"}]})";
        fast.headerName = "Authorization";
        fast.headerContains = oldToken;
        fast.times = 3;
        FaultProxy::Rule slow = fast;
        slow.times = -1;
        slow.delayMs = 600; // answers after the renewed token is in the cache
        m_front->addRule(fast);
        const int slowRule = m_front->addRule(slow);

        m_tokens->clear();
        const int requests = 40;
        Burst burst;
        QObject context;
        for (int i = 0; i < requests; ++i) {
            rig.client.headManifest(Repo, QStringLiteral("v1"), &context,
                                    [&](Result<ManifestHead> head) {
                                        burst.record(head.ok() && head->digest == m_digest,
                                                     head.ok() ? QStringLiteral("wrong digest")
                                                               : head.error().toString());
                                    });
        }
        QVERIFY2(spinUntil([&] { return burst.done == requests; }, 20000),
                 qPrintable(QStringLiteral("%1 of %2 answered").arg(burst.done).arg(requests)));
        QVERIFY2(burst.failed == 0, qPrintable(burst.errors.join(QLatin1Char('\n'))));
        QVERIFY2(m_front->hits(slowRule) > 0, "no 401 came back after the renewal");
        QCOMPARE(m_tokens->grants().size(), 1);
        QCOMPARE(rig.auth.tokenRequests(), 2);
        QVERIFY(rig.auth.authorization(m_front->baseUrl(), PullScope) != bearer);
    }

    // A 429 pauses the whole server, its token lane included: a request challenged during
    // the pause waits for it to end before it asks for a token on the same origin.
    void tokenRequestsWaitOutTheOrigins429()
    {
        m_tokens->clear();
        m_front->clearRules();
        Rig rig(front(), &m_credentials, 2);
        FaultProxy::Rule limited = FaultProxy::rule(
            "HEAD", QStringLiteral("^/v2/team/app/manifests/"), FaultProxy::Action::Respond);
        limited.status = 429;
        limited.headers = {{"Retry-After", "2"}};
        limited.times = 1;
        // The other request reaches the registry late and comes back challenged mid-pause.
        FaultProxy::Rule late = FaultProxy::rule("HEAD", QStringLiteral("^/v2/team/app/manifests/"),
                                                 FaultProxy::Action::Delay);
        late.delayMs = 300;
        late.times = 1;
        const int limitedRule = m_front->addRule(limited);
        const int lateRule = m_front->addRule(late);

        Burst burst;
        QObject context;
        for (int i = 0; i < 2; ++i)
            rig.client.headManifest(Repo, QStringLiteral("v1"), &context,
                                    [&](Result<ManifestHead> head) {
                                        burst.record(head.ok() && head->digest == m_digest,
                                                     head.ok() ? QStringLiteral("wrong digest")
                                                               : head.error().toString());
                                    });
        QVERIFY(spinUntil([&] { return m_front->hits(limitedRule) == 1; }, 5000));
        QVERIFY(spinUntil([&] { return m_front->hits(lateRule) == 1; }, 5000));
        QTest::qWait(650); // the challenge is back; the pause has more than a second left
        QCOMPARE(m_front->countMatching("GET", QStringLiteral("^/token")), 0);
        QVERIFY(rig.http.coolDownRemainingMs(m_front->baseUrl()) > 0);
        QVERIFY2(spinUntil([&] { return burst.done == 2; }, 10000),
                 qPrintable(QString::number(burst.done)));
        QVERIFY2(burst.failed == 0, qPrintable(burst.errors.join(QLatin1Char('\n'))));
        QCOMPARE(m_front->countMatching("GET", QStringLiteral("^/token")), 1);
    }

    // A manifest click while an audit has 5,000 HEADs queued: answered after at most a few
    // of them (the ones already in flight), not after all of them. The second row sends the
    // same GET at Background priority: FIFO within a lane, so it waits its turn (and shows
    // the bound of the first row would fail with one FIFO per origin).
    void interactiveGetBeforeQueuedBackgroundHeads_data()
    {
        QTest::addColumn<int>("priority");
        QTest::addColumn<int>("minHeadsBefore");
        QTest::addColumn<int>("maxHeadsBefore");
        // The ones in flight, plus those the other slots finish while the GET is answered.
        QTest::addRow("interactive jumps the queue")
            << int(RequestPriority::Interactive) << 0 << 50;
        QTest::addRow("background waits its turn")
            << int(RequestPriority::Background) << 4990 << 5000;
    }

    void interactiveGetBeforeQueuedBackgroundHeads()
    {
        QFETCH(int, priority);
        QFETCH(int, minHeadsBefore);
        QFETCH(int, maxHeadsBefore);
        OCULAR_TEST_REGISTRY(registry);
        const auto stack = makeLaneStack(registry.baseUrl(), nullptr);
        QVERIFY(stack);
        HttpClient &http = *stack->http();
        RegistryClient &client = *stack->client();
        const auto pushed = pushSmallManifest(client, Repo, QStringLiteral("v1"));
        QVERIFY(pushed.ok());

        const int heads = 5000;
        Burst burst;
        QObject context;
        for (int i = 0; i < heads; ++i) {
            client.headManifest(
                Repo, QStringLiteral("v1"), &context, [&](Result<ManifestHead> head) {
                    burst.record(head.ok(), head.ok() ? QString() : head.error().toString());
                });
        }
        QVERIFY(http.queuedCount(client.endpoint().baseUrl) > heads - 10);
        int headsBefore = -1;
        bool fetched = false;
        CallOptions options;
        options.priority = RequestPriority(priority);
        client.getManifest(
            Repo, QStringLiteral("v1"), &context,
            [&](Result<FetchedManifest> manifest) {
                fetched = manifest.ok();
                headsBefore = burst.done;
            },
            options);
        QVERIFY(spinUntil([&] { return headsBefore >= 0; }, 120000));
        QVERIFY(fetched);
        QVERIFY2(headsBefore >= minHeadsBefore && headsBefore <= maxHeadsBefore,
                 qPrintable(QStringLiteral("%1 HEADs finished first").arg(headsBefore)));
        QVERIFY(spinUntil([&] { return burst.done == heads; }, 120000));
        QCOMPARE(burst.failed, 0);
        qInfo("%d of %d background HEADs finished before the GET", headsBefore, heads);
    }

    // Large transfers never take the last slot: a small request finds one while blob
    // downloads fill the origin.
    void smallRequestsPassLargeTransfers()
    {
        OCULAR_TEST_REGISTRY(registry);
        FaultProxy proxy(QUrl(registry.baseUrl()));
        QVERIFY(proxy.listen());
        const auto stack = makeLaneStack(proxy.baseUrl().toString(), nullptr);
        QVERIFY(stack);
        RegistryClient &client = *stack->client();
        const QByteArray big(256 * 1024, 'x');
        const auto blob = waitFor<Digest>(
            [&](QObject *ctx, auto done) { return client.uploadBlob(Repo, big, ctx, done); });
        QVERIFY(blob.ok());
        const auto pushed = pushSmallManifest(client, Repo, QStringLiteral("v1"));
        QVERIFY(pushed.ok());
        // Blob downloads take 1.5 s each here.
        FaultProxy::Rule slow =
            FaultProxy::rule("GET", QStringLiteral("/blobs/"), FaultProxy::Action::Delay);
        slow.delayMs = 1500;
        proxy.addRule(slow);

        int blobsDone = 0;
        QObject context;
        CallOptions large;
        large.largeTransfer = true;
        for (int i = 0; i < 12; ++i)
            client.getBlob(
                Repo, blob.value(), 64 * 1024 * 1024, &context,
                [&](Result<QByteArray> data) { blobsDone += data.ok() ? 1 : 0; }, large);
        QTest::qWait(100);
        QElapsedTimer timer;
        timer.start();
        const auto fetched = waitFor<FetchedManifest>([&](QObject *ctx, auto done) {
            return client.getManifest(Repo, QStringLiteral("v1"), ctx, done);
        });
        QVERIFY(fetched.ok());
        QCOMPARE(blobsDone, 0); // answered while every blob download was still running
        QVERIFY2(timer.elapsed() < 1500, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(spinUntil([&] { return blobsDone == 12; }, 30000));
    }

    // A request that waits for a retry gives its slot back: other requests to the origin
    // proceed during a 2 s Retry-After instead of waiting behind it.
    void slotsAreFreeDuringARetryBackoff()
    {
        OCULAR_TEST_REGISTRY(registry);
        FaultProxy proxy(QUrl(registry.baseUrl()));
        QVERIFY(proxy.listen());
        const auto stack = makeLaneStack(proxy.baseUrl().toString(), nullptr, 2);
        QVERIFY(stack);
        RegistryClient &client = *stack->client();
        QVERIFY(pushSmallManifest(client, Repo, QStringLiteral("v1")).ok());
        FaultProxy::Rule unavailable = FaultProxy::rule(
            "HEAD", QStringLiteral("/manifests/missing"), FaultProxy::Action::Respond);
        unavailable.status = 503;
        unavailable.headers = {{"Retry-After", "2"}};
        unavailable.times = 2;
        proxy.addRule(unavailable);

        Burst retried;
        Burst others;
        QObject context;
        for (int i = 0; i < 2; ++i)
            client.headManifest(
                Repo, QStringLiteral("missing"), &context, [&](Result<ManifestHead> head) {
                    // After the retry: the manifest really is missing.
                    retried.record(!head.ok() && head.error().kind == ErrorKind::NotFound,
                                   head.ok() ? QString() : head.error().toString());
                });
        QVERIFY(spinUntil([&] { return proxy.hits(0) == 2; }, 5000));
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 10; ++i)
            client.headManifest(
                Repo, QStringLiteral("v1"), &context,
                [&](Result<ManifestHead> head) { others.record(head.ok(), QString()); });
        QVERIFY(spinUntil([&] { return others.done == 10; }, 10000));
        QCOMPARE(retried.done, 0); // all ten answered during the 2 s backoff of the two
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(spinUntil([&] { return retried.done == 2; }, 10000));
        QVERIFY2(retried.failed == 0, qPrintable(retried.errors.join(QLatin1Char('\n'))));
    }

    // After a 429 the origin pauses: the requests that were queued are not sent during
    // Retry-After (with one FIFO each slot kept hammering the registry).
    void originCoolsDownAfter429()
    {
        OCULAR_TEST_REGISTRY(registry);
        FaultProxy proxy(QUrl(registry.baseUrl()));
        QVERIFY(proxy.listen());
        const auto stack = makeLaneStack(proxy.baseUrl().toString(), nullptr);
        QVERIFY(stack);
        HttpClient &http = *stack->http();
        RegistryClient &client = *stack->client();
        QVERIFY(pushSmallManifest(client, Repo, QStringLiteral("v1")).ok());
        proxy.clearRules();
        FaultProxy::Rule limited =
            FaultProxy::rule("HEAD", QStringLiteral("/manifests/v1"), FaultProxy::Action::Respond);
        limited.status = 429;
        limited.headers = {{"Retry-After", "1"}};
        limited.times = 1;
        proxy.addRule(limited);

        const int requests = 60;
        Burst burst;
        QObject context;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < requests; ++i)
            client.headManifest(
                Repo, QStringLiteral("v1"), &context, [&](Result<ManifestHead> head) {
                    burst.record(head.ok(), head.ok() ? QString() : head.error().toString());
                });
        QVERIFY(spinUntil([&] { return proxy.hits(0) == 1; }, 5000));
        QTest::qWait(400);
        const int sentDuringPause = proxy.requestCount();
        QVERIFY2(sentDuringPause <= 12, qPrintable(QString::number(sentDuringPause)));
        QVERIFY(http.coolDownRemainingMs(client.endpoint().baseUrl) > 0);
        QVERIFY(spinUntil([&] { return burst.done == requests; }, 20000));
        QVERIFY2(burst.failed == 0, qPrintable(burst.errors.join(QLatin1Char('\n'))));
        QVERIFY2(timer.elapsed() >= 900, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(http.coolDownRemainingMs(client.endpoint().baseUrl), 0);
    }
};

QTEST_GUILESS_MAIN(TestSchedulerLanes)
#include "tst_schedulerlanes.moc"
