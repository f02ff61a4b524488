// The cleanup policy: its JSON (what the CLI and the GUI share), each filter's verdict, and
// what the candidates' sizes and ages are made of.
#include "cleanup/cleanupcandidates.h"
#include "cleanup/cleanuppolicy.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ocular;

namespace {

Digest d(const char *name)
{
    return Digest::sha256(QByteArray(name));
}

CleanupCandidate candidate(CleanupClass kind, qint64 reclaimable = 1000)
{
    CleanupCandidate c;
    c.digest = d("c");
    c.kind = kind;
    c.size = 100;
    c.reclaimable = reclaimable;
    c.artifactType = QStringLiteral("application/vnd.example.sbom");
    c.annotations.insert(QStringLiteral("org.example.team"), QStringLiteral("web"));
    c.annotations.insert(QStringLiteral("org.opencontainers.image.source"),
                         QStringLiteral("https://git.example/app"));
    c.created = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    c.createdFrom = QStringLiteral("annotation");
    return c;
}

const QDateTime Now(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC); // 59 days after created

InventoryManifest image(const Digest &digest, const QList<std::pair<Digest, qint64>> &blobs)
{
    InventoryManifest m;
    m.digest = digest;
    m.mediaType = QStringLiteral("application/vnd.oci.image.manifest.v1+json");
    m.size = 100;
    for (const auto &[blob, size] : blobs) {
        m.layers.append(blob);
        m.blobSizes.insert(blob, size);
    }
    return m;
}

} // namespace

class TestCleanupPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonRoundTrips();
    void badJsonIsRefusedWithAReason_data();
    void badJsonIsRefusedWithAReason();
    void inUseIsNeverSelected();
    void defaultClasses();
    void eachFilterDecides();
    void globsCoverSlashes();
    void sizesCountOnlyWhatNothingElseUses();
    void ageComesFromTheAnnotationElseTheHistory();
};

void TestCleanupPolicy::jsonRoundTrips()
{
    const QByteArray json = R"({"name": "old builds", "classes": ["dangling image", "unknown"],
        "olderThanDays": 30, "minSize": 1048576, "artifactTypes": ["application/*"],
        "annotations": ["org.example.team=web", "org.opencontainers.image.source~^https://"],
        "repositories": ["team/*"]})";
    auto policy = CleanupPolicy::fromJson(json);
    QVERIFY2(policy.ok(), qPrintable(policy ? QString() : policy.error().message));
    QCOMPARE(policy->name, QStringLiteral("old builds"));
    QCOMPARE(policy->classes,
             (QList<CleanupClass>{CleanupClass::DanglingImage, CleanupClass::Unknown}));
    QCOMPARE(*policy->olderThanDays, 30);
    QCOMPARE(*policy->minSize, 1048576);
    QCOMPARE(policy->annotations.size(), 2);
    QVERIFY(policy->annotations.at(1).isRegex);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.json"));
    QVERIFY(policy->save(path).ok());
    auto loaded = CleanupPolicy::load(path);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded->toJson(), policy->toJson());
    QCOMPARE(loaded->annotations.at(0).text(), QStringLiteral("org.example.team=web"));
    QCOMPARE(loaded->annotations.at(1).text(),
             QStringLiteral("org.opencontainers.image.source~^https://"));
    QVERIFY(!CleanupPolicy::load(dir.filePath(QStringLiteral("missing.json"))).ok());
}

