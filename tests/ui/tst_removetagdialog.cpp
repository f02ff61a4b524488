// Remove Tag… from the tree's right-click menu, against a real docker-registry (2.8 refuses a
// plain tag delete with 400): the refusal is quoted and nothing changes until the user presses
// Remove with Placeholder; then exactly that tag goes, the manifest and its other tag stay, the
// tree is read again and the activity log has the entry. Cancel leaves the tag where it was.
//
// With OCULAR_SCREENSHOT_DIR set, the dialog is saved as PNGs there.
#include "activity/activitylog.h"
#include "content/mediatype.h"
#include "dialogs/removetagdialog.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/registrywrites.h"
#include "models/registrytreemodel.h"
#include "panels/repositorytreepanel.h"
#include "source/contentsource.h"
#include "support/asyncwait.h"
#include "support/manifestpush.h"
#include "support/screenshot.h"
#include "support/tempenv.h"
#include "support/testmanifests.h"
#include "support/testregistry.h"
#include "support/teststack.h"
#include "views/referencemenu.h"

#include <QAction>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTreeView>

using namespace ocular;
using namespace ocular::test;
using ocular::test::image;

class TestRemoveTagDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void removeTagIsOnTagRowsOnly();
    void refusalChangesNothingUntilThePlaceholderIsChosen();
    void cancelLeavesTheTag();

private:
    /// Pushes one image to `repository` under every tag in `tags`; its digest.
    Digest pushImage(const QString &repository, const QString &salt, const QStringList &tags);
    std::unique_ptr<MainWindow> openWindow();
    QModelIndex selectTag(MainWindow &window, const QString &repository, const QString &tag);
    RemoveTagDialog *openFromMenu(MainWindow &window, const QModelIndex &proxyIndex);
    QList<ActivityEntry> activity() const;

    std::unique_ptr<TempEnv> m_env;
    std::unique_ptr<TestRegistry> m_registry;
    std::unique_ptr<RegistryStack> m_stack;
};

void TestRemoveTagDialog::initTestCase()
{
    m_env = std::make_unique<TempEnv>();
    QCoreApplication::setOrganizationName(QStringLiteral("OcularTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_removetagdialog"));
    m_registry = std::make_unique<TestRegistry>();
    QVERIFY2(m_registry->ok(), qPrintable(m_registry->errorMessage()));
    RegistryStackConfig config = test::testStackConfig(m_registry->hostPort());
    config.cache = RegistryStackConfig::Cache::Memory;
    m_stack = test::makeStack(config);
    QVERIFY(m_stack);
}

void TestRemoveTagDialog::cleanupTestCase()
{
    m_stack.reset();
    m_registry.reset();
}

Digest TestRemoveTagDialog::pushImage(const QString &repository, const QString &salt,
                                      const QStringList &tags)
{
    ContentSource *source = m_stack->source();
    // The blobs test::image() names: its config and its one layer.
    for (const QByteArray &blob :
         {QStringLiteral("{\"salt\":\"%1\"}").arg(salt).toUtf8(), salt.toUtf8()}) {
        const auto pushed = waitFor<Digest>([&](QObject *context, auto done) {
            return source->pushBlob(repository, blob, context, done);
        });
        if (!pushed.ok())
            return {};
    }
    const QByteArray manifest = image(salt);
    for (const QString &tag : tags) {
        const auto pushed = waitFor<PushedContent>([&](QObject *context, auto done) {
            return source->pushManifest(repository, tag, manifest, QString(mediatype::OciManifest),
                                        context, done);
        });
        if (!pushed.ok())
            return {};
    }
    return Digest::sha256(manifest);
}

std::unique_ptr<MainWindow> TestRemoveTagDialog::openWindow()
{
    auto window = std::make_unique<MainWindow>(m_stack.get());
    window->resize(1200, 800);
    window->show();
    window->openRegistry(m_registry->baseUrl(), false);
    return window;
}

