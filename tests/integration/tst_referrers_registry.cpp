#include "source/registrysource.h"
// ReferrerWalker, CapabilityProbe and StaleAttachmentScanner against a real docker-registry
// (distribution 2.8: no referrers API) seeded with Ocular's demo content: fallback tag, cosign
// tag and BuildKit attestation edges, each labelled with its source; stale attachments.
#include "support/asyncwait.h"
#include "support/testregistry.h"
#include "support/teststack.h"

#include "content/mediatype.h"
#include "demo/demoseeder.h"
#include "referrers/audittable.h"
#include "referrers/capabilityprobe.h"
#include "referrers/cosigntags.h"
#include "referrers/referrerwalker.h"
#include "referrers/repositoryauditor.h"
#include "referrers/staleattachmentscanner.h"
#include "registry/registryclient.h"
#include "source/contentsource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>

using namespace ocular;
using ocular::test::waitFor;

namespace {

struct Rig
{
    explicit Rig(const QString &hostPort)
        : stack(test::makeStack(hostPort))
        , client(stack->client())
    {
        probe = std::make_unique<CapabilityProbe>(client);
        walker = std::make_unique<ReferrerWalker>(stack->source(), probe.get());
    }
    Result<ReferrerGraph> walk(const QString &repo, const QString &ref,
                               ReferrerWalker::Options options = {})
    {
        return waitFor<ReferrerGraph>(
            [&](QObject *ctx, auto done) { return walker->walk(repo, ref, options, ctx, done); });
    }
    Digest push(const QString &repo, const QString &tag, const QByteArray &raw,
                const QString &type = QString(mediatype::OciManifest))
    {
        auto pushed = waitFor<PushedManifest>([&](QObject *ctx, auto done) {
            return client->putManifest(repo, tag, raw, type, ctx, done);
        });
        return pushed.ok() ? pushed->digest : Digest();
    }
    Digest blob(const QString &repo, const QByteArray &bytes)
    {
        auto d = waitFor<Digest>(
            [&](QObject *ctx, auto done) { return client->uploadBlob(repo, bytes, ctx, done); });
        return d.ok() ? d.value() : Digest();
    }
    std::unique_ptr<RegistryStack> stack;
    RegistryClient *client;
    std::unique_ptr<CapabilityProbe> probe;
    std::unique_ptr<ReferrerWalker> walker;
};

QJsonObject desc(const QString &type, const Digest &digest, qint64 size)
{
    return QJsonObject{{QStringLiteral("mediaType"), type},
                       {QStringLiteral("digest"), digest.toString()},
                       {QStringLiteral("size"), size}};
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// A small image whose layer is `salt` (pushed blobs included).
QByteArray pushableImage(Rig &rig, const QString &repo, const QByteArray &salt)
{
    const QByteArray config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":"
                              "\"layers\",\"diff_ids\":[]},\"salt\":\"" +
                              salt + "\"}";
    const Digest c = rig.blob(repo, config);
    const Digest l = rig.blob(repo, salt);
    return compact(QJsonObject{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), QString(mediatype::OciManifest)},
        {QStringLiteral("config"), desc(QString(mediatype::OciConfig), c, config.size())},
        {QStringLiteral("layers"),
         QJsonArray{desc(QString(mediatype::OciLayerTarGzip), l, salt.size())}}});
}

bool hasIssue(const QList<ReferrerIssue> &issues, ReferrerIssue::Kind kind, const QString &tag = {})
{
    for (const ReferrerIssue &issue : issues) {
        if (issue.kind == kind && (tag.isEmpty() || issue.tag == tag))
            return true;
    }
    return false;
}

} // namespace

