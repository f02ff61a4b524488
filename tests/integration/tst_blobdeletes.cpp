// Blob deletes against a real docker-registry 2.8 (issue 11): `ocular-cli delete REPO@DIGEST
// --blob` deletes a blob no manifest uses, refuses one a pushed manifest uses (naming it)
// unless forced, explains a registry with deletes disabled (405 UNSUPPORTED) and changes
// nothing, and refuses an invalid digest before any request. Whether the blob is there is read
// back with a HEAD through the product's RegistryClient.
#include "support/asyncwait.h"
#include "support/faultproxy.h"
#include "support/testregistry.h"
#include "support/teststack.h"

#include "content/manifestbuilder.h"
#include "content/mediatype.h"
#include "registry/registryclient.h"
#include "source/contentsource.h"

#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace ocular;
using ocular::test::waitFor;

namespace {

const QString Repo = QStringLiteral("team/app");

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

bool haveCli()
{
    return QFileInfo(QStringLiteral(OCULAR_BINARY_DIR "/app/ocular-cli")).isExecutable();
}

/// The registry as the tests see it: the product's stack on a started docker-registry.
class Fixture
{
public:
    explicit Fixture(const QString &hostPort)
        : m_stack(test::makeStack(hostPort))
        , hostPort(hostPort)
    {}

    ContentSource *source() const { return m_stack->source(); }
    QString at(const Digest &digest) const
    {
        return hostPort + QLatin1Char('/') + Repo + QLatin1Char('@') + digest.toString();
    }

    Digest pushBlob(const QByteArray &bytes)
    {
        auto pushed = waitFor<Digest>(
            [&](QObject *ctx, auto done) { return source()->pushBlob(Repo, bytes, ctx, done); });
        if (!pushed.ok()) {
            qWarning("blob: %s", qPrintable(pushed.error().toString()));
            return {};
        }
        return pushed.value();
    }

    bool push(const BuiltManifest &m, const QString &tag)
    {
        for (const ContentBlob &blob : m.blobs)
            if (!pushBlob(blob.bytes).isValid())
                return false;
        auto pushed = waitFor<PushedContent>([&](QObject *ctx, auto done) {
            return source()->pushManifest(Repo, tag, m.raw, m.mediaType, ctx, done);
        });
        if (!pushed.ok())
            qWarning("manifest: %s", qPrintable(pushed.error().toString()));
        return pushed.ok();
    }

    /// HEAD /v2/<repo>/blobs/<digest>, never answered from a cache.
    std::optional<bool> blobExists(const Digest &digest)
    {
        auto exists = waitFor<bool>([&](QObject *ctx, auto done) {
            return m_stack->client()->blobExists(Repo, digest, ctx, done);
        });
        if (!exists.ok()) {
            qWarning("HEAD: %s", qPrintable(exists.error().toString()));
            return std::nullopt;
        }
        return exists.value();
    }

private:
    std::unique_ptr<RegistryStack> m_stack;

public:
    const QString hostPort;
};

BuiltManifest image(const QString &salt, ContentBlob *layerOut = nullptr)
{
    const ContentBlob config{"{\"salt\":\"" + salt.toUtf8() + "\"}", QString(mediatype::OciConfig)};
    const ContentBlob layer{"layer " + salt.toUtf8(), QString(mediatype::OciLayerTarGzip)};
    if (layerOut)
        *layerOut = layer;
    return ManifestBuilder().image(QString(mediatype::OciManifest), config, {{layer, {}}}).value();
}

} // namespace

class TestBlobDeletes : public QObject
{
    Q_OBJECT

    // The CLI writes its activity log under the data home: a temporary one per test run.
    QTemporaryDir m_home;

