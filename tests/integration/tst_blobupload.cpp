// BlobUploader against a real docker-registry: HEAD-skip, a cross-repository mount, monolithic
// and chunked uploads from disk (the blob read back byte for byte), progress, and, through the
// fault proxy (a fake for what a healthy registry never does on demand), a reset mid-chunk and
// a 416 recovered by asking the session for its Range, and a cancel that DELETEs the session.
#include "support/asyncwait.h"
#include "support/faultproxy.h"
#include "support/testregistry.h"
#include "support/teststack.h"

#include "registry/blobuploader.h"
#include "registry/registryclient.h"
#include "source/contentsource.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace ocular;
using ocular::test::FaultProxy;
using ocular::test::waitFor;

namespace {

const QString Repo = QStringLiteral("uploads/app");

/// A file of `size` pseudo-random bytes (seeded: the same on every run).
QString writeRandomFile(const QTemporaryDir &dir, const QString &name, qint64 size, quint32 seed)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    QRandomGenerator random(seed);
    QByteArray block(64 * 1024, Qt::Uninitialized);
    for (qint64 written = 0; written < size; written += block.size()) {
        random.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
        file.write(block.constData(), qMin<qint64>(block.size(), size - written));
    }
    return path;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

BlobPayload hashed(const QString &path)
{
    QObject context;
    const auto payload = waitFor<BlobPayload>([&](QObject *ctx, auto done) {
        BlobPayload::fromFile(path, ctx, done);
        return RequestHandle();
    });
    return payload.ok() ? payload.value() : BlobPayload();
}

Result<BlobUploadResult> upload(BlobUploader &uploader, const QString &repository,
                                const BlobPayload &payload, const BlobUploadOptions &options,
                                QList<TransferProgress> *progress = nullptr)
{
    return waitFor<BlobUploadResult>(
        [&](QObject *ctx, auto done) {
            return uploader.upload(repository, payload, options, ctx, done,
                                   [progress](const TransferProgress &p) {
                                       if (progress)
                                           progress->append(p);
                                   });
        },
        120000);
}

QByteArray fetchBlob(RegistryStack &stack, const QString &repository, const Digest &digest)
{
    const auto bytes = waitFor<QByteArray>([&](QObject *ctx, auto done) {
        return stack.source()->blobBytes(repository, digest, 64 * 1024 * 1024, ctx, done);
    });
    return bytes.ok() ? bytes.value() : QByteArray();
}

} // namespace

class TestBlobUpload : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void monolithicThenSkipped();
    void chunkedFromDiskWithProgress();
    void mountedFromAnotherRepository();
    void resetMidChunkIsResumed();
    void a416IsRecoveredFromTheSessionsRange();
    void cancelDeletesTheSession();
    void aMissingFileIsAClearError();
};

void TestBlobUpload::monolithicThenSkipped()
{
    OCULAR_TEST_REGISTRY(registry);
    auto stack = test::makeStack(registry.hostPort());
    QVERIFY(stack);
    BlobUploader uploader(stack->client());
    const BlobPayload payload = BlobPayload::fromBytes("a small blob");
    const auto first = upload(uploader, Repo, payload, {});
    QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().toString()));
    QCOMPARE(first->route, BlobUploadResult::Route::Monolithic);
    QCOMPARE(fetchBlob(*stack, Repo, payload.digest), payload.bytes);

    const qint64 before = stack->client()->http()->attemptsStarted();
    const auto again = upload(uploader, Repo, payload, {});
    QVERIFY(again.ok());
    QCOMPARE(again->route, BlobUploadResult::Route::AlreadyPresent);
    QCOMPARE(stack->client()->http()->attemptsStarted() - before, 1); // the HEAD, nothing else
}

