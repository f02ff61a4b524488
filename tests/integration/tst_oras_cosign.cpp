// Interoperability with the real tools: oras and cosign from Debian 13 (fetched into
// <build>/tools by packaging/fetch-tools.sh) make SBOMs, signatures (referrers fallback tag)
// and cosign signatures/attestations (.sig/.att tags) in a real docker-registry. Ocular's graph
// must contain exactly what `oras discover` and `cosign tree` report, plus what they miss; and
// Ocular's verification must agree with `cosign verify` on a good and a tampered signature.
#include "support/asyncwait.h"
#include "support/testregistry.h"
#include "support/teststack.h"

#include "content/mediatype.h"
#include "referrers/capabilityprobe.h"
#include "referrers/cosigngraphverifier.h"
#include "referrers/cosigntags.h"
#include "referrers/referrerwalker.h"
#include "registry/registryclient.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace ocular;
using ocular::test::waitFor;

namespace {

QString toolsDir()
{
    return QStringLiteral(OCULAR_BINARY_DIR "/tools/usr/bin");
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QString &program, const QStringList &args, const QString &workDir = {},
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProgram(program);
    p.setArguments(args);
    p.setProcessEnvironment(env);
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    p.start();
    Run r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(bytes);
}

} // namespace

class TestOrasCosign : public QObject
{
    Q_OBJECT

    QString oras;
    QString cosign;

private Q_SLOTS:
    void initTestCase()
    {
        oras = toolsDir() + QStringLiteral("/oras");
        cosign = toolsDir() + QStringLiteral("/cosign");
        if (!QFileInfo(oras).isExecutable() || !QFileInfo(cosign).isExecutable())
            QSKIP(qPrintable(QStringLiteral("oras/cosign not found in %1: run "
                                            "packaging/fetch-tools.sh %2 first")
                                 .arg(toolsDir(), QStringLiteral(OCULAR_BINARY_DIR))));
    }

