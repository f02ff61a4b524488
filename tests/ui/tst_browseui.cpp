// The main window over the demo content in a real docker-registry, as a new user meets it:
// cancelling, the filter, attachment tags grouped under their subject, Open by any reference,
// right-click menus, the dialogs' wording, the View and Help menus, the layout at 900×600, and
// no GUI-thread stall over 200 ms while browsing (EventLoopStallProbe).
//
// With OCULAR_SCREENSHOT_DIR set, each test also saves what it looked at as a PNG there.
#include "cache/contentcache.h"
#include "dialogs/addregistrydialog.h"
#include "dialogs/logindialog.h"
#include "dialogs/preferencesdialog.h"
#include "dialogs/registrysettingsdialog.h"
#include "http/httpclient.h"
#include "mainwindow/mainwindow.h"
#include "models/registrytreemodel.h"
#include "panels/inspectorpanel.h"
#include "panels/registrylistpanel.h"
#include "panels/repositorytreepanel.h"
#include "panels/supplychaindock.h"
#include "support/demoregistryclient.h"
#include "support/faultproxy.h"
#include "support/screenshot.h"
#include "support/tempenv.h"
#include "support/testregistry.h"
#include "support/teststack.h"
#include "views/activitystatus.h"
#include "views/contentview.h"
#include "views/displayformat.h"
#include "views/eventloopstallprobe.h"
#include "views/referencemenu.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QTreeView>

using namespace ocular;
using namespace ocular::test;

namespace {

QStringList childNames(const QAbstractItemModel *model, const QModelIndex &parent)
{
    QStringList names;
    for (int row = 0; row < model->rowCount(parent); ++row)
        names.append(model->index(row, 0, parent).data().toString());
    return names;
}

QModelIndex childNamed(const QAbstractItemModel *model, const QModelIndex &parent,
                       const QString &prefix)
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex child = model->index(row, 0, parent);
        if (child.data().toString().startsWith(prefix))
            return child;
    }
    return {};
}

} // namespace

class TestBrowseUi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();

    void displayFormatIsOneFormat();
    void stallProbeMeasuresABlockedLoop();
    void layoutGivesTheInspectorMostOfTheWidth();
    void cancelShowsCancelledAndEscWhenIdleSaysNothing();
    void filterSearchesNamesAndRestoresExpansion();
    void attachmentTagsAreGroupedWithAToggle();
    void openAcceptsAnyReference();
    void contextMenuCopiesOpensAndRefreshes();
    void bigIndexEntriesShowTheirNames();
    void addRegistryWithAPathOpensTheRepository();
    void registrySettingsMatchTheHost();
    void loginSaysNothingBeforeTyping();
    void viewMenuBringsBackTheDock();
    void aboutShowsVersionsAndLicence();
    void preferencesBoundTheDiskCache();
    void seedingProgressIsShownInTheTree();
    void browsingTheDemoNeverStalls_data();
    void browsingTheDemoNeverStalls();

private:
    std::unique_ptr<MainWindow> openWindow(const QString &url = {});
    QModelIndex expandRepository(MainWindow &window, const QString &repository);

    std::unique_ptr<TempEnv> m_env;
    std::unique_ptr<TestRegistry> m_registry;
    std::unique_ptr<RegistryStack> m_stack;
    DemoSummary m_demo;
};

void TestBrowseUi::initTestCase()
{
    m_env = std::make_unique<TempEnv>();
    QCoreApplication::setOrganizationName(QStringLiteral("OcularTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_browseui"));
    QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
    m_registry = std::make_unique<TestRegistry>();
    QVERIFY2(m_registry->ok(), qPrintable(m_registry->errorMessage()));
    DemoRegistryClient demo(m_registry->hostPort());
    Result<DemoSummary> seeded = demo.seed(30);
    QVERIFY2(seeded.ok(), qPrintable(seeded.error().toString()));
    m_demo = seeded.value();
    // The GUI's wiring (main.cpp) with a memory cache instead of the user's disk cache.
    RegistryStackConfig config = test::testStackConfig(m_registry->hostPort());
    config.cache = RegistryStackConfig::Cache::Memory;
    m_stack = test::makeStack(config);
    QVERIFY(m_stack);
}

void TestBrowseUi::cleanupTestCase()
{
    m_stack.reset();
    m_registry.reset();
}

void TestBrowseUi::init()
{
    QSettings().clear();
}

std::unique_ptr<MainWindow> TestBrowseUi::openWindow(const QString &url)
{
    auto window = std::make_unique<MainWindow>(m_stack.get());
    window->resize(1400, 900);
    window->show();
    window->openRegistry(url.isEmpty() ? m_registry->baseUrl() : url, false);
    return window;
}

