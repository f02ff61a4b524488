// Qt must not print "QNetworkReplyImplPrivate::error: Internal problem, this method must only
// be called once." (issue 10, item 12), nor any other network warning, on the paths browsing
// takes:
// errors, challenges, cancels, timeouts, caps, resets and redirects, against a real
// docker-registry behind the fault proxy.
#include "support/asyncwait.h"
#include "support/faultproxy.h"
#include "support/logcapture.h"
#include "support/testregistry.h"
#include "support/teststack.h"

#include "http/authprovider.h"
#include "http/httpclient.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>
#include <QThread>

using namespace ocular;
using ocular::test::FaultProxy;
using Action = FaultProxy::Action;

namespace {

/// Answers every challenge with a failure (a login that is refused).
class RefusingAuthProvider : public AuthProvider
{
public:
    QByteArray authorization(const QUrl &, const QString &) override { return {}; }
    void handleChallenge(const QUrl &, const QList<QByteArray> &, const QString &, bool,
                         std::function<void(Result<Done>)> done) override
    {
        done(Error::make(ErrorKind::Auth, QStringLiteral("refused by the test")));
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

} // namespace

class TestReplyWarnings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noQtWarnings_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<int>("action");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<int>("delayMs");
        QTest::addColumn<int>("cancelAfterMs"); ///< -1: let it finish
        QTest::addColumn<qint64>("maxBytes");
        QTest::addColumn<bool>("withAuth");

        const QByteArray none;
        QTest::newRow("404 get") << QByteArray("GET") << int(Action::Pass) << 0 << none << qint64(0)
                                 << 0 << -1 << qint64(1 << 20) << false;
        QTest::newRow("404 head") << QByteArray("HEAD") << int(Action::Pass) << 0 << none
                                  << qint64(0) << 0 << -1 << qint64(1 << 20) << false;
        QTest::newRow("401 basic, no provider") << QByteArray("GET") << int(Action::Respond) << 401
                                                << QByteArray("Basic realm=\"test\"") << qint64(0)
                                                << 0 << -1 << qint64(1 << 20) << false;
        QTest::newRow("401 basic, refused") << QByteArray("GET") << int(Action::Respond) << 401
                                            << QByteArray("Basic realm=\"test\"") << qint64(0) << 0
                                            << -1 << qint64(1 << 20) << true;
        QTest::newRow("401 bearer, refused")
            << QByteArray("GET") << int(Action::Respond) << 401
            << QByteArray("Bearer realm=\"http://127.0.0.1:1/token\",service=\"x\"") << qint64(0)
            << 0 << -1 << qint64(1 << 20) << true;
        QTest::newRow("401 basic head") << QByteArray("HEAD") << int(Action::Respond) << 401
                                        << QByteArray("Basic realm=\"test\"") << qint64(0) << 0
                                        << -1 << qint64(1 << 20) << false;
        QTest::newRow("407") << QByteArray("GET") << int(Action::Respond) << 407
                             << QByteArray("Basic realm=\"proxy\"") << qint64(0) << 0 << -1
                             << qint64(1 << 20) << false;
        QTest::newRow("500 retried") << QByteArray("GET") << int(Action::Respond) << 500 << none
                                     << qint64(0) << 0 << -1 << qint64(1 << 20) << false;
        QTest::newRow("reset") << QByteArray("GET") << int(Action::Reset) << 0 << none << qint64(0)
                               << 0 << -1 << qint64(1 << 20) << false;
        QTest::newRow("drop mid body") << QByteArray("GET") << int(Action::HugeBody) << 200 << none
                                       << qint64(4 << 20) << 0 << 30 << qint64(8 << 20) << false;
        QTest::newRow("too large") << QByteArray("GET") << int(Action::HugeBody) << 200 << none
                                   << qint64(4 << 20) << 0 << -1 << qint64(1024) << false;
        QTest::newRow("huge error body cut")
            << QByteArray("GET") << int(Action::HugeBody) << 404 << none << qint64(4 << 20) << 0
            << -1 << qint64(8 << 20) << false;
        QTest::newRow("cancel while waiting")
            << QByteArray("GET") << int(Action::Delay) << 0 << none << qint64(0) << 2000 << 100
            << qint64(1 << 20) << false;
        QTest::newRow("timeout") << QByteArray("GET") << int(Action::Delay) << 0 << none
                                 << qint64(0) << 3000 << -1 << qint64(1 << 20) << false;
        QTest::newRow("redirect loop") << QByteArray("GET") << int(Action::RedirectToSelf) << 0
                                       << none << qint64(0) << 0 << -1 << qint64(1 << 20) << false;
        QTest::newRow("unterminated chunked")
            << QByteArray("GET") << int(Action::UnterminatedChunked) << 200 << none << qint64(0)
            << 0 << -1 << qint64(1 << 20) << false;
        // A cancel timed "right after a 404" by polling is not deterministic: the window
        // between Qt's error and finished is hit on purpose by cancelBetweenErrorAndFinished.
    }

