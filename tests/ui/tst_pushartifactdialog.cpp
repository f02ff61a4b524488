// The push dialog against a real docker-registry (no referrers API): attach two files to an
// image, preview, push what was previewed and find it in the registry and in the subject's
// fallback tag; edits after a preview invalidate it; validation keeps Push disabled with a
// reason; closing mid-push cancels (the upload session is DELETEd) without a crash; the tree
// offers Attach Files… and Push Artifact… in a Write section and opens the dialog from them
// and from files dropped on a tag; media types are guessed from file names.
//
// With OCULAR_SCREENSHOT_DIR set, the filled-in dialog is saved there as a PNG.
#include "content/filemediatype.h"
#include "content/mediatype.h"
#include "dialogs/pushartifactdialog.h"
#include "mainwindow/mainwindow.h"
#include "models/registrytreemodel.h"
#include "panels/referrerspanel.h"
#include "panels/repositorytreepanel.h"
#include "panels/supplychaindock.h"
#include "referrers/fallbackindex.h"
#include "source/contentsource.h"
#include "support/asyncwait.h"
#include "support/faultproxy.h"
#include "support/screenshot.h"
#include "support/tempenv.h"
#include "support/testmanifests.h"
#include "support/testregistry.h"
#include "support/teststack.h"
#include "views/eventloopstallprobe.h"
#include "views/referencemenu.h"

#include <QComboBox>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUrl>

using namespace ocular;
using namespace ocular::test;

namespace {

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(bytes);
    return path;
}

/// Pushes a small image (config + layer) by tag, or by digest only when `tag` is empty; its
/// digest (invalid on failure).
Digest pushImage(RegistryStack &stack, const QString &repository, const QString &tag,
                 const QString &salt)
{
    const QByteArray config = QStringLiteral("{\"salt\":\"%1\"}").arg(salt).toUtf8();
    const QByteArray layer = (QStringLiteral("layer ") + salt).toUtf8();
    for (const QByteArray &blob : {config, layer}) {
        const auto d = waitFor<Digest>([&](QObject *ctx, auto done) {
            return stack.source()->pushBlob(repository, blob, ctx, done);
        });
        if (!d.ok())
            return {};
    }
    const QByteArray raw = compact(
        QJsonObject{{QStringLiteral("schemaVersion"), 2},
                    {QStringLiteral("mediaType"), QString(mediatype::OciManifest)},
                    {QStringLiteral("config"), descriptor(QString(mediatype::OciConfig), config)},
                    {QStringLiteral("layers"),
                     QJsonArray{descriptor(QString(mediatype::OciLayerTarGzip), layer)}}});
    const auto pushed = waitFor<PushedContent>([&](QObject *ctx, auto done) {
        return stack.source()->pushManifest(repository,
                                            tag.isEmpty() ? Digest::sha256(raw).toString() : tag,
                                            raw, mediatype::OciManifest, ctx, done);
    });
    return pushed.ok() ? pushed->digest : Digest();
}

Result<RawManifest> readManifest(RegistryStack &stack, const QString &repository,
                                 const QString &reference)
{
    return waitFor<RawManifest>([&](QObject *ctx, auto done) {
        return stack.source()->rawManifest(repository, reference, ctx, done);
    });
}

} // namespace

class TestPushArtifactDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<TempEnv> m_env;
    QTemporaryDir m_files;

private Q_SLOTS:
    void initTestCase();
    void init();

    void mediaTypesAreGuessedFromFileNames_data();
    void mediaTypesAreGuessedFromFileNames();
    void presetsAreTheProtocolsTypes();
    void validationDisablesPushWithAReason();
    void editingAfterPreviewInvalidatesIt();
    void previewHashesBigFilesOffTheGuiThread();
    void attachPushesThePreviewedArtifactToTheFallbackTag();
    void aRefusalIsShownVerbatim();
    void cancelStopsThePushAndKeepsTheDialogUsable();
    void closingMidPushCancelsWithoutACrash();
    void treeOffersWriteActionsAndAcceptsDroppedFiles();
};

void TestPushArtifactDialog::initTestCase()
{
    m_env = std::make_unique<TempEnv>();
    QCoreApplication::setOrganizationName(QStringLiteral("OcularTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_pushartifactdialog"));
    QVERIFY(m_files.isValid());
}

void TestPushArtifactDialog::init()
{
    QSettings().clear();
}

