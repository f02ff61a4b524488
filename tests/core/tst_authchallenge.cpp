// WWW-Authenticate parsing (RFC 7235) as a data-driven table, the token cache, and redaction.
#include "auth/authchallenge.h"
#include "auth/tokencache.h"
#include "http/redact.h"
#include "http/registryerror.h"

#include <QTest>

using namespace ocular;

// One expected challenge, written as "scheme|name=value|name=value".
using Expected = QByteArrayList;

class TestAuthChallenge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QList<QByteArray>>("headers");
        QTest::addColumn<Expected>("expected");

        QTest::addRow("docker bearer")
            << QList<QByteArray>{"Bearer "
                                 "realm=\"https://auth.docker.io/"
                                 "token\",service=\"registry.docker.io\",scope=\"repository:"
                                 "library/alpine:pull\""}
            << Expected{"bearer|realm=https://auth.docker.io/token|scope=repository:library/"
                        "alpine:pull|service=registry.docker.io"};
        QTest::addRow("basic") << QList<QByteArray>{"Basic realm=\"Registry Realm\""}
                               << Expected{"basic|realm=Registry Realm"};
        QTest::addRow("case-insensitive scheme and names")
            << QList<QByteArray>{"BEARER Realm=\"https://a/t\",SERVICE=svc"}
            << Expected{"bearer|realm=https://a/t|service=svc"};
        QTest::addRow("unquoted values")
            << QList<QByteArray>{"Bearer realm=https://a.example/token, service=a.example"}
            << Expected{"bearer|realm=https://a.example/token|service=a.example"};
        QTest::addRow("two challenges in one header")
            << QList<QByteArray>{"Basic realm=\"b\", Bearer realm=\"https://t/x\", service=\"s\""}
            << Expected{"basic|realm=b", "bearer|realm=https://t/x|service=s"};
        QTest::addRow("two headers")
            << QList<QByteArray>{"Basic realm=\"b\"", "Bearer realm=\"https://t/x\""}
            << Expected{"basic|realm=b", "bearer|realm=https://t/x"};
        QTest::addRow("escaped quotes")
            << QList<QByteArray>{"Basic realm=\"say \\\"hi\\\" \\\\ bye\""}
            << Expected{"basic|realm=say \"hi\" \\ bye"};
        QTest::addRow("comma inside quotes")
            << QList<QByteArray>{"Bearer realm=\"https://t/x\",scope=\"repository:a:pull,push\""}
            << Expected{"bearer|realm=https://t/x|scope=repository:a:pull,push"};
        QTest::addRow("multiple scopes space separated")
            << QList<QByteArray>{"Bearer realm=\"r\",scope=\"repository:a:pull repository:b:pull\""}
            << Expected{"bearer|realm=r|scope=repository:a:pull repository:b:pull"};
        QTest::addRow("insufficient scope")
            << QList<QByteArray>{"Bearer "
                                 "realm=\"r\",service=\"s\",scope=\"repository:a:push\",error="
                                 "\"insufficient_scope\""}
            << Expected{
                   "bearer|error=insufficient_scope|realm=r|scope=repository:a:push|service=s"};
        QTest::addRow("spaces around equals")
            << QList<QByteArray>{"Bearer realm = \"r\" , service = s"}
            << Expected{"bearer|realm=r|service=s"};
        QTest::addRow("token68 then another challenge")
            << QList<QByteArray>{"Negotiate abc123==, Basic realm=\"x\""}
            << Expected{"negotiate", "basic|realm=x"};
        QTest::addRow("scheme without params") << QList<QByteArray>{"Basic"} << Expected{"basic"};
        QTest::addRow("empty header") << QList<QByteArray>{""} << Expected{};
        QTest::addRow("only commas") << QList<QByteArray>{" , ,, "} << Expected{};
        QTest::addRow("unterminated quote") << QList<QByteArray>{"Bearer realm=\"https://t/x"}
                                            << Expected{"bearer|realm=https://t/x"};
        QTest::addRow("empty quoted value") << QList<QByteArray>{"Bearer realm=\"\",service=\"s\""}
                                            << Expected{"bearer|realm=|service=s"};
        QTest::addRow("param before any scheme is dropped")
            << QList<QByteArray>{"realm=\"x\", Basic realm=\"y\""} << Expected{"basic|realm=y"};
        QTest::addRow("garbage characters skipped")
            << QList<QByteArray>{"Bearer @@@ realm=\"r\""} << Expected{"bearer|realm=r"};
        QTest::addRow("tab separators")
            << QList<QByteArray>{"Basic\trealm=\"t\""} << Expected{"basic|realm=t"};
        QTest::addRow("oversized header ignored")
            << QList<QByteArray>{QByteArray("Basic realm=\"") + QByteArray(20000, 'a') + '"'}
            << Expected{};
    }

    void parse()
    {
        QFETCH(QList<QByteArray>, headers);
        QFETCH(Expected, expected);
        const QList<AuthChallenge> challenges = AuthChallenge::parse(headers);
        Expected actual;
        for (const AuthChallenge &challenge : challenges) {
            QStringList parts{challenge.scheme};
            for (auto it = challenge.params.constBegin(); it != challenge.params.constEnd(); ++it)
                parts << it.key() + QLatin1Char('=') + it.value();
            actual << parts.join(QLatin1Char('|')).toUtf8();
        }
        QCOMPARE(actual, expected);
    }

    void paramIsCaseInsensitive()
    {
        const auto challenges = AuthChallenge::parse({"Bearer Realm=\"r\""});
        QCOMPARE(challenges.size(), 1);
        QCOMPARE(challenges.first().param(QStringLiteral("REALM")), QStringLiteral("r"));
    }

    void tokenCacheExpiry()
    {
        TokenCache cache;
        const QDateTime now = QDateTime::fromSecsSinceEpoch(1000000, Qt::UTC);
        cache.insert(QStringLiteral("https://r:443"), QStringLiteral("repository:a:pull"),
                     QStringLiteral("T1"), 300, now);
        QCOMPARE(cache.lookup(QStringLiteral("https://r:443"), QStringLiteral("repository:a:pull"),
                              now.addSecs(200)),
                 QStringLiteral("T1"));
        // Renewed early: gone RenewMarginSeconds before the stated expiry.
        QVERIFY(cache
                    .lookup(QStringLiteral("https://r:443"), QStringLiteral("repository:a:pull"),
                            now.addSecs(300 - TokenCache::RenewMarginSeconds))
                    .isEmpty());
        // Per scope and per origin.
        QVERIFY(
            cache.lookup(QStringLiteral("https://r:443"), QStringLiteral("repository:a:push"), now)
                .isEmpty());
        QVERIFY(
            cache.lookup(QStringLiteral("https://s:443"), QStringLiteral("repository:a:pull"), now)
                .isEmpty());
        // Missing expires_in means 60 s.
        cache.insert(QStringLiteral("https://r:443"), QString(), QStringLiteral("T2"), 0, now);
        QCOMPARE(cache.lookup(QStringLiteral("https://r:443"), QString(), now.addSecs(45)),
                 QStringLiteral("T2"));
        QVERIFY(
            cache.lookup(QStringLiteral("https://r:443"), QString(), now.addSecs(61)).isEmpty());
        cache.clear(QStringLiteral("https://r:443"));
        QVERIFY(cache.lookup(QStringLiteral("https://r:443"), QString(), now).isEmpty());
    }

    void redactText_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("secret");
        QTest::addRow("bearer") << QByteArray("Authorization: Bearer abc.def-ghi")
                                << QByteArray("abc.def-ghi");
        QTest::addRow("basic") << QByteArray("sent Basic dXNlcjpwYXNz to x")
                               << QByteArray("dXNlcjpwYXNz");
        QTest::addRow("json token")
            << QByteArray("{\"token\":\"s3cr3t\",\"expires_in\":60}") << QByteArray("s3cr3t");
        QTest::addRow("json access_token")
            << QByteArray("{\"access_token\" : \"s3cr\\\"3t\"}") << QByteArray("s3cr");
        QTest::addRow("json password")
            << QByteArray("{\"Password\":\"hunter2\"}") << QByteArray("hunter2");
        QTest::addRow("json secret")
            << QByteArray("{\"Secret\":\"hunter2\"}") << QByteArray("hunter2");
        QTest::addRow("json auth")
            << QByteArray("{\"auth\":\"dXNlcjpwYXNz\"}") << QByteArray("dXNlcjpwYXNz");
        QTest::addRow("form refresh token")
            << QByteArray("grant_type=refresh_token&refresh_token=rt123") << QByteArray("rt123");
        QTest::addRow("signed url")
            << QByteArray(
                   "GET https://s3.example/b/o?X-Amz-Credential=AKIA1&X-Amz-Signature=f00d failed")
            << QByteArray("f00d");
        QTest::addRow("azure sig")
            << QByteArray("see https://a.blob.core.windows.net/c/b?sv=1&sig=ABCD%3D")
            << QByteArray("ABCD");
        QTest::addRow("jwt") << QByteArray(
                                    "token eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In0.c2lnbmF0dXJl here")
                             << QByteArray("eyJpc3MiOiJ4In0");
        QTest::addRow("user info")
            << QByteArray("https://bob:hunter2@r.example/v2/") << QByteArray("hunter2");
    }

    void redactText()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, secret);
        const QString out = redact::text(QString::fromUtf8(input));
        QVERIFY2(!out.contains(QString::fromUtf8(secret)), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String(redact::Marker)), qPrintable(out));
    }

    void redactKeepsPlainText()
    {
        const QString plain = QStringLiteral("GET /v2/library/alpine/manifests/3.19 answered 404");
        QCOMPARE(redact::text(plain), plain);
    }

    void redactUrl()
    {
        const QUrl url(
            QStringLiteral("https://u:p@auth.example/token?service=reg&scope=repository:a:pull&"
                           "X-Amz-Signature=deadbeef&n=10"));
        const QString out = redact::url(url);
        QVERIFY2(!out.contains(QStringLiteral("deadbeef")), qPrintable(out));
        QVERIFY2(!out.contains(QStringLiteral("u:p")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("service=reg")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("scope=repository")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("n=10")), qPrintable(out));
    }

    void registryErrorsAreScrubbed()
    {
        HttpResponse response;
        response.status = 400;
        response.body = "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"token Bearer "
                        "abc.def.ghi not valid for https://s3.example/o?X-Amz-Signature=feed\"}]}";
        const Error error = registryError(response, QStringLiteral("Could not read"));
        QVERIFY2(!error.message.contains(QStringLiteral("abc.def.ghi")), qPrintable(error.message));
        QVERIFY2(!error.message.contains(QStringLiteral("feed")), qPrintable(error.message));
        QVERIFY(error.message.contains(QStringLiteral("not valid")));
        QCOMPARE(error.registryCodes, QStringList{QStringLiteral("DENIED")});
    }

    void redactHeaders()
    {
        QCOMPARE(redact::headerValue("Authorization", "Bearer abc"),
                 QByteArray("Bearer ") + redact::Marker);
        QCOMPARE(redact::headerValue("authorization", "Basic dXNlcjpwYXNz"),
                 QByteArray("Basic ") + redact::Marker);
        QCOMPARE(redact::headerValue("Cookie", "a=b"), QByteArray(redact::Marker));
        QCOMPARE(redact::headerValue("X-Registry-Auth", "xyz"), QByteArray(redact::Marker));
        QCOMPARE(redact::headerValue("Content-Type", "application/json"),
                 QByteArray("application/json"));
    }
};

QTEST_GUILESS_MAIN(TestAuthChallenge)
#include "tst_authchallenge.moc"
