// The referrers API path of ReferrerWalker and CapabilityProbe, against a FAKE registry that
// implements the API (no packaged registry does): pagination, artifactType filtering with and
// without OCI-Filters-Applied, an empty list, the "no API" answers, recursion, cycles, the
// depth limit and a 4 MiB referrers index.
#include "support/asyncwait.h"
#include "support/fakereferrersregistry.h"
#include "support/testmanifests.h"
#include "support/teststack.h"

#include "content/mediatype.h"
#include "referrers/audittable.h"
#include "referrers/capabilityprobe.h"
#include "referrers/cosigngraphverifier.h"
#include "referrers/referrerwalker.h"
#include "referrers/repositoryauditor.h"
#include "referrers/staleattachmentscanner.h"
#include "registry/registryclient.h"
#include "source/contentsource.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ocular;
using ocular::test::compact;
using ocular::test::descriptor;
using ocular::test::FakeReferrersRegistry;
using ocular::test::image;
using ocular::test::waitFor;

namespace {

const QString Repo = QStringLiteral("team/app");
const QString Sbom = QStringLiteral("application/spdx+json");
const QString Notation = QStringLiteral("application/vnd.cncf.notary.signature");

/// Referrers here carry a creation time, as most tools write one.
QByteArray artifact(const QString &artifactType, const QByteArray &subject, const QString &salt)
{
    return ocular::test::artifact(artifactType, subject, salt,
                                  QStringLiteral("2026-01-02T03:04:05Z"));
}

struct Rig
{
    Rig()
    {
        fake.start();
        // The product's wiring as this rig always had it: anonymous, default retries, no cache.
        RegistryStackConfig config = ocular::test::testStackConfig(fake.hostPort());
        config.anonymousOnly = true;
        config.retryPolicy.reset();
        stack = ocular::test::makeStack(config);
        if (!stack)
            qFatal("tst_referrers_fakeapi: no registry stack for %s", qPrintable(fake.hostPort()));
        client = stack->client();
        source = stack->source();
        probe = std::make_unique<CapabilityProbe>(client);
        walker = std::make_unique<ReferrerWalker>(source, probe.get());
    }
    Result<ReferrerGraph> walk(const QString &ref, ReferrerWalker::Options options = {})
    {
        return waitFor<ReferrerGraph>(
            [&](QObject *ctx, auto done) { return walker->walk(Repo, ref, options, ctx, done); });
    }

    FakeReferrersRegistry fake;
    std::unique_ptr<RegistryStack> stack; ///< outlives the probe and walker below
    RegistryClient *client = nullptr;     ///< stack->client()
    ContentSource *source = nullptr;      ///< stack->source()
    std::unique_ptr<CapabilityProbe> probe;
    std::unique_ptr<ReferrerWalker> walker;
};

QByteArray indexOf(const QList<QJsonValue> &entries)
{
    QJsonArray array;
    for (const QJsonValue &e : entries)
        array.append(e);
    return compact(QJsonObject{{QStringLiteral("schemaVersion"), 2},
                               {QStringLiteral("mediaType"), QString(mediatype::OciIndex)},
                               {QStringLiteral("manifests"), array}});
}

QJsonObject entryFor(const QByteArray &raw, const QString &artifactType = {})
{
    QJsonObject e = descriptor(QString(mediatype::OciManifest), raw);
    if (!artifactType.isEmpty())
        e.insert(QStringLiteral("artifactType"), artifactType);
    return e;
}

bool hasIssue(const ReferrerGraph &graph, ReferrerIssue::Kind kind, const QString &words = {})
{
    for (const ReferrerIssue &issue : graph.issues()) {
        if (issue.kind == kind && issue.message.contains(words))
            return true;
    }
    return false;
}

int countSource(const ReferrerGraph &graph, ReferrerSource source)
{
    int n = 0;
    for (const ReferrerEdge &edge : graph.edges())
        n += edge.sources.testFlag(source) ? 1 : 0;
    return n;
}

} // namespace

class TestReferrersFakeApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void paginatedListIsReadCompletely()
    {
        Rig rig;
        rig.fake.setPageSize(2);
        const QByteArray subject = image(QStringLiteral("s"));
        rig.fake.addManifest(Repo, subject, QStringLiteral("v1"));
        QSet<QString> expected;
        for (int i = 0; i < 7; ++i)
            expected.insert(rig.fake.addManifest(
                Repo, artifact(i < 3 ? Notation : Sbom, subject, QString::number(i))));
        auto graph = rig.walk(QStringLiteral("v1"));
        QVERIFY2(graph.ok(), qPrintable(graph.error().toString()));
        QCOMPARE(graph->root(), Digest::sha256(subject));
        QSet<QString> got;
        for (const ReferrerEdge &edge : graph->referrersOf(graph->root())) {
            QCOMPARE(edge.sources, ReferrerSources(ReferrerSource::ReferrersApi));
            got.insert(edge.to.toString());
        }
        QCOMPARE(got, expected);
        // 4 pages for the subject (2+2+2+1), one page for each of the 7 referrers.
        QCOMPARE(rig.fake.requestCount(QStringLiteral("referrers")), 4 + 7);
        QCOMPARE(rig.probe->cached(Repo).referrersApi.state, CapabilityState::Supported);
        const ReferrerNode *sig = nullptr;
        for (const ReferrerNode &n : graph->nodes()) {
            if (n.artifactType == Notation)
                sig = graph->node(n.digest);
        }
        QVERIFY(sig);
        QCOMPARE(sig->classification.category, ArtifactCategory::Signature);
        QCOMPARE(sig->created, QStringLiteral("2026-01-02T03:04:05Z"));
        QVERIFY(graph->issues().isEmpty());
    }

    void filterAppliedByServer()
    {
        Rig rig;
        rig.fake.setFiltering(true);
        const QByteArray subject = image(QStringLiteral("s"));
        rig.fake.addManifest(Repo, subject, QStringLiteral("v1"));
        for (int i = 0; i < 5; ++i)
            rig.fake.addManifest(Repo,
                                 artifact(i < 2 ? Notation : Sbom, subject, QString::number(i)));
        ReferrerWalker::Options options;
        options.artifactType = Notation;
        auto graph = rig.walk(QStringLiteral("v1"), options);
        QVERIFY2(graph.ok(), qPrintable(graph.error().toString()));
        QCOMPARE(graph->referrersOf(graph->root()).size(), 2);
        QVERIFY(rig.fake.referrersQueries().first().contains(QStringLiteral("artifactType=")));
        QCOMPARE(rig.probe->cached(Repo).referrersFiltering.state, CapabilityState::Supported);
    }

    void filterNotAppliedIsDoneByTheClient()
    {
        Rig rig;
        rig.fake.setFiltering(false);
        const QByteArray subject = image(QStringLiteral("s"));
        rig.fake.addManifest(Repo, subject, QStringLiteral("v1"));
        for (int i = 0; i < 5; ++i)
            rig.fake.addManifest(Repo,
                                 artifact(i < 2 ? Notation : Sbom, subject, QString::number(i)));
        ReferrerWalker::Options options;
        options.artifactType = Notation;
        auto graph = rig.walk(QStringLiteral("v1"), options);
        QVERIFY2(graph.ok(), qPrintable(graph.error().toString()));
        const QList<ReferrerEdge> edges = graph->referrersOf(graph->root());
        QCOMPARE(edges.size(), 2);
        for (const ReferrerEdge &edge : edges)
            QCOMPARE(graph->node(edge.to)->artifactType, Notation);
        QCOMPARE(rig.probe->cached(Repo).referrersFiltering.state, CapabilityState::NotSupported);
    }

    void emptyListMeansSupportedAndNoReferrers()
    {
        Rig rig;
        const QByteArray subject = image(QStringLiteral("lonely"));
        rig.fake.addManifest(Repo, subject, QStringLiteral("v1"));
        auto graph = rig.walk(QStringLiteral("v1"));
        QVERIFY2(graph.ok(), qPrintable(graph.error().toString()));
        QVERIFY(graph->referrersOf(graph->root()).isEmpty());
        QVERIFY(graph->issues().isEmpty());
        QCOMPARE(rig.probe->cached(Repo).referrersApi.state, CapabilityState::Supported);
    }

    void probeReportsEvidence_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("evidence");
        using M = FakeReferrersRegistry::ApiMode;
        QTest::addRow("supported") << int(M::Supported) << int(CapabilityState::Supported)
                                   << QStringLiteral("HTTP 200 application/vnd.oci.image.index");
        QTest::addRow("404 plain") << int(M::NotFoundPlain) << int(CapabilityState::NotSupported)
                                   << QStringLiteral("HTTP 404 text/plain");
        QTest::addRow("400") << int(M::BadRequest) << int(CapabilityState::NotSupported)
                             << QStringLiteral("HTTP 400");
        QTest::addRow("405") << int(M::NotAllowed) << int(CapabilityState::NotSupported)
                             << QStringLiteral("HTTP 405");
        QTest::addRow("406") << int(M::NotAcceptable) << int(CapabilityState::NotSupported)
                             << QStringLiteral("HTTP 406");
        QTest::addRow("200 not index") << int(M::OkNotAnIndex) << int(CapabilityState::NotSupported)
                                       << QStringLiteral("not an index");
    }
    void probeReportsEvidence()
    {
        QFETCH(int, mode);
        QFETCH(int, state);
        QFETCH(QString, evidence);
        Rig rig;
        rig.fake.setApiMode(FakeReferrersRegistry::ApiMode(mode));
        rig.fake.addManifest(Repo, image(QStringLiteral("a")), QStringLiteral("a"));
        rig.fake.addManifest(Repo, image(QStringLiteral("b")), QStringLiteral("b"));
        auto caps = waitFor<RegistryCapabilities>(
            [&](QObject *ctx, auto done) { return rig.probe->probe(Repo, false, ctx, done); });
        QVERIFY2(caps.ok(), qPrintable(caps.error().toString()));
        QCOMPARE(int(caps->referrersApi.state), state);
        QVERIFY2(caps->referrersApi.evidence.contains(evidence),
                 qPrintable(caps->referrersApi.evidence));
        QVERIFY(caps->referrersApi.probedAt.isValid());
        QCOMPARE(caps->catalog.state, CapabilityState::Supported);
        // The fake ignores n=1 and returns both tags without a Link header.
        QCOMPARE(caps->tagPagination.state, CapabilityState::NotSupported);
        QCOMPARE(caps->tagDelete.state, CapabilityState::Unknown);
        if (state == int(CapabilityState::Supported))
            QCOMPARE(caps->referrersFiltering.state, CapabilityState::Supported);
        else
            QCOMPARE(caps->referrersFiltering.state, CapabilityState::NotSupported);
        // Cached: no new request; refresh: probes again.
        const int before = rig.fake.requestCount(QStringLiteral("referrers"));
        auto cached = waitFor<RegistryCapabilities>(
            [&](QObject *ctx, auto done) { return rig.probe->probe(Repo, false, ctx, done); });
        QVERIFY(cached.ok());
        QCOMPARE(rig.fake.requestCount(QStringLiteral("referrers")), before);
        auto refreshed = waitFor<RegistryCapabilities>(
            [&](QObject *ctx, auto done) { return rig.probe->probe(Repo, true, ctx, done); });
        QVERIFY(refreshed.ok());
        QVERIFY(rig.fake.requestCount(QStringLiteral("referrers")) > before);
    }

    void unknownRepositoryIsNotAnAnswer()
    {
        Rig rig;
        rig.fake.addManifest(QStringLiteral("other"), image(QStringLiteral("x")));
        auto caps = waitFor<RegistryCapabilities>([&](QObject *ctx, auto done) {
            return rig.probe->probe(QStringLiteral("missing/repo"), false, ctx, done);
        });
        // Issue 10 item 4: an unknown repository is said to be one, never "no referrers API".
        QVERIFY(!caps.ok());
        QCOMPARE(caps.error().kind, ErrorKind::NotFound);
        QVERIFY2(caps.error().message.contains(QStringLiteral("does not exist")),
                 qPrintable(caps.error().message));
        QCOMPARE(rig.probe->cached(QStringLiteral("missing/repo")).referrersApi.state,
                 CapabilityState::Unknown);
    }

    void noApiFallsBackToTheFallbackTag()
    {
        Rig rig;
        rig.fake.setApiMode(FakeReferrersRegistry::ApiMode::NotFoundPlain);
        const QByteArray subject = image(QStringLiteral("s"));
        const QString subjectDigest = rig.fake.addManifest(Repo, subject, QStringLiteral("v1"));
        const QByteArray sbom = artifact(Sbom, subject, QStringLiteral("1"));
        rig.fake.addManifest(Repo, sbom);
        QJsonObject entry = descriptor(QString(mediatype::OciManifest), sbom);
        entry.insert(QStringLiteral("artifactType"), Sbom);
        const QByteArray index =
            compact(QJsonObject{{QStringLiteral("schemaVersion"), 2},
                                {QStringLiteral("mediaType"), QString(mediatype::OciIndex)},
                                {QStringLiteral("manifests"), QJsonArray{entry}}});
        rig.fake.addManifest(Repo, index, Digest::sha256(subject).fallbackTag());
        auto graph = rig.walk(subjectDigest);
        QVERIFY2(graph.ok(), qPrintable(graph.error().toString()));
        const QList<ReferrerEdge> edges = graph->referrersOf(graph->root());
        QCOMPARE(edges.size(), 1);
        QCOMPARE(edges.first().sources, ReferrerSources(ReferrerSource::FallbackTag));
        QCOMPARE(edges.first().to, Digest::sha256(sbom));
        QCOMPARE(rig.probe->cached(Repo).referrersApi.state, CapabilityState::NotSupported);
        // Once known to be absent, the API is not asked again for the referrer's referrers.
        QCOMPARE(rig.fake.requestCount(QStringLiteral("referrers")), 1);
    }

    void recursionAndDepthLimit()
    {
        Rig rig;
        const QByteArray subject = image(QStringLiteral("s"));
        rig.fake.addManifest(Repo, subject, QStringLiteral("v1"));
        const QByteArray sbom = artifact(Sbom, subject, QStringLiteral("sbom"));
        rig.fake.addManifest(Repo, sbom);
        const QByteArray sbomSignature = artifact(Notation, sbom, QStringLiteral("sig-of-sbom"));
        rig.fake.addManifest(Repo, sbomSignature);
        const QByteArray sigSig = artifact(Notation, sbomSignature, QStringLiteral("sig-of-sig"));
        rig.fake.addManifest(Repo, sigSig);

        auto full = rig.walk(QStringLiteral("v1"));
        QVERIFY2(full.ok(), qPrintable(full.error().toString()));
        QCOMPARE(full->allReferrers().size(), 3);
        QCOMPARE(full->node(Digest::sha256(sigSig))->depth, 3);
        QCOMPARE(full->referrersOf(Digest::sha256(sbom)).size(), 1);

        ReferrerWalker::Options shallow;
        shallow.maxDepth = 1;
        auto limited = rig.walk(QStringLiteral("v1"), shallow);
        QVERIFY(limited.ok());
        QCOMPARE(limited->allReferrers(), QList<Digest>{Digest::sha256(sbom)});
        bool reported = false;
        for (const ReferrerIssue &issue : limited->issues())
            reported |= issue.kind == ReferrerIssue::Kind::DepthLimit &&
                        issue.digest == Digest::sha256(sbom);
        QVERIFY(reported);
    }

    void cyclesTerminate()
    {
        Rig rig;
        const QByteArray a = image(QStringLiteral("a"));
        const QByteArray b = image(QStringLiteral("b"));
        const QString da = rig.fake.addManifest(Repo, a, QStringLiteral("a"));
        const QString db = rig.fake.addManifest(Repo, b, QStringLiteral("b"));
        // A lists B and itself; B lists A: only a lying server can say this, and it must not
        // make the walk loop.
        auto list = [](const QList<QByteArray> &raws) {
            QJsonArray entries;
            for (const QByteArray &raw : raws)
                entries.append(descriptor(QString(mediatype::OciManifest), raw));
            return compact(QJsonObject{{QStringLiteral("schemaVersion"), 2},
                                       {QStringLiteral("mediaType"), QString(mediatype::OciIndex)},
                                       {QStringLiteral("manifests"), entries}});
        };
        rig.fake.setReferrersBody(da, list({b, a}));
        rig.fake.setReferrersBody(db, list({a}));
        QElapsedTimer timer;
        timer.start();
        auto graph = rig.walk(QStringLiteral("a"));
        QVERIFY2(graph.ok(), qPrintable(graph.error().toString()));
        // Neither names a subject: the lie is reported, not walked (and so cannot loop).
        QVERIFY(graph->referrersOf(Digest::sha256(a)).isEmpty());
        const QList<RejectedReferrer> rejected = graph->rejectedFor(Digest::sha256(a));
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(rejected.first().referrer, Digest::sha256(b));
        QCOMPARE(rejected.first().reason, RejectedReferrer::Reason::NoSubject);
        QCOMPARE(rig.fake.requestCount(QStringLiteral("referrers")), 1);
    }

    // Issue 9 item 2: a listed referrer whose own subject is another image is no edge, from
    // the API and from the fallback tag alike, and is never counted as a signature.
    void referrerMustNameItsSubject()
    {
        Rig rig;
        const QByteArray mine = image(QStringLiteral("mine"));
        const QByteArray theirs = image(QStringLiteral("theirs"));
        const QString mineDigest = rig.fake.addManifest(Repo, mine, QStringLiteral("v1"));
        rig.fake.addManifest(Repo, theirs, QStringLiteral("v2"));
        const QByteArray theirSignature = artifact(Notation, theirs, QStringLiteral("sig"));
        const QByteArray theirSbom = artifact(Sbom, theirs, QStringLiteral("sbom"));
        const QByteArray mySbom = artifact(Sbom, mine, QStringLiteral("my sbom"));
        rig.fake.addManifest(Repo, theirSignature);
        rig.fake.addManifest(Repo, theirSbom);
        rig.fake.addManifest(Repo, mySbom);
        const QByteArray noSubject = image(QStringLiteral("no subject"));
        rig.fake.addManifest(Repo, noSubject);
        // The API lies (lists their signature and an image without subject for mine), and so
        // does the fallback tag (their SBOM).
        rig.fake.setReferrersBody(mineDigest,
                                  indexOf({entryFor(theirSignature, Notation), entryFor(noSubject),
                                           entryFor(mySbom, Sbom)}));
        rig.fake.addManifest(Repo, indexOf({entryFor(theirSbom, Sbom)}),
                             Digest::sha256(mine).fallbackTag());
        auto graph = rig.walk(QStringLiteral("v1"));
        QVERIFY2(graph.ok(), qPrintable(graph.error().toString()));
        const QList<ReferrerEdge> edges = graph->referrersOf(graph->root());
        QCOMPARE(edges.size(), 1);
        QCOMPARE(edges.first().to, Digest::sha256(mySbom));
        const QList<RejectedReferrer> rejected = graph->rejectedFor(graph->root());
        QCOMPARE(rejected.size(), 3);
        QHash<Digest, RejectedReferrer> byDigest;
        for (const RejectedReferrer &r : rejected)
            byDigest.insert(r.referrer, r);
        QCOMPARE(byDigest.value(Digest::sha256(theirSignature)).reason,
                 RejectedReferrer::Reason::OtherSubject);
        QCOMPARE(byDigest.value(Digest::sha256(theirSignature)).namedSubject,
                 Digest::sha256(theirs).toString());
        QCOMPARE(byDigest.value(Digest::sha256(theirSignature)).sources,
                 ReferrerSources(ReferrerSource::ReferrersApi));
        QCOMPARE(byDigest.value(Digest::sha256(noSubject)).reason,
                 RejectedReferrer::Reason::NoSubject);
        QCOMPARE(byDigest.value(Digest::sha256(theirSbom)).sources,
                 ReferrerSources(ReferrerSource::FallbackTag));
        QVERIFY(hasIssue(*graph, ReferrerIssue::Kind::SubjectMismatch));
        // Their signature's own referrers are not walked as if it were ours.
        QVERIFY(!graph->allReferrers().contains(Digest::sha256(theirSignature)));

        const AuditRow row = audittable::rowFor(*graph, graph->root(), QStringLiteral("v1"));
        QVERIFY(!row.isSigned());
        QCOMPARE(row.sbomFormats, QStringList{QStringLiteral("SPDX")});
        QCOMPARE(row.referrerCount, 1);
        QCOMPARE(row.subjectMismatches.size(), 3);
        const QJsonObject doc = graph->toJson();
        QCOMPARE(doc.value(QLatin1String("rejectedReferrers")).toArray().size(), 3);
    }

    // Issue 9 item 3: one 400 for one subject does not switch the API off for the walk, nor
    // downgrade the cached answer; the 400 is reported against that subject.
    void oneBadAnswerDoesNotSwitchTheApiOff()
    {
        Rig rig;
        const QByteArray subject = image(QStringLiteral("s"));
        rig.fake.addManifest(Repo, subject, QStringLiteral("v1"));
        const QByteArray sbom = artifact(Sbom, subject, QStringLiteral("sbom"));
        const QString sbomDigest = rig.fake.addManifest(Repo, sbom);
        const QByteArray signature = artifact(Notation, subject, QStringLiteral("sig"));
        rig.fake.addManifest(Repo, signature);
        const QByteArray sigOfSig = artifact(Notation, signature, QStringLiteral("sig of sig"));
        rig.fake.addManifest(Repo, sigOfSig);
        rig.fake.setReferrersReply(sbomDigest, 400, "application/json",
                                   R"({"errors":[{"code":"DIGEST_INVALID","message":"no"}]})");
        auto graph = rig.walk(QStringLiteral("v1"));
        QVERIFY2(graph.ok(), qPrintable(graph.error().toString()));
        QCOMPARE(graph->referrersOf(graph->root()).size(), 2);
        // The signature's referrers were still asked for through the API after the 400.
        QCOMPARE(graph->referrersOf(Digest::sha256(signature)).size(), 1);
        bool reported = false;
        for (const ReferrerIssue &issue : graph->issues())
            reported |= issue.kind == ReferrerIssue::Kind::SourceFailed &&
                        issue.digest == Digest::sha256(sbom) &&
                        issue.message.contains(QStringLiteral("400"));
        QVERIFY(reported);
        QCOMPARE(rig.probe->cached(Repo).referrersApi.state, CapabilityState::Supported);
        // A later "no" fed from elsewhere does not undo the "yes" either.
        rig.probe->recordReferrersApi(
            Repo, Capability::make(CapabilityState::NotSupported, QStringLiteral("HTTP 400")));
        QCOMPARE(rig.probe->cached(Repo).referrersApi.state, CapabilityState::Supported);
        // And a second walk still uses the API.
        const int before = rig.fake.requestCount(QStringLiteral("referrers"));
        QVERIFY(rig.walk(QStringLiteral("v1")).ok());
        QVERIFY(rig.fake.requestCount(QStringLiteral("referrers")) > before);
    }

    // Issue 9 item 5: one invalid entry hides nothing else, on both paths; each skipped entry
    // is reported with its reason, and a rewrite keeps it and unknown fields.
    void invalidEntryHidesNothingElse()
    {
        Rig rig;
        rig.fake.setApiMode(FakeReferrersRegistry::ApiMode::NotFoundPlain);
        const QByteArray subject = image(QStringLiteral("s"));
        const QString subjectDigest = rig.fake.addManifest(Repo, subject, QStringLiteral("v1"));
        const QByteArray sbom = artifact(Sbom, subject, QStringLiteral("sbom"));
        rig.fake.addManifest(Repo, sbom);
        QJsonObject broken = entryFor(image(QStringLiteral("broken")));
        broken.insert(QStringLiteral("size"), QStringLiteral("big"));
        QJsonObject fallback =
            QJsonDocument::fromJson(indexOf({broken, entryFor(sbom, Sbom)})).object();
        fallback.insert(QStringLiteral("x-other-client"), QStringLiteral("keep me"));
        rig.fake.addManifest(Repo, compact(fallback), Digest::sha256(subject).fallbackTag());
        auto graph = rig.walk(subjectDigest);
        QVERIFY2(graph.ok(), qPrintable(graph.error().toString()));
        QCOMPARE(graph->referrersOf(graph->root()).size(), 1);
        QVERIFY(hasIssue(*graph, ReferrerIssue::Kind::EntrySkipped, QStringLiteral("\"size\"")));
        QVERIFY(!hasIssue(*graph, ReferrerIssue::Kind::FallbackNotIndex));

        // The API path reports the same entry instead of dropping it silently.
        Rig api;
        const QString apiSubject = api.fake.addManifest(Repo, subject, QStringLiteral("v1"));
        api.fake.addManifest(Repo, sbom);
        api.fake.setReferrersBody(apiSubject, indexOf({broken, entryFor(sbom, Sbom)}));
        auto viaApi = api.walk(QStringLiteral("v1"));
        QVERIFY2(viaApi.ok(), qPrintable(viaApi.error().toString()));
        QCOMPARE(viaApi->referrersOf(viaApi->root()).size(), 1);
        QVERIFY(hasIssue(*viaApi, ReferrerIssue::Kind::EntrySkipped, QStringLiteral("entry 1")));
    }

    // Issue 9 item 6: header lists with whitespace after the comma.
    void filtersAppliedListWithSpaces_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<bool>("applied");
        QTest::addRow("plain") << QByteArray("artifactType") << true;
        QTest::addRow("space after comma") << QByteArray("annotation, artifactType") << true;
        QTest::addRow("tabs and case") << QByteArray("annotation ,\tARTIFACTTYPE ") << true;
        QTest::addRow("other filter only") << QByteArray("annotation") << false;
        QTest::addRow("prefix is not it") << QByteArray("artifactTypes") << false;
    }
    void filtersAppliedListWithSpaces()
    {
        QFETCH(QByteArray, header);
        QFETCH(bool, applied);
        HttpResponse response;
        response.status = 200;
        response.headers.append({QByteArray("OCI-Filters-Applied"), header});
        QCOMPARE(CapabilityProbe::interpretFiltering(response).state == CapabilityState::Supported,
                 applied);

        Rig rig;
        rig.fake.setFiltersAppliedHeader(header);
        const QByteArray subject = image(QStringLiteral("s"));
        rig.fake.addManifest(Repo, subject, QStringLiteral("v1"));
        rig.fake.addManifest(Repo, artifact(Notation, subject, QStringLiteral("sig")));
        ReferrerWalker::Options options;
        options.artifactType = Notation;
        QVERIFY(rig.walk(QStringLiteral("v1"), options).ok());
        QCOMPARE(rig.probe->cached(Repo).referrersFiltering.state == CapabilityState::Supported,
                 applied);
    }

    // Issue 9 item 7: nesting beyond the limit is reported, and the walk can go on from there.
    void indexNestingCutIsReportedAndExpandable()
    {
        Rig rig;
        const QByteArray bottom = image(QStringLiteral("bottom"));
        rig.fake.addManifest(Repo, bottom);
        rig.fake.addManifest(Repo, artifact(Sbom, bottom, QStringLiteral("bottom sbom")));
        QList<QByteArray> chain{bottom}; // chain[i + 1] is an index listing chain[i]
        for (int i = 0; i < 6; ++i) {
            const QByteArray index = indexOf({entryFor(chain.last())});
            rig.fake.addManifest(Repo, index, i == 5 ? QStringLiteral("top") : QString());
            chain.append(index);
        }
        auto graph = rig.walk(QStringLiteral("top"));
        QVERIFY2(graph.ok(), qPrintable(graph.error().toString()));
        QVERIFY(!graph->hasNode(Digest::sha256(bottom)));
        QCOMPARE(graph->nestingCuts().size(), 1);
        const Digest cut = *graph->nestingCuts().begin();
        QVERIFY(hasIssue(*graph, ReferrerIssue::Kind::IndexNestingLimit, cut.shortForm()));

        ReferrerWalker::Options more;
        more.expandIndexes = {cut, Digest::sha256(chain.at(1))};
        auto expanded = rig.walk(QStringLiteral("top"), more);
        QVERIFY2(expanded.ok(), qPrintable(expanded.error().toString()));
        QVERIFY(expanded->hasNode(Digest::sha256(bottom)));
        QCOMPARE(expanded->referrersOf(Digest::sha256(bottom)).size(), 1);
        QVERIFY(expanded->nestingCuts().isEmpty());
        // Walking the cut index on its own is the other way on.
        auto fromCut = rig.walk(cut.toString());
        QVERIFY(fromCut.ok());
        QVERIFY(fromCut->hasNode(Digest::sha256(bottom)));
    }

    // Issue 9 item 8: a 200 that says "index" but is not one is no API.
    void indexContentTypeWithHtmlBodyIsNoApi()
    {
        HttpResponse response;
        response.status = 200;
        response.headers.append(
            {QByteArray("Content-Type"), QByteArray("application/vnd.oci.image.index.v1+json")});
        response.body = "<html><body>Welcome to our registry</body></html>";
        const Capability c = CapabilityProbe::interpretReferrersResponse(response);
        QCOMPARE(c.state, CapabilityState::NotSupported);
        QVERIFY2(c.evidence.contains(QStringLiteral("not an index")), qPrintable(c.evidence));

        Rig rig;
        rig.fake.addManifest(Repo, image(QStringLiteral("a")), QStringLiteral("a"));
        rig.fake.setReferrersReply(CapabilityProbe::probeSubjectDigest(), 200,
                                   "application/vnd.oci.image.index.v1+json", response.body);
        auto caps = waitFor<RegistryCapabilities>(
            [&](QObject *ctx, auto done) { return rig.probe->probe(Repo, true, ctx, done); });
        QVERIFY2(caps.ok(), qPrintable(caps.error().toString()));
        QCOMPARE(caps->referrersApi.state, CapabilityState::NotSupported);
    }

    // Issue 9 item 10: a cancelled probe leaves nothing in the cache.
    void cancelledProbeIsNoAnswer()
    {
        Rig rig;
        rig.fake.addManifest(Repo, image(QStringLiteral("a")), QStringLiteral("a"));
        for (int delayMs : {0, 1, 3, 10}) {
            CapabilityProbe probe(rig.client);
            std::optional<Result<RegistryCapabilities>> answer;
            QObject context;
            RequestHandle handle = probe.probe(Repo, true, &context,
                                               [&](Result<RegistryCapabilities> r) { answer = r; });
            QTest::qWait(delayMs);
            handle.cancel();
            QTRY_VERIFY(answer.has_value());
            if (answer->ok())
                continue; // it finished before the cancel arrived
            QCOMPARE(answer->error().kind, ErrorKind::Cancelled);
            const RegistryCapabilities cached = probe.cached(Repo);
            for (const Capability &c : {cached.referrersApi, cached.tagPagination})
                QVERIFY2(!c.evidence.contains(QStringLiteral("Cancelled")) &&
                             (c.state != CapabilityState::Unknown || !c.probedAt.isValid()),
                         qPrintable(c.evidence));
        }
    }

    // Issue 8 §1: deleting a service mid-operation is safe; the caller hears Cancelled or
    // nothing, never a result from a dead service. Repeated with different timings.
    void deletingServicesMidOperationIsSafe()
    {
        Rig rig;
        const QByteArray subject = image(QStringLiteral("s"));
        rig.fake.addManifest(Repo, subject, QStringLiteral("v1"));
        for (int i = 0; i < 6; ++i) {
            const QByteArray a = artifact(i % 2 ? Sbom : Notation, subject, QString::number(i));
            rig.fake.addManifest(Repo, a);
            rig.fake.addManifest(Repo,
                                 artifact(Notation, a, QStringLiteral("s") + QString::number(i)));
        }
        for (int tag = 0; tag < 4; ++tag)
            rig.fake.addManifest(Repo, image(QStringLiteral("t") + QString::number(tag)),
                                 QStringLiteral("t") + QString::number(tag));
        int cancelled = 0;
        int completed = 0;
        auto tally = [&](bool gotCancelled, bool gotResult) {
            cancelled += gotCancelled ? 1 : 0;
            completed += gotResult ? 1 : 0;
        };
        for (int round = 0; round < 12; ++round) {
            const int delayMs = round % 6;
            QObject context;
            {
                auto *probe = new CapabilityProbe(rig.client);
                auto *walker = new ReferrerWalker(rig.source, probe);
                std::optional<Result<ReferrerGraph>> walked;
                walker->walk(Repo, QStringLiteral("v1"), {}, &context,
                             [&](Result<ReferrerGraph> r) { walked = r; });
                std::optional<Result<RegistryCapabilities>> probed;
                probe->probe(Repo, true, &context,
                             [&](Result<RegistryCapabilities> r) { probed = r; });
                QTest::qWait(delayMs);
                const bool walkDone = walked.has_value();
                const bool probeDone = probed.has_value();
                delete walker;
                delete probe;
                QTest::qWait(20);
                if (!walkDone && walked)
                    QCOMPARE(walked->error().kind, ErrorKind::Cancelled);
                if (!probeDone && probed)
                    QCOMPARE(probed->error().kind, ErrorKind::Cancelled);
                tally(walked && !walked->ok(), walked && walked->ok());
            }
            {
                auto *auditor = new RepositoryAuditor(rig.source, nullptr);
                std::optional<Result<QList<AuditRow>>> audited;
                auditor->audit(Repo, &context, [&](Result<QList<AuditRow>> r) { audited = r; });
                QTest::qWait(delayMs * 2);
                const bool done = audited.has_value();
                delete auditor;
                QTest::qWait(20);
                if (!done && audited)
                    QCOMPARE(audited->error().kind, ErrorKind::Cancelled);
                tally(audited && !audited->ok(), audited && audited->ok());
            }
            {
                auto graph = rig.walk(QStringLiteral("v1"));
                QVERIFY(graph.ok());
                auto *verifier = new CosignGraphVerifier(rig.source);
                auto *scanner = new StaleAttachmentScanner(rig.source);
                std::optional<Result<QList<CosignCheck>>> checked;
                std::optional<Result<QList<ReferrerIssue>>> scanned;
                verifier->verify(*graph, graph->root(), CosignVerifier(), &context,
                                 [&](Result<QList<CosignCheck>> r) { checked = r; });
                scanner->scan(Repo, {Digest::sha256(subject).fallbackTag()}, &context,
                              [&](Result<QList<ReferrerIssue>> r) { scanned = r; });
                QTest::qWait(delayMs);
                const bool scanDone = scanned.has_value();
                delete verifier;
                delete scanner;
                QTest::qWait(20);
                if (!scanDone && scanned)
                    QCOMPARE(scanned->error().kind, ErrorKind::Cancelled);
            }
        }
        qInfo("walks and audits: %d cancelled, %d completed before the delete", cancelled,
              completed);
        QVERIFY(cancelled > 0);
    }

    void fourMiBReferrersIndex()
    {
        Rig rig;
        const QByteArray subject = image(QStringLiteral("popular"));
        const QString digest = rig.fake.addManifest(Repo, subject, QStringLiteral("v1"));
        QJsonArray entries;
        int n = 0;
        QByteArray body;
        while (body.size() < 4 * 1024 * 1024) {
            for (int i = 0; i < 1000; ++i, ++n) {
                QJsonObject e = descriptor(QString(mediatype::OciManifest), QByteArray::number(n));
                e.insert(QStringLiteral("artifactType"), n % 2 ? Sbom : Notation);
                e.insert(QStringLiteral("annotations"),
                         QJsonObject{{QStringLiteral("org.opencontainers.image.created"),
                                      QStringLiteral("2026-01-01T00:00:00Z")}});
                entries.append(e);
            }
            body = compact(QJsonObject{{QStringLiteral("schemaVersion"), 2},
                                       {QStringLiteral("mediaType"), QString(mediatype::OciIndex)},
                                       {QStringLiteral("manifests"), entries}});
        }
        rig.fake.setReferrersBody(digest, body);
        ReferrerWalker::Options options;
        options.maxNodes = 200; // the referrers do not exist: don't ask for 20,000 manifests
        QElapsedTimer timer;
        timer.start();
        auto graph = rig.walk(QStringLiteral("v1"), options);
        QVERIFY2(graph.ok(), qPrintable(graph.error().toString()));
        qInfo("%d referrers in a %lld byte index walked in %lld ms", n, qint64(body.size()),
              timer.elapsed());
        // Every entry was read; the ones the walk could look at (the node cap) are gone, so
        // they are shown as missing; the others were never confirmed and are no edges.
        QCOMPARE(graph->referrersOf(graph->root()).size(), options.maxNodes - 1);
        for (const ReferrerEdge &edge : graph->referrersOf(graph->root()))
            QVERIFY(graph->node(edge.to)->missing);
        bool limited = false;
        for (const ReferrerIssue &issue : graph->issues())
            limited |= issue.kind == ReferrerIssue::Kind::NodeLimit;
        QVERIFY(limited);
        QCOMPARE(countSource(*graph, ReferrerSource::ReferrersApi), options.maxNodes - 1);
    }
};

QTEST_GUILESS_MAIN(TestReferrersFakeApi)
#include "tst_referrers_fakeapi.moc"
