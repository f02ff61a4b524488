// DeletionPlanner over RepositoryInventory values built by hand (no source, no network): tags
// that go, indexes that break, referrers orphaned or deleted (recursively, cycle-safe, shared
// listings once), listings that are only claims, fallback index edits and emptied fallback
// tags, the facts an executor checks, and the JSON rendering.
#include "content/mediatype.h"
#include "referrers/cosigntags.h"
#include "write/deletionplanner.h"

#include <QJsonArray>
#include <QTest>

using namespace ocular;

namespace {

Digest d(const char *name)
{
    return Digest::sha256(QByteArray(name));
}

/// A repository written down edge by edge, as RepositoryInventoryBuilder would record it.
struct Repo
{
    RepositoryInventory inv;

    Repo()
    {
        inv.repository = QStringLiteral("team/app");
        inv.referrersApi = ReferrersAnswer::Kind::ApiAbsent;
    }

    void image(const Digest &digest, const std::optional<Digest> &subject = {})
    {
        InventoryManifest m;
        m.digest = digest;
        m.mediaType = QString(mediatype::OciManifest);
        m.subject = subject;
        if (subject)
            m.artifactType = QString(mediatype::SpdxJson);
        inv.manifests.insert(digest, m);
    }
    void index(const Digest &digest, const QList<Digest> &children)
    {
        InventoryManifest m;
        m.digest = digest;
        m.mediaType = QString(mediatype::OciIndex);
        m.isIndex = true;
        inv.manifests.insert(digest, m);
        for (const Digest &child : children)
            inv.addEdge({digest, child, InventoryEdgeKind::IndexChild, QString(), true});
    }
    void tag(const QString &name, const Digest &digest) { inv.tags.insert(name, digest); }
    /// The fallback tag of `subject` naming an index `index` of `referrers`.
    void fallback(const Digest &subject, const Digest &index, const QList<Digest> &referrers)
    {
        this->index(index, referrers);
        tag(subject.fallbackTag(), index);
        for (const Digest &r : referrers) {
            const auto m = inv.manifests.constFind(r);
            const bool confirmed = m != inv.manifests.constEnd() && m->subject == subject;
            inv.addEdge(
                {subject, r, InventoryEdgeKind::FallbackTag, subject.fallbackTag(), confirmed});
        }
    }
    void api(const Digest &subject, const Digest &referrer)
    {
        const auto m = inv.manifests.constFind(referrer);
        inv.addEdge({subject, referrer, InventoryEdgeKind::ReferrerApi, QString(),
                     m != inv.manifests.constEnd() && m->subject == subject});
    }
};

QList<Digest> order(const DeletionPlan &plan)
{
    return plan.deletedDigests();
}

} // namespace

class TestDeletionPlanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyTagGoesAndReferrersAreOrphaned()
    {
        Repo r;
        r.image(d("a"));
        r.image(d("sbom"), d("a"));
        r.tag(QStringLiteral("v1"), d("a"));
        r.tag(QStringLiteral("latest"), d("a"));
        r.tag(QStringLiteral("other"), d("sbom"));
        r.fallback(d("a"), d("fallback of a"), {d("sbom")});

        const DeletionPlan plan = DeletionPlanner::plan(r.inv, d("a"));
        QVERIFY(!plan.isRefused());
        QCOMPARE(order(plan), QList<Digest>{d("a")});
        QCOMPARE(plan.removedTags(), (QStringList{QStringLiteral("latest"), QStringLiteral("v1")}));
        QCOMPARE(plan.orphans.size(), 1);
        QCOMPARE(plan.orphans.first().referrer, d("sbom"));
        QCOMPARE(plan.orphans.first().subject, d("a"));
        QCOMPARE(plan.orphans.first().via,
                 QStringList{inventoryEdgeKindName(InventoryEdgeKind::FallbackTag)});
        QCOMPARE(plan.orphans.first().tags, QStringList{QStringLiteral("other")});
        // The subject has no subject of its own; its fallback index keeps the orphan.
        QVERIFY(plan.fallbackEdits.isEmpty());
        QVERIFY(plan.emptiedFallbackTags.isEmpty());
        QVERIFY(plan.brokenIndexes.isEmpty());
        QCOMPARE(plan.facts.size(), 2);
        QCOMPARE(plan.facts.value(QStringLiteral("v1")), d("a"));
        QCOMPARE(plan.facts.value(QStringLiteral("latest")), d("a"));
        QCOMPARE(plan.knownTags.size(), 4);
    }

    void referrerDeleteEditsItsFallbackIndexNotBreaksIt()
    {
        Repo r;
        r.image(d("a"));
        r.image(d("sbom"), d("a"));
        r.image(d("sig"), d("a"));
        r.tag(QStringLiteral("v1"), d("a"));
        r.fallback(d("a"), d("fallback of a"), {d("sbom"), d("sig")});

        DeletionPlan plan = DeletionPlanner::plan(r.inv, d("sbom"));
        QVERIFY2(!plan.isRefused(), qPrintable(plan.refusals.join(QLatin1Char(' '))));
        QVERIFY(plan.brokenIndexes.isEmpty()); // a fallback index is bookkeeping, not content
        QCOMPARE(plan.fallbackEdits.size(), 1);
        const DeletionPlan::FallbackEdit edit = plan.fallbackEdits.first();
        QCOMPARE(edit.subject, d("a"));
        QCOMPARE(edit.tag, d("a").fallbackTag());
        QCOMPARE(edit.fallbackIndex, d("fallback of a"));
        QCOMPARE(edit.entry, d("sbom"));
        QVERIFY(edit.listed);
        QVERIFY(plan.emptiedFallbackTags.isEmpty()); // sig is still listed
        QCOMPARE(plan.facts.value(d("a").fallbackTag()), d("fallback of a"));
        QVERIFY(plan.removedTags().isEmpty());

        // The last entry: the tag becomes empty.
        r.fallback(d("a"), d("fallback of a, sbom only"), {d("sbom")});
        r.inv.edges.removeIf([&](const InventoryEdge &e) {
            return e.from == d("fallback of a") || e.to == d("sig");
        });
        plan = DeletionPlanner::plan(r.inv, d("sbom"));
        QCOMPARE(plan.emptiedFallbackTags, QStringList{d("a").fallbackTag()});
    }

    void withReferrersDeletesDeepestFirst()
    {
        Repo r;
        r.image(d("a"));
        r.image(d("sbom"), d("a"));
        r.image(d("sig of sbom"), d("sbom"));
        r.tag(QStringLiteral("v1"), d("a"));
        r.fallback(d("a"), d("fallback of a"), {d("sbom")});
        r.fallback(d("sbom"), d("fallback of sbom"), {d("sig of sbom")});

        DeletionOptions options;
        options.withReferrers = true;
        const DeletionPlan plan = DeletionPlanner::plan(r.inv, d("a"), options);
        QCOMPARE(order(plan), (QList<Digest>{d("sig of sbom"), d("sbom"), d("a")}));
        QCOMPARE(plan.items.at(0).depth, 2);
        QCOMPARE(plan.items.at(0).referrerOf, d("sbom"));
        QCOMPARE(plan.items.at(1).referrerOf, d("a"));
        QVERIFY(plan.orphans.isEmpty());
        QCOMPARE(plan.fallbackEdits.size(), 2);
        QCOMPARE(plan.emptiedFallbackTags, ([&] {
                     QStringList t{d("a").fallbackTag(), d("sbom").fallbackTag()};
                     t.sort();
                     return t;
                 }()));
    }

    void subjectWithoutListingStillGetsItsFallbackChecked()
    {
        Repo r;
        r.image(d("a"));
        r.image(d("sbom"), d("a")); // no fallback tag lists it (yet it has a subject)
        r.tag(QStringLiteral("sbom-tag"), d("sbom"));
        DeletionPlan plan = DeletionPlanner::plan(r.inv, d("sbom"));
        QCOMPARE(plan.fallbackEdits.size(), 1);
        QVERIFY(!plan.fallbackEdits.first().listed);
        QVERIFY(!plan.fallbackEdits.first().fallbackIndex.isValid());
        // The fact "no such fallback tag" is part of what the plan rests on.
        QVERIFY(plan.facts.contains(d("a").fallbackTag()));
        QVERIFY(!plan.facts.value(d("a").fallbackTag()).isValid());

        // With the referrers API the registry keeps the list itself: nothing to edit.
        r.inv.referrersApi = ReferrersAnswer::Kind::Api;
        plan = DeletionPlanner::plan(r.inv, d("sbom"));
        QVERIFY(plan.fallbackEdits.isEmpty());
    }

    void cyclesEnd()
    {
        Repo r;
        // Each names the other as its subject (possible after edits; PROTOCOL §4).
        r.image(d("a"), d("b"));
        r.image(d("b"), d("a"));
        r.tag(QStringLiteral("v1"), d("a"));
        r.fallback(d("a"), d("fallback of a"), {d("b")});
        r.fallback(d("b"), d("fallback of b"), {d("a")});
        DeletionOptions options;
        options.withReferrers = true;
        const DeletionPlan plan = DeletionPlanner::plan(r.inv, d("a"), options);
        QCOMPARE(order(plan), (QList<Digest>{d("b"), d("a")}));
        QVERIFY(plan.orphans.isEmpty());
        QCOMPARE(plan.emptiedFallbackTags.size(), 2);

        // A self-listing is no referrer of itself.
        Repo self;
        self.image(d("s"), d("s"));
        self.fallback(d("s"), d("fallback of s"), {d("s")});
        const DeletionPlan selfPlan = DeletionPlanner::plan(self.inv, d("s"), options);
        QCOMPARE(order(selfPlan), QList<Digest>{d("s")});
    }

    void sharedReferrerOnceAndClaimsSkipped()
    {
        Repo r;
        r.image(d("a"));
        r.image(d("b"));
        r.image(d("sbom"), d("a"));
        r.image(d("liar"), d("b")); // listed for a, but its subject is b
        r.image(d("cosign sig"));
        r.tag(QStringLiteral("v1"), d("a"));
        r.tag(QStringLiteral("v2"), d("b"));
        r.fallback(d("a"), d("fallback of a"), {d("sbom"), d("liar")});
        r.api(d("a"), d("sbom"));
        const QString sigTag = cosigntags::tagFor(d("a"), cosigntags::Kind::Signature);
        r.tag(sigTag, d("cosign sig"));
        r.inv.addEdge({d("a"), d("cosign sig"), InventoryEdgeKind::CosignTag, sigTag, true});

        DeletionOptions options;
        options.withReferrers = true;
        const DeletionPlan plan = DeletionPlanner::plan(r.inv, d("a"), options);
        QCOMPARE(plan.items.size(), 3);
        QCOMPARE(plan.items.last().digest, d("a"));
        const auto sbom = std::find_if(plan.items.begin(), plan.items.end(),
                                       [](const auto &i) { return i.digest == d("sbom"); });
        QVERIFY(sbom != plan.items.end());
        QCOMPARE(sbom->via.size(), 2); // fallback tag and referrers API, one item
        QVERIFY(!plan.deletes(d("liar")));
        QCOMPARE(plan.skippedReferrers.size(), 1);
        QCOMPARE(plan.skippedReferrers.first().digest, d("liar"));
        QVERIFY(plan.orphans.isEmpty()); // the liar is not a's referrer: not orphaned either
        // The cosign tag goes with its manifest.
        QVERIFY(plan.removedTags().contains(sigTag));
        // The fallback index keeps the liar's entry: not emptied.
        QVERIFY(plan.emptiedFallbackTags.isEmpty());
        QCOMPARE(plan.facts.value(sigTag), d("cosign sig"));
    }

    void childOfAnIndexIsRefusedUnlessInsisted()
    {
        Repo r;
        r.image(d("amd64"));
        r.image(d("arm64"));
        r.index(d("multi"), {d("amd64"), d("arm64")});
        r.index(d("untagged outer"), {d("amd64")});
        r.tag(QStringLiteral("latest"), d("multi"));

        DeletionPlan plan = DeletionPlanner::plan(r.inv, d("amd64"));
        QVERIFY(plan.isRefused());
        QCOMPARE(plan.brokenIndexes.size(), 2);
        const auto multi =
            std::find_if(plan.brokenIndexes.begin(), plan.brokenIndexes.end(),
                         [](const DeletionPlan::BrokenIndex &b) { return b.index == d("multi"); });
        QVERIFY(multi != plan.brokenIndexes.end());
        QCOMPARE(multi->tags, QStringList{QStringLiteral("latest")});
        QCOMPARE(multi->lostEntries, QList<Digest>{d("amd64")});
        QCOMPARE(plan.facts.value(QStringLiteral("latest")), d("multi"));
        QVERIFY(plan.removedTags().isEmpty());

        DeletionOptions insist;
        insist.breakIndexes = true;
        plan = DeletionPlanner::plan(r.inv, d("amd64"), insist);
        QVERIFY(!plan.isRefused());
        QCOMPARE(plan.brokenIndexes.size(), 2);

        // The index itself may go: its children stay, unbroken.
        r.tag(QStringLiteral("arm"), d("arm64"));
        plan = DeletionPlanner::plan(r.inv, d("multi"));
        QVERIFY(!plan.isRefused());
        QVERIFY(plan.brokenIndexes.isEmpty());
        QCOMPARE(plan.removedTags(), QStringList{QStringLiteral("latest")});
        QCOMPARE(plan.keptEntries, (QList<Digest>{d("amd64"), d("arm64")}));
        QCOMPARE(plan.untaggedAfter, QList<Digest>{d("amd64")}); // arm64 keeps its own tag
    }

    void referrerInsideAnIndexBreaksItToo()
    {
        // A BuildKit attestation is contained in the index and attached to its image.
        Repo r;
        r.image(d("img"));
        r.image(d("att"));
        r.index(d("top"), {d("img"), d("att")});
        r.tag(QStringLiteral("latest"), d("top"));
        r.tag(QStringLiteral("img-only"), d("img"));
        r.inv.addEdge(
            {d("img"), d("att"), InventoryEdgeKind::BuildKitAttestation, QString(), true});
        DeletionOptions options;
        options.withReferrers = true;
        options.breakIndexes = true;
        const DeletionPlan plan = DeletionPlanner::plan(r.inv, d("img"), options);
        QCOMPARE(order(plan), (QList<Digest>{d("att"), d("img")}));
        QCOMPARE(plan.brokenIndexes.size(), 1);
        QCOMPARE(plan.brokenIndexes.first().lostEntries.size(), 2);
    }

    void depthLimitLeavesOrphansAndSaysSo()
    {
        Repo r;
        r.image(d("a"));
        r.image(d("r1"), d("a"));
        r.image(d("r2"), d("r1"));
        r.image(d("r3"), d("r2"));
        r.fallback(d("a"), d("f1"), {d("r1")});
        r.fallback(d("r1"), d("f2"), {d("r2")});
        r.fallback(d("r2"), d("f3"), {d("r3")});
        DeletionOptions options;
        options.withReferrers = true;
        options.maxReferrerDepth = 2;
        const DeletionPlan plan = DeletionPlanner::plan(r.inv, d("a"), options);
        QCOMPARE(order(plan), (QList<Digest>{d("r2"), d("r1"), d("a")}));
        QCOMPARE(plan.orphans.size(), 1);
        QCOMPARE(plan.orphans.first().referrer, d("r3"));
        QVERIFY(!plan.warnings.isEmpty());
    }

    void unknownTargetIsPlannedWithAWarning()
    {
        Repo r;
        r.image(d("a"));
        r.tag(QStringLiteral("v1"), d("a"));
        const DeletionPlan plan = DeletionPlanner::plan(r.inv, d("never read"));
        QCOMPARE(plan.items.size(), 1);
        QVERIFY(!plan.items.first().known);
        QVERIFY(plan.removedTags().isEmpty());
        QVERIFY(!plan.warnings.isEmpty());
        QVERIFY(DeletionPlanner::plan(r.inv, Digest()).isRefused());
    }

    void renderings()
    {
        Repo r;
        r.image(d("a"));
        r.image(d("sbom"), d("a"));
        r.index(d("multi"), {d("a")});
        r.tag(QStringLiteral("v1"), d("a"));
        r.tag(QStringLiteral("latest"), d("multi"));
        r.fallback(d("a"), d("fallback of a"), {d("sbom")});
        const DeletionPlan plan = DeletionPlanner::plan(r.inv, d("a"));
        const QJsonObject json = plan.toJson();
        QCOMPARE(json.value(QLatin1String("refused")).toBool(), true);
        QCOMPARE(json.value(QLatin1String("target")).toString(), d("a").toString());
        QCOMPARE(json.value(QLatin1String("removedTags")).toArray(),
                 QJsonArray{QStringLiteral("v1")});
        QCOMPARE(json.value(QLatin1String("brokenIndexes")).toArray().size(), 1);
        QCOMPARE(json.value(QLatin1String("orphans")).toArray().size(), 1);
        QCOMPARE(json.value(QLatin1String("facts")).toObject().value(QLatin1String("latest")),
                 QJsonValue(d("multi").toString()));
        const QString text = plan.toText();
        QVERIFY(text.contains(QStringLiteral("Tags removed")));
        QVERIFY(text.contains(QStringLiteral("Indexes that break")));
        QVERIFY(text.contains(QStringLiteral("orphaned")));
        QVERIFY(text.contains(QStringLiteral("REFUSED: ")));
    }
};

QTEST_GUILESS_MAIN(TestDeletionPlanner)
#include "tst_deletionplanner.moc"