void TestPushArtifactDialog::mediaTypesAreGuessedFromFileNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("mediaType");
    QTest::addRow("spdx") << "sbom.spdx.json"
                          << "application/spdx+json";
    QTest::addRow("spdx upper case in a folder") << "/tmp/x/SBOM.SPDX.JSON"
                                                 << "application/spdx+json";
    QTest::addRow("cyclonedx") << "bom.cdx.json"
                               << "application/vnd.cyclonedx+json";
    QTest::addRow("cyclonedx xml") << "bom.cdx.xml"
                                   << "application/vnd.cyclonedx+xml";
    QTest::addRow("in-toto") << "build.intoto.jsonl"
                             << "application/vnd.in-toto+json";
    QTest::addRow("sigstore bundle") << "a.sigstore.json"
                                     << "application/vnd.dev.sigstore.bundle.v0.3+json";
    QTest::addRow("plain json") << "notes.json"
                                << "application/json";
    QTest::addRow("tar.gz") << "rootfs.tar.gz"
                            << "application/vnd.oci.image.layer.v1.tar+gzip";
    QTest::addRow("text") << "README.txt"
                          << "text/plain";
    QTest::addRow("markdown") << "README.md"
                              << "text/markdown";
    QTest::addRow("unknown") << "blob.bin"
                             << "application/octet-stream";
    QTest::addRow("no extension") << "Makefile"
                                  << "application/octet-stream";
    // The suffix counts, not a look-alike inside the name.
    QTest::addRow("json in the middle") << "x.json.bak"
                                        << "application/octet-stream";
}

void TestPushArtifactDialog::mediaTypesAreGuessedFromFileNames()
{
    QFETCH(QString, name);
    QFETCH(QString, mediaType);
    QCOMPARE(guessFileMediaType(name), mediaType);

    // The dialog fills the column with the guess, and the guess stays editable.
    const QString path = writeFile(m_files, QFileInfo(name).fileName(), "x");
    QVERIFY(!path.isEmpty());
    PushArtifactDialog dialog(nullptr, QStringLiteral("team/app"));
    QCOMPARE(dialog.addFiles({path}), 1);
    QTableWidgetItem *type = dialog.filesTable()->item(0, PushArtifactDialog::FileMediaTypeColumn);
    QCOMPARE(type->text(), guessFileMediaType(path));
    QVERIFY(type->flags() & Qt::ItemIsEditable);
    QVERIFY(!(dialog.filesTable()->item(0, PushArtifactDialog::FileNameColumn)->flags() &
              Qt::ItemIsEditable));
}

void TestPushArtifactDialog::presetsAreTheProtocolsTypes()
{
    QStringList types;
    for (const auto &preset : PushArtifactDialog::artifactTypePresets())
        types.append(preset.mediaType);
    QCOMPARE(types, (QStringList{QStringLiteral("application/spdx+json"),
                                 QStringLiteral("application/vnd.cyclonedx+json"),
                                 QStringLiteral("application/vnd.in-toto+json"),
                                 QStringLiteral("application/vnd.cncf.notary.signature"),
                                 QStringLiteral("application/vnd.dev.sigstore.bundle.v0.3+json")}));
    PushArtifactDialog dialog(nullptr, QStringLiteral("team/app"));
    // Presets plus Custom; a preset's type is not typed over by accident, Custom's is.
    QCOMPARE(dialog.artifactTypeCombo()->count(), int(types.size()) + 1);
    dialog.setArtifactType(QStringLiteral("application/vnd.cyclonedx+json"));
    QCOMPARE(dialog.artifactTypeCombo()->currentIndex(), 1);
    QVERIFY(dialog.artifactTypeEdit()->isReadOnly());
    dialog.setArtifactType(QStringLiteral("application/vnd.example.thing+json"));
    QCOMPARE(dialog.artifactTypeCombo()->currentIndex(), dialog.artifactTypeCombo()->count() - 1);
    QVERIFY(!dialog.artifactTypeEdit()->isReadOnly());
    QCOMPARE(dialog.artifactType(), QStringLiteral("application/vnd.example.thing+json"));
}

