#include "content/mediatype.h"
#include "demo/demoseeder.h"
#include "demo/layerarchive.h"
#include "http/httpclient.h"
#include "registry/registryclient.h"
#include "source/memorysource.h"
#include "source/registrysource.h"
#include "support/asyncwait.h"
#include "support/testregistry.h"
#include "support/teststack.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace ocular;
using ocular::test::waitFor;

namespace {

/// A RegistryClient talking to one test registry, wired by RegistryStack, and the
/// ContentSource the seeder pushes through.
struct Client
{
    std::unique_ptr<RegistryStack> stack;
    RegistryClient *registry = nullptr;
    std::unique_ptr<RegistrySource> source;

    explicit Client(const QString &baseUrl)
        : stack(test::makeStack(baseUrl))
    {
        registry = stack ? stack->client() : nullptr;
        source = std::make_unique<RegistrySource>(registry);
    }
};

Result<DemoSummary> seed(DemoSeeder &seeder, ContentSource *target)
{
    return waitFor<DemoSummary>(
        [&](QObject *ctx, auto done) { return seeder.seed(target, ctx, done); }, 300000);
}

Result<FetchedManifest> get(RegistryClient *client, const QString &repo, const QString &ref)
{
    return waitFor<FetchedManifest>(
        [&](QObject *ctx, auto done) { return client->getManifest(repo, ref, ctx, done); });
}

Result<QStringList> tags(RegistryClient *client, const QString &repo)
{
    return waitFor<QStringList>(
        [&](QObject *ctx, auto done) { return client->allTags(repo, ctx, done); });
}

QStringList catalog(RegistryClient *client)
{
    QStringList all;
    QUrl next;
    for (int page = 0; page < 100; ++page) {
        auto r = waitFor<ListPage>(
            [&](QObject *ctx, auto done) { return client->catalogPage(100, next, ctx, done); });
        if (!r)
            return {QStringLiteral("error: ") + r.error().toString()};
        all += r->items;
        next = r->next;
        if (!next.isValid())
            break;
    }
    return all;
}

} // namespace

class TestSeeder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void planIsDeterministic();
    void planPushesChildrenFirstAndTagsLast();
    void layersAreRealTarGzip();
    void seedsEverythingAndIsIdempotent();
    void seedTagsPushesCountTags();
    void seedsAMemorySourceWithBoundedPushes();
    void firstFailureStopsTheRun();
    void cancelStopsSeeding();
};

void TestSeeder::planIsDeterministic()
{
    const DemoPlan a = DemoPlan::standard(50);
    const DemoPlan b = DemoPlan::standard(50);
    QCOMPARE(a.steps.size(), b.steps.size());
    for (qsizetype i = 0; i < a.steps.size(); ++i) {
        QCOMPARE(a.steps[i].operations.size(), b.steps[i].operations.size());
        for (qsizetype j = 0; j < a.steps[i].operations.size(); ++j)
            QCOMPARE(a.steps[i].operations[j].bytes, b.steps[i].operations[j].bytes);
    }
    QCOMPARE(a.summary.digests, b.summary.digests);
    QVERIFY(a.summary.bigIndexBytes >= 3 * 1024 * 1024);
    QVERIFY(a.summary.bigIndexBytes < 4 * 1024 * 1024);
    // The tag count only changes demo/many-tags.
    const DemoPlan c = DemoPlan::standard(2000);
    QCOMPARE(c.summary.digests, a.summary.digests);
    QCOMPARE(c.summary.tags.value(QStringLiteral("demo/many-tags")).size(), 2001);
}

