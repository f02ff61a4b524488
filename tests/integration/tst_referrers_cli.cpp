// ocular-cli tree / capabilities / audit against a real docker-registry with the demo content
// (the binary is run as a user would run it).
#include "support/asyncwait.h"
#include "support/demoregistryclient.h"
#include "support/testregistry.h"

#include "demo/demoseeder.h"
#include "referrers/cosigntags.h"
#include "registry/registryclient.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTest>

using namespace ocular;
using ocular::test::DemoRegistryClient;
using ocular::test::waitFor;

namespace {

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Run cli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(OCULAR_BINARY_DIR "/app/ocular-cli"), args);
    Run r;
    if (!p.waitForFinished(120000))
        return r;
    r.code = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

class TestReferrersCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void treeCapabilitiesAudit()
    {
        if (!QFileInfo(QStringLiteral(OCULAR_BINARY_DIR "/app/ocular-cli")).isExecutable())
            QSKIP("build the ocular-cli target first");
        OCULAR_TEST_REGISTRY(registry);
        DemoRegistryClient demo(registry.hostPort());
        RegistryClient &client = demo.client();
        auto summary = demo.seed(5);
        QVERIFY2(summary.ok(), qPrintable(summary.error().toString()));
        const auto &d = summary->digests;
        const QString hello = registry.hostPort() + QStringLiteral("/demo/hello");

        Run tree = cli({QStringLiteral("tree"), hello + QStringLiteral(":latest")});
        QVERIFY2(tree.code == 0, tree.err.constData());
        const QString text = QString::fromUtf8(tree.out);
        QVERIFY(text.contains(d.value(demokey::HelloCosign).toString() +
                              QStringLiteral("  [via cosign tag; tag ") + summary->cosignTag));
        QVERIFY(text.contains(QStringLiteral("via BuildKit attestation")));
        QVERIFY(text.contains(QStringLiteral("via fallback tag; tag ") +
                              summary->referrersFallbackTag));
        QVERIFY(text.contains(QStringLiteral("referrers API: not supported")));

        Run json = cli({QStringLiteral("tree"), hello + QStringLiteral(":latest"),
                        QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(json.code, 0);
        const QJsonObject doc = QJsonDocument::fromJson(json.out).object();
        QCOMPARE(doc.value(QLatin1String("root")).toString(),
                 d.value(demokey::HelloIndex).toString());
        bool fallbackEdge = false;
        for (const QJsonValue &e : doc.value(QLatin1String("edges")).toArray()) {
            const QJsonObject edge = e.toObject();
            if (edge.value(QLatin1String("to")).toString() ==
                d.value(demokey::HelloSpdx).toString())
                fallbackEdge = edge.value(QLatin1String("sources"))
                                   .toArray()
                                   .contains(QStringLiteral("fallback tag"));
        }
        QVERIFY(fallbackEdge);

        Run caps = cli({QStringLiteral("capabilities"), hello});
        QCOMPARE(caps.code, 0);
        QVERIFY(caps.out.contains("referrers API          not supported"));
        QVERIFY(caps.out.contains("catalog                supported"));

        // A cosign tag whose subject does not exist is reported as stale by audit.
        const Digest gone = Digest::sha256("never pushed");
        auto cosign = waitFor<FetchedManifest>([&](QObject *ctx, auto done) {
            return client.getManifest(QStringLiteral("demo/hello"), summary->cosignTag, ctx, done);
        });
        QVERIFY(cosign.ok());
        QVERIFY(waitFor<PushedManifest>([&](QObject *ctx, auto done) {
                    return client.putManifest(QStringLiteral("demo/hello"),
                                              cosigntags::tagFor(gone, cosigntags::Kind::Signature),
                                              cosign->manifest.raw(), cosign->manifest.mediaType(),
                                              ctx, done);
                }).ok());

        Run audit =
            cli({QStringLiteral("audit"), hello, QStringLiteral("--format"), QStringLiteral("json"),
                 QStringLiteral("--filter"), QStringLiteral("unsigned")});
        QVERIFY2(audit.code == 0, audit.err.constData());
        const QJsonArray rows = QJsonDocument::fromJson(audit.out).array();
        QVERIFY(!rows.isEmpty());
        for (const QJsonValue &row : rows)
            QCOMPARE(row.toObject().value(QLatin1String("signed")).toBool(), false);
        QVERIFY2(audit.err.contains("stale attachment") &&
                     audit.err.contains(gone.shortForm().toLatin1()),
                 audit.err.constData());

        Run csv = cli(
            {QStringLiteral("audit"), hello, QStringLiteral("--format"), QStringLiteral("csv")});
        QCOMPARE(csv.code, 0);
        QVERIFY(csv.out.startsWith("tag,platform,digest,signed"));

        Run usage = cli({QStringLiteral("verify"), hello + QStringLiteral(":latest")});
        QCOMPARE(usage.code, 2);
        QVERIFY(usage.err.contains("--key"));

        // Issue 10 item 26: the verification is its own line, not nested in parentheses.
        Run auditText = cli({QStringLiteral("audit"), hello});
        QCOMPARE(auditText.code, 0);
        QVERIFY2(auditText.out.contains("\n  verification: not checked (no key given)\n"),
                 auditText.out.constData());
        QVERIFY(!auditText.out.contains("(not checked ("));
        QVERIFY2(!auditText.out.contains("verification: not checked\n"),
                 "unsigned rows have nothing to verify");
    }

    // Issue 9 item 2 in the CLI: a fallback tag listing another image's signature shows it as
    // NOT A REFERRER in `tree`, never as a signature.
    void treeShowsSubjectMismatch()
    {
        if (!QFileInfo(QStringLiteral(OCULAR_BINARY_DIR "/app/ocular-cli")).isExecutable())
            QSKIP("build the ocular-cli target first");
        OCULAR_TEST_REGISTRY(registry);
        DemoRegistryClient demo(registry.hostPort());
        RegistryClient &client = demo.client();
        auto summary = demo.seed(5);
        QVERIFY2(summary.ok(), qPrintable(summary.error().toString()));
        const auto &d = summary->digests;
        const QString repo = QStringLiteral("demo/hello");
        const Digest untagged = d.value(demokey::HelloUntagged);
        const Digest foreign = d.value(demokey::HelloNotation);
        auto signature = waitFor<FetchedManifest>([&](QObject *ctx, auto done) {
            return client.getManifest(repo, foreign.toString(), ctx, done);
        });
        QVERIFY(signature.ok());
        QVERIFY(signature->manifest.subject() && signature->manifest.subject()->digest != untagged);
        const QJsonObject entry{{QStringLiteral("mediaType"), signature->manifest.mediaType()},
                                {QStringLiteral("digest"), foreign.toString()},
                                {QStringLiteral("size"), signature->manifest.raw().size()},
                                {QStringLiteral("artifactType"),
                                 QStringLiteral("application/vnd.cncf.notary.signature")}};
        const QByteArray index =
            QJsonDocument(QJsonObject{{QStringLiteral("schemaVersion"), 2},
                                      {QStringLiteral("mediaType"),
                                       QStringLiteral("application/vnd.oci.image.index.v1+json")},
                                      {QStringLiteral("manifests"), QJsonArray{entry}}})
                .toJson(QJsonDocument::Compact);
        QVERIFY(waitFor<PushedManifest>([&](QObject *ctx, auto done) {
                    return client.putManifest(
                        repo, untagged.fallbackTag(), index,
                        QStringLiteral("application/vnd.oci.image.index.v1+json"), ctx, done);
                }).ok());
        Run tree = cli({QStringLiteral("tree"), registry.hostPort() + QLatin1Char('/') + repo +
                                                    QLatin1Char('@') + untagged.toString()});
        QVERIFY2(tree.code == 0, tree.err.constData());
        const QString text = QString::fromUtf8(tree.out);
        QVERIFY2(text.contains(QStringLiteral("✗ application/vnd.cncf.notary.signature ") +
                               foreign.toString() + QStringLiteral("  [NOT A REFERRER: ")),
                 tree.out.constData());
        QVERIFY(text.contains(QStringLiteral("warning: fallback tag")));
        Run json = cli(
            {QStringLiteral("tree"),
             registry.hostPort() + QLatin1Char('/') + repo + QLatin1Char('@') + untagged.toString(),
             QStringLiteral("--format"), QStringLiteral("json")});
        const QJsonObject doc = QJsonDocument::fromJson(json.out).object();
        QVERIFY(doc.value(QLatin1String("edges")).toArray().isEmpty());
        QCOMPARE(doc.value(QLatin1String("rejectedReferrers")).toArray().size(), 1);
    }

    // Issue 9 item 4: each subtree is printed once, later occurrences refer back to it; a
    // dense DAG of 12 manifests prints a few lines per edge, not every path.
    void treePrintsEachSubtreeOnce()
    {
        if (!QFileInfo(QStringLiteral(OCULAR_BINARY_DIR "/app/ocular-cli")).isExecutable())
            QSKIP("build the ocular-cli target first");
        OCULAR_TEST_REGISTRY(registry);
        DemoRegistryClient demo(registry.hostPort());
        RegistryClient &client = demo.client();
        auto summary = demo.seed(5);
        QVERIFY2(summary.ok(), qPrintable(summary.error().toString()));
        const QString repo = QStringLiteral("demo/hello");
        auto image = waitFor<FetchedManifest>([&](QObject *ctx, auto done) {
            return client.getManifest(repo, summary->digests.value(demokey::HelloAmd64).toString(),
                                      ctx, done);
        });
        QVERIFY(image.ok());
        // Index k lists the image and every index before it: 2^11 paths from the top one.
        QJsonArray entries{
            QJsonObject{{QStringLiteral("mediaType"), image->manifest.mediaType()},
                        {QStringLiteral("digest"), image->manifest.digest().toString()},
                        {QStringLiteral("size"), image->manifest.raw().size()}}};
        const QString indexType = QStringLiteral("application/vnd.oci.image.index.v1+json");
        QString top;
        for (int k = 1; k <= 11; ++k) {
            const QByteArray raw =
                QJsonDocument(QJsonObject{{QStringLiteral("schemaVersion"), 2},
                                          {QStringLiteral("mediaType"), indexType},
                                          {QStringLiteral("manifests"), entries}})
                    .toJson(QJsonDocument::Compact);
            const QString tag = QStringLiteral("dag-%1").arg(k);
            QVERIFY(waitFor<PushedManifest>([&](QObject *ctx, auto done) {
                        return client.putManifest(repo, tag, raw, indexType, ctx, done);
                    }).ok());
            entries.append(QJsonObject{{QStringLiteral("mediaType"), indexType},
                                       {QStringLiteral("digest"), Digest::sha256(raw).toString()},
                                       {QStringLiteral("size"), raw.size()}});
            top = tag;
        }
        Run tree = cli({QStringLiteral("tree"),
                        registry.hostPort() + QLatin1Char('/') + repo + QLatin1Char(':') + top});
        QVERIFY2(tree.code == 0, tree.err.constData());
        const qsizetype lines = tree.out.count('\n');
        qInfo("12-manifest DAG: %lld lines, %lld bytes", qint64(lines), qint64(tree.out.size()));
        QVERIFY2(lines < 200, tree.out.constData());
        QVERIFY(tree.out.size() < 40 * 1024);
        QVERIFY(tree.out.contains("(see above)"));
    }

    // Issue 10 item 4: an unreachable registry and an unknown repository are failures.
    void searchFindsAnnotationsAndArtifactTypes()
    {
        if (!QFileInfo(QStringLiteral(OCULAR_BINARY_DIR "/app/ocular-cli")).isExecutable())
            QSKIP("build the ocular-cli target first");
        OCULAR_TEST_REGISTRY(registry);
        DemoRegistryClient demo(registry.hostPort());
        auto summary = demo.seed(5);
        QVERIFY2(summary.ok(), qPrintable(summary.error().toString()));
        const QString hello = registry.hostPort() + QStringLiteral("/demo/hello");

        Run text = cli({QStringLiteral("search"), hello, QStringLiteral("ALPINE:3.19")});
        QVERIFY2(text.code == 0, text.err.constData());
        QVERIFY2(text.out.contains("annotation value org.opencontainers.image.base.name: "
                                   "docker.io/library/alpine:3.19"),
                 text.out.constData());

        Run json = cli({QStringLiteral("search"), hello, QStringLiteral("spdx"),
                        QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(json.code == 0, json.err.constData());
        const QJsonObject doc = QJsonDocument::fromJson(json.out).object();
        QCOMPARE(doc.value(QLatin1String("repository")).toString(), QStringLiteral("demo/hello"));
        bool artifactType = false;
        for (const QJsonValue &hit : doc.value(QLatin1String("hits")).toArray())
            artifactType = artifactType || (hit[QLatin1String("field")].toString() ==
                                                QLatin1String("artifact type") &&
                                            hit[QLatin1String("snippet")].toString() ==
                                                QLatin1String("application/spdx+json"));
        QVERIFY2(artifactType, json.out.constData());

        Run none = cli({QStringLiteral("search"), hello, QStringLiteral("no-such-text-here")});
        QCOMPARE(none.code, 0);
        QVERIFY(none.out.contains("no match"));
        // A tag is not a repository; no text at all is refused too.
        QCOMPARE(
            cli({QStringLiteral("search"), hello + QStringLiteral(":latest"), QStringLiteral("x")})
                .code,
            2);
        QCOMPARE(cli({QStringLiteral("search"), hello}).code, 2);
    }

    void capabilitiesFailsWhenNothingAnswers()
    {
        if (!QFileInfo(QStringLiteral(OCULAR_BINARY_DIR "/app/ocular-cli")).isExecutable())
            QSKIP("build the ocular-cli target first");
        Run closed = cli({QStringLiteral("capabilities"), QStringLiteral("127.0.0.1:1")});
        QCOMPARE(closed.code, 1);
        QVERIFY2(closed.err.contains("127.0.0.1:1") && !closed.err.trimmed().isEmpty(),
                 closed.err.constData());
        QVERIFY(closed.out.isEmpty());
        Run closedRepo = cli({QStringLiteral("capabilities"), QStringLiteral("127.0.0.1:1/a/b")});
        QCOMPARE(closedRepo.code, 1);

        OCULAR_TEST_REGISTRY(registry);
        Run unknown = cli({QStringLiteral("capabilities"),
                           registry.hostPort() + QStringLiteral("/does/not/exist")});
        QCOMPARE(unknown.code, 1);
        QVERIFY2(unknown.err.contains("does/not/exist does not exist"), unknown.err.constData());
        QVERIFY(!unknown.out.contains("not supported"));
    }
};

QTEST_GUILESS_MAIN(TestReferrersCli)
#include "tst_referrers_cli.moc"
