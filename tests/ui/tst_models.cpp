// Models under QAbstractItemModelTester (Fatal) while filling, expanding, failing, refreshing;
// plus the pure helpers of the JSON view.
#include "models/annotationsmodel.h"
#include "models/registrytreemodel.h"
#include "models/repositoryfilterproxy.h"
#include "views/contentview.h"
#include "views/jsonformatter.h"
#include "views/jsonhighlighter.h"
#include "views/rawformatter.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using namespace ocular;

namespace {

QString fakeDigest(int n)
{
    return QStringLiteral("sha256:") + QString::number(n).rightJustified(64, QLatin1Char('0'));
}

QJsonObject descriptor(const QString &mediaType, int n, qint64 size)
{
    return {{QStringLiteral("mediaType"), mediaType},
            {QStringLiteral("digest"), fakeDigest(n)},
            {QStringLiteral("size"), size}};
}

QJsonObject platformEntry(int n, const QString &os, const QString &arch, const QString &variant)
{
    QJsonObject d =
        descriptor(QStringLiteral("application/vnd.oci.image.manifest.v1+json"), n, 500);
    QJsonObject platform{{QStringLiteral("os"), os}, {QStringLiteral("architecture"), arch}};
    if (!variant.isEmpty())
        platform.insert(QStringLiteral("variant"), variant);
    d.insert(QStringLiteral("platform"), platform);
    return d;
}

Manifest indexManifest(int entries = 2, bool attestation = true)
{
    QJsonArray manifests;
    manifests.append(platformEntry(1, QStringLiteral("linux"), QStringLiteral("amd64"), {}));
    if (entries > 1)
        manifests.append(platformEntry(2, QStringLiteral("linux"), QStringLiteral("arm64"),
                                       QStringLiteral("v8")));
    for (int i = 2; i < entries; ++i)
        manifests.append(
            platformEntry(100 + i, QStringLiteral("linux"), QStringLiteral("arch%1").arg(i), {}));
    if (attestation) {
        QJsonObject att =
            platformEntry(3, QStringLiteral("unknown"), QStringLiteral("unknown"), {});
        att.insert(QStringLiteral("annotations"),
                   QJsonObject{{QStringLiteral("vnd.docker.reference.type"),
                                QStringLiteral("attestation-manifest")},
                               {QStringLiteral("vnd.docker.reference.digest"), fakeDigest(1)}});
        manifests.append(att);
    }
    const QJsonObject index{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.index.v1+json")},
        {QStringLiteral("manifests"), manifests}};
    const auto parsed = Manifest::parse(QJsonDocument(index).toJson(QJsonDocument::Compact));
    if (!parsed)
        qFatal("test index does not parse: %s", qPrintable(parsed.error().toString()));
    return parsed.value();
}

Manifest imageManifest()
{
    const QJsonObject image{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.manifest.v1+json")},
        {QStringLiteral("config"),
         descriptor(QStringLiteral("application/vnd.oci.image.config.v1+json"), 10, 1234)},
        {QStringLiteral("layers"),
         QJsonArray{
             descriptor(QStringLiteral("application/vnd.oci.image.layer.v1.tar+gzip"), 11,
                        3 * 1024 * 1024),
             descriptor(QStringLiteral("application/vnd.oci.image.layer.v1.tar+gzip"), 12, 2048)}},
        {QStringLiteral("annotations"),
         QJsonObject{{QStringLiteral("org.opencontainers.image.created"),
                      QStringLiteral("2026-01-02T03:04:05Z")}}}};
    const auto parsed = Manifest::parse(QJsonDocument(image).toJson(QJsonDocument::Compact));
    if (!parsed)
        qFatal("test image does not parse: %s", qPrintable(parsed.error().toString()));
    return parsed.value();
}

bool requested(const QSignalSpy &spy, const QModelIndex &index)
{
    for (const QList<QVariant> &args : spy) {
        if (args.at(0).value<QModelIndex>() == index)
            return true;
    }
    return false;
}

QStringList childNames(const QAbstractItemModel *model, const QModelIndex &parent)
{
    QStringList names;
    for (int row = 0; row < model->rowCount(parent); ++row)
        names.append(model->index(row, 0, parent).data().toString());
    return names;
}

} // namespace

class TestModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void treeFillExpandRefresh();
    void treeFailureAndReset();
    void filterProxyIsRecursive();
    void repositoryFilterMatchesNamesOnly();
    void attachmentTagsGroupUnderTheirSubject();
    void digestNodesSurviveTagReloads();
    void refusedTagsAreShownNotRequested();
    void annotationsModel();
    void formatterKeepsOrderAndSpelling();
    void formatterRejectsInvalidJson();
    void digestSpans();
    void rawFormatter();
    void largeIndexIsPreparedOffTheGuiThread();
};

void TestModels::treeFillExpandRefresh()
{
    RegistryTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy catalogRequests(&model, &RegistryTreeModel::catalogPageRequested);
    QSignalSpy childRequests(&model, &RegistryTreeModel::childrenRequested);

    QVERIFY(!model.canFetchMore({}));
    model.appendRepositories({QStringLiteral("team/api"), QStringLiteral("team/web")});
    model.setCatalogHasMore(true);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(catalogRequests.size(), 1);
    QVERIFY2(!model.canFetchMore({}), "one page request at a time");
    model.appendRepositories({QStringLiteral("team/web"), QStringLiteral("zeta")});
    model.setCatalogHasMore(false);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(childNames(&model, {}),
             QStringList(
                 {QStringLiteral("team/api"), QStringLiteral("team/web"), QStringLiteral("zeta")}));

    // Expanding a repository asks the panel; nothing is loaded by the model itself. (The
    // tester fetches whatever it sees, so requests may already have been made.)
    const QModelIndex repo = model.repositoryIndex(QStringLiteral("team/api"));
    QVERIFY(model.hasChildren(repo));
    QCOMPARE(model.rowCount(repo), 0);
    model.fetchMore(repo);
    QVERIFY(requested(childRequests, repo));
    QCOMPARE(model.rowCount(repo), 0);
    QVERIFY(model.hasChildren(repo));
    QCOMPARE(repo.siblingAtColumn(1).data().toString(), QStringLiteral("Loading…"));
    QVERIFY(!model.canFetchMore(repo));

    model.setTags(repo,
                  {QStringLiteral("v1.10"), QStringLiteral("v1.9"), QStringLiteral("latest")});
    QCOMPARE(
        childNames(&model, repo),
        QStringList({QStringLiteral("latest"), QStringLiteral("v1.9"), QStringLiteral("v1.10")}));

    const QModelIndex tag = model.tagIndex(QStringLiteral("team/api"), QStringLiteral("v1.9"));
    QVERIFY(tag.isValid());
    model.fetchMore(tag);
    QVERIFY(requested(childRequests, tag));
    QVERIFY(!model.canFetchMore(tag));
    const Manifest index = indexManifest();
    model.setManifest(tag, index);
    const QStringList platforms = childNames(&model, tag);
    QCOMPARE(platforms.size(), 3);
    QCOMPARE(platforms.at(0), QStringLiteral("linux/amd64"));
    QCOMPARE(platforms.at(1), QStringLiteral("linux/arm64/v8"));
    QVERIFY2(platforms.at(2).startsWith(QStringLiteral("attestation for sha256:")),
             qPrintable(platforms.at(2)));
    QVERIFY(tag.siblingAtColumn(1).data().toString().contains(QStringLiteral("OCI index")));
    QCOMPARE(model.data(tag, RegistryTreeModel::DigestRole).toString(), index.digest().toString());

    // A platform entry loads its image manifest; its children are config and layers.
    const QModelIndex amd64 = model.index(0, 0, tag);
    model.fetchMore(amd64);
    QVERIFY(requested(childRequests, amd64));
    model.setManifest(amd64, imageManifest());
    const QStringList content = childNames(&model, amd64);
    QCOMPARE(content, QStringList({QStringLiteral("config"), QStringLiteral("layer 1"),
                                   QStringLiteral("layer 2")}));
    const QString layerDetail = model.index(1, 1, amd64).data().toString();
    QVERIFY2(layerDetail.contains(QStringLiteral("gzip layer")) &&
                 layerDetail.contains(QStringLiteral("MiB")),
             qPrintable(layerDetail));
    QVERIFY(!model.hasChildren(model.index(1, 0, amd64)));

    // Digest navigation finds loaded nodes, including blobs.
    const Digest layerDigest = Digest::parse(fakeDigest(11)).value();
    QCOMPARE(model.findDigest(layerDigest), model.index(1, 0, amd64));
    QVERIFY(!model.findDigest(Digest::parse(fakeDigest(999)).value()).isValid());

    // Refresh: forget and load again.
    childRequests.clear();
    model.resetNode(tag);
    QCOMPARE(model.rowCount(tag), 0);
    QVERIFY(model.data(tag, RegistryTreeModel::DigestRole).toString().isEmpty());
    model.fetchMore(tag);
    QVERIFY(requested(childRequests, tag));
    model.setManifest(tag, indexManifest(50, false));
    QCOMPARE(model.rowCount(tag), 50);

    QCOMPARE(model.addRepository(QStringLiteral("typed/by/user")).row(), 3);
    QCOMPARE(model.addRepository(QStringLiteral("team/api")), repo);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestModels::treeFailureAndReset()
{
    RegistryTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy childRequests(&model, &RegistryTreeModel::childrenRequested);
    const QModelIndex repo = model.addRepository(QStringLiteral("missing/repo"));
    model.fetchMore(repo);
    model.setFailed(repo, QStringLiteral("404 NAME_UNKNOWN: repository name not known"));
    QCOMPARE(model.rowCount(repo), 1);
    const QModelIndex message = model.index(0, 0, repo);
    QVERIFY(message.data().toString().startsWith(QStringLiteral("could not load: 404")));
    QVERIFY(!model.canFetchMore(repo));
    QVERIFY(message.data(Qt::ForegroundRole).isValid());
    childRequests.clear();
    model.resetNode(repo);
    model.fetchMore(repo);
    QVERIFY(requested(childRequests, repo));
    QCOMPARE(model.data(repo, RegistryTreeModel::LoadStateRole).toInt(), int(LoadState::Loading));
    model.setTags(repo, {});
    QCOMPARE(childNames(&model, repo), QStringList{QStringLiteral("(no tags)")});
}

void TestModels::filterProxyIsRecursive()
{
    RegistryTreeModel model;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setRecursiveFilteringEnabled(true);
    proxy.setAutoAcceptChildRows(true);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);

    model.appendRepositories({QStringLiteral("alpha"), QStringLiteral("beta")});
    const QModelIndex alpha = model.repositoryIndex(QStringLiteral("alpha"));
    model.fetchMore(alpha);
    model.setTags(alpha, {QStringLiteral("v1"), QStringLiteral("v2"), QStringLiteral("edge")});

    proxy.setFilterFixedString(QStringLiteral("EDGE"));
    QCOMPARE(proxy.rowCount(), 1);
    const QModelIndex alphaProxy = proxy.index(0, 0);
    QCOMPARE(alphaProxy.data().toString(), QStringLiteral("alpha"));
    QCOMPARE(childNames(&proxy, alphaProxy), QStringList{QStringLiteral("edge")});

    proxy.setFilterFixedString(QStringLiteral("alp"));
    QCOMPARE(childNames(&proxy, proxy.index(0, 0)).size(), 3);

    // Rows that arrive while filtered are filtered too.
    proxy.setFilterFixedString(QStringLiteral("gamma"));
    QCOMPARE(proxy.rowCount(), 0);
    model.appendRepositories({QStringLiteral("gamma-1"), QStringLiteral("delta")});
    QCOMPARE(childNames(&proxy, {}), QStringList{QStringLiteral("gamma-1")});
    proxy.setFilterFixedString({});
    QCOMPARE(proxy.rowCount(), 4);
}