QModelIndex TestBrowseUi::expandRepository(MainWindow &window, const QString &repository)
{
    RepositoryTreePanel *tree = window.treePanel();
    RegistryTreeModel *model = tree->model();
    if (!QTest::qWaitFor([&] { return model->repositoryIndex(repository).isValid(); }, 15000))
        return {};
    const QModelIndex repo = model->repositoryIndex(repository);
    tree->view()->expand(tree->proxy()->mapFromSource(repo));
    if (!QTest::qWaitFor(
            [&] {
                return model->data(repo, RegistryTreeModel::LoadStateRole).toInt() ==
                       int(LoadState::Loaded);
            },
            15000))
        return {};
    return repo;
}

void TestBrowseUi::displayFormatIsOneFormat()
{
    QCOMPARE(displayformat::dateTime(QDateTime()), QString());
    // Go's zero time, which cosign writes for a missing date.
    QCOMPARE(displayformat::dateTime(QStringLiteral("0001-01-01T00:00:00Z")), QString());
    QCOMPARE(displayformat::dateTime(QString()), QString());
    const QDateTime when(QDate(2026, 3, 4), QTime(5, 6, 7), Qt::UTC);
    QCOMPARE(displayformat::dateTime(when),
             when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    QCOMPARE(displayformat::dateTime(QStringLiteral("2026-03-04T05:06:07Z")),
             displayformat::dateTime(when));
    QCOMPARE(displayformat::dateTime(QStringLiteral("not a date")), QStringLiteral("not a date"));
    const Digest digest = Digest::sha256("x");
    QCOMPARE(displayformat::shortDigest(digest).size(),
             qsizetype(QStringLiteral("sha256:").size() + displayformat::kShortDigestHexChars));
    QCOMPARE(displayformat::shortDigest(Digest()), QString());
    QCOMPARE(displayformat::registryName(QStringLiteral("http://127.0.0.1:45027")),
             QStringLiteral("127.0.0.1:45027"));
    QCOMPARE(displayformat::registryName(QStringLiteral("127.0.0.1:1")),
             QStringLiteral("127.0.0.1:1"));
    QCOMPARE(displayformat::registryName(QStringLiteral("https://GHCR.io/")),
             QStringLiteral("ghcr.io"));
}

void TestBrowseUi::stallProbeMeasuresABlockedLoop()
{
    EventLoopStallProbe probe(5);
    probe.start();
    QTest::qWait(100);
    QVERIFY2(probe.maxStallMs() < 60, qPrintable(probe.report()));
    // Block the loop on purpose: the probe must see it.
    QTimer::singleShot(10, &probe, [] { QThread::msleep(150); });
    QTest::qWait(300);
    const EventLoopStallProbe::Summary summary = probe.summary();
    QVERIFY2(summary.maxMs >= 140, qPrintable(probe.report()));
    QVERIFY(summary.samples > 10);
    QVERIFY(summary.p50Ms < summary.maxMs);
    QVERIFY(summary.over50Ms >= 1);
    QVERIFY(probe.report().contains(QStringLiteral("max ")));
    probe.reset();
    QCOMPARE(probe.summary().samples, 0);
    QVERIFY(EventLoopStallProbe::requested({QStringLiteral("--stall-report")}));
}

void TestBrowseUi::layoutGivesTheInspectorMostOfTheWidth()
{
    auto window = openWindow();
    window->resize(900, 600);
    QTRY_COMPARE(window->width(), 900);
    QCoreApplication::processEvents();
    auto *splitter = window->findChild<QSplitter *>();
    QVERIFY(splitter);
    QTRY_VERIFY2(window->inspector()->width() > 480,
                 qPrintable(QString::number(window->inspector()->width())));
    QVERIFY(window->inspector()->width() > window->treePanel()->width());
    saveShot(window.get(), QStringLiteral("main-900x600"));
}

void TestBrowseUi::cancelShowsCancelledAndEscWhenIdleSaysNothing()
{
    FaultProxy proxy(QUrl(m_registry->baseUrl()));
    QVERIFY2(proxy.listen(), qPrintable(proxy.errorString()));
    FaultProxy::Rule slow =
        FaultProxy::rule("GET", QStringLiteral("/manifests/"), FaultProxy::Action::Delay);
    slow.delayMs = 20000;
    proxy.addRule(slow);
    auto window = openWindow(proxy.baseUrl().toString());
    RepositoryTreePanel *tree = window->treePanel();
    RegistryTreeModel *model = tree->model();
    const QModelIndex repo = expandRepository(*window, QStringLiteral("team/service/api"));
    QVERIFY(repo.isValid());
    const QModelIndex tag =
        model->tagIndex(QStringLiteral("team/service/api"), QStringLiteral("v1.0"));
    QVERIFY(tag.isValid());
    tree->view()->setCurrentIndex(tree->proxy()->mapFromSource(tag));
    QTRY_VERIFY(window->activity()->isBusy());
    QCOMPARE(window->inspector()->jsonView()->toPlainText(), QStringLiteral("Loading manifest…"));

    QTest::keyClick(window.get(), Qt::Key_Escape);
    QTRY_VERIFY(!window->activity()->isBusy());
    QCOMPARE(window->activity()->text(), QStringLiteral("Cancelled."));
    QVERIFY2(window->inspector()->jsonView()->toPlainText().contains(QStringLiteral("cancelled")),
             qPrintable(window->inspector()->jsonView()->toPlainText()));
    QTRY_VERIFY(model->index(tag.row(), RegistryTreeModel::DetailColumn, tag.parent())
                    .data()
                    .toString()
                    .contains(QStringLiteral("cancelled")));
    QVERIFY(model->canFetchMore(tag));
    saveShot(window.get(), QStringLiteral("cancelled"));

    // Esc with nothing loading says nothing.
    window->activity()->showInfo(QStringLiteral("Copied x"));
    QTest::keyClick(window.get(), Qt::Key_Escape);
    QCOMPARE(window->activity()->text(), QStringLiteral("Copied x"));
}

void TestBrowseUi::filterSearchesNamesAndRestoresExpansion()
{
    auto window = openWindow();
    RepositoryTreePanel *tree = window->treePanel();
    RegistryTreeModel *model = tree->model();
    QSortFilterProxyModel *proxy = tree->proxy();
    const QModelIndex hello = expandRepository(*window, QStringLiteral("demo/hello"));
    QVERIFY(hello.isValid());
    QVERIFY(tree->view()->isExpanded(proxy->mapFromSource(hello)));

    // A repository never expanded matches by name.
    tree->filterEdit()->setText(QStringLiteral("many"));
    QCOMPARE(childNames(proxy, {}), QStringList{QStringLiteral("demo/many-tags")});
    QVERIFY(tree->noMatchMessage().isEmpty());

    // A tag of a loaded repository matches; its repository opens to show it, and platforms
    // under other tags do not keep them alive.
    tree->filterEdit()->setText(QStringLiteral("moving"));
    QCOMPARE(childNames(proxy, {}), QStringList{QStringLiteral("demo/hello")});
    const QModelIndex helloProxy = proxy->index(0, 0);
    QVERIFY(childNames(proxy, helloProxy).contains(QStringLiteral("moving")));
    QVERIFY(!childNames(proxy, helloProxy).contains(QStringLiteral("latest")));
    QVERIFY(tree->view()->isExpanded(helloProxy));

    tree->filterEdit()->setText(QStringLiteral("no-such-thing"));
    QCOMPARE(proxy->rowCount(), 0);
    QVERIFY2(tree->noMatchMessage().contains(
                 QStringLiteral("No repository or tag matches “no-such-thing”")),
             qPrintable(tree->noMatchMessage()));
    saveShot(tree, QStringLiteral("filter-no-match"));

    // Cleared: demo/hello is expanded again, the others are as they were.
    tree->filterEdit()->clear();
    QVERIFY(tree->noMatchMessage().isEmpty());
    QVERIFY(tree->view()->isExpanded(proxy->mapFromSource(hello)));
    QVERIFY(!tree->view()->isExpanded(
        proxy->mapFromSource(model->repositoryIndex(QStringLiteral("demo/many-tags")))));
}

void TestBrowseUi::attachmentTagsAreGroupedWithAToggle()
{
    auto window = openWindow();
    RepositoryTreePanel *tree = window->treePanel();
    RegistryTreeModel *model = tree->model();
    const QModelIndex hello = expandRepository(*window, QStringLiteral("demo/hello"));
    QVERIFY(hello.isValid());
    const QStringList top = childNames(model, hello);
    QVERIFY2(!top.contains(m_demo.referrersFallbackTag), qPrintable(top.join(u',')));
    QVERIFY2(!top.contains(m_demo.cosignTag), qPrintable(top.join(u',')));
    QVERIFY(top.contains(QStringLiteral("latest")));
    const QModelIndex group = childNamed(model, hello, QStringLiteral("Attachments ("));
    QVERIFY2(group.isValid(), qPrintable(top.join(u',')));
    QCOMPARE(group.data(RegistryTreeModel::KindRole).toInt(), int(NodeKind::Group));
    // One sub-group per subject: the amd64 image (fallback tag) and the index (cosign tag).
    const QString amd64 = displayformat::shortDigest(m_demo.digests.value(demokey::HelloAmd64));
    const QModelIndex amd64Group = childNamed(model, group, QStringLiteral("for ") + amd64);
    QVERIFY2(amd64Group.isValid(), qPrintable(childNames(model, group).join(u',')));
    QVERIFY(childNames(model, amd64Group).contains(m_demo.referrersFallbackTag));
    const QModelIndex cosign = model->tagIndex(QStringLiteral("demo/hello"), m_demo.cosignTag);
    QVERIFY(cosign.isValid());
    QCOMPARE(cosign.siblingAtColumn(RegistryTreeModel::DetailColumn).data().toString(),
             QStringLiteral("cosign signature"));
    tree->view()->expand(tree->proxy()->mapFromSource(group));
    tree->view()->expand(tree->proxy()->mapFromSource(amd64Group));
    tree->view()->expand(tree->proxy()->mapFromSource(cosign.parent()));
    saveShot(window.get(), QStringLiteral("attachments-grouped"));

    // The View menu lists them as plain tags again, at once, and remembers it.
    QAction *grouping = window->action(QStringLiteral("groupAttachmentTags"));
    QVERIFY(grouping && grouping->isChecked());
    grouping->setChecked(false);
    QVERIFY(childNames(model, hello).contains(m_demo.referrersFallbackTag));
    QVERIFY(!childNamed(model, hello, QStringLiteral("Attachments (")).isValid());
    QCOMPARE(QSettings().value(QStringLiteral("view/groupAttachmentTags")).toBool(), false);
    auto second = openWindow();
    QVERIFY(!second->action(QStringLiteral("groupAttachmentTags"))->isChecked());
    QVERIFY(!second->treePanel()->model()->groupAttachmentTags());
}

void TestBrowseUi::openAcceptsAnyReference()
{
    auto window = openWindow();
    RepositoryTreePanel *tree = window->treePanel();
    QTRY_VERIFY_WITH_TIMEOUT(tree->model()->repositoryIndex(QStringLiteral("demo/hello")).isValid(),
                             15000);

    // repo:tag selects the tag once the tags are loaded.
    QCOMPARE(tree->openReference(QStringLiteral("demo/hello:moving")), QString());
    QTRY_COMPARE_WITH_TIMEOUT(tree->currentSelection().kind, NodeKind::Tag, 15000);
    QCOMPARE(tree->currentSelection().tag, QStringLiteral("moving"));

    // repo@digest reaches a manifest no tag points at any more.
    const Digest untagged = m_demo.digests.value(demokey::HelloUntagged);
    QVERIFY(untagged.isValid());
    QCOMPARE(tree->openReference(m_registry->hostPort() + QStringLiteral("/demo/hello@") +
                                 untagged.toString()),
             QString());
    QTRY_COMPARE_WITH_TIMEOUT(tree->currentSelection().digest(), untagged, 15000);
    QCOMPARE(tree->currentSelection().kind, NodeKind::Manifest);
    QTRY_VERIFY_WITH_TIMEOUT(window->inspector()->selection().manifest.has_value(), 15000);
    QCOMPARE(window->inspector()->headerValue(QStringLiteral("digest")), untagged.toString());
    // It stays reachable after the tags are reloaded.
    window->action(QStringLiteral("refresh"))->trigger();
    const QModelIndex hello = tree->model()->repositoryIndex(QStringLiteral("demo/hello"));
    QTRY_VERIFY_WITH_TIMEOUT(
        childNamed(tree->model(), hello, QStringLiteral("by digest ")).isValid(), 15000);

    // Refused with a reason, nothing selected instead.
    QVERIFY(tree->openReference(QStringLiteral("Not Valid")).contains(QStringLiteral("not a")));
    QVERIFY(!tree->openReference(QStringLiteral("demo/hello@sha256:abc")).isEmpty());
    QVERIFY(!tree->openReference(QStringLiteral("other.example/demo/hello")).isEmpty());
    QCOMPARE(RepositoryTreePanel::parseOpenReference(QStringLiteral("127.0.0.1:5000"),
                                                     QStringLiteral("a/b:v1"))
                 ->tag(),
             QStringLiteral("v1"));
}

void TestBrowseUi::contextMenuCopiesOpensAndRefreshes()
{
    auto window = openWindow();
    RepositoryTreePanel *tree = window->treePanel();
    RegistryTreeModel *model = tree->model();
    const QModelIndex hello = expandRepository(*window, QStringLiteral("demo/hello"));
    QVERIFY(hello.isValid());
    const QModelIndex latest =
        model->tagIndex(QStringLiteral("demo/hello"), QStringLiteral("latest"));
    QVERIFY(latest.isValid());
    tree->view()->setCurrentIndex(tree->proxy()->mapFromSource(latest));
    QTRY_VERIFY_WITH_TIMEOUT(model->node(latest)->manifest.has_value(), 15000);

    std::unique_ptr<ReferenceMenu> menu(tree->contextMenuFor(tree->proxy()->mapFromSource(latest)));
    for (const char *name : {"copyReference", "copyDigest", "openInNewWindow", "refresh"})
        QVERIFY2(menu->namedAction(QString::fromLatin1(name)), name);
    menu->namedAction(QStringLiteral("copyReference"))->trigger();
    QCOMPARE(QApplication::clipboard()->text(),
             m_registry->hostPort() + QStringLiteral("/demo/hello:latest"));
    QVERIFY(window->activity()->text().startsWith(QStringLiteral("Copied ")));
    menu->namedAction(QStringLiteral("copyDigest"))->trigger();
    QCOMPARE(QApplication::clipboard()->text(),
             m_registry->hostPort() + QStringLiteral("/demo/hello@") +
                 m_demo.digests.value(demokey::HelloIndex).toString());
    menu->adjustSize();
    saveShot(menu.get(), QStringLiteral("context-menu"));

    // Open in New Window: a second window on the same registry, at that tag.
    const int windowsBefore = int(QApplication::topLevelWidgets().size());
    menu->namedAction(QStringLiteral("openInNewWindow"))->trigger();
    MainWindow *opened = nullptr;
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *candidate = qobject_cast<MainWindow *>(w); candidate && candidate != window.get())
            opened = candidate;
    }
    QVERIFY(int(QApplication::topLevelWidgets().size()) > windowsBefore);
    QVERIFY(opened);
    QTRY_COMPARE_WITH_TIMEOUT(opened->treePanel()->currentSelection().tag, QStringLiteral("latest"),
                              15000);
    delete opened;

    // Refresh reloads that node.
    menu->namedAction(QStringLiteral("refresh"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(model->node(latest) && model->node(latest)->manifest.has_value(),
                             15000);

    // A repository has no digest to copy.
    std::unique_ptr<ReferenceMenu> repoMenu(
        tree->contextMenuFor(tree->proxy()->mapFromSource(hello)));
    QVERIFY(!repoMenu->namedAction(QStringLiteral("copyDigest"))->isEnabled());
    QVERIFY(repoMenu->namedAction(QStringLiteral("copyReference"))->isEnabled());
}

void TestBrowseUi::bigIndexEntriesShowTheirNames()
{
    auto window = openWindow();
    RepositoryTreePanel *tree = window->treePanel();
    RegistryTreeModel *model = tree->model();
    QVERIFY(expandRepository(*window, QStringLiteral("demo/big-index")).isValid());
    const QModelIndex latest =
        model->tagIndex(QStringLiteral("demo/big-index"), QStringLiteral("latest"));
    tree->view()->expand(tree->proxy()->mapFromSource(latest));
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount(latest) > 100, 30000);
    const QString first = model->index(0, 0, latest).data().toString();
    const QString second = model->index(1, 0, latest).data().toString();
    QVERIFY2(first.contains(QStringLiteral(" — ")), qPrintable(first));
    QVERIFY2(first != second, qPrintable(first + QStringLiteral(" / ") + second));
}

