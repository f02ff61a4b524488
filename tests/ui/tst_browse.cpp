#include "support/teststack.h"
// The real window against a real docker-registry: browse a multi-platform index, inspect a
// platform, follow a digest link, and see clear messages for a missing repository and an
// unreachable registry.
#include "mainwindow/mainwindow.h"
#include "models/annotationsmodel.h"
#include "models/registrytreemodel.h"
#include "panels/inspectorpanel.h"
#include "panels/registrylistpanel.h"
#include "panels/repositorytreepanel.h"
#include "registry/registryclient.h"
#include "support/asyncwait.h"
#include "support/faultproxy.h"
#include "support/tempenv.h"
#include "support/testregistry.h"
#include "views/activitystatus.h"
#include "views/contentview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTcpServer>
#include <QTest>
#include <QTreeView>

using namespace ocular;
using namespace ocular::test;

namespace {

const QString kRepository = QStringLiteral("team/api");

struct Seeded
{
    Digest index;
    Digest amd64;
    Digest arm64;
    Digest config;
    Digest amd64Config;
};

QJsonObject blobDescriptor(const QString &mediaType, const QByteArray &bytes)
{
    return {{QStringLiteral("mediaType"), mediaType},
            {QStringLiteral("digest"), Digest::sha256(bytes).toString()},
            {QStringLiteral("size"), qint64(bytes.size())}};
}

/// The index entries under a node (other panels may add nodes such as "Referrers").
QStringList platformNames(const RegistryTreeModel *model, const QModelIndex &parent)
{
    QStringList names;
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex child = model->index(row, 0, parent);
        if (child.data(RegistryTreeModel::KindRole).toInt() == int(NodeKind::Manifest))
            names.append(child.data().toString());
    }
    return names;
}

} // namespace

class TestBrowse : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void browseIndexAndInspectPlatform();
    void missingRepositoryShowsClearMessage();
    void unreachableRegistryShowsClearMessage();
    void catalogUnavailableStillOpensRepositories();
    void escapeCancelsSlowLoads();

private:
    bool push(RegistryClient &client, const QByteArray &bytes, Digest *digest = nullptr);
    Digest putManifest(RegistryClient &client, const QString &reference, const QByteArray &raw,
                       const QString &mediaType);
    bool seed();

    std::unique_ptr<TempEnv> m_env;
    std::unique_ptr<TestRegistry> m_registry;
    std::unique_ptr<RegistryStack> m_windowStack; ///< the GUI's wiring, for the windows
    Seeded m_seeded;
};

void TestBrowse::initTestCase()
{
    m_env = std::make_unique<TempEnv>();
    QCoreApplication::setOrganizationName(QStringLiteral("OcularTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_browse"));
    QSettings().clear();
    m_registry = std::make_unique<TestRegistry>();
    QVERIFY2(m_registry->ok(), qPrintable(m_registry->errorMessage()));
    RegistryStackConfig windowConfig;
    windowConfig.dockerAndPodmanCredentials = false;
    windowConfig.cache = RegistryStackConfig::Cache::Memory;
    m_windowStack = test::makeStack(windowConfig);
    QVERIFY(m_windowStack);
    QVERIFY(seed());
}

void TestBrowse::cleanupTestCase()
{
    m_windowStack.reset();
    m_registry.reset();
}

bool TestBrowse::push(RegistryClient &client, const QByteArray &bytes, Digest *digest)
{
    const Result<Digest> pushed = waitFor<Digest>(
        [&](QObject *ctx, auto done) { return client.uploadBlob(kRepository, bytes, ctx, done); });
    if (!pushed) {
        qWarning() << "upload failed:" << pushed.error().toString();
        return false;
    }
    if (digest)
        *digest = pushed.value();
    return true;
}

Digest TestBrowse::putManifest(RegistryClient &client, const QString &reference,
                               const QByteArray &raw, const QString &mediaType)
{
    const Result<PushedManifest> pushed = waitFor<PushedManifest>([&](QObject *ctx, auto done) {
        return client.putManifest(kRepository, reference, raw, mediaType, ctx, done);
    });
    if (!pushed) {
        qWarning() << "manifest PUT failed:" << pushed.error().toString();
        return {};
    }
    return pushed.value().digest;
}

