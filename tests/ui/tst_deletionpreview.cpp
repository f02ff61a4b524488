// The delete confirmation against a real docker-registry: the DeletionPreviewDialog works out
// the plan from the repository's inventory, shows every tag that goes and says on its button
// what it deletes; a run deletes the manifest (a HEAD on the registry answers 404 after); a tag
// moved behind the dialog's back makes the run Stale, nothing is deleted and the plan is shown
// again; closing the dialog, or the tree switching registry, while requests are in flight
// cancels them without touching freed memory. The tree's "Delete…" action and the Delete key
// open the dialog and the tree reads the repository again afterwards.
//
// With OCULAR_SCREENSHOT_DIR set, the dialog is saved as PNGs there.
#include "support/asyncwait.h"
#include "support/faultproxy.h"
#include "support/screenshot.h"
#include "support/testregistry.h"
#include "support/teststack.h"

#include "content/manifestbuilder.h"
#include "content/mediatype.h"
#include "dialogs/deletionplantree.h"
#include "dialogs/deletionpreviewdialog.h"
#include "models/registrytreemodel.h"
#include "panels/repositorytreepanel.h"
#include "source/contentsource.h"
#include "views/referencemenu.h"
#include "write/deletionexecutor.h"

#include <QAction>
#include <QCheckBox>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTreeView>

using namespace ocular;
using namespace ocular::test;
using ocular::test::waitFor;

namespace {

const QString Repo = QStringLiteral("team/app");
constexpr int Timeout = 30000;

BuiltManifest image(const QString &salt)
{
    const ContentBlob config{"{\"salt\":\"" + salt.toUtf8() + "\"}", QString(mediatype::OciConfig)};
    const ContentBlob layer{"layer " + salt.toUtf8(), QString(mediatype::OciLayerTarGzip)};
    return ManifestBuilder().image(QString(mediatype::OciManifest), config, {{layer, {}}}).value();
}

BuiltManifest artifact(const QString &type, const BuiltManifest &subject, const QString &salt)
{
    ManifestBuilder::Artifact a;
    a.artifactType = type;
    ManifestBuilder::Artifact::File file;
    file.bytes = salt.toUtf8();
    file.mediaType = type;
    file.title = salt + QStringLiteral(".json");
    a.files.append(file);
    a.subject = subject.descriptor();
    return ManifestBuilder().artifact(a).value();
}

/// An image index over `entries`; `referrerIndex` makes it a fallback-tag listing (each entry
/// with its artifactType), as a registry without the referrers API keeps them.
BuiltManifest index(const QList<const BuiltManifest *> &entries, bool referrerIndex = false)
{
    QJsonArray array;
    for (const BuiltManifest *m : entries) {
        QJsonObject extra;
        if (referrerIndex)
            extra.insert(
                QStringLiteral("artifactType"),
                QJsonDocument::fromJson(m->raw).object().value(QLatin1String("artifactType")));
        array.append(m->descriptorJson(extra));
    }
    return ManifestBuilder().index(QString(mediatype::OciIndex), array).value();
}

bool push(ContentSource *source, const BuiltManifest &m, const QString &tag)
{
    for (const ContentBlob &blob : m.blobs) {
        auto pushed = waitFor<Digest>(
            [&](QObject *ctx, auto done) { return source->pushBlob(Repo, blob.bytes, ctx, done); });
        if (!pushed.ok()) {
            qWarning("blob: %s", qPrintable(pushed.error().toString()));
            return false;
        }
    }
    auto pushed = waitFor<PushedContent>([&](QObject *ctx, auto done) {
        return source->pushManifest(Repo, tag, m.raw, m.mediaType, ctx, done);
    });
    if (!pushed.ok())
        qWarning("manifest: %s", qPrintable(pushed.error().toString()));
    return pushed.ok();
}

/// The registry's own answer to HEAD /v2/<repo>/manifests/<reference>, past every cache of the
/// product: the status code (0 when no answer came).
int headStatus(const QString &baseUrl, const QString &reference)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(
        QUrl(baseUrl + QStringLiteral("/v2/") + Repo + QStringLiteral("/manifests/") + reference));
    request.setRawHeader("Accept", QByteArray(mediatype::OciManifest.data()) + ", " +
                                       QByteArray(mediatype::OciIndex.data()));
    QNetworkReply *reply = nam.head(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(Timeout, &loop, &QEventLoop::quit);
    loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->abort();
    delete reply;
    return status;
}

/// The stack as the GUI wires it: reads go through a content cache (memory here, disk in the
/// app), so a delete and a stale check must not be fooled by what the cache remembers.
std::unique_ptr<RegistryStack> cachedStack(const QString &hostPort)
{
    RegistryStackConfig config = test::testStackConfig(hostPort);
    config.cache = RegistryStackConfig::Cache::Memory;
    return test::makeStack(config);
}

bool waitForState(DeletionPreviewDialog &dialog, DeletionPreviewDialog::State state)
{
    return QTest::qWaitFor([&] { return dialog.state() == state; }, Timeout);
}

QString stateName(DeletionPreviewDialog::State state)
{
    return QString::fromLatin1(
        QMetaEnum::fromType<DeletionPreviewDialog::State>().valueToKey(int(state)));
}

} // namespace

