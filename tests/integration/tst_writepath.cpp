// The write path through ocular-cli against a real docker-registry (no referrers API), checked
// with oras from Debian 13: what Ocular pushes oras reads byte for byte; attach creates and then
// extends the fallback tag and `oras discover` lists exactly what was attached; what oras
// attached survives Ocular's update; 20 attaches from two processes at once all end up in the
// index; a push killed before its manifest lands is finished by a rerun that uploads no blob
// again; tag re-points the exact bytes; bad input changes nothing.
#include "support/asyncwait.h"
#include "support/faultproxy.h"
#include "support/processrun.h"
#include "support/tempenv.h"
#include "support/testmanifests.h"
#include "support/testregistry.h"
#include "support/teststack.h"

#include "content/mediatype.h"
#include "referrers/fallbackindex.h"
#include "registry/registryclient.h"
#include "source/contentsource.h"
#include "source/memoryblobsink.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace ocular;
using ocular::test::ProcessRun;
using ocular::test::runProcess;
using ocular::test::waitFor;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

ProcessRun cli(const QStringList &arguments)
{
    return runProcess(test::ocularCliPath(), arguments);
}

} // namespace

class TestWritePath : public QObject
{
    Q_OBJECT

    QString m_oras;
    QTemporaryDir m_files;
    /// The programs' data home (the activity log) is this test's own.
    std::unique_ptr<test::TempEnv> m_env;

    /// The activity log the CLI wrote, read back through `ocular-cli activity --format json`.
    QJsonArray activity();

    /// Pushes a small image (config + layer) by tag with Ocular's client; its digest.
    Digest pushImage(RegistryStack &stack, const QString &repository, const QString &tag,
                     const QString &salt);
    /// The subject's fallback index as stored, or nothing.
    std::optional<FallbackIndex> fallbackIndex(RegistryStack &stack, const QString &repository,
                                               const Digest &subject);
    /// Digests `oras discover` lists for `ref`.
    QSet<QString> orasDiscover(const QString &ref);

private Q_SLOTS:
    void initTestCase();
    void pushedArtifactIsReadByOrasByteForByte();
    void attachCreatesThenExtendsTheFallbackTag();
    void orasAttachmentSurvivesOcularsUpdate();
    void twentyAttachesFromTwoProcessesAllLand();
    void killedPushRerunUploadsNothingTwice();
    void tagRepointsTheExactBytes();
    void copyAcrossRegistriesKeepsDigestsAndReferrers();
    void copyWithinARegistryMountsBlobs();
    void copyDeletesTheFallbackIndexItReplaced();
    void badInputChangesNothing();
};

void TestWritePath::initTestCase()
{
    if (!QFileInfo(test::ocularCliPath()).isExecutable())
        QFAIL("ocular-cli was not built");
    m_oras = test::fetchedToolPath(QStringLiteral("oras"));
    QVERIFY(m_files.isValid());
    m_env = std::make_unique<test::TempEnv>();
    writeFile(m_files.filePath(QStringLiteral("sbom.spdx.json")),
              R"({"spdxVersion":"SPDX-2.3","name":"app","packages":[]})");
    writeFile(m_files.filePath(QStringLiteral("report.txt")), "scan: clean\n");
}

Digest TestWritePath::pushImage(RegistryStack &stack, const QString &repository, const QString &tag,
                                const QString &salt)
{
    // testmanifests::image names blobs it does not upload; push them first.
    const QByteArray config = QStringLiteral("{\"salt\":\"%1\"}").arg(salt).toUtf8();
    const QByteArray layer = (QStringLiteral("layer ") + salt).toUtf8();
    for (const QByteArray &blob : {config, layer}) {
        const auto d = waitFor<Digest>([&](QObject *ctx, auto done) {
            return stack.source()->pushBlob(repository, blob, ctx, done);
        });
        if (!d.ok())
            return {};
    }
    const QByteArray raw = test::compact(QJsonObject{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), QString(mediatype::OciManifest)},
        {QStringLiteral("config"), test::descriptor(QString(mediatype::OciConfig), config)},
        {QStringLiteral("layers"),
         QJsonArray{test::descriptor(QString(mediatype::OciLayerTarGzip), layer)}}});
    const auto pushed = waitFor<PushedContent>([&](QObject *ctx, auto done) {
        return stack.source()->pushManifest(repository, tag, raw, mediatype::OciManifest, ctx,
                                            done);
    });
    return pushed.ok() ? pushed->digest : Digest();
}

