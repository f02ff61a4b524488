// Add Tag… and Copy To… from the tree's right-click menu, against real docker-registries: what
// the dialogs refuse, that a tag is never moved without asking, that a copy to another registry
// keeps every digest and brings the referrers along, that Cancel and closing the window mid-copy
// leave nothing broken, and that each write reaches the activity log.
//
// With OCULAR_SCREENSHOT_DIR set, the dialogs are saved as PNGs there.
#include "activity/activitylog.h"
#include "content/mediatype.h"
#include "demo/demosummary.h"
#include "dialogs/addtagdialog.h"
#include "dialogs/copytodialog.h"
#include "dialogs/deletionpreviewdialog.h"
#include "dialogs/pushartifactdialog.h"
#include "dialogs/removetagdialog.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/mainwindowactions.h"
#include "mainwindow/registrywrites.h"
#include "models/registrytreemodel.h"
#include "panels/repositorytreepanel.h"
#include "source/contentsource.h"
#include "support/asyncwait.h"
#include "support/demoregistryclient.h"
#include "support/manifestpush.h"
#include "support/screenshot.h"
#include "support/tempenv.h"
#include "support/testmanifests.h"
#include "support/testregistry.h"
#include "support/teststack.h"
#include "views/referencemenu.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTreeView>

using namespace ocular;
using namespace ocular::test;
using ocular::test::image;

class TestWriteDialogs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void writeActionsAreOnTagsAndManifestsOnly();
    void addTagValidatesWritesAndRecords();
    void addTagNeverMovesATagWithoutAsking();
    void copyToAnotherRegistryKeepsDigestsAndReferrers();
    void copyRefusesItsOwnPlaceAndBadNames();
    void cancelAndClosingMidCopyLeaveNoTag();
    void deleteFromTheTreeIsRecorded();
    void editMenuWritesFollowTheSelection();

private:
    std::unique_ptr<MainWindow> openWindow();
    /// Selects `repository:tag` in the tree and waits for its manifest; the proxy index.
    QModelIndex selectTag(MainWindow &window, const QString &repository, const QString &tag);
    template <typename Dialog>
    Dialog *openFromMenu(MainWindow &window, const QModelIndex &proxyIndex, const QString &action);
    QList<ActivityEntry> activity() const;

    std::unique_ptr<TempEnv> m_env;
    std::unique_ptr<TestRegistry> m_registry;
    std::unique_ptr<TestRegistry> m_mirror;
    std::unique_ptr<RegistryStack> m_stack;
    std::unique_ptr<RegistryStack> m_mirrorStack;
    DemoSummary m_demo;
};

void TestWriteDialogs::initTestCase()
{
    m_env = std::make_unique<TempEnv>();
    QCoreApplication::setOrganizationName(QStringLiteral("OcularTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_writedialogs"));
    m_registry = std::make_unique<TestRegistry>();
    QVERIFY2(m_registry->ok(), qPrintable(m_registry->errorMessage()));
    m_mirror = std::make_unique<TestRegistry>();
    QVERIFY2(m_mirror->ok(), qPrintable(m_mirror->errorMessage()));
    DemoRegistryClient demo(m_registry->hostPort());
    Result<DemoSummary> seeded = demo.seed(3);
    QVERIFY2(seeded.ok(), qPrintable(seeded.error().toString()));
    m_demo = seeded.value();
    RegistryStackConfig config = test::testStackConfig(m_registry->hostPort());
    config.cache = RegistryStackConfig::Cache::Memory;
    m_stack = test::makeStack(config);
    QVERIFY(m_stack);
    m_mirrorStack = test::makeStack(m_mirror->baseUrl());
    QVERIFY(m_mirrorStack);
}

void TestWriteDialogs::cleanupTestCase()
{
    m_stack.reset();
    m_mirrorStack.reset();
    m_registry.reset();
    m_mirror.reset();
}

std::unique_ptr<MainWindow> TestWriteDialogs::openWindow()
{
    auto window = std::make_unique<MainWindow>(m_stack.get());
    window->resize(1200, 800);
    window->show();
    window->openRegistry(m_registry->baseUrl(), false);
    return window;
}

QModelIndex TestWriteDialogs::selectTag(MainWindow &window, const QString &repository,
                                        const QString &tag)
{
    RepositoryTreePanel *tree = window.treePanel();
    RegistryTreeModel *model = tree->model();
    if (!QTest::qWaitFor([&] { return model->repositoryIndex(repository).isValid(); }, 15000))
        return {};
    tree->view()->expand(tree->proxy()->mapFromSource(model->repositoryIndex(repository)));
    if (!QTest::qWaitFor([&] { return model->tagIndex(repository, tag).isValid(); }, 15000))
        return {};
    const QModelIndex source = model->tagIndex(repository, tag);
    tree->view()->setCurrentIndex(tree->proxy()->mapFromSource(source));
    if (!QTest::qWaitFor([&] { return model->node(source)->manifest.has_value(); }, 15000))
        return {};
    return tree->proxy()->mapFromSource(source);
}

