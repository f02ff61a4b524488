// RegistryStack: the one wiring of HTTP, credentials, authenticator, cache and clients.
#include "auth/credentialchain.h"
#include "auth/registryauthenticator.h"
#include "auth/staticcredentialsource.h"
#include "cache/contentcache.h"
#include "http/httpclient.h"
#include "registry/registryclient.h"
#include "stack/registrystack.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

using namespace ocular;

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
};

QTEST_GUILESS_MAIN(TestRegistryStack)
#include "tst_registrystack.moc"