std::optional<FallbackIndex>
TestWritePath::fallbackIndex(RegistryStack &stack, const QString &repository, const Digest &subject)
{
    const auto raw = waitFor<RawManifest>([&](QObject *ctx, auto done) {
        return stack.source()->rawManifest(repository, subject.fallbackTag(), ctx, done);
    });
    if (!raw.ok())
        return std::nullopt;
    auto index = FallbackIndex::parse(raw->raw);
    return index.ok() ? std::optional(index.value()) : std::nullopt;
}

QSet<QString> TestWritePath::orasDiscover(const QString &ref)
{
    const ProcessRun discover =
        runProcess(m_oras, {QStringLiteral("discover"), QStringLiteral("--plain-http"),
                            QStringLiteral("--format"), QStringLiteral("json"), ref});
    if (discover.exitCode != 0)
        qWarning("oras discover: %s", discover.err.constData());
    QSet<QString> digests;
    const QJsonArray listed =
        QJsonDocument::fromJson(discover.out).object().value(QLatin1String("manifests")).toArray();
    for (const QJsonValue &entry : listed)
        digests.insert(entry.toObject().value(QLatin1String("digest")).toString());
    return digests;
}

void TestWritePath::pushedArtifactIsReadByOrasByteForByte()
{
    if (!QFileInfo(m_oras).isExecutable())
        QSKIP("oras not fetched: run packaging/fetch-tools.sh <build dir>");
    OCULAR_TEST_REGISTRY(registry);
    const QString ref = registry.hostPort() + QStringLiteral("/art/files:v1");
    const ProcessRun push =
        cli({QStringLiteral("push"), ref, m_files.filePath(QStringLiteral("sbom.spdx.json")),
             m_files.filePath(QStringLiteral("report.txt")) + QStringLiteral(":text/x-report"),
             QStringLiteral("--artifact-type"), QStringLiteral("application/vnd.example.bundle"),
             QStringLiteral("--annotation"), QStringLiteral("team=platform")});
    QVERIFY2(push.exitCode == 0, push.err.constData());
    const auto digest = Digest::parse(push.lastLine());
    QVERIFY2(digest.ok(), push.out.constData());

    // The manifest oras fetches is the one Ocular built, and its files are the files.
    const ProcessRun fetched =
        runProcess(m_oras, {QStringLiteral("manifest"), QStringLiteral("fetch"),
                            QStringLiteral("--plain-http"), ref});
    QCOMPARE(fetched.exitCode, 0);
    QVERIFY(digest->matches(fetched.out));
    const QJsonObject manifest = QJsonDocument::fromJson(fetched.out).object();
    QCOMPARE(manifest.value(QLatin1String("artifactType")).toString(),
             QStringLiteral("application/vnd.example.bundle"));
    QCOMPARE(manifest.value(QLatin1String("mediaType")).toString(),
             QString(mediatype::OciManifest));
    const QJsonObject annotations = manifest.value(QLatin1String("annotations")).toObject();
    QCOMPARE(annotations.value(QLatin1String("team")).toString(), QStringLiteral("platform"));
    QVERIFY(
        !annotations.value(QLatin1String("org.opencontainers.image.created")).toString().isEmpty());
    const QJsonArray layers = manifest.value(QLatin1String("layers")).toArray();
    QCOMPARE(layers.size(), 2);
    QCOMPARE(layers.at(0).toObject().value(QLatin1String("mediaType")).toString(),
             QStringLiteral("application/spdx+json"));
    QCOMPARE(layers.at(1).toObject().value(QLatin1String("mediaType")).toString(),
             QStringLiteral("text/x-report"));

    QTemporaryDir out;
    const ProcessRun pull =
        runProcess(m_oras, {QStringLiteral("pull"), QStringLiteral("--plain-http"),
                            QStringLiteral("-o"), out.path(), ref});
    QVERIFY2(pull.exitCode == 0, pull.err.constData());
    for (const QString &name : {QStringLiteral("sbom.spdx.json"), QStringLiteral("report.txt")})
        QCOMPARE(readFile(out.filePath(name)), readFile(m_files.filePath(name)));

    // A rerun uploads nothing again and gives the same digest (same created annotation).
    const ProcessRun again =
        cli({QStringLiteral("push"), ref, m_files.filePath(QStringLiteral("report.txt")),
             QStringLiteral("--artifact-type"), QStringLiteral("application/vnd.example.bundle"),
             QStringLiteral("--annotation"),
             QStringLiteral("org.opencontainers.image.created=2026-01-01T00:00:00Z")});
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.err.contains("already there"), again.err.constData());
}

