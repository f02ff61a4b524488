// The ContentSource contract, run unchanged against MemorySource and against RegistrySource
// over a real docker-registry: listing and paging through opaque cursors, resolve, manifest
// bytes and digests, blobs into memory and file sinks (verified; tampered content refused),
// referrers ("API absent" on docker-registry; the API path on the FAKE referrers registry, which
// no packaged registry can replace), push and delete, cancellation and destroyed contexts. Also
// the caching decorator and a RepositoryInventory of the demo content on the real registry.
#include "support/asyncwait.h"
#include "support/fakereferrersregistry.h"
#include "support/testregistry.h"
#include "support/teststack.h"

#include "cache/contentcache.h"
#include "content/manifestbuilder.h"
#include "content/mediatype.h"
#include "demo/demoseeder.h"
#include "inventory/repositoryinventorybuilder.h"
#include "registry/registryclient.h"
#include "source/cachingsource.h"
#include "source/fileblobsink.h"
#include "source/memoryblobsink.h"
#include "source/memorysource.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ocular;
using ocular::test::waitFor;

namespace {

const QString App = QStringLiteral("contract/app");
const QString Other = QStringLiteral("contract/other");
const QStringList Tags{QStringLiteral("latest"), QStringLiteral("v1"), QStringLiteral("v2"),
                       QStringLiteral("v3"), QStringLiteral("v4")};

/// The content every backend is seeded with, through the source's own push entry points.
struct Content
{
    BuiltManifest image;
    BuiltManifest sbom; ///< artifact with the image as subject
    ContentBlob layer;
};

Content makeContent()
{
    Content c;
    c.layer = ContentBlob{QByteArray(200 * 1024, 'L') + "end", QString(mediatype::OciLayerTarGzip)};
    const ContentBlob config{QByteArrayLiteral("{\"architecture\":\"amd64\",\"os\":\"linux\"}"),
                             QString(mediatype::OciConfig)};
    c.image =
        ManifestBuilder().image(QString(mediatype::OciManifest), config, {{c.layer, {}}}).value();
    ManifestBuilder::Artifact sbom;
    sbom.artifactType = QString(mediatype::SpdxJson);
    sbom.files.append({QByteArrayLiteral("{\"spdxVersion\":\"SPDX-2.3\"}"),
                       QString(mediatype::SpdxJson),
                       QStringLiteral("sbom.spdx.json"),
                       {}});
    sbom.subject = c.image.descriptor();
    c.sbom = ManifestBuilder().artifact(sbom).value();
    return c;
}

/// A place content comes from, as the contract test sees it.
class Backend
{
public:
    virtual ~Backend() = default;
    virtual ContentSource *source() = 0;
    /// Replaces a stored blob's bytes behind the source's back.
    virtual bool tamperBlob(const QString &repository, const Digest &digest,
                            const QByteArray &bytes) = 0;
    /// What resolve() claims without hashing (registry HEAD) or knows (memory).
    virtual bool resolveIsVerified() const = 0;
    virtual bool hasReferrersApi() const = 0;
};

class MemoryBackend : public Backend
{
public:
    ContentSource *source() override { return &memory; }
    bool tamperBlob(const QString &repository, const Digest &digest,
                    const QByteArray &bytes) override
    {
        memory.tamper(repository, digest, bytes);
        return true;
    }
    bool resolveIsVerified() const override { return true; }
    bool hasReferrersApi() const override { return true; }
    MemorySource memory;
};

class RegistryBackend : public Backend
{
public:
    RegistryBackend()
        : registry(std::make_unique<ocular::test::TestRegistry>())
    {
        if (!registry->ok())
            return;
        // Uncached, so that the cases see the registry itself.
        stack = ocular::test::makeStack(registry->baseUrl());
    }
    ContentSource *source() override { return stack ? stack->source() : nullptr; }
    bool tamperBlob(const QString &, const Digest &digest, const QByteArray &bytes) override
    {
        // distribution's filesystem layout: the registry serves this file as it is.
        QFile file(registry->process().storageDir() +
                   QStringLiteral("/docker/registry/v2/blobs/sha256/%1/%2/data")
                       .arg(digest.encoded().left(2), digest.encoded()));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        return file.write(bytes) == bytes.size();
    }
    bool resolveIsVerified() const override { return false; }
    bool hasReferrersApi() const override { return false; }