class TestDeletionPreview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void planListsEveryTagAndTheButtonSaysSo();
    void stalePlanIsMadeAgainAndNothingIsDeleted();
    void referrersAndIndexesAreChoices();
    void registryRefusingDeletesChangesNothing();
    void closingWhileBuildingCancelsTheRequests();
    void treeMenuAndDeleteKeyOpenTheDialog();
    void switchingRegistryClosesTheDialog();
    void registryClosedUnderTheDialog();
};

void TestDeletionPreview::planListsEveryTagAndTheButtonSaysSo()
{
    OCULAR_TEST_REGISTRY(registry);
    auto stack = test::makeStack(registry.hostPort());
    QVERIFY(stack);
    ContentSource *source = stack->source();
    const BuiltManifest a = image(QStringLiteral("a"));
    const BuiltManifest keep = image(QStringLiteral("keep"));
    QVERIFY(push(source, a, QStringLiteral("v1")));
    QVERIFY(push(source, a, QStringLiteral("v1.0")));
    QVERIFY(push(source, keep, QStringLiteral("keep")));

    // Opened on one tag: the delete is by digest and takes both.
    DeletionPreviewDialog dialog(source, Repo, QStringLiteral("v1"));
    dialog.show();
    QVERIFY(!dialog.deleteButton()->isEnabled());
    dialog.start();
    QVERIFY2(waitForState(dialog, DeletionPreviewDialog::State::Ready),
             qPrintable(stateName(dialog.state()) + QLatin1Char(' ') + dialog.message()));
    QVERIFY(dialog.plan());
    QCOMPARE(dialog.plan()->target, a.digest);
    DeletionPlanTree *tree = dialog.planTree();
    QCOMPARE(tree->rowsOf(DeletionPlanTree::Section::Tags),
             (QStringList{QStringLiteral("v1"), QStringLiteral("v1.0")}));
    QCOMPARE(tree->rowsOf(DeletionPlanTree::Section::Manifests), QStringList{a.digest.toString()});
    QVERIFY(!tree->section(DeletionPlanTree::Section::BrokenIndexes));
    QCOMPARE(dialog.deleteButton()->text(), QStringLiteral("Delete manifest and 2 tags"));
    QVERIFY(dialog.deleteButton()->isEnabled());
    QVERIFY(!dialog.deleteButton()->isDefault()); // Enter never deletes
    // Nothing to choose for a lone image: no checkbox is offered.
    QVERIFY(dialog.withReferrersBox()->isHidden());
    QVERIFY(dialog.breakIndexesBox()->isHidden());
    saveShot(&dialog, QStringLiteral("delete-preview"));
    // Planning sent no delete.
    QCOMPARE(headStatus(registry.baseUrl(), a.digest.toString()), 200);

    QSignalSpy deleted(&dialog, &DeletionPreviewDialog::deleted);
    QTest::mouseClick(dialog.deleteButton(), Qt::LeftButton);
    QVERIFY2(waitForState(dialog, DeletionPreviewDialog::State::Finished),
             qPrintable(stateName(dialog.state()) + QLatin1Char(' ') + dialog.message()));
    QCOMPARE(deleted.count(), 1);
    const auto outcome = deleted.first().at(1).value<DeletionOutcome>();
    QCOMPARE(outcome.status, DeletionOutcome::Status::Completed);
    QCOMPARE(outcome.deletedCount(), 1);
    QVERIFY2(dialog.message().contains(DeletionExecutor::storageNote()),
             qPrintable(dialog.message()));
    QVERIFY2(dialog.message().startsWith(QStringLiteral("Deleted 1 manifest and 2 tags")),
             qPrintable(dialog.message()));
    QVERIFY(dialog.deleteButton()->isHidden());
    QCOMPARE(dialog.cancelButton()->text(), QStringLiteral("Close"));
    saveShot(&dialog, QStringLiteral("delete-done"));

    QCOMPARE(headStatus(registry.baseUrl(), a.digest.toString()), 404);
    QCOMPARE(headStatus(registry.baseUrl(), QStringLiteral("v1")), 404);
    QCOMPARE(headStatus(registry.baseUrl(), QStringLiteral("v1.0")), 404);
    QCOMPARE(headStatus(registry.baseUrl(), QStringLiteral("keep")), 200);
}