void TestBrowseUi::addRegistryWithAPathOpensTheRepository()
{
    const QString host = m_registry->hostPort();
    const auto split = AddRegistryDialog::splitAddress(host + QStringLiteral("/demo/hello"));
    QCOMPARE(split.registry, host);
    QCOMPARE(split.repository, QStringLiteral("demo/hello"));
    QCOMPARE(AddRegistryDialog::splitAddress(QStringLiteral("https://ghcr.io/v2/")).repository,
             QString());
    QCOMPARE(AddRegistryDialog::splitAddress(QStringLiteral("https://ghcr.io/v2/team/app:v1"))
                 .repository,
             QStringLiteral("team/app:v1"));
    QVERIFY(
        !AddRegistryDialog::splitAddress(host + QStringLiteral("/Not Valid")).problem.isEmpty());

    {
        AddRegistryDialog dialog;
        dialog.show();
        auto *address = dialog.findChild<QLineEdit *>(QStringLiteral("address"));
        address->setText(host + QStringLiteral("/Not Valid"));
        QVERIFY(!dialog.isAcceptable());
        QVERIFY2(dialog.problemText().contains(QStringLiteral("Only the registry address")),
                 qPrintable(dialog.problemText()));
        saveShot(&dialog, QStringLiteral("add-registry-error"));
        // The hint above keeps its room when the message appears.
        auto *problem = dialog.findChild<QLabel *>(QStringLiteral("problem"));
        QVERIFY(problem->height() >= problem->heightForWidth(problem->width()));
        address->setText(host + QStringLiteral("/demo/hello"));
        QVERIFY(dialog.isAcceptable());
        QVERIFY2(dialog.problemText().contains(QStringLiteral("opens demo/hello")),
                 qPrintable(dialog.problemText()));
        QCOMPARE(dialog.registryText(), host);
    }

    // Through the window: the registry is added (without the path) and demo/hello opens.
    MainWindow window(m_stack.get());
    window.show();
    QTimer::singleShot(0, &window, [host] {
        auto *dialog = qobject_cast<AddRegistryDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        dialog->findChild<QLineEdit *>(QStringLiteral("address"))
            ->setText(host + QStringLiteral("/demo/hello"));
        dialog->accept();
    });
    window.action(QStringLiteral("addRegistry"))->trigger();
    QCOMPARE(window.registryList()->registries(), QStringList{host});
    QTRY_COMPARE_WITH_TIMEOUT(window.treePanel()->currentSelection().repository,
                              QStringLiteral("demo/hello"), 15000);
    QCOMPARE(window.treePanel()->currentSelection().kind, NodeKind::Repository);

    // `ocular --registry HOST/demo/hello:moving` goes there too; a bad path is refused.
    MainWindow second(m_stack.get());
    second.show();
    QVERIFY(!second.openRegistry(host + QStringLiteral("/Not Valid"), false));
    QCOMPARE(second.registryList()->registries(), QStringList{host}); // remembered, unchanged
    QVERIFY(second.openRegistry(host + QStringLiteral("/demo/hello:moving"), false));
    QTRY_COMPARE_WITH_TIMEOUT(second.treePanel()->currentSelection().tag, QStringLiteral("moving"),
                              15000);
}