void TestModels::repositoryFilterMatchesNamesOnly()
{
    RegistryTreeModel model;
    RepositoryFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.appendRepositories({QStringLiteral("team/api"), QStringLiteral("team/web")});
    const QModelIndex api = model.repositoryIndex(QStringLiteral("team/api"));
    model.fetchMore(api);
    model.setTags(api, {QStringLiteral("v1"), QStringLiteral("v2")});
    const QModelIndex v1 = model.tagIndex(QStringLiteral("team/api"), QStringLiteral("v1"));
    model.fetchMore(v1);
    QJsonArray manifests{platformEntry(1, QStringLiteral("linux"), QStringLiteral("amd64"), {})};
    const QByteArray raw =
        QJsonDocument(QJsonObject{{QStringLiteral("schemaVersion"), 2},
                                  {QStringLiteral("mediaType"),
                                   QStringLiteral("application/vnd.oci.image.index.v1+json")},
                                  {QStringLiteral("manifests"), manifests}})
            .toJson(QJsonDocument::Compact);
    const Result<Manifest> index =
        Manifest::parse(raw, QStringLiteral("application/vnd.oci.image.index.v1+json"));
    QVERIFY2(index.ok(), qPrintable(index.error().toString()));
    model.setManifest(v1, index.value());

    // A platform under v1 does not keep v1 alive; the tag name does.
    proxy.setFilterText(QStringLiteral("amd64"));
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setFilterText(QStringLiteral("V2"));
    QCOMPARE(childNames(&proxy, {}), QStringList{QStringLiteral("team/api")});
    QCOMPARE(childNames(&proxy, proxy.index(0, 0)), QStringList{QStringLiteral("v2")});
    // A repository that matches shows everything it holds.
    proxy.setFilterText(QStringLiteral("api"));
    QCOMPARE(childNames(&proxy, proxy.index(0, 0)).size(), 2);
    proxy.setFilterText(QStringLiteral("  "));
    QCOMPARE(proxy.rowCount(), 2);
}