void TestDeletionPreview::stalePlanIsMadeAgainAndNothingIsDeleted()
{
    OCULAR_TEST_REGISTRY(registry);
    auto stack = cachedStack(registry.hostPort());
    QVERIFY(stack);
    const BuiltManifest a = image(QStringLiteral("a"));
    const BuiltManifest b = image(QStringLiteral("b"));
    QVERIFY(push(stack->source(), a, QStringLiteral("v1")));
    QVERIFY(push(stack->source(), a, QStringLiteral("v2")));

    DeletionPreviewDialog dialog(stack->source(), Repo, a.digest.toString());
    dialog.show();
    dialog.start();
    QVERIFY2(waitForState(dialog, DeletionPreviewDialog::State::Ready),
             qPrintable(dialog.message()));
    QCOMPARE(dialog.deleteButton()->text(), QStringLiteral("Delete manifest and 2 tags"));

    // Someone else moves v2 onto another image, through another client.
    auto other = test::makeStack(registry.hostPort());
    QVERIFY(other);
    QVERIFY(push(other->source(), b, QStringLiteral("v2")));

    QSignalSpy deleted(&dialog, &DeletionPreviewDialog::deleted);
    QSignalSpy changed(&dialog, &DeletionPreviewDialog::repositoryChanged);
    QTest::mouseClick(dialog.deleteButton(), Qt::LeftButton);
    QVERIFY(dialog.state() == DeletionPreviewDialog::State::Executing);
    // The executor finds v2 moved: Stale, re-planned, shown again.
    QVERIFY(QTest::qWaitFor([&] { return changed.count() > 0; }, Timeout));
    QVERIFY2(waitForState(dialog, DeletionPreviewDialog::State::Ready),
             qPrintable(stateName(dialog.state()) + QLatin1Char(' ') + dialog.message()));
    QCOMPARE(deleted.count(), 0);
    QVERIFY2(dialog.message().contains(QStringLiteral("changed since the plan was made")) &&
                 dialog.message().contains(QStringLiteral("nothing was deleted")) &&
                 dialog.message().contains(QStringLiteral("tag v2 moved")),
             qPrintable(dialog.message()));
    QCOMPARE(dialog.planTree()->rowsOf(DeletionPlanTree::Section::Tags),
             QStringList{QStringLiteral("v1")});
    QCOMPARE(dialog.deleteButton()->text(), QStringLiteral("Delete manifest and 1 tag"));
    saveShot(&dialog, QStringLiteral("delete-stale"));

    // Nothing went: the manifest and both tags are where the other client left them.
    QCOMPARE(headStatus(registry.baseUrl(), a.digest.toString()), 200);
    QCOMPARE(headStatus(registry.baseUrl(), b.digest.toString()), 200);
    auto v1 = waitFor<ResolvedReference>([&](QObject *ctx, auto done) {
        return other->source()->resolve(Repo, QStringLiteral("v1"), ctx, done);
    });
    QVERIFY(v1.ok());
    QCOMPARE(v1->descriptor.digest, a.digest);
}