    void noQtWarnings()
    {
        QFETCH(QByteArray, method);
        QFETCH(int, action);
        QFETCH(int, status);
        QFETCH(QByteArray, header);
        QFETCH(qint64, bytes);
        QFETCH(int, delayMs);
        QFETCH(int, cancelAfterMs);
        QFETCH(qint64, maxBytes);
        QFETCH(bool, withAuth);

        OCULAR_TEST_REGISTRY(registry);
        FaultProxy proxy(QUrl(registry.baseUrl()));
        QVERIFY(proxy.listen());
        FaultProxy::Rule rule =
            FaultProxy::rule(QByteArray(), QStringLiteral("/manifests/"), Action(action));
        rule.status = status;
        rule.bytes = bytes;
        rule.delayMs = delayMs;
        if (!header.isEmpty())
            rule.headers = {{status == 407 ? "Proxy-Authenticate" : "WWW-Authenticate", header}};
        proxy.addRule(rule);

        test::LogCapture log;
        {
            RefusingAuthProvider refusing;
            RegistryStackConfig config = test::testStackConfig(QString());
            if (withAuth)
                config.authProvider = &refusing;
            else
                config.anonymousOnly = true;
            RetryPolicy fast;
            fast.baseDelayMs = 10;
            fast.maxAttempts = 2;
            config.retryPolicy = fast;
            config.transferTimeoutMs = 500;
            const auto stack = test::makeStack(config);
            QVERIFY(stack);
            HttpClient &http = *stack->http();
            for (int round = 0; round < 3; ++round) {
                HttpRequest request;
                request.method = method;
                request.url = QUrl(proxy.baseUrl().toString() +
                                   QStringLiteral("/v2/demo/none/manifests/v%1").arg(round));
                request.maxResponseBytes = maxBytes;
                bool done = false;
                QObject context;
                const RequestHandle handle =
                    http.send(request, &context, [&done](Result<HttpResponse>) { done = true; });
                if (cancelAfterMs == 0) {
                    // Cancel as soon as the reply has anything: between Qt's error and its
                    // finished signal for a 404.
                    QVERIFY(spinUntil([&] { return proxy.requestCount() > round; }, 5000));
                    for (int i = 0; i < 50 && !done; ++i) {
                        QCoreApplication::processEvents();
                        QThread::usleep(200);
                    }
                    handle.cancel();
                } else if (cancelAfterMs > 0) {
                    QTest::qWait(cancelAfterMs);
                    handle.cancel();
                }
                QVERIFY(spinUntil([&] { return done; }, 15000));
            }
            QTest::qWait(50);
        }
        QTest::qWait(20);
        QStringList warnings;
        for (const auto &entry : log.entries()) {
            // The client's side only: the fault proxy's own sockets may complain about a
            // peer that went away, which is what these rows do on purpose.
            const bool clientSide = entry.message.contains(QLatin1String("QNetworkReply")) ||
                                    entry.message.contains(QLatin1String("QNetworkAccess")) ||
                                    entry.message.contains(QLatin1String("QHttp")) ||
                                    entry.message.contains(QLatin1String("only be called once"));
            if ((entry.type == QtWarningMsg || entry.type == QtCriticalMsg) && clientSide)
                warnings << entry.message;
        }
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
    }

    // The path browsing takes: a panel cancels its request (the selection moved on) in the
    // moment between Qt reporting the reply's error (a 404 from the referrers API, a reset)
    // and its finished signal. Aborting such a reply made Qt report a second error.
    void cancelBetweenErrorAndFinished_data()
    {
        QTest::addColumn<int>("action");
        QTest::addColumn<bool>("destroyContext");
        QTest::addRow("404, cancel") << int(Action::Pass) << false;
        QTest::addRow("404, caller gone") << int(Action::Pass) << true;
        QTest::addRow("reset, cancel") << int(Action::Reset) << false;
    }

    void cancelBetweenErrorAndFinished()
    {
        QFETCH(int, action);
        QFETCH(bool, destroyContext);
        OCULAR_TEST_REGISTRY(registry);
        FaultProxy proxy(QUrl(registry.baseUrl()));
        QVERIFY(proxy.listen());
        proxy.addRule(
            FaultProxy::rule(QByteArray(), QStringLiteral("/referrers/"), Action(action)));

        test::LogCapture log;
        RegistryStackConfig config = test::testStackConfig(QString());
        RetryPolicy once;
        once.maxAttempts = 1;
        config.retryPolicy = once;
        const auto stack = test::makeStack(config);
        QVERIFY(stack);
        HttpClient &http = *stack->http();
        QNetworkAccessManager &network = *stack->network();
        HttpRequest request;
        request.url =
            QUrl(proxy.baseUrl().toString() + QStringLiteral("/v2/demo/hello/referrers/sha256:") +
                 QString(64, QLatin1Char('a')));
        bool delivered = false;
        auto context = std::make_unique<QObject>();
        const RequestHandle handle = http.send(request, context.get(), [&](Result<HttpResponse> r) {
            delivered = true;
            QVERIFY(!r.ok());
            QCOMPARE(r.error().kind, ErrorKind::Cancelled);
        });
        // Qt's reply is the network manager's child once the request left.
        QNetworkReply *reply = nullptr;
        QVERIFY(spinUntil(
            [&] {
                const auto replies = network.findChildren<QNetworkReply *>();
                reply = replies.isEmpty() ? nullptr : replies.first();
                return reply != nullptr;
            },
            5000));
        bool sawError = false;
        connect(reply, &QNetworkReply::errorOccurred, this, [&] {
            sawError = true;
            QVERIFY(reply->isRunning()); // the window: failed, not finished yet
            if (destroyContext)
                context.reset();
            else
                handle.cancel();
        });
        QVERIFY(spinUntil([&] { return sawError; }, 5000));
        QTest::qWait(100);
        QCOMPARE(delivered, !destroyContext);
        QCOMPARE(http.pendingCount(), 0);
        QVERIFY2(!log.contains(QStringLiteral("must only be called once")),
                 qPrintable(log.messages().join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestReplyWarnings)
#include "tst_replywarnings.moc"