void TestWritePath::attachCreatesThenExtendsTheFallbackTag()
{
    if (!QFileInfo(m_oras).isExecutable())
        QSKIP("oras not fetched: run packaging/fetch-tools.sh <build dir>");
    OCULAR_TEST_REGISTRY(registry);
    auto stack = test::makeStack(registry.hostPort());
    QVERIFY(stack);
    const QString repo = QStringLiteral("team/app");
    const Digest subject = pushImage(*stack, repo, QStringLiteral("v1"), QStringLiteral("a"));
    QVERIFY(subject.isValid());
    const QString ref = registry.hostPort() + QLatin1Char('/') + repo + QStringLiteral(":v1");

    const ProcessRun sbom =
        cli({QStringLiteral("attach"), ref, m_files.filePath(QStringLiteral("sbom.spdx.json")),
             QStringLiteral("--artifact-type"), QStringLiteral("application/spdx+json")});
    QVERIFY2(sbom.exitCode == 0, sbom.err.constData());
    QVERIFY2(sbom.err.contains(subject.fallbackTag().toUtf8()), sbom.err.constData());
    const auto first = fallbackIndex(*stack, repo, subject);
    QVERIFY(first.has_value());
    QCOMPARE(first->entries().size(), 1);
    const auto firstRaw = waitFor<RawManifest>([&](QObject *ctx, auto done) {
        return stack->source()->rawManifest(repo, subject.fallbackTag(), ctx, done);
    });
    QVERIFY(firstRaw.ok());

    const ProcessRun report =
        cli({QStringLiteral("attach"), ref, m_files.filePath(QStringLiteral("report.txt")),
             QStringLiteral("--artifact-type"), QStringLiteral("application/vnd.example.report")});
    QVERIFY2(report.exitCode == 0, report.err.constData());
    // Which referrer path it took, and that the old index went.
    QVERIFY2(report.err.contains("was updated"), report.err.constData());
    QVERIFY2(report.err.contains("was deleted"), report.err.constData());
    const auto second = fallbackIndex(*stack, repo, subject);
    QCOMPARE(second->entries().size(), 2);
    const auto oldIndex = waitFor<RawManifest>([&](QObject *ctx, auto done) {
        return stack->source()->rawManifest(repo, firstRaw->digest.toString(), ctx, done);
    });
    QVERIFY(!oldIndex.ok());
    QCOMPARE(oldIndex.error().kind, ErrorKind::NotFound);

    QCOMPARE(orasDiscover(ref), (QSet<QString>{sbom.lastLine(), report.lastLine()}));
    // The entries carry artifactType and the created annotation, as oras expects.
    for (const Descriptor &entry : second->entries()) {
        QVERIFY(!entry.artifactType.isEmpty());
        QVERIFY(entry.annotations.contains(QStringLiteral("org.opencontainers.image.created")));
    }
}

void TestWritePath::orasAttachmentSurvivesOcularsUpdate()
{
    if (!QFileInfo(m_oras).isExecutable())
        QSKIP("oras not fetched: run packaging/fetch-tools.sh <build dir>");
    OCULAR_TEST_REGISTRY(registry);
    auto stack = test::makeStack(registry.hostPort());
    QVERIFY(stack);
    const QString repo = QStringLiteral("team/mixed");
    const Digest subject = pushImage(*stack, repo, QStringLiteral("v1"), QStringLiteral("b"));
    const QString ref =
        registry.hostPort() + QLatin1Char('/') + repo + QLatin1Char('@') + subject.toString();
    QProcess oras;
    oras.setWorkingDirectory(m_files.path());
    oras.start(m_oras, {QStringLiteral("attach"), QStringLiteral("--plain-http"),
                        QStringLiteral("--artifact-type"),
                        QStringLiteral("application/vnd.cncf.notary.signature"), ref,
                        QStringLiteral("report.txt:application/jose+json"),
                        QStringLiteral("--format"), QStringLiteral("json")});
    QVERIFY(oras.waitForFinished(60000));
    QCOMPARE(oras.exitCode(), 0);
    const QString orasDigest = QJsonDocument::fromJson(oras.readAllStandardOutput())
                                   .object()
                                   .value(QLatin1String("digest"))
                                   .toString();
    QVERIFY(Digest::parse(orasDigest).ok());

    const ProcessRun ours =
        cli({QStringLiteral("attach"), ref, m_files.filePath(QStringLiteral("sbom.spdx.json")),
             QStringLiteral("--artifact-type"), QStringLiteral("application/spdx+json")});
    QVERIFY2(ours.exitCode == 0, ours.err.constData());
    QCOMPARE(orasDiscover(ref), (QSet<QString>{orasDigest, ours.lastLine()}));
    const auto index = fallbackIndex(*stack, repo, subject);
    QVERIFY(index.has_value());
    bool orasEntryKept = false;
    for (const Descriptor &entry : index->entries()) {
        if (entry.digest.toString() == orasDigest)
            orasEntryKept =
                entry.artifactType == QLatin1String("application/vnd.cncf.notary.signature");
    }
    QVERIFY(orasEntryKept);
}