void TestDeletionPreview::referrersAndIndexesAreChoices()
{
    OCULAR_TEST_REGISTRY(registry);
    auto stack = test::makeStack(registry.hostPort());
    QVERIFY(stack);
    ContentSource *source = stack->source();
    // a, tagged v1, with an SBOM listed in its fallback tag (docker-registry 2.8 has no
    // referrers API); c, tagged c, is an entry of the index tagged multi.
    const BuiltManifest a = image(QStringLiteral("a"));
    const BuiltManifest sbom = artifact(QString(mediatype::SpdxJson), a, QStringLiteral("sbom"));
    const BuiltManifest c = image(QStringLiteral("c"));
    const BuiltManifest other = image(QStringLiteral("other"));
    const BuiltManifest multi = index({&c, &other});
    QVERIFY(push(source, a, QStringLiteral("v1")));
    QVERIFY(push(source, sbom, sbom.digest.toString()));
    QVERIFY(push(source, index({&sbom}, true), a.digest.fallbackTag()));
    QVERIFY(push(source, c, QStringLiteral("c")));
    QVERIFY(push(source, other, other.digest.toString()));
    QVERIFY(push(source, multi, QStringLiteral("multi")));

    // The SBOM would be left without its subject: shown, and offered as a choice.
    DeletionPreviewDialog dialog(source, Repo, QStringLiteral("v1"));
    dialog.show();
    dialog.start();
    QVERIFY2(waitForState(dialog, DeletionPreviewDialog::State::Ready),
             qPrintable(dialog.message()));
    DeletionPlanTree *tree = dialog.planTree();
    QCOMPARE(tree->rowsOf(DeletionPlanTree::Section::Orphans), QStringList{sbom.digest.toString()});
    QVERIFY(dialog.withReferrersBox()->isVisibleTo(&dialog));
    QVERIFY(!dialog.withReferrersBox()->isChecked());
    QVERIFY(dialog.breakIndexesBox()->isHidden());
    QCOMPARE(dialog.deleteButton()->text(), QStringLiteral("Delete manifest and 1 tag"));
    saveShot(&dialog, QStringLiteral("delete-orphans"));

    // Ticked: planned again with the SBOM deleted first, and its fallback tag emptied.
    dialog.withReferrersBox()->setChecked(true);
    QVERIFY(waitForState(dialog, DeletionPreviewDialog::State::Ready));
    QVERIFY(dialog.plan()->options.withReferrers);
    QCOMPARE(tree->rowsOf(DeletionPlanTree::Section::Manifests),
             (QStringList{sbom.digest.toString(), a.digest.toString()}));
    QVERIFY(!tree->section(DeletionPlanTree::Section::Orphans));
    QCOMPARE(tree->rowsOf(DeletionPlanTree::Section::EmptiedFallbackTags),
             QStringList{a.digest.fallbackTag()});
    QVERIFY2(dialog.deleteButton()->text().startsWith(QStringLiteral("Delete 2 manifests")),
             qPrintable(dialog.deleteButton()->text()));
    saveShot(&dialog, QStringLiteral("delete-with-referrers"));
    dialog.withReferrersBox()->setChecked(false);
    QVERIFY(waitForState(dialog, DeletionPreviewDialog::State::Ready));
    QCOMPARE(tree->rowsOf(DeletionPlanTree::Section::Orphans), QStringList{sbom.digest.toString()});

    // An entry of a tagged index: refused, with the reason, until "delete anyway" is ticked.
    DeletionPreviewDialog entry(source, Repo, QStringLiteral("c"));
    entry.show();
    entry.start();
    QVERIFY2(waitForState(entry, DeletionPreviewDialog::State::Refused),
             qPrintable(entry.message()));
    QVERIFY(!entry.deleteButton()->isEnabled());
    QVERIFY2(entry.message().startsWith(QStringLiteral("Refused: ")), qPrintable(entry.message()));
    QCOMPARE(entry.planTree()->rowsOf(DeletionPlanTree::Section::BrokenIndexes),
             QStringList{multi.digest.toString()});
    QVERIFY(entry.breakIndexesBox()->isVisibleTo(&entry));
    saveShot(&entry, QStringLiteral("delete-refused"));
    entry.breakIndexesBox()->setChecked(true);
    QVERIFY2(waitForState(entry, DeletionPreviewDialog::State::Ready), qPrintable(entry.message()));
    QVERIFY(entry.deleteButton()->isEnabled());
    QCOMPARE(entry.deleteButton()->text(), QStringLiteral("Delete manifest and 1 tag"));
    // The index is still listed: it breaks, and the user said so.
    QCOMPARE(entry.planTree()->rowsOf(DeletionPlanTree::Section::BrokenIndexes),
             QStringList{multi.digest.toString()});

    // Choosing sent nothing.
    for (const BuiltManifest *m : {&a, &sbom, &c, &multi})
        QCOMPARE(headStatus(registry.baseUrl(), m->digest.toString()), 200);
}