void TestPushArtifactDialog::validationDisablesPushWithAReason()
{
    PushArtifactDialog dialog(nullptr, QStringLiteral("team/app"));
    dialog.show();
    // Nothing to push yet.
    QVERIFY(!dialog.pushButton()->isEnabled());
    QVERIFY(dialog.problems().contains(QStringLiteral("Add at least one file.")));
    QVERIFY(dialog.problemsLabel()->isVisible());

    const QString path = writeFile(m_files, QStringLiteral("valid.txt"), "hello");
    dialog.addFiles({path});
    dialog.setArtifactType(QString(mediatype::SpdxJson));
    QVERIFY2(dialog.problems().isEmpty(), qPrintable(dialog.problems().join(u'\n')));
    QVERIFY(dialog.pushButton()->isEnabled());
    QVERIFY(dialog.previewButton()->isEnabled());
    QVERIFY(!dialog.problemsLabel()->isVisible());

    // A bad tag, typed as a user would.
    dialog.tagEdit()->setFocus();
    QTest::keyClicks(dialog.tagEdit(), QStringLiteral("-bad tag"));
    QVERIFY(!dialog.pushButton()->isEnabled());
    QVERIFY(!dialog.previewButton()->isEnabled());
    QCOMPARE(dialog.problems().size(), 1);
    QVERIFY(dialog.problems().first().contains(QStringLiteral("is not a tag")));
    QVERIFY(dialog.problemsLabel()->text().contains(QStringLiteral("is not a tag")));
    dialog.setTag(QStringLiteral("v1.0_rc-1"));
    QVERIFY(dialog.pushButton()->isEnabled());

    // An annotation without a key, a duplicate key, a file without a media type, a custom
    // type left empty, a bad repository: each is named.
    dialog.setAnnotation(QString(), QStringLiteral("orphan value"));
    QVERIFY(dialog.problems().contains(QStringLiteral("Annotation 1 has no key.")));
    dialog.annotationsTable()->item(0, 0)->setText(QStringLiteral("k"));
    QVERIFY(dialog.problems().isEmpty());
    dialog.annotationsTable()->insertRow(1);
    dialog.annotationsTable()->setItem(1, 0, new QTableWidgetItem(QStringLiteral("k")));
    QVERIFY(dialog.problems().contains(QStringLiteral("Annotation k is set twice.")));
    dialog.annotationsTable()->removeRow(1);
    dialog.filesTable()->item(0, PushArtifactDialog::FileMediaTypeColumn)->setText(QString());
    QVERIFY(dialog.problems().contains(QStringLiteral("File valid.txt has no media type.")));
    QVERIFY(!dialog.pushButton()->isEnabled());
    dialog.filesTable()
        ->item(0, PushArtifactDialog::FileMediaTypeColumn)
        ->setText(QStringLiteral("text/plain"));
    dialog.setArtifactType(QString());
    QVERIFY(!dialog.problems().isEmpty());
    QVERIFY(dialog.problems().first().contains(QStringLiteral("artifact type")));
    dialog.setArtifactType(QString(mediatype::InToto));
    dialog.repositoryEdit()->setText(QStringLiteral("Team/App"));
    QVERIFY(!dialog.problems().isEmpty());
    QVERIFY(dialog.problems().first().contains(QStringLiteral("is not a repository name")));
    dialog.repositoryEdit()->setText(QStringLiteral("team/app"));
    QVERIFY(dialog.problems().isEmpty());

    // Local files dropped on the dialog are added; anything else is refused.
    {
        const QString droppedPath =
            writeFile(m_files, QStringLiteral("dropped.intoto.jsonl"), "{}");
        QMimeData remote;
        remote.setUrls({QUrl(QStringLiteral("https://example.com/a.json"))});
        QDragEnterEvent refused(QPoint(10, 10), Qt::CopyAction, &remote, Qt::LeftButton,
                                Qt::NoModifier);
        QCoreApplication::sendEvent(&dialog, &refused);
        QVERIFY(!refused.isAccepted());
        QMimeData local;
        local.setUrls({QUrl::fromLocalFile(droppedPath)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &local, Qt::LeftButton,
                              Qt::NoModifier);
        QCoreApplication::sendEvent(&dialog, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &local, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&dialog, &drop);
        QCOMPARE(dialog.filesTable()->rowCount(), 2);
        QCOMPARE(dialog.filesTable()->item(1, PushArtifactDialog::FileMediaTypeColumn)->text(),
                 QStringLiteral("application/vnd.in-toto+json"));
        // Remove takes the selected row away again.
        QVERIFY(!dialog.removeFilesButton()->isEnabled());
        dialog.filesTable()->selectRow(1);
        QVERIFY(dialog.removeFilesButton()->isEnabled());
        dialog.removeFilesButton()->click();
        QCOMPARE(dialog.filesTable()->rowCount(), 1);
    }
    // Enter in a field sends nothing: no button is the default.
    for (QPushButton *button : dialog.findChildren<QPushButton *>())
        QVERIFY2(!button->autoDefault() && !button->isDefault(), qPrintable(button->text()));

    // A subject that is neither a tag nor a digest is refused before any lookup.
    dialog.setSubjectReference(QStringLiteral("sha256:nothex"));
    QVERIFY(!dialog.isResolvingSubject());
    QVERIFY(!dialog.pushButton()->isEnabled());
    QVERIFY(dialog.problems().first().contains(QStringLiteral("neither a tag nor")));
    // Pushing with problems sends nothing (and does not crash without a source).
    dialog.push();
    QVERIFY(!dialog.isPushing());
    QVERIFY(!dialog.isPreparing());
}

void TestPushArtifactDialog::editingAfterPreviewInvalidatesIt()
{
    // Preparing hashes files locally: no registry needed.
    PushArtifactDialog dialog(nullptr, QStringLiteral("team/app"));
    const QString path = writeFile(m_files, QStringLiteral("edit.spdx.json"), "{\"spdx\":1}");
    dialog.addFiles({path});
    dialog.setArtifactType(QString(mediatype::SpdxJson));
    QSignalSpy previewed(&dialog, &PushArtifactDialog::previewFinished);
    dialog.preview();
    QVERIFY(dialog.isPreparing());
    QVERIFY(previewed.wait(10000));
    QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));
    const auto first = dialog.preparedArtifact();
    QVERIFY(first);
    QVERIFY(dialog.previewDigestText().contains(first->manifest.digest.toString()));
    // Previewing again without edits still describes the same fields, but a new preparation
    // would stamp a new created time: the dialog keeps the one shown.
    dialog.setAnnotation(QStringLiteral("org.example.note"), QStringLiteral("edited"));
    QVERIFY(!dialog.preparedArtifact());
    QVERIFY(dialog.previewDigestText().contains(QStringLiteral("changed since this preview")));
    dialog.preview();
    QVERIFY(previewed.wait(10000));
    const auto second = dialog.preparedArtifact();
    QVERIFY(second);
    QVERIFY(second->manifest.digest != first->manifest.digest);
    QVERIFY(QString::fromUtf8(second->manifest.raw).contains(QStringLiteral("edited")));
    // Edits while a preparation runs make its answer stale too.
    dialog.preview();
    dialog.setTag(QStringLiteral("later"));
    QVERIFY(previewed.wait(10000));
    QVERIFY(!dialog.preparedArtifact());
}

