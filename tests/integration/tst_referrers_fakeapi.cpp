// The referrers API path of ReferrerWalker and CapabilityProbe, against a FAKE registry that
// implements the API (no packaged registry does): pagination, artifactType filtering with and
// without OCI-Filters-Applied, an empty list, the "no API" answers, recursion, cycles, the
// depth limit and a 4 MiB referrers index.
#include "support/asyncwait.h"
#include "support/fakereferrersregistry.h"

#include "content/mediatype.h"
#include "referrers/capabilityprobe.h"
#include "referrers/referrerwalker.h"
#include "registry/registryclient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>

using namespace ocular;
using ocular::test::FakeReferrersRegistry;
using ocular::test::waitFor;

namespace {

const QString Repo = QStringLiteral("team/app");
const QString Sbom = QStringLiteral("application/spdx+json");
const QString Notation = QStringLiteral("application/vnd.cncf.notary.signature");

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject descriptor(const QString &mediaType, const QByteArray &raw)
{
    return QJsonObject{{QStringLiteral("mediaType"), mediaType},
                       {QStringLiteral("digest"), Digest::sha256(raw).toString()},
                       {QStringLiteral("size"), raw.size()}};
}

QByteArray image(const QString &salt)
{
    const QByteArray config = "{\"salt\":\"" + salt.toLatin1() + "\"}";
    return compact(QJsonObject{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), QString(mediatype::OciManifest)},
        {QStringLiteral("config"), descriptor(QString(mediatype::OciConfig), config)},
        {QStringLiteral("layers"),
         QJsonArray{descriptor(QString(mediatype::OciLayerTarGzip), salt.toLatin1())}}});
}

QByteArray artifact(const QString &artifactType, const QByteArray &subject, const QString &salt)
{
    return compact(QJsonObject{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), QString(mediatype::OciManifest)},
        {QStringLiteral("artifactType"), artifactType},
        {QStringLiteral("config"),
         QJsonObject{{QStringLiteral("mediaType"), QString(mediatype::OciEmpty)},
                     {QStringLiteral("digest"), Digest::sha256("{}").toString()},
                     {QStringLiteral("size"), 2}}},
        {QStringLiteral("layers"), QJsonArray{descriptor(artifactType, salt.toLatin1())}},
        {QStringLiteral("subject"), descriptor(QString(mediatype::OciManifest), subject)},
        {QStringLiteral("annotations"),
         QJsonObject{{QStringLiteral("org.opencontainers.image.created"),
                      QStringLiteral("2026-01-02T03:04:05Z")}}}});
}

struct Rig
{
    Rig()
        : http(&network)
    {
        fake.start();
        client = std::make_unique<RegistryClient>(&http,
                                                  RegistryEndpoint::parse(fake.hostPort()).value());
        probe = std::make_unique<CapabilityProbe>(client.get());
        walker = std::make_unique<ReferrerWalker>(client.get(), probe.get());
    }
    Result<ReferrerGraph> walk(const QString &ref, ReferrerWalker::Options options = {})
    {
        return waitFor<ReferrerGraph>(
            [&](QObject *ctx, auto done) { return walker->walk(Repo, ref, options, ctx, done); });
    }

    FakeReferrersRegistry fake;
    QNetworkAccessManager network;
    HttpClient http;
    std::unique_ptr<RegistryClient> client;
    std::unique_ptr<CapabilityProbe> probe;
    std::unique_ptr<ReferrerWalker> walker;
};

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
        QVERIFY(caps.ok());
        QCOMPARE(caps->referrersApi.state, CapabilityState::Unknown);
        QVERIFY(caps->referrersApi.evidence.contains(QStringLiteral("NAME_UNKNOWN")));
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
        QCOMPARE(graph->referrersOf(Digest::sha256(a)).size(), 1);
        QCOMPARE(graph->referrersOf(Digest::sha256(b)).size(), 1);
        QCOMPARE(graph->referrersOf(Digest::sha256(b)).first().to, Digest::sha256(a));
        QCOMPARE(rig.fake.requestCount(QStringLiteral("referrers")), 2);
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
        QCOMPARE(graph->referrersOf(graph->root()).size(), n);
        bool limited = false;
        for (const ReferrerIssue &issue : graph->issues())
            limited |= issue.kind == ReferrerIssue::Kind::NodeLimit;
        QVERIFY(limited);
        QCOMPARE(countSource(*graph, ReferrerSource::ReferrersApi), n);
    }
};

QTEST_GUILESS_MAIN(TestReferrersFakeApi)
#include "tst_referrers_fakeapi.moc"