void TestDeletionPreview::registryRefusingDeletesChangesNothing()
{
    OCULAR_TEST_REGISTRY(registry);
    auto seed = test::makeStack(registry.hostPort());
    QVERIFY(seed);
    const BuiltManifest a = image(QStringLiteral("a"));
    QVERIFY(push(seed->source(), a, QStringLiteral("v1")));

    // A registry with deletes disabled answers 405 UNSUPPORTED.
    test::FaultProxy proxy(QUrl(registry.baseUrl()));
    QVERIFY2(proxy.listen(), qPrintable(proxy.errorString()));
    auto refuse = test::FaultProxy::rule("DELETE", QStringLiteral("^/v2/.*/manifests/"),
                                         test::FaultProxy::Action::Respond);
    refuse.status = 405;
    refuse.headers = {{"Content-Type", "application/json"}};
    refuse.body =
        R"({"errors":[{"code":"UNSUPPORTED","message":"The operation is unsupported."}]})";
    const int rule = proxy.addRule(refuse);
    auto stack = test::makeStack(proxy.hostPort());
    QVERIFY(stack);

    DeletionPreviewDialog dialog(stack->source(), Repo, QStringLiteral("v1"));
    dialog.show();
    dialog.start();
    QVERIFY2(waitForState(dialog, DeletionPreviewDialog::State::Ready),
             qPrintable(dialog.message()));
    QSignalSpy deleted(&dialog, &DeletionPreviewDialog::deleted);
    QTest::mouseClick(dialog.deleteButton(), Qt::LeftButton);
    QVERIFY2(waitForState(dialog, DeletionPreviewDialog::State::Finished),
             qPrintable(dialog.message()));
    QCOMPARE(proxy.hits(rule), 1);
    QCOMPARE(deleted.count(), 0);
    QVERIFY2(dialog.message().startsWith(QStringLiteral("Nothing was deleted: ")) &&
                 dialog.message().contains(QStringLiteral("UNSUPPORTED")),
             qPrintable(dialog.message()));
    QVERIFY(!dialog.message().contains(DeletionExecutor::storageNote()));
    saveShot(&dialog, QStringLiteral("delete-unsupported"));
    QCOMPARE(headStatus(registry.baseUrl(), a.digest.toString()), 200);
    QCOMPARE(headStatus(registry.baseUrl(), QStringLiteral("v1")), 200);
}

