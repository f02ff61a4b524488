// "Copy as Command" on the repository tree's right-click menu, against a real docker-registry
// (plain HTTP on loopback): the submenu is there for tag, repository and layer rows, each entry
// puts its tool's command line on the clipboard and says so in the status line.
#include "content/manifestbuilder.h"
#include "content/mediatype.h"
#include "models/registrytreemodel.h"
#include "panels/repositorytreepanel.h"
#include "support/manifestpush.h"
#include "support/testregistry.h"
#include "support/teststack.h"
#include "views/referencemenu.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTreeView>

using namespace ocular;
using namespace ocular::test;

namespace {

const QString Repo = QStringLiteral("team/app");
constexpr int Timeout = 15000;

BuiltManifest image()
{
    const ContentBlob config{"{\"copy\":\"as command\"}", QString(mediatype::OciConfig)};
    const ContentBlob layer{"layer bytes", QString(mediatype::OciLayerTarGzip)};
    return ManifestBuilder().image(QString(mediatype::OciManifest), config, {{layer, {}}}).value();
}

QAction *commandAction(ReferenceMenu &menu, const QString &name)
{
    return menu.commandMenu() ? menu.commandMenu()->findChild<QAction *>(name) : nullptr;
}

} // namespace

class TestCopyAsCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tagRowCopiesEachToolsCommand();
};

void TestCopyAsCommand::tagRowCopiesEachToolsCommand()
{
    OCULAR_TEST_REGISTRY(registry);
    auto stack = makeStack(registry.hostPort());
    QVERIFY(stack);
    const BuiltManifest manifest = image();
    QVERIFY(pushManifestWithBlobs(stack->source(), Repo, manifest, QStringLiteral("v1")));

    RepositoryTreePanel panel;
    panel.resize(600, 500);
    panel.show();
    panel.setSource(stack->source());
    QVERIFY(panel.openRepository(Repo));
    RegistryTreeModel *model = panel.model();
    QVERIFY(QTest::qWaitFor([&] { return model->tagIndex(Repo, QStringLiteral("v1")).isValid(); },
                            Timeout));
    const QModelIndex tag = model->tagIndex(Repo, QStringLiteral("v1"));
    panel.view()->setCurrentIndex(panel.proxy()->mapFromSource(tag));
    QVERIFY(QTest::qWaitFor([&] { return model->node(tag)->manifest.has_value(); }, Timeout));

    QSignalSpy information(&panel, &RepositoryTreePanel::information);
    std::unique_ptr<ReferenceMenu> menu(panel.contextMenuFor(panel.proxy()->mapFromSource(tag)));
    QMenu *commands = menu->commandMenu();
    QVERIFY(commands);
    QCOMPARE(commands->menuAction()->text(), QStringLiteral("Copy as Co&mmand"));
    // It sits with the copy actions, right after Copy Digest Reference.
    const QList<QAction *> top = menu->actions();
    QCOMPARE(top.indexOf(commands->menuAction()),
             top.indexOf(menu->namedAction(QStringLiteral("copyDigest"))) + 1);

    const QString reference = registry.hostPort() + QLatin1Char('/') + Repo;
    for (const char *tool : {"oras", "crane", "skopeo", "regctl", "curl"})
        QVERIFY2(commandAction(*menu, QStringLiteral("manifest/") + QLatin1String(tool)), tool);
    commandAction(*menu, QStringLiteral("manifest/oras"))->trigger();
    QCOMPARE(QApplication::clipboard()->text(),
             QStringLiteral("oras manifest fetch --plain-http ") + reference +
                 QStringLiteral(":v1"));
    QCOMPARE(information.count(), 1);
    QCOMPARE(information.at(0).at(0).toString(), QStringLiteral("Copied the oras command"));

    commandAction(*menu, QStringLiteral("manifest/curl"))->trigger();
    QVERIFY(QApplication::clipboard()->text().endsWith(
        QStringLiteral(" http://") + registry.hostPort() + QStringLiteral("/v2/") + Repo +
        QStringLiteral("/manifests/v1")));

    // The tag's digest is known once its manifest is loaded: its referrers have commands too.
    QAction *discover = commandAction(*menu, QStringLiteral("referrers/oras"));
    QVERIFY(discover);
    discover->trigger();
    QCOMPARE(QApplication::clipboard()->text(),
             QStringLiteral("oras discover --format json --plain-http ") + reference +
                 QLatin1Char('@') + manifest.digest.toString());

    // A repository row lists its tags; a layer row fetches the blob.
    const QModelIndex repository = model->repositoryIndex(Repo);
    std::unique_ptr<ReferenceMenu> repoMenu(
        panel.contextMenuFor(panel.proxy()->mapFromSource(repository)));
    QAction *tags = commandAction(*repoMenu, QStringLiteral("tags/skopeo"));
    QVERIFY(tags);
    tags->trigger();
    QCOMPARE(QApplication::clipboard()->text(),
             QStringLiteral("skopeo list-tags --tls-verify=false docker://") + reference);

    panel.view()->expand(panel.proxy()->mapFromSource(tag));
    QModelIndex layer;
    QVERIFY(QTest::qWaitFor(
        [&] {
            for (int row = 0; row < model->rowCount(tag); ++row) {
                const QModelIndex child = model->index(row, 0, tag);
                if (model->node(child) && model->node(child)->kind == NodeKind::Layer)
                    layer = child;
            }
            return layer.isValid();
        },
        Timeout));
    std::unique_ptr<ReferenceMenu> layerMenu(
        panel.contextMenuFor(panel.proxy()->mapFromSource(layer)));
    QVERIFY(!commandAction(*layerMenu, QStringLiteral("blob/skopeo"))); // skopeo has none
    QAction *blob = commandAction(*layerMenu, QStringLiteral("blob/crane"));
    QVERIFY(blob);
    blob->trigger();
    QCOMPARE(QApplication::clipboard()->text(),
             QStringLiteral("crane blob ") + reference + QLatin1Char('@') +
                 Digest::sha256("layer bytes").toString() + QStringLiteral(" --insecure"));
}

QTEST_MAIN(TestCopyAsCommand)
#include "tst_copyascommand.moc"
