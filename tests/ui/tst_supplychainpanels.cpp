// What a user does in the Supply Chain dock on the demo registry (issue 10): an audit that
// keeps its repository and stops on Cancel, re-checking with a chosen key (the demo's own
// key verifies), failed signatures that do not look signed, counts by digest, tags in
// natural order, the Referrers count and tree nodes that follow the selection and the
// toggle, capabilities learnt without Refresh, the provenance summary of the BuildKit
// attestation, and a details pane that only takes room when it has something to show.
#include "support/asyncwait.h"
#include "support/demoregistryclient.h"
#include "support/fixtures.h"
#include "support/testregistry.h"

#include "demo/demosigningkey.h"
#include "dialogs/cosignkeychooser.h"
#include "models/auditmodel.h"
#include "models/nodeicons.h"
#include "models/referrergraphmodel.h"
#include "models/registrytreemodel.h"
#include "models/sbompackagesmodel.h"
#include "panels/auditpanel.h"
#include "panels/capabilitiespanel.h"
#include "panels/referrerspanel.h"
#include "panels/sbomviewer.h"
#include "panels/supplychaindock.h"
#include "registry/registryclient.h"

#include <QApplication>
#include <QCheckBox>
#include <QInputDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <memory>

using namespace ocular;
using ocular::test::DemoRegistryClient;
using ocular::test::waitFor;

namespace {

TreeSelection tagSelection(const QString &repository, const QString &tag)
{
    TreeSelection s;
    s.kind = NodeKind::Tag;
    s.repository = repository;
    s.tag = tag;
    return s;
}

QModelIndex findDigest(const QAbstractItemModel *model, const Digest &digest,
                       const QModelIndex &parent = {})
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (index.data(ReferrerGraphModel::DigestRole).toString() == digest.toString())
            return index;
        const QModelIndex inner = findDigest(model, digest, index);
        if (inner.isValid())
            return inner;
    }
    return {};
}

/// Picks item `item` of the next QInputDialog that opens (the key chooser's list).
void pickInNextInputDialog(int item)
{
    auto *poll = new QTimer;
    poll->setInterval(20);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, item] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        dialog->setTextValue(dialog->comboBoxItems().value(item));
        dialog->accept();
        poll->deleteLater();
    });
    poll->start();
}

bool sameIcon(const QVariant &decoration, const QString &name)
{
    const QIcon icon = qvariant_cast<QIcon>(decoration);
    return !icon.isNull() &&
           icon.pixmap(16).toImage() == NodeIcons::named(name).pixmap(16).toImage();
}

} // namespace

class TestSupplyChainPanels : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestRegistry> m_registry;
    std::unique_ptr<DemoRegistryClient> m_demo;
    std::optional<DemoSummary> m_summary;
    QTemporaryDir m_dir;
    QString m_keyPath;
    const QString m_versions[3] = {QStringLiteral("v0.0.10"), QStringLiteral("v0.0.2"),
                                   QStringLiteral("v0.0.1")};

    RegistryClient &client() { return m_demo->client(); }