void TestPushArtifactDialog::previewHashesBigFilesOffTheGuiThread()
{
    // Big enough that hashing it on the GUI thread would stall the loop far past the ceiling.
    const QString path = m_files.filePath(QStringLiteral("big.tar"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray chunk(1024 * 1024, '\0');
        for (int i = 0; i < 160; ++i) {
            chunk[0] = char(i);
            QCOMPARE(file.write(chunk), qint64(chunk.size()));
        }
    }
    PushArtifactDialog dialog(nullptr, QStringLiteral("team/app"));
    dialog.show();
    dialog.addFiles({path});
    dialog.setArtifactType(QStringLiteral("application/vnd.example.big"));
    QSignalSpy previewed(&dialog, &PushArtifactDialog::previewFinished);
    EventLoopStallProbe probe(5);
    probe.start();
    QElapsedTimer took;
    took.start();
    dialog.previewButton()->click();
    QVERIFY(dialog.isPreparing());
    QVERIFY(!dialog.previewButton()->isEnabled());
    QVERIFY(previewed.wait(60000));
    const qint64 ms = took.elapsed();
    probe.stop();
    QVERIFY2(probe.maxStallMs() < 200, qPrintable(probe.report()));
    qInfo("hashed 160 MiB in %lld ms; %s", ms, qPrintable(probe.report()));
    const auto prepared = dialog.preparedArtifact();
    QVERIFY2(prepared, qPrintable(dialog.errorText()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QVERIFY(hash.addData(&file));
    const QJsonObject layer = QJsonDocument::fromJson(prepared->manifest.raw)
                                  .object()
                                  .value(QStringLiteral("layers"))
                                  .toArray()
                                  .at(0)
                                  .toObject();
    QCOMPARE(layer.value(QStringLiteral("digest")).toString(),
             QStringLiteral("sha256:") + QString::fromLatin1(hash.result().toHex()));
    QCOMPARE(layer.value(QStringLiteral("size")).toInteger(), qint64(160) * 1024 * 1024);
    QVERIFY(QFile::remove(path));
}

void TestPushArtifactDialog::attachPushesThePreviewedArtifactToTheFallbackTag()
{
    OCULAR_TEST_REGISTRY(registry);
    auto stack = makeStack(registry.hostPort());
    QVERIFY(stack);
    const QString repository = QStringLiteral("team/app");
    const Digest image = pushImage(*stack, repository, QStringLiteral("v1"), QStringLiteral("a"));
    QVERIFY(image.isValid());
    const auto imageRaw = readManifest(*stack, repository, image.toString());
    QVERIFY(imageRaw.ok());

    PushArtifactDialog dialog(stack->source(), repository);
    dialog.show();
    QSignalSpy resolved(&dialog, &PushArtifactDialog::subjectResolved);
    dialog.setSubjectReference(QStringLiteral("v1"));
    QVERIFY(dialog.isResolvingSubject());
    QVERIFY(!dialog.pushButton()->isEnabled()); // waits for the exact descriptor
    QVERIFY(resolved.wait(15000));
    QVERIFY(dialog.subject());
    QCOMPARE(dialog.subject()->digest, image);
    QCOMPARE(dialog.subject()->size, qint64(imageRaw->raw.size()));
    QCOMPARE(dialog.subject()->mediaType, QString(mediatype::OciManifest));
    // The subject belongs to the repository it was looked up in: editing that asks again.
    dialog.repositoryEdit()->setFocus();
    dialog.repositoryEdit()->end(false);
    QTest::keyClicks(dialog.repositoryEdit(), QStringLiteral("x"));
    QVERIFY(dialog.problems().contains(
        QStringLiteral("Press Enter in Repository to look the subject up there.")));
    QTest::keyClick(dialog.repositoryEdit(), Qt::Key_Backspace);
    QVERIFY(!dialog.problems().contains(
        QStringLiteral("Press Enter in Repository to look the subject up there.")));

    const QByteArray sbom = "{\"spdxVersion\":\"SPDX-2.3\",\"name\":\"app\"}";
    const QByteArray notes = "built on a Thursday\n";
    QCOMPARE(dialog.addFiles({writeFile(m_files, QStringLiteral("app.spdx.json"), sbom),
                              writeFile(m_files, QStringLiteral("notes.txt"), notes)}),
             2);
    // The same file twice is one file.
    QCOMPARE(dialog.addFiles({m_files.filePath(QStringLiteral("notes.txt"))}), 0);
    QCOMPARE(dialog.errorText(), QStringLiteral("Not added: notes.txt (already listed)."));
    QCOMPARE(dialog.addFiles({m_files.path()}), 0);
    QVERIFY2(dialog.errorText().contains(QStringLiteral("(a folder)")),
             qPrintable(dialog.errorText()));
    dialog.filesTable()
        ->item(1, PushArtifactDialog::FileTitleColumn)
        ->setText(QStringLiteral("release-notes.txt"));
    dialog.setArtifactType(QString(mediatype::SpdxJson));
    dialog.setAnnotation(QStringLiteral("org.example.reviewed-by"), QStringLiteral("qa"));
    dialog.setTag(QStringLiteral("sbom-v1"));
    QVERIFY2(dialog.problems().isEmpty(), qPrintable(dialog.problems().join(u'\n')));

    QSignalSpy previewed(&dialog, &PushArtifactDialog::previewFinished);
    dialog.preview();
    QVERIFY(previewed.wait(15000));
    QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));
    const auto prepared = dialog.preparedArtifact();
    QVERIFY(prepared);
    // The digest shown is the digest of the bytes shown (indented for reading).
    const QByteArray raw = prepared->manifest.raw;
    QCOMPARE(prepared->manifest.digest, Digest::sha256(raw));
    QVERIFY(dialog.previewDigestText().contains(Digest::sha256(raw).toString()));
    QVERIFY(dialog.previewDigestText().contains(QString::number(raw.size())));
    QCOMPARE(QJsonDocument::fromJson(dialog.previewJson().toUtf8()), QJsonDocument::fromJson(raw));
    const QJsonObject manifest = QJsonDocument::fromJson(raw).object();
    QCOMPARE(manifest.value(QStringLiteral("artifactType")).toString(),
             QString(mediatype::SpdxJson));
    const QJsonObject subject = manifest.value(QStringLiteral("subject")).toObject();
    QCOMPARE(subject.value(QStringLiteral("digest")).toString(), image.toString());
    QCOMPARE(subject.value(QStringLiteral("size")).toInteger(), qint64(imageRaw->raw.size()));
    const QJsonArray layers = manifest.value(QStringLiteral("layers")).toArray();
    QCOMPARE(layers.size(), 2);
    QCOMPARE(layers.at(0).toObject().value(QStringLiteral("digest")).toString(),
             Digest::sha256(sbom).toString());
    QCOMPARE(layers.at(1)
                 .toObject()
                 .value(QStringLiteral("annotations"))
                 .toObject()
                 .value(QStringLiteral("org.opencontainers.image.title"))
                 .toString(),
             QStringLiteral("release-notes.txt"));
    QCOMPARE(manifest.value(QStringLiteral("annotations"))
                 .toObject()
                 .value(QStringLiteral("org.example.reviewed-by"))
                 .toString(),
             QStringLiteral("qa"));
    saveShot(&dialog, QStringLiteral("push-dialog-previewed"));

    // Push sends what was previewed: same digest, the created time kept.
    QSignalSpy pushed(&dialog, &PushArtifactDialog::pushed);
    QSignalSpy finished(&dialog, &PushArtifactDialog::pushFinished);
    QTest::qWait(1100); // a new preparation now would stamp another second
    dialog.pushButton()->click();
    QVERIFY(dialog.isPushing());
    QVERIFY(dialog.cancelButton()->isVisible());
    QVERIFY(!dialog.pushButton()->isEnabled());
    QVERIFY(finished.wait(30000));
    QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));
    QCOMPARE(pushed.size(), 1);
    const auto result = pushed.first().at(1).value<ArtifactPushResult>();
    const auto request = pushed.first().at(0).value<ArtifactRequest>();
    QCOMPARE(result.digest, prepared->manifest.digest);
    QCOMPARE(request.repository, repository);
    QCOMPARE(request.tag, QStringLiteral("sbom-v1"));
    QVERIFY(!result.subjectRecorded); // docker-registry 2.8: no referrers API
    QVERIFY(result.fallback);
    QCOMPARE(dialog.totalProgressBar()->value(), dialog.totalProgressBar()->maximum());
    QVERIFY(dialog.resultText().contains(result.digest.toString()));
    QVERIFY2(dialog.resultText().contains(QStringLiteral("fallback tag")),
             qPrintable(dialog.resultText()));
    QVERIFY(!dialog.filesTable()->item(0, PushArtifactDialog::FileStatusColumn)->text().isEmpty());

    // The registry serves those bytes, by digest and by the tag.
    const auto stored = readManifest(*stack, repository, result.digest.toString());
    QVERIFY2(stored.ok(), qPrintable(stored.error().toString()));
    QCOMPARE(stored->raw, raw);
    const auto tagged = readManifest(*stack, repository, QStringLiteral("sbom-v1"));
    QVERIFY(tagged.ok());
    QCOMPARE(tagged->digest, result.digest);
    // The fallback tag sha256-<hex> of the subject lists it with its artifactType.
    const auto fallback = readManifest(*stack, repository, image.fallbackTag());
    QVERIFY2(fallback.ok(), qPrintable(fallback.error().toString()));
    const auto index = FallbackIndex::parse(fallback->raw);
    QVERIFY(index.ok());
    QCOMPARE(index->entries().size(), 1);
    QCOMPARE(index->entries().first().digest, result.digest);
    QCOMPARE(index->entries().first().artifactType, QString(mediatype::SpdxJson));
    saveShot(&dialog, QStringLiteral("push-dialog-pushed"));
}

