// OciLayoutSource against the real layouts in the shared fixtures (regctl's testrepo, notation's
// e2e layout), hostile and partial layouts made from copies, and interop with skopeo and oras
// through the real docker-registry: digests must survive every direction of copy.
#include "layout/ocilayout.h"
#include "layout/ocilayoutreference.h"
#include "source/memoryblobsink.h"
#include "source/ocilayoutsource.h"
#include "stack/registrystack.h"
#include "support/asyncwait.h"
#include "support/fixtures.h"
#include "support/testregistry.h"
#include "support/teststack.h"
#include "write/contentcopier.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ocular;
using ocular::test::waitFor;

namespace {

const QString Regclient = QStringLiteral("layouts/regclient-testrepo");
const QString Notation = QStringLiteral("layouts/notation-e2e-valid-signature");
const QString NotationSubject =
    QStringLiteral("sha256:b8479de3f88fb259a0a9ea82a5b2a052a1ef3c4ebbcfc61482d5ae4c831f8af9");
const QString NotationSignature =
    QStringLiteral("sha256:90ceaff260d657d797c408ac73564a9c7bb9d86055877c2a811f0e63b8c6524f");

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    Run r;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = process.readAllStandardOutput();
    r.err = process.readAllStandardError();
    return r;
}

/// A writable copy of a fixture layout, to damage.
bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = to + path.mid(from.size());
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(path, target))
            return false;
        QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    return true;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

} // namespace

class TestOciLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesReferences();
    void readsRegclientTagsAndManifests();
    void findsReferrersBySubject();
    void reportsMissingBlob();
    void refusesCorruptBlob();
    void hostileLayouts();
    void copiesMemoryIntoLayoutAndBack();
    void interopWithSkopeoAndOras();
    void cliUsesLayouts();
};

void TestOciLayout::parsesReferences()
{
    auto r = OciLayoutReference::parse(QStringLiteral("oci:/a:b/c:v1"));
    QVERIFY(r.ok());
    QCOMPARE(r->directory, QStringLiteral("/a:b/c"));
    QCOMPARE(r->tag, QStringLiteral("v1"));
    r = OciLayoutReference::parse(QStringLiteral("oci:dir@") + NotationSubject);
    QVERIFY(r.ok());
    QCOMPARE(r->directory, QStringLiteral("dir"));
    QCOMPARE(r->digest.toString(), NotationSubject);
    r = OciLayoutReference::parse(QStringLiteral("oci:/tmp/x"));
    QVERIFY(r.ok());
    QVERIFY(!r->hasReference());
    QVERIFY(!OciLayoutReference::parse(QStringLiteral("oci:")).ok());
    QVERIFY(!OciLayoutReference::parse(QStringLiteral("oci:dir:bad?tag")).ok());
    QVERIFY(!OciLayoutReference::parse(QStringLiteral("oci:dir@sha256:../../etc")).ok());
    QVERIFY(!OciLayoutReference::parse(QStringLiteral("docker://x/y")).ok());
}