bool TestBrowse::seed()
{
    // Seeding goes through a stack of its own, wired as it always was: anonymous, default
    // retries, no cache (so the windows' cache starts empty).
    const auto endpoint = RegistryEndpoint::parse(m_registry->baseUrl());
    if (!endpoint)
        return false;
    RegistryStackConfig config = test::testStackConfig(QString());
    config.endpoint = endpoint.value();
    config.anonymousOnly = true;
    config.retryPolicy.reset();
    const std::unique_ptr<RegistryStack> stack = test::makeStack(config);
    if (!stack)
        return false;
    RegistryClient &client = *stack->client();
    const QString manifestType = QStringLiteral("application/vnd.oci.image.manifest.v1+json");
    const QString indexType = QStringLiteral("application/vnd.oci.image.index.v1+json");

    QJsonArray entries;
    const QList<QStringList> platforms = {{QStringLiteral("amd64"), {}},
                                          {QStringLiteral("arm64"), QStringLiteral("v8")}};
    for (const QStringList &p : platforms) {
        QJsonObject platform{{QStringLiteral("os"), QStringLiteral("linux")},
                             {QStringLiteral("architecture"), p.at(0)}};
        if (!p.at(1).isEmpty())
            platform.insert(QStringLiteral("variant"), p.at(1));
        const QByteArray config =
            QJsonDocument(
                QJsonObject{{QStringLiteral("created"), QStringLiteral("2026-03-04T05:06:07Z")},
                            {QStringLiteral("os"), QStringLiteral("linux")},
                            {QStringLiteral("architecture"), p.at(0)},
                            {QStringLiteral("rootfs"),
                             QJsonObject{{QStringLiteral("type"), QStringLiteral("layers")},
                                         {QStringLiteral("diff_ids"), QJsonArray()}}}})
                .toJson(QJsonDocument::Compact);
        const QByteArray layer = QByteArray("layer for ") + p.at(0).toUtf8();
        if (!push(client, config) || !push(client, layer))
            return false;
        const QByteArray image =
            QJsonDocument(
                QJsonObject{
                    {QStringLiteral("schemaVersion"), 2},
                    {QStringLiteral("mediaType"), manifestType},
                    {QStringLiteral("config"),
                     blobDescriptor(QStringLiteral("application/vnd.oci.image.config.v1+json"),
                                    config)},
                    {QStringLiteral("layers"),
                     QJsonArray{blobDescriptor(
                         QStringLiteral("application/vnd.oci.image.layer.v1.tar"), layer)}},
                    {QStringLiteral("annotations"),
                     QJsonObject{{QStringLiteral("org.example.platform"), p.join(u'/')}}}})
                .toJson(QJsonDocument::Compact);
        const Digest digest =
            putManifest(client, Digest::sha256(image).toString(), image, manifestType);
        if (!digest.isValid())
            return false;
        (p.at(0) == QLatin1String("amd64") ? m_seeded.amd64 : m_seeded.arm64) = digest;
        (p.at(0) == QLatin1String("arm64") ? m_seeded.config : m_seeded.amd64Config) =
            Digest::sha256(config);
        QJsonObject entry{{QStringLiteral("mediaType"), manifestType},
                          {QStringLiteral("digest"), digest.toString()},
                          {QStringLiteral("size"), qint64(image.size())},
                          {QStringLiteral("platform"), platform},
                          {QStringLiteral("annotations"),
                           QJsonObject{{QStringLiteral("org.example.entry"), p.at(0)}}}};
        entries.append(entry);
    }
    const QByteArray index = QJsonDocument(QJsonObject{{QStringLiteral("schemaVersion"), 2},
                                                       {QStringLiteral("mediaType"), indexType},
                                                       {QStringLiteral("manifests"), entries}})
                                 .toJson(QJsonDocument::Compact);
    m_seeded.index = putManifest(client, QStringLiteral("v1"), index, indexType);
    return m_seeded.index.isValid();
}

