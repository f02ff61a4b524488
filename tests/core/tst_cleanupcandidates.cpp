#include "cleanup/cleanupcandidates.h"
#include "referrers/cosigntags.h"

#include <QTest>

using namespace ocular;

namespace {

Digest d(const char *name)
{
    return Digest::sha256(QByteArray(name));
}

InventoryManifest manifest(const Digest &digest, bool isIndex = false,
                           std::optional<Digest> subject = std::nullopt)
{
    InventoryManifest m;
    m.digest = digest;
    m.mediaType = isIndex ? QStringLiteral("application/vnd.oci.image.index.v1+json")
                          : QStringLiteral("application/vnd.oci.image.manifest.v1+json");
    m.size = 100;
    m.isIndex = isIndex;
    m.subject = subject;
    return m;
}

TagHistoryEntry seen(const QString &tag, const Digest &digest, bool current)
{
    TagHistoryEntry e;
    e.registry = QStringLiteral("r");
    e.repository = QStringLiteral("repo");
    e.tag = tag;
    e.digest = digest;
    e.firstSeen = e.lastSeen = QDateTime::fromMSecsSinceEpoch(1000, Qt::UTC);
    e.current = current;
    return e;
}

QHash<Digest, CleanupCandidate> byDigest(const QList<CleanupCandidate> &list)
{
    QHash<Digest, CleanupCandidate> out;
    for (const CleanupCandidate &c : list)
        out.insert(c.digest, c);
    return out;
}

} // namespace

class TestCleanupCandidates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void attachmentTagsAreNotRoots();
    void entriesOfADanglingIndexAreDangling();
    void unreadListsWhatOnlyEvidenceNamed();
    void goneDigestsAreLeftOut();
};

void TestCleanupCandidates::attachmentTagsAreNotRoots()
{
    RepositoryInventory inv;
    const Digest app = d("app"), sig = d("sig"), deletedImage = d("deleted");
    inv.tags.insert(QStringLiteral("v1"), app);
    inv.tags.insert(cosigntags::tagFor(deletedImage, cosigntags::Kind::Signature), sig);
    inv.manifests.insert(app, manifest(app));
    inv.manifests.insert(sig, manifest(sig, false, deletedImage));
    inv.addEdge({deletedImage, sig, InventoryEdgeKind::CosignTag,
                 cosigntags::tagFor(deletedImage, cosigntags::Kind::Signature), true});
    const auto candidates = byDigest(CleanupCandidates::classify(inv, {}));
    QCOMPARE(candidates.size(), 1); // v1 is tagged; the signature is not in use
    QCOMPARE(candidates.value(sig).kind, CleanupClass::OrphanedReferrer);
    QVERIFY(candidates.value(sig)
                .sources.join(QLatin1Char(' '))
                .contains(QStringLiteral("cosign tag")));

    // With its subject tagged, the same signature is in use and not listed (it is tagged).
    inv.tags.insert(QStringLiteral("v0"), deletedImage);
    inv.manifests.insert(deletedImage, manifest(deletedImage));
    QVERIFY(CleanupCandidates::classify(inv, {}).isEmpty());
}

void TestCleanupCandidates::entriesOfADanglingIndexAreDangling()
{
    RepositoryInventory inv;
    const Digest now = d("now"), old = d("old-index"), oldAmd64 = d("old-amd64");
    inv.tags.insert(QStringLiteral("latest"), now);
    inv.manifests.insert(now, manifest(now));
    CleanupEvidence ev;
    ev.history = {seen(QStringLiteral("latest"), old, false),
                  seen(QStringLiteral("latest"), now, true)};
    ev.extraManifests.insert(old, manifest(old, true));
    ev.extraManifests.insert(oldAmd64, manifest(oldAmd64));
    ev.extraEdges.append({old, oldAmd64, InventoryEdgeKind::IndexChild, QString(), true});
    const auto list = CleanupCandidates::classify(inv, ev);
    const auto candidates = byDigest(list);
    QCOMPARE(candidates.size(), 2);
    QCOMPARE(candidates.value(old).kind, CleanupClass::DanglingImage);
    QVERIFY(candidates.value(old).why.contains(QStringLiteral("latest")));
    QCOMPARE(candidates.value(oldAmd64).kind, CleanupClass::DanglingImage);
    QVERIFY(candidates.value(oldAmd64).why.contains(old.toString()));
    QCOMPARE(candidates.value(old).size, 100);
    for (const CleanupCandidate &c : list)
        QVERIFY(!c.selected);
}

void TestCleanupCandidates::unreadListsWhatOnlyEvidenceNamed()
{
    RepositoryInventory inv;
    const Digest now = d("now"), old = d("old"), onDisk = d("disk");
    inv.tags.insert(QStringLiteral("latest"), now);
    inv.manifests.insert(now, manifest(now));
    CleanupEvidence ev;
    ev.history = {seen(QStringLiteral("latest"), old, true)}; // "current" when last seen
    DistributionStorageListing storage;
    storage.revisions = {now, onDisk};
    ev.storage = storage;
    QList<Digest> expected{old, onDisk};
    std::sort(expected.begin(), expected.end());
    QCOMPARE(CleanupCandidates::unread(inv, ev), expected);
    ev.extraManifests.insert(old, manifest(old));
    ev.extraManifests.insert(onDisk, manifest(onDisk));
    const auto candidates = byDigest(CleanupCandidates::classify(inv, ev));
    // The inventory says latest names another digest now: the history's "current" is stale.
    QCOMPARE(candidates.value(old).kind, CleanupClass::DanglingImage);
    QCOMPARE(candidates.value(onDisk).kind, CleanupClass::Unknown);
    QVERIFY(candidates.value(onDisk).sources.contains(QStringLiteral("storage: revision")));
}

void TestCleanupCandidates::goneDigestsAreLeftOut()
{
    RepositoryInventory inv;
    CleanupEvidence ev;
    ev.history = {seen(QStringLiteral("latest"), d("gone"), false)};
    ev.gone.insert(d("gone"));
    QVERIFY(CleanupCandidates::unread(inv, ev).isEmpty());
    QVERIFY(CleanupCandidates::classify(inv, ev).isEmpty());
}

QTEST_GUILESS_MAIN(TestCleanupCandidates)
#include "tst_cleanupcandidates.moc"