void TestBrowseUi::registrySettingsMatchTheHost()
{
    RegistrySettingsDialog dialog;
    RegistrySettings settings;
    settings.address = QStringLiteral("127.0.0.1:45027");
    settings.allowInsecureHttp = true;
    dialog.setSettings(settings);
    dialog.show();
    auto *plainHttp = dialog.findChild<QCheckBox *>(QStringLiteral("plainHttp"));
    QVERIFY(!plainHttp->text().contains(QStringLiteral("non-loopback")));
    QVERIFY(plainHttp->text().contains(QStringLiteral("loopback")));
    QVERIFY(plainHttp->isChecked());
    QVERIFY(!plainHttp->isEnabled());
    saveShot(&dialog, QStringLiteral("registry-settings-loopback"));

    auto *address = dialog.findChild<QLineEdit *>(QStringLiteral("address"));
    address->setText(QStringLiteral("http://registry.example.com"));
    QVERIFY(plainHttp->text().contains(QStringLiteral("non-loopback")));
    QVERIFY(plainHttp->isEnabled());
    QVERIFY(plainHttp->isChecked()); // the saved explicit choice
    plainHttp->setChecked(false);
    QVERIFY(!dialog.settings().allowInsecureHttp);
    address->setText(QStringLiteral("localhost:5000"));
    QVERIFY(plainHttp->isChecked() && !plainHttp->isEnabled());
    address->setText(QStringLiteral("registry.example.com"));
    QVERIFY(!plainHttp->isChecked());
}