void TestDeletionPreview::closingWhileBuildingCancelsTheRequests()
{
    OCULAR_TEST_REGISTRY(registry);
    auto seed = test::makeStack(registry.hostPort());
    QVERIFY(seed);
    const BuiltManifest a = image(QStringLiteral("a"));
    QVERIFY(push(seed->source(), a, QStringLiteral("v1")));

    // The tag listing hangs for a while: the inventory is still being built when the dialog
    // goes away.
    test::FaultProxy proxy(QUrl(registry.baseUrl()));
    QVERIFY2(proxy.listen(), qPrintable(proxy.errorString()));
    auto slow = test::FaultProxy::rule("GET", QStringLiteral("/tags/list"),
                                       test::FaultProxy::Action::Delay);
    slow.delayMs = 3000;
    const int rule = proxy.addRule(slow);
    auto stack = test::makeStack(proxy.hostPort());
    QVERIFY(stack);

    auto *dialog = new DeletionPreviewDialog(stack->source(), Repo, a.digest.toString());
    dialog->show();
    dialog->start();
    QVERIFY(QTest::qWaitFor([&] { return proxy.hits(rule) > 0; }, Timeout));
    QCOMPARE(dialog->state(), DeletionPreviewDialog::State::Planning);
    QVERIFY(dialog->cancelButton()->text() == QStringLiteral("Cancel"));
    QVERIFY(!dialog->deleteButton()->isEnabled());
    QVERIFY(dialog->findChild<QProgressBar *>(QStringLiteral("deletionProgress"))->isVisible());
    saveShot(dialog, QStringLiteral("delete-planning"));
    QPointer<DeletionPreviewDialog> guard(dialog);
    QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
    QVERIFY(dialog->isHidden());
    delete dialog;
    QVERIFY(!guard);
    // The request in flight was aborted (well before the proxy's 3 s delay would have ended
    // it), and the delayed answer arriving later touches nothing.
    QVERIFY(QTest::qWaitFor([&] { return proxy.openConnections() == 0; }, 1500));
    QTest::qWait(3500);

    // Closed while the executor runs: the delete in flight is cancelled, nothing crashes.
    auto slowDelete = test::FaultProxy::rule("DELETE", QStringLiteral("/manifests/"),
                                             test::FaultProxy::Action::Delay);
    slowDelete.delayMs = 2000;
    proxy.clearRules();
    const int deleteRule = proxy.addRule(slowDelete);
    auto *running = new DeletionPreviewDialog(stack->source(), Repo, a.digest.toString());
    running->show();
    running->start();
    QVERIFY(waitForState(*running, DeletionPreviewDialog::State::Ready));
    QTest::mouseClick(running->deleteButton(), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return proxy.hits(deleteRule) > 0; }, Timeout));
    QCOMPARE(running->state(), DeletionPreviewDialog::State::Executing);
    running->close();
    delete running;
    QVERIFY(QTest::qWaitFor([&] { return proxy.openConnections() == 0; }, 1000));
    QTest::qWait(2500);

    // Cancel during the run keeps the dialog open and says the registry may be partly changed.
    const BuiltManifest b = image(QStringLiteral("b"));
    QVERIFY(push(seed->source(), b, QStringLiteral("b")));
    const int hitsBefore = proxy.hits(deleteRule);
    DeletionPreviewDialog cancelled(stack->source(), Repo, QStringLiteral("b"));
    cancelled.show();
    cancelled.start();
    QVERIFY2(waitForState(cancelled, DeletionPreviewDialog::State::Ready),
             qPrintable(cancelled.message()));
    QSignalSpy changed(&cancelled, &DeletionPreviewDialog::repositoryChanged);
    QSignalSpy deleted(&cancelled, &DeletionPreviewDialog::deleted);
    QTest::mouseClick(cancelled.deleteButton(), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return proxy.hits(deleteRule) > hitsBefore; }, Timeout));
    QCOMPARE(cancelled.cancelButton()->text(), QStringLiteral("Cancel"));
    QVERIFY(!cancelled.deleteButton()->isEnabled());
    QVERIFY(cancelled.findChild<QProgressBar *>(QStringLiteral("deletionProgress"))->isVisible());
    saveShot(&cancelled, QStringLiteral("delete-executing"));
    QTest::mouseClick(cancelled.cancelButton(), Qt::LeftButton);
    QVERIFY(cancelled.isVisible());
    QCOMPARE(cancelled.state(), DeletionPreviewDialog::State::Failed);
    QVERIFY2(cancelled.message().startsWith(QStringLiteral("Cancelled.")),
             qPrintable(cancelled.message()));
    QCOMPARE(cancelled.cancelButton()->text(), QStringLiteral("Close"));
    QCOMPARE(changed.count(), 1);
    QVERIFY(QTest::qWaitFor([&] { return proxy.openConnections() == 0; }, 1000));
    QTest::qWait(2500); // the executor's late answer, if any, changes nothing shown
    QCOMPARE(cancelled.state(), DeletionPreviewDialog::State::Failed);
    QCOMPARE(deleted.count(), 0);
}

