// RegistryStack: the one wiring of HTTP, credentials, authenticator, cache and clients.
#include "support/asyncwait.h"
#include "support/loopbackhttpserver.h"
#include "support/teststack.h"

#include "auth/credentialchain.h"
#include "auth/registryauthenticator.h"
#include "auth/staticcredentialsource.h"
#include "cache/contentcache.h"
#include "http/authprovider.h"
#include "http/httpclient.h"
#include "registry/registryclient.h"
#include "source/cachingsource.h"
#include "source/memoryblobsink.h"
#include "source/registrysource.h"
#include "stack/registrystack.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace ocular;
using ocular::test::LoopbackHttpServer;
using ocular::test::waitFor;

namespace {

/// Counts the challenges it is asked about and refuses them.
class CountingAuthProvider : public AuthProvider
{
public:
    QByteArray authorization(const QUrl &, const QString &) override { return {}; }
    void handleChallenge(const QUrl &, const QList<QByteArray> &, const QString &, bool,
                         std::function<void(Result<Done>)> done) override
    {
        ++challenges;
        done(Error::make(ErrorKind::Auth, QStringLiteral("refused by the test provider")));
    }
    int challenges = 0;
};

Result<HttpResponse> get(HttpClient *http, const QString &url, int timeoutMs = 30000)
{
    HttpRequest request;
    request.url = QUrl(url);
    return waitFor<HttpResponse>(
        [&](QObject *ctx, auto done) { return http->send(request, ctx, done); }, timeoutMs);
}

/// A loopback port that accepts connections and never answers.
QString silentServer(QTcpServer &server)
{
    if (!server.listen(QHostAddress::LocalHost))
        return {};
    return QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort());
}

} // namespace