void TestWritePath::twentyAttachesFromTwoProcessesAllLand()
{
    OCULAR_TEST_REGISTRY(registry);
    auto stack = test::makeStack(registry.hostPort());
    QVERIFY(stack);
    const QString repo = QStringLiteral("team/busy");
    const Digest subject = pushImage(*stack, repo, QStringLiteral("v1"), QStringLiteral("c"));
    const QString ref =
        registry.hostPort() + QLatin1Char('/') + repo + QLatin1Char('@') + subject.toString();
    // Two shells, ten attaches each, different file contents so every artifact is distinct.
    QList<QProcess *> shells;
    for (int p = 0; p < 2; ++p) {
        const QString script =
            QStringLiteral("set -e; for i in $(seq 1 10); do echo \"process %1 file $i\" > "
                           "\"$DIR/f%1-$i.txt\"; \"$CLI\" attach \"$REF\" \"$DIR/f%1-$i.txt\" "
                           "--artifact-type application/vnd.example.note; done")
                .arg(p);
        auto *shell = new QProcess(this);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DIR"), m_files.path());
        env.insert(QStringLiteral("CLI"), test::ocularCliPath());
        env.insert(QStringLiteral("REF"), ref);
        shell->setProcessEnvironment(env);
        shell->start(QStringLiteral("bash"), {QStringLiteral("-c"), script});
        shells.append(shell);
    }
    QSet<QString> attached;
    for (QProcess *shell : shells) {
        QVERIFY(shell->waitForFinished(240000));
        const QByteArray err = shell->readAllStandardError();
        QVERIFY2(shell->exitCode() == 0, err.constData());
        for (const QByteArray &line : shell->readAllStandardOutput().split('\n')) {
            if (!line.trimmed().isEmpty())
                attached.insert(QString::fromUtf8(line.trimmed()));
        }
    }
    QCOMPARE(attached.size(), 20);
    const auto index = fallbackIndex(*stack, repo, subject);
    QVERIFY(index.has_value());
    QSet<QString> listed;
    for (const Descriptor &entry : index->entries())
        listed.insert(entry.digest.toString());
    QCOMPARE(listed, attached);

    // Two processes appended to one activity log at once: every attach is a whole line.
    const QFileInfo log(m_env->dataHome() + QStringLiteral("/ocular/activity.jsonl"));
    QVERIFY(log.exists());
    QCOMPARE(log.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
             QFileDevice::Permissions());
    QSet<QString> logged;
    for (const QJsonValue &value : activity()) {
        const QJsonObject entry = value.toObject();
        if (entry.value(QStringLiteral("action")).toString() == QLatin1String("attach") &&
            entry.value(QStringLiteral("details"))
                    .toObject()
                    .value(QStringLiteral("subject"))
                    .toString() == subject.toString())
            logged.insert(entry.value(QStringLiteral("digest")).toString());
    }
    QCOMPARE(logged, attached);
}

QJsonArray TestWritePath::activity()
{
    const ProcessRun run =
        cli({QStringLiteral("activity"), QStringLiteral("--format"), QStringLiteral("json")});
    if (run.exitCode != 0 || !run.err.isEmpty()) {
        qWarning("ocular-cli activity: %s", run.err.constData());
        return {};
    }
    return QJsonDocument::fromJson(run.out).array();
}

