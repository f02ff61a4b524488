// Where a registry's API lives, and when plain HTTP is allowed.
#include "registry/registryendpoint.h"

#include <QTest>

using namespace ocular;

class TestRegistryEndpoint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("allowInsecure");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("registry");
        QTest::addColumn<QString>("baseUrl");

        // Loopback without a scheme tries HTTPS first (plainHttpFallback, tested below).
        QTest::addRow("loopback host:port is https first")
            << "127.0.0.1:5000" << false << true << "127.0.0.1:5000"
            << "https://127.0.0.1:5000";
        QTest::addRow("localhost is https first")
            << "localhost:5000" << false << true << "localhost:5000"
            << "https://localhost:5000";
        QTest::addRow("ipv6 loopback") << "[::1]:5000" << false << true << "[::1]:5000"
                                       << "https://[::1]:5000";
        QTest::addRow("explicit http on loopback stays plain")
            << "http://127.0.0.1:5000" << false << true << "127.0.0.1:5000"
            << "http://127.0.0.1:5000";
        QTest::addRow("public host is https") << "ghcr.io" << false << true << "ghcr.io"
                                              << "https://ghcr.io";
        QTest::addRow("docker hub api host") << "docker.io" << false << true << "docker.io"
                                             << "https://registry-1.docker.io";
        QTest::addRow("index.docker.io alias")
            << "https://index.docker.io" << false << true << "docker.io"
            << "https://registry-1.docker.io";
        QTest::addRow("explicit https on loopback")
            << "https://127.0.0.1:5443" << false << true << "127.0.0.1:5443"
            << "https://127.0.0.1:5443";
        QTest::addRow("path is dropped") << "https://quay.io/v2/" << false << true << "quay.io"
                                         << "https://quay.io";
        QTest::addRow("upper case host folded")
            << "Registry.Example.COM:443" << false << true << "registry.example.com:443"
            << "https://registry.example.com:443";
        QTest::addRow("plain http remote refused")
            << "http://registry.example.com" << false << false << ""
            << "";
        QTest::addRow("plain http remote allowed explicitly")
            << "http://registry.example.com:8080" << true << true << "registry.example.com:8080"
            << "http://registry.example.com:8080";
        QTest::addRow("empty") << "" << false << false << ""
                               << "";
        QTest::addRow("spaces only") << "   " << false << false << ""
                                     << "";
        QTest::addRow("ftp scheme") << "ftp://example.com" << false << false << ""
                                    << "";
        QTest::addRow("garbage host") << "exa mple.com" << false << false << ""
                                      << "";
        QTest::addRow("overlong") << QString(400, QLatin1Char('a')) << false << false << ""
                                  << "";
    }

    void parse()
    {
        QFETCH(QString, input);
        QFETCH(bool, allowInsecure);
        QFETCH(bool, valid);
        QFETCH(QString, registry);
        QFETCH(QString, baseUrl);
        const auto endpoint = RegistryEndpoint::parse(input, allowInsecure);
        QCOMPARE(endpoint.ok(), valid);
        if (!valid) {
            QVERIFY(!endpoint.error().message.isEmpty());
            QCOMPARE(endpoint.error().kind, ErrorKind::InvalidInput);
            return;
        }
        QCOMPARE(endpoint->registry, registry);
        QCOMPARE(endpoint->baseUrl.toString(), baseUrl);
    }

    void apiUrl()
    {
        const auto endpoint =
            RegistryEndpoint::parse(QStringLiteral("http://127.0.0.1:5000")).value();
        QCOMPARE(endpoint.apiUrl(QString()).toString(),
                 QStringLiteral("http://127.0.0.1:5000/v2/"));
        QCOMPARE(endpoint.apiUrl(QStringLiteral("team/api/tags/list"), QUrlQuery(QStringLiteral("n=10")))
                     .toString(),
                 QStringLiteral("http://127.0.0.1:5000/v2/team/api/tags/list?n=10"));
        // A '?' in the path stays in the path: it can never add parameters.
        const QUrl odd = endpoint.apiUrl(QStringLiteral("team/api/manifests/x?a=b"));
        QVERIFY(!odd.hasQuery());
        QCOMPARE(odd.path(), QStringLiteral("/v2/team/api/manifests/x?a=b"));
        QVERIFY(endpoint.isPlainHttp());
    }

    void plainHttpFallbackOnlyForLoopbackWithoutScheme_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("fallback");
        QTest::addColumn<QString>("address");
        QTest::addRow("loopback, no scheme") << "127.0.0.1:5000" << true << "127.0.0.1:5000";
        QTest::addRow("localhost, no scheme") << "localhost:5000" << true << "localhost:5000";
        QTest::addRow("ipv6 loopback") << "[::1]:5000" << true << "[::1]:5000";
        QTest::addRow("explicit https")
            << "https://127.0.0.1:5000" << false << "https://127.0.0.1:5000";
        QTest::addRow("explicit http")
            << "http://127.0.0.1:5000" << false << "http://127.0.0.1:5000";
        QTest::addRow("remote host")
            << "registry.example.com" << false << "https://registry.example.com";
    }

    void plainHttpFallbackOnlyForLoopbackWithoutScheme()
    {
        QFETCH(QString, input);
        QFETCH(bool, fallback);
        QFETCH(QString, address);
        const auto endpoint = RegistryEndpoint::parse(input);
        QVERIFY(endpoint.ok());
        QCOMPARE(endpoint->plainHttpFallback, fallback);
        QCOMPARE(endpoint->address(), address);
        // The address names the same endpoint again.
        const auto again = RegistryEndpoint::parse(endpoint->address());
        QVERIFY(again.ok());
        QCOMPARE(again->baseUrl, endpoint->baseUrl);
        QCOMPARE(again->plainHttpFallback, fallback);
    }
};

QTEST_GUILESS_MAIN(TestRegistryEndpoint)
#include "tst_registryendpoint.moc"