void TestBlobUpload::chunkedFromDiskWithProgress()
{
    OCULAR_TEST_REGISTRY(registry);
    auto stack = test::makeStack(registry.hostPort());
    QVERIFY(stack);
    QTemporaryDir dir;
    const qint64 size = 5 * 1024 * 1024 + 12345;
    const QString path = writeRandomFile(dir, QStringLiteral("big.bin"), size, 7);
    const BlobPayload payload = hashed(path);
    QCOMPARE(payload.size, size);
    QVERIFY(payload.bytes.isEmpty()); // streamed, not loaded
    BlobUploader uploader(stack->client());
    BlobUploadOptions options;
    options.monolithicLimit = 1024 * 1024;
    options.chunkSize = 2 * 1024 * 1024;
    QList<TransferProgress> progress;
    const auto result = upload(uploader, Repo, payload, options, &progress);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(result->route, BlobUploadResult::Route::Chunked);
    QCOMPARE(result->chunks, 3);
    QCOMPARE(result->resumes, 0);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().bytesDone, size);
    QCOMPARE(progress.last().bytesTotal, size);
    for (int i = 1; i < progress.size(); ++i)
        QVERIFY(progress.at(i).bytesDone >= progress.at(i - 1).bytesDone);
    QCOMPARE(fetchBlob(*stack, Repo, payload.digest), readFile(path));
}

void TestBlobUpload::mountedFromAnotherRepository()
{
    OCULAR_TEST_REGISTRY(registry);
    auto stack = test::makeStack(registry.hostPort());
    QVERIFY(stack);
    BlobUploader uploader(stack->client());
    const BlobPayload payload = BlobPayload::fromBytes("shared base layer");
    QVERIFY(upload(uploader, QStringLiteral("uploads/base"), payload, {}).ok());
    BlobUploadOptions options;
    options.mountFrom = {QStringLiteral("uploads/base")};
    const auto mounted = upload(uploader, Repo, payload, options);
    QVERIFY2(mounted.ok(), qPrintable(mounted.ok() ? QString() : mounted.error().toString()));
    QCOMPARE(mounted->route, BlobUploadResult::Route::Mounted);
    QCOMPARE(mounted->mountedFrom, QStringLiteral("uploads/base"));
    QCOMPARE(fetchBlob(*stack, Repo, payload.digest), payload.bytes);

    // A repository that does not have it: the registry opens an ordinary upload instead.
    const BlobPayload other = BlobPayload::fromBytes("not in base");
    const auto uploaded = upload(uploader, QStringLiteral("uploads/other"), other, options);
    QVERIFY(uploaded.ok());
    QCOMPARE(uploaded->route, BlobUploadResult::Route::Monolithic);
    QCOMPARE(fetchBlob(*stack, QStringLiteral("uploads/other"), other.digest), other.bytes);
}

void TestBlobUpload::resetMidChunkIsResumed()
{
    OCULAR_TEST_REGISTRY(registry);
    FaultProxy proxy(QUrl(registry.baseUrl()));
    QVERIFY(proxy.listen());
    // The second chunk's connection is reset, the registry never gets it. Qt itself re-sends
    // a request whose connection closed before any answer, twice: three resets get through.
    auto rule = FaultProxy::rule("PATCH", QStringLiteral("/v2/.*/blobs/uploads/"),
                                 FaultProxy::Action::Reset);
    rule.times = 3;
    auto first = FaultProxy::rule("PATCH", QStringLiteral("/v2/.*/blobs/uploads/"),
                                  FaultProxy::Action::Pass);
    first.times = 1;
    proxy.addRule(first);
    const int reset = proxy.addRule(rule);
    auto stack = test::makeStack(proxy.hostPort());
    QVERIFY(stack);
    QTemporaryDir dir;
    const QString path = writeRandomFile(dir, QStringLiteral("resume.bin"), 3 * 1024 * 1024, 11);
    const BlobPayload payload = hashed(path);
    BlobUploader uploader(stack->client());
    BlobUploadOptions options;
    options.monolithicLimit = 512 * 1024;
    options.chunkSize = 1024 * 1024;
    const auto result = upload(uploader, Repo, payload, options);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(proxy.hits(reset), 3);
    QCOMPARE(result->resumes, 1);
    QCOMPARE(result->route, BlobUploadResult::Route::Chunked);
    QCOMPARE(result->chunks, 3);
    // The session was asked where it stood, once.
    QCOMPARE(proxy.countMatching("GET", QStringLiteral("/v2/.*/blobs/uploads/")), 1);
    QCOMPARE(fetchBlob(*stack, Repo, payload.digest), readFile(path));
}