    std::unique_ptr<ocular::test::TestRegistry> registry;
    std::unique_ptr<RegistryStack> stack;
};

std::unique_ptr<Backend> makeBackend(const QString &name)
{
    if (name == QLatin1String("memory"))
        return std::make_unique<MemoryBackend>();
    auto backend = std::make_unique<RegistryBackend>();
    if (!backend->registry->ok())
        return nullptr;
    return backend;
}

Result<Done> seed(ContentSource *source, const Content &c)
{
    for (const QString &repo : {App, Other}) {
        for (const BuiltManifest *m : {&c.image, &c.sbom}) {
            for (const ContentBlob &blob : m->blobs) {
                auto pushed = waitFor<Digest>([&](QObject *ctx, auto done) {
                    return source->pushBlob(repo, blob.bytes, ctx, done);
                });
                if (!pushed.ok())
                    return pushed.error();
                if (pushed.value() != blob.digest())
                    return Error::make(ErrorKind::DigestMismatch, QStringLiteral("blob digest"));
            }
        }
        auto image = waitFor<PushedContent>([&](QObject *ctx, auto done) {
            return source->pushManifest(repo, c.image.digest.toString(), c.image.raw,
                                        c.image.mediaType, ctx, done);
        });
        if (!image.ok())
            return image.error();
        if (repo != App)
            continue;
        auto sbom = waitFor<PushedContent>([&](QObject *ctx, auto done) {
            return source->pushManifest(repo, c.sbom.digest.toString(), c.sbom.raw,
                                        c.sbom.mediaType, ctx, done);
        });
        if (!sbom.ok())
            return sbom.error();
        for (const QString &tag : Tags) {
            auto tagged = waitFor<PushedContent>([&](QObject *ctx, auto done) {
                return source->pushManifest(repo, tag, c.image.raw, c.image.mediaType, ctx, done);
            });
            if (!tagged.ok())
                return tagged.error();
        }
    }
    auto tagged = waitFor<PushedContent>([&](QObject *ctx, auto done) {
        return source->pushManifest(Other, QStringLiteral("only"), c.image.raw, c.image.mediaType,
                                    ctx, done);
    });
    if (!tagged.ok())
        return tagged.error();
    return Done{};
}

} // namespace

#define OCULAR_BACKEND(var)                                                                        \
    QFETCH(QString, backendName);                                                                  \
    auto var = makeBackend(backendName);                                                           \
    if (!var)                                                                                      \
        return;                                                                                    \
    const Content content = makeContent();                                                         \
    {                                                                                              \
        const auto seeded = seed(var->source(), content);                                          \
        QVERIFY2(seeded.ok(), qPrintable(seeded.error().toString()));                              \
    }

class TestContentSource : public QObject
{
    Q_OBJECT