    Run cli(const QStringList &args)
    {
        QProcess p;
        // stdin is not a terminal: without --yes the CLI must refuse.
        p.setStandardInputFile(QProcess::nullDevice());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(OCULAR_BINARY_DIR "/app/ocular-cli"), args);
        Run r;
        if (!p.waitForFinished(120000))
            return r;
        r.code = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

private Q_SLOTS:
    void unreferencedBlobIsDeleted()
    {
        if (!haveCli())
            QSKIP("build the ocular-cli target first");
        OCULAR_TEST_REGISTRY(registry);
        Fixture f(registry.hostPort());
        QVERIFY(f.push(image(QStringLiteral("other")), QStringLiteral("v1")));
        const Digest blob = f.pushBlob("a blob no manifest names");
        QVERIFY(blob.isValid());
        QCOMPARE(f.blobExists(blob), std::optional<bool>(true));

        // A dry run says it is unused and changes nothing.
        const Run dry = cli({QStringLiteral("delete"), f.at(blob), QStringLiteral("--blob"),
                             QStringLiteral("--dry-run")});
        QCOMPARE(dry.code, 0);
        QVERIFY2(dry.out.contains("No manifest of the repository"), dry.out.constData());
        QVERIFY2(dry.err.contains("nothing was changed"), dry.err.constData());
        QCOMPARE(f.blobExists(blob), std::optional<bool>(true));

        // Without --yes and without a terminal: refused.
        const Run unconfirmed =
            cli({QStringLiteral("delete"), f.at(blob), QStringLiteral("--blob")});
        QCOMPARE(unconfirmed.code, 2);
        QVERIFY2(unconfirmed.err.contains("not a terminal"), unconfirmed.err.constData());
        QCOMPARE(f.blobExists(blob), std::optional<bool>(true));

        const Run run = cli({QStringLiteral("delete"), f.at(blob), QStringLiteral("--blob"),
                             QStringLiteral("--yes")});
        QVERIFY2(run.code == 0, run.err.constData());
        QVERIFY2(run.out.contains("Deleted the blob") && run.out.contains("garbage-collect"),
                 run.out.constData());
        QCOMPARE(f.blobExists(blob), std::optional<bool>(false));

        // Again: the registry's 404, explained.
        const Run again = cli({QStringLiteral("delete"), f.at(blob), QStringLiteral("--blob"),
                               QStringLiteral("--yes")});
        QCOMPARE(again.code, 1);
        QVERIFY2(again.err.contains("is not there"), again.err.constData());
    }

    void usedBlobNeedsForce()
    {
        if (!haveCli())
            QSKIP("build the ocular-cli target first");
        OCULAR_TEST_REGISTRY(registry);
        Fixture f(registry.hostPort());
        ContentBlob layer;
        const BuiltManifest a = image(QStringLiteral("a"), &layer);
        QVERIFY(f.push(a, QStringLiteral("v1")));
        const Digest blob = Digest::sha256(layer.bytes);
        QCOMPARE(f.blobExists(blob), std::optional<bool>(true));

        const Run refused = cli({QStringLiteral("delete"), f.at(blob), QStringLiteral("--blob"),
                                 QStringLiteral("--yes")});
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.out.contains("Still used by 1 manifest(s)") &&
                     refused.out.contains(a.digest.toString().toUtf8()) &&
                     refused.out.contains("tags v1"),
                 refused.out.constData());
        QVERIFY2(refused.err.contains(a.digest.toString().toUtf8()) &&
                     refused.err.contains("--force") && refused.err.contains("Nothing was changed"),
                 refused.err.constData());
        QCOMPARE(f.blobExists(blob), std::optional<bool>(true));

        // The manifest itself is not a blob: refused even with --force.
        const Run manifest =
            cli({QStringLiteral("delete"), f.at(a.digest), QStringLiteral("--blob"),
                 QStringLiteral("--yes"), QStringLiteral("--force")});
        QCOMPARE(manifest.code, 1);
        QVERIFY2(manifest.err.contains("names a manifest"), manifest.err.constData());