void TestWritePath::killedPushRerunUploadsNothingTwice()
{
    OCULAR_TEST_REGISTRY(registry);
    test::FaultProxy proxy(QUrl(registry.baseUrl()));
    QVERIFY2(proxy.listen(), qPrintable(proxy.errorString()));
    // The manifest PUT is held so the process can be killed after its blobs and before its
    // manifest, the state a crash or a closed laptop leaves behind.
    auto hold = test::FaultProxy::rule("PUT", QStringLiteral("^/v2/art/killed/manifests/"),
                                       test::FaultProxy::Action::Delay);
    hold.delayMs = 120000;
    hold.times = 1;
    const int held = proxy.addRule(hold);

    QByteArray big(3 * 1024 * 1024, '\0');
    for (qsizetype i = 0; i < big.size(); ++i)
        big[i] = char((i * 131) % 251);
    const QString bigPath = m_files.filePath(QStringLiteral("killed.bin"));
    writeFile(bigPath, big);
    const QStringList arguments{
        QStringLiteral("push"),
        proxy.hostPort() + QStringLiteral("/art/killed:v1"),
        bigPath,
        m_files.filePath(QStringLiteral("report.txt")),
        QStringLiteral("--artifact-type"),
        QStringLiteral("application/vnd.example.bundle"),
        QStringLiteral("--annotation"),
        QStringLiteral("org.opencontainers.image.created=2026-01-01T00:00:00Z")};

    // The proxy lives in this process: the event loop must run while the CLI works.
    QProcess first;
    first.setStandardInputFile(QProcess::nullDevice());
    first.start(test::ocularCliPath(), arguments);
    QTRY_VERIFY_WITH_TIMEOUT(proxy.hits(held) == 1 || first.state() == QProcess::NotRunning, 60000);
    QVERIFY2(proxy.hits(held) == 1, first.readAllStandardError().constData());
    first.kill();
    QVERIFY(first.waitForFinished(10000));
    const int startedUploads =
        proxy.countMatching("POST", QStringLiteral("^/v2/art/killed/blobs/uploads/"));
    QVERIFY2(startedUploads >= 2, qPrintable(proxy.requests().join(QLatin1Char('\n'))));

    auto stack = test::makeStack(registry.hostPort());
    const auto before = waitFor<RawManifest>([&](QObject *ctx, auto done) {
        return stack->source()->rawManifest(QStringLiteral("art/killed"), QStringLiteral("v1"), ctx,
                                            done);
    });
    QVERIFY2(!before.ok(), "the killed push must not have tagged anything");

    proxy.clearRules();
    QProcess rerun;
    rerun.setStandardInputFile(QProcess::nullDevice());
    rerun.start(test::ocularCliPath(), arguments);
    QTRY_VERIFY_WITH_TIMEOUT(rerun.state() == QProcess::NotRunning, 60000);
    const QByteArray err = rerun.readAllStandardError();
    const QByteArray out = rerun.readAllStandardOutput();
    QVERIFY2(rerun.exitStatus() == QProcess::NormalExit && rerun.exitCode() == 0, err.constData());

    // Every blob was found where the killed run had put it: no upload was started again.
    const QString requests = proxy.requests().join(QLatin1Char('\n'));
    QCOMPARE(proxy.countMatching("POST", QStringLiteral("/blobs/uploads/")), 0);
    QCOMPARE(proxy.countMatching("PATCH", QStringLiteral("/blobs/uploads/")), 0);
    QCOMPARE(proxy.countMatching("PUT", QStringLiteral("/blobs/uploads/")), 0);
    QVERIFY2(proxy.countMatching("HEAD", QStringLiteral("^/v2/art/killed/blobs/sha256:")) >= 2,
             qPrintable(requests));
    // Manifest by digest first, the tag last, one request each.
    const QStringList manifestPuts = proxy.requests().filter(QStringLiteral("/manifests/"));
    QCOMPARE(manifestPuts.size(), 2);
    QVERIFY2(manifestPuts.at(0).startsWith(QStringLiteral("PUT /v2/art/killed/manifests/sha256:")),
             qPrintable(requests));
    QCOMPARE(manifestPuts.at(1), QStringLiteral("PUT /v2/art/killed/manifests/v1"));

    // And the tag now names what the rerun printed, with the file's bytes behind it.
    const QString printed = QString::fromUtf8(out.trimmed().split('\n').last().trimmed());
    const auto digest = Digest::parse(printed);
    QVERIFY2(digest.ok(), out.constData());
    const auto after = waitFor<RawManifest>([&](QObject *ctx, auto done) {
        return stack->source()->rawManifest(QStringLiteral("art/killed"), QStringLiteral("v1"), ctx,
                                            done);
    });
    QVERIFY2(after.ok(), qPrintable(after.ok() ? QString() : after.error().message));
    QVERIFY(digest->matches(after->raw));
    auto sink = std::make_shared<MemoryBlobSink>();
    const auto blob = waitFor<BlobReceipt>([&](QObject *ctx, auto done) {
        return stack->source()->blob(QStringLiteral("art/killed"), Digest::sha256(big), sink,
                                     big.size(), ctx, done);
    });
    QVERIFY(blob.ok());
    QVERIFY(sink->bytes() == big);
}