    void backends()
    {
        QTest::addColumn<QString>("backendName");
        QTest::addRow("memory") << QStringLiteral("memory");
        QTest::addRow("registry") << QStringLiteral("registry");
    }

private Q_SLOTS:
    void listsRepositoriesAndPagesThroughTags_data() { backends(); }
    void listsRepositoriesAndPagesThroughTags()
    {
        OCULAR_BACKEND(backend);
        ContentSource *source = backend->source();
        auto repos = waitFor<NameListing>(
            [&](QObject *ctx, auto done) { return source->allRepositories(10, ctx, done); });
        QVERIFY2(repos.ok(), qPrintable(repos.error().toString()));
        QVERIFY(repos->items.contains(App));
        QVERIFY(repos->items.contains(Other));

        // Page by hand with the opaque cursor: every tag exactly once, then the end.
        QStringList seen;
        PageCursor cursor = PageCursor::start();
        int pages = 0;
        while (!cursor.isEnd() && pages < 10) {
            auto page = waitFor<NamePage>(
                [&](QObject *ctx, auto done) { return source->tags(App, cursor, 2, ctx, done); });
            QVERIFY2(page.ok(), qPrintable(page.error().toString()));
            QVERIFY(page->items.size() <= 2 || backendName == QLatin1String("registry"));
            seen += page->items;
            cursor = page->next;
            ++pages;
        }
        QVERIFY(cursor.isEnd());
        QStringList sorted = seen;
        sorted.sort();
        QCOMPARE(sorted, Tags);
        if (backendName == QLatin1String("memory"))
            QCOMPARE(pages, 3);

        auto all = waitFor<NameListing>(
            [&](QObject *ctx, auto done) { return source->allTags(App, 100, ctx, done); });
        QVERIFY(all.ok());
        QCOMPARE(all->items.size(), Tags.size());

        auto missing = waitFor<NamePage>([&](QObject *ctx, auto done) {
            return source->tags(QStringLiteral("contract/none"), PageCursor::start(), 10, ctx,
                                done);
        });
        QCOMPARE(missing.error().kind, ErrorKind::NotFound);
    }

    void resolvesTagsAndDigests_data() { backends(); }
    void resolvesTagsAndDigests()
    {
        OCULAR_BACKEND(backend);
        for (const QString &reference : {QStringLiteral("v3"), content.image.digest.toString()}) {
            auto resolved = waitFor<ResolvedReference>([&](QObject *ctx, auto done) {
                return backend->source()->resolve(App, reference, ctx, done);
            });
            QVERIFY2(resolved.ok(), qPrintable(resolved.error().toString()));
            QCOMPARE(resolved->descriptor.digest, content.image.digest);
            QCOMPARE(resolved->descriptor.mediaType, QString(mediatype::OciManifest));
            QCOMPARE(resolved->descriptor.size, content.image.size());
            QCOMPARE(resolved->verified, backend->resolveIsVerified());
        }
        auto missing = waitFor<ResolvedReference>([&](QObject *ctx, auto done) {
            return backend->source()->resolve(App, QStringLiteral("nope"), ctx, done);
        });
        QCOMPARE(missing.error().kind, ErrorKind::NotFound);
    }

    void manifestsKeepTheirBytes_data() { backends(); }
    void manifestsKeepTheirBytes()
    {
        OCULAR_BACKEND(backend);
        for (const QString &reference :
             {QStringLiteral("latest"), content.sbom.digest.toString()}) {
            const BuiltManifest &expected =
                reference == QLatin1String("latest") ? content.image : content.sbom;
            auto fetched = waitFor<SourceManifest>([&](QObject *ctx, auto done) {
                return backend->source()->manifest(App, reference, ctx, done);
            });
            QVERIFY2(fetched.ok(), qPrintable(fetched.error().toString()));
            QCOMPARE(fetched->manifest.raw(), expected.raw);
            QCOMPARE(fetched->manifest.digest(), expected.digest);
            QVERIFY(fetched->warning.isEmpty());
        }
        auto sbom = waitFor<SourceManifest>([&](QObject *ctx, auto done) {
            return backend->source()->manifest(App, content.sbom.digest.toString(), ctx, done);
        });
        QCOMPARE(sbom->manifest.subject()->digest, content.image.digest);
        QCOMPARE(sbom->manifest.artifactType(), QString(mediatype::SpdxJson));
    }