template <typename Dialog>
Dialog *TestWriteDialogs::openFromMenu(MainWindow &window, const QModelIndex &proxyIndex,
                                       const QString &action)
{
    std::unique_ptr<ReferenceMenu> menu(window.treePanel()->contextMenuFor(proxyIndex));
    QAction *entry = menu->namedAction(action);
    if (!entry)
        return nullptr;
    entry->trigger();
    return qobject_cast<Dialog *>(window.writes()->currentDialog());
}

QList<ActivityEntry> TestWriteDialogs::activity() const
{
    const auto read = ActivityLog().read();
    return read.ok() ? read->entries : QList<ActivityEntry>();
}

void TestWriteDialogs::writeActionsAreOnTagsAndManifestsOnly()
{
    auto window = openWindow();
    const QModelIndex latest =
        selectTag(*window, QStringLiteral("demo/hello"), QStringLiteral("latest"));
    QVERIFY(latest.isValid());
    std::unique_ptr<ReferenceMenu> onTag(window->treePanel()->contextMenuFor(latest));
    QVERIFY(onTag->namedAction(QStringLiteral("addTag")));
    QVERIFY(onTag->namedAction(QStringLiteral("copyTo")));
    // A repository row has no manifest to tag or copy.
    std::unique_ptr<ReferenceMenu> onRepository(
        window->treePanel()->contextMenuFor(latest.parent()));
    QVERIFY(!onRepository->namedAction(QStringLiteral("addTag")));
    QVERIFY(!onRepository->namedAction(QStringLiteral("copyTo")));
}

void TestWriteDialogs::addTagValidatesWritesAndRecords()
{
    auto window = openWindow();
    const QModelIndex latest =
        selectTag(*window, QStringLiteral("demo/hello"), QStringLiteral("latest"));
    QVERIFY(latest.isValid());
    auto *dialog = openFromMenu<AddTagDialog>(*window, latest, QStringLiteral("addTag"));
    QVERIFY(dialog);
    QVERIFY(!dialog->applyButton()->isEnabled());

    dialog->tagEdit()->setText(QStringLiteral("-not/a tag"));
    QVERIFY(!dialog->applyButton()->isEnabled());
    QVERIFY2(dialog->statusText().contains(QStringLiteral("not a valid tag")),
             qPrintable(dialog->statusText()));

    const Digest index = m_demo.digests.value(demokey::HelloIndex);
    const int logged = int(activity().size());
    QSignalSpy recorded(window->writes(), &RegistryWrites::recorded);
    dialog->tagEdit()->setText(QStringLiteral("stable-gui"));
    QVERIFY(dialog->applyButton()->isEnabled());
    saveShot(dialog, QStringLiteral("add-tag"));
    dialog->apply();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 15000);
    QVERIFY2(dialog->statusText().contains(QStringLiteral("now names ") + index.toString()),
             qPrintable(dialog->statusText()));

    // The registry says so, not just the dialog: the same digest under the new tag.
    const auto tagged =
        digestOf(m_stack->source(), QStringLiteral("demo/hello"), QStringLiteral("stable-gui"));
    QVERIFY2(tagged.ok(), qPrintable(tagged.error().toString()));
    QCOMPARE(tagged.value(), index);
    QTRY_VERIFY_WITH_TIMEOUT(
        window->treePanel()
            ->model()
            ->tagIndex(QStringLiteral("demo/hello"), QStringLiteral("stable-gui"))
            .isValid(),
        15000);
    QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 1, 5000);
    QCOMPARE(recorded.first().first().toBool(), true);
    const QList<ActivityEntry> entries = activity();
    QCOMPARE(entries.size(), logged + 1);
    QCOMPARE(entries.last().action, QStringLiteral("tag"));
    QCOMPARE(entries.last().repository, QStringLiteral("demo/hello"));
    QCOMPARE(entries.last().reference, QStringLiteral("stable-gui"));
    QCOMPARE(entries.last().digest, index.toString());
}