void TestBrowseUi::loginSaysNothingBeforeTyping()
{
    LoginDialog dialog(QStringLiteral("127.0.0.1:5000"), QString());
    dialog.show();
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    QCOMPARE(dialog.problemText(), QString());
    saveShot(&dialog, QStringLiteral("login"));
    auto *secret = dialog.findChild<QLineEdit *>(QStringLiteral("secret"));
    QTest::keyClicks(secret, QStringLiteral("x"));
    QTest::keyClick(secret, Qt::Key_Backspace);
    QCOMPARE(dialog.problemText(), QStringLiteral("Enter the password or token."));
    QTest::keyClicks(secret, QStringLiteral("pw"));
    QVERIFY(dialog.problemText().contains(QStringLiteral("username")));
    QVERIFY(!ok->isEnabled());
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("username")),
                     QStringLiteral("alice"));
    QCOMPARE(dialog.problemText(), QString());
    QVERIFY(ok->isEnabled());
}

void TestBrowseUi::viewMenuBringsBackTheDock()
{
    auto window = openWindow();
    SupplyChainDock *dock = window->supplyChain();
    QTRY_VERIFY(dock->isVisible());
    dock->close();
    QVERIFY(!dock->isVisible());
    QAction *toggle = window->action(QStringLiteral("toggleSupplyChain"));
    QVERIFY(toggle);
    QVERIFY(!toggle->isChecked());
    bool inViewMenu = false;
    for (QAction *menu : window->menuBar()->actions()) {
        if (menu->menu() && menu->text().remove(u'&') == QStringLiteral("View"))
            inViewMenu = menu->menu()->actions().contains(toggle);
    }
    QVERIFY(inViewMenu);
    toggle->trigger();
    QTRY_VERIFY(dock->isVisible());
}