    // The raw read the referrer walk uses for fallback indexes: the stored bytes, unparsed,
    // by tag or digest, through the caching decorator too; names are still checked.
    void rawManifestsAreTheStoredBytes_data() { backends(); }
    void rawManifestsAreTheStoredBytes()
    {
        OCULAR_BACKEND(backend);
        QTemporaryDir dir;
        ContentCache cache(dir.path());
        CachingSource caching(backend->source(), &cache);
        for (ContentSource *source : {backend->source(), static_cast<ContentSource *>(&caching)}) {
            auto byTag = waitFor<RawManifest>([&](QObject *ctx, auto done) {
                return source->rawManifest(App, QStringLiteral("v2"), ctx, done);
            });
            QVERIFY2(byTag.ok(), qPrintable(byTag.error().toString()));
            QCOMPARE(byTag->raw, content.image.raw);
            QCOMPARE(byTag->digest, content.image.digest);
            QCOMPARE(byTag->mediaType, content.image.mediaType);
            auto byDigest = waitFor<RawManifest>([&](QObject *ctx, auto done) {
                return source->rawManifest(App, content.sbom.digest.toString(), ctx, done);
            });
            QVERIFY2(byDigest.ok(), qPrintable(byDigest.error().toString()));
            QCOMPARE(byDigest->raw, content.sbom.raw);
            QCOMPARE(byDigest->digest, content.sbom.digest);
            auto missing = waitFor<RawManifest>([&](QObject *ctx, auto done) {
                return source->rawManifest(App, QStringLiteral("nope"), ctx, done);
            });
            QCOMPARE(missing.error().kind, ErrorKind::NotFound);
            auto hostile = waitFor<RawManifest>([&](QObject *ctx, auto done) {
                return source->rawManifest(App, QStringLiteral("../other/manifests/v1"), ctx, done);
            });
            QCOMPARE(hostile.error().kind, ErrorKind::InvalidInput);
        }
    }

