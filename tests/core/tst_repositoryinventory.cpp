// RepositoryInventory and its builder on a MemorySource (no server): typed edges from every
// source, containment kept apart from attachment, the referrers API on and off, what could not
// be read, cycles, bounded concurrency, cancellation and destroyed contexts; and the pure
// queries on a value built by hand.
#include "support/asyncwait.h"

#include "content/manifestbuilder.h"
#include "content/mediatype.h"
#include "inventory/repositoryinventorybuilder.h"
#include "source/memorysource.h"

#include <QJsonArray>
#include <QTest>

using namespace ocular;
using ocular::test::waitFor;

namespace {

const QString Repo = QStringLiteral("team/app");

BuiltManifest image(const QString &salt)
{
    const ContentBlob config{"{\"salt\":\"" + salt.toUtf8() + "\"}", QString(mediatype::OciConfig)};
    const ContentBlob layer{salt.toUtf8(), QString(mediatype::OciLayerTarGzip)};
    return ManifestBuilder().image(QString(mediatype::OciManifest), config, {{layer, {}}}).value();
}

BuiltManifest artifact(const QString &type, const BuiltManifest &subject, const QString &salt)
{
    ManifestBuilder::Artifact a;
    a.artifactType = type;
    a.files.append({salt.toUtf8(), type, salt, {}});
    a.subject = subject.descriptor();
    return ManifestBuilder().artifact(a).value();
}

BuiltManifest index(const QJsonArray &entries, const std::optional<Descriptor> &subject = {})
{
    QJsonObject doc{{QStringLiteral("schemaVersion"), 2},
                    {QStringLiteral("mediaType"), QString(mediatype::OciIndex)},
                    {QStringLiteral("manifests"), entries}};
    if (subject)
        doc.insert(QStringLiteral("subject"), subject->toJson());
    return ManifestBuilder().document(doc, QString(mediatype::OciIndex)).value();
}

/// The repository every test reads.
struct Fixture
{
    BuiltManifest a = image(QStringLiteral("a"));
    BuiltManifest b = image(QStringLiteral("b"));
    BuiltManifest attestation = image(QStringLiteral("attestation of a"));
    BuiltManifest sbom = artifact(QString(mediatype::SpdxJson), a, QStringLiteral("sbom"));
    BuiltManifest sig = artifact(QString(mediatype::NotationSignature), a, QStringLiteral("sig"));
    /// Listed in a's fallback index, but its own subject is b.
    BuiltManifest liar = artifact(QString(mediatype::SpdxJson), b, QStringLiteral("liar"));
    BuiltManifest missing = artifact(QString(mediatype::SpdxJson), a, QStringLiteral("gone"));
    BuiltManifest cosign = image(QStringLiteral("cosign signature payload"));
    BuiltManifest top;
    BuiltManifest fallback;
    BuiltManifest loopChild = image(QStringLiteral("loop child"));
    BuiltManifest loop;
    BuiltManifest untagged = image(QStringLiteral("nobody points here"));

    Fixture()
    {
        top = index(QJsonArray{
            a.descriptorJson(), b.descriptorJson(),
            attestation.descriptorJson(
                {{QStringLiteral("platform"),
                  QJsonObject{{QStringLiteral("os"), QStringLiteral("unknown")},
                              {QStringLiteral("architecture"), QStringLiteral("unknown")}}},
                 {QStringLiteral("annotations"),
                  QJsonObject{
                      {QStringLiteral("vnd.docker.reference.type"),
                       QStringLiteral("attestation-manifest")},
                      {QStringLiteral("vnd.docker.reference.digest"), a.digest.toString()}}}})});
        fallback = index(QJsonArray{
            sbom.descriptorJson({{QStringLiteral("artifactType"), QString(mediatype::SpdxJson)}}),
            sig.descriptorJson(),
            liar.descriptorJson(),
            missing.descriptorJson(),
        });
        // An index that contains its own subject: a cycle through a referrer edge.
        loop = index(QJsonArray{loopChild.descriptorJson()}, loopChild.descriptor());
    }