void TestWriteDialogs::addTagNeverMovesATagWithoutAsking()
{
    auto window = openWindow();
    const QModelIndex latest =
        selectTag(*window, QStringLiteral("demo/hello"), QStringLiteral("latest"));
    QVERIFY(latest.isValid());
    const Digest index = m_demo.digests.value(demokey::HelloIndex);
    const Digest moving = m_demo.digests.value(demokey::HelloMoving);
    QVERIFY(moving.isValid() && moving != index);
    auto *dialog = openFromMenu<AddTagDialog>(*window, latest, QStringLiteral("addTag"));
    QVERIFY(dialog);
    dialog->tagEdit()->setText(QStringLiteral("moving"));
    dialog->apply();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 15000);
    QVERIFY2(dialog->statusText().contains(moving.toString()), qPrintable(dialog->statusText()));
    QCOMPARE(dialog->applyButton()->text(), QStringLiteral("Move Tag"));
    saveShot(dialog, QStringLiteral("add-tag-move"));
    auto still =
        digestOf(m_stack->source(), QStringLiteral("demo/hello"), QStringLiteral("moving"));
    QVERIFY(still.ok());
    QCOMPARE(still.value(), moving);

    // Editing the tag forgets the confirmation.
    dialog->tagEdit()->setText(QStringLiteral("movin"));
    dialog->tagEdit()->setText(QStringLiteral("moving"));
    QCOMPARE(dialog->applyButton()->text(), QStringLiteral("Add Tag"));
    dialog->apply();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 15000);
    QCOMPARE(dialog->applyButton()->text(), QStringLiteral("Move Tag"));
    still = digestOf(m_stack->source(), QStringLiteral("demo/hello"), QStringLiteral("moving"));
    QCOMPARE(still.value(), moving);

    // The second press, after seeing where it points, moves it.
    dialog->apply();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 15000);
    QVERIFY2(dialog->statusText().startsWith(QStringLiteral("Moved moving from ")),
             qPrintable(dialog->statusText()));
    const auto moved =
        digestOf(m_stack->source(), QStringLiteral("demo/hello"), QStringLiteral("moving"));
    QVERIFY(moved.ok());
    QCOMPARE(moved.value(), index);
}

void TestWriteDialogs::copyToAnotherRegistryKeepsDigestsAndReferrers()
{
    auto window = openWindow();
    const QModelIndex latest =
        selectTag(*window, QStringLiteral("demo/hello"), QStringLiteral("latest"));
    QVERIFY(latest.isValid());
    auto *dialog = openFromMenu<CopyToDialog>(*window, latest, QStringLiteral("copyTo"));
    QVERIFY(dialog);
    QCOMPARE(dialog->repositoryEdit()->text(), QStringLiteral("demo/hello"));
    QCOMPARE(dialog->tagEdit()->text(), QStringLiteral("latest"));
    QVERIFY(dialog->referrersBox()->isChecked());
    dialog->registryBox()->setEditText(m_mirror->baseUrl());
    dialog->repositoryEdit()->setText(QStringLiteral("mirror/hello"));
    QVERIFY2(dialog->copyButton()->isEnabled(), qPrintable(dialog->statusText()));
    const int logged = int(activity().size());
    QSignalSpy copied(dialog, &CopyToDialog::copied);
    dialog->start();
    QVERIFY(dialog->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 60000);
    QCOMPARE(copied.size(), 1);
    QVERIFY2(dialog->statusText().startsWith(QStringLiteral("Copied to ")),
             qPrintable(dialog->statusText()));
    const QRegularExpressionMatch referrers =
        QRegularExpression(QStringLiteral("(\\d+) of them referrers")).match(dialog->reportText());
    QVERIFY2(referrers.hasMatch() && referrers.captured(1).toInt() >= 3,
             qPrintable(dialog->reportText()));
    QVERIFY(dialog->reportText().contains(m_demo.digests.value(demokey::HelloIndex).toString()));
    saveShot(dialog, QStringLiteral("copy-to"));

    ContentSource *mirror = m_mirrorStack->source();
    const auto root = digestOf(mirror, QStringLiteral("mirror/hello"), QStringLiteral("latest"));
    QVERIFY2(root.ok(), qPrintable(root.error().toString()));
    QCOMPARE(root.value(), m_demo.digests.value(demokey::HelloIndex));
    const auto amd64 = digestOf(mirror, QStringLiteral("mirror/hello"),
                                m_demo.digests.value(demokey::HelloAmd64).toString());
    QVERIFY2(amd64.ok(), qPrintable(amd64.error().toString()));
    // The SBOM attached to the amd64 image came along, by its own digest.
    const auto spdx = digestOf(mirror, QStringLiteral("mirror/hello"),
                               m_demo.digests.value(demokey::HelloSpdx).toString());
    QVERIFY2(spdx.ok(), qPrintable(spdx.error().toString()));
    QTRY_COMPARE_WITH_TIMEOUT(int(activity().size()), logged + 1, 5000);
    QCOMPARE(activity().last().action, QStringLiteral("copy"));
    QCOMPARE(activity().last().repository, QStringLiteral("mirror/hello"));
}