    void graphMatchesOrasAndCosign()
    {
        OCULAR_TEST_REGISTRY(registry);
        auto stack = test::makeStack(registry.hostPort());
        QVERIFY(stack);
        RegistryClient &client = *stack->client();
        CapabilityProbe probe(&client);
        ReferrerWalker walker(stack->source(), &probe);
        const QString repo = QStringLiteral("interop/app");
        const QString host = registry.hostPort();

        // The subject: a small image pushed by Ocular itself.
        const QByteArray config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{"
                                  "\"type\":\"layers\",\"diff_ids\":[]}}";
        const QByteArray layer = "interop layer";
        for (const QByteArray &blob : {config, layer}) {
            auto d = waitFor<Digest>(
                [&](QObject *ctx, auto done) { return client.uploadBlob(repo, blob, ctx, done); });
            QVERIFY(d.ok());
        }
        auto desc = [](const QString &type, const QByteArray &b) {
            return QJsonObject{{QStringLiteral("mediaType"), type},
                               {QStringLiteral("digest"), Digest::sha256(b).toString()},
                               {QStringLiteral("size"), b.size()}};
        };
        const QByteArray image = compact(
            QJsonObject{{QStringLiteral("schemaVersion"), 2},
                        {QStringLiteral("mediaType"), QString(mediatype::OciManifest)},
                        {QStringLiteral("config"), desc(QString(mediatype::OciConfig), config)},
                        {QStringLiteral("layers"),
                         QJsonArray{desc(QString(mediatype::OciLayerTarGzip), layer)}}});
        auto pushed = waitFor<PushedManifest>([&](QObject *ctx, auto done) {
            return client.putManifest(repo, QStringLiteral("v1"), image, mediatype::OciManifest,
                                      ctx, done);
        });
        QVERIFY(pushed.ok());
        const Digest subject = pushed->digest;
        const QString ref = host + QLatin1Char('/') + repo + QLatin1Char('@') + subject.toString();

        QTemporaryDir dir;
        const QString work = dir.path();
        writeFile(dir.filePath(QStringLiteral("sbom.spdx.json")),
                  "{\"spdxVersion\":\"SPDX-2.3\",\"name\":\"app\",\"packages\":[{\"name\":\"zlib\","
                  "\"versionInfo\":\"1.3\"}]}");
        writeFile(dir.filePath(QStringLiteral("sig.jws")),
                  "{\"payload\":\"e30\",\"protected\":\"e30\",\"signature\":\"AA\"}");
        writeFile(
            dir.filePath(QStringLiteral("predicate.json")),
            "{\"buildType\":\"https://example.com/build\",\"builder\":{\"id\":\"ocular-test\"}}");

        // oras attach: two referrers of the image and one of the SBOM (fallback tag schema).
        auto attach = [&](const QString &target, const QString &type, const QString &file,
                          const QString &fileType) {
            Run r = run(oras,
                        {QStringLiteral("attach"), QStringLiteral("--plain-http"),
                         QStringLiteral("--artifact-type"), type, target,
                         file + QLatin1Char(':') + fileType, QStringLiteral("--format"),
                         QStringLiteral("json")},
                        work);
            if (r.exitCode != 0)
                qWarning("oras attach: %s %s", r.out.constData(), r.err.constData());
            return Digest::parse(
                QJsonDocument::fromJson(r.out).object().value(QLatin1String("digest")).toString());
        };
        auto sbom =
            attach(ref, QStringLiteral("application/spdx+json"), QStringLiteral("sbom.spdx.json"),
                   QStringLiteral("application/spdx+json"));
        QVERIFY(sbom.ok());
        auto notation = attach(ref, QStringLiteral("application/vnd.cncf.notary.signature"),
                               QStringLiteral("sig.jws"), QStringLiteral("application/jose+json"));
        QVERIFY(notation.ok());
        const QString sbomRef =
            host + QLatin1Char('/') + repo + QLatin1Char('@') + sbom->toString();
        auto sbomSig = attach(sbomRef, QStringLiteral("application/vnd.cncf.notary.signature"),
                              QStringLiteral("sig.jws"), QStringLiteral("application/jose+json"));
        QVERIFY(sbomSig.ok());

        // cosign: a key made here, a signature and an attestation (.sig / .att tags).
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("COSIGN_PASSWORD"), QString());
        env.insert(QStringLiteral("HOME"), work);
        Run keys = run(cosign, {QStringLiteral("generate-key-pair")}, work, env);
        QVERIFY2(keys.exitCode == 0, keys.err.constData());
        const QStringList insecure{QStringLiteral("--allow-insecure-registry"),
                                   QStringLiteral("--allow-http-registry")};
        Run sign = run(cosign,
                       QStringList{QStringLiteral("sign"), QStringLiteral("--key"),
                                   QStringLiteral("cosign.key"),
                                   QStringLiteral("--tlog-upload=false"), QStringLiteral("--yes")} +
                           insecure + QStringList{ref},
                       work, env);
        QVERIFY2(sign.exitCode == 0, sign.err.constData());
        Run attest =
            run(cosign,
                QStringList{QStringLiteral("attest"), QStringLiteral("--key"),
                            QStringLiteral("cosign.key"), QStringLiteral("--tlog-upload=false"),
                            QStringLiteral("--yes"), QStringLiteral("--type"),
                            QStringLiteral("slsaprovenance"), QStringLiteral("--predicate"),
                            QStringLiteral("predicate.json")} +
                    insecure + QStringList{ref},
                work, env);
        QVERIFY2(attest.exitCode == 0, attest.err.constData());

        // What the tools see.
        Run discover = run(oras,
                           {QStringLiteral("discover"), QStringLiteral("--plain-http"),
                            QStringLiteral("--format"), QStringLiteral("json"), ref},
                           work);
        QVERIFY2(discover.exitCode == 0, discover.err.constData());
        QSet<QString> orasDirect;
        const QJsonArray discovered = QJsonDocument::fromJson(discover.out)
                                          .object()
                                          .value(QLatin1String("manifests"))
                                          .toArray();
        for (const QJsonValue &m : discovered)
            orasDirect.insert(m.toObject().value(QLatin1String("digest")).toString());
        QCOMPARE(orasDirect, (QSet<QString>{sbom->toString(), notation->toString()}));

        Run tree = run(cosign, QStringList{QStringLiteral("tree")} + insecure + QStringList{ref},
                       work, env);
        QVERIFY2(tree.exitCode == 0, tree.err.constData());
        // cosign tree lists each attached tag and the layer digests under it.
        QSet<QString> cosignLayers;
        const QRegularExpression digestRe(QStringLiteral("sha256:[0-9a-f]{64}"));
        QSet<QString> cosignTagsSeen;
        const QRegularExpression tagRe(QStringLiteral("sha256-[0-9a-f]{64}\\.(sig|att|sbom)"));
        for (const QString &line : QString::fromUtf8(tree.out).split(QLatin1Char('\n'))) {
            auto t = tagRe.match(line);
            if (t.hasMatch()) {
                cosignTagsSeen.insert(t.captured(0));
                continue;
            }
            auto m = digestRe.match(line);
            // The first line names the image itself.
            if (m.hasMatch() && m.captured(0) != subject.toString())
                cosignLayers.insert(m.captured(0));
        }
        QCOMPARE(cosignTagsSeen,
                 (QSet<QString>{cosigntags::tagFor(subject, cosigntags::Kind::Signature),
                                cosigntags::tagFor(subject, cosigntags::Kind::Attestation)}));
        QCOMPARE(cosignLayers.size(), 2);

        // Ocular's graph: the union, with sources, plus the SBOM's own signature.
        auto graph = waitFor<ReferrerGraph>([&](QObject *ctx, auto done) {
            return walker.walk(repo, subject.toString(), {}, ctx, done);
        });
        QVERIFY2(graph.ok(), qPrintable(graph.error().toString()));
        QSet<QString> fallbackDirect;
        QSet<QString> ocularCosignTags;
        QSet<QString> ocularCosignLayers;
        for (const ReferrerEdge &e : graph->referrersOf(subject)) {
            if (e.sources.testFlag(ReferrerSource::FallbackTag))
                fallbackDirect.insert(e.to.toString());
            if (e.sources.testFlag(ReferrerSource::CosignTag)) {
                ocularCosignTags.insert(e.tag);
                for (const Descriptor &l : graph->node(e.to)->layers)
                    ocularCosignLayers.insert(l.digest.toString());
            }
        }
        QCOMPARE(fallbackDirect, orasDirect);
        QCOMPARE(ocularCosignTags, cosignTagsSeen);
        QCOMPARE(ocularCosignLayers, cosignLayers);
        QCOMPARE(graph->referrersOf(subject).size(), orasDirect.size() + cosignTagsSeen.size());
        // Recursion: the SBOM's signature (oras discover --format json shows only direct ones).
        QCOMPARE(graph->referrersOf(sbom.value()).size(), 1);
        QCOMPARE(graph->referrersOf(sbom.value()).first().to, sbomSig.value());
        // Classification of what the tools made.
        QCOMPARE(graph->node(sbom.value())->classification.category, ArtifactCategory::Sbom);
        QCOMPARE(graph->node(notation.value())->classification.category,
                 ArtifactCategory::Signature);
        for (const ReferrerEdge &e : graph->referrersOf(subject)) {
            if (e.tag.endsWith(QLatin1String(".sig")))
                QCOMPARE(graph->node(e.to)->classification.label,
                         QStringLiteral("cosign signature"));
            if (e.tag.endsWith(QLatin1String(".att"))) {
                QCOMPARE(graph->node(e.to)->classification.category, ArtifactCategory::Attestation);
                QVERIFY(graph->node(e.to)
                            ->predicateTypes.join(QLatin1Char(' '))
                            .contains(QStringLiteral("slsa.dev/provenance")));
            }
        }

        // oras discover's tree (recursive) and Ocular agree on the SBOM's signature too.
        Run orasTree =
            run(oras, {QStringLiteral("discover"), QStringLiteral("--plain-http"), ref}, work);
        QVERIFY(orasTree.exitCode == 0);
        QVERIFY(orasTree.out.contains(sbomSig->toString().toLatin1()));

        // Verification: a good signature.
        QFile pub(dir.filePath(QStringLiteral("cosign.pub")));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        auto verifier = CosignVerifier::fromPublicKeyPem(pub.readAll());
        QVERIFY(verifier.ok());
        CosignGraphVerifier checker(stack->source());
        auto checks = waitFor<QList<CosignCheck>>([&](QObject *ctx, auto done) {
            return checker.verify(graph.value(), subject, verifier.value(), ctx, done);
        });
        QVERIFY(checks.ok());
        QCOMPARE(checks->size(), 1);
        QCOMPARE(checks->first().result.toString(), QStringLiteral("verified"));
        QCOMPARE(checks->first().claimedDigest, subject.toString());
        const QStringList verifyArgs =
            QStringList{QStringLiteral("verify"), QStringLiteral("--key"),
                        QStringLiteral("cosign.pub"),
                        QStringLiteral("--insecure-ignore-tlog=true")} +
            insecure + QStringList{ref};
        Run cosignVerify = run(cosign, verifyArgs, work, env);
        QVERIFY2(cosignVerify.exitCode == 0, cosignVerify.err.constData());
        const QString cli = QStringLiteral(OCULAR_BINARY_DIR "/app/ocular-cli");
        const bool haveCli = QFileInfo(cli).isExecutable();
        if (haveCli) {
            Run mine = run(cli, {QStringLiteral("verify"), ref, QStringLiteral("--key"),
                                 dir.filePath(QStringLiteral("cosign.pub"))});
            QVERIFY2(mine.exitCode == 0, mine.err.constData());
            // The image copied with its referrers into an OCI layout verifies there too: the
            // .sig tag travels with it and is read from the layout's index.json.
            const QString layout = QStringLiteral("oci:") + dir.filePath(QStringLiteral("layout")) +
                                   QStringLiteral(":v1");
            Run copied =
                run(cli, {QStringLiteral("copy"), ref, layout, QStringLiteral("--referrers")});
            QVERIFY2(copied.exitCode == 0, copied.err.constData());
            Run inLayout = run(cli, {QStringLiteral("verify"), layout, QStringLiteral("--key"),
                                     dir.filePath(QStringLiteral("cosign.pub"))});
            QVERIFY2(inLayout.exitCode == 0, inLayout.err.constData());
            QVERIFY2(inLayout.out.contains("1 of 1 signature(s) verified"),
                     inLayout.out.constData());
        }

        // Tampering: the same .sig manifest with one bit of the signature flipped.
        const QString sigTag = cosigntags::tagFor(subject, cosigntags::Kind::Signature);
        auto sigManifest = waitFor<FetchedManifest>(
            [&](QObject *ctx, auto done) { return client.getManifest(repo, sigTag, ctx, done); });
        QVERIFY(sigManifest.ok());
        QJsonObject doc = QJsonDocument::fromJson(sigManifest->manifest.raw()).object();
        QJsonArray layers = doc.value(QLatin1String("layers")).toArray();
        QJsonObject first = layers.at(0).toObject();
        QJsonObject annotations = first.value(QLatin1String("annotations")).toObject();
        QByteArray signature = QByteArray::fromBase64(
            annotations.value(QLatin1String("dev.cosignproject.cosign/signature"))
                .toString()
                .toLatin1());
        signature[signature.size() - 3] = char(signature.at(signature.size() - 3) ^ 0x01);
        annotations.insert(QStringLiteral("dev.cosignproject.cosign/signature"),
                           QString::fromLatin1(signature.toBase64()));
        first.insert(QStringLiteral("annotations"), annotations);
        layers.replace(0, first);
        doc.insert(QStringLiteral("layers"), layers);
        auto repushed = waitFor<PushedManifest>([&](QObject *ctx, auto done) {
            return client.putManifest(repo, sigTag, compact(doc), sigManifest->manifest.mediaType(),
                                      ctx, done);
        });
        QVERIFY(repushed.ok());
        auto tamperedGraph = waitFor<ReferrerGraph>([&](QObject *ctx, auto done) {
            return walker.walk(repo, subject.toString(), {}, ctx, done);
        });
        QVERIFY(tamperedGraph.ok());
        auto badChecks = waitFor<QList<CosignCheck>>([&](QObject *ctx, auto done) {
            return checker.verify(tamperedGraph.value(), subject, verifier.value(), ctx, done);
        });
        QVERIFY(badChecks.ok());
        QCOMPARE(badChecks->size(), 1);
        QCOMPARE(badChecks->first().result.status, VerificationResult::Status::Failed);
        Run cosignReject = run(cosign, verifyArgs, work, env);
        QVERIFY2(cosignReject.exitCode != 0, cosignReject.out.constData());
        if (haveCli) {
            Run mine = run(cli, {QStringLiteral("verify"), ref, QStringLiteral("--key"),
                                 dir.filePath(QStringLiteral("cosign.pub"))});
            QCOMPARE(mine.exitCode, 1);
            QVERIFY(mine.out.contains("failed ("));
        }
    }
};

QTEST_GUILESS_MAIN(TestOrasCosign)
#include "tst_oras_cosign.moc"
