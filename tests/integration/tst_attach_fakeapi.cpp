// Attaching where the registry has the referrers API, and where it honours If-Match: both
// against the FAKE referrers registry (tests/support), because no packaged registry does either.
// With OCI-Subject in the push's answer nothing else is written; without the API, concurrent
// attaches meet 412s, re-read, merge and all land.
#include "support/asyncwait.h"
#include "support/fakereferrersregistry.h"
#include "support/testmanifests.h"
#include "support/teststack.h"

#include "content/mediatype.h"
#include "referrers/fallbackindex.h"
#include "source/contentsource.h"
#include "write/artifactpusher.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ocular;
using ocular::test::FakeReferrersRegistry;
using ocular::test::waitFor;

namespace {

const QString Repo = QStringLiteral("team/app");

Descriptor subjectOf(const QByteArray &raw)
{
    Descriptor d;
    d.mediaType = mediatype::OciManifest;
    d.digest = Digest::sha256(raw);
    d.size = raw.size();
    return d;
}

ArtifactRequest attachment(const QString &file, const Descriptor &subject)
{
    ArtifactRequest request;
    request.repository = Repo;
    request.artifactType = QStringLiteral("application/spdx+json");
    request.files = {ArtifactFile{file, QStringLiteral("application/spdx+json"), {}}};
    request.subject = subject;
    request.created = QStringLiteral("2026-12-01T00:00:00Z");
    return request;
}

Result<ArtifactPushResult> pushNow(ArtifactPusher &pusher, const ArtifactRequest &request)
{
    const auto prepared = waitFor<PreparedArtifact>([&](QObject *ctx, auto done) {
        pusher.prepare(request, ctx, done);
        return RequestHandle();
    });
    if (!prepared.ok())
        return prepared.error();
    return waitFor<ArtifactPushResult>(
        [&](QObject *ctx, auto done) { return pusher.push(prepared.value(), ctx, done); });
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(bytes);
    return file.fileName();
}

} // namespace

class TestAttachFakeApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ociSubjectMeansNoFallbackTag();
    void missingOciSubjectFallsBackToTheTag();
    void concurrentAttachesMeet412AndMerge();
};

void TestAttachFakeApi::ociSubjectMeansNoFallbackTag()
{
    FakeReferrersRegistry fake;
    QVERIFY(fake.start());
    const QByteArray image = test::image(QStringLiteral("api"));
    fake.addManifest(Repo, image, QStringLiteral("v1"));
    auto stack = test::makeStack(fake.hostPort());
    QVERIFY(stack);
    QTemporaryDir dir;
    ArtifactPusher pusher(stack->source());
    const auto pushed = pushNow(
        pusher, attachment(writeFile(dir, QStringLiteral("a.spdx.json"), "{}"), subjectOf(image)));
    QVERIFY2(pushed.ok(), qPrintable(pushed.ok() ? QString() : pushed.error().toString()));
    QVERIFY(pushed->subjectRecorded);
    QVERIFY(!pushed->fallback.has_value());
    const QString tag = Digest::sha256(image).fallbackTag();
    QCOMPARE(fake.manifestPuts(Repo, tag), 0);
    QVERIFY(!fake.hasTag(Repo, tag));
}

void TestAttachFakeApi::missingOciSubjectFallsBackToTheTag()
{
    FakeReferrersRegistry fake;
    QVERIFY(fake.start());
    // An API that lists referrers but does not say OCI-Subject on a push: the client must
    // write the fallback tag itself (PROTOCOL §5).
    fake.setSubjectHeader(false);
    const QByteArray image = test::image(QStringLiteral("quiet"));
    fake.addManifest(Repo, image, QStringLiteral("v1"));
    auto stack = test::makeStack(fake.hostPort());
    QVERIFY(stack);
    QTemporaryDir dir;
    ArtifactPusher pusher(stack->source());
    const auto pushed = pushNow(
        pusher, attachment(writeFile(dir, QStringLiteral("b.spdx.json"), "{}"), subjectOf(image)));
    QVERIFY(pushed.ok());
    QVERIFY(!pushed->subjectRecorded);
    QVERIFY(pushed->fallback.has_value());
    QVERIFY(fake.hasTag(Repo, Digest::sha256(image).fallbackTag()));
}

void TestAttachFakeApi::concurrentAttachesMeet412AndMerge()
{
    FakeReferrersRegistry fake;
    QVERIFY(fake.start());
    fake.setApiMode(FakeReferrersRegistry::ApiMode::NotFoundPlain);
    fake.setConditionalWrites(true);
    const QByteArray image = test::image(QStringLiteral("race"));
    fake.addManifest(Repo, image, QStringLiteral("v1"));
    auto stack = test::makeStack(fake.hostPort());
    QVERIFY(stack);
    QTemporaryDir dir;
    ArtifactPusher pusher(stack->source());
    // One attach first, so every later writer reads an ETag.
    QVERIFY(pushNow(pusher, attachment(writeFile(dir, QStringLiteral("0.json"), "{\"n\":0}"),
                                       subjectOf(image)))
                .ok());
    constexpr int Writers = 6;
    QList<PreparedArtifact> prepared;
    for (int i = 1; i <= Writers; ++i) {
        const QString file = writeFile(dir, QStringLiteral("%1.json").arg(i),
                                       QByteArray("{\"n\":") + QByteArray::number(i) + '}');
        const auto p = waitFor<PreparedArtifact>([&](QObject *ctx, auto done) {
            pusher.prepare(attachment(file, subjectOf(image)), ctx, done);
            return RequestHandle();
        });
        QVERIFY(p.ok());
        prepared.append(p.value());
    }
    QEventLoop loop;
    QList<Result<ArtifactPushResult>> results;
    for (const PreparedArtifact &artifact : prepared) {
        pusher.push(artifact, &loop, [&](Result<ArtifactPushResult> r) {
            results.append(r);
            if (results.size() == Writers)
                loop.quit();
        });
    }
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();
    QCOMPARE(results.size(), Writers);
    for (const auto &r : results) {
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QCOMPARE(r->fallback->guard, FallbackIndexChange::Guard::IfMatch);
    }
    QVERIFY(fake.preconditionFailures() > 0);
    const auto raw = waitFor<RawManifest>([&](QObject *ctx, auto done) {
        return stack->source()->rawManifest(Repo, Digest::sha256(image).fallbackTag(), ctx, done);
    });
    QVERIFY(raw.ok());
    QCOMPARE(FallbackIndex::parse(raw->raw)->entries().size(), Writers + 1);
}

QTEST_GUILESS_MAIN(TestAttachFakeApi)
#include "tst_attach_fakeapi.moc"