void TestBlobUpload::a416IsRecoveredFromTheSessionsRange()
{
    OCULAR_TEST_REGISTRY(registry);
    FaultProxy proxy(QUrl(registry.baseUrl()));
    QVERIFY(proxy.listen());
    auto first = FaultProxy::rule("PATCH", QStringLiteral("/v2/.*/blobs/uploads/"),
                                  FaultProxy::Action::Pass);
    first.times = 1;
    proxy.addRule(first);
    auto refuse = FaultProxy::rule("PATCH", QStringLiteral("/v2/.*/blobs/uploads/"),
                                   FaultProxy::Action::Respond);
    refuse.times = 1;
    refuse.status = 416;
    refuse.body = R"({"errors":[{"code":"BLOB_UPLOAD_INVALID","message":"out of order"}]})";
    const int refused = proxy.addRule(refuse);
    auto stack = test::makeStack(proxy.hostPort());
    QVERIFY(stack);
    QTemporaryDir dir;
    const QString path = writeRandomFile(dir, QStringLiteral("416.bin"), 2 * 1024 * 1024 + 7, 13);
    const BlobPayload payload = hashed(path);
    BlobUploader uploader(stack->client());
    BlobUploadOptions options;
    options.monolithicLimit = 512 * 1024;
    options.chunkSize = 1024 * 1024;
    const auto result = upload(uploader, Repo, payload, options);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(proxy.hits(refused), 1);
    QCOMPARE(result->resumes, 1);
    QCOMPARE(fetchBlob(*stack, Repo, payload.digest), readFile(path));
}

void TestBlobUpload::cancelDeletesTheSession()
{
    OCULAR_TEST_REGISTRY(registry);
    FaultProxy proxy(QUrl(registry.baseUrl()));
    QVERIFY(proxy.listen());
    // Chunks crawl, so the cancel lands mid-upload.
    auto slow = FaultProxy::rule("PATCH", QStringLiteral("/v2/.*/blobs/uploads/"),
                                 FaultProxy::Action::Delay);
    slow.delayMs = 400;
    proxy.addRule(slow);
    auto stack = test::makeStack(proxy.hostPort());
    QVERIFY(stack);
    QTemporaryDir dir;
    const QString path = writeRandomFile(dir, QStringLiteral("cancel.bin"), 4 * 1024 * 1024, 17);
    const BlobPayload payload = hashed(path);
    BlobUploader uploader(stack->client());
    BlobUploadOptions options;
    options.monolithicLimit = 512 * 1024;
    options.chunkSize = 1024 * 1024;
    QEventLoop loop;
    std::optional<Result<BlobUploadResult>> outcome;
    const RequestHandle handle =
        uploader.upload(Repo, payload, options, &loop, [&](Result<BlobUploadResult> r) {
            outcome = r;
            loop.quit();
        });
    QTimer::singleShot(600, &loop, [&] { handle.cancel(); });
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    loop.exec();
    QVERIFY(outcome.has_value());
    QVERIFY(!outcome->ok());
    QCOMPARE(outcome->error().kind, ErrorKind::Cancelled);
    QTRY_COMPARE_WITH_TIMEOUT(
        proxy.countMatching("DELETE", QStringLiteral("/v2/.*/blobs/uploads/")), 1, 5000);
    const auto present = waitFor<bool>([&](QObject *ctx, auto done) {
        return stack->client()->blobExists(Repo, payload.digest, ctx, done);
    });
    QVERIFY(present.ok());
    QVERIFY(!present.value());
}

void TestBlobUpload::aMissingFileIsAClearError()
{
    const auto payload = waitFor<BlobPayload>([&](QObject *ctx, auto done) {
        BlobPayload::fromFile(QStringLiteral("/nonexistent/ocular/file.bin"), ctx, done);
        return RequestHandle();
    });
    QVERIFY(!payload.ok());
    QCOMPARE(payload.error().kind, ErrorKind::InvalidInput);
    QVERIFY(payload.error().message.contains(QStringLiteral("/nonexistent/ocular/file.bin")));
}

QTEST_GUILESS_MAIN(TestBlobUpload)
#include "tst_blobupload.moc"
