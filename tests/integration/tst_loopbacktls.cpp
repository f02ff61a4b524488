// A loopback registry named without a scheme (issue 10, item 27): HTTPS is tried first, plain
// HTTP only when the port does not speak TLS, and the choice is kept for the session. A TLS
// failure (untrusted or wrong certificate) never becomes plain HTTP, an explicit http:// stays
// plain, and a TLS port asked in plain HTTP is explained as such. Real docker-registries, one
// with a certificate from the test's CA.
#include "support/asyncwait.h"
#include "support/testca.h"
#include "support/testregistry.h"
#include "support/teststack.h"

#include "http/httpclient.h"
#include "registry/registryclient.h"

#include <QTest>

using namespace ocular;
using ocular::test::waitFor;

namespace {

Result<PingResult> ping(RegistryClient &client)
{
    return waitFor<PingResult>([&](QObject *ctx, auto done) { return client.ping(ctx, done); });
}

/// The product's stack for @p registry (as the user typed it), trusting @p caFile for
/// 127.0.0.1 when given. HttpClient's own retry policy: the attempt counts below are exact.
std::unique_ptr<RegistryStack> makeStack(const QString &registry, const QString &caFile = {})
{
    RegistryStackConfig config = test::testStackConfig(registry);
    config.retryPolicy.reset();
    if (!caFile.isEmpty()) {
        TlsSettings tls;
        tls.caFile = caFile;
        config.tls.insert(QStringLiteral("127.0.0.1"), tls);
    }
    return test::makeStack(config);
}

QString describe(const Result<PingResult> &result)
{
    return result.ok() ? QStringLiteral("ok") : result.error().toString();
}

} // namespace

class TestLoopbackTls : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TestCa> m_ca;
    std::unique_ptr<test::TestRegistry> m_tls;
    std::unique_ptr<test::TestRegistry> m_plain;

