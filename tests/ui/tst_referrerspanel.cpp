// The Supply Chain dock against a real docker-registry with the demo content: the referrer
// graph of demo/hello:latest with sources, the SBOM viewer and signature details on
// selection, the audit with its filters and export, and the capabilities view.
#include "support/asyncwait.h"
#include "support/demoregistryclient.h"
#include "support/fixtures.h"
#include "support/testregistry.h"

#include "demo/demoseeder.h"
#include "views/referencemenu.h"

#include "models/auditmodel.h"
#include "models/referrergraphmodel.h"
#include "models/registrytreemodel.h"
#include "models/sbompackagesmodel.h"
#include "panels/auditpanel.h"
#include "panels/capabilitiespanel.h"
#include "panels/referrerspanel.h"
#include "panels/referrerstreeloader.h"
#include "panels/sbomviewer.h"
#include "panels/supplychaindock.h"
#include "referrers/capabilityprobe.h"
#include "registry/registryclient.h"
#include <memory>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace ocular;
using ocular::test::DemoRegistryClient;
using ocular::test::waitFor;

namespace {

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

} // namespace

class TestReferrersPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dockOverDemoContent()
    {
        OCULAR_TEST_REGISTRY(registry);
        DemoRegistryClient demo(registry.hostPort());
        RegistryClient &client = demo.client();
        auto summary = demo.seed(5);
        QVERIFY2(summary.ok(), qPrintable(summary.error().toString()));
        const auto &d = summary->digests;

        SupplyChainDock dock;
        dock.resize(1000, 700);
        dock.show();
        dock.setSource(&demo.source(), &client);
        ReferrersPanel *panel = dock.referrers();
        QAbstractItemModelTester tester(panel->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy graphLoaded(panel, &ReferrersPanel::graphLoaded);
        TreeSelection selection;
        selection.kind = NodeKind::Tag;
        selection.registry = registry.hostPort();
        selection.repository = QStringLiteral("demo/hello");
        selection.tag = QStringLiteral("latest");
        dock.showSelection(selection);
        QVERIFY(graphLoaded.wait(30000));
        // index cosign sig + amd64's attestation, 2 SBOMs and a Notation signature.
        QCOMPARE(graphLoaded.first().first().toInt(), 5);
        QVERIFY(dock.tabs()->tabText(0).contains(QStringLiteral("Referrers (5)")));

        const ReferrerGraphModel *model = panel->model();
        const QModelIndex cosign = findDigest(model, d.value(demokey::HelloCosign));
        QVERIFY(cosign.isValid());
        QVERIFY(model->index(cosign.row(), ReferrerGraphModel::SourceColumn, cosign.parent())
                    .data()
                    .toString()
                    .contains(QStringLiteral("cosign tag")));
        const QModelIndex attestation = findDigest(model, d.value(demokey::HelloAttestation));
        QVERIFY(attestation.isValid());
        QCOMPARE(attestation.parent().data(ReferrerGraphModel::DigestRole).toString(),
                 d.value(demokey::HelloAmd64).toString());
        QVERIFY(
            model->index(attestation.row(), ReferrerGraphModel::SourceColumn, attestation.parent())
                .data()
                .toString()
                .contains(QStringLiteral("BuildKit")));

        // Selecting the SPDX SBOM fills the packages table (parsed off-thread).
        QSignalSpy sbomLoaded(panel->sbomViewer(), &SbomViewer::loaded);
        panel->view()->setCurrentIndex(findDigest(model, d.value(demokey::HelloSpdx)));
        QVERIFY(sbomLoaded.wait(10000));
        QVERIFY(sbomLoaded.first().first().toInt() > 0);
        QVERIFY(panel->sbomViewer()->summaryText().contains(QStringLiteral("SPDX")));

        // Selecting the cosign signature shows the payload check; without a key: not checked.
        QSignalSpy details(panel, &ReferrersPanel::detailsShown);
        panel->view()->setCurrentIndex(cosign);
        QVERIFY(details.wait(10000));
        QVERIFY2(panel->detailsText().contains(QStringLiteral("matches the subject")),
                 qPrintable(panel->detailsText()));
        QVERIFY(panel->detailsText().contains(QStringLiteral("verification: not checked")));

        // A referrer row's context menu copies its digest reference on this registry.
        {
            std::unique_ptr<ReferenceMenu> menu(panel->contextMenuFor(cosign));
            QVERIFY(menu);
            QSignalSpy copied(menu.get(), &ReferenceMenu::copied);
            QVERIFY(menu->copyDigestAction()->isEnabled());
            menu->copyDigestAction()->trigger();
            QCOMPARE(copied.size(), 1);
            QCOMPARE(copied.first().first().toString(),
                     registry.hostPort() + QStringLiteral("/demo/hello@") +
                         d.value(demokey::HelloCosign).toString());
            QVERIFY(menu->namedAction(QStringLiteral("openInNewWindow")));
            QVERIFY(!panel->contextMenuFor(QModelIndex()));
        }

        // Notation envelope details.
        details.clear();
        panel->view()->setCurrentIndex(findDigest(model, d.value(demokey::HelloNotation)));
        QVERIFY(details.wait(10000));
        QVERIFY2(panel->detailsText().contains(QStringLiteral("notary.x509")),
                 qPrintable(panel->detailsText()));

        // Audit.
        AuditPanel *audit = dock.audit();
        QSignalSpy auditDone(audit, &AuditPanel::finished);
        QSignalSpy stale(audit, &AuditPanel::staleFound);
        // A cosign tag left behind by a deleted image.
        auto sig = waitFor<FetchedManifest>([&](QObject *ctx, auto done) {
            return client.getManifest(QStringLiteral("demo/hello"), summary->cosignTag, ctx, done);
        });
        QVERIFY(sig.ok());
        QVERIFY(waitFor<PushedManifest>([&](QObject *ctx, auto done) {
                    return client.putManifest(
                        QStringLiteral("demo/hello"),
                        Digest::sha256("gone").fallbackTag() + QStringLiteral(".sig"),
                        sig->manifest.raw(), sig->manifest.mediaType(), ctx, done);
                }).ok());
        audit->run();
        QVERIFY(auditDone.wait(60000));
        QVERIFY(stale.wait(10000));
        QCOMPARE(stale.first().first().toInt(), 1);
        const int all = audit->proxy()->rowCount();
        QVERIFY(all > 0);
        audit->setFilter(1);
        const int unsignedRows = audit->proxy()->rowCount();
        QVERIFY(unsignedRows > 0 && unsignedRows < all);
        for (int i = 0; i < unsignedRows; ++i)
            QCOMPARE(audit->proxy()->index(i, 0).data(AuditModel::SignedRole).toInt(), 0);
        QTemporaryDir dir;
        QVERIFY(audit->exportTo(dir.filePath(QStringLiteral("a.json")), true));
        QFile exported(dir.filePath(QStringLiteral("a.json")));
        QVERIFY(exported.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(exported.readAll()).array().size(), unsignedRows);
        // With a key that did not sign the demo's cosign signature: "failed (...)".
        if (auto key = test::readFixture(
                QStringLiteral("signatures/cosign/containers-image/key-signed/cosign.pub"))) {
            audit->setVerifier(CosignVerifier::fromPublicKeyPem(*key).value());
            audit->setFilter(0);
            auditDone.clear();
            audit->run();
            QVERIFY(auditDone.wait(60000));
            bool failed = false;
            for (const AuditRow &row : audit->model()->rows()) {
                QVERIFY(!row.verification.startsWith(QLatin1String("verified")));
                failed |= row.verification.startsWith(QLatin1String("failed ("));
            }
            QVERIFY(failed);
        }
        audit->proxy()->sort(AuditModel::ReferrersColumn, Qt::DescendingOrder);
        audit->setFilter(0);
        QCOMPARE(audit->proxy()->index(0, AuditModel::ReferrersColumn).data().toInt(), 4);

        // Capabilities: the walk already learnt the referrers API answer; refresh probes all.
        CapabilitiesPanel *caps = dock.capabilities();
        QCOMPARE(caps->table()->item(0, 1)->text(), QStringLiteral("not supported"));
        QSignalSpy refreshed(caps, &CapabilitiesPanel::refreshed);
        caps->refresh();
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(caps->table()->rowCount(), 5);
        QCOMPARE(caps->table()->item(3, 0)->text(), QStringLiteral("Catalog"));
        QCOMPARE(caps->table()->item(3, 1)->text(), QStringLiteral("supported"));
        QVERIFY(caps->table()->item(0, 3)->text().contains(QStringLiteral("404")));
        dock.setSource(nullptr, nullptr);

        // The repository tree's lazily loaded "Referrers (n)" node under the amd64 manifest.
        RegistryTreeModel tree;
        tree.setReferrersNodes(true);
        CapabilityProbe probe(&client);
        ReferrersTreeLoader loader(&tree);
        loader.setSource(&demo.source(), &probe);
        const QString repo = QStringLiteral("demo/hello");
        tree.appendRepositories({repo});
        tree.setTags(tree.repositoryIndex(repo), {QStringLiteral("latest")});
        const QModelIndex tag = tree.tagIndex(repo, QStringLiteral("latest"));
        auto index = waitFor<FetchedManifest>([&](QObject *ctx, auto done) {
            return client.getManifest(repo, QStringLiteral("latest"), ctx, done);
        });
        QVERIFY(index.ok());
        tree.setManifest(tag, index->manifest);
        QModelIndex amd64;
        for (int row = 0; row < tree.rowCount(tag); ++row) {
            if (tree.index(row, 0, tag).data(RegistryTreeModel::DigestRole).toString() ==
                d.value(demokey::HelloAmd64).toString())
                amd64 = tree.index(row, 0, tag);
        }
        QVERIFY(amd64.isValid());
        auto image = waitFor<FetchedManifest>([&](QObject *ctx, auto done) {
            return client.getManifest(repo, d.value(demokey::HelloAmd64).toString(), ctx, done);
        });
        QVERIFY(image.ok());
        tree.setManifest(amd64, image->manifest);
        const QModelIndex referrersNode = tree.index(tree.rowCount(amd64) - 1, 0, amd64);
        QCOMPARE(referrersNode.data().toString(), QStringLiteral("Referrers"));
        QVERIFY(tree.canFetchMore(referrersNode));
        tree.fetchMore(referrersNode);
        QTRY_COMPARE_WITH_TIMEOUT(referrersNode.data().toString(), QStringLiteral("Referrers (3)"),
                                  15000);
        QStringList labels;
        for (int row = 0; row < tree.rowCount(referrersNode); ++row)
            labels << tree.index(row, 0, referrersNode).data().toString();
        QVERIFY2(labels.contains(QStringLiteral("SPDX SBOM (fallback tag)")),
                 qPrintable(labels.join(QLatin1Char('|'))));
        QVERIFY(labels.contains(QStringLiteral("Notation signature (fallback tag)")));
    }
};

QTEST_MAIN(TestReferrersPanel)
#include "tst_referrerspanel.moc"