void TestSeeder::planPushesChildrenFirstAndTagsLast()
{
    const DemoPlan plan = DemoPlan::standard(20);
    QSet<QString> present; // repository@digest pushed in an earlier step
    bool taggingStarted = false;
    int manifests = 0;
    for (const DemoStep &step : plan.steps) {
        QSet<QString> added;
        for (const DemoOperation &op : step.operations) {
            QCOMPARE(Digest::sha256(op.bytes), op.digest);
            const QString key = op.repository + QLatin1Char('@') + op.digest.toString();
            if (op.kind == DemoOperation::Kind::Blob) {
                QVERIFY2(!taggingStarted, qPrintable(step.text));
                added.insert(key);
                continue;
            }
            ++manifests;
            const bool byTag = !op.reference.contains(QLatin1Char(':'));
            if (byTag) {
                taggingStarted = true;
                // A tag names something that is already there.
                QVERIFY2(present.contains(key),
                         qPrintable(op.repository + QLatin1Char(':') + op.reference));
                continue;
            }
            QVERIFY2(!taggingStarted, qPrintable(step.text));
            QCOMPARE(op.reference, op.digest.toString());
            auto parsed = Manifest::parse(op.bytes, op.mediaType);
            QVERIFY2(parsed.ok(), qPrintable(step.text));
            QCOMPARE(parsed->mediaType(), op.mediaType);
            for (const Descriptor &child : parsed->children()) {
                QVERIFY2(
                    present.contains(op.repository + QLatin1Char('@') + child.digest.toString()),
                    qPrintable(step.text + QStringLiteral(": ") + child.digest.toString()));
            }
            added.insert(key);
        }
        present.unite(added);
    }
    QVERIFY(taggingStarted);
    QCOMPARE(manifests, plan.summary.manifestCount);
}

namespace {

/// Undoes LayerArchive::gzip (stored deflate blocks only), checking the gzip trailer.
std::optional<QByteArray> gunzipStored(const QByteArray &gz)
{
    if (gz.size() < 18 || !gz.startsWith("\x1f\x8b\x08"))
        return std::nullopt;
    QByteArray out;
    qsizetype pos = 10;
    for (;;) {
        if (pos + 5 > gz.size())
            return std::nullopt;
        const uchar header = uchar(gz[pos]);
        if ((header & 0x06) != 0) // only stored blocks expected
            return std::nullopt;
        const int len = uchar(gz[pos + 1]) | (uchar(gz[pos + 2]) << 8);
        const int nlen = uchar(gz[pos + 3]) | (uchar(gz[pos + 4]) << 8);
        if ((len ^ nlen) != 0xffff || pos + 5 + len > gz.size())
            return std::nullopt;
        out += gz.mid(pos + 5, len);
        pos += 5 + len;
        if (header & 1)
            break;
    }
    if (pos + 8 != gz.size())
        return std::nullopt;
    auto le32 = [&](qsizetype at) {
        return quint32(uchar(gz[at])) | quint32(uchar(gz[at + 1])) << 8 |
               quint32(uchar(gz[at + 2])) << 16 | quint32(uchar(gz[at + 3])) << 24;
    };
    if (le32(pos) != LayerArchive::crc32(out) || le32(pos + 4) != quint32(out.size()))
        return std::nullopt;
    return out;
}

} // namespace

void TestSeeder::layersAreRealTarGzip()
{
    // Known CRC-32 check value.
    QCOMPARE(LayerArchive::crc32("123456789"), 0xcbf43926u);
    const QByteArray tar = LayerArchive::tar({{QStringLiteral("hello"), "#!/bin/sh\necho hi\n"}});
    QCOMPARE(tar.size() % 512, 0);
    QCOMPARE(tar.mid(257, 5), QByteArray("ustar"));
    // A big payload spans several stored blocks.
    const QByteArray big(200000, 'x');
    QCOMPARE(gunzipStored(LayerArchive::gzip(big)).value_or(QByteArray()), big);

    // Every layer of the amd64 image unpacks to a tar whose hash is the config's diff_id.
    const DemoPlan plan = DemoPlan::standard(1);
    QHash<Digest, QByteArray> blobs;
    const DemoOperation *amd64 = nullptr;
    const Digest wanted = plan.summary.digests.value(demokey::HelloAmd64);
    for (const DemoStep &step : plan.steps) {
        for (const DemoOperation &op : step.operations) {
            if (op.kind == DemoOperation::Kind::Blob)
                blobs.insert(op.digest, op.bytes);
            else if (op.digest == wanted && !amd64)
                amd64 = &op;
        }
    }
    QVERIFY(amd64);
    auto manifest = Manifest::parse(amd64->bytes, amd64->mediaType);
    QVERIFY(manifest.ok());
    const QJsonObject config =
        QJsonDocument::fromJson(blobs.value(manifest->config()->digest)).object();
    const QJsonArray diffIds = config.value(QStringLiteral("rootfs"))
                                   .toObject()
                                   .value(QStringLiteral("diff_ids"))
                                   .toArray();
    QCOMPARE(diffIds.size(), manifest->layers().size());
    for (qsizetype i = 0; i < manifest->layers().size(); ++i) {
        const Descriptor &layer = manifest->layers()[i];
        QCOMPARE(layer.mediaType, QString(mediatype::OciLayerTarGzip));
        const auto unpacked = gunzipStored(blobs.value(layer.digest));
        QVERIFY(unpacked.has_value());
        QCOMPARE(Digest::sha256(*unpacked).toString(), diffIds[i].toString());
        QCOMPARE(unpacked->mid(257, 5), QByteArray("ustar"));
    }
}