void TestPushArtifactDialog::aRefusalIsShownVerbatim()
{
    OCULAR_TEST_REGISTRY(registry);
    FaultProxy proxy(QUrl(registry.baseUrl()));
    QVERIFY(proxy.listen());
    FaultProxy::Rule refuse = FaultProxy::rule("PUT", QStringLiteral("^/v2/team/app/manifests/"),
                                               FaultProxy::Action::Respond);
    refuse.status = 400;
    refuse.headers = {{"Content-Type", "application/json"}};
    refuse.body = R"({"errors":[{"code":"MANIFEST_INVALID","message":"policy says no"}]})";
    proxy.addRule(refuse);
    auto stack = makeStack(proxy.hostPort());
    QVERIFY(stack);

    PushArtifactDialog dialog(stack->source(), QStringLiteral("team/app"));
    dialog.addFiles({writeFile(m_files, QStringLiteral("refused.txt"), "no")});
    dialog.setArtifactType(QString(mediatype::InToto));
    QSignalSpy pushed(&dialog, &PushArtifactDialog::pushed);
    QSignalSpy finished(&dialog, &PushArtifactDialog::pushFinished);
    dialog.push();
    QVERIFY(finished.wait(30000));
    QCOMPARE(pushed.size(), 0);
    QVERIFY2(dialog.errorText().contains(QStringLiteral("policy says no")),
             qPrintable(dialog.errorText()));
    QVERIFY(dialog.errorText().contains(QStringLiteral("MANIFEST_INVALID")));
    QVERIFY(dialog.resultText().isEmpty());
    QVERIFY(!dialog.lastResult());
    // The dialog is usable again.
    QVERIFY(dialog.pushButton()->isEnabled());
    QVERIFY(dialog.tagEdit()->isEnabled());
}