        const Run forced = cli({QStringLiteral("delete"), f.at(blob), QStringLiteral("--blob"),
                                QStringLiteral("--yes"), QStringLiteral("--force")});
        QVERIFY2(forced.code == 0, forced.err.constData());
        QVERIFY2(forced.err.contains("will no longer pull"), forced.err.constData());
        QVERIFY2(forced.out.contains("garbage-collect"), forced.out.constData());
        QCOMPARE(f.blobExists(blob), std::optional<bool>(false));
    }

    void disabledDeleteIsExplainedAndChangesNothing()
    {
        if (!haveCli())
            QSKIP("build the ocular-cli target first");
        RegistryProcess::Options options;
        options.deleteEnabled = false;
        OCULAR_TEST_REGISTRY(registry, options);
        Fixture f(registry.hostPort());
        const Digest blob = f.pushBlob("kept by a registry that refuses deletes");
        QVERIFY(blob.isValid());

        const Run run = cli({QStringLiteral("delete"), f.at(blob), QStringLiteral("--blob"),
                             QStringLiteral("--yes")});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains("does not allow deletes") &&
                     run.err.contains("storage.delete.enabled") &&
                     run.err.contains("UNSUPPORTED") && run.err.contains("Nothing was changed"),
                 run.err.constData());
        QCOMPARE(f.blobExists(blob), std::optional<bool>(true));

        // The core call answers the same, as ErrorKind::Unsupported.
        auto deleted = waitFor<Done>(
            [&](QObject *ctx, auto done) { return f.source()->deleteBlob(Repo, blob, ctx, done); });
        QVERIFY(!deleted.ok());
        QCOMPARE(deleted.error().kind, ErrorKind::Unsupported);
        QCOMPARE(deleted.error().httpStatus, 405);
    }

    // An invalid digest or name never becomes a request.
    void invalidInputSendsNothing()
    {
        if (!haveCli())
            QSKIP("build the ocular-cli target first");
        OCULAR_TEST_REGISTRY(registry);
        test::FaultProxy proxy(QUrl(registry.baseUrl()));
        QVERIFY2(proxy.listen(), qPrintable(proxy.errorString()));

        QProcess p;
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(QStringLiteral(OCULAR_BINARY_DIR "/app/ocular-cli"),
                {QStringLiteral("delete"),
                 proxy.hostPort() + QLatin1Char('/') + Repo + QStringLiteral("@sha256:nothex"),
                 QStringLiteral("--blob"), QStringLiteral("--yes")});
        QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 60000);
        const QByteArray err = p.readAllStandardError();
        QCOMPARE(p.exitCode(), 2);
        QVERIFY2(err.contains("sha256:nothex") || err.contains("digest"), err.constData());
        QCOMPARE(proxy.countMatching("DELETE", QStringLiteral(".")), 0);
        QCOMPARE(proxy.countMatching("GET", QStringLiteral("/blobs/|/manifests/|/tags/")), 0);

        // The core refuses an invalid digest and an invalid name before any request.
        Fixture f(proxy.hostPort());
        auto noDigest = waitFor<Done>([&](QObject *ctx, auto done) {
            return f.source()->deleteBlob(Repo, Digest(), ctx, done);
        });
        QVERIFY(!noDigest.ok());
        QCOMPARE(noDigest.error().kind, ErrorKind::InvalidInput);
        auto badName = waitFor<Done>([&](QObject *ctx, auto done) {
            return f.source()->deleteBlob(QStringLiteral("Team/../App"), Digest::sha256("x"), ctx,
                                          done);
        });
        QVERIFY(!badName.ok());
        QCOMPARE(badName.error().kind, ErrorKind::InvalidInput);
        QCOMPARE(proxy.countMatching("DELETE", QStringLiteral(".")), 0);
    }
};

QTEST_GUILESS_MAIN(TestBlobDeletes)
#include "tst_blobdeletes.moc"