void TestWriteDialogs::copyRefusesItsOwnPlaceAndBadNames()
{
    auto window = openWindow();
    const QModelIndex latest =
        selectTag(*window, QStringLiteral("demo/hello"), QStringLiteral("latest"));
    QVERIFY(latest.isValid());
    auto *dialog = openFromMenu<CopyToDialog>(*window, latest, QStringLiteral("copyTo"));
    QVERIFY(dialog);
    // As opened: the same registry, repository and tag.
    QVERIFY(!dialog->copyButton()->isEnabled());
    QVERIFY2(dialog->statusText().contains(QStringLiteral("already is")),
             qPrintable(dialog->statusText()));
    dialog->repositoryEdit()->setText(QStringLiteral("../other"));
    QVERIFY(!dialog->copyButton()->isEnabled());
    QVERIFY(dialog->statusText().contains(QStringLiteral("not a valid repository")));
    dialog->repositoryEdit()->setText(QStringLiteral("demo/copy"));
    dialog->tagEdit()->setText(QStringLiteral("bad tag"));
    QVERIFY(!dialog->copyButton()->isEnabled());
    dialog->tagEdit()->setText(QStringLiteral("v1"));
    QVERIFY(dialog->copyButton()->isEnabled());
    dialog->registryBox()->setEditText(QStringLiteral("http://"));
    QVERIFY(!dialog->copyButton()->isEnabled());
}

void TestWriteDialogs::cancelAndClosingMidCopyLeaveNoTag()
{
    auto window = openWindow();
    const QModelIndex latest =
        selectTag(*window, QStringLiteral("demo/hello"), QStringLiteral("latest"));
    QVERIFY(latest.isValid());
    auto *dialog = openFromMenu<CopyToDialog>(*window, latest, QStringLiteral("copyTo"));
    QVERIFY(dialog);
    dialog->registryBox()->setEditText(m_mirror->baseUrl());
    dialog->repositoryEdit()->setText(QStringLiteral("cancelled/hello"));
    dialog->start();
    QVERIFY(dialog->isRunning());
    // Cancel (the button says so while running) stops the copy; the dialog stays open.
    dialog->reject();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 15000);
    QVERIFY(dialog->isVisible());
    QVERIFY2(dialog->statusText().startsWith(QStringLiteral("Cancelled")),
             qPrintable(dialog->statusText()));
    QVERIFY(dialog->copyButton()->isEnabled());
    auto tag = digestOf(m_mirrorStack->source(), QStringLiteral("cancelled/hello"),
                        QStringLiteral("latest"));
    QVERIFY(!tag.ok());
    QCOMPARE(tag.error().kind, ErrorKind::NotFound);

    // Closing the whole window mid-copy: the dialog goes with it and nothing is delivered to it.
    dialog->repositoryEdit()->setText(QStringLiteral("closed/hello"));
    dialog->start();
    QVERIFY(dialog->isRunning());
    QPointer<CopyToDialog> watch(dialog);
    window.reset();
    QVERIFY(!watch);
    QTest::qWait(300);
    tag =
        digestOf(m_mirrorStack->source(), QStringLiteral("closed/hello"), QStringLiteral("latest"));
    QVERIFY(!tag.ok());
}