void TestModels::attachmentTagsGroupUnderTheirSubject()
{
    RegistryTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.appendRepositories({QStringLiteral("app")});
    const QModelIndex repo = model.repositoryIndex(QStringLiteral("app"));
    model.fetchMore(repo);
    const QString a = QString(64, QLatin1Char('a'));
    const QString b = QString(64, QLatin1Char('b'));
    const QString sha512 = QString(128, QLatin1Char('c'));
    model.setTags(repo, {QStringLiteral("v1"), QStringLiteral("sha256-") + a,
                         QStringLiteral("sha256-") + a + QStringLiteral(".sig"),
                         QStringLiteral("sha256-") + b + QStringLiteral(".att"),
                         QStringLiteral("sha256-") + b + QStringLiteral(".sbom"),
                         QStringLiteral("sha512-") + sha512, QStringLiteral("sha256-short"),
                         QStringLiteral("latest")});
    // Real tags first (sha256-short is not an attachment tag), then one group.
    QCOMPARE(childNames(&model, repo),
             QStringList({QStringLiteral("latest"), QStringLiteral("sha256-short"),
                          QStringLiteral("v1"), QStringLiteral("Attachments (5)")}));
    const QModelIndex group = model.index(3, 0, repo);
    QCOMPARE(group.data(RegistryTreeModel::KindRole).toInt(), int(NodeKind::Group));
    QCOMPARE(model.rowCount(group), 3);
    const QModelIndex forA = model.index(0, 0, group);
    QCOMPARE(forA.data().toString(), QStringLiteral("for sha256:aaaaaaaaaaaa"));
    QCOMPARE(childNames(&model, forA),
             QStringList({QStringLiteral("sha256-") + a,
                          QStringLiteral("sha256-") + a + QStringLiteral(".sig")}));
    const QModelIndex sig = model.tagIndex(QStringLiteral("app"),
                                           QStringLiteral("sha256-") + a + QStringLiteral(".sig"));
    QVERIFY(sig.isValid());
    // (The tester fetches what it sees, so the Details column may say "Loading…" already.)
    QCOMPARE(model.node(sig)->detail, QStringLiteral("cosign signature"));
    QCOMPARE(model.node(sig)->tag(), QStringLiteral("sha256-") + a + QStringLiteral(".sig"));
    QVERIFY(model.node(sig)->isExpandable());

    model.setGroupAttachmentTags(false);
    QCOMPARE(model.rowCount(repo), 8);
    QVERIFY(model.tagIndex(QStringLiteral("app"), QStringLiteral("sha512-") + sha512).isValid());
    model.setGroupAttachmentTags(true);
    QCOMPARE(model.rowCount(repo), 4);
    QCOMPARE(model.loadedTags(QStringLiteral("app")).size(), 8);
}