void TestOciLayout::readsRegclientTagsAndManifests()
{
    OCULAR_REQUIRE_FIXTURE(Regclient);
    OciLayoutSource source(test::fixturePath(Regclient));
    QCOMPARE(source.repositoryName(), QStringLiteral("regclient-testrepo"));
    auto tags = waitFor<NameListing>(
        [&](QObject *ctx, auto done) { return source.allTags({}, 10, ctx, done); });
    QVERIFY2(tags.ok(), qPrintable(tags ? QString() : tags.error().toString()));
    QVERIFY(tags->items.contains(QStringLiteral("v1")));
    QVERIFY(tags->items.contains(QStringLiteral("loop")));
    QVERIFY(tags->rejected.isEmpty());
    auto manifest = waitFor<SourceManifest>([&](QObject *ctx, auto done) {
        return source.manifest({}, QStringLiteral("v1"), ctx, done);
    });
    QVERIFY2(manifest.ok(), qPrintable(manifest ? QString() : manifest.error().toString()));
    QVERIFY(manifest->manifest.isIndex());
    QCOMPARE(
        manifest->manifest.digest().toString(),
        QStringLiteral("sha256:7ceb9b6bcc274697d0c38be6214b50cec79d601bc61708747d3f6cb772f6c6fa"));
    // A child, not in index.json: reachable by digest, and its config blob verifies.
    const Descriptor child = manifest->manifest.children().first();
    auto image = waitFor<SourceManifest>([&](QObject *ctx, auto done) {
        return source.manifest({}, child.digest.toString(), ctx, done);
    });
    QVERIFY2(image.ok(), qPrintable(image ? QString() : image.error().toString()));
    const Digest config = image->manifest.config()->digest;
    auto bytes = waitFor<QByteArray>(
        [&](QObject *ctx, auto done) { return source.blobBytes({}, config, 1 << 20, ctx, done); });
    QVERIFY(bytes.ok());
    QVERIFY(config.matches(bytes.value()));
    // The self-referencing loop index terminates the referrers scan.
    auto none = waitFor<ReferrersAnswer>([&](QObject *ctx, auto done) {
        return source.referrers({}, Digest::sha256("nothing"), {}, ctx, done);
    });
    QVERIFY(none.ok());
    QVERIFY(none->referrers.isEmpty());
}

void TestOciLayout::findsReferrersBySubject()
{
    OCULAR_REQUIRE_FIXTURE(Notation);
    OciLayoutSource source(test::fixturePath(Notation));
    const Digest subject = Digest::parse(NotationSubject).value();
    auto answer = waitFor<ReferrersAnswer>(
        [&](QObject *ctx, auto done) { return source.referrers({}, subject, {}, ctx, done); });
    QVERIFY2(answer.ok(), qPrintable(answer ? QString() : answer.error().toString()));
    QCOMPARE(answer->kind, ReferrersAnswer::Kind::Api);
    QCOMPARE(answer->referrers.size(), 1);
    QCOMPARE(answer->referrers.first().digest.toString(), NotationSignature);
    QCOMPARE(answer->referrers.first().artifactType,
             QStringLiteral("application/vnd.cncf.notary.signature"));
    auto filtered = waitFor<ReferrersAnswer>([&](QObject *ctx, auto done) {
        return source.referrers({}, subject, QStringLiteral("application/spdx+json"), ctx, done);
    });
    QVERIFY(filtered.ok());
    QVERIFY(filtered->referrers.isEmpty());
}

void TestOciLayout::reportsMissingBlob()
{
    OCULAR_REQUIRE_FIXTURE(Notation);
    QTemporaryDir dir;
    QVERIFY(copyTree(test::fixturePath(Notation), dir.path()));
    QVERIFY(QFile::remove(dir.path() + QStringLiteral("/blobs/sha256/") + NotationSubject.mid(7)));
    OciLayoutSource source(dir.path());
    auto manifest = waitFor<SourceManifest>(
        [&](QObject *ctx, auto done) { return source.manifest({}, NotationSubject, ctx, done); });
    QVERIFY(!manifest.ok());
    QCOMPARE(manifest.error().kind, ErrorKind::NotFound);
    QVERIFY2(manifest.error().message.contains(QStringLiteral("missing from the layout")),
             qPrintable(manifest.error().message));
    auto tags = waitFor<NameListing>(
        [&](QObject *ctx, auto done) { return source.allTags({}, 10, ctx, done); });
    QVERIFY(tags.ok()); // a partial layout still lists its tags
}

