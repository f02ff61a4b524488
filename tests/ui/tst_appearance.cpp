// The main window under a dark Fusion palette at 2x scale (QT_SCALE_FACTOR=2, set before the
// application starts): problem text and failed tree rows stay readable on the dark base, every
// tree icon is drawn at the device resolution (scalable, not an upscaled 16 px bitmap), and the
// window is saved for a person to look at (OCULAR_SCREENSHOT_DIR).
#include "mainwindow/mainwindow.h"
#include "models/nodeicons.h"
#include "models/registrytreemodel.h"
#include "panels/repositorytreepanel.h"
#include "support/contrast.h"
#include "support/demoregistryclient.h"
#include "support/screenshot.h"
#include "support/tempenv.h"
#include "support/testregistry.h"
#include "support/teststack.h"
#include "views/problemcolour.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QPalette>
#include <QSettings>
#include <QStyleFactory>
#include <QTest>
#include <QTreeView>

using namespace ocular;
using namespace ocular::test;

namespace {

QPalette darkFusionPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::WindowText, Qt::white);
    p.setColor(QPalette::Base, QColor(0x2a, 0x2a, 0x2a));
    p.setColor(QPalette::AlternateBase, QColor(0x42, 0x42, 0x42));
    p.setColor(QPalette::ToolTipBase, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ToolTipText, Qt::white);
    p.setColor(QPalette::Text, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, Qt::white);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, QColor(0x5c, 0xb3, 0xff));
    p.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
    p.setColor(QPalette::HighlightedText, Qt::black);
    p.setColor(QPalette::Mid, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    return p;
}

} // namespace

