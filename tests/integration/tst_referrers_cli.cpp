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
    }
};

QTEST_GUILESS_MAIN(TestReferrersCli)
#include "tst_referrers_cli.moc"