    void blobsGoIntoSinksVerified_data() { backends(); }
    void blobsGoIntoSinksVerified()
    {
        OCULAR_BACKEND(backend);
        auto memorySink = std::make_shared<MemoryBlobSink>();
        auto receipt = waitFor<BlobReceipt>([&](QObject *ctx, auto done) {
            return backend->source()->blob(App, content.layer.digest(), memorySink, 1 << 20, ctx,
                                           done);
        });
        QVERIFY2(receipt.ok(), qPrintable(receipt.error().toString()));
        QCOMPARE(receipt->size, content.layer.bytes.size());
        QCOMPARE(memorySink->bytes(), content.layer.bytes);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("layer.tar.gz"));
        auto fileSink = std::make_shared<FileBlobSink>(path);
        receipt = waitFor<BlobReceipt>([&](QObject *ctx, auto done) {
            return backend->source()->blob(App, content.layer.digest(), fileSink, 1 << 20, ctx,
                                           done);
        });
        QVERIFY(receipt.ok());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), content.layer.bytes);

        // Too large for the cap: refused, nothing committed.
        auto small = std::make_shared<MemoryBlobSink>();
        auto tooLarge = waitFor<BlobReceipt>([&](QObject *ctx, auto done) {
            return backend->source()->blob(App, content.layer.digest(), small, 1024, ctx, done);
        });
        QCOMPARE(tooLarge.error().kind, ErrorKind::TooLarge);
        QVERIFY(small->bytes().isEmpty());
    }

    void tamperedBlobIsRefused_data() { backends(); }
    void tamperedBlobIsRefused()
    {
        OCULAR_BACKEND(backend);
        QByteArray tampered = content.layer.bytes;
        tampered[10] = 'X';
        QVERIFY(backend->tamperBlob(App, content.layer.digest(), tampered));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("tampered"));
        auto sink = std::make_shared<FileBlobSink>(path);
        auto receipt = waitFor<BlobReceipt>([&](QObject *ctx, auto done) {
            return backend->source()->blob(App, content.layer.digest(), sink, 1 << 20, ctx, done);
        });
        QCOMPARE(receipt.error().kind, ErrorKind::DigestMismatch);
        QVERIFY(!QFile::exists(path)); // never committed
    }

    void referrersAnswerSaysWhatKindItIs_data() { backends(); }
    void referrersAnswerSaysWhatKindItIs()
    {
        OCULAR_BACKEND(backend);
        auto answer = waitFor<ReferrersAnswer>([&](QObject *ctx, auto done) {
            return backend->source()->referrers(App, content.image.digest, QString(), ctx, done);
        });
        QVERIFY2(answer.ok(), qPrintable(answer.error().toString()));
        if (backend->hasReferrersApi()) {
            QCOMPARE(answer->kind, ReferrersAnswer::Kind::Api);
            QCOMPARE(answer->referrers.size(), 1);
            QCOMPARE(answer->referrers.first().digest, content.sbom.digest);
            QCOMPARE(answer->referrers.first().artifactType, QString(mediatype::SpdxJson));
        } else {
            // docker-registry 2.8: a plain-text 404 for the referrers path.
            QCOMPARE(answer->kind, ReferrersAnswer::Kind::ApiAbsent);
            QCOMPARE(answer->httpStatus, 404);
            QVERIFY(answer->referrers.isEmpty());
            QVERIFY2(answer->evidence.contains(QLatin1String("404")), qPrintable(answer->evidence));
        }
    }

    void deletesByDigest_data() { backends(); }
    void deletesByDigest()
    {
        OCULAR_BACKEND(backend);
        auto deleted = waitFor<Done>([&](QObject *ctx, auto done) {
            return backend->source()->deleteManifest(App, content.sbom.digest.toString(), ctx,
                                                     done);
        });
        QVERIFY2(deleted.ok(), qPrintable(deleted.error().toString()));
        auto gone = waitFor<SourceManifest>([&](QObject *ctx, auto done) {
            return backend->source()->manifest(App, content.sbom.digest.toString(), ctx, done);
        });
        QCOMPARE(gone.error().kind, ErrorKind::NotFound);
    }

    void cancellingDeliversCancelled_data() { backends(); }
    void cancellingDeliversCancelled()
    {
        OCULAR_BACKEND(backend);
        QObject context;
        std::optional<Result<SourceManifest>> result;
        const RequestHandle handle = backend->source()->manifest(
            App, QStringLiteral("latest"), &context,
            [&](Result<SourceManifest> r) { result.emplace(std::move(r)); });
        handle.cancel();
        QTRY_VERIFY(result.has_value());
        QCOMPARE(result->error().kind, ErrorKind::Cancelled);
    }

    void destroyedContextReceivesNothing_data() { backends(); }
    void destroyedContextReceivesNothing()
    {
        OCULAR_BACKEND(backend);
        int delivered = 0;
        {
            QObject context;
            backend->source()->manifest(App, QStringLiteral("latest"), &context,
                                        [&](Result<SourceManifest>) { ++delivered; });
            backend->source()->tags(App, PageCursor::start(), 10, &context,
                                    [&](Result<NamePage>) { ++delivered; });
            backend->source()->allTags(App, 10, &context,
                                       [&](Result<NameListing>) { ++delivered; });
            backend->source()->referrers(App, content.image.digest, QString(), &context,
                                         [&](Result<ReferrersAnswer>) { ++delivered; });
        }
        QTest::qWait(300);
        QCOMPARE(delivered, 0);
    }

    void cachingSourceServesImmutableContent_data() { backends(); }
    void cachingSourceServesImmutableContent()
    {
        OCULAR_BACKEND(backend);
        QTemporaryDir dir;
        ContentCache cache(dir.path());
        CachingSource caching(backend->source(), &cache);
        const QString byDigest = content.image.digest.toString();
        for (int round = 0; round < 2; ++round) {
            auto fetched = waitFor<SourceManifest>([&](QObject *ctx, auto done) {
                return caching.manifest(App, byDigest, ctx, done);
            });
            QVERIFY2(fetched.ok(), qPrintable(fetched.error().toString()));
            QCOMPARE(fetched->fromCache, round == 1);
            QCOMPARE(fetched->manifest.raw(), content.image.raw);
            auto sink = std::make_shared<MemoryBlobSink>();
            auto blob = waitFor<BlobReceipt>([&](QObject *ctx, auto done) {
                return caching.blob(App, content.layer.digest(), sink, 1 << 20, ctx, done);
            });
            QVERIFY(blob.ok());
            QCOMPARE(blob->fromCache, round == 1);
            QCOMPARE(sink->bytes(), content.layer.bytes);
            cache.waitForBackgroundWork();
        }
        // Tags are never cached: a tag always asks the inner source.
        auto byTag = waitFor<SourceManifest>([&](QObject *ctx, auto done) {
            return caching.manifest(App, QStringLiteral("latest"), ctx, done);
        });
        QVERIFY(byTag.ok());
        QVERIFY(!byTag->fromCache);
        // And the disk tier is what a new session finds.
        ContentCache reopened(dir.path());
        QVERIFY(reopened.contains(content.layer.digest()));
        QVERIFY(reopened.contains(content.image.digest));
    }

    void referrersApiPathOnTheFakeRegistry_data()
    {
        QTest::addColumn<bool>("serverFilters");
        QTest::addColumn<int>("pageSize");
        QTest::addRow("filtered by the server, one page") << true << 0;
        QTest::addRow("filtered here, paged") << false << 2;
    }
    void referrersApiPathOnTheFakeRegistry()
    {
        QFETCH(bool, serverFilters);
        QFETCH(int, pageSize);
        ocular::test::FakeReferrersRegistry fake;
        QVERIFY(fake.start());
        fake.setFiltering(serverFilters);
        fake.setPageSize(pageSize);
        const Content c = makeContent();
        fake.addManifest(App, c.image.raw, QStringLiteral("v1"));
        fake.addManifest(App, c.sbom.raw);
        for (int i = 0; i < 4; ++i) {
            ManifestBuilder::Artifact sig;
            sig.artifactType = QString(mediatype::NotationSignature);
            sig.files.append({QByteArray::number(i), QString(mediatype::JoseJson), QString(), {}});
            sig.subject = c.image.descriptor();
            fake.addManifest(App, ManifestBuilder().artifact(sig)->raw);
        }
        const auto stack = ocular::test::makeStack(fake.hostPort());
        QVERIFY(stack);
        ContentSource &source = *stack->source();

        auto all = waitFor<ReferrersAnswer>([&](QObject *ctx, auto done) {
            return source.referrers(App, c.image.digest, QString(), ctx, done);
        });
        QVERIFY2(all.ok(), qPrintable(all.error().toString()));
        QCOMPARE(all->kind, ReferrersAnswer::Kind::Api);
        QCOMPARE(all->referrers.size(), 5);
        QCOMPARE(all->pages, pageSize == 0 ? 1 : 3);

        auto sboms = waitFor<ReferrersAnswer>([&](QObject *ctx, auto done) {
            return source.referrers(App, c.image.digest, QString(mediatype::SpdxJson), ctx, done);
        });
        QVERIFY(sboms.ok());
        QCOMPARE(sboms->kind, ReferrersAnswer::Kind::Api);
        QCOMPARE(sboms->filterAppliedByServer, serverFilters);
        QCOMPARE(sboms->referrers.size(), 1); // filtered either way
        QCOMPARE(sboms->referrers.first().digest, c.sbom.digest);

        // A broken entry is skipped and reported with its place, the others are kept.
        QJsonObject broken{{QStringLiteral("mediaType"), QString(mediatype::OciManifest)},
                           {QStringLiteral("digest"), c.sbom.digest.toString()},
                           {QStringLiteral("size"), QStringLiteral("big")}};
        QJsonObject good{{QStringLiteral("mediaType"), QString(mediatype::OciManifest)},
                         {QStringLiteral("digest"), c.sbom.digest.toString()},
                         {QStringLiteral("size"), c.sbom.raw.size()}};
        const Digest other = Digest::sha256("another subject");
        fake.setReferrersBody(
            other.toString(),
            QJsonDocument(QJsonObject{{QStringLiteral("schemaVersion"), 2},
                                      {QStringLiteral("mediaType"), QString(mediatype::OciIndex)},
                                      {QStringLiteral("manifests"), QJsonArray{good, broken}}})
                .toJson(QJsonDocument::Compact));
        auto skipping = waitFor<ReferrersAnswer>([&](QObject *ctx, auto done) {
            return source.referrers(App, other, QString(), ctx, done);
        });
        QVERIFY2(skipping.ok(), qPrintable(skipping.error().toString()));
        QCOMPARE(skipping->referrers.size(), 1);
        QCOMPARE(skipping->skipped.size(), 1);
        QCOMPARE(skipping->skipped.first().page, 0);
        QCOMPARE(skipping->skipped.first().position, 1);
        QVERIFY2(skipping->skipped.first().reason.contains(QStringLiteral("size")),
                 qPrintable(skipping->skipped.first().reason));

        fake.setApiMode(ocular::test::FakeReferrersRegistry::ApiMode::NotAllowed);
        auto absent = waitFor<ReferrersAnswer>([&](QObject *ctx, auto done) {
            return source.referrers(App, c.image.digest, QString(), ctx, done);
        });
        QVERIFY(absent.ok());
        QCOMPARE(absent->kind, ReferrersAnswer::Kind::ApiAbsent);
        QCOMPARE(absent->httpStatus, 405);
    }

    void inventoryOfTheDemoContent()
    {
        OCULAR_TEST_REGISTRY(registry);
        const auto stack = ocular::test::makeStack(registry.baseUrl());
        QVERIFY(stack);
        DemoSeeder seeder;
        seeder.setManyTagCount(20);
        auto summary = waitFor<DemoSummary>(
            [&](QObject *ctx, auto done) { return seeder.seed(stack->source(), ctx, done); },
            300000);
        QVERIFY2(summary.ok(), qPrintable(summary.error().toString()));
        RepositoryInventoryBuilder builder(stack->source());
        auto inventory = waitFor<RepositoryInventory>(
            [&](QObject *ctx, auto done) {
                return builder.build(QStringLiteral("demo/hello"), {}, ctx, done);
            },
            120000);
        QVERIFY2(inventory.ok(), qPrintable(inventory.error().toString()));
        qInfo("demo/hello: %d tags, %d manifests, %d edges in %d requests",
              int(inventory->tags.size()), int(inventory->manifests.size()),
              int(inventory->edges.size()), builder.requestsMade());
        const auto digest = [&](QLatin1String key) { return summary->digests.value(key); };
        const Digest index = digest(demokey::HelloIndex);
        const Digest amd64 = digest(demokey::HelloAmd64);
        QCOMPARE(inventory->tags.value(QStringLiteral("latest")), index);
        QCOMPARE(inventory->tagsOf(index),
                 (QStringList{QStringLiteral("1.0"), QStringLiteral("latest")}));
        QCOMPARE(inventory->indexesContaining(amd64), QList<Digest>{index});
        QCOMPARE(inventory->referrersApi, ReferrersAnswer::Kind::ApiAbsent);
        // Attachments of the amd64 image: 3 through the fallback tag and BuildKit's attestation.
        QSet<Digest> fallback;
        QSet<Digest> buildKit;
        for (const InventoryEdge &e : inventory->referrersOf(amd64)) {
            QVERIFY(e.kind != InventoryEdgeKind::IndexChild);
            if (e.kind == InventoryEdgeKind::FallbackTag) {
                fallback.insert(e.to);
                QVERIFY(e.subjectConfirmed);
            }
            if (e.kind == InventoryEdgeKind::BuildKitAttestation)
                buildKit.insert(e.to);
        }
        QCOMPARE(fallback,
                 (QSet<Digest>{digest(demokey::HelloSpdx), digest(demokey::HelloCycloneDx),
                               digest(demokey::HelloNotation)}));
        QCOMPARE(buildKit, QSet<Digest>{digest(demokey::HelloAttestation)});
        // The cosign signature of the index, from its tag.
        bool cosign = false;
        for (const InventoryEdge &e : inventory->referrersOf(index))
            cosign |=
                e.kind == InventoryEdgeKind::CosignTag && e.to == digest(demokey::HelloCosign);
        QVERIFY(cosign);
        // `moving` left its first build untagged: the inventory cannot know it (no tag, no
        // edge reaches it), which is why cleanup needs the tag history.
        QVERIFY(!inventory->manifests.contains(digest(demokey::HelloUntagged)));
        QVERIFY(inventory->unreachable().isEmpty());
        QVERIFY2(inventory->unreadable.isEmpty(),
                 qPrintable(inventory->unreadable.value(0).message));
    }
};

QTEST_GUILESS_MAIN(TestContentSource)
#include "tst_contentsource.moc"