void TestBrowseUi::preferencesBoundTheDiskCache()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ContentCache cache(dir.path());
    for (int i = 0; i < 8; ++i) {
        const QByteArray bytes(256 * 1024, char('a' + i));
        QVERIFY(cache.put(Digest::sha256(bytes), bytes));
    }
    cache.waitForBackgroundWork();
    // Nothing saved (or nonsense saved): the default bound.
    QCOMPARE(PreferencesDialog::savedCacheLimit(), ContentCache::DefaultMaxDiskBytes);
    QSettings().setValue(QStringLiteral("cache/maxDiskMiB"), QStringLiteral("lots"));
    QCOMPARE(PreferencesDialog::savedCacheLimit(), ContentCache::DefaultMaxDiskBytes);

    PreferencesDialog dialog(&cache);
    QSignalSpy known(&dialog, &PreferencesDialog::usageKnown);
    QVERIFY(known.wait(10000) || known.count() > 0);
    // 2 MiB in use, shown in the user's locale ("2.0 MiB", "2,0 Mio"...).
    QVERIFY2(dialog.usageText().contains(QLatin1Char('2')), qPrintable(dialog.usageText()));
    QCOMPARE(dialog.cacheLimit(), ContentCache::DefaultMaxDiskBytes);
    dialog.setCacheLimit(1); // below the minimum: clamped, never zero
    QCOMPARE(dialog.cacheLimit(), qint64(16) * 1024 * 1024);

    // Applying remembers the bound and gives it to the cache, which evicts off this thread.
    QObject context;
    PreferencesDialog::applyCacheLimit(&cache, qint64(16) * 1024 * 1024, &context);
    QTRY_COMPARE(cache.maxDiskBytes(), qint64(16) * 1024 * 1024);
    QCOMPARE(PreferencesDialog::savedCacheLimit(), qint64(16) * 1024 * 1024);
    QVERIFY(cache.diskBytes() <= qint64(16) * 1024 * 1024);
    QCOMPARE(QSettings().value(QStringLiteral("cache/maxDiskMiB")).toInt(), 16);
}