void TestBrowse::browseIndexAndInspectPlatform()
{
    MainWindow window(m_windowStack.get());
    window.show();
    QVERIFY(window.openRegistry(m_registry->baseUrl(), false));
    RepositoryTreePanel *tree = window.treePanel();
    RegistryTreeModel *model = tree->model();

    QTRY_VERIFY_WITH_TIMEOUT(model->repositoryIndex(kRepository).isValid(), 15000);
    QVERIFY(tree->catalogMessage().isEmpty());
    QVERIFY(window.registryList()->registries().contains(m_registry->baseUrl()));
    QVERIFY2(QSettings().value(QStringLiteral("registries/urls")).toStringList().isEmpty(),
             "a registry opened with remember=false is not persisted");

    // Select and expand the repository: its tags load lazily.
    const QModelIndex repoProxy = tree->proxy()->mapFromSource(model->repositoryIndex(kRepository));
    tree->view()->setCurrentIndex(repoProxy);
    tree->view()->expand(repoProxy);
    QTRY_VERIFY_WITH_TIMEOUT(model->tagIndex(kRepository, QStringLiteral("v1")).isValid(), 15000);

    // Expanding the tag shows one child per platform.
    const QModelIndex tag = model->tagIndex(kRepository, QStringLiteral("v1"));
    tree->view()->expand(tree->proxy()->mapFromSource(tag));
    QTRY_COMPARE_WITH_TIMEOUT(
        platformNames(model, tag),
        QStringList({QStringLiteral("linux/amd64"), QStringLiteral("linux/arm64/v8")}), 15000);
    QCOMPARE(model->data(tag, RegistryTreeModel::DigestRole).toString(), m_seeded.index.toString());

    // Copy reference / digest reference of the tag.
    tree->view()->setCurrentIndex(tree->proxy()->mapFromSource(tag));
    window.action(QStringLiteral("copyReference"))->trigger();
    QCOMPARE(QApplication::clipboard()->text(),
             m_registry->hostPort() + QStringLiteral("/team/api:v1"));
    window.action(QStringLiteral("copyDigestReference"))->trigger();
    QCOMPARE(QApplication::clipboard()->text(),
             m_registry->hostPort() + QStringLiteral("/team/api@") + m_seeded.index.toString());

    // Selecting a platform loads its manifest into the inspector.
    InspectorPanel *inspector = window.inspector();
    const QModelIndex arm = model->index(1, 0, tag);
    tree->view()->setCurrentIndex(tree->proxy()->mapFromSource(arm));
    QTRY_VERIFY_WITH_TIMEOUT(inspector->selection().manifest.has_value(), 15000);
    QCOMPARE(inspector->headerValue(QStringLiteral("digest")), m_seeded.arm64.toString());
    QTRY_VERIFY_WITH_TIMEOUT(
        inspector->jsonView()->toPlainText().contains(QStringLiteral("\"layers\": [")), 15000);
    QVERIFY(inspector->jsonView()->toPlainText().contains(m_seeded.config.toString()));
    // The created date comes from the config, fetched by digest.
    QTRY_VERIFY_WITH_TIMEOUT(
        inspector->headerValue(QStringLiteral("created")).contains(QStringLiteral("2026")), 15000);
    // Raw shows the exact bytes, not the pretty form.
    QTRY_COMPARE(inspector->rawView()->toPlainText(),
                 QString::fromUtf8(inspector->selection().manifest->raw()));

    // Annotations: the manifest's own and the index entry's.
    AnnotationsModel *annotations = inspector->annotations();
    QStringList keys;
    for (int row = 0; row < annotations->rowCount(); ++row)
        keys.append(annotations->index(row, AnnotationsModel::KeyColumn).data().toString());
    QVERIFY2(keys.contains(QStringLiteral("org.example.platform")), qPrintable(keys.join(u',')));
    QVERIFY2(keys.contains(QStringLiteral("org.example.entry")), qPrintable(keys.join(u',')));

    // A digest link navigates the tree: the config node is selected.
    Q_EMIT inspector->jsonView()->digestActivated(m_seeded.config);
    QTRY_COMPARE(tree->currentSelection().kind, NodeKind::Config);
    QCOMPARE(tree->currentSelection().digest(), m_seeded.config);
    QTRY_VERIFY_WITH_TIMEOUT(inspector->jsonView()->toPlainText().contains(
                                 QStringLiteral("\"architecture\": \"arm64\"")),
                             15000);

    // A digest the tree has not loaded (amd64 is not expanded) opens in the inspector.
    Q_EMIT inspector->jsonView()->digestActivated(m_seeded.amd64Config);
    QTRY_COMPARE_WITH_TIMEOUT(inspector->headerValue(QStringLiteral("digest")),
                              m_seeded.amd64Config.toString(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(inspector->jsonView()->toPlainText().contains(
                                 QStringLiteral("\"architecture\": \"amd64\"")),
                             15000);
    QCOMPARE(tree->currentSelection().kind, NodeKind::Config);

    // Filtering keeps matching tags with their repository.
    tree->filterEdit()->setText(QStringLiteral("v1"));
    QCOMPARE(tree->proxy()->rowCount(), 1);
    tree->filterEdit()->clear();

    // F5 on a tag reloads it.
    tree->view()->setCurrentIndex(tree->proxy()->mapFromSource(tag));
    window.action(QStringLiteral("refresh"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(platformNames(model, tag).size(), 2, 15000);
    QTRY_VERIFY(!window.activity()->isBusy());
}

void TestBrowse::missingRepositoryShowsClearMessage()
{
    MainWindow window(m_windowStack.get());
    window.show();
    QVERIFY(window.openRegistry(m_registry->baseUrl(), false));
    RepositoryTreePanel *tree = window.treePanel();
    QVERIFY(!tree->openRepository(QStringLiteral("Not A Valid Name")));
    QVERIFY(tree->openRepository(QStringLiteral("does/not-exist")));
    const QModelIndex repo = tree->model()->repositoryIndex(QStringLiteral("does/not-exist"));
    QVERIFY(repo.isValid());
    QTRY_COMPARE_WITH_TIMEOUT(tree->model()->data(repo, RegistryTreeModel::LoadStateRole).toInt(),
                              int(LoadState::Failed), 15000);
    const QString message = tree->model()->index(0, 0, repo).data().toString();
    QVERIFY2(message.startsWith(QStringLiteral("could not load: ")) &&
                 message.contains(QStringLiteral("NAME_UNKNOWN")),
             qPrintable(message));
    QVERIFY2(window.activity()->text().contains(QStringLiteral("does/not-exist")),
             qPrintable(window.activity()->text()));
}

void TestBrowse::unreachableRegistryShowsClearMessage()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    const quint16 port = server.serverPort();
    server.close(); // nothing listens there now

    MainWindow window(m_windowStack.get());
    window.show();
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(port);
    QVERIFY(window.openRegistry(url, false));
    QTRY_VERIFY_WITH_TIMEOUT(!window.treePanel()->catalogMessage().isEmpty(), 30000);
    const QString message = window.treePanel()->catalogMessage();
    QVERIFY2(message.contains(QStringLiteral("Could not list the repositories")) &&
                 message.contains(QStringLiteral("open a repository by name")),
             qPrintable(message));
    // Opening a repository there fails inline as well, without crashing.
    QVERIFY(window.treePanel()->openRepository(QStringLiteral("any/thing")));
    const QModelIndex repo =
        window.treePanel()->model()->repositoryIndex(QStringLiteral("any/thing"));
    QTRY_COMPARE_WITH_TIMEOUT(
        window.treePanel()->model()->data(repo, RegistryTreeModel::LoadStateRole).toInt(),
        int(LoadState::Failed), 30000);
    QVERIFY(!window.registryList()->registries().isEmpty());
}

void TestBrowse::catalogUnavailableStillOpensRepositories()
{
    FaultProxy proxy(QUrl(m_registry->baseUrl()));
    QVERIFY2(proxy.listen(), qPrintable(proxy.errorString()));
    FaultProxy::Rule rule =
        FaultProxy::rule("GET", QStringLiteral("^/v2/_catalog"), FaultProxy::Action::Respond);
    rule.status = 404;
    rule.headers = {{"Content-Type", "application/json"}};
    rule.body = R"({"errors":[{"code":"UNSUPPORTED","message":"catalog disabled"}]})";
    proxy.addRule(rule);

    MainWindow window(m_windowStack.get());
    window.show();
    QVERIFY(window.openRegistry(proxy.baseUrl().toString(), false));
    RepositoryTreePanel *tree = window.treePanel();
    QTRY_VERIFY_WITH_TIMEOUT(!tree->catalogMessage().isEmpty(), 15000);
    const QString message = tree->catalogMessage();
    QVERIFY2(message.contains(QStringLiteral("does not list its repositories")) &&
                 message.contains(QStringLiteral("UNSUPPORTED")),
             qPrintable(message));
    QCOMPARE(tree->model()->repositoryCount(), 0);

    QVERIFY(tree->openRepository(kRepository));
    QTRY_VERIFY_WITH_TIMEOUT(tree->model()->tagIndex(kRepository, QStringLiteral("v1")).isValid(),
                             15000);
    QVERIFY2(tree->selectPath({kRepository, QStringLiteral("v1")}), "select the tag by path");
    QTRY_VERIFY_WITH_TIMEOUT(window.inspector()->selection().manifest.has_value(), 15000);
}

void TestBrowse::escapeCancelsSlowLoads()
{
    FaultProxy proxy(QUrl(m_registry->baseUrl()));
    QVERIFY2(proxy.listen(), qPrintable(proxy.errorString()));
    FaultProxy::Rule slow =
        FaultProxy::rule("GET", QStringLiteral("/tags/list"), FaultProxy::Action::Delay);
    slow.delayMs = 20000;
    proxy.addRule(slow);

    MainWindow window(m_windowStack.get());
    window.show();
    QVERIFY(window.openRegistry(proxy.baseUrl().toString(), false));
    RepositoryTreePanel *tree = window.treePanel();
    QTRY_VERIFY_WITH_TIMEOUT(tree->model()->repositoryIndex(kRepository).isValid(), 15000);
    QVERIFY(tree->openRepository(kRepository));
    const QModelIndex repo = tree->model()->repositoryIndex(kRepository);
    QTRY_VERIFY(window.activity()->isBusy());
    QVERIFY2(window.activity()->text().contains(QStringLiteral("Loading tags of team/api")),
             qPrintable(window.activity()->text()));

    QTest::keyClick(&window, Qt::Key_Escape);
    QTRY_VERIFY(!window.activity()->isBusy());
    QTRY_COMPARE(tree->model()->data(repo, RegistryTreeModel::LoadStateRole).toInt(),
                 int(LoadState::Unloaded));
    QVERIFY(tree->model()->canFetchMore(repo));
}

QTEST_MAIN(TestBrowse)
#include "tst_browse.moc"
