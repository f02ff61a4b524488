// RegistryClient against a real docker-registry: the read path, the minimal write path, the
// content cache, Basic authentication and cancellation.
#include "support/asyncwait.h"
#include "support/testregistry.h"
#include "support/teststack.h"

#include "auth/registryauthenticator.h"
#include "auth/staticcredentialsource.h"
#include "cache/contentcache.h"
#include "content/mediatype.h"
#include "registry/registryclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

using namespace ocular;
using ocular::test::waitFor;

namespace {

struct Pushed
{
    Digest config;
    Digest layer;
    Digest manifest;
    QByteArray raw;
};

// A registry client wired as the application wires it (RegistryStack), for one test.
struct ClientRig
{
    explicit ClientRig(const QString &registry, CredentialSource *credentials = nullptr)
    {
        RegistryStackConfig config = test::testStackConfig(registry);
        if (credentials)
            config.credentialSources = {credentials};
        stack = test::makeStack(config);
        client = stack ? stack->client() : nullptr;
    }
    std::unique_ptr<RegistryStack> stack;
    RegistryClient *client = nullptr;
    HttpClient &http() { return *stack->http(); }
};

QByteArray imageManifest(const Digest &config, qint64 configSize, const Digest &layer,
                         qint64 layerSize)
{
    QJsonObject manifest{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), QString(mediatype::OciManifest)},
        {QStringLiteral("config"),
         QJsonObject{{QStringLiteral("mediaType"), QString(mediatype::OciConfig)},
                     {QStringLiteral("digest"), config.toString()},
                     {QStringLiteral("size"), configSize}}},
        {QStringLiteral("layers"),
         QJsonArray{QJsonObject{{QStringLiteral("mediaType"), QString(mediatype::OciLayerTarGzip)},
                                {QStringLiteral("digest"), layer.toString()},
                                {QStringLiteral("size"), layerSize}}}},
        {QStringLiteral("annotations"),
         QJsonObject{{QStringLiteral("org.opencontainers.image.title"), QStringLiteral("test")}}},
    };
    return QJsonDocument(manifest).toJson(QJsonDocument::Compact);
}

Pushed pushImage(RegistryClient &client, const QString &repository, const QString &tag,
                 const QByteArray &layerBytes = QByteArrayLiteral("layer-bytes"))
{
    Pushed pushed;
    const QByteArray config = QByteArrayLiteral(
        R"({"architecture":"amd64","os":"linux","created":"2024-05-01T10:00:00Z","rootfs":{"type":"layers","diff_ids":[]}})");
    auto configDigest = waitFor<Digest>(
        [&](QObject *ctx, auto done) { return client.uploadBlob(repository, config, ctx, done); });
    auto layerDigest = waitFor<Digest>([&](QObject *ctx, auto done) {
        return client.uploadBlob(repository, layerBytes, ctx, done);
    });
    if (!configDigest.ok() || !layerDigest.ok()) {
        qWarning("upload failed: %s",
                 qPrintable(
                     (configDigest.ok() ? layerDigest.error() : configDigest.error()).toString()));
        return pushed;
    }
    pushed.config = configDigest.value();
    pushed.layer = layerDigest.value();
    pushed.raw = imageManifest(pushed.config, config.size(), pushed.layer, layerBytes.size());
    auto manifest = waitFor<PushedManifest>([&](QObject *ctx, auto done) {
        return client.putManifest(repository, tag, pushed.raw, mediatype::OciManifest, ctx, done);
    });
    if (manifest.ok())
        pushed.manifest = manifest->digest;
    return pushed;
}

} // namespace

class TestRegistryClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pingAndPushAndRead()
    {
        OCULAR_TEST_REGISTRY(registry);
        ClientRig rig(registry.hostPort());
        RegistryClient &client = *rig.client;

        auto ping =
            waitFor<PingResult>([&](QObject *ctx, auto done) { return client.ping(ctx, done); });
        QVERIFY2(ping.ok(), qPrintable(ping.error().toString()));
        QCOMPARE(ping->status, 200);
        QCOMPARE(ping->apiVersion, QStringLiteral("registry/2.0"));

        const Pushed pushed =
            pushImage(client, QStringLiteral("team/service/api"), QStringLiteral("v1"));
        QVERIFY(pushed.manifest.isValid());
        QCOMPARE(pushed.manifest, Digest::sha256(pushed.raw));

        // HEAD agrees with the bytes we pushed.
        auto head = waitFor<ManifestHead>([&](QObject *ctx, auto done) {
            return client.headManifest(QStringLiteral("team/service/api"), QStringLiteral("v1"),
                                       ctx, done);
        });
        QVERIFY2(head.ok(), qPrintable(head.error().toString()));
        QCOMPARE(head->digest, pushed.manifest);
        QCOMPARE(head->mediaType, QString(mediatype::OciManifest));
        QCOMPARE(head->size, qint64(pushed.raw.size()));

        // GET by tag keeps the exact bytes.
        auto byTag = waitFor<FetchedManifest>([&](QObject *ctx, auto done) {
            return client.getManifest(QStringLiteral("team/service/api"), QStringLiteral("v1"), ctx,
                                      done);
        });
        QVERIFY2(byTag.ok(), qPrintable(byTag.error().toString()));
        QCOMPARE(byTag->manifest.raw(), pushed.raw);
        QCOMPARE(byTag->manifest.digest(), pushed.manifest);
        QVERIFY(byTag->warning.isEmpty());
        QCOMPARE(byTag->manifest.layers().size(), 1);
        QCOMPARE(
            byTag->manifest.annotations().value(QStringLiteral("org.opencontainers.image.title")),
            QStringLiteral("test"));

        // Blob by digest, verified.
        auto blob = waitFor<QByteArray>([&](QObject *ctx, auto done) {
            return client.getBlob(QStringLiteral("team/service/api"), pushed.layer, 1024, ctx,
                                  done);
        });
        QVERIFY2(blob.ok(), qPrintable(blob.error().toString()));
        QCOMPARE(blob.value(), QByteArrayLiteral("layer-bytes"));

        // Catalog shows the nested repository.
        auto catalog = waitFor<ListPage>(
            [&](QObject *ctx, auto done) { return client.catalogPage(100, QUrl(), ctx, done); });
        QVERIFY2(catalog.ok(), qPrintable(catalog.error().toString()));
        QVERIFY(catalog->items.contains(QStringLiteral("team/service/api")));
    }

    void uploadSkipsExistingBlobs()
    {
        OCULAR_TEST_REGISTRY(registry);
        ClientRig rig(registry.hostPort());
        const QByteArray data = QByteArrayLiteral("some blob content");
        auto first = waitFor<Digest>([&](QObject *ctx, auto done) {
            return rig.client->uploadBlob(QStringLiteral("a/b"), data, ctx, done);
        });
        QVERIFY2(first.ok(), qPrintable(first.error().toString()));
        const qint64 before = rig.http().attemptsStarted();
        auto second = waitFor<Digest>([&](QObject *ctx, auto done) {
            return rig.client->uploadBlob(QStringLiteral("a/b"), data, ctx, done);
        });
        QVERIFY(second.ok());
        QCOMPARE(second.value(), first.value());
        // Only the HEAD: no POST and no PUT for content the registry already has.
        QCOMPARE(rig.http().attemptsStarted() - before, qint64(1));
    }

    void manifestsByDigestComeFromTheCache()
    {
        OCULAR_TEST_REGISTRY(registry);
        QTemporaryDir cacheDir;
        ContentCache cache(cacheDir.path());
        ClientRig rig(registry.hostPort());
        rig.client->setCache(&cache);
        const Pushed pushed =
            pushImage(*rig.client, QStringLiteral("cached"), QStringLiteral("latest"));
        QVERIFY(pushed.manifest.isValid());

        auto fetch = [&] {
            return waitFor<FetchedManifest>([&](QObject *ctx, auto done) {
                return rig.client->getManifest(QStringLiteral("cached"), pushed.manifest.toString(),
                                               ctx, done);
            });
        };
        auto first = fetch();
        QVERIFY2(first.ok(), qPrintable(first.error().toString()));
        const qint64 before = rig.http().attemptsStarted();
        auto second = fetch();
        QVERIFY(second.ok());
        QVERIFY(second->fromCache);
        QCOMPARE(rig.http().attemptsStarted(), before);
        QCOMPARE(second->manifest.raw(), pushed.raw);

        // A fresh cache over the same directory serves from disk (written in the background).
        cache.waitForBackgroundWork();
        ContentCache reopened(cacheDir.path());
        QVERIFY(reopened.get(pushed.manifest).has_value());
    }

    void allTagsFollowsPages()
    {
        OCULAR_TEST_REGISTRY(registry);
        ClientRig rig(registry.hostPort());
        const Pushed pushed = pushImage(*rig.client, QStringLiteral("tags"), QStringLiteral("t0"));
        QVERIFY(pushed.manifest.isValid());
        for (int i = 1; i < 25; ++i) {
            auto put = waitFor<PushedManifest>([&](QObject *ctx, auto done) {
                return rig.client->putManifest(QStringLiteral("tags"), QStringLiteral("t%1").arg(i),
                                               pushed.raw, mediatype::OciManifest, ctx, done);
            });
            QVERIFY(put.ok());
        }
        int pages = 0;
        auto tags = waitFor<QStringList>([&](QObject *ctx, auto done) {
            return rig.client->allTags(QStringLiteral("tags"), ctx, done,
                                       [&](const QStringList &) { ++pages; });
        });
        QVERIFY2(tags.ok(), qPrintable(tags.error().toString()));
        QCOMPARE(tags->size(), 25);
        QVERIFY(tags->contains(QStringLiteral("t24")));
        QVERIFY(pages >= 1);

        // An explicit small page: distribution answers with a Link to the rest.
        auto page = waitFor<ListPage>([&](QObject *ctx, auto done) {
            return rig.client->tagsPage(QStringLiteral("tags"), 10, QUrl(), ctx, done);
        });
        QVERIFY(page.ok());
        QVERIFY(page->items.size() <= 25);
    }

    void errorsArePlainSentences()
    {
        OCULAR_TEST_REGISTRY(registry);
        ClientRig rig(registry.hostPort());
        auto missing = waitFor<FetchedManifest>([&](QObject *ctx, auto done) {
            return rig.client->getManifest(QStringLiteral("nothing/here"), QStringLiteral("latest"),
                                           ctx, done);
        });
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().kind, ErrorKind::NotFound);
        QCOMPARE(missing.error().httpStatus, 404);
        QVERIFY(missing.error().toString().contains(QStringLiteral("nothing/here")));
        QVERIFY2(missing.error().registryCodes.contains(QStringLiteral("NAME_UNKNOWN")) ||
                     missing.error().registryCodes.contains(QStringLiteral("MANIFEST_UNKNOWN")),
                 qPrintable(missing.error().toString()));

        auto badDigest = waitFor<FetchedManifest>([&](QObject *ctx, auto done) {
            return rig.client->getManifest(QStringLiteral("x"), QStringLiteral("sha256:ABC"), ctx,
                                           done);
        });
        QVERIFY(!badDigest.ok());
        QCOMPARE(badDigest.error().kind, ErrorKind::InvalidInput);

        // A closed loopback port: a quick, clear network error (connection refused is not retried).
        ClientRig closed(QStringLiteral("127.0.0.1:1"));
        auto refused = waitFor<PingResult>(
            [&](QObject *ctx, auto done) { return closed.client->ping(ctx, done); });
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, ErrorKind::Network);
        QVERIFY(refused.error().message.contains(QStringLiteral("connection refused")));
    }

    void deleteByDigestAndTagRefusal()
    {
        OCULAR_TEST_REGISTRY(registry);
        ClientRig rig(registry.hostPort());
        const Pushed pushed = pushImage(*rig.client, QStringLiteral("del"), QStringLiteral("v1"));
        QVERIFY(pushed.manifest.isValid());

        // docker-registry 2.8 cannot delete a tag: 400 DIGEST_INVALID, and nothing changes.
        auto byTag = waitFor<Done>([&](QObject *ctx, auto done) {
            return rig.client->deleteManifest(QStringLiteral("del"), QStringLiteral("v1"), ctx,
                                              done);
        });
        QVERIFY(!byTag.ok());
        QCOMPARE(byTag.error().httpStatus, 400);
        QVERIFY(byTag.error().registryCodes.contains(QStringLiteral("DIGEST_INVALID")));
        auto still = waitFor<ManifestHead>([&](QObject *ctx, auto done) {
            return rig.client->headManifest(QStringLiteral("del"), QStringLiteral("v1"), ctx, done);
        });
        QVERIFY(still.ok());

        auto byDigest = waitFor<Done>([&](QObject *ctx, auto done) {
            return rig.client->deleteManifest(QStringLiteral("del"), pushed.manifest.toString(),
                                              ctx, done);
        });
        QVERIFY2(byDigest.ok(), qPrintable(byDigest.error().toString()));
        auto gone = waitFor<ManifestHead>([&](QObject *ctx, auto done) {
            return rig.client->headManifest(QStringLiteral("del"), QStringLiteral("v1"), ctx, done);
        });
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().kind, ErrorKind::NotFound);
    }

    void basicAuthWithHtpasswd()
    {
        const QString canary = QStringLiteral("canary-Secret-7f3a");
        RegistryProcess::Options options;
        options.htpasswdUser = QStringLiteral("alice");
        options.htpasswdPassword = canary;
        OCULAR_TEST_REGISTRY(registry, options);

        ClientRig anonymous(registry.hostPort());
        auto denied = waitFor<ListPage>([&](QObject *ctx, auto done) {
            return anonymous.client->catalogPage(10, QUrl(), ctx, done);
        });
        QVERIFY(!denied.ok());
        QCOMPARE(denied.error().kind, ErrorKind::Auth);
        QVERIFY(denied.error().message.contains(QStringLiteral("requires a login")));

        StaticCredentialSource wrong;
        wrong.set(registry.hostPort(), Credentials{QStringLiteral("alice"), QStringLiteral("nope"),
                                                   false, QStringLiteral("test")});
        ClientRig wrongRig(registry.hostPort(), &wrong);
        auto rejected = waitFor<PingResult>(
            [&](QObject *ctx, auto done) { return wrongRig.client->ping(ctx, done); });
        QVERIFY(!rejected.ok());
        QCOMPARE(rejected.error().kind, ErrorKind::Auth);
        QVERIFY2(rejected.error().message.contains(QStringLiteral("rejected")),
                 qPrintable(rejected.error().message));
        QVERIFY(!rejected.error().toString().contains(QStringLiteral("nope")));

        StaticCredentialSource right;
        right.set(registry.hostPort(),
                  Credentials{QStringLiteral("alice"), canary, false, QStringLiteral("test")});
        ClientRig rig(registry.hostPort(), &right);
        const Pushed pushed =
            pushImage(*rig.client, QStringLiteral("private/app"), QStringLiteral("1.0"));
        QVERIFY(pushed.manifest.isValid());
        auto catalog = waitFor<ListPage>([&](QObject *ctx, auto done) {
            return rig.client->catalogPage(10, QUrl(), ctx, done);
        });
        QVERIFY2(catalog.ok(), qPrintable(catalog.error().toString()));
        QVERIFY(catalog->items.contains(QStringLiteral("private/app")));
    }

    void cancellationDeliversCancelledAndDestroyedContextNothing()
    {
        OCULAR_TEST_REGISTRY(registry);
        ClientRig rig(registry.hostPort());
        auto cancelled = waitFor<PingResult>([&](QObject *ctx, auto done) {
            RequestHandle handle = rig.client->ping(ctx, done);
            handle.cancel();
            return handle;
        });
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().kind, ErrorKind::Cancelled);

        bool called = false;
        auto *context = new QObject;
        rig.client->getManifest(QStringLiteral("x"), QStringLiteral("latest"), context,
                                [&called](Result<FetchedManifest>) { called = true; });
        delete context;
        QTest::qWait(300);
        QVERIFY(!called);
        QTRY_COMPARE(rig.http().pendingCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRegistryClient)
#include "tst_registryclient.moc"