void TestOciLayout::refusesCorruptBlob()
{
    OCULAR_REQUIRE_FIXTURE(Notation);
    QTemporaryDir dir;
    QVERIFY(copyTree(test::fixturePath(Notation), dir.path()));
    const QString path = dir.path() + QStringLiteral("/blobs/sha256/") + NotationSignature.mid(7);
    QByteArray bytes = test::readFile(path);
    QVERIFY(!bytes.isEmpty());
    bytes.replace("notary", "NOTARY");
    writeFile(path, bytes);
    OciLayoutSource source(dir.path());
    auto manifest = waitFor<RawManifest>([&](QObject *ctx, auto done) {
        return source.rawManifest({}, NotationSignature, ctx, done);
    });
    QVERIFY(!manifest.ok());
    QCOMPARE(manifest.error().kind, ErrorKind::DigestMismatch);
    auto sink = std::make_shared<MemoryBlobSink>();
    auto blob = waitFor<BlobReceipt>([&](QObject *ctx, auto done) {
        return source.blob({}, Digest::parse(NotationSignature).value(), sink, 1 << 20, ctx, done);
    });
    QVERIFY(!blob.ok());
    QCOMPARE(blob.error().kind, ErrorKind::DigestMismatch);
}

void TestOciLayout::hostileLayouts()
{
    QTemporaryDir dir;
    OciLayoutSource source(dir.path());
    QVERIFY(source.create().ok());
    // Not JSON.
    writeFile(dir.path() + QStringLiteral("/index.json"), "{not json");
    auto tags = waitFor<NameListing>(
        [&](QObject *ctx, auto done) { return source.allTags({}, 10, ctx, done); });
    QVERIFY(!tags.ok());
    QCOMPARE(tags.error().kind, ErrorKind::InvalidContent);
    QVERIFY(tags.error().message.contains(QStringLiteral("index.json")));
    // A traversal digest and an invalid ref name next to one good entry.
    const QByteArray manifestBytes =
        R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",)"
        R"("config":{"mediaType":"application/vnd.oci.empty.v1+json","digest":"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a","size":2},"layers":[]})";
    OciLayout layout(dir.path());
    writeFile(
        dir.path() + QStringLiteral("/index.json"),
        R"({"schemaVersion":2,"manifests":[)"
        R"({"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:../../etc","size":2,"annotations":{"org.opencontainers.image.ref.name":"evil"}},)"
        R"({"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":")" +
            Digest::sha256(manifestBytes).toString().toLatin1() +
            R"(","size":1,"annotations":{"org.opencontainers.image.ref.name":"bad tag!"}}]})");
    tags = waitFor<NameListing>(
        [&](QObject *ctx, auto done) { return source.allTags({}, 10, ctx, done); });
    QVERIFY2(tags.ok(), qPrintable(tags ? QString() : tags.error().toString()));
    QVERIFY(tags->items.isEmpty());
    QCOMPARE(tags->rejected.size(), 2);
    QCOMPARE(tags->rejected.at(1).name, QStringLiteral("bad tag!"));
    auto evil = waitFor<SourceManifest>([&](QObject *ctx, auto done) {
        return source.manifest({}, QStringLiteral("evil"), ctx, done);
    });
    QVERIFY(!evil.ok());
    QCOMPARE(evil.error().kind, ErrorKind::NotFound);
    auto traversal = waitFor<SourceManifest>([&](QObject *ctx, auto done) {
        return source.manifest({}, QStringLiteral("sha256:../../etc"), ctx, done);
    });
    QVERIFY(!traversal.ok());
    // Oversized index.json is refused before parsing.
    writeFile(dir.path() + QStringLiteral("/index.json"),
              QByteArray(OciLayout::MaxDocumentBytes + 1, ' '));
    tags = waitFor<NameListing>(
        [&](QObject *ctx, auto done) { return source.allTags({}, 10, ctx, done); });
    QVERIFY(!tags.ok());
    QCOMPARE(tags.error().kind, ErrorKind::TooLarge);
    // No oci-layout file: not a layout.
    QTemporaryDir empty;
    OciLayoutSource nothing(empty.path());
    tags = waitFor<NameListing>(
        [&](QObject *ctx, auto done) { return nothing.allTags({}, 10, ctx, done); });
    QVERIFY(!tags.ok());
    QVERIFY(tags.error().message.contains(QStringLiteral("oci-layout")));
}

