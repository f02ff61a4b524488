// Edit ▸ Find in Repository on the seeded demo registry: finds a known annotation value and a
// known artifact type, a double-click shows the hit in the tree, and a search in flight stops
// when another repository is selected or another registry opened.
#include "dialogs/repositorysearchdialog.h"
#include "mainwindow/mainwindow.h"
#include "models/registrytreemodel.h"
#include "panels/repositorytreepanel.h"
#include "support/demoregistryclient.h"
#include "support/screenshot.h"
#include "support/tempenv.h"
#include "support/testregistry.h"
#include "support/teststack.h"

#include "content/mediatype.h"

#include <QAction>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTreeView>

using namespace ocular;
using namespace ocular::test;

class TestSearchUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_env = std::make_unique<TempEnv>();
        QCoreApplication::setOrganizationName(QStringLiteral("OcularTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_searchui"));
        m_registry = std::make_unique<TestRegistry>();
        QVERIFY2(m_registry->ok(), qPrintable(m_registry->errorMessage()));
        DemoRegistryClient demo(m_registry->hostPort());
        const Result<DemoSummary> seeded = demo.seed(30);
        QVERIFY2(seeded.ok(), qPrintable(seeded.error().toString()));
        RegistryStackConfig config = testStackConfig(m_registry->hostPort());
        config.cache = RegistryStackConfig::Cache::Memory;
        m_stack = makeStack(config);
        QVERIFY(m_stack);
    }

    void cleanupTestCase()
    {
        m_stack.reset();
        m_registry.reset();
    }

    void findsAnnotationsAndArtifactTypes()
    {
        auto window = openWindow();
        QVERIFY(openRepository(*window, QStringLiteral("demo/hello")));
        window->action(QStringLiteral("findInRepository"))->trigger();
        auto *dialog = window->findChild<RepositorySearchDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(dialog->repository(), QStringLiteral("demo/hello"));
        auto *results = dialog->findChild<QTableWidget *>(QStringLiteral("results"));

        dialog->search(QStringLiteral("library/ALPINE:3.19"));
        QVERIFY(dialog->isSearching()); // the inventory is read asynchronously
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isSearching(), 30000);
        QVERIFY2(dialog->resultCount() > 0, qPrintable(dialog->statusText()));
        QVERIFY(rowsMatchedIn(results, QStringLiteral("org.opencontainers.image.base.name")) > 0);
        QVERIFY(results->item(0, 3)->text().contains(QStringLiteral("alpine:3.19")));
        saveShot(dialog, QStringLiteral("search-annotation"));

        // The inventory is kept: the next search of the same repository makes no request.
        dialog->search(QStringLiteral("spdx"));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isSearching(), 30000);
        QVERIFY2(rowsMatchedIn(results, QStringLiteral("Artifact type")) > 0,
                 qPrintable(dialog->statusText()));
        bool typeShown = false;
        for (int row = 0; row < results->rowCount(); ++row)
            typeShown = typeShown || results->item(row, 3)->text() == QString(mediatype::SpdxJson);
        QVERIFY(typeShown);

        // A tag hit, activated (double-click or Enter), selects that tag in the tree.
        dialog->search(QStringLiteral("moving"));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isSearching(), 30000);
        QVERIFY(rowsMatchedIn(results, QStringLiteral("Tag name")) > 0);
        int tagRow = -1;
        for (int row = 0; row < results->rowCount() && tagRow < 0; ++row)
            if (results->item(row, 2)->text() == QStringLiteral("Tag name"))
                tagRow = row;
        window->treePanel()->view()->setCurrentIndex({});
        QSignalSpy opened(dialog, &RepositorySearchDialog::openRequested);
        results->setCurrentCell(tagRow, 0);
        QTest::keyClick(results, Qt::Key_Return);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.at(0).at(0).toString(), QStringLiteral("demo/hello:moving"));
        QTRY_COMPARE_WITH_TIMEOUT(window->treePanel()->currentSelection().tag,
                                  QStringLiteral("moving"), 15000);
        QCOMPARE(window->treePanel()->currentRepository(), QStringLiteral("demo/hello"));
        QVERIFY(dialog->isVisible()); // still there for the next hit
    }

    void anotherRepositoryOrRegistryStopsTheSearch()
    {
        auto window = openWindow();
        QVERIFY(openRepository(*window, QStringLiteral("demo/big-index")));
        QPointer<RepositorySearchDialog> dialog = window->findInRepository();
        QVERIFY(dialog);
        QSignalSpy stopped(dialog.data(), &RepositorySearchDialog::stopped);

        // Another repository selected while reading: stopped, and no results arrive later.
        dialog->search(QStringLiteral("title"));
        QVERIFY(dialog->isSearching());
        saveShot(dialog, QStringLiteral("search-busy"));
        QCOMPARE(window->treePanel()->openReference(QStringLiteral("demo/hello")), QString());
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 15000);
        QVERIFY(stopped.at(0).at(0).toString().contains(QStringLiteral("demo/hello")));
        QVERIFY(!dialog->isSearching());
        QTest::qWait(300);
        QCOMPARE(dialog->resultCount(), 0);

        // Find again retargets the one dialog; another registry stops and closes it.
        QCOMPARE(window->findInRepository(), dialog.data());
        QCOMPARE(dialog->repository(), QStringLiteral("demo/hello"));
        dialog->search(QStringLiteral("alpine"));
        QVERIFY(dialog->isSearching());
        QVERIFY(window->openRegistry(QStringLiteral("http://127.0.0.1:1"), false));
        QCOMPARE(stopped.size(), 2);
        QVERIFY(stopped.at(1).at(0).toString().contains(QStringLiteral("another registry")));
        QTRY_VERIFY(dialog.isNull()); // closed (deleted on close)

        // Without a repository there is nothing to search in: said, no dialog.
        QVERIFY(!window->findInRepository());
    }

private:
    std::unique_ptr<MainWindow> openWindow()
    {
        QSettings().clear();
        auto window = std::make_unique<MainWindow>(m_stack.get());
        window->resize(1200, 800);
        window->show();
        window->openRegistry(m_registry->baseUrl(), false);
        return window;
    }

    static bool openRepository(MainWindow &window, const QString &repository)
    {
        RepositoryTreePanel *tree = window.treePanel();
        if (!QTest::qWaitFor([&] { return tree->model()->repositoryIndex(repository).isValid(); },
                             15000))
            return false;
        if (!tree->openReference(repository).isEmpty())
            return false;
        return QTest::qWaitFor([&] { return tree->currentRepository() == repository; }, 15000);
    }

    static int rowsMatchedIn(QTableWidget *results, const QString &field)
    {
        int rows = 0;
        for (int row = 0; row < results->rowCount(); ++row)
            rows += results->item(row, 2)->text().contains(field) ? 1 : 0;
        return rows;
    }

    std::unique_ptr<TempEnv> m_env;
    std::unique_ptr<TestRegistry> m_registry;
    std::unique_ptr<RegistryStack> m_stack;
};

QTEST_MAIN(TestSearchUi)
#include "tst_searchui.moc"