void TestWritePath::tagRepointsTheExactBytes()
{
    OCULAR_TEST_REGISTRY(registry);
    auto stack = test::makeStack(registry.hostPort());
    QVERIFY(stack);
    const QString repo = QStringLiteral("team/tags");
    const Digest image = pushImage(*stack, repo, QStringLiteral("v1"), QStringLiteral("d"));
    const ProcessRun tag =
        cli({QStringLiteral("tag"),
             registry.hostPort() + QLatin1Char('/') + repo + QStringLiteral(":v1"),
             QStringLiteral("stable")});
    QVERIFY2(tag.exitCode == 0, tag.err.constData());
    QCOMPARE(tag.lastLine(), image.toString());
    const auto stable = waitFor<RawManifest>([&](QObject *ctx, auto done) {
        return stack->source()->rawManifest(repo, QStringLiteral("stable"), ctx, done);
    });
    QVERIFY(stable.ok());
    QCOMPARE(stable->digest, image);

    const QJsonArray log = activity();
    QVERIFY(!log.isEmpty());
    const QJsonObject last = log.last().toObject();
    QCOMPARE(last.value(QStringLiteral("action")).toString(), QStringLiteral("tag"));
    QCOMPARE(last.value(QStringLiteral("registry")).toString(), registry.hostPort());
    QCOMPARE(last.value(QStringLiteral("repository")).toString(), repo);
    QCOMPARE(last.value(QStringLiteral("reference")).toString(), QStringLiteral("stable"));
    QCOMPARE(last.value(QStringLiteral("digest")).toString(), image.toString());
}

