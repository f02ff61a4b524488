// File ▸ Open OCI Layout… on the offscreen platform: a layout from the shared fixtures (regctl's
// testrepo) is listed as `oci:DIR` beside registries and browsed through the same tree and
// inspector; a folder that is no layout is refused and adds nothing; switching back and forth
// between the layout and a registry keeps each as it was.
#include "mainwindow/mainwindow.h"
#include "models/registrytreemodel.h"
#include "panels/repositorytreepanel.h"
#include "support/fixtures.h"
#include "support/screenshot.h"
#include "support/tempenv.h"
#include "support/testregistry.h"
#include "support/teststack.h"

#include "source/ocilayoutsource.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace ocular;
using namespace ocular::test;

namespace {

const QString Regclient = QStringLiteral("layouts/regclient-testrepo");

} // namespace

class TestLayoutUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_env = std::make_unique<TempEnv>();
        QCoreApplication::setOrganizationName(QStringLiteral("OcularTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_layoutui"));
        m_stack = makeStack(testStackConfig(QStringLiteral("127.0.0.1:1")));
        QVERIFY(m_stack);
    }

    void cleanupTestCase() { m_stack.reset(); }

    void theFileMenuOffersIt()
    {
        auto window = openWindow();
        QAction *open = window->action(QStringLiteral("openLayout"));
        QVERIFY(open);
        QVERIFY(!open->shortcut().isEmpty());
        QVERIFY(open->text().contains(QStringLiteral("Layout")));
    }

    void aFolderThatIsNoLayoutIsRefused()
    {
        auto window = openWindow();
        QTemporaryDir empty;
        const QString problem = window->openLayout(empty.path(), false);
        QVERIFY2(problem.contains(QStringLiteral("oci-layout")), qPrintable(problem));
        QCOMPARE(window->windowTitle(), QStringLiteral("Ocular"));
        QVERIFY(!window->treePanel()->source());

        const QString missing = window->openLayout(empty.filePath(QStringLiteral("nope")), false);
        QVERIFY2(missing.contains(QStringLiteral("not a folder")), qPrintable(missing));
        QVERIFY(!window->treePanel()->source());
    }

    void aLayoutIsBrowsedLikeARegistry()
    {
        OCULAR_REQUIRE_FIXTURE(Regclient);
        auto window = openWindow();
        const QString directory = fixturePath(Regclient);
        QCOMPARE(window->openLayout(directory, false), QString());
        QVERIFY(window->windowTitle().contains(QStringLiteral("oci:")));

        RepositoryTreePanel *tree = window->treePanel();
        const QString repository = QStringLiteral("regclient-testrepo");
        QTRY_VERIFY_WITH_TIMEOUT(tree->model()->repositoryIndex(repository).isValid(), 15000);
        QCOMPARE(tree->openReference(repository + QStringLiteral(":v1")), QString());
        QTRY_COMPARE_WITH_TIMEOUT(tree->currentSelection().tag, QStringLiteral("v1"), 15000);
        QCOMPARE(tree->currentRepository(), repository);
        saveShot(window.get(), QStringLiteral("layout-browse"));

        // Opened again: the same entry is selected, not a second one.
        QCOMPARE(window->openLayout(directory + QStringLiteral("/"), false), QString());
        QCOMPARE(tree->source(), window->treePanel()->source());
    }

    void aDamagedLayoutSaysWhatIsMissing()
    {
        OCULAR_REQUIRE_FIXTURE(Regclient);
        QTemporaryDir copy;
        QVERIFY(copyTree(fixturePath(Regclient), copy.path()));
        // Every blob gone: index.json still names the tags, reading one says the blob is missing.
        QDir(copy.filePath(QStringLiteral("blobs"))).removeRecursively();
        QVERIFY(QDir().mkpath(copy.filePath(QStringLiteral("blobs/sha256"))));

        auto window = openWindow();
        QCOMPARE(window->openLayout(copy.path(), false), QString());
        RepositoryTreePanel *tree = window->treePanel();
        const QString repository = OciLayoutSource::repositoryNameFor(copy.path());
        QTRY_VERIFY_WITH_TIMEOUT(tree->model()->repositoryIndex(repository).isValid(), 15000);
        QCOMPARE(tree->openReference(repository + QStringLiteral(":v1")), QString());
        QTRY_VERIFY_WITH_TIMEOUT(treeMentions(tree, QStringLiteral("missing")), 15000);
    }

private:
    std::unique_ptr<MainWindow> openWindow()
    {
        QSettings().clear();
        auto window = std::make_unique<MainWindow>(m_stack.get());
        window->resize(1200, 800);
        window->show();
        return window;
    }

    static bool copyTree(const QString &from, const QString &to)
    {
        QDir source(from);
        for (const QFileInfo &entry :
             source.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
            const QString target = QDir(to).filePath(entry.fileName());
            if (entry.isDir()) {
                if (!QDir().mkpath(target) || !copyTree(entry.filePath(), target))
                    return false;
            } else if (!QFile::copy(entry.filePath(), target)) {
                return false;
            }
        }
        return true;
    }

    /// Whether any loaded row of the tree (text or tooltip) contains `text`.
    static bool treeMentions(RepositoryTreePanel *tree, const QString &text)
    {
        QAbstractItemModel *model = tree->view()->model();
        QList<QModelIndex> pending{QModelIndex()};
        while (!pending.isEmpty()) {
            const QModelIndex parent = pending.takeLast();
            for (int row = 0; row < model->rowCount(parent); ++row) {
                for (int column = 0; column < model->columnCount(parent); ++column) {
                    const QModelIndex index = model->index(row, column, parent);
                    if (index.data().toString().contains(text, Qt::CaseInsensitive) ||
                        index.data(Qt::ToolTipRole).toString().contains(text, Qt::CaseInsensitive))
                        return true;
                }
                pending.append(model->index(row, 0, parent));
            }
        }
        return false;
    }

    std::unique_ptr<TempEnv> m_env;
    std::unique_ptr<RegistryStack> m_stack;
};

QTEST_MAIN(TestLayoutUi)
#include "tst_layoutui.moc"