void TestDeletionPreview::treeMenuAndDeleteKeyOpenTheDialog()
{
    OCULAR_TEST_REGISTRY(registry);
    auto stack = cachedStack(registry.hostPort());
    QVERIFY(stack);
    const BuiltManifest a = image(QStringLiteral("a"));
    const BuiltManifest keep = image(QStringLiteral("keep"));
    QVERIFY(push(stack->source(), a, QStringLiteral("v1")));
    QVERIFY(push(stack->source(), a, QStringLiteral("v1.0")));
    QVERIFY(push(stack->source(), keep, QStringLiteral("keep")));

    RepositoryTreePanel panel;
    panel.resize(600, 500);
    panel.show();
    panel.setSource(stack->source());
    QVERIFY(panel.openRepository(Repo));
    RegistryTreeModel *model = panel.model();
    QVERIFY(QTest::qWaitFor([&] { return model->tagIndex(Repo, QStringLiteral("v1")).isValid(); },
                            Timeout));
    const QModelIndex v1 =
        panel.proxy()->mapFromSource(model->tagIndex(Repo, QStringLiteral("v1")));

    // The right-click menu has Delete… in its Write section; a repository row has none.
    std::unique_ptr<ReferenceMenu> menu(panel.contextMenuFor(v1));
    QAction *remove = menu->findChild<QAction *>(QStringLiteral("delete"));
    QVERIFY(remove);
    QVERIFY(remove->isEnabled());
    bool sawWriteSection = false;
    for (QAction *action : menu->actions())
        sawWriteSection =
            sawWriteSection || (action->isSeparator() && action->text() == QLatin1String("Write"));
    QVERIFY(sawWriteSection);
    std::unique_ptr<ReferenceMenu> repoMenu(
        panel.contextMenuFor(panel.proxy()->mapFromSource(model->repositoryIndex(Repo))));
    QVERIFY(!repoMenu->findChild<QAction *>(QStringLiteral("delete")));

    remove->trigger();
    QPointer<DeletionPreviewDialog> dialog = panel.deleteDialog();
    QVERIFY(dialog);
    QVERIFY(waitForState(*dialog, DeletionPreviewDialog::State::Ready));
    QCOMPARE(dialog->deleteButton()->text(), QStringLiteral("Delete manifest and 2 tags"));
    dialog->reject();
    QVERIFY(QTest::qWaitFor([&] { return !dialog; }, Timeout)); // deleted on close
    QCOMPARE(headStatus(registry.baseUrl(), a.digest.toString()), 200);

    // The Delete key on the selected tag opens it too; after the delete the tree is read again
    // and the tags are gone from it.
    panel.view()->setCurrentIndex(v1);
    panel.view()->setFocus();
    QTest::keyClick(panel.view(), Qt::Key_Delete);
    dialog = panel.deleteDialog();
    QVERIFY(dialog);
    QSignalSpy deleted(&panel, &RepositoryTreePanel::manifestDeleted);
    QSignalSpy information(&panel, &RepositoryTreePanel::information);
    QVERIFY(waitForState(*dialog, DeletionPreviewDialog::State::Ready));
    QTest::mouseClick(dialog->deleteButton(), Qt::LeftButton);
    QVERIFY2(waitForState(*dialog, DeletionPreviewDialog::State::Finished),
             qPrintable(dialog->message()));
    QCOMPARE(deleted.count(), 1);
    QVERIFY(information.count() >= 1);
    QCOMPARE(information.last().first().toString(),
             QStringLiteral("Deleted 1 manifest from team/app"));
    QVERIFY(QTest::qWaitFor(
        [&] {
            return model->tagIndex(Repo, QStringLiteral("keep")).isValid() &&
                   !model->tagIndex(Repo, QStringLiteral("v1")).isValid() &&
                   !model->tagIndex(Repo, QStringLiteral("v1.0")).isValid();
        },
        Timeout));
    QCOMPARE(headStatus(registry.baseUrl(), a.digest.toString()), 404);
}