void TestSeeder::seedsEverythingAndIsIdempotent()
{
    OCULAR_TEST_REGISTRY(registry);
    Client c(registry.baseUrl());
    QVERIFY(c.registry);
    RegistryClient *client = c.registry;

    DemoSeeder seeder;
    QSignalSpy progress(&seeder, &DemoSeeder::progress);
    const auto first = seed(seeder, c.source.get());
    QVERIFY2(first.ok(), qPrintable(first ? QString() : first.error().toString()));
    const DemoSummary &s = first.value();

    // Progress went through every step, in order, ending at n of n.
    QVERIFY(progress.count() >= 10);
    const int total = progress.first().at(1).toInt();
    QCOMPARE(progress.count(), total);
    QCOMPARE(progress.last().at(0).toInt(), total);

    // Every repository is in the catalog, every tag in its tag list.
    const QStringList expectedRepos{
        QStringLiteral("demo/big-index"),    QStringLiteral("demo/hello"),
        QStringLiteral("demo/hello-docker"), QStringLiteral("demo/many-tags"),
        QStringLiteral("demo/nested"),       QStringLiteral("team/service/api")};
    QCOMPARE(s.repositories, expectedRepos);
    QStringList listed = catalog(client);
    listed.sort();
    QCOMPARE(listed, expectedRepos);
    for (const QString &repo : expectedRepos) {
        auto t = tags(client, repo);
        QVERIFY2(t.ok(), qPrintable(repo));
        QStringList got = t.value();
        got.sort();
        QCOMPARE(got, s.tags.value(repo));
    }
    QVERIFY(s.tags.value(QStringLiteral("demo/many-tags")).size() >= 2000);
    QVERIFY(s.tags.value(QStringLiteral("team/service/api")).contains(QStringLiteral("v1.0")));

    // Each key manifest is fetchable by digest and its bytes hash to that digest.
    const QString hello = QStringLiteral("demo/hello");
    for (auto it = s.digests.begin(); it != s.digests.end(); ++it) {
        const QString repo = it.key().section(QRegularExpression(QStringLiteral("[ :]")), 0, 0);
        auto m = get(client, repo, it.value().toString());
        QVERIFY2(m.ok(), qPrintable(it.key() + QStringLiteral(": ") +
                                    (m ? QString() : m.error().toString())));
        QCOMPARE(Digest::sha256(m->manifest.raw()), it.value());
    }

    // The tags point at the digests the summary names.
    auto latest = get(client, hello, QStringLiteral("latest"));
    QVERIFY(latest.ok());
    QCOMPARE(latest->manifest.digest(), s.digests.value(demokey::HelloIndex));
    QVERIFY(latest->manifest.isIndex());
    QCOMPARE(latest->manifest.mediaType(), QString(mediatype::OciIndex));

    // Three real platforms plus the BuildKit attestation entry for the amd64 image.
    QStringList platforms;
    int attestations = 0;
    for (const Descriptor &d : latest->manifest.manifests()) {
        if (d.isBuildKitAttestation()) {
            ++attestations;
            QCOMPARE(d.attestationSubject(), s.digests.value(demokey::HelloAmd64));
            QCOMPARE(d.digest, s.digests.value(demokey::HelloAttestation));
            continue;
        }
        QVERIFY(d.platform.has_value());
        platforms << d.platform->toString();
        QVERIFY(d.annotations.contains(QStringLiteral("org.opencontainers.image.title")));
    }
    QCOMPARE(attestations, 1);
    QCOMPARE(platforms.size(), 3);
    QVERIFY(platforms.contains(QStringLiteral("linux/amd64")));
    QVERIFY(platforms.contains(QStringLiteral("linux/arm64/v8")));
    QVERIFY(std::any_of(platforms.begin(), platforms.end(), [](const QString &p) {
        return p.startsWith(QLatin1String("windows/amd64")) &&
               p.contains(QLatin1String("10.0.20348.2340"));
    }));
    QCOMPARE(
        latest->manifest.annotations().value(QStringLiteral("org.opencontainers.image.source")),
        QStringLiteral("https://git.example.org/ocular/demo-hello"));

    // A platform image has a proper config and layers that download and verify.
    auto amd64 = get(client, hello, s.digests.value(demokey::HelloAmd64).toString());
    QVERIFY(amd64.ok());
    QVERIFY(amd64->manifest.config().has_value());
    QCOMPARE(amd64->manifest.layers().size(), 2);
    auto config = waitFor<QByteArray>([&](QObject *ctx, auto done) {
        return client->getBlob(hello, amd64->manifest.config()->digest, 1 << 20, ctx, done);
    });
    QVERIFY(config.ok());
    const QJsonObject configJson = QJsonDocument::fromJson(config.value()).object();
    QCOMPARE(configJson.value(QStringLiteral("os")).toString(), QStringLiteral("linux"));
    QCOMPARE(configJson.value(QStringLiteral("architecture")).toString(), QStringLiteral("amd64"));
    QVERIFY(!configJson.value(QStringLiteral("created")).toString().isEmpty());
    QCOMPARE(configJson.value(QStringLiteral("history")).toArray().size(), 3);
    auto layer = waitFor<QByteArray>([&](QObject *ctx, auto done) {
        return client->getBlob(hello, amd64->manifest.layers().first().digest, 1 << 20, ctx, done);
    });
    QVERIFY(layer.ok());
    QVERIFY(layer->startsWith("\x1f\x8b")); // gzip

    // The referrers fallback tag lists the SPDX SBOM, CycloneDX SBOM and Notation signature.
    QCOMPARE(s.referrersFallbackTag,
             QStringLiteral("sha256-") + s.digests.value(demokey::HelloAmd64).encoded());
    auto referrers = get(client, hello, s.referrersFallbackTag);
    QVERIFY(referrers.ok());
    QVERIFY(referrers->manifest.isIndex());
    QMap<QString, Digest> byType;
    for (const Descriptor &d : referrers->manifest.manifests()) {
        byType.insert(d.artifactType, d.digest);
        QVERIFY(d.annotations.contains(QStringLiteral("org.opencontainers.image.created")));
    }
    QCOMPARE(byType.size(), 3);
    QCOMPARE(byType.value(QString(mediatype::SpdxJson)), s.digests.value(demokey::HelloSpdx));
    QCOMPARE(byType.value(QString(mediatype::CycloneDxJson)),
             s.digests.value(demokey::HelloCycloneDx));
    QCOMPARE(byType.value(QString(mediatype::NotationSignature)),
             s.digests.value(demokey::HelloNotation));
    for (const Digest &d : byType) {
        auto artifact = get(client, hello, d.toString());
        QVERIFY(artifact.ok());
        QVERIFY(artifact->manifest.isArtifact());
        QVERIFY(artifact->manifest.subject().has_value());
        QCOMPARE(artifact->manifest.subject()->digest, s.digests.value(demokey::HelloAmd64));
        QCOMPARE(artifact->manifest.config()->mediaType, QString(mediatype::OciEmpty));
        QCOMPARE(artifact->manifest.config()->size, 2);
    }

    // The cosign tag names the index and carries a simple-signing layer with a signature.
    QCOMPARE(s.cosignTag,
             QStringLiteral("sha256-%1.sig").arg(s.digests.value(demokey::HelloIndex).encoded()));
    auto cosign = get(client, hello, s.cosignTag);
    QVERIFY(cosign.ok());
    QCOMPARE(cosign->manifest.layers().size(), 1);
    QCOMPARE(cosign->manifest.layers().first().mediaType, QString(mediatype::CosignSimpleSigning));
    QVERIFY(!cosign->manifest.layers()
                 .first()
                 .annotations.value(QStringLiteral("dev.cosignproject.cosign/signature"))
                 .isEmpty());

    // Docker flavour: a manifest list of Docker manifests.
    auto docker = get(client, QStringLiteral("demo/hello-docker"), QStringLiteral("latest"));
    QVERIFY(docker.ok());
    QCOMPARE(docker->manifest.mediaType(), QString(mediatype::DockerManifestList));
    QCOMPARE(docker->manifest.manifests().size(), 3);
    for (const Descriptor &d : docker->manifest.manifests())
        QCOMPARE(d.mediaType, QString(mediatype::DockerManifest));

    // Nested: the first entry of the outer index is an index.
    auto nested = get(client, QStringLiteral("demo/nested"), QStringLiteral("latest"));
    QVERIFY(nested.ok());
    QCOMPARE(nested->manifest.manifests().first().mediaType, QString(mediatype::OciIndex));
    QCOMPARE(nested->manifest.manifests().first().digest, s.digests.value(demokey::NestedInner));

    // Big index: between 3 and 4 MiB.
    auto big = get(client, QStringLiteral("demo/big-index"), QStringLiteral("latest"));
    QVERIFY2(big.ok(), qPrintable(big ? QString() : big.error().toString()));
    QVERIFY(big->manifest.raw().size() >= 3 * 1024 * 1024);
    QVERIFY(big->manifest.raw().size() < 4 * 1024 * 1024);
    QVERIFY(big->manifest.manifests().size() > 1000);

    // The untagged manifest is fetchable by digest, but no tag names it; `moving` moved on.
    const Digest untagged = s.digests.value(demokey::HelloUntagged);
    QCOMPARE(s.untaggedRepository, hello);
    QVERIFY(get(client, hello, untagged.toString()).ok());
    auto moving = get(client, hello, QStringLiteral("moving"));
    QVERIFY(moving.ok());
    QCOMPARE(moving->manifest.digest(), s.digests.value(demokey::HelloMoving));
    QVERIFY(moving->manifest.digest() != untagged);
    for (const QString &tag : s.tags.value(hello)) {
        auto head = waitFor<ManifestHead>(
            [&](QObject *ctx, auto done) { return client->headManifest(hello, tag, ctx, done); });
        QVERIFY2(head.ok(), qPrintable(tag));
        QVERIFY2(head->digest != untagged, qPrintable(tag));
    }

    // Seeding again succeeds and changes nothing.
    progress.clear();
    const auto second = seed(seeder, c.source.get());
    QVERIFY2(second.ok(), qPrintable(second ? QString() : second.error().toString()));
    QCOMPARE(second->digests, s.digests);
    QCOMPARE(second->tags, s.tags);
    auto again = get(client, hello, QStringLiteral("latest"));
    QVERIFY(again.ok());
    QCOMPARE(again->manifest.digest(), s.digests.value(demokey::HelloIndex));
    auto manyTags = tags(client, QStringLiteral("demo/many-tags"));
    QVERIFY(manyTags.ok());
    QCOMPARE(manyTags->size(), s.tags.value(QStringLiteral("demo/many-tags")).size());
}