void TestOciLayout::copiesMemoryIntoLayoutAndBack()
{
    OCULAR_REQUIRE_FIXTURE(Notation);
    // The notation layout (subject + signature attached by the fallback tag) -> new layout.
    OciLayoutSource from(test::fixturePath(Notation));
    QTemporaryDir dir;
    OciLayoutSource to(dir.path() + QStringLiteral("/out"));
    QVERIFY(to.create().ok());
    ContentCopier copier(&from, &to);
    CopyOptions options;
    options.withReferrers = true;
    auto copied = waitFor<CopyResult>([&](QObject *ctx, auto done) {
        return copier.copy(from.repositoryName(), QStringLiteral("v1"), to.repositoryName(),
                           QStringLiteral("copied"), options, ctx, done);
    });
    QVERIFY2(copied.ok(), qPrintable(copied ? QString() : copied.error().toString()));
    QCOMPARE(copied->root.toString(), NotationSubject);
    QCOMPARE(copied->referrers, 1);
    auto resolved = waitFor<ResolvedReference>([&](QObject *ctx, auto done) {
        return to.resolve({}, QStringLiteral("copied"), ctx, done);
    });
    QVERIFY(resolved.ok());
    QCOMPARE(resolved->descriptor.digest.toString(), NotationSubject);
    auto referrers = waitFor<ReferrersAnswer>([&](QObject *ctx, auto done) {
        return to.referrers({}, resolved->descriptor.digest, {}, ctx, done);
    });
    QVERIFY(referrers.ok());
    QCOMPARE(referrers->referrers.size(), 1);
    QCOMPARE(referrers->referrers.first().digest.toString(), NotationSignature);
    // No temp files left behind in blobs/.
    const QStringList leftovers =
        QDir(dir.path() + QStringLiteral("/out/blobs")).entryList(QDir::Files | QDir::Hidden);
    QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(u' ')));
}