void TestDeletionPreview::switchingRegistryClosesTheDialog()
{
    OCULAR_TEST_REGISTRY(registry);
    auto seed = test::makeStack(registry.hostPort());
    QVERIFY(seed);
    const BuiltManifest a = image(QStringLiteral("a"));
    QVERIFY(push(seed->source(), a, QStringLiteral("v1")));

    test::FaultProxy proxy(QUrl(registry.baseUrl()));
    QVERIFY2(proxy.listen(), qPrintable(proxy.errorString()));
    auto stack = test::makeStack(proxy.hostPort());
    QVERIFY(stack);

    RepositoryTreePanel panel;
    panel.show();
    panel.setSource(stack->source());
    QVERIFY(panel.openRepository(Repo));
    QVERIFY(QTest::qWaitFor(
        [&] { return panel.model()->tagIndex(Repo, QStringLiteral("v1")).isValid(); }, Timeout));
    // From now on the tag listing hangs: the dialog's inventory build is in flight.
    auto slow = test::FaultProxy::rule("GET", QStringLiteral("/tags/list"),
                                       test::FaultProxy::Action::Delay);
    slow.delayMs = 3000;
    const int rule = proxy.addRule(slow);
    QVERIFY(panel.requestDelete(
        panel.proxy()->mapFromSource(panel.model()->tagIndex(Repo, QStringLiteral("v1")))));
    QPointer<DeletionPreviewDialog> dialog = panel.deleteDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitFor([&] { return proxy.hits(rule) > 0; }, Timeout));
    QCOMPARE(dialog->state(), DeletionPreviewDialog::State::Planning);

    // The panel switches away from the registry, then the registry's stack itself goes.
    panel.setSource(nullptr);
    QVERIFY(!panel.deleteDialog());
    QVERIFY(QTest::qWaitFor([&] { return !dialog; }, Timeout));
    stack.reset();
    QVERIFY(QTest::qWaitFor([&] { return proxy.openConnections() == 0; }, 1500));
    QTest::qWait(3500);
    QCOMPARE(headStatus(registry.baseUrl(), a.digest.toString()), 200);
}

void TestDeletionPreview::registryClosedUnderTheDialog()
{
    OCULAR_TEST_REGISTRY(registry);
    auto seed = test::makeStack(registry.hostPort());
    QVERIFY(seed);
    const BuiltManifest a = image(QStringLiteral("a"));
    QVERIFY(push(seed->source(), a, QStringLiteral("v1")));
    test::FaultProxy proxy(QUrl(registry.baseUrl()));
    QVERIFY2(proxy.listen(), qPrintable(proxy.errorString()));
    auto slow = test::FaultProxy::rule("GET", QStringLiteral("/tags/list"),
                                       test::FaultProxy::Action::Delay);
    slow.delayMs = 3000;
    const int rule = proxy.addRule(slow);
    auto stack = test::makeStack(proxy.hostPort());
    QVERIFY(stack);

    // The source goes first, while the dialog waits for it: the dialog stops waiting.
    DeletionPreviewDialog dialog(stack->source(), Repo, QStringLiteral("v1"));
    dialog.show();
    dialog.start();
    QVERIFY(QTest::qWaitFor([&] { return proxy.hits(rule) > 0; }, Timeout));
    stack.reset();
    QCOMPARE(dialog.state(), DeletionPreviewDialog::State::Failed);
    QCOMPARE(dialog.message(), QStringLiteral("The registry was closed; nothing was changed."));
    QVERIFY(!dialog.deleteButton()->isVisible());
    QTest::qWait(3500);
    QCOMPARE(dialog.state(), DeletionPreviewDialog::State::Failed);
    QVERIFY(!dialog.plan());
}

QTEST_MAIN(TestDeletionPreview)
#include "tst_deletionpreview.moc"