void TestModels::digestNodesSurviveTagReloads()
{
    RegistryTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.appendRepositories({QStringLiteral("app")});
    const QModelIndex repo = model.repositoryIndex(QStringLiteral("app"));
    Descriptor untagged;
    untagged.mediaType = QStringLiteral("application/vnd.oci.image.manifest.v1+json");
    untagged.digest = Digest::parse(fakeDigest(7)).value();
    untagged.size = 321;
    const QModelIndex node = model.addDigestNode(repo, untagged);
    QVERIFY(node.isValid());
    QCOMPARE(model.addDigestNode(repo, untagged), node);
    QVERIFY(model.node(node)->isExpandable());
    QVERIFY(model.node(node)->openedByDigest);
    model.fetchMore(repo);
    model.setTags(repo, {QStringLiteral("v1")});
    QCOMPARE(childNames(&model, repo).size(), 2);
    QVERIFY(childNames(&model, repo).first().startsWith(QStringLiteral("by digest sha256:")));
    QCOMPARE(model.findDigest(untagged.digest).isValid(), true);

    // Cancelled: unloaded again, and the Details column says so.
    const QModelIndex v1 = model.tagIndex(QStringLiteral("app"), QStringLiteral("v1"));
    model.fetchMore(v1);
    QCOMPARE(model.node(v1)->state, LoadState::Loading);
    model.setCancelled(v1);
    // Unloaded again (the tester may have asked for it once more) and saying why.
    QVERIFY(model.node(v1)->state != LoadState::Loaded);
    QVERIFY(model.node(v1)->detail.contains(QStringLiteral("cancelled")));
    model.clear();
    QVERIFY(model.loadedTags(QStringLiteral("app")).isEmpty());
}

void TestModels::refusedTagsAreShownNotRequested()
{
    RegistryTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy childRequests(&model, &RegistryTreeModel::childrenRequested);
    const QModelIndex repo = model.addRepository(QStringLiteral("app"));
    model.fetchMore(repo);
    QList<RejectedName> rejected;
    rejected.append({QStringLiteral("../../other/manifests/v1"), QStringLiteral("a '/'")});
    rejected.append({QStringLiteral("v1\u202Egpj"), QStringLiteral("a control character")});
    for (int i = 0; i < 30; ++i)
        rejected.append({QStringLiteral("x?%1").arg(i), QStringLiteral("a '?'")});
    model.setTags(repo, {QStringLiteral("v1")}, rejected);
    const QStringList names = childNames(&model, repo);
    // v1, 20 refused rows, one "more" row: bounded by a constant, not by the listing.
    QCOMPARE(names.size(), 1 + 20 + 1);
    QCOMPARE(names.first(), QStringLiteral("v1"));
    QVERIFY2(names.at(1).contains(QStringLiteral("../../other/manifests/v1")),
             qPrintable(names.at(1)));
    // The bidi override is not shown raw.
    QVERIFY(!names.at(2).contains(QChar(0x202E)));
    QVERIFY2(names.last().contains(QStringLiteral("12")), qPrintable(names.last()));
    for (int row = 1; row < model.rowCount(repo); ++row) {
        const QModelIndex index = model.index(row, 0, repo);
        QCOMPARE(model.node(index)->kind, NodeKind::Message);
        QVERIFY(!model.canFetchMore(index));
        QVERIFY(index.data(Qt::ForegroundRole).isValid());
    }
    QVERIFY(model.index(1, 0, repo).data(Qt::ToolTipRole).toString().contains(
        QStringLiteral("a '/'")));
    // A reload without refused names drops the rows.
    model.setTags(repo, {QStringLiteral("v1")});
    QCOMPARE(childNames(&model, repo), QStringList{QStringLiteral("v1")});
}

void TestModels::annotationsModel()
{
    AnnotationsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.addAnnotations(QStringLiteral("manifest"),
                         {{QStringLiteral("org.opencontainers.image.created"),
                           QStringLiteral("2026-01-01T00:00:00Z")}});
    model.addAnnotations(QStringLiteral("descriptor"), {});
    model.addAnnotations(
        QStringLiteral("descriptor"),
        {{QStringLiteral("a"), QStringLiteral("1")}, {QStringLiteral("b"), QStringLiteral("2")}});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(2, AnnotationsModel::KeyColumn).data().toString(), QStringLiteral("b"));
    QCOMPARE(model.index(2, AnnotationsModel::SourceColumn).data().toString(),
             QStringLiteral("descriptor"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestModels::formatterKeepsOrderAndSpelling()
{
    const QByteArray raw = R"({"z":1.50,"a":[],"s":"q\"{[,:","o":{},"n":[1,{"k":null}]})";
    const auto pretty = JsonFormatter::pretty(raw);
    QVERIFY(pretty);
    const QString expected = QStringLiteral("{\n"
                                            "  \"z\": 1.50,\n"
                                            "  \"a\": [],\n"
                                            "  \"s\": \"q\\\"{[,:\",\n"
                                            "  \"o\": {},\n"
                                            "  \"n\": [\n"
                                            "    1,\n"
                                            "    {\n"
                                            "      \"k\": null\n"
                                            "    }\n"
                                            "  ]\n"
                                            "}");
    QCOMPARE(*pretty, expected);
    // Already pretty input is re-indented, not doubled.
    QCOMPARE(*JsonFormatter::pretty(expected.toUtf8()), expected);
}