    void fill(MemorySource &source) const
    {
        for (const BuiltManifest *m : {&a, &b, &attestation, &sbom, &sig, &liar, &cosign, &top,
                                       &fallback, &loopChild, &loop, &untagged})
            QVERIFY(source.addManifest(Repo, m->raw, m->mediaType).ok());
        source.setTag(Repo, QStringLiteral("latest"), top.digest);
        source.setTag(Repo, QStringLiteral("1.0"), top.digest);
        source.setTag(Repo, QStringLiteral("loop"), loopChild.digest);
        source.setTag(Repo, a.digest.fallbackTag(), fallback.digest);
        source.setTag(Repo, top.digest.fallbackTag() + QStringLiteral(".sig"), cosign.digest);
    }
};

Result<RepositoryInventory> build(RepositoryInventoryBuilder &builder,
                                  RepositoryInventoryBuilder::Options options = {})
{
    return waitFor<RepositoryInventory>(
        [&](QObject *ctx, auto done) { return builder.build(Repo, options, ctx, done); });
}

QSet<QPair<QString, InventoryEdgeKind>> referrers(const RepositoryInventory &inv, const Digest &d)
{
    QSet<QPair<QString, InventoryEdgeKind>> out;
    for (const InventoryEdge &e : inv.referrersOf(d))
        out.insert({e.to.toString(), e.kind});
    return out;
}

} // namespace

