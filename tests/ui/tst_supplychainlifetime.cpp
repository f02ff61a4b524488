// Issue 8 §1: the Supply Chain dock's panels own their jobs. Switching registry in the middle
// of a referrers walk, an audit, a capability probe or a tree load, again and again, with the
// old client deleted each time, neither crashes (run it under ASan) nor leaves a busy
// indicator or a stale answer behind; afterwards the dock still works on the new registry.
#include "support/asyncwait.h"
#include "support/demoregistryclient.h"
#include "support/testregistry.h"
#include "support/teststack.h"

#include "models/auditmodel.h"
#include "models/registrytreemodel.h"
#include "panels/auditpanel.h"
#include "panels/capabilitiespanel.h"
#include "panels/referrerspanel.h"
#include "panels/supplychaindock.h"
#include "registry/registryclient.h"
#include "source/registrysource.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <memory>

using namespace ocular;
using ocular::test::DemoRegistryClient;

namespace {

constexpr int Rounds = 20;

TreeSelection tagSelection(const QString &registry, const QString &repository, const QString &tag)
{
    TreeSelection s;
    s.kind = NodeKind::Tag;
    s.registry = registry;
    s.repository = repository;
    s.tag = tag;
    return s;
}

/// What the main window hands the dock per registry: a client and the source over it.
struct Connection
{
    std::unique_ptr<RegistryClient> client;
    std::unique_ptr<RegistrySource> source;
    RegistryClient *operator->() const { return client.get(); }
};

void attach(SupplyChainDock &dock, const Connection &connection)
{
    dock.setSource(connection.source.get(), connection.client.get());
}

/// Lets replies arrive for a varying time (0 to ~40 ms) so that the switch lands at different
/// points of the job: before the first request, between steps, inside a burst.
void letItRun(int round)
{
    QCoreApplication::processEvents();
    QTest::qWait((round * 7) % 41);
}

} // namespace