void TestWritePath::copyAcrossRegistriesKeepsDigestsAndReferrers()
{
    if (!QFileInfo(m_oras).isExecutable())
        QSKIP("oras not fetched: run packaging/fetch-tools.sh <build dir>");
    OCULAR_TEST_REGISTRY(source);
    OCULAR_TEST_REGISTRY(mirror);
    auto stack = test::makeStack(source.hostPort());
    QVERIFY(stack);
    const QString repo = QStringLiteral("team/app");
    const Digest image = pushImage(*stack, repo, QStringLiteral("v1"), QStringLiteral("copy"));
    const QString ref = source.hostPort() + QLatin1Char('/') + repo + QStringLiteral(":v1");
    const ProcessRun sbom =
        cli({QStringLiteral("attach"), ref, m_files.filePath(QStringLiteral("sbom.spdx.json")),
             QStringLiteral("--artifact-type"), QStringLiteral("application/spdx+json")});
    QCOMPARE(sbom.exitCode, 0);
    // A signature of the SBOM: a referrer of a referrer.
    const ProcessRun signature =
        cli({QStringLiteral("attach"),
             source.hostPort() + QLatin1Char('/') + repo + QLatin1Char('@') + sbom.lastLine(),
             m_files.filePath(QStringLiteral("report.txt")), QStringLiteral("--artifact-type"),
             QStringLiteral("application/vnd.cncf.notary.signature")});
    QCOMPARE(signature.exitCode, 0);
    // A fallback index entry that lies: listed for the image, but its subject is another one.
    const Digest other = pushImage(*stack, repo, QStringLiteral("other"), QStringLiteral("x"));
    const ProcessRun liar =
        cli({QStringLiteral("attach"),
             source.hostPort() + QLatin1Char('/') + repo + QStringLiteral(":other"),
             m_files.filePath(QStringLiteral("report.txt")), QStringLiteral("--artifact-type"),
             QStringLiteral("text/plain")});
    QCOMPARE(liar.exitCode, 0);
    {
        const auto index = fallbackIndex(*stack, repo, image);
        QJsonObject doc = index->document();
        QJsonArray entries = doc.value(QLatin1String("manifests")).toArray();
        entries.append(fallbackIndex(*stack, repo, other)
                           ->document()
                           .value(QLatin1String("manifests"))
                           .toArray()
                           .first());
        doc.insert(QStringLiteral("manifests"), entries);
        const auto pushed = waitFor<PushedContent>([&](QObject *ctx, auto done) {
            return stack->source()->pushManifest(repo, image.fallbackTag(), test::compact(doc),
                                                 mediatype::OciIndex, ctx, done);
        });
        QVERIFY(pushed.ok());
    }

    const QString target = mirror.hostPort() + QStringLiteral("/mirror/app");
    const ProcessRun copy =
        cli({QStringLiteral("copy"), ref, target, QStringLiteral("--referrers")});
    QVERIFY2(copy.exitCode == 0, copy.err.constData());
    QCOMPARE(copy.lastLine(), image.toString());
    QVERIFY2(copy.err.contains(QByteArray(QByteArray("names ") + other.toString().toUtf8())),
             copy.err.constData());

    // Same digests on the mirror, the tag came along, and oras sees the same referrers.
    QCOMPARE(orasDiscover(target + QStringLiteral(":v1")), QSet<QString>{sbom.lastLine()});
    QCOMPARE(orasDiscover(target + QLatin1Char('@') + sbom.lastLine()),
             QSet<QString>{signature.lastLine()});
    const ProcessRun fetched =
        runProcess(m_oras, {QStringLiteral("manifest"), QStringLiteral("fetch"),
                            QStringLiteral("--plain-http"), target + QStringLiteral(":v1")});
    QCOMPARE(fetched.exitCode, 0);
    QVERIFY(image.matches(fetched.out));
    // The liar's artifact was not copied.
    const ProcessRun lie = runProcess(m_oras, {QStringLiteral("manifest"), QStringLiteral("fetch"),
                                               QStringLiteral("--plain-http"),
                                               target + QLatin1Char('@') + liar.lastLine()});
    QVERIFY(lie.exitCode != 0);
}

void TestWritePath::copyWithinARegistryMountsBlobs()
{
    OCULAR_TEST_REGISTRY(registry);
    auto stack = test::makeStack(registry.hostPort());
    QVERIFY(stack);
    const Digest image =
        pushImage(*stack, QStringLiteral("team/base"), QStringLiteral("v1"), QStringLiteral("m"));
    const ProcessRun copy =
        cli({QStringLiteral("copy"), registry.hostPort() + QStringLiteral("/team/base:v1"),
             registry.hostPort() + QStringLiteral("/team/derived:latest")});
    QVERIFY2(copy.exitCode == 0, copy.err.constData());
    QCOMPARE(copy.lastLine(), image.toString());
    QVERIFY2(copy.err.contains("0 sent (0 bytes), 2 mounted"), copy.err.constData());
    const auto copied = waitFor<RawManifest>([&](QObject *ctx, auto done) {
        return stack->source()->rawManifest(QStringLiteral("team/derived"),
                                            QStringLiteral("latest"), ctx, done);
    });
    QVERIFY(copied.ok());
    QCOMPARE(copied->digest, image);
}