class TestRepositoryInventory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typedEdgesWithTheReferrersApi()
    {
        Fixture f;
        MemorySource source;
        f.fill(source);
        RepositoryInventoryBuilder builder(&source);
        const auto inv = build(builder);
        QVERIFY2(inv.ok(), qPrintable(inv.error().toString()));
        QCOMPARE(inv->referrersApi, ReferrersAnswer::Kind::Api);
        QCOMPARE(inv->tags.value(QStringLiteral("latest")), f.top.digest);
        QCOMPARE(inv->tagsOf(f.top.digest),
                 (QStringList{QStringLiteral("1.0"), QStringLiteral("latest")}));

        // Containment: the index and its three entries, attestation included.
        QCOMPARE(inv->indexesContaining(f.a.digest), QList<Digest>{f.top.digest});
        QCOMPARE(inv->indexesContaining(f.attestation.digest), QList<Digest>{f.top.digest});
        QCOMPARE(inv->childrenOf(f.top.digest),
                 (QList<Digest>{f.a.digest, f.b.digest, f.attestation.digest}));
        // From the index: three containment edges and the cosign tag's attachment, nothing mixed.
        QList<InventoryEdgeKind> kinds;
        for (const InventoryEdge &e : inv->edgesFrom(f.top.digest))
            kinds.append(e.kind);
        std::sort(kinds.begin(), kinds.end());
        QCOMPARE(kinds, (QList<InventoryEdgeKind>{
                            InventoryEdgeKind::IndexChild, InventoryEdgeKind::IndexChild,
                            InventoryEdgeKind::IndexChild, InventoryEdgeKind::CosignTag}));

        // Attachment of a: API referrers, the fallback tag's entries, the BuildKit entry.
        const auto got = referrers(inv.value(), f.a.digest);
        QVERIFY(got.contains({f.sbom.digest.toString(), InventoryEdgeKind::ReferrerApi}));
        QVERIFY(got.contains({f.sig.digest.toString(), InventoryEdgeKind::ReferrerApi}));
        QVERIFY(got.contains({f.sbom.digest.toString(), InventoryEdgeKind::FallbackTag}));
        QVERIFY(got.contains(
            {f.attestation.digest.toString(), InventoryEdgeKind::BuildKitAttestation}));
        QVERIFY(!inv->referrersOf(f.top.digest).isEmpty());
        QCOMPARE(inv->referrersOf(f.top.digest).first().kind, InventoryEdgeKind::CosignTag);
        QCOMPARE(inv->referrersOf(f.top.digest).first().tag,
                 f.top.digest.fallbackTag() + QStringLiteral(".sig"));

        // The liar is listed under a but names b: kept, marked unconfirmed.
        bool liarSeen = false;
        for (const InventoryEdge &e : inv->referrersOf(f.a.digest)) {
            if (e.to == f.liar.digest) {
                liarSeen = true;
                QVERIFY(!e.subjectConfirmed);
            } else if (e.kind == InventoryEdgeKind::FallbackTag && e.to == f.sbom.digest) {
                QVERIFY(e.subjectConfirmed);
            }
        }
        QVERIFY(liarSeen);
        // b's API answer names the liar too (its subject really is b).
        QVERIFY(referrers(inv.value(), f.b.digest)
                    .contains({f.liar.digest.toString(), InventoryEdgeKind::ReferrerApi}));

        // The fallback entry whose manifest is gone is reported, not invented.
        bool missingReported = false;
        for (const InventoryProblem &p : inv->unreadable)
            missingReported |= p.digest == f.missing.digest && p.kind == ErrorKind::NotFound;
        QVERIFY(missingReported);
        QVERIFY(!inv->manifests.contains(f.missing.digest));

        // The cycle ended, and the untagged image is unknown to an inventory built from tags.
        QVERIFY(inv->manifests.contains(f.loop.digest));
        QVERIFY(!inv->manifests.contains(f.untagged.digest));
        QVERIFY(inv->unreachable().isEmpty());
    }

    void withoutTheApiTheFallbackTagTells()
    {
        Fixture f;
        MemorySource source;
        source.setReferrersApi(false);
        f.fill(source);
        RepositoryInventoryBuilder builder(&source);
        const auto inv = build(builder);
        QVERIFY2(inv.ok(), qPrintable(inv.error().toString()));
        QCOMPARE(inv->referrersApi, ReferrersAnswer::Kind::ApiAbsent);
        const auto got = referrers(inv.value(), f.a.digest);
        QVERIFY(got.contains({f.sbom.digest.toString(), InventoryEdgeKind::FallbackTag}));
        QVERIFY(got.contains({f.sig.digest.toString(), InventoryEdgeKind::FallbackTag}));
        for (const auto &[digest, kind] : got)
            QVERIFY(kind != InventoryEdgeKind::ReferrerApi);
        // Asked once per manifest of the first round, then never again.
        QVERIFY(source.callCount(MemorySource::Operation::Referrers) <= 5);
        // The loop is not discovered through referrers any more: only the tag reaches it.
        QVERIFY(inv->referrersOf(f.loopChild.digest).isEmpty());
    }

    void requestsStayWithinTheBound_data()
    {
        QTest::addColumn<int>("concurrency");
        QTest::addRow("1") << 1;
        QTest::addRow("3") << 3;
    }
    void requestsStayWithinTheBound()
    {
        QFETCH(int, concurrency);
        Fixture f;
        MemorySource source;
        f.fill(source);
        for (int i = 0; i < 30; ++i)
            source.setTag(Repo, QStringLiteral("t%1").arg(i), f.b.digest);
        source.setLatency(2);
        RepositoryInventoryBuilder builder(&source);
        RepositoryInventoryBuilder::Options options;
        options.concurrency = concurrency;
        const auto inv = build(builder, options);
        QVERIFY(inv.ok());
        QCOMPARE(source.maxConcurrentCalls(), concurrency);
        QCOMPARE(inv->tagsOf(f.b.digest).size(), 30);
        // Each distinct manifest is read once, however many tags name it.
        QCOMPARE(source.callCount(MemorySource::Operation::Manifest),
                 int(inv->manifests.size() + 1)); // + the missing fallback entry
        QCOMPARE(builder.requestsMade(), source.totalCalls());
    }

    void failuresAreListedNotFatal()
    {
        Fixture f;
        MemorySource source;
        f.fill(source);
        source.failNext(MemorySource::Operation::Resolve,
                        Error::make(ErrorKind::Server, QStringLiteral("boom"), 500));
        RepositoryInventoryBuilder builder(&source);
        const auto inv = build(builder);
        QVERIFY(inv.ok());
        QCOMPARE(inv->tags.size(), 4); // one of the five tags could not be resolved
        bool tagProblem = false;
        for (const InventoryProblem &p : inv->unreadable)
            tagProblem |= !p.tag.isEmpty() && !p.digest.isValid() && p.kind == ErrorKind::Server;
        QVERIFY(tagProblem);

        // A tag listing that fails is the whole answer.
        source.failNext(MemorySource::Operation::Tags,
                        Error::make(ErrorKind::Auth, QStringLiteral("denied"), 401));
        QCOMPARE(build(builder).error().kind, ErrorKind::Auth);
    }

    void cancelledMidway()
    {
        Fixture f;
        MemorySource source;
        f.fill(source);
        source.setLatency(20);
        RepositoryInventoryBuilder builder(&source);
        QObject context;
        std::optional<Result<RepositoryInventory>> result;
        const RequestHandle handle = builder.build(
            Repo, {}, &context, [&](Result<RepositoryInventory> r) { result.emplace(r); });
        QTRY_VERIFY(source.callCount(MemorySource::Operation::Resolve) > 0);
        handle.cancel();
        QTRY_VERIFY(result.has_value());
        QCOMPARE(result->error().kind, ErrorKind::Cancelled);
        const int calls = source.totalCalls();
        QTest::qWait(100);
        QCOMPARE(source.totalCalls(), calls);
    }

    void contextOrBuilderDestroyedMidway_data()
    {
        QTest::addColumn<bool>("destroyBuilder");
        QTest::addRow("context") << false;
        QTest::addRow("builder") << true;
    }
    void contextOrBuilderDestroyedMidway()
    {
        QFETCH(bool, destroyBuilder);
        Fixture f;
        MemorySource source;
        f.fill(source);
        source.setLatency(10);
        auto builder = std::make_unique<RepositoryInventoryBuilder>(&source);
        auto context = std::make_unique<QObject>();
        bool delivered = false;
        bool inventoryDelivered = false;
        builder->build(Repo, {}, context.get(),
                       [&](Result<RepositoryInventory>) { delivered = true; });
        QTRY_VERIFY(source.callCount(MemorySource::Operation::Resolve) > 0);
        if (destroyBuilder)
            builder.reset();
        else
            context.reset();
        const int calls = source.totalCalls();
        QTest::qWait(150);
        // A destroyed context hears nothing; a destroyed builder's caller hears at most a
        // Cancelled (never a half-built inventory), and nothing touches the freed builder.
        QVERIFY(!delivered || destroyBuilder);
        QVERIFY(!inventoryDelivered);
        QVERIFY(source.totalCalls() <= calls + 6); // at most what was already being started
    }

    void pureQueriesOnAValue()
    {
        const Digest a = Digest::sha256("a"), b = Digest::sha256("b"), c = Digest::sha256("c"),
                     d = Digest::sha256("d"), e = Digest::sha256("e");
        RepositoryInventory inv;
        inv.tags.insert(QStringLiteral("v1"), a);
        for (const Digest &x : {a, b, c, d, e})
            inv.manifests.insert(x, InventoryManifest{x});
        inv.addEdge({a, b, InventoryEdgeKind::IndexChild, {}, true});
        inv.addEdge({a, b, InventoryEdgeKind::IndexChild, {}, true}); // once only
        inv.addEdge({b, c, InventoryEdgeKind::ReferrerApi, {}, true});
        inv.addEdge({c, b, InventoryEdgeKind::FallbackTag, QStringLiteral("x"), false}); // cycle
        inv.addEdge({e, d, InventoryEdgeKind::CosignTag, QStringLiteral("y"), true});
        QCOMPARE(inv.edges.size(), 4);
        QCOMPARE(inv.reachableFromTags(false), (QSet<Digest>{a, b}));
        QCOMPARE(inv.reachableFromTags(true), (QSet<Digest>{a, b, c}));
        QList<Digest> expected{d, e};
        std::sort(expected.begin(), expected.end());
        QCOMPARE(inv.unreachable(), expected);
        QCOMPARE(inv.indexesContaining(b), QList<Digest>{a});
        QVERIFY(inv.indexesContaining(c).isEmpty()); // a referrer is not contained
        QCOMPARE(inv.referrersOf(b).size(), 1);
        QCOMPARE(inv.edgesTo(b).size(), 2);
        QCOMPARE(inv.tagsOf(a), QStringList{QStringLiteral("v1")});
        QVERIFY(inv.tagsOf(b).isEmpty());
        QCOMPARE(inventoryEdgeKindName(InventoryEdgeKind::FallbackTag),
                 QStringLiteral("fallback tag"));
    }
};

QTEST_GUILESS_MAIN(TestRepositoryInventory)
#include "tst_repositoryinventory.moc"
