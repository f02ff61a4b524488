// Unit tables for the pure pieces of core/http: RetryPolicy, linkheader, originpolicy,
// registryError and HttpResponse header access.

#include "http/httpresponse.h"
#include "http/linkheader.h"
#include "http/originpolicy.h"
#include "http/registryerror.h"
#include "http/retrypolicy.h"

#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

using namespace ocular;

class TestHttpPolicies : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        // Parsers report problems as values, never as Qt warnings.
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    }

    void backoffGrowsWithJitterAndCap()
    {
        RetryPolicy policy;
        policy.baseDelayMs = 100;
        policy.maxDelayMs = 1000;
        for (int round = 0; round < 200; ++round) {
            const int first = policy.backoffMs(2);
            QVERIFY2(first >= 50 && first <= 150, qPrintable(QString::number(first)));
            const int third = policy.backoffMs(4);
            QVERIFY2(third >= 200 && third <= 600, qPrintable(QString::number(third)));
            QVERIFY(policy.backoffMs(40) <= 1000); // capped, no overflow from the exponent
            QVERIFY(policy.backoffMs(-5) >= 0);
        }
    }

    void retryAfter_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("expectedMs");
        QTest::addRow("seconds") << QByteArray("3") << 3000;
        QTest::addRow("zero") << QByteArray("0") << 0;
        QTest::addRow("spaces") << QByteArray("  7 ") << 7000;
        QTest::addRow("negative") << QByteArray("-1") << -1;
        QTest::addRow("empty") << QByteArray() << -1;
        QTest::addRow("garbage") << QByteArray("soon") << -1;
        QTest::addRow("fraction") << QByteArray("1.5") << -1;
        QTest::addRow("huge capped to a day") << QByteArray("99999999999") << 24 * 3600 * 1000;
        QTest::addRow("overflowing number") << QByteArray("999999999999999999999999") << -1;
        QTest::addRow("date +90 s") << QByteArray("Thu, 01 Jan 2026 00:01:30 GMT") << 90000;
        QTest::addRow("date in the past") << QByteArray("Wed, 31 Dec 2025 23:00:00 GMT") << 0;
        QTest::addRow("date far future capped")
            << QByteArray("Fri, 01 Jan 2100 00:00:00 GMT") << 24 * 3600 * 1000;
        QTest::addRow("date wrong format") << QByteArray("2026-01-01T00:01:30Z") << -1;
        QTest::addRow("date impossible") << QByteArray("Thu, 32 Jan 2026 00:00:00 GMT") << -1;
    }

    void retryAfter()
    {
        QFETCH(QByteArray, value);
        QFETCH(int, expectedMs);
        const QDateTime now(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
        QCOMPARE(RetryPolicy::retryAfterMs(value, now), expectedMs);
    }

    void retryableStatuses()
    {
        for (int status : {429, 500, 502, 503, 504})
            QVERIFY2(RetryPolicy::isRetryableStatus(status), qPrintable(QString::number(status)));
        for (int status : {0, 200, 301, 400, 401, 403, 404, 405, 409, 412, 413, 501, 505})
            QVERIFY2(!RetryPolicy::isRetryableStatus(status), qPrintable(QString::number(status)));
    }

    void nextLink_data()
    {
        QTest::addColumn<QList<QByteArray>>("headers");
        QTest::addColumn<QString>("expected");
        const QString base = QStringLiteral("https://r.example/v2/a/tags/list?n=2");
        QTest::addRow("relative") << QList<QByteArray>{"</v2/a/tags/list?n=2&last=b>; rel=\"next\""}
                                  << QStringLiteral("https://r.example/v2/a/tags/list?n=2&last=b");
        QTest::addRow("unquoted rel") << QList<QByteArray>{"</x?last=1>; rel=next"}
                                      << QStringLiteral("https://r.example/x?last=1");
        QTest::addRow("rel case and list") << QList<QByteArray>{"</x>; REL=\"prefetch NEXT\""}
                                           << QStringLiteral("https://r.example/x");
        QTest::addRow("second of several links")
            << QList<QByteArray>{"</p>; rel=\"prev\", </n>; rel=\"next\""}
            << QStringLiteral("https://r.example/n");
        QTest::addRow("second header") << QList<QByteArray>{"</p>; rel=\"prev\"", "</n>; rel=next"}
                                       << QStringLiteral("https://r.example/n");
        QTest::addRow("comma inside url") << QList<QByteArray>{"</x?a=1,2>; rel=\"next\""}
                                          << QStringLiteral("https://r.example/x?a=1,2");
        QTest::addRow("absolute other origin kept for the caller to refuse")
            << QList<QByteArray>{"<https://evil.example/v2/>; rel=\"next\""}
            << QStringLiteral("https://evil.example/v2/");
        QTest::addRow("no next") << QList<QByteArray>{"</x>; rel=\"last\""} << QString();
        QTest::addRow("no header") << QList<QByteArray>{} << QString();
        QTest::addRow("no angle brackets") << QList<QByteArray>{"/x; rel=next"} << QString();
        Q_UNUSED(base);
    }

    void nextLink()
    {
        QFETCH(QList<QByteArray>, headers);
        QFETCH(QString, expected);
        const QUrl next = linkheader::nextUrl(
            headers, QUrl(QStringLiteral("https://r.example/v2/a/tags/list?n=2")));
        QCOMPARE(next.isValid() ? next.toString() : QString(), expected);
    }

    void origins()
    {
        using namespace originpolicy;
        QCOMPARE(origin(QUrl(QStringLiteral("https://R.Example/v2/"))),
                 QStringLiteral("https://r.example:443"));
        QCOMPARE(origin(QUrl(QStringLiteral("http://r.example/v2/"))),
                 QStringLiteral("http://r.example:80"));
        QVERIFY(sameOrigin(QUrl(QStringLiteral("https://r.example/a")),
                           QUrl(QStringLiteral("https://r.example:443/b?c"))));
        QVERIFY(!sameOrigin(QUrl(QStringLiteral("https://r.example/")),
                            QUrl(QStringLiteral("http://r.example/"))));
        QVERIFY(!sameOrigin(QUrl(QStringLiteral("https://r.example/")),
                            QUrl(QStringLiteral("https://r.example:8443/"))));
        QVERIFY(!sameOrigin(QUrl(QStringLiteral("https://r.example/")),
                            QUrl(QStringLiteral("https://r.example.evil/"))));
        for (const char *host :
             {"localhost", "127.0.0.1", "127.1.2.3", "::1", "[::1]", "a.localhost"})
            QVERIFY2(isLoopbackHost(QString::fromLatin1(host)), host);
        for (const char *host :
             {"localhost.evil.example", "10.0.0.1", "0.0.0.0", "example.com", ""})
            QVERIFY2(!isLoopbackHost(QString::fromLatin1(host)), host);
    }

    void redirects_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("refusalContains"); // empty: allowed
        const QString registry = QStringLiteral("https://r.example/v2/a/blobs/sha256:x");
        QTest::addRow("same origin")
            << registry << QStringLiteral("https://r.example/other") << QString();
        QTest::addRow("object storage")
            << registry << QStringLiteral("https://s3.example/b?X-Sig=1") << QString();
        QTest::addRow("downgrade")
            << registry << QStringLiteral("http://s3.example/b") << QStringLiteral("downgrade");
        QTest::addRow("file scheme") << registry << QStringLiteral("file:///etc/passwd")
                                     << QStringLiteral("not a valid URL");
        QTest::addRow("ftp scheme") << registry << QStringLiteral("ftp://s3.example/b")
                                    << QStringLiteral("unsupported scheme");
        QTest::addRow("remote to loopback")
            << registry << QStringLiteral("https://127.0.0.1/x") << QStringLiteral("loopback");
        QTest::addRow("loopback to loopback")
            << QStringLiteral("http://127.0.0.1:5000/v2/")
            << QStringLiteral("http://localhost:6000/x") << QString();
        QTest::addRow("empty host")
            << registry << QStringLiteral("https:///x") << QStringLiteral("not a valid URL");
    }

    void redirects()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, refusalContains);
        const QString refusal = originpolicy::redirectRefusal(QUrl(from), QUrl(to));
        if (refusalContains.isEmpty())
            QVERIFY2(refusal.isEmpty(), qPrintable(refusal));
        else
            QVERIFY2(refusal.contains(refusalContains), qPrintable(refusal));
    }

    void registryErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("codes");
        QTest::addColumn<bool>("retryable");
        auto row = [](const char *name, int status, const QByteArray &body, ErrorKind kind,
                      QStringList codes, bool retryable) {
            QTest::addRow("%s", name) << status << body << int(kind) << codes << retryable;
        };
        row("manifest unknown", 404,
            "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}",
            ErrorKind::NotFound, {QStringLiteral("MANIFEST_UNKNOWN")}, false);
        row("name unknown with 400", 400, "{\"errors\":[{\"code\":\"NAME_UNKNOWN\"}]}",
            ErrorKind::NotFound, {QStringLiteral("NAME_UNKNOWN")}, false);
        row("unsupported beats status", 400, "{\"errors\":[{\"code\":\"UNSUPPORTED\"}]}",
            ErrorKind::Unsupported, {QStringLiteral("UNSUPPORTED")}, false);
        row("denied", 403, "{\"errors\":[{\"code\":\"DENIED\"}]}", ErrorKind::Auth,
            {QStringLiteral("DENIED")}, false);
        row("unauthorized without body", 401, {}, ErrorKind::Auth, {}, false);
        row("method not allowed", 405, "", ErrorKind::Unsupported, {}, false);
        row("too large", 413, "", ErrorKind::TooLarge, {}, false);
        row("rate limited", 429, "", ErrorKind::RateLimited, {}, true);
        row("digest invalid", 400, "{\"errors\":[{\"code\":\"DIGEST_INVALID\"}]}",
            ErrorKind::InvalidInput, {QStringLiteral("DIGEST_INVALID")}, false);
        row("server", 503, "<html>busy</html>", ErrorKind::Server, {}, true);
        row("gateway timeout", 504, "", ErrorKind::Server, {}, true);
        row("not implemented", 501, "", ErrorKind::Server, {}, false);
    }

    void registryErrors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(QStringList, codes);
        QFETCH(bool, retryable);
        HttpResponse response;
        response.status = status;
        response.body = body;
        const Error error = registryError(response, QStringLiteral("team/app:v1"));
        QCOMPARE(errorKindName(error.kind), errorKindName(ErrorKind(kind)));
        QCOMPARE(error.registryCodes, codes);
        QCOMPARE(error.retryable, retryable);
        QCOMPARE(error.httpStatus, status);
        QVERIFY(error.message.startsWith(QStringLiteral("team/app:v1: ")));
    }

    void responseHeaders()
    {
        HttpResponse response;
        response.headers = {{"content-type", "Application/VND.OCI.Image.Index.v1+json; charset=x"},
                            {"Link", "<a>; rel=next"},
                            {"LINK", "<b>; rel=prev"},
                            {"WWW-Authenticate", "Bearer realm=x"}};
        QCOMPARE(response.contentType(), QStringLiteral("application/vnd.oci.image.index.v1+json"));
        QCOMPARE(response.headerValues("link").size(), 2);
        QCOMPARE(response.header("www-authenticate"), QByteArray("Bearer realm=x"));
        QVERIFY(response.header("Missing").isEmpty());
        response.status = 204;
        QVERIFY(response.isSuccess());
        response.status = 304;
        QVERIFY(!response.isSuccess());
    }
};

QTEST_GUILESS_MAIN(TestHttpPolicies)
#include "tst_httppolicies.moc"