class TestReferrersRegistry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoGraphHasEverySource()
    {
        OCULAR_TEST_REGISTRY(registry);
        Rig rig(registry.hostPort());
        DemoSeeder seeder;
        seeder.setManyTagCount(5);
        RegistrySource target(rig.client);
        auto summary = waitFor<DemoSummary>(
            [&](QObject *ctx, auto done) { return seeder.seed(&target, ctx, done); }, 300000);
        QVERIFY2(summary.ok(), qPrintable(summary.error().toString()));
        const auto &d = summary->digests;
        const QString repo = QStringLiteral("demo/hello");

        auto graph = rig.walk(repo, QStringLiteral("latest"));
        QVERIFY2(graph.ok(), qPrintable(graph.error().toString()));
        QCOMPARE(graph->root(), d.value(demokey::HelloIndex));

        auto edge = [&](const Digest &from, const Digest &to) -> std::optional<ReferrerEdge> {
            for (const ReferrerEdge &e : graph->edgesFrom(from)) {
                if (e.to == to)
                    return e;
            }
            return std::nullopt;
        };
        const Digest index = d.value(demokey::HelloIndex);
        const Digest amd64 = d.value(demokey::HelloAmd64);
        // Platform children are walked.
        for (const QLatin1String key :
             {demokey::HelloAmd64, demokey::HelloArm64, demokey::HelloWindows}) {
            auto e = edge(index, d.value(key));
            QVERIFY2(e, qPrintable(key));
            QCOMPARE(e->sources, ReferrerSources(ReferrerSource::IndexChild));
        }
        QCOMPARE(graph->node(amd64)->platform, QStringLiteral("linux/amd64"));
        // BuildKit attestation: an attachment of the amd64 image, not a platform.
        auto att = edge(amd64, d.value(demokey::HelloAttestation));
        QVERIFY(att);
        QCOMPARE(att->sources, ReferrerSources(ReferrerSource::BuildKit));
        QVERIFY(!edge(index, d.value(demokey::HelloAttestation)));
        QCOMPARE(graph->node(d.value(demokey::HelloAttestation))->classification.category,
                 ArtifactCategory::Attestation);
        // Fallback tag.
        for (const QLatin1String key :
             {demokey::HelloSpdx, demokey::HelloCycloneDx, demokey::HelloNotation}) {
            auto e = edge(amd64, d.value(key));
            QVERIFY2(e, qPrintable(key));
            QCOMPARE(e->sources, ReferrerSources(ReferrerSource::FallbackTag));
            QCOMPARE(e->tag, summary->referrersFallbackTag);
        }
        QCOMPARE(graph->node(d.value(demokey::HelloSpdx))->classification.category,
                 ArtifactCategory::Sbom);
        QCOMPARE(graph->node(d.value(demokey::HelloNotation))->classification.category,
                 ArtifactCategory::Signature);
        // cosign tag on the index.
        auto cosign = edge(index, d.value(demokey::HelloCosign));
        QVERIFY(cosign);
        QCOMPARE(cosign->sources, ReferrerSources(ReferrerSource::CosignTag));
        QCOMPARE(cosign->tag, summary->cosignTag);
        QCOMPARE(graph->node(d.value(demokey::HelloCosign))->classification.label,
                 QStringLiteral("cosign signature"));
        // distribution 2.8 has no referrers API: a plain-text 404.
        const Capability api = rig.probe->cached(repo).referrersApi;
        QCOMPARE(api.state, CapabilityState::NotSupported);
        QVERIFY2(api.evidence.contains(QStringLiteral("404")), qPrintable(api.evidence));
        QVERIFY2(graph->issues().isEmpty(), qPrintable(graph->issues().value(0).message));

        // The full probe: catalog yes, n= ignored (2.8), tag delete unknown until tried.
        auto caps = waitFor<RegistryCapabilities>(
            [&](QObject *ctx, auto done) { return rig.probe->probe(repo, true, ctx, done); });
        QVERIFY(caps.ok());
        QCOMPARE(caps->catalog.state, CapabilityState::Supported);
        QCOMPARE(caps->referrersApi.state, CapabilityState::NotSupported);
        QCOMPARE(caps->tagPagination.state, CapabilityState::NotSupported);
        QCOMPARE(caps->tagDelete.state, CapabilityState::Unknown);
    }

    void staleAttachments()
    {
        OCULAR_TEST_REGISTRY(registry);
        Rig rig(registry.hostPort());
        const QString repo = QStringLiteral("stale/app");
        const QByteArray subjectRaw = pushableImage(rig, repo, "subject");
        const Digest subject = rig.push(repo, QStringLiteral("v1"), subjectRaw);
        QVERIFY(subject.isValid());

        // 1. A fallback tag that holds an image, not an index.
        const QByteArray notAnIndex = pushableImage(rig, repo, "not-an-index");
        QVERIFY(rig.push(repo, subject.fallbackTag(), notAnIndex).isValid());
        auto graph = rig.walk(repo, QStringLiteral("v1"));
        QVERIFY2(graph.ok(), qPrintable(graph.error().toString()));
        QVERIFY(graph->referrersOf(subject).isEmpty());
        QVERIFY(hasIssue(graph->issues(), ReferrerIssue::Kind::FallbackNotIndex,
                         subject.fallbackTag()));

        // 2. A fallback index whose entry is gone (pushed, listed, then deleted).
        auto remove = [&](const Digest &digest) {
            return waitFor<Done>([&](QObject *ctx, auto done) {
                       return rig.client->deleteManifest(repo, digest.toString(), ctx, done);
                   })
                .ok();
        };
        const QByteArray ghostRaw = pushableImage(rig, repo, "ghost");
        const Digest ghost = rig.push(repo, QStringLiteral("ghost"), ghostRaw);
        QVERIFY(ghost.isValid());
        const QByteArray index = compact(QJsonObject{
            {QStringLiteral("schemaVersion"), 2},
            {QStringLiteral("mediaType"), QString(mediatype::OciIndex)},
            {QStringLiteral("manifests"),
             QJsonArray{desc(QString(mediatype::OciManifest), ghost, ghostRaw.size())}}});
        QVERIFY(rig.push(repo, subject.fallbackTag(), index, mediatype::OciIndex).isValid());
        QVERIFY(remove(ghost));
        graph = rig.walk(repo, QStringLiteral("v1"));
        QVERIFY(graph.ok());
        QCOMPARE(graph->referrersOf(subject).size(), 1);
        QVERIFY(graph->node(ghost)->missing);
        QVERIFY(hasIssue(graph->issues(), ReferrerIssue::Kind::FallbackEntryMissing));

        // 3. cosign and fallback tags whose subject was deleted.
        const Digest gone =
            rig.push(repo, QStringLiteral("gone"), pushableImage(rig, repo, "gone"));
        QVERIFY(gone.isValid());
        const QString staleSig = cosigntags::tagFor(gone, cosigntags::Kind::Signature);
        QVERIFY(rig.push(repo, staleSig, pushableImage(rig, repo, "sig")).isValid());
        QVERIFY(rig.push(repo, gone.fallbackTag(), pushableImage(rig, repo, "fb")).isValid());
        QVERIFY(remove(gone));
        auto tags = waitFor<QStringList>(
            [&](QObject *ctx, auto done) { return rig.client->allTags(repo, ctx, done); });
        QVERIFY(tags.ok());
        StaleAttachmentScanner scanner(rig.stack->source());
        auto issues = waitFor<QList<ReferrerIssue>>(
            [&](QObject *ctx, auto done) { return scanner.scan(repo, tags.value(), ctx, done); });
        QVERIFY(issues.ok());
        QVERIFY(hasIssue(issues.value(), ReferrerIssue::Kind::StaleSubject, staleSig));
        QVERIFY(hasIssue(issues.value(), ReferrerIssue::Kind::StaleSubject, gone.fallbackTag()));
        QVERIFY(
            !hasIssue(issues.value(), ReferrerIssue::Kind::StaleSubject, subject.fallbackTag()));
    }
    // Issue 9 item 2 for cosign tags, which carry no subject: the signed payload must name
    // the subject (simple signing: docker-manifest-digest; attestations: the in-toto
    // statement); a tag with nothing that names it is "not checked", never believed.
    void cosignTagsMustNameTheirSubject()
    {
        OCULAR_TEST_REGISTRY(registry);
        Rig rig(registry.hostPort());
        const QString repo = QStringLiteral("trust/app");
        const Digest a = rig.push(repo, QStringLiteral("a"), pushableImage(rig, repo, "a"));
        const Digest b = rig.push(repo, QStringLiteral("b"), pushableImage(rig, repo, "b"));
        QVERIFY(a.isValid() && b.isValid());
        const QByteArray empty = "{}";
        const Digest emptyDigest = rig.blob(repo, empty);
        auto attachment = [&](const QString &layerType, const QByteArray &content,
                              const QString &tag) {
            const Digest layer = rig.blob(repo, content);
            QJsonObject l = desc(layerType, layer, content.size());
            l.insert(QStringLiteral("annotations"),
                     QJsonObject{{QStringLiteral("dev.cosignproject.cosign/signature"),
                                  QStringLiteral("MEUCIQDummy")}});
            return rig.push(repo, tag,
                            compact(QJsonObject{
                                {QStringLiteral("schemaVersion"), 2},
                                {QStringLiteral("mediaType"), QString(mediatype::OciManifest)},
                                {QStringLiteral("config"),
                                 desc(QStringLiteral("application/vnd.oci.image.config.v1+json"),
                                      emptyDigest, empty.size())},
                                {QStringLiteral("layers"), QJsonArray{l}}}));
        };
        auto simpleSigning = [](const Digest &names) {
            return compact(QJsonObject{
                {QStringLiteral("critical"),
                 QJsonObject{
                     {QStringLiteral("identity"),
                      QJsonObject{{QStringLiteral("docker-reference"), QStringLiteral("x")}}},
                     {QStringLiteral("image"),
                      QJsonObject{{QStringLiteral("docker-manifest-digest"), names.toString()}}},
                     {QStringLiteral("type"), QStringLiteral("cosign container image signature")}}},
                {QStringLiteral("optional"), QJsonValue::Null}});
        };
        auto dsse = [](const Digest &names) {
            const QByteArray statement = compact(QJsonObject{
                {QStringLiteral("_type"), QStringLiteral("https://in-toto.io/Statement/v0.1")},
                {QStringLiteral("predicateType"),
                 QStringLiteral("https://slsa.dev/provenance/v0.2")},
                {QStringLiteral("subject"),
                 QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("x")},
                                        {QStringLiteral("digest"),
                                         QJsonObject{{names.algorithm(), names.encoded()}}}}}}});
            return compact(QJsonObject{
                {QStringLiteral("payloadType"), QStringLiteral("application/vnd.in-toto+json")},
                {QStringLiteral("payload"), QString::fromLatin1(statement.toBase64())},
                {QStringLiteral("signatures"), QJsonArray()}});
        };
        // a's .sig signs b; a's .att attests a; a's .sbom says nothing about its subject.
        const Digest sig = attachment(QString(mediatype::CosignSimpleSigning), simpleSigning(b),
                                      cosigntags::tagFor(a, cosigntags::Kind::Signature));
        const Digest att = attachment(QString(mediatype::Dsse), dsse(a),
                                      cosigntags::tagFor(a, cosigntags::Kind::Attestation));
        const Digest sbom = attachment(QStringLiteral("application/spdx+json"), "{}",
                                       cosigntags::tagFor(a, cosigntags::Kind::Sbom));
        // b's .sig is fine.
        const Digest goodSig = attachment(QString(mediatype::CosignSimpleSigning), simpleSigning(b),
                                          cosigntags::tagFor(b, cosigntags::Kind::Signature));
        QVERIFY(sig.isValid() && att.isValid() && sbom.isValid() && goodSig.isValid());

        auto graph = rig.walk(repo, QStringLiteral("a"));
        QVERIFY2(graph.ok(), qPrintable(graph.error().toString()));
        const QList<ReferrerEdge> edges = graph->referrersOf(a);
        QCOMPARE(edges.size(), 1);
        QCOMPARE(edges.first().to, att);
        QCOMPARE(edges.first().sources, ReferrerSources(ReferrerSource::CosignTag));
        QHash<Digest, RejectedReferrer> rejected;
        for (const RejectedReferrer &r : graph->rejectedFor(a))
            rejected.insert(r.referrer, r);
        QCOMPARE(rejected.size(), 2);
        QCOMPARE(rejected.value(sig).reason, RejectedReferrer::Reason::OtherSubject);
        QCOMPARE(rejected.value(sig).namedSubject, b.toString());
        QCOMPARE(rejected.value(sbom).reason, RejectedReferrer::Reason::NotChecked);
        const AuditRow row = audittable::rowFor(*graph, a, QStringLiteral("a"));
        QVERIFY(!row.isSigned());
        QVERIFY(row.sbomFormats.isEmpty());
        QVERIFY(!row.attestationKinds.isEmpty());
        QCOMPARE(row.subjectMismatches.size(), 2);

        auto good = rig.walk(repo, QStringLiteral("b"));
        QVERIFY(good.ok());
        QCOMPARE(good->referrersOf(b).size(), 1);
        QVERIFY(audittable::rowFor(*good, b, QStringLiteral("b")).isSigned());
    }

    // Issue 9 item 9: a sha512 fallback tag (digest truncated to 64) is an attachment, not an
    // image to audit.
    void sha512FallbackTagIsNotAudited()
    {
        OCULAR_TEST_REGISTRY(registry);
        Rig rig(registry.hostPort());
        const QString repo = QStringLiteral("trust/sha512");
        const QByteArray image = pushableImage(rig, repo, "img");
        const Digest digest = rig.push(repo, QStringLiteral("v1"), image);
        QVERIFY(digest.isValid());
        const QString fallback = Digest::compute(image, QStringLiteral("sha512")).fallbackTag();
        QCOMPARE(fallback.size(), 7 + 64);
        QVERIFY(rig.push(repo, fallback, image).isValid()); // whatever it holds, not an image tag
        RepositoryAuditor auditor(rig.stack->source(), rig.probe.get());
        auto rows = waitFor<QList<AuditRow>>(
            [&](QObject *ctx, auto done) { return auditor.audit(repo, ctx, done); });
        QVERIFY2(rows.ok(), qPrintable(rows.error().toString()));
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->first().tag, QStringLiteral("v1"));
    }
};

QTEST_GUILESS_MAIN(TestReferrersRegistry)
#include "tst_referrers_registry.moc"