void TestModels::formatterRejectsInvalidJson()
{
    QVERIFY(!JsonFormatter::pretty("{\"a\":"));
    QVERIFY(!JsonFormatter::pretty(QByteArray("\x1f\x8b\x08\x00", 4)));
}

void TestModels::digestSpans()
{
    const QString d = fakeDigest(7);
    const QString line = QStringLiteral("  \"digest\": \"") + d + QStringLiteral("\",");
    const auto spans = JsonHighlighter::digestSpans(line);
    QCOMPARE(spans.size(), 1);
    QCOMPARE(line.mid(spans[0].first, spans[0].second), d);
    QVERIFY(JsonHighlighter::digestSpans(QStringLiteral("sha256:abc")).isEmpty());
    QVERIFY(JsonHighlighter::digestSpans(QStringLiteral("sha256:") + QString(64, QLatin1Char('A')))
                .isEmpty());
}

void TestModels::rawFormatter()
{
    QCOMPARE(RawFormatter::render("{\"a\": 1}\n"), QStringLiteral("{\"a\": 1}\n"));
    const QString hex = RawFormatter::render(QByteArray("\x1f\x8b\x08\x00hello", 9));
    QVERIFY2(hex.startsWith(QStringLiteral("00000000  1f 8b 08 00 68")), qPrintable(hex));
    QVERIFY(hex.contains(QStringLiteral("|....hello|")));
    const QString cut = RawFormatter::render(QByteArray(1000, 'x'), 100);
    QVERIFY(cut.startsWith(QString(100, QLatin1Char('x')) + QLatin1Char('\n')));
    QVERIFY(cut.contains(QStringLiteral("showing the first")));
}

void TestModels::largeIndexIsPreparedOffTheGuiThread()
{
    // About 3 MiB of index JSON, the size of the demo's big index.
    QJsonArray manifests;
    for (int i = 0; i < 12000; ++i)
        manifests.append(platformEntry(i, QStringLiteral("linux"), QStringLiteral("amd64"),
                                       QStringLiteral("v%1").arg(i % 4)));
    const QByteArray raw = QJsonDocument(QJsonObject{{QStringLiteral("schemaVersion"), 2},
                                                     {QStringLiteral("manifests"), manifests}})
                               .toJson(QJsonDocument::Compact);
    QVERIFY(raw.size() > 2 * 1024 * 1024);

    ContentView view;
    QSignalSpy ready(&view, &ContentView::contentReady);
    QElapsedTimer timer;
    timer.start();
    view.showJson(raw);
    const qint64 callMs = timer.elapsed();
    QVERIFY(view.isPreparing());
    QVERIFY2(callMs < 100, qPrintable(QStringLiteral("showJson blocked for %1 ms").arg(callMs)));
    QVERIFY(ready.wait(60000));
    qInfo("3 MiB index: call returned in %lld ms, document ready after %lld ms", callMs,
          timer.elapsed());
    QVERIFY(!view.isPreparing());
    QVERIFY(view.document()->blockCount() > 12000 * 5);
    QVERIFY(view.toPlainText().contains(fakeDigest(11999)));
    // Highlighting was applied by the worker: formats are already there.
    const QTextBlock digestLine = view.document()->findBlockByNumber(6);
    QVERIFY2(!digestLine.layout()->formats().isEmpty(), qPrintable(digestLine.text()));
    QCOMPARE(view.document()->thread(), view.thread());

    // A newer request wins over an older one still being prepared.
    view.showJson(raw);
    view.showJson("{\"short\":true}");
    QTRY_VERIFY(!view.isPreparing());
    QTest::qWait(200);
    QCOMPARE(view.toPlainText(), QStringLiteral("{\n  \"short\": true\n}"));
}

QTEST_MAIN(TestModels)
#include "tst_models.moc"