QModelIndex TestRemoveTagDialog::selectTag(MainWindow &window, const QString &repository,
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

RemoveTagDialog *TestRemoveTagDialog::openFromMenu(MainWindow &window,
                                                   const QModelIndex &proxyIndex)
{
    std::unique_ptr<ReferenceMenu> menu(window.treePanel()->contextMenuFor(proxyIndex));
    QAction *entry = menu->namedAction(QStringLiteral("removeTag"));
    if (!entry)
        return nullptr;
    entry->trigger();
    return qobject_cast<RemoveTagDialog *>(window.writes()->currentDialog());
}

QList<ActivityEntry> TestRemoveTagDialog::activity() const
{
    const auto read = ActivityLog().read();
    return read.ok() ? read->entries : QList<ActivityEntry>();
}

void TestRemoveTagDialog::removeTagIsOnTagRowsOnly()
{
    const QString repository = QStringLiteral("untag/rows");
    QVERIFY(pushImage(repository, QStringLiteral("rows"), {QStringLiteral("v1")}).isValid());
    auto window = openWindow();
    const QModelIndex v1 = selectTag(*window, repository, QStringLiteral("v1"));
    QVERIFY(v1.isValid());
    std::unique_ptr<ReferenceMenu> onTag(window->treePanel()->contextMenuFor(v1));
    QVERIFY(onTag->namedAction(QStringLiteral("removeTag")));
    // A repository has no tag to remove.
    std::unique_ptr<ReferenceMenu> onRepository(window->treePanel()->contextMenuFor(v1.parent()));
    QVERIFY(!onRepository->namedAction(QStringLiteral("removeTag")));
}

void TestRemoveTagDialog::refusalChangesNothingUntilThePlaceholderIsChosen()
{
    const QString repository = QStringLiteral("untag/pair");
    const Digest digest = pushImage(repository, QStringLiteral("pair"),
                                    {QStringLiteral("one"), QStringLiteral("two")});
    QVERIFY(digest.isValid());
    ContentSource *source = m_stack->source();

    auto window = openWindow();
    // Both rows loaded: the dialog can name the other tag on the same manifest.
    QVERIFY(selectTag(*window, repository, QStringLiteral("two")).isValid());
    const QModelIndex one = selectTag(*window, repository, QStringLiteral("one"));
    QVERIFY(one.isValid());
    RemoveTagDialog *dialog = openFromMenu(*window, one);
    QVERIFY(dialog);
    QVERIFY2(dialog->descriptionText().contains(digest.toString()),
             qPrintable(dialog->descriptionText()));
    QVERIFY2(dialog->descriptionText().contains(QStringLiteral("Other tags naming it: two.")),
             qPrintable(dialog->descriptionText()));
    QVERIFY(dialog->removeButton()->isEnabled());
    QVERIFY(!dialog->placeholderButton()->isVisible());
    saveShot(dialog, QStringLiteral("remove-tag"));

    // docker-registry refuses the plain tag delete: its words are shown, nothing is changed.
    const int logged = int(activity().size());
    QSignalSpy untagged(dialog, &RemoveTagDialog::untagged);
    dialog->removeTag();
    QVERIFY(dialog->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 15000);
    QVERIFY2(dialog->statusText().contains(QStringLiteral("refused")) &&
                 dialog->statusText().contains(QStringLiteral("400")) &&
                 dialog->statusText().contains(QStringLiteral("DIGEST_INVALID")),
             qPrintable(dialog->statusText()));
    QVERIFY(dialog->statusText().contains(Untagger::placeholderNote()));
    QVERIFY(dialog->placeholderButton()->isVisible());
    QVERIFY(dialog->placeholderButton()->isEnabled());
    saveShot(dialog, QStringLiteral("remove-tag-refused"));
    QCOMPARE(untagged.size(), 0);
    for (const QString &tag : {QStringLiteral("one"), QStringLiteral("two")}) {
        const auto still = digestOf(source, repository, tag);
        QVERIFY2(still.ok(), qPrintable(still.error().toString()));
        QCOMPARE(still.value(), digest);
    }
    QTest::qWait(200);
    QCOMPARE(int(activity().size()), logged);

    // The explicit choice: one goes, two still names the same manifest.
    QSignalSpy recorded(window->writes(), &RegistryWrites::recorded);
    dialog->placeholderButton()->click();
    QVERIFY(dialog->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 15000);
    QCOMPARE(untagged.size(), 1);
    QVERIFY2(dialog->statusText().contains(QStringLiteral("with a placeholder")),
             qPrintable(dialog->statusText()));
    QVERIFY(!dialog->removeButton()->isEnabled());
    QVERIFY(!dialog->placeholderButton()->isEnabled());
    saveShot(dialog, QStringLiteral("remove-tag-done"));
    const auto gone = digestOf(source, repository, QStringLiteral("one"));
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error().kind, ErrorKind::NotFound);
    const auto kept = digestOf(source, repository, QStringLiteral("two"));
    QVERIFY2(kept.ok(), qPrintable(kept.error().toString()));
    QCOMPARE(kept.value(), digest);
    const auto byDigest = digestOf(source, repository, digest.toString());
    QVERIFY2(byDigest.ok(), qPrintable(byDigest.error().toString()));

    // The tree is read again; the log says what was done.
    RegistryTreeModel *model = window->treePanel()->model();
    QTRY_VERIFY_WITH_TIMEOUT(!model->tagIndex(repository, QStringLiteral("one")).isValid(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(model->tagIndex(repository, QStringLiteral("two")).isValid(), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 1, 5000);
    QCOMPARE(recorded.first().first().toBool(), true);
    const QList<ActivityEntry> entries = activity();
    QCOMPARE(int(entries.size()), logged + 1);
    QCOMPARE(entries.last().action, QStringLiteral("untag"));
    QCOMPARE(entries.last().repository, repository);
    QCOMPARE(entries.last().reference, QStringLiteral("one"));
    QCOMPARE(entries.last().digest, digest.toString());
    QCOMPARE(entries.last().details.value(QStringLiteral("method")).toString(),
             QStringLiteral("placeholder"));
}

void TestRemoveTagDialog::cancelLeavesTheTag()
{
    const QString repository = QStringLiteral("untag/cancel");
    const Digest digest = pushImage(repository, QStringLiteral("cancel"), {QStringLiteral("v1")});
    QVERIFY(digest.isValid());
    auto window = openWindow();
    const QModelIndex v1 = selectTag(*window, repository, QStringLiteral("v1"));
    QVERIFY(v1.isValid());
    RemoveTagDialog *dialog = openFromMenu(*window, v1);
    QVERIFY(dialog);
    const int logged = int(activity().size());
    dialog->removeTag();
    QVERIFY(dialog->isRunning());
    // Cancel while running: the dialog stays, saying so.
    dialog->reject();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 15000);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->statusText(), QStringLiteral("Cancelled."));
    QVERIFY(dialog->removeButton()->isEnabled());
    // Closing the window mid-run takes the dialog with it.
    dialog->removeTag();
    QPointer<RemoveTagDialog> watch(dialog);
    window.reset();
    QVERIFY(!watch);
    QTest::qWait(300);
    const auto still = digestOf(m_stack->source(), repository, QStringLiteral("v1"));
    QVERIFY2(still.ok(), qPrintable(still.error().toString()));
    QCOMPARE(still.value(), digest);
    QCOMPARE(int(activity().size()), logged);
}

QTEST_MAIN(TestRemoveTagDialog)
#include "tst_removetagdialog.moc"