class TestSupplyChainLifetime : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestRegistry> m_registry;
    std::unique_ptr<DemoRegistryClient> m_demo;
    /// The product's wiring, without a registry of its own: each connection is a client made
    /// on it (as the main window makes one per registry) and deleted when the test switches.
    std::unique_ptr<RegistryStack> m_stack;
    QString m_hostPort;

    /// A new client and source of the demo registry, as the main window makes one per
    /// registry. The client is the stack's child until the connection deletes it; every
    /// connection is gone before cleanupTestCase() destroys the stack.
    Connection newClient()
    {
        Connection c;
        c.client.reset(m_stack->createClient(RegistryEndpoint::parse(m_hostPort).value()));
        c.source = std::make_unique<RegistrySource>(c.client.get());
        return c;
    }

    /// The last busy text the dock reported (empty: idle).
    static QString lastActivity(const QSignalSpy &spy)
    {
        return spy.isEmpty() ? QString() : spy.last().first().toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_registry = std::make_unique<test::TestRegistry>();
        if (!m_registry->ok())
            QSKIP(qPrintable(m_registry->errorMessage()));
        m_hostPort = m_registry->hostPort();
        m_demo = std::make_unique<DemoRegistryClient>(m_hostPort);
        // Enough tags that an audit is still running when the switch comes.
        auto seeded = m_demo->seed(60);
        QVERIFY2(seeded.ok(), qPrintable(seeded.error().toString()));
        // As this rig always had it: anonymous, default retries, no cache.
        RegistryStackConfig config = test::testStackConfig(QString());
        config.anonymousOnly = true;
        config.retryPolicy.reset();
        m_stack = test::makeStack(config);
        QVERIFY(m_stack);
    }

    void cleanupTestCase()
    {
        m_stack.reset();
        m_demo.reset();
        m_registry.reset();
    }

    void switchRegistryMidWalk()
    {
        SupplyChainDock dock;
        QSignalSpy activity(&dock, &SupplyChainDock::activityChanged);
        QSignalSpy loaded(dock.referrers(), &ReferrersPanel::graphLoaded);
        auto client = newClient();
        for (int round = 0; round < Rounds; ++round) {
            attach(dock, client);
            dock.showSelection(
                tagSelection(m_hostPort, QStringLiteral("demo/hello"), QStringLiteral("latest")));
            QVERIFY(dock.referrers()->isWalking());
            letItRun(round);
            auto next = newClient();
            attach(dock, next);
            client = std::move(next); // the old client goes: nothing may still use it
            QVERIFY(!dock.referrers()->isWalking());
            QCOMPARE(lastActivity(activity), QString());
        }
        // Answers of the cancelled walks never arrive late.
        loaded.clear();
        QTest::qWait(300);
        QCOMPARE(loaded.size(), 0);
        QCOMPARE(dock.tabs()->tabText(0), QStringLiteral("Referrers"));
        // The dock works on the registry it was switched to.
        dock.showSelection(
            tagSelection(m_hostPort, QStringLiteral("demo/hello"), QStringLiteral("latest")));
        QVERIFY(loaded.wait(30000));
        QCOMPARE(loaded.first().first().toInt(), 5);
        QCOMPARE(lastActivity(activity), QString());
    }

    void switchRegistryMidAudit()
    {
        SupplyChainDock dock;
        QSignalSpy activity(&dock, &SupplyChainDock::activityChanged);
        AuditPanel *audit = dock.audit();
        QSignalSpy finished(audit, &AuditPanel::finished);
        auto client = newClient();
        const TreeSelection many =
            tagSelection(m_hostPort, QStringLiteral("demo/many-tags"), QStringLiteral("latest"));
        for (int round = 0; round < Rounds; ++round) {
            attach(dock, client);
            dock.showSelection(many);
            audit->run();
            QVERIFY(audit->isRunning());
            letItRun(round * 3);
            auto next = newClient();
            attach(dock, next);
            client = std::move(next);
            QVERIFY(!audit->isRunning());
            QCOMPARE(lastActivity(activity), QString());
            QCOMPARE(audit->model()->rowCount(), 0);
        }
        QTest::qWait(300);
        QCOMPARE(finished.size(), 0);
        QCOMPARE(audit->statusText(), QString());
        dock.showSelection(many);
        audit->run();
        QVERIFY(finished.wait(60000));
        QVERIFY(finished.first().first().toInt() >= 61);
        QVERIFY2(audit->statusText().startsWith(QStringLiteral("demo/many-tags: 61 tags")),
                 qPrintable(audit->statusText()));
        QCOMPARE(lastActivity(activity), QString());
    }

    void switchRegistryMidProbe()
    {
        SupplyChainDock dock;
        CapabilitiesPanel *caps = dock.capabilities();
        QSignalSpy refreshed(caps, &CapabilitiesPanel::refreshed);
        auto client = newClient();
        for (int round = 0; round < Rounds; ++round) {
            attach(dock, client);
            dock.showSelection(
                tagSelection(m_hostPort, QStringLiteral("demo/hello"), QStringLiteral("latest")));
            caps->refresh();
            QVERIFY(caps->isProbing());
            letItRun(round);
            auto next = newClient();
            attach(dock, next);
            client = std::move(next);
            QVERIFY(!caps->isProbing());
        }
        refreshed.clear();
        QTest::qWait(300);
        QCOMPARE(refreshed.size(), 0);
        caps->refresh();
        QVERIFY(refreshed.wait(15000));
        QCOMPARE(caps->table()->rowCount(), 5);
    }

    void switchRegistryMidTreeLoad()
    {
        SupplyChainDock dock;
        RegistryTreeModel tree;
        dock.attachTree(&tree);
        tree.setReferrersNodes(true);
        const QString repo = QStringLiteral("demo/hello");
        auto client = newClient();
        auto image = test::waitFor<FetchedManifest>([&](QObject *ctx, auto done) {
            return client->getManifest(repo, QStringLiteral("latest"), ctx, done);
        });
        QVERIFY(image.ok());
        tree.appendRepositories({repo});
        tree.setTags(tree.repositoryIndex(repo), {QStringLiteral("latest")});
        for (int round = 0; round < Rounds; ++round) {
            attach(dock, client);
            const QModelIndex tag = tree.tagIndex(repo, QStringLiteral("latest"));
            tree.setManifest(tag, image->manifest);
            const QModelIndex referrers = tree.index(tree.rowCount(tag) - 1, 0, tag);
            QCOMPARE(referrers.data().toString(), QStringLiteral("Referrers"));
            tree.fetchMore(referrers);
            letItRun(round);
            auto next = newClient();
            attach(dock, next);
            client = std::move(next);
        }
        QTest::qWait(300);
        const QModelIndex tag = tree.tagIndex(repo, QStringLiteral("latest"));
        const QModelIndex referrers = tree.index(tree.rowCount(tag) - 1, 0, tag);
        // The last load was cancelled with its client: the node did not get a stale answer.
        QVERIFY(!referrers.data().toString().startsWith(QStringLiteral("Referrers (")));
        attach(dock, client);
        tree.setManifest(tag, image->manifest);
        const QModelIndex fresh = tree.index(tree.rowCount(tag) - 1, 0, tag);
        tree.fetchMore(fresh);
        QTRY_COMPARE_WITH_TIMEOUT(fresh.data().toString(), QStringLiteral("Referrers (1)"), 15000);
    }

    void closeDockMidEverything()
    {
        // Closing (deleting) the dock while a walk, an audit and a probe all run.
        auto client = newClient();
        for (int round = 0; round < 5; ++round) {
            auto dock = std::make_unique<SupplyChainDock>();
            attach(*dock, client);
            dock->showSelection(tagSelection(m_hostPort, QStringLiteral("demo/many-tags"),
                                             QStringLiteral("latest")));
            dock->audit()->run();
            dock->capabilities()->refresh();
            letItRun(round * 5);
            dock.reset();
            QTest::qWait(20);
        }
        QTest::qWait(300);
    }
};

QTEST_MAIN(TestSupplyChainLifetime)
#include "tst_supplychainlifetime.moc"