void TestBrowseUi::aboutShowsVersionsAndLicence()
{
    auto window = openWindow();
    QAction *about = window->action(QStringLiteral("about"));
    QVERIFY(about);
    about->trigger();
    auto *box = window->findChild<QMessageBox *>(QStringLiteral("aboutDialog"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY(box->text().contains(QStringLiteral("Ocular 9.8.7")));
    QVERIFY(box->text().contains(QString::fromLatin1(qVersion())));
    QVERIFY(box->text().contains(QStringLiteral("Apache License")));
    saveShot(box, QStringLiteral("about"));
    box->close();
    QVERIFY(window->action(QStringLiteral("aboutQt")));
}

void TestBrowseUi::seedingProgressIsShownInTheTree()
{
    MainWindow window(m_stack.get());
    window.resize(1400, 900);
    window.show();
    QCOMPARE(window.treePanel()->catalogMessage(),
             QStringLiteral("Add a registry to start browsing."));
    window.setPreparing(QStringLiteral("Preparing the demo registry: step 3 of 24"), 3, 24);
    QVERIFY(window.treePanel()->catalogMessage().contains(QStringLiteral("step 3 of 24")));
    auto *bar = window.treePanel()->findChild<QProgressBar *>();
    QVERIFY(bar && bar->isVisible());
    QCOMPARE(bar->value(), 3);
    QCOMPARE(bar->maximum(), 24);
    saveShot(&window, QStringLiteral("seeding"));
    window.setPreparing({});
    window.openRegistry(m_registry->baseUrl(), false);
    QTRY_VERIFY_WITH_TIMEOUT(window.treePanel()->model()->repositoryCount() > 0, 15000);
    QVERIFY(!bar->isVisible());
    QCOMPARE(window.treePanel()->catalogMessage(), QString());
    // The registry is named as in references, the URL is in the tooltip.
    QCOMPARE(window.registryList()->list()->item(0)->text(), m_registry->hostPort());
}

void TestBrowseUi::browsingTheDemoNeverStalls_data()
{
    QTest::addColumn<bool>("withSupplyChain");
    QTest::addRow("tree and inspector") << false;
    QTest::addRow("with the supply chain dock") << true;
}

void TestBrowseUi::browsingTheDemoNeverStalls()
{
    QFETCH(bool, withSupplyChain);
    auto window = openWindow();
    RepositoryTreePanel *tree = window->treePanel();
    RegistryTreeModel *model = tree->model();
    if (!withSupplyChain) {
        window->supplyChain()->setSource(nullptr, nullptr);
        window->supplyChain()->close();
        disconnect(window->treePanel(), nullptr, window->supplyChain(), nullptr);
    }
    EventLoopStallProbe probe;
    probe.start();
    double worst = 0;
    QString worstPhase;
    const auto phase = [&](const QString &name) {
        const double max = probe.maxStallMs();
        qInfo().noquote() << name << probe.report();
        if (max > worst) {
            worst = max;
            worstPhase = name;
        }
        probe.reset();
    };

    const QModelIndex hello = expandRepository(*window, QStringLiteral("demo/hello"));
    QVERIFY(hello.isValid());
    QVERIFY(expandRepository(*window, QStringLiteral("demo/many-tags")).isValid());
    QVERIFY(expandRepository(*window, QStringLiteral("demo/nested")).isValid());
    phase(QStringLiteral("repositories"));
    // An index and one of its platforms.
    const QModelIndex latest =
        model->tagIndex(QStringLiteral("demo/hello"), QStringLiteral("latest"));
    tree->view()->expand(tree->proxy()->mapFromSource(latest));
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount(latest) > 2, 15000);
    tree->view()->setCurrentIndex(tree->proxy()->mapFromSource(model->index(0, 0, latest)));
    QTRY_VERIFY_WITH_TIMEOUT(window->inspector()->selection().manifest.has_value(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(
        !window->inspector()->headerValue(QStringLiteral("created")).startsWith(u'—'), 15000);
    phase(QStringLiteral("index and platform"));
    // The big index: open its manifest (3 MiB of JSON) and its 2,000+ children.
    QVERIFY(expandRepository(*window, QStringLiteral("demo/big-index")).isValid());
    const QModelIndex big =
        model->tagIndex(QStringLiteral("demo/big-index"), QStringLiteral("latest"));
    tree->view()->setCurrentIndex(tree->proxy()->mapFromSource(big));
    tree->view()->expand(tree->proxy()->mapFromSource(big));
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount(big) > 1000, 30000);
    phase(QStringLiteral("big index children"));
    // characterCount(), not toPlainText(): copying 3 MiB of text here would be a stall of the
    // test's own making.
    QTRY_VERIFY_WITH_TIMEOUT(window->inspector()->jsonView()->document()->characterCount() > 100000,
                             30000);
    phase(QStringLiteral("big index JSON"));
    if (withSupplyChain && qEnvironmentVariableIsSet("OCULAR_SCREENSHOT_DIR")) {
        // The dock's graph of the 2,000-platform index, opened one level (a screenshot run
        // only; the grab itself is not part of any phase).
        QTRY_VERIFY_WITH_TIMEOUT(!window->activity()->isBusy(), 30000);
        saveShot(window.get(), QStringLiteral("supply-chain-big-index"));
        probe.reset();
    }
    tree->view()->scrollToBottom();
    // The SBOM: open it by digest, as a user following the referrers would.
    const Digest sbom = m_demo.digests.value(demokey::HelloSpdx);
    QCOMPARE(tree->openReference(QStringLiteral("demo/hello@") + sbom.toString()), QString());
    QTRY_COMPARE_WITH_TIMEOUT(window->inspector()->selection().digest(), sbom, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!window->activity()->isBusy(), 30000);
    QTest::qWait(200);
    phase(QStringLiteral("sbom"));
    const QString verdict = QStringLiteral("worst GUI-thread stall %1 ms, in \"%2\"")
                                .arg(worst, 0, 'f', 1)
                                .arg(worstPhase);
    qInfo().noquote() << verdict;
#if defined(__SANITIZE_ADDRESS__)
    // Instrumented code is several times slower: a stall figure means nothing here.
    QSKIP(qPrintable(QStringLiteral("stall ceiling not checked under ASan; ") + verdict));
#endif
    // Strict by default (this test runs alone: RUN_SERIAL). OCULAR_STALL_STRICT=0 only reports,
    // for a local run on a machine busy with builds.
    if (qEnvironmentVariableIsSet("OCULAR_STALL_STRICT") &&
        qEnvironmentVariableIntValue("OCULAR_STALL_STRICT") == 0 && worst >= 200) {
        qWarning().noquote() << "over the 200 ms ceiling (not strict):" << verdict;
        return;
    }
    QVERIFY2(worst < 200, qPrintable(verdict));
}

QTEST_MAIN(TestBrowseUi)
#include "tst_browseui.moc"