class TestAppearance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_env = std::make_unique<TempEnv>();
        QCoreApplication::setOrganizationName(QStringLiteral("OcularTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_appearance"));
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkFusionPalette());
        m_registry = std::make_unique<TestRegistry>();
        QVERIFY2(m_registry->ok(), qPrintable(m_registry->errorMessage()));
        DemoRegistryClient demo(m_registry->hostPort());
        const Result<DemoSummary> seeded = demo.seed(10);
        QVERIFY2(seeded.ok(), qPrintable(seeded.error().toString()));
        m_stack = makeStack(testStackConfig(m_registry->hostPort()));
        QVERIFY(m_stack);
    }

    void cleanupTestCase()
    {
        m_stack.reset();
        m_registry.reset();
    }

    void problemTextIsReadableOnTheDarkBase()
    {
        const QPalette palette = QApplication::palette();
        const QColor problem = problemcolour::forApplicationPalette();
        for (QPalette::ColorRole role : {QPalette::Base, QPalette::Window}) {
            const double contrast = contrastRatio(problem, palette.color(role));
            QVERIFY2(contrast >= 3.0,
                     qPrintable(QStringLiteral("%1 on %2: %3")
                                    .arg(problem.name(), palette.color(role).name())
                                    .arg(contrast, 0, 'f', 2)));
        }
        // And on a light palette the light variant is used, readable there too.
        QApplication::setPalette(QApplication::style()->standardPalette());
        const QColor light = problemcolour::forApplicationPalette();
        QApplication::setPalette(darkFusionPalette());
        QVERIFY(light != problem);
        QVERIFY(contrastRatio(light, QColor(Qt::white)) >= 4.5);
    }

    void failedTreeRowsAreReadable()
    {
        auto window = openWindow();
        // A repository the registry does not have: its tag list fails, in red.
        QVERIFY(window->openRegistry(m_registry->baseUrl(), false));
        RepositoryTreePanel *tree = window->treePanel();
        QTRY_VERIFY_WITH_TIMEOUT(
            tree->model()->repositoryIndex(QStringLiteral("demo/hello")).isValid(), 15000);
        QCOMPARE(tree->openReference(QStringLiteral("nothing/here")), QString());
        QTreeView *view = tree->view();
        QColor failed;
        QTRY_VERIFY_WITH_TIMEOUT((failed = firstForeground(view->model())).isValid(), 20000);
        const QColor base = view->palette().color(QPalette::Base);
        const double contrast = contrastRatio(failed, base);
        QVERIFY2(contrast >= 3.0, qPrintable(QStringLiteral("%1 on %2: %3")
                                                 .arg(failed.name(), base.name())
                                                 .arg(contrast, 0, 'f', 2)));
    }

    void iconsAreDrawnAtTheDeviceResolution()
    {
        QVERIFY(qApp->devicePixelRatio() >= 2.0);
        const QDir icons(QStringLiteral(OCULAR_SOURCE_DIR "/resources/icons"));
        const QStringList names = icons.entryList({QStringLiteral("*.svg")});
        QVERIFY(names.size() >= 10);
        for (const QString &file : names) {
            const QString name = file.chopped(4);
            if (name == QLatin1String("ocular"))
                continue;
            const QIcon icon = NodeIcons::named(name);
            QVERIFY2(!icon.isNull(), qPrintable(name));
            const QPixmap sharp = icon.pixmap(QSize(16, 16), 2.0);
            QCOMPARE(sharp.size(), QSize(32, 32));
            // An upscaled 16 px bitmap has every 2x2 block alike; a scalable icon does not.
            const QImage image = sharp.toImage().convertToFormat(QImage::Format_ARGB32);
            const QImage coarse = icon.pixmap(QSize(16, 16), 1.0)
                                      .toImage()
                                      .scaled(32, 32)
                                      .convertToFormat(QImage::Format_ARGB32);
            QVERIFY2(image != coarse, qPrintable(name + QStringLiteral(" is an upscaled bitmap")));
        }
    }

    void darkWindowAtTwiceTheScale()
    {
        auto window = openWindow();
        window->openRegistry(m_registry->baseUrl(), false);
        RepositoryTreePanel *tree = window->treePanel();
        const QString repository = QStringLiteral("demo/hello");
        QTRY_VERIFY_WITH_TIMEOUT(tree->model()->repositoryIndex(repository).isValid(), 15000);
        QCOMPARE(tree->openReference(repository + QStringLiteral(":latest")), QString());
        QTRY_COMPARE_WITH_TIMEOUT(tree->currentSelection().tag, QStringLiteral("latest"), 15000);
        QTest::qWait(500); // the inspector's JSON is formatted on a worker thread
        const QPixmap shot = window->grab();
        QCOMPARE(shot.devicePixelRatio(), qApp->devicePixelRatio());
        // The window is dark where the palette says so: its top-left pixel is the window colour.
        const QColor corner = shot.toImage().pixelColor(shot.width() - 2, shot.height() - 2);
        QVERIFY2(corner.lightnessF() < 0.4, qPrintable(corner.name()));
        saveShot(window.get(), QStringLiteral("main-window-dark-2x"));
    }

private:
    std::unique_ptr<MainWindow> openWindow()
    {
        QSettings().clear();
        auto window = std::make_unique<MainWindow>(m_stack.get());
        window->resize(1100, 700);
        window->show();
        return window;
    }

    /// The first explicit foreground colour of any row (the model sets one only on failures).
    static QColor firstForeground(QAbstractItemModel *model)
    {
        QList<QModelIndex> pending{QModelIndex()};
        while (!pending.isEmpty()) {
            const QModelIndex parent = pending.takeLast();
            for (int row = 0; row < model->rowCount(parent); ++row) {
                const QModelIndex index = model->index(row, 0, parent);
                const QVariant colour = index.data(Qt::ForegroundRole);
                if (colour.isValid())
                    return colour.value<QColor>();
                pending.append(index);
            }
        }
        return {};
    }

    std::unique_ptr<TempEnv> m_env;
    std::unique_ptr<TestRegistry> m_registry;
    std::unique_ptr<RegistryStack> m_stack;
};

int main(int argc, char **argv)
{
    // Before the application exists, or it has no effect.
    qputenv("QT_SCALE_FACTOR", "2");
    QApplication app(argc, argv);
    TestAppearance test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_appearance.moc"