void TestCleanupPolicy::badJsonIsRefusedWithAReason_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("says");
    QTest::newRow("not json") << QByteArray("{") << "not JSON";
    QTest::newRow("array") << QByteArray("[]") << "JSON object";
    QTest::newRow("misspelt key") << QByteArray(R"({"olderThan": 3})") << "unknown key";
    QTest::newRow("unknown class") << QByteArray(R"({"classes": ["old"]})") << "unknown class";
    QTest::newRow("in-use class") << QByteArray(R"({"classes": ["child of tagged index"]})")
                                  << "never deleted";
    QTest::newRow("negative age") << QByteArray(R"({"olderThanDays": -1})") << "whole number";
    QTest::newRow("fractional size") << QByteArray(R"({"minSize": 1.5})") << "whole number";
    QTest::newRow("string list") << QByteArray(R"({"repositories": "team/*"})") << "array";
    QTest::newRow("empty pattern") << QByteArray(R"({"artifactTypes": [""]})") << "non-empty";
    QTest::newRow("annotation form") << QByteArray(R"({"annotations": ["team"]})") << "key=value";
    QTest::newRow("bad regex") << QByteArray(R"({"annotations": ["a~("]})") << "annotation";
    QTest::newRow("name type") << QByteArray(R"({"name": 3})") << "string";
}

void TestCleanupPolicy::badJsonIsRefusedWithAReason()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, says);
    const auto policy = CleanupPolicy::fromJson(json);
    QVERIFY(!policy.ok());
    QCOMPARE(policy.error().kind, ErrorKind::InvalidInput);
    QVERIFY2(policy.error().message.contains(says), qPrintable(policy.error().message));
}

void TestCleanupPolicy::inUseIsNeverSelected()
{
    CleanupPolicy policy;
    // Even a policy object built by hand (not through fromJson) cannot select what is in use.
    policy.classes = {CleanupClass::ChildOfTaggedIndex, CleanupClass::ReferrerOfLiveSubject};
    for (CleanupClass kind :
         {CleanupClass::ChildOfTaggedIndex, CleanupClass::ReferrerOfLiveSubject}) {
        const auto verdict = policy.judge(candidate(kind), QStringLiteral("r"), Now);
        QVERIFY(!verdict.selected);
        QVERIFY(verdict.why.contains(QStringLiteral("in use")));
    }
}

void TestCleanupPolicy::defaultClasses()
{
    const CleanupPolicy policy;
    QList<CleanupCandidate> all;
    for (CleanupClass kind : {CleanupClass::ChildOfTaggedIndex, CleanupClass::ReferrerOfLiveSubject,
                              CleanupClass::OrphanedReferrer, CleanupClass::ReplacedFallbackIndex,
                              CleanupClass::DanglingImage, CleanupClass::Unknown})
        all.append(candidate(kind));
    QCOMPARE(policy.apply(all, QStringLiteral("r"), Now), 3);
    QVERIFY(all.at(2).selected && all.at(3).selected && all.at(4).selected);
    QVERIFY(!all.at(5).selected); // unknown only when named
    QVERIFY(all.at(5).verdict.contains(QStringLiteral("unknown")));
    QVERIFY(all.at(4).verdict.startsWith(QStringLiteral("selected")));
}

void TestCleanupPolicy::eachFilterDecides()
{
    const CleanupCandidate c = candidate(CleanupClass::DanglingImage);
    auto judged = [&](const QByteArray &json, const CleanupCandidate &which) {
        auto policy = CleanupPolicy::fromJson(json);
        if (!policy)
            qWarning() << policy.error().message;
        return policy.value().judge(which, QStringLiteral("team/web"), Now);
    };
    QVERIFY(judged(R"({"olderThanDays": 30})", c).selected);
    QVERIFY(!judged(R"({"olderThanDays": 60})", c).selected);
    CleanupCandidate ageless = c;
    ageless.created = QDateTime();
    QVERIFY(judged(R"({"olderThanDays": 60})", c).why.contains(QStringLiteral("59 days")));
    QVERIFY(!judged(R"({"olderThanDays": 1})", ageless).selected);
    QVERIFY(judged(R"({"minSize": 1000})", c).selected);
    QVERIFY(!judged(R"({"minSize": 1001})", c).selected);
    CleanupCandidate sizeless = c;
    sizeless.reclaimable = -1;
    QVERIFY(!judged(R"({"minSize": 0})", sizeless).selected);
    QVERIFY(judged(R"({"artifactTypes": ["application/vnd.example.*"]})", c).selected);
    QVERIFY(!judged(R"({"artifactTypes": ["application/spdx*"]})", c).selected);
    QVERIFY(judged(R"({"annotations": ["org.example.team=web"]})", c).selected);
    QVERIFY(!judged(R"({"annotations": ["org.example.team=we"]})", c).selected);
    QVERIFY(!judged(R"({"annotations": ["org.example.other=web"]})", c).selected);
    QVERIFY(judged(R"({"annotations": ["org.opencontainers.image.source~git\\.example"]})", c)
                .selected);
    QVERIFY(!judged(R"({"annotations": ["org.opencontainers.image.source~^http:"]})", c).selected);
    // All filters must hold.
    QVERIFY(!judged(R"({"minSize": 1, "annotations": ["org.example.team=db"]})", c).selected);
    QVERIFY(judged(R"({"repositories": ["team/*"]})", c).selected);
    QVERIFY(!judged(R"({"repositories": ["other/*"]})", c).selected);
    // A value with '=' in it: the first separator splits.
    auto f = CleanupPolicy::AnnotationFilter::parse(QStringLiteral("k=a=b"));
    QVERIFY(f.ok());
    QCOMPARE(f->key, QStringLiteral("k"));
    QCOMPARE(f->value, QStringLiteral("a=b"));
}

void TestCleanupPolicy::globsCoverSlashes()
{
    CleanupPolicy policy;
    policy.repositories = {QStringLiteral("team/*")};
    const CleanupCandidate c = candidate(CleanupClass::DanglingImage);
    QVERIFY(policy.judge(c, QStringLiteral("team/a/b"), Now).selected);
    QVERIFY(!policy.judge(c, QStringLiteral("teams/a"), Now).selected);
    policy.repositories = {QStringLiteral("team/[ab]")}; // brackets are literal, not a class
    QVERIFY(!policy.judge(c, QStringLiteral("team/a"), Now).selected);
    QVERIFY(policy.judge(c, QStringLiteral("team/[ab]"), Now).selected);
    policy.repositories = {QStringLiteral("t?am/*")};
    QVERIFY(policy.judge(c, QStringLiteral("team/x"), Now).selected);
}

void TestCleanupPolicy::sizesCountOnlyWhatNothingElseUses()
{
    const Digest tagged = d("tagged"), a = d("a"), b = d("b");
    const Digest shared = d("blob shared with the tagged image"), pair = d("blob a and b share"),
                 own = d("blob only a has");
    RepositoryInventory inventory;
    inventory.tags.insert(QStringLiteral("latest"), tagged);
    inventory.manifests.insert(tagged, image(tagged, {{shared, 5000}}));
    CleanupEvidence evidence;
    evidence.extraManifests.insert(a, image(a, {{shared, 5000}, {pair, 300}, {own, 70}}));
    evidence.extraManifests.insert(b, image(b, {{pair, 300}}));
    for (const Digest &x : {a, b}) {
        TagHistoryEntry h;
        h.tag = QStringLiteral("latest");
        h.digest = x;
        h.firstSeen = h.lastSeen = QDateTime::currentDateTimeUtc();
        evidence.history.append(h);
    }
    QList<CleanupCandidate> candidates = CleanupCandidates::classify(inventory, evidence);
    QCOMPARE(candidates.size(), 2);
    for (const CleanupCandidate &c : candidates) {
        QCOMPARE(c.kind, CleanupClass::DanglingImage);
        // Its own bytes and blobs nobody else names: the pair's blob counts for neither alone.
        QCOMPARE(c.reclaimable, c.digest == a ? 100 + 70 : 100);
        QVERIFY(!c.ownBlobs.contains(shared));
    }
    for (CleanupCandidate &c : candidates)
        c.selected = true;
    QCOMPARE(CleanupCandidates::selectedBytes(candidates), 100 + 100 + 300 + 70);
    for (CleanupCandidate &c : candidates)
        c.selected = c.digest == a;
    QCOMPARE(CleanupCandidates::selectedBytes(candidates), 100 + 70);
}

void TestCleanupPolicy::ageComesFromTheAnnotationElseTheHistory()
{
    const Digest annotated = d("annotated"), plain = d("plain");
    RepositoryInventory inventory;
    CleanupEvidence evidence;
    InventoryManifest m = image(annotated, {});
    m.annotations.insert(QStringLiteral("org.opencontainers.image.created"),
                         QStringLiteral("2025-06-01T12:00:00Z"));
    evidence.extraManifests.insert(annotated, m);
    evidence.extraManifests.insert(plain, image(plain, {}));
    const QDateTime first = QDateTime(QDate(2026, 2, 1), QTime(8, 0), Qt::UTC);
    for (const Digest &x : {annotated, plain}) {
        TagHistoryEntry h;
        h.tag = QStringLiteral("v1");
        h.digest = x;
        h.firstSeen = first;
        h.lastSeen = first.addDays(2);
        evidence.history.append(h);
    }
    for (const CleanupCandidate &c : CleanupCandidates::classify(inventory, evidence)) {
        if (c.digest == annotated) {
            QCOMPARE(c.created, QDateTime(QDate(2025, 6, 1), QTime(12, 0), Qt::UTC));
            QVERIFY(c.createdFrom.contains(QStringLiteral("annotation")));
        } else {
            QCOMPARE(c.created, first);
            QVERIFY(c.createdFrom.contains(QStringLiteral("tag history")));
        }
    }
}

QTEST_GUILESS_MAIN(TestCleanupPolicy)
#include "tst_cleanuppolicy.moc"