void TestSeeder::seedTagsPushesCountTags()
{
    OCULAR_TEST_REGISTRY(registry);
    Client c(registry.baseUrl());
    QVERIFY(c.registry);
    DemoSeeder seeder;
    const auto r = waitFor<DemoSummary>([&](QObject *ctx, auto done) {
        return seeder.seedTags(c.source.get(), QStringLiteral("bench/tags"), 250, ctx, done);
    });
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().toString()));
    QCOMPARE(r->tags.value(QStringLiteral("bench/tags")).size(), 250);
    auto listed = tags(c.registry, QStringLiteral("bench/tags"));
    QVERIFY(listed.ok());
    QCOMPARE(listed->size(), 250);
    QVERIFY(listed->contains(QStringLiteral("tag-00249")));
}

void TestSeeder::seedsAMemorySourceWithBoundedPushes()
{
    // The same plan through the interface alone: no HTTP, every push checked.
    MemorySource memory;
    memory.setLatency(1);
    DemoSeeder seeder;
    seeder.setMaxInFlight(4);
    QSignalSpy progress(&seeder, &DemoSeeder::progress);
    const auto r = waitFor<DemoSummary>([&](QObject *ctx, auto done) {
        return seeder.seedTags(&memory, QStringLiteral("bench/tags"), 40, ctx, done);
    });
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().toString()));
    const DemoPlan plan = DemoPlan::tags(QStringLiteral("bench/tags"), 40);
    QCOMPARE(progress.count(), plan.steps.size());
    QCOMPARE(progress.last().at(0).toInt(), int(plan.steps.size()));
    int blobs = 0;
    int manifests = 0;
    for (const DemoStep &step : plan.steps)
        for (const DemoOperation &op : step.operations)
            ++(op.kind == DemoOperation::Kind::Blob ? blobs : manifests);
    QCOMPARE(memory.callCount(MemorySource::Operation::PushBlob), blobs);
    QCOMPARE(memory.callCount(MemorySource::Operation::PushManifest), manifests);
    QVERIFY2(memory.maxConcurrentCalls() <= 4, qPrintable(QString::number(memory.maxConcurrentCalls())));
    const auto listed = waitFor<NameListing>([&](QObject *ctx, auto done) {
        return memory.allTags(QStringLiteral("bench/tags"), 10, ctx, done);
    });
    QVERIFY(listed.ok());
    QCOMPARE(listed->items.size(), 40);
}