void TestOciLayout::interopWithSkopeoAndOras()
{
    OCULAR_REQUIRE_FIXTURE(Regclient);
    const QString skopeo = QStandardPaths::findExecutable(QStringLiteral("skopeo"));
    const QString oras = QStringLiteral(OCULAR_BINARY_DIR "/tools/usr/bin/oras");
    if (skopeo.isEmpty() || !QFileInfo(oras).isExecutable())
        QSKIP("skopeo (apt-get install skopeo) or oras (build/default/tools) is missing");
    test::TestRegistry registry;
    QVERIFY2(registry.ok(), qPrintable(registry.errorMessage()));
    auto stack = test::makeStack(registry.hostPort());
    QVERIFY(stack);
    ContentSource *remote = stack->source();

    // oci:DIR -> registry with Ocular: the registry serves the layout's digest.
    OciLayoutSource fixture(test::fixturePath(Regclient));
    ContentCopier up(&fixture, remote);
    auto pushed = waitFor<CopyResult>(
        [&](QObject *ctx, auto done) {
            return up.copy(fixture.repositoryName(), QStringLiteral("v1"),
                           QStringLiteral("lay/repo"), QStringLiteral("v1"), CopyOptions{}, ctx,
                           done);
        },
        120000);
    QVERIFY2(pushed.ok(), qPrintable(pushed ? QString() : pushed.error().toString()));
    const QString expected =
        QStringLiteral("sha256:7ceb9b6bcc274697d0c38be6214b50cec79d601bc61708747d3f6cb772f6c6fa");
    QCOMPARE(pushed->root.toString(), expected);
    Run inspect = run(skopeo, {QStringLiteral("inspect"), QStringLiteral("--raw"),
                               QStringLiteral("--tls-verify=false"),
                               QStringLiteral("docker://%1/lay/repo:v1").arg(registry.hostPort())});
    QVERIFY2(inspect.exitCode == 0, inspect.err.constData());
    QCOMPARE(Digest::sha256(inspect.out).toString(), expected);

    // skopeo copy registry -> oci:DIR, then Ocular reads it.
    QTemporaryDir dir;
    const QString bySkopeo = dir.path() + QStringLiteral("/skopeo");
    Run copy =
        run(skopeo, {QStringLiteral("copy"), QStringLiteral("--all"),
                     QStringLiteral("--preserve-digests"), QStringLiteral("--src-tls-verify=false"),
                     QStringLiteral("docker://%1/lay/repo:v1").arg(registry.hostPort()),
                     QStringLiteral("oci:%1:v1").arg(bySkopeo)});
    QVERIFY2(copy.exitCode == 0, copy.err.constData());
    OciLayoutSource skopeoLayout(bySkopeo);
    auto read = waitFor<SourceManifest>([&](QObject *ctx, auto done) {
        return skopeoLayout.manifest({}, QStringLiteral("v1"), ctx, done);
    });
    QVERIFY2(read.ok(), qPrintable(read ? QString() : read.error().toString()));
    QCOMPARE(read->manifest.digest().toString(), expected);

    // Ocular copies registry -> oci:DIR; skopeo and oras read the same bytes.
    const QString byOcular = dir.path() + QStringLiteral("/ocular");
    OciLayoutSource ours(byOcular);
    QVERIFY(ours.create().ok());
    ContentCopier down(remote, &ours);
    auto pulled = waitFor<CopyResult>(
        [&](QObject *ctx, auto done) {
            return down.copy(QStringLiteral("lay/repo"), QStringLiteral("v1"),
                             ours.repositoryName(), QStringLiteral("v1"), CopyOptions{}, ctx, done);
        },
        120000);
    QVERIFY2(pulled.ok(), qPrintable(pulled ? QString() : pulled.error().toString()));
    inspect = run(skopeo, {QStringLiteral("inspect"), QStringLiteral("--raw"),
                           QStringLiteral("oci:%1:v1").arg(byOcular)});
    QVERIFY2(inspect.exitCode == 0, inspect.err.constData());
    QCOMPARE(Digest::sha256(inspect.out).toString(), expected);
    Run fetch = run(oras, {QStringLiteral("manifest"), QStringLiteral("fetch"),
                           QStringLiteral("--oci-layout"), byOcular + QStringLiteral(":v1")});
    QVERIFY2(fetch.exitCode == 0, fetch.err.constData());
    QCOMPARE(fetch.out, inspect.out);
    // skopeo can copy every platform's blobs out of Ocular's layout (it checks them all).
    Run again = run(skopeo, {QStringLiteral("copy"), QStringLiteral("--all"),
                             QStringLiteral("--preserve-digests"),
                             QStringLiteral("oci:%1:v1").arg(byOcular),
                             QStringLiteral("oci:%1/again:v1").arg(dir.path())});
    QVERIFY2(again.exitCode == 0, again.err.constData());

    // The same through ocular-cli: registry -> oci:DIR and oci:DIR -> registry.
    const QString cli = QStringLiteral(OCULAR_BINARY_DIR "/app/ocular-cli");
    const QString viaCli = dir.path() + QStringLiteral("/cli");
    Run pull =
        run(cli, {QStringLiteral("copy"), registry.hostPort() + QStringLiteral("/lay/repo:v1"),
                  QStringLiteral("oci:") + viaCli + QStringLiteral(":v1")});
    QVERIFY2(pull.exitCode == 0, pull.err.constData());
    QCOMPARE(pull.out.trimmed(), expected.toLatin1());
    fetch = run(oras, {QStringLiteral("manifest"), QStringLiteral("fetch"),
                       QStringLiteral("--oci-layout"), viaCli + QStringLiteral(":v1")});
    QCOMPARE(Digest::sha256(fetch.out).toString(), expected);
    Run push =
        run(cli, {QStringLiteral("copy"), QStringLiteral("oci:") + viaCli + QStringLiteral(":v1"),
                  registry.hostPort() + QStringLiteral("/lay/back:v2")});
    QVERIFY2(push.exitCode == 0, push.err.constData());
    inspect = run(skopeo, {QStringLiteral("inspect"), QStringLiteral("--raw"),
                           QStringLiteral("--tls-verify=false"),
                           QStringLiteral("docker://%1/lay/back:v2").arg(registry.hostPort())});
    QVERIFY2(inspect.exitCode == 0, inspect.err.constData());
    QCOMPARE(Digest::sha256(inspect.out).toString(), expected);
}