class TestRegistryStack : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wiresOneClient()
    {
        StaticCredentialSource flags;
        Credentials login;
        login.username = QStringLiteral("u");
        login.secret = QStringLiteral("p");
        flags.set(QStringLiteral("127.0.0.1:5000"), login);
        RegistryStackConfig config;
        config.endpoint = RegistryEndpoint::parse(QStringLiteral("127.0.0.1:5000")).value();
        config.credentialSources = {&flags};
        config.dockerAndPodmanCredentials = false;
        config.cache = RegistryStackConfig::Cache::Memory;
        config.maxManifestBytes = 1234;
        RetryPolicy retry;
        retry.maxAttempts = 7;
        config.retryPolicy = retry;
        auto stack = RegistryStack::create(config);
        QVERIFY2(stack.ok(), qPrintable(stack.error().message));
        RegistryStack &s = *stack.value();
        QVERIFY(s.network());
        QVERIFY(s.http());
        QVERIFY(s.authenticator());
        QVERIFY(s.cache());
        QVERIFY(s.client());
        QCOMPARE(s.client()->http(), s.http());
        QCOMPARE(s.client()->cache(), s.cache());
        QCOMPARE(s.client()->endpoint().registry, QStringLiteral("127.0.0.1:5000"));
        QCOMPARE(s.http()->retryPolicy().maxAttempts, 7);
        // Only the given source: the developer's docker login cannot leak into a test.
        auto found = s.credentials()->lookup(QStringLiteral("127.0.0.1:5000"));
        QVERIFY(found.ok() && found.value());
        QCOMPARE(found.value()->username, QStringLiteral("u"));
        auto other = s.credentials()->lookup(QStringLiteral("ghcr.io"));
        QVERIFY(other.ok() && !other.value());
        // Further clients share the stack.
        RegistryClient *second =
            s.createClient(RegistryEndpoint::parse(QStringLiteral("ghcr.io")).value());
        QCOMPARE(second->http(), s.http());
        QCOMPARE(second->cache(), s.cache());
        QCOMPARE(second->parent(), &s);
    }

    void withoutEndpointOrCredentials()
    {
        QNetworkAccessManager network;
        RegistryStackConfig config;
        config.network = &network;
        config.dockerAndPodmanCredentials = false;
        auto stack = RegistryStack::create(config);
        QVERIFY(stack.ok());
        QCOMPARE(stack.value()->network(), &network);
        QVERIFY(!stack.value()->client());
        QVERIFY(!stack.value()->cache());
        QVERIFY(!stack.value()->credentials()); // anonymous, no lookup on the pool at all
        QVERIFY(stack.value()->authenticator());

        config.anonymousOnly = true;
        auto bare = RegistryStack::create(config);
        QVERIFY(bare.ok());
        QVERIFY(!bare.value()->authenticator());
    }

    void standardCredentialsFollowTheGivenOnes()
    {
        RegistryStackConfig config;
        StaticCredentialSource flags;
        config.credentialSources = {&flags};
        auto stack = RegistryStack::create(config);
        QVERIFY(stack.ok());
        QVERIFY(stack.value()->credentials());
    }

    void diskCache()
    {
        QTemporaryDir dir;
        RegistryStackConfig config;
        config.dockerAndPodmanCredentials = false;
        config.cache = RegistryStackConfig::Cache::Disk;
        config.cacheDirectory = dir.path();
        auto stack = RegistryStack::create(config);
        QVERIFY(stack.ok());
        const QByteArray bytes("cached bytes");
        QVERIFY(stack.value()->cache()->put(Digest::sha256(bytes), bytes));
        QVERIFY(!QDir(dir.path()).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot));
    }

    void badTlsFileFails()
    {
        RegistryStackConfig config;
        config.dockerAndPodmanCredentials = false;
        TlsSettings tls;
        tls.caFile = QStringLiteral("/nonexistent/ca.pem");
        config.tls.insert(QStringLiteral("registry.example.com"), tls);
        auto stack = RegistryStack::create(config);
        QVERIFY(!stack.ok());
        QVERIFY2(stack.error().message.contains(QStringLiteral("ca.pem")),
                 qPrintable(stack.error().message));
    }

    void maxRedirectsReachTheHttpClient()
    {
        LoopbackHttpServer loop([](const LoopbackHttpServer::Request &) {
            return LoopbackHttpServer::Reply{307, {{"Location", "/again"}}, {}};
        });
        QVERIFY(loop.listen());
        RegistryStackConfig config = test::testStackConfig(QString());
        config.maxRedirects = 2;
        auto stack = test::makeStack(config);
        QVERIFY(stack);
        const auto result = get(stack->http(), loop.baseUrl() + QStringLiteral("/start"));
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.contains(QStringLiteral("more than 2 redirects")),
                 qPrintable(result.error().message));
        QCOMPARE(loop.requests().size(), 3); // the request and two redirects
    }

    void transferTimeoutReachesTheHttpClient()
    {
        QTcpServer silent;
        const QString url = silentServer(silent);
        QVERIFY(!url.isEmpty());
        RegistryStackConfig config = test::testStackConfig(QString());
        config.transferTimeoutMs = 200;
        RetryPolicy once;
        once.maxAttempts = 1;
        config.retryPolicy = once;
        auto stack = test::makeStack(config);
        QVERIFY(stack);
        QElapsedTimer timer;
        timer.start();
        // Without the setting HttpClient waits 60 s; waitFor gives up after 10.
        const auto result = get(stack->http(), url + QStringLiteral("/v2/"), 10000);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.contains(QStringLiteral("did not answer in time")),
                 qPrintable(result.error().message));
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    }

    void slotsPerOriginReachTheHttpClient()
    {
        QTcpServer silent;
        const QString url = silentServer(silent);
        QVERIFY(!url.isEmpty());
        RegistryStackConfig config = test::testStackConfig(QString());
        config.maxConcurrentPerOrigin = 2;
        auto stack = test::makeStack(config);
        QVERIFY(stack);
        QObject context;
        for (int i = 0; i < 5; ++i) {
            HttpRequest request;
            request.url = QUrl(url + QStringLiteral("/v2/%1").arg(i));
            stack->http()->send(request, &context, [](Result<HttpResponse>) {});
        }
        // Two running, three waiting for a slot (with HttpClient's 6, none would wait).
        QTRY_COMPARE(stack->http()->queuedCount(QUrl(url)), 3);
        QCOMPARE(stack->http()->pendingCount(), 5);
    }

    void givenAuthProviderAnswersChallenges()
    {
        LoopbackHttpServer registry([](const LoopbackHttpServer::Request &) {
            return LoopbackHttpServer::Reply{
                401, {{"WWW-Authenticate", "Basic realm=\"test\""}}, "{}"};
        });
        QVERIFY(registry.listen());
        CountingAuthProvider provider;
        RegistryStackConfig config = test::testStackConfig(QString());
        config.authProvider = &provider;
        auto stack = test::makeStack(config);
        QVERIFY(stack);
        QVERIFY(!stack->authenticator());
        QVERIFY(!stack->credentials());
        const auto result = get(stack->http(), registry.baseUrl() + QStringLiteral("/v2/"));
        QCOMPARE(provider.challenges, 1);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.contains(QStringLiteral("refused by the test provider")),
                 qPrintable(result.error().message));
    }

    void noProxyReachesTheNetworkManager()
    {
        RegistryStackConfig config;
        config.dockerAndPodmanCredentials = false;
        auto byDefault = test::makeStack(config);
        QVERIFY(byDefault);
        QCOMPARE(byDefault->network()->proxy().type(), QNetworkProxy::DefaultProxy);
        config.noProxy = true;
        auto direct = test::makeStack(config);
        QVERIFY(direct);
        QCOMPARE(direct->network()->proxy().type(), QNetworkProxy::NoProxy);
        // Also on a network manager the caller brings.
        QNetworkAccessManager given;
        config.network = &given;
        auto shared = test::makeStack(config);
        QVERIFY(shared);
        QCOMPARE(given.proxy().type(), QNetworkProxy::NoProxy);
    }

    void maxPagesReachTheClients()
    {
        // Every tags page links to another one.
        LoopbackHttpServer registry([](const LoopbackHttpServer::Request &request) {
            const QByteArray next = request.target + "x";
            return LoopbackHttpServer::Reply{
                200,
                {{"Content-Type", "application/json"}, {"Link", "<" + next + ">; rel=\"next\""}},
                "{\"name\":\"a\",\"tags\":[\"t" + QByteArray::number(request.target.size()) +
                    "\"]}"};
        });
        QVERIFY(registry.listen());
        RegistryStackConfig config = test::testStackConfig(registry.baseUrl());
        config.maxPages = 3;
        auto stack = test::makeStack(config);
        QVERIFY(stack);
        const auto tags = waitFor<QStringList>([&](QObject *ctx, auto done) {
            return stack->client()->allTags(QStringLiteral("a"), ctx, done);
        });
        QVERIFY2(tags.ok(), qPrintable(tags.ok() ? QString() : tags.error().toString()));
        QCOMPARE(registry.requests().size(), 3);
        QCOMPARE(tags->size(), 3);
        // Clients made later follow the same cap.
        registry.clearRequests();
        RegistryClient *other = stack->createClient(stack->client()->endpoint());
        const auto again = waitFor<QStringList>([&](QObject *ctx, auto done) {
            return other->allTags(QStringLiteral("a"), ctx, done);
        });
        QVERIFY(again.ok());
        QCOMPARE(registry.requests().size(), 3);
    }

    void cacheMemoryBudgetReachesTheCache()
    {
        const QByteArray bytes(64, 'c');
        RegistryStackConfig config = test::testStackConfig(QString());
        config.cache = RegistryStackConfig::Cache::Memory;
        auto roomy = test::makeStack(config);
        QVERIFY(roomy);
        QVERIFY(roomy->cache()->put(Digest::sha256(bytes), bytes));
        QVERIFY(roomy->cache()->contains(Digest::sha256(bytes)));
        config.cacheMemoryBytes = 16; // smaller than the entry: memory keeps nothing
        auto tight = test::makeStack(config);
        QVERIFY(tight);
        QVERIFY(tight->cache()->put(Digest::sha256(bytes), bytes));
        QVERIFY(!tight->cache()->contains(Digest::sha256(bytes)));
    }

    void handsOutAContentSource()
    {
        RegistryStackConfig config = test::testStackConfig(QStringLiteral("127.0.0.1:5000"));
        auto uncached = test::makeStack(config);
        QVERIFY(uncached);
        QVERIFY(uncached->registrySource());
        QCOMPARE(uncached->registrySource()->client(), uncached->client());
        QCOMPARE(uncached->source(), uncached->registrySource());

        config.cache = RegistryStackConfig::Cache::Memory;
        auto cached = test::makeStack(config);
        QVERIFY(cached);
        auto *caching = qobject_cast<CachingSource *>(cached->source());
        QVERIFY(caching);
        QCOMPARE(caching->inner(), cached->registrySource());
        // One cache layer, not two: the client under the CachingSource stores nothing itself,
        // while client() (HTTP-level consumers) keeps the stack's cache.
        QVERIFY(cached->registrySource()->client() != cached->client());
        QCOMPARE(cached->registrySource()->client()->cache(), nullptr);
        QCOMPARE(cached->client()->cache(), cached->cache());

        config.endpoint.reset();
        auto none = test::makeStack(config);
        QVERIFY(none);
        QVERIFY(!none->source());
        QVERIFY(!none->registrySource());
    }

    void cachingSourceServesFromTheStacksCache()
    {
        // A blob the cache already has is not fetched: source() reads through cache().
        LoopbackHttpServer registry([](const LoopbackHttpServer::Request &) {
            return LoopbackHttpServer::Reply{404, {}, "{}"};
        });
        QVERIFY(registry.listen());
        RegistryStackConfig config = test::testStackConfig(registry.baseUrl());
        config.cache = RegistryStackConfig::Cache::Memory;
        auto stack = test::makeStack(config);
        QVERIFY(stack);
        const QByteArray bytes("cached manifest bytes");
        QVERIFY(stack->cache()->put(Digest::sha256(bytes), bytes));
        auto sink = std::make_shared<MemoryBlobSink>();
        const auto receipt = waitFor<BlobReceipt>([&](QObject *ctx, auto done) {
            return stack->source()->blob(QStringLiteral("a"), Digest::sha256(bytes), sink, 1 << 20,
                                         ctx, done);
        });
        QVERIFY2(receipt.ok(), qPrintable(receipt.ok() ? QString() : receipt.error().toString()));
        QCOMPARE(sink->bytes(), bytes);
        QVERIFY(receipt->fromCache); // CachingSource's answer: RegistrySource never says so
        QCOMPARE(registry.requests().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRegistryStack)
#include "tst_registrystack.moc"