void TestWriteDialogs::deleteFromTheTreeIsRecorded()
{
    ContentSource *source = m_stack->source();
    const QString repository = QStringLiteral("scratch/one");
    const QByteArray manifest = image(QStringLiteral("scratch"));
    for (const QByteArray &blob : {QByteArray("{\"salt\":\"scratch\"}"), QByteArray("scratch")}) {
        const auto pushed = waitFor<Digest>([&](QObject *context, auto done) {
            return source->pushBlob(repository, blob, context, done);
        });
        QVERIFY2(pushed.ok(), qPrintable(pushed.error().toString()));
    }
    const auto pushed = waitFor<PushedContent>([&](QObject *context, auto done) {
        return source->pushManifest(repository, QStringLiteral("gone"), manifest,
                                    QString(mediatype::OciManifest), context, done);
    });
    QVERIFY2(pushed.ok(), qPrintable(pushed.error().toString()));

    auto window = openWindow();
    const QModelIndex gone = selectTag(*window, repository, QStringLiteral("gone"));
    QVERIFY(gone.isValid());
    const int logged = int(activity().size());
    QVERIFY(window->treePanel()->requestDelete(gone));
    DeletionPreviewDialog *dialog = window->treePanel()->deleteDialog();
    QVERIFY(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->state(), DeletionPreviewDialog::State::Ready, 15000);
    QCOMPARE(dialog->deleteButton()->text(), QStringLiteral("Delete manifest and 1 tag"));
    dialog->deleteButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(dialog->state(), DeletionPreviewDialog::State::Finished, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(int(activity().size()), logged + 1, 5000);
    const ActivityEntry entry = activity().last();
    QCOMPARE(entry.action, QStringLiteral("delete"));
    QCOMPARE(entry.repository, repository);
    QCOMPARE(entry.digest, Digest::sha256(manifest).toString());
    QCOMPARE(entry.summary, QStringLiteral("deleted 1 manifest(s) and 1 tag(s)"));
    const auto after = digestOf(source, repository, Digest::sha256(manifest).toString());
    QVERIFY(!after.ok());
    QCOMPARE(after.error().kind, ErrorKind::NotFound);
}

void TestWriteDialogs::editMenuWritesFollowTheSelection()
{
    auto window = openWindow();
    const QStringList names = MainWindowActions::treeWriteNames();
    QCOMPARE(names.size(), 6);
    // Every write has its own shortcut, clashing with no other action of the window.
    QSet<QKeySequence> shortcuts;
    QList<QAction *> all = window->actions();
    for (const QString &name : names) {
        QAction *action = window->action(name);
        QVERIFY2(action, qPrintable(name));
        QVERIFY2(!action->shortcut().isEmpty(), qPrintable(name));
        QVERIFY(!action->isEnabled()); // nothing selected yet
        if (!all.contains(action))
            all.append(action); // Delete lives on the tree, not on the window
    }
    for (QAction *action : all) {
        if (action->shortcut().isEmpty())
            continue;
        QVERIFY2(!shortcuts.contains(action->shortcut()),
                 qPrintable(action->shortcut().toString()));
        shortcuts.insert(action->shortcut());
    }
    QCOMPARE(window->action(QStringLiteral("delete"))->shortcut(),
             QKeySequence(QKeySequence::Delete));

    auto enabledNames = [&] {
        QStringList enabled;
        for (const QString &name : names)
            if (window->action(name)->isEnabled())
                enabled.append(name);
        return enabled;
    };
    const QModelIndex latest =
        selectTag(*window, QStringLiteral("demo/hello"), QStringLiteral("latest"));
    QVERIFY(latest.isValid());
    QCOMPARE(enabledNames(), (QStringList{QStringLiteral("attachFiles"), QStringLiteral("addTag"),
                                          QStringLiteral("copyTo"), QStringLiteral("removeTag"),
                                          QStringLiteral("delete")}));
    QTreeView *view = window->treePanel()->view();
    view->setCurrentIndex(latest.parent());
    QCOMPARE(enabledNames(), QStringList{QStringLiteral("pushArtifact")});

    // The repository row: Push Artifact… opens the push dialog for it.
    window->action(QStringLiteral("pushArtifact"))->trigger();
    auto *push = window->findChild<PushArtifactDialog *>();
    QVERIFY(push);
    push->close();
    QTRY_VERIFY(!window->findChild<PushArtifactDialog *>());
    // Disabled entries do nothing, even when triggered by a shortcut that slipped through.
    window->action(QStringLiteral("addTag"))->trigger();
    QVERIFY(!window->writes()->currentDialog());

    // The tag row: the same dialogs as the context menu.
    view->setCurrentIndex(latest);
    window->action(QStringLiteral("addTag"))->trigger();
    QVERIFY(qobject_cast<AddTagDialog *>(window->writes()->currentDialog()));
    window->action(QStringLiteral("copyTo"))->trigger();
    QVERIFY(qobject_cast<CopyToDialog *>(window->writes()->currentDialog()));
    window->action(QStringLiteral("removeTag"))->trigger();
    auto *remove = qobject_cast<RemoveTagDialog *>(window->writes()->currentDialog());
    QVERIFY(remove);
    QVERIFY(remove->descriptionText().contains(QStringLiteral("latest")));
    remove->close();
    window->action(QStringLiteral("attachFiles"))->trigger();
    push = window->findChild<PushArtifactDialog *>();
    QVERIFY(push);
    push->close();
    window->action(QStringLiteral("delete"))->trigger();
    QVERIFY(window->treePanel()->deleteDialog());
    window->treePanel()->deleteDialog()->reject();
}

QTEST_MAIN(TestWriteDialogs)
#include "tst_writedialogs.moc"