private Q_SLOTS:
    void initTestCase()
    {
        m_ca = std::make_unique<test::TestCa>();
        QVERIFY2(m_ca->ok(), qPrintable(m_ca->errorMessage()));
        const auto server =
            m_ca->issueServer(QStringLiteral("registry"),
                              {QStringLiteral("IP:127.0.0.1"), QStringLiteral("DNS:localhost")});
        QVERIFY2(m_ca->ok(), qPrintable(m_ca->errorMessage()));
        RegistryProcess::Options options;
        options.tlsCertFile = server.certFile;
        options.tlsKeyFile = server.keyFile;
        m_tls = std::make_unique<test::TestRegistry>(options);
        QVERIFY(m_tls->ok());
        m_plain = std::make_unique<test::TestRegistry>();
        QVERIFY(m_plain->ok());
    }

    void cleanupTestCase()
    {
        m_tls.reset();
        m_plain.reset();
    }

    void tlsRegistryWithoutSchemeIsReachedOverHttps()
    {
        const auto stack = makeStack(m_tls->hostPort(), m_ca->caCertFile());
        QVERIFY(stack);
        HttpClient &http = *stack->http();
        RegistryClient &client = *stack->client();
        QCOMPARE(client.endpoint().baseUrl.scheme(), QStringLiteral("https"));
        const auto pinged = ping(client);
        QVERIFY2(pinged.ok(), qPrintable(describe(pinged)));
        QCOMPARE(client.endpoint().baseUrl.scheme(), QStringLiteral("https"));
        QVERIFY(!client.endpoint().isPlainHttp());
        QVERIFY(!http.usesPlainHttp(client.endpoint().baseUrl));
        const auto listed = waitFor<ListPage>(
            [&](QObject *ctx, auto done) { return client.catalogPage(100, QUrl(), ctx, done); });
        QVERIFY2(listed.ok(), qPrintable(listed.ok() ? QString() : listed.error().toString()));
    }

    void plainRegistryWithoutSchemeFallsBackOncePerSession()
    {
        const auto stack = makeStack(m_plain->hostPort());
        QVERIFY(stack);
        HttpClient &http = *stack->http();
        RegistryClient &client = *stack->client();
        QVERIFY(client.endpoint().plainHttpFallback);
        const auto pinged = ping(client);
        QVERIFY2(pinged.ok(), qPrintable(describe(pinged)));
        QCOMPARE(client.endpoint().baseUrl.toString(),
                 QStringLiteral("http://") + m_plain->hostPort());
        QVERIFY(client.endpoint().isPlainHttp());
        QVERIFY(!client.endpoint().plainHttpFallback);
        // The same request, once over TLS (refused) and once in plain HTTP; no retry budget.
        QCOMPARE(http.attemptsStarted(), 2);

        // Remembered: later requests and other clients of this session go plain at once.
        QVERIFY(ping(client).ok());
        RegistryClient &second =
            *stack->createClient(RegistryEndpoint::parse(m_plain->hostPort()).value());
        QVERIFY(second.endpoint().isPlainHttp());
        QVERIFY(ping(second).ok());
        QCOMPARE(http.attemptsStarted(), 4);

        // Paging links from the plain answers stay on the registry's origin.
        const auto tags = waitFor<ListPage>(
            [&](QObject *ctx, auto done) { return second.catalogPage(100, QUrl(), ctx, done); });
        QVERIFY2(tags.ok(), qPrintable(tags.ok() ? QString() : tags.error().toString()));
    }

    void firstRequestsInFlightTogetherAllFallBack()
    {
        const auto stack = makeStack(m_plain->hostPort());
        QVERIFY(stack);
        RegistryClient &client = *stack->client();
        int ok = 0;
        int answered = 0;
        QObject context;
        for (int i = 0; i < 10; ++i)
            client.catalogPage(10, QUrl(), &context, [&](Result<ListPage> page) {
                ++answered;
                ok += page.ok() ? 1 : 0;
            });
        QTRY_COMPARE_WITH_TIMEOUT(answered, 10, 15000);
        QCOMPARE(ok, 10);
        QVERIFY(client.endpoint().isPlainHttp());
    }

    // Certificate problems are TLS failures, reported as such, never a reason for plain HTTP.
    void tlsFailureNeverFallsBack_data()
    {
        QTest::addColumn<bool>("trustCa");
        QTest::addColumn<bool>("wrongName");
        QTest::addRow("untrusted issuer") << false << false;
        QTest::addRow("certificate for another name") << true << true;
    }

    void tlsFailureNeverFallsBack()
    {
        QFETCH(bool, trustCa);
        QFETCH(bool, wrongName);
        std::unique_ptr<test::TestRegistry> other;
        QString hostPort = m_tls->hostPort();
        if (wrongName) {
            const auto cert =
                m_ca->issueServer(QStringLiteral("other"), {QStringLiteral("DNS:other.example")});
            QVERIFY2(m_ca->ok(), qPrintable(m_ca->errorMessage()));
            RegistryProcess::Options options;
            options.tlsCertFile = cert.certFile;
            options.tlsKeyFile = cert.keyFile;
            other = std::make_unique<test::TestRegistry>(options);
            QVERIFY(other->ok());
            hostPort = other->hostPort();
        }
        const auto stack = makeStack(hostPort, trustCa ? m_ca->caCertFile() : QString());
        QVERIFY(stack);
        HttpClient &http = *stack->http();
        RegistryClient &client = *stack->client();
        QVERIFY(client.endpoint().plainHttpFallback);
        const auto pinged = ping(client);
        QVERIFY(!pinged.ok());
        QCOMPARE(pinged.error().kind, ErrorKind::Tls);
        QVERIFY2(pinged.error().message.contains(QStringLiteral("certificate")),
                 qPrintable(pinged.error().message));
        QVERIFY(!http.usesPlainHttp(client.endpoint().baseUrl));
        QCOMPARE(client.endpoint().baseUrl.scheme(), QStringLiteral("https"));
        QCOMPARE(http.attemptsStarted(), 1);
    }

    // An explicit http:// stays plain; the TLS port's 400 is explained, not "rejected".
    void explicitHttpToTlsPortIsExplained()
    {
        const auto stack = makeStack(QStringLiteral("http://") + m_tls->hostPort());
        QVERIFY(stack);
        const auto endpoint =
            RegistryEndpoint::parse(QStringLiteral("http://") + m_tls->hostPort());
        QVERIFY(endpoint.ok());
        QVERIFY(!endpoint->plainHttpFallback);
        RegistryClient &client = *stack->client();
        QCOMPARE(client.endpoint().baseUrl, endpoint->baseUrl);
        QVERIFY(!client.endpoint().plainHttpFallback);
        const auto pinged = ping(client);
        QVERIFY(!pinged.ok());
        const Error &error = pinged.error();
        QCOMPARE(error.httpStatus, 400);
        QCOMPARE(error.kind, ErrorKind::Tls);
        QVERIFY2(error.message.contains(QStringLiteral("speaks HTTPS")), qPrintable(error.message));
        QVERIFY2(error.message.contains(QStringLiteral("Client sent an HTTP request to an HTTPS "
                                                       "server")),
                 qPrintable(error.message));
        QVERIFY2(error.message.contains(QStringLiteral("https://") + m_tls->hostPort()),
                 qPrintable(error.message));
        QVERIFY2(!error.message.contains(QStringLiteral("rejected the request")),
                 qPrintable(error.message));
        QCOMPARE(client.endpoint().baseUrl.scheme(), QStringLiteral("http"));
    }
};

QTEST_GUILESS_MAIN(TestLoopbackTls)
#include "tst_loopbacktls.moc"