void TestPushArtifactDialog::cancelStopsThePushAndKeepsTheDialogUsable()
{
    OCULAR_TEST_REGISTRY(registry);
    FaultProxy proxy(QUrl(registry.baseUrl()));
    QVERIFY(proxy.listen());
    auto hang =
        FaultProxy::rule("PUT", QStringLiteral("/blobs/uploads/"), FaultProxy::Action::Delay);
    hang.delayMs = 3000;
    hang.times = 1;
    proxy.addRule(hang);
    auto stack = makeStack(proxy.hostPort());
    QVERIFY(stack);

    PushArtifactDialog dialog(stack->source(), QStringLiteral("team/app"));
    dialog.show();
    dialog.addFiles({writeFile(m_files, QStringLiteral("cancelled.txt"), "cancel me")});
    dialog.setArtifactType(QString(mediatype::InToto));
    dialog.setTag(QStringLiteral("cancelled"));
    QSignalSpy pushed(&dialog, &PushArtifactDialog::pushed);
    QSignalSpy finished(&dialog, &PushArtifactDialog::pushFinished);
    // Push without a preview prepares first, then sends.
    dialog.push();
    QVERIFY(dialog.isPreparing());
    QTRY_VERIFY_WITH_TIMEOUT(proxy.countMatching("PUT", QStringLiteral("/blobs/uploads/")) >= 1,
                             10000);
    QVERIFY(dialog.isPushing());
    QVERIFY(dialog.cancelButton()->isVisible());
    dialog.cancelButton()->click();
    QVERIFY(finished.wait(10000));
    QCOMPARE(pushed.size(), 0);
    QVERIFY(!dialog.isPushing());
    QVERIFY2(dialog.errorText().contains(QStringLiteral("cancelled")),
             qPrintable(dialog.errorText()));
    QVERIFY(!dialog.cancelButton()->isVisible());
    QVERIFY(dialog.tagEdit()->isEnabled());
    QVERIFY(dialog.pushButton()->isEnabled());
    // The upload session was abandoned and nothing was tagged.
    QTRY_VERIFY_WITH_TIMEOUT(proxy.countMatching("DELETE", QStringLiteral("/blobs/uploads/")) >= 1,
                             10000);
    QVERIFY(!readManifest(*stack, QStringLiteral("team/app"), QStringLiteral("cancelled")).ok());

    // The same dialog pushes fine afterwards (the hang applied once).
    dialog.push();
    QVERIFY(finished.wait(30000));
    QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));
    QCOMPARE(pushed.size(), 1);
    QVERIFY(readManifest(*stack, QStringLiteral("team/app"), QStringLiteral("cancelled")).ok());
}