void TestOciLayout::cliUsesLayouts()
{
    OCULAR_REQUIRE_FIXTURE(Regclient);
    OCULAR_REQUIRE_FIXTURE(Notation);
    const QString cli = QStringLiteral(OCULAR_BINARY_DIR "/app/ocular-cli");
    QVERIFY2(QFileInfo(cli).isExecutable(), "ocular-cli is not built");
    const QString regclient = QStringLiteral("oci:") + test::fixturePath(Regclient);
    Run tags = run(cli, {QStringLiteral("tags"), regclient});
    QVERIFY2(tags.exitCode == 0, tags.err.constData());
    QVERIFY(tags.out.split('\n').contains("v1"));
    Run manifest = run(cli, {QStringLiteral("manifest"), regclient + QStringLiteral(":v1")});
    QVERIFY2(manifest.exitCode == 0, manifest.err.constData());
    QCOMPARE(
        Digest::sha256(manifest.out).toString(),
        QStringLiteral("sha256:7ceb9b6bcc274697d0c38be6214b50cec79d601bc61708747d3f6cb772f6c6fa"));
    // ls lists the layout's one repository; blob writes a blob's verified bytes.
    Run ls = run(cli, {QStringLiteral("ls"), regclient});
    QVERIFY2(ls.exitCode == 0, ls.err.constData());
    QCOMPARE(ls.out.trimmed(), QByteArray("regclient-testrepo"));
    Run child = run(cli, {QStringLiteral("manifest"),
                          regclient + QStringLiteral("@sha256:1effc9d48232693f4584ceb9c5e8d84ddeb"
                                                     "5924ea4aff341aa8204510422f668")});
    QVERIFY2(child.exitCode == 0, child.err.constData());
    const QString config = QJsonDocument::fromJson(child.out)
                               .object()
                               .value(QLatin1String("config"))
                               .toObject()
                               .value(QLatin1String("digest"))
                               .toString();
    QVERIFY2(config.startsWith(QLatin1String("sha256:")), child.out.constData());
    Run blob = run(cli, {QStringLiteral("blob"), regclient + QLatin1Char('@') + config});
    QVERIFY2(blob.exitCode == 0, blob.err.constData());
    QCOMPARE(Digest::sha256(blob.out).toString(), config);
    Run absent = run(cli, {QStringLiteral("blob"),
                           regclient + QLatin1Char('@') + Digest::sha256("absent").toString()});
    QCOMPARE(absent.exitCode, 1);
    QVERIFY2(absent.err.contains("missing"), absent.err.constData());
    Run blobByTag = run(cli, {QStringLiteral("blob"), regclient + QStringLiteral(":v1")});
    QCOMPARE(blobByTag.exitCode, 2);
    Run tree =
        run(cli, {QStringLiteral("tree"),
                  QStringLiteral("oci:") + test::fixturePath(Notation) + QStringLiteral(":v1")});
    QVERIFY2(tree.exitCode == 0, tree.err.constData());
    QVERIFY(tree.out.contains(NotationSignature.toLatin1()));
    Run audit =
        run(cli, {QStringLiteral("audit"), QStringLiteral("--format"), QStringLiteral("csv"),
                  QStringLiteral("oci:") + test::fixturePath(Notation)});
    QVERIFY2(audit.exitCode == 0, audit.err.constData());
    QVERIFY2(audit.out.contains("v1") && audit.out.contains("Notation"), audit.out.constData());
    // Copy layout -> new layout, then read the copy by tag.
    QTemporaryDir dir;
    const QString target = QStringLiteral("oci:") + dir.path() + QStringLiteral("/copy");
    Run copy = run(cli, {QStringLiteral("copy"), regclient + QStringLiteral(":v1"),
                         target + QStringLiteral(":copied")});
    QVERIFY2(copy.exitCode == 0, copy.err.constData());
    Run digest = run(cli, {QStringLiteral("digest"), target + QStringLiteral(":copied")});
    QVERIFY2(digest.exitCode == 0, digest.err.constData());
    QCOMPARE(digest.out.trimmed(),
             QByteArray("sha256:7ceb9b6bcc274697d0c38be6214b50cec79d601bc61708747d3f6cb772f6c6fa"));
    // push, attach and tag write into a layout: index.json names the new tags, and the
    // attached file is a referrer of its subject there.
    const QString file = dir.path() + QStringLiteral("/notes.txt");
    writeFile(file, "reviewed\n");
    Run pushed = run(cli, {QStringLiteral("push"), target + QStringLiteral(":notes"), file,
                           QStringLiteral("--artifact-type"), QStringLiteral("text/x-notes")});
    QVERIFY2(pushed.exitCode == 0, pushed.err.constData());
    const QByteArray pushedDigest = pushed.out.trimmed().split('\n').last();
    Run readBack = run(cli, {QStringLiteral("manifest"), target + QStringLiteral(":notes")});
    QCOMPARE(Digest::sha256(readBack.out).toString().toLatin1(), pushedDigest);
    Run tagged = run(
        cli, {QStringLiteral("tag"), target + QStringLiteral(":copied"), QStringLiteral("again")});
    QVERIFY2(tagged.exitCode == 0, tagged.err.constData());
    Run attached = run(cli, {QStringLiteral("attach"), target + QStringLiteral(":copied"), file,
                             QStringLiteral("--artifact-type"), QStringLiteral("text/x-review")});
    QVERIFY2(attached.exitCode == 0, attached.err.constData());
    QVERIFY2(attached.err.contains("no fallback tag"), attached.err.constData());
    const QByteArray attachedDigest = attached.out.trimmed().split('\n').last();
    Run copiedTags = run(cli, {QStringLiteral("tags"), target});
    const QList<QByteArray> names = copiedTags.out.split('\n');
    QVERIFY2(names.contains("again") && names.contains("notes") && names.contains("copied"),
             copiedTags.out.constData());
    for (const QByteArray &name : names)
        QVERIFY2(!name.startsWith("sha256-"), copiedTags.out.constData()); // no fallback tag
    Run referrers = run(cli, {QStringLiteral("tree"), target + QStringLiteral(":again")});
    QVERIFY2(referrers.out.contains(attachedDigest), referrers.out.constData());
    Run pushDigest = run(cli, {QStringLiteral("push"),
                               target + QLatin1Char('@') + QString::fromLatin1(pushedDigest), file,
                               QStringLiteral("--artifact-type"), QStringLiteral("text/x-notes")});
    QCOMPARE(pushDigest.exitCode, 2);

    // Hostile input: clear errors, no crash.
    Run traversal = run(
        cli, {QStringLiteral("manifest"), regclient + QStringLiteral("@sha256:../../etc/passwd")});
    QCOMPARE(traversal.exitCode, 2);
    QVERIFY2(traversal.err.contains("not an OCI layout reference"), traversal.err.constData());
    writeFile(dir.path() + QStringLiteral("/copy/index.json"), "[not json");
    Run broken = run(cli, {QStringLiteral("tags"), target});
    QCOMPARE(broken.exitCode, 1);
    QVERIFY2(broken.err.contains("index.json"), broken.err.constData());
    Run missing = run(cli, {QStringLiteral("copy"), regclient, target + QStringLiteral(":x")});
    QCOMPARE(missing.exitCode, 2); // a source layout needs a tag or digest
    Run untagged = run(
        cli, {QStringLiteral("copy"),
              regclient +
                  QStringLiteral(
                      "@sha256:7ceb9b6bcc274697d0c38be6214b50cec79d601bc61708747d3f6cb772f6c6fa"),
              QStringLiteral("oci:") + dir.path() + QStringLiteral("/untagged")});
    QCOMPARE(untagged.exitCode, 2); // nothing in index.json would name it
    QVERIFY(!QFileInfo::exists(dir.path() + QStringLiteral("/untagged/index.json")));
}

QTEST_GUILESS_MAIN(TestOciLayout)
#include "tst_ocilayout.moc"