void TestWritePath::copyDeletesTheFallbackIndexItReplaced()
{
    OCULAR_TEST_REGISTRY(source);
    OCULAR_TEST_REGISTRY(mirror);
    auto stack = test::makeStack(source.hostPort());
    auto mirrorStack = test::makeStack(mirror.hostPort());
    QVERIFY(stack && mirrorStack);
    const QString repo = QStringLiteral("team/app");
    const Digest image = pushImage(*stack, repo, QStringLiteral("v1"), QStringLiteral("replace"));
    QVERIFY(image.isValid());
    const QString ref = source.hostPort() + QLatin1Char('/') + repo + QStringLiteral(":v1");
    const QString target = mirror.hostPort() + QLatin1Char('/') + repo;
    QByteArray attachErr;
    auto attach = [&](const QString &artifactType) {
        const ProcessRun run =
            cli({QStringLiteral("attach"), ref, m_files.filePath(QStringLiteral("report.txt")),
                 QStringLiteral("--artifact-type"), artifactType});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        attachErr = run.err;
    };
    auto mirrorIndex = [&](const QString &reference) {
        return waitFor<RawManifest>([&](QObject *ctx, auto done) {
            return mirrorStack->source()->rawManifest(repo, reference, ctx, done);
        });
    };

    // The first copy creates the mirror's fallback index: nothing replaced.
    attach(QStringLiteral("application/vnd.example.one"));
    const ProcessRun first =
        cli({QStringLiteral("copy"), ref, target, QStringLiteral("--referrers")});
    QVERIFY2(first.exitCode == 0, first.err.constData());
    QVERIFY2(!first.err.contains("replaced fallback index"), first.err.constData());
    const auto created = mirrorIndex(image.fallbackTag());
    QVERIFY2(created.ok(), qPrintable(created.error().toString()));

    // A new referrer: the second copy rewrites that index and deletes the one it replaced.
    attach(QStringLiteral("application/vnd.example.two"));
    // The push deletes the source's replaced index through the same shared step.
    QVERIFY2(attachErr.contains("was deleted"), attachErr.constData());
    const ProcessRun second =
        cli({QStringLiteral("copy"), ref, target, QStringLiteral("--referrers")});
    QVERIFY2(second.exitCode == 0, second.err.constData());
    QVERIFY2(second.err.contains(QByteArray(QByteArray("deleted the replaced fallback index ") +
                                            created->digest.toString().toUtf8())),
             second.err.constData());
    const auto gone = mirrorIndex(created->digest.toString());
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error().kind, ErrorKind::NotFound);
    const auto rewritten = mirrorIndex(image.fallbackTag());
    QVERIFY2(rewritten.ok(), qPrintable(rewritten.error().toString()));
    QCOMPARE(FallbackIndex::parse(rewritten->raw)->entries().size(), 2);

    // --keep-old-index: the replaced index stays, by digest, and the report says so.
    attach(QStringLiteral("application/vnd.example.three"));
    const ProcessRun kept = cli({QStringLiteral("copy"), ref, target, QStringLiteral("--referrers"),
                                 QStringLiteral("--keep-old-index")});
    QVERIFY2(kept.exitCode == 0, kept.err.constData());
    QVERIFY2(kept.err.contains(QByteArray(QByteArray("kept the replaced fallback index ") +
                                          rewritten->digest.toString().toUtf8())),
             kept.err.constData());
    const auto still = mirrorIndex(rewritten->digest.toString());
    QVERIFY2(still.ok(), qPrintable(still.error().toString()));
    const auto latest = mirrorIndex(image.fallbackTag());
    QVERIFY(latest.ok());
    QVERIFY(latest->digest != rewritten->digest);
    QCOMPARE(FallbackIndex::parse(latest->raw)->entries().size(), 3);
}

void TestWritePath::badInputChangesNothing()
{
    OCULAR_TEST_REGISTRY(registry);
    const QString ref = registry.hostPort() + QStringLiteral("/bad/input:v1");
    const QString file = m_files.filePath(QStringLiteral("report.txt"));
    const QList<QStringList> bad = {
        {QStringLiteral("push"), ref, file}, // no --artifact-type
        {QStringLiteral("push"), ref, QStringLiteral("/nonexistent/file"),
         QStringLiteral("--artifact-type"), QStringLiteral("a/b")},
        {QStringLiteral("push"), ref, file, QStringLiteral("--artifact-type"),
         QStringLiteral("a/b"), QStringLiteral("--annotation"), QStringLiteral("novalue")},
        {QStringLiteral("push"),
         registry.hostPort() + QStringLiteral("/bad/input@sha256:") + QString(64, QLatin1Char('a')),
         file, QStringLiteral("--artifact-type"), QStringLiteral("a/b")},
        {QStringLiteral("tag"), ref, QStringLiteral("no/slashes")},
    };
    for (const QStringList &arguments : bad) {
        const ProcessRun run = cli(arguments);
        QVERIFY2(run.exitCode == 2, qPrintable(arguments.join(QLatin1Char(' ')) +
                                               QStringLiteral(": ") + QString::fromUtf8(run.err)));
        QVERIFY(!run.err.isEmpty());
    }
    // Nothing reached the registry: it still has no repository.
    const ProcessRun ls = cli({QStringLiteral("ls"), registry.hostPort()});
    QCOMPARE(ls.exitCode, 0);
    QVERIFY2(ls.out.trimmed().isEmpty(), ls.out.constData());
}

QTEST_GUILESS_MAIN(TestWritePath)
#include "tst_writepath.moc"