void TestSeeder::firstFailureStopsTheRun()
{
    MemorySource memory;
    memory.setLatency(1);
    memory.failNext(MemorySource::Operation::PushManifest,
                    Error::make(ErrorKind::Server, QStringLiteral("disk full"), 500));
    DemoSeeder seeder;
    seeder.setMaxInFlight(2);
    const DemoPlan plan = DemoPlan::tags(QStringLiteral("bench/tags"), 40);
    const auto r = waitFor<DemoSummary>([&](QObject *ctx, auto done) {
        return seeder.seedTags(&memory, QStringLiteral("bench/tags"), 40, ctx, done);
    });
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ErrorKind::Server);
    // The failing push is named, and nothing of a later step was started.
    QVERIFY2(r.error().message.contains(QStringLiteral("pushing bench/tags")) &&
                 r.error().message.contains(QStringLiteral("disk full")),
             qPrintable(r.error().message));
    int manifests = 0;
    for (const DemoStep &step : plan.steps)
        for (const DemoOperation &op : step.operations)
            manifests += op.kind == DemoOperation::Kind::Manifest;
    QVERIFY2(memory.callCount(MemorySource::Operation::PushManifest) <= 3,
             qPrintable(QString::number(memory.callCount(MemorySource::Operation::PushManifest))));
    QVERIFY(memory.callCount(MemorySource::Operation::PushManifest) < manifests);
}

void TestSeeder::cancelStopsSeeding()
{
    OCULAR_TEST_REGISTRY(registry);
    Client c(registry.baseUrl());
    QVERIFY(c.registry);
    DemoSeeder seeder;
    std::optional<Result<DemoSummary>> result;
    QObject context;
    const RequestHandle handle = seeder.seed(
        c.source.get(), &context, [&](Result<DemoSummary> r) { result.emplace(std::move(r)); });
    QSignalSpy progress(&seeder, &DemoSeeder::progress);
    QTRY_VERIFY(progress.count() >= 2);
    handle.cancel();
    QTRY_VERIFY(result.has_value());
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind, ErrorKind::Cancelled);
}

QTEST_GUILESS_MAIN(TestSeeder)
#include "tst_seeder.moc"