void TestPushArtifactDialog::closingMidPushCancelsWithoutACrash()
{
    OCULAR_TEST_REGISTRY(registry);
    FaultProxy proxy(QUrl(registry.baseUrl()));
    QVERIFY(proxy.listen());
    // Every blob upload hangs long enough for the user to give up on it.
    proxy.addRule([] {
        auto rule =
            FaultProxy::rule("PUT", QStringLiteral("/blobs/uploads/"), FaultProxy::Action::Delay);
        rule.delayMs = 4000;
        return rule;
    }());
    auto stack = makeStack(proxy.hostPort());
    QVERIFY(stack);

    QPointer<PushArtifactDialog> dialog =
        new PushArtifactDialog(stack->source(), QStringLiteral("team/app"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    dialog->addFiles({writeFile(m_files, QStringLiteral("slow.bin"), QByteArray(300000, 'z'))});
    dialog->setArtifactType(QString(mediatype::NotationSignature));
    dialog->setTag(QStringLiteral("never"));
    QSignalSpy previewed(dialog.data(), &PushArtifactDialog::previewFinished);
    dialog->preview();
    QVERIFY(previewed.wait(10000));
    const Digest digest = dialog->preparedArtifact()->manifest.digest;
    dialog->push();
    QVERIFY(dialog->isPushing());
    // The first upload is in flight at the proxy.
    QTRY_VERIFY_WITH_TIMEOUT(proxy.countMatching("PUT", QStringLiteral("/blobs/uploads/")) >= 1,
                             10000);
    QVERIFY(dialog->isPushing());
    QVERIFY(dialog->cancelButton()->isVisible());
    QVERIFY(!dialog->tagEdit()->isEnabled());
    saveShot(dialog, QStringLiteral("push-dialog-uploading"));
    dialog->close();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull(), 5000);
    // Late replies (the delayed PUT, the DELETE) arrive with the dialog gone: nothing crashes.
    QTRY_VERIFY_WITH_TIMEOUT(proxy.countMatching("DELETE", QStringLiteral("/blobs/uploads/")) >= 1,
                             10000);
    QTest::qWait(4500);
    // Nothing was pushed: no manifest, no tag.
    const auto byDigest = readManifest(*stack, QStringLiteral("team/app"), digest.toString());
    QVERIFY(!byDigest.ok());
    QCOMPARE(byDigest.error().kind, ErrorKind::NotFound);
    QVERIFY(!readManifest(*stack, QStringLiteral("team/app"), QStringLiteral("never")).ok());
}

void TestPushArtifactDialog::treeOffersWriteActionsAndAcceptsDroppedFiles()
{
    OCULAR_TEST_REGISTRY(registry);
    RegistryStackConfig config = testStackConfig(registry.hostPort());
    config.cache = RegistryStackConfig::Cache::Memory;
    auto stack = makeStack(config);
    QVERIFY(stack);
    const Digest image =
        pushImage(*stack, QStringLiteral("team/app"), QStringLiteral("v1"), QStringLiteral("t"));
    QVERIFY(image.isValid());

    MainWindow window(stack.get());
    window.resize(1200, 800);
    window.show();
    window.openRegistry(registry.baseUrl(), false);
    RepositoryTreePanel *tree = window.treePanel();
    QVERIFY(tree->openReference(QStringLiteral("team/app:v1")).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(tree->currentSelection().tag, QStringLiteral("v1"), 15000);
    const QModelIndex tag =
        tree->model()->tagIndex(QStringLiteral("team/app"), QStringLiteral("v1"));
    QVERIFY(tag.isValid());
    const QModelIndex proxyTag = tree->proxy()->mapFromSource(tag);

    // A tag: Attach Files… with that tag as the subject.
    QSignalSpy requested(tree, &RepositoryTreePanel::pushArtifactRequested);
    std::unique_ptr<ReferenceMenu> menu(tree->contextMenuFor(proxyTag));
    QVERIFY(!menu->namedAction(QStringLiteral("pushArtifact")));
    QAction *attach = menu->namedAction(QStringLiteral("attachFiles"));
    QVERIFY(attach);
    QVERIFY(menu->actions().indexOf(attach) >
            menu->actions().indexOf(menu->namedAction(QStringLiteral("refresh"))));
    attach->trigger();
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().at(0).toString(), QStringLiteral("team/app"));
    QCOMPARE(requested.first().at(1).toString(), QStringLiteral("v1"));
    auto *dialog = window.findChild<PushArtifactDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->repositoryEdit()->text(), QStringLiteral("team/app"));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->subject().has_value(), 15000);
    QCOMPARE(dialog->subject()->digest, image);
    delete dialog;

    // An untagged manifest, opened by digest: attached to by that digest.
    const Digest untagged =
        pushImage(*stack, QStringLiteral("team/app"), QString(), QStringLiteral("untagged"));
    QVERIFY(untagged.isValid());
    QVERIFY(tree->openReference(QStringLiteral("team/app@") + untagged.toString()).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(tree->currentSelection().kind == NodeKind::Manifest &&
                                 tree->currentSelection().digest() == untagged,
                             15000);
    std::unique_ptr<ReferenceMenu> digestMenu(tree->contextMenuFor(tree->view()->currentIndex()));
    QVERIFY(digestMenu->namedAction(QStringLiteral("attachFiles")));
    digestMenu->namedAction(QStringLiteral("attachFiles"))->trigger();
    QCOMPARE(requested.last().at(1).toString(), untagged.toString());
    dialog = window.findChild<PushArtifactDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->subjectEdit()->text(), untagged.toString());
    QTRY_VERIFY_WITH_TIMEOUT(dialog->subject().has_value(), 15000);
    QCOMPARE(dialog->subject()->digest, untagged);
    // After the push the manifest is selected again and its referrers are read afresh.
    {
        dialog->addFiles({writeFile(m_files, QStringLiteral("for-untagged.txt"), "u")});
        dialog->setArtifactType(QString(mediatype::InToto));
        QVERIFY(dialog->pushButton()->isEnabled());
        QSignalSpy finished(dialog, &PushArtifactDialog::pushFinished);
        QSignalSpy walked(window.supplyChain()->referrers(), &ReferrersPanel::graphLoaded);
        dialog->push();
        QVERIFY(finished.wait(30000));
        QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
        QTRY_VERIFY_WITH_TIMEOUT(!walked.isEmpty() && walked.last().at(0).toInt() == 1, 15000);
        QCOMPARE(tree->currentSelection().kind, NodeKind::Manifest);
        QCOMPARE(tree->currentSelection().digest(), untagged);
    }
    delete dialog;

    // A repository: Push Artifact… without a subject.
    const QModelIndex repo =
        tree->proxy()->mapFromSource(tree->model()->repositoryIndex(QStringLiteral("team/app")));
    std::unique_ptr<ReferenceMenu> repoMenu(tree->contextMenuFor(repo));
    QVERIFY(!repoMenu->namedAction(QStringLiteral("attachFiles")));
    QVERIFY(repoMenu->namedAction(QStringLiteral("pushArtifact")));
    repoMenu->namedAction(QStringLiteral("pushArtifact"))->trigger();
    QCOMPARE(requested.size(), 3);
    QCOMPARE(requested.last().at(1).toString(), QString());
    dialog = window.findChild<PushArtifactDialog *>();
    QVERIFY(dialog);
    QVERIFY(!dialog->subject());
    QVERIFY(dialog->subjectEdit()->text().isEmpty());
    delete dialog;

    // Local files dropped on the tag row open the dialog with them and that subject; a
    // remote URL is not accepted.
    const QString dropped = writeFile(m_files, QStringLiteral("dropped.cdx.json"), "{}");
    QWidget *viewport = tree->view()->viewport();
    // The digest node added rows: look the tag up again, and select it as a user would.
    const QModelIndex tagNow = tree->proxy()->mapFromSource(
        tree->model()->tagIndex(QStringLiteral("team/app"), QStringLiteral("v1")));
    QVERIFY(tagNow.isValid());
    tree->view()->setCurrentIndex(tagNow);
    QTRY_COMPARE_WITH_TIMEOUT(tree->currentSelection().tag, QStringLiteral("v1"), 15000);
    const QPoint onTag = tree->view()->visualRect(tagNow).center();
    {
        QMimeData remote;
        remote.setUrls({QUrl(QStringLiteral("https://example.com/x.json"))});
        QDragEnterEvent enter(onTag, Qt::CopyAction, &remote, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(viewport, &enter);
        QVERIFY(!enter.isAccepted());
    }
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(dropped)});
    QDragEnterEvent enter(onTag, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(onTag), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &drop);
    QVERIFY(drop.isAccepted());
    QCOMPARE(requested.size(), 4);
    QCOMPARE(requested.last().at(2).toStringList(), QStringList{dropped});
    dialog = window.findChild<PushArtifactDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->filesTable()->rowCount(), 1);
    QCOMPARE(dialog->filesTable()->item(0, PushArtifactDialog::FileMediaTypeColumn)->text(),
             QStringLiteral("application/vnd.cyclonedx+json"));
    QCOMPARE(dialog->subjectEdit()->text(), QStringLiteral("v1"));

    // A push from the dialog refreshes the tree: the fallback tag shows up, and the tag the
    // user had selected is selected again.
    dialog->setArtifactType(QString(mediatype::CycloneDxJson));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->pushButton()->isEnabled(), 15000);
    QSignalSpy finished(dialog, &PushArtifactDialog::pushFinished);
    QSignalSpy walked(window.supplyChain()->referrers(), &ReferrersPanel::graphLoaded);
    dialog->push();
    QVERIFY(finished.wait(30000));
    QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
    // The referrers panel reads the subject again and finds the new referrer.
    QTRY_VERIFY_WITH_TIMEOUT(!walked.isEmpty() && walked.last().at(0).toInt() == 1, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(
        tree->model()->tagIndex(QStringLiteral("team/app"), image.fallbackTag()).isValid(), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(tree->currentSelection().tag, QStringLiteral("v1"), 15000);
    dialog->close();
}

QTEST_MAIN(TestPushArtifactDialog)
#include "tst_pushartifactdialog.moc"