private Q_SLOTS:
    void initTestCase()
    {
        m_registry = std::make_unique<test::TestRegistry>();
        if (!m_registry->ok())
            QSKIP(qPrintable(m_registry->errorMessage()));
        m_demo = std::make_unique<DemoRegistryClient>(m_registry->hostPort());
        auto key = DemoSigningKey::generate();
        QVERIFY2(key.ok(), qPrintable(key.error().toString()));
        m_keyPath = m_dir.filePath(QStringLiteral("demo-cosign.pub"));
        QVERIFY(key->writePublicKey(m_keyPath).ok());
        auto seeded = m_demo->seed(40, std::make_shared<const DemoSigningKey>(key.value()));
        QVERIFY2(seeded.ok(), qPrintable(seeded.error().toString()));
        m_summary = seeded.value();
        QCOMPARE(m_summary->cosignPublicKeyPem, key->publicKeyPem());
        // Version tags that sort differently lexically and naturally.
        const QString repo = QStringLiteral("demo/many-tags");
        auto latest = waitFor<FetchedManifest>([&](QObject *ctx, auto done) {
            return client().getManifest(repo, QStringLiteral("latest"), ctx, done);
        });
        QVERIFY(latest.ok());
        for (const QString &tag : m_versions)
            QVERIFY(waitFor<PushedManifest>([&](QObject *ctx, auto done) {
                        return client().putManifest(repo, tag, latest->manifest.raw(),
                                                    latest->manifest.mediaType(), ctx, done);
                    }).ok());
        CosignKeyChooser::clearOfferedKeys();
        CosignKeyChooser::offerKey(QStringLiteral("Demo registry key"), m_keyPath);
    }

    void cleanupTestCase()
    {
        CosignKeyChooser::clearOfferedKeys();
        m_demo.reset();
        m_registry.reset();
    }

    // Issue 10 item 1.
    void auditKeepsItsRepositoryAndCancelEndsIt()
    {
        SupplyChainDock dock;
        dock.setSource(&m_demo->source(), &client());
        QSignalSpy activity(&dock, &SupplyChainDock::activityChanged);
        AuditPanel *audit = dock.audit();
        QSignalSpy finished(audit, &AuditPanel::finished);
        dock.showSelection(
            tagSelection(QStringLiteral("demo/many-tags"), QStringLiteral("latest")));
        audit->run();
        QVERIFY(audit->isRunning());
        // The user moves on to another repository: the audit goes on with what it names.
        dock.showSelection(tagSelection(QStringLiteral("demo/hello"), QStringLiteral("latest")));
        QVERIFY(audit->isRunning());
        QCOMPARE(audit->auditedRepository(), QStringLiteral("demo/many-tags"));
        QVERIFY(finished.wait(60000));
        QVERIFY2(audit->statusText().startsWith(QStringLiteral("demo/many-tags: ")),
                 qPrintable(audit->statusText()));
        QVERIFY(audit->model()->rowCount() > 40);
        QCOMPARE(activity.last().first().toString(), QString());

        // Run again (now for demo/hello, the selection), and cancel it midway.
        audit->run();
        QCOMPARE(audit->auditedRepository(), QStringLiteral("demo/hello"));
        QVERIFY(!activity.last().first().toString().isEmpty());
        QTest::qWait(30);
        dock.cancel();
        QVERIFY(!audit->isRunning());
        QCOMPARE(activity.last().first().toString(), QString());
        const QString cancelled = audit->statusText();
        QCOMPARE(cancelled, QStringLiteral("Audit of demo/hello cancelled."));
        // Nothing of the cancelled audit arrives later: no progress, no rows, no "finished".
        finished.clear();
        QTest::qWait(500);
        QCOMPARE(audit->statusText(), cancelled);
        QCOMPARE(finished.size(), 0);
        QCOMPARE(audit->model()->rowCount(), 0);
        // Cancel with nothing running changes nothing.
        dock.cancel();
        QCOMPARE(audit->statusText(), cancelled);
    }

    // Issue 10 items 8, 17 and 25.
    void auditChecksWithChosenKeyAndCountsDigests()
    {
        SupplyChainDock dock;
        dock.setSource(&m_demo->source(), &client());
        AuditPanel *audit = dock.audit();
        audit->setVerifier(std::nullopt);
        QSignalSpy finished(audit, &AuditPanel::finished);
        dock.showSelection(tagSelection(QStringLiteral("demo/hello"), QStringLiteral("latest")));
        audit->run();
        QVERIFY(finished.wait(60000));
        auto rowOf = [&](const QString &tag) -> const AuditRow * {
            for (const AuditRow &r : audit->model()->rows())
                if (r.tag == tag && r.platform.isEmpty())
                    return &r;
            return nullptr;
        };
        QVERIFY(rowOf(QStringLiteral("latest")));
        QVERIFY(
            rowOf(QStringLiteral("latest"))->verification.startsWith(QLatin1String("not checked")));

        // A key that did not sign: choosing it re-audits, the signature shows as failed.
        auto wrong = test::readFixture(
            QStringLiteral("signatures/cosign/containers-image/key-signed/cosign.pub"));
        if (wrong) {
            finished.clear();
            audit->setVerifier(CosignVerifier::fromPublicKeyPem(*wrong).value());
            QVERIFY(finished.wait(60000));
            const AuditRow *latest = rowOf(QStringLiteral("latest"));
            QVERIFY(latest && latest->verification.startsWith(QLatin1String("failed")));
            const int row = int(latest - audit->model()->rows().constData());
            QVERIFY(sameIcon(
                audit->model()->index(row, AuditModel::SignedColumn).data(Qt::DecorationRole),
                QStringLiteral("failed")));
            QVERIFY(!sameIcon(
                audit->model()->index(row, AuditModel::SignedColumn).data(Qt::DecorationRole),
                QStringLiteral("tag")));
            QVERIFY2(audit->statusText().contains(QStringLiteral("1 failed verification")),
                     qPrintable(audit->statusText()));
        }

        // The demo's key, as the Verify dialog offers it: the signature verifies.
        finished.clear();
        pickInNextInputDialog(0);
        audit->keyButton()->click();
        QVERIFY(finished.wait(60000));
        QVERIFY(audit->keyButton()->text().contains(QStringLiteral("ECDSA P-256")));
        const AuditRow *latest = rowOf(QStringLiteral("latest"));
        QVERIFY(latest);
        QCOMPARE(latest->verification, QStringLiteral("verified"));
        const int row = int(latest - audit->model()->rows().constData());
        QVERIFY(
            sameIcon(audit->model()->index(row, AuditModel::SignedColumn).data(Qt::DecorationRole),
                     QStringLiteral("tag")));
        // Unsigned rows say nothing about verification.
        for (int i = 0; i < audit->model()->rowCount(); ++i) {
            if (!audit->model()->rows().at(i).isSigned())
                QCOMPARE(audit->model()->index(i, AuditModel::VerificationColumn).data().toString(),
                         QString());
        }

        // Counts: tags, and the distinct manifests among the tag × platform rows.
        finished.clear();
        dock.showSelection(
            tagSelection(QStringLiteral("demo/many-tags"), QStringLiteral("latest")));
        audit->run();
        QVERIFY(finished.wait(60000));
        QSet<QString> tags;
        QSet<Digest> digests;
        for (const AuditRow &r : audit->model()->rows()) {
            if (r.platform.isEmpty())
                tags.insert(r.tag);
            digests.insert(r.digest);
        }
        QVERIFY(digests.size() < tags.size());
        QVERIFY2(audit->statusText().startsWith(
                     QStringLiteral("demo/many-tags: %1 tags, %2 distinct manifest")
                         .arg(tags.size())
                         .arg(digests.size())),
                 qPrintable(audit->statusText()));

        // Natural order, as the tree: v0.0.1, v0.0.2, v0.0.10; and the same when sorted.
        auto positions = [&](const QAbstractItemModel *model) {
            QList<int> at;
            for (const QString &tag :
                 {QStringLiteral("v0.0.1"), QStringLiteral("v0.0.2"), QStringLiteral("v0.0.10")})
                for (int i = 0; i < model->rowCount(); ++i)
                    if (model->index(i, AuditModel::TagColumn).data().toString() == tag) {
                        at << i;
                        break;
                    }
            return at;
        };
        QList<int> at = positions(audit->proxy());
        QCOMPARE(at.size(), 3);
        QVERIFY(at[0] < at[1] && at[1] < at[2]);
        audit->proxy()->sort(AuditModel::TagColumn, Qt::AscendingOrder);
        at = positions(audit->proxy());
        QVERIFY2(at[0] < at[1] && at[1] < at[2],
                 qPrintable(QStringLiteral("%1 %2 %3").arg(at[0]).arg(at[1]).arg(at[2])));
    }

    // Issue 10 items 7, 16, 17, 20 and 24 in the Referrers tab.
    void referrersPane()
    {
        const auto &d = m_summary->digests;
        SupplyChainDock dock;
        dock.resize(1200, 500);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        dock.setSource(&m_demo->source(), &client());
        ReferrersPanel *panel = dock.referrers();
        QSignalSpy loaded(panel, &ReferrersPanel::graphLoaded);
        dock.showSelection(tagSelection(QStringLiteral("demo/hello"), QStringLiteral("latest")));
        QVERIFY(loaded.wait(30000));
        QCOMPARE(dock.tabs()->tabText(0), QStringLiteral("Referrers (5)"));
        // Nothing selected and no warnings: the table has the whole height.
        QVERIFY(!panel->detailsVisible());
        QVERIFY(panel->view()->height() > 350);

        // The BuildKit attestation: its SBOM and its provenance, summarised.
        QSignalSpy shown(panel, &ReferrersPanel::detailsShown);
        panel->view()->setCurrentIndex(
            findDigest(panel->model(), d.value(demokey::HelloAttestation)));
        QVERIFY(panel->detailsVisible());
        QTRY_VERIFY_WITH_TIMEOUT(
            panel->detailsText().contains(QStringLiteral("SLSA provenance v0.2")), 15000);
        const QString text = panel->detailsText();
        QVERIFY2(text.contains(QStringLiteral("https://ocular.example/demo-seeder")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("https://mobyproject.org/buildkit@v1")));
        QVERIFY(text.contains(QStringLiteral("entry point:  Dockerfile")));
        QVERIFY2(text.contains(QStringLiteral("started:      2024-05-14 09:30:00 UTC")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("materials (1):")));
        QVERIFY(text.contains(QStringLiteral("pkg:docker/alpine@3.19")));
        QVERIFY(text.contains(QStringLiteral("frontend = dockerfile.v0")));
        QTRY_VERIFY_WITH_TIMEOUT(panel->sbomViewer()->model()->rowCount() > 0, 10000);
        QVERIFY(panel->sbomViewer()->isVisible());

        // Tooltips carry what the Source column cuts (fallback tag names).
        const QModelIndex spdx = findDigest(panel->model(), d.value(demokey::HelloSpdx));
        const QModelIndex source = spdx.siblingAtColumn(ReferrerGraphModel::SourceColumn);
        QCOMPARE(source.data(Qt::ToolTipRole).toString(), source.data().toString());

        // The cosign signature verifies with the demo key the Verify dialog offers.
        pickInNextInputDialog(0);
        panel->keyButton()->click();
        QTRY_VERIFY(panel->keyButton()->text().contains(QStringLiteral("ECDSA P-256")));
        shown.clear();
        panel->view()->setCurrentIndex(findDigest(panel->model(), d.value(demokey::HelloCosign)));
        QVERIFY(shown.wait(10000));
        QVERIFY2(panel->detailsText().contains(QStringLiteral("verification: verified")),
                 qPrintable(panel->detailsText()));

        // The count belongs to its selection: a layer (or a repository) shows none.
        TreeSelection layer;
        layer.kind = NodeKind::Layer;
        layer.repository = QStringLiteral("demo/hello");
        dock.showSelection(layer);
        QCOMPARE(dock.tabs()->tabText(0), QStringLiteral("Referrers"));
        QVERIFY(!panel->detailsVisible());
        TreeSelection repository;
        repository.kind = NodeKind::Repository;
        repository.repository = QStringLiteral("demo/hello");
        dock.showSelection(repository);
        QCOMPARE(dock.tabs()->tabText(0), QStringLiteral("Referrers"));
    }

    /// With OCULAR_SCREENSHOT_DIR set: pictures of the three tabs for a person to look at.
    void screenshots()
    {
        const QString dir = qEnvironmentVariable("OCULAR_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("OCULAR_SCREENSHOT_DIR not set");
        const auto &d = m_summary->digests;
        QWidget window;
        window.resize(1300, 460);
        auto *dock = new SupplyChainDock(&window);
        dock->setGeometry(0, 0, 1300, 460);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        dock->setSource(&m_demo->source(), &client());
        ReferrersPanel *panel = dock->referrers();
        QSignalSpy loaded(panel, &ReferrersPanel::graphLoaded);
        dock->showSelection(tagSelection(QStringLiteral("demo/hello"), QStringLiteral("latest")));
        QVERIFY(loaded.wait(30000));
        QTest::qWait(200);
        window.grab().save(dir + QStringLiteral("/referrers-none.png"));
        panel->view()->setCurrentIndex(
            findDigest(panel->model(), d.value(demokey::HelloAttestation)));
        QTRY_VERIFY_WITH_TIMEOUT(panel->detailsText().contains(QStringLiteral("SLSA")), 15000);
        QTest::qWait(300);
        window.grab().save(dir + QStringLiteral("/referrers-provenance.png"));

        AuditPanel *audit = dock->audit();
        dock->tabs()->setCurrentWidget(audit);
        QSignalSpy finished(audit, &AuditPanel::finished);
        audit->run();
        QVERIFY(finished.wait(60000));
        QTest::qWait(200);
        window.grab().save(dir + QStringLiteral("/audit-nokey.png"));
        if (auto wrong = test::readFixture(
                QStringLiteral("signatures/cosign/containers-image/key-signed/cosign.pub"))) {
            finished.clear();
            audit->setVerifier(CosignVerifier::fromPublicKeyPem(*wrong).value());
            QVERIFY(finished.wait(60000));
            QTest::qWait(200);
            window.grab().save(dir + QStringLiteral("/audit-failed.png"));
        }
        finished.clear();
        audit->setVerifier(CosignKeyChooser::load(m_keyPath).value());
        QVERIFY(finished.wait(60000));
        QTest::qWait(200);
        window.grab().save(dir + QStringLiteral("/audit-verified.png"));

        CapabilitiesPanel *caps = dock->capabilities();
        QSignalSpy refreshed(caps, &CapabilitiesPanel::refreshed);
        dock->tabs()->setCurrentWidget(caps);
        QVERIFY(refreshed.wait(15000));
        refreshed.clear();
        caps->refresh();
        QVERIFY(refreshed.wait(15000));
        QTest::qWait(200);
        window.grab().save(dir + QStringLiteral("/capabilities-refreshed.png"));
    }

    // Issue 10 item 7: the tree toggle applies at once.
    void treeToggleAppliesImmediately()
    {
        SupplyChainDock dock;
        RegistryTreeModel tree;
        dock.treeToggle()->setChecked(true);
        dock.attachTree(&tree);
        dock.setSource(&m_demo->source(), &client());
        const QString repo = QStringLiteral("demo/hello");
        tree.appendRepositories({repo});
        tree.setTags(tree.repositoryIndex(repo), {QStringLiteral("latest")});
        auto index = waitFor<FetchedManifest>([&](QObject *ctx, auto done) {
            return client().getManifest(repo, QStringLiteral("latest"), ctx, done);
        });
        QVERIFY(index.ok());
        const QModelIndex tag = tree.tagIndex(repo, QStringLiteral("latest"));
        tree.setManifest(tag, index->manifest);
        const QModelIndex amd64 = tree.index(0, 0, tag);
        auto image = waitFor<FetchedManifest>([&](QObject *ctx, auto done) {
            return client().getManifest(repo, amd64.data(RegistryTreeModel::DigestRole).toString(),
                                        ctx, done);
        });
        QVERIFY(image.ok());
        tree.setManifest(amd64, image->manifest);
        auto referrersNodes = [&] {
            int n = 0;
            for (const QModelIndex &parent : {tag, amd64})
                for (int row = 0; row < tree.rowCount(parent); ++row)
                    n += tree.index(row, 0, parent)
                             .data()
                             .toString()
                             .startsWith(QStringLiteral("Referrers"));
            return n;
        };
        QCOMPARE(referrersNodes(), 2);
        const int children = tree.rowCount(tag);
        dock.treeToggle()->setChecked(false);
        QCOMPARE(referrersNodes(), 0);
        QCOMPARE(tree.rowCount(tag), children - 1);
        dock.treeToggle()->setChecked(true);
        QCOMPARE(referrersNodes(), 2);
        const QModelIndex node = tree.index(tree.rowCount(tag) - 1, 0, tag);
        tree.fetchMore(node);
        QTRY_COMPARE_WITH_TIMEOUT(node.data().toString(), QStringLiteral("Referrers (1)"), 15000);
    }

    // Issue 10 item 9: the Capabilities tab probes what nobody probed yet when it is shown.
    void capabilitiesProbedWhenShown()
    {
        SupplyChainDock dock;
        dock.resize(1000, 400);
        dock.show();
        dock.setSource(&m_demo->source(), &client());
        dock.showSelection(tagSelection(QStringLiteral("demo/hello"), QStringLiteral("latest")));
        CapabilitiesPanel *caps = dock.capabilities();
        QSignalSpy refreshed(caps, &CapabilitiesPanel::refreshed);
        dock.tabs()->setCurrentWidget(caps);
        QVERIFY(refreshed.wait(15000));
        QTableWidget *table = caps->table();
        QCOMPARE(table->rowCount(), 5);
        for (int row = 0; row < table->rowCount(); ++row) {
            const QString name = table->item(row, 0)->text();
            if (name == QStringLiteral("Catalog") || name == QStringLiteral("Tag list pagination"))
                QVERIFY2(table->item(row, 2)->text() != QStringLiteral("not probed"),
                         qPrintable(name));
            if (name == QStringLiteral("Catalog"))
                QCOMPARE(table->item(row, 1)->text(), QStringLiteral("supported"));
        }
        // Refresh keeps the table filling the tab.
        const int height = table->height();
        refreshed.clear();
        caps->refresh();
        QVERIFY(refreshed.wait(15000));
        QCOMPARE(table->rowCount(), 5);
        QCOMPARE(table->height(), height);
        QCOMPARE(table->item(0, 3)->toolTip(), table->item(0, 3)->text());
    }
};

QTEST_MAIN(TestSupplyChainPanels)
#include "tst_supplychainpanels.moc"
