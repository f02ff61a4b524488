// Edit ▸ Clean Up Repository and View ▸ Tag History against a real docker-registry: the tags
// the window resolves go into the tag history, discovery (history and storage) fills the table,
// the policy editor changes the selection at once, the confirmation states count and size,
// the run deletes exactly the selection after a backup, the report is saved, and closing the
// window mid-way changes nothing outside the selection.
#include "dialogs/cleanupdialog.h"
#include "dialogs/cleanuppolicyform.h"
#include "dialogs/taghistorydialog.h"
#include "mainwindow/mainwindow.h"
#include "models/cleanupcandidatesmodel.h"
#include "models/registrytreemodel.h"
#include "panels/repositorytreepanel.h"
#include "support/asyncwait.h"
#include "support/manifestpush.h"
#include "support/screenshot.h"
#include "support/tempenv.h"
#include "support/testregistry.h"
#include "support/teststack.h"

#include "content/manifestbuilder.h"
#include "content/mediatype.h"
#include "history/taghistorystore.h"
#include "registry/registryclient.h"
#include "source/contentsource.h"

#include <QAction>
#include <QCheckBox>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace ocular;
using namespace ocular::test;

namespace {

/// Discovery done, the policy applied, the table ordered.
bool settled(const CleanupDialog *dialog)
{
    return !dialog->isBusy() && !dialog->isApplyingPolicy() && !dialog->model()->isOrdering();
}

/// The policy column's choice, by digest.
QHash<Digest, bool> selection(const CleanupDialog *dialog)
{
    QHash<Digest, bool> out;
    for (const CleanupCandidate &c : dialog->model()->candidates())
        out.insert(c.digest, c.selected);
    return out;
}

QSet<Digest> selectedDigests(const CleanupDialog *dialog)
{
    QSet<Digest> out;
    for (const CleanupCandidate &c : dialog->model()->candidates())
        if (c.selected)
            out.insert(c.digest);
    return out;
}

} // namespace

class TestCleanupUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_env = std::make_unique<TempEnv>();
        QCoreApplication::setOrganizationName(QStringLiteral("OcularTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_cleanupui"));
    }

    void discoverDryRunDeleteReport()
    {
        OCULAR_TEST_REGISTRY(registry);
        auto stack = makeStack(registry.hostPort());
        QVERIFY(stack);
        ContentSource *source = stack->source();
        const QString repo = QStringLiteral("cleanup/ui");
        const BuiltManifest old = builtImage(QStringLiteral("old")),
                            now = builtImage(QStringLiteral("now")),
                            keep = builtImage(QStringLiteral("keep")),
                            subject = builtImage(QStringLiteral("subject")),
                            unseen = builtImage(QStringLiteral("pushed by digest"));
        const BuiltManifest orphan = builtReferrer(subject, QStringLiteral("sbom"));
        QVERIFY(pushManifestWithBlobs(source, repo, old, QStringLiteral("latest")));
        QVERIFY(pushManifestWithBlobs(source, repo, keep, QStringLiteral("keep")));
        QVERIFY(pushManifestWithBlobs(source, repo, subject, QStringLiteral("subject")));
        QVERIFY(pushManifestWithBlobs(source, repo, orphan, QString()));
        QVERIFY(pushManifestWithBlobs(source, repo, unseen, QString()));

        QTemporaryDir dir;
        auto history = std::make_shared<TagHistoryStore>(dir.filePath(QStringLiteral("h.sqlite")));
        auto window = openWindow(registry, stack.get(), history);
        const QString registryName = window->currentClient()->endpoint().registry;

        // Looking at `latest` in the tree records what it names.
        QVERIFY(openReference(*window, repo + QStringLiteral(":latest")));
        QVERIFY(QTest::qWaitFor(
            [&] {
                history->flush();
                const auto seen = history->history(registryName, repo, QStringLiteral("latest"));
                return seen && seen->size() == 1 && seen->first().digest == old.digest;
            },
            15000));

        // Then the tag moves, and the orphan's subject is deleted.
        QVERIFY(pushManifestWithBlobs(source, repo, now, QStringLiteral("latest")));
        QVERIFY(waitFor<Done>([&](QObject *context, auto done) {
                    return source->deleteManifest(repo, subject.digest.toString(), context, done);
                }).ok());

        QVERIFY(openReference(*window, repo));
        QAction *cleanUp = window->action(QStringLiteral("cleanUp"));
        QVERIFY(cleanUp && cleanUp->isEnabled());
        QCOMPARE(cleanUp->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
        cleanUp->trigger();
        auto *dialog = window->findChild<CleanupDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(dialog->repository(), repo);
        QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("deleteSelected"))->isEnabled());

        dialog->setStorageDirectory(registry->storageDir());
        dialog->setBackupDirectory(dir.filePath(QStringLiteral("backup")));
        dialog->discover();
        QVERIFY(dialog->isBusy()); // read asynchronously
        QTRY_VERIFY_WITH_TIMEOUT(settled(dialog), 60000);
        QVERIFY2(dialog->candidateCount() >= 3, qPrintable(dialog->statusText()));

        // The default policy: the dangling image and the orphaned referrer; the manifest only
        // the storage knows is unknown, listed and not selected.
        QHash<Digest, bool> chosen = selection(dialog);
        QVERIFY2(chosen.contains(old.digest), qPrintable(dialog->statusText()));
        QVERIFY(chosen.contains(orphan.digest));
        QVERIFY(chosen.contains(unseen.digest));
        QCOMPARE(selectedDigests(dialog), (QSet<Digest>{old.digest, orphan.digest}));
        QVERIFY(!chosen.contains(now.digest) && !chosen.contains(keep.digest)); // tagged
        QVERIFY2(dialog->summaryText().contains(QStringLiteral("selects 2")),
                 qPrintable(dialog->summaryText()));
        QVERIFY(dialog->statusText().contains(QStringLiteral("Dry run")));
        for (const CleanupCandidate &c : dialog->model()->candidates()) {
            if (c.digest == old.digest) {
                QCOMPARE(c.kind, CleanupClass::DanglingImage);
                QVERIFY(c.sources.join(QLatin1Char(' ')).contains(QStringLiteral("tag history")));
            }
            if (c.digest == orphan.digest)
                QCOMPARE(c.kind, CleanupClass::OrphanedReferrer);
            if (c.digest == unseen.digest)
                QCOMPARE(c.kind, CleanupClass::Unknown);
        }
        saveShot(dialog, QStringLiteral("cleanup-dry-run"));

        // The editor changes the selection at once; a filter that does not parse selects
        // nothing and says why.
        CleanupPolicyForm *form = dialog->policyForm();
        auto *dangling = form->findChild<QCheckBox *>(
            QStringLiteral("class-%1").arg(int(CleanupClass::DanglingImage)));
        dangling->setChecked(false);
        QTRY_COMPARE(selectedDigests(dialog), QSet<Digest>{orphan.digest});
        dangling->setChecked(true);
        QTRY_COMPARE(dialog->selectedCount(), 2);
        auto *annotations = form->findChild<QLineEdit *>(QStringLiteral("annotations"));
        annotations->setText(QStringLiteral("org.example~(unclosed"));
        QTRY_COMPARE(dialog->selectedCount(), 0);
        QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("deleteSelected"))->isEnabled());
        QTRY_VERIFY(form->findChild<QWidget *>(QStringLiteral("policyProblem"))->isVisible());
        saveShot(dialog, QStringLiteral("cleanup-policy-problem"));
        annotations->clear();
        QTRY_COMPARE(dialog->selectedCount(), 2);
        QTRY_VERIFY(settled(dialog));

        // The filter box narrows the table.
        auto *table = dialog->findChild<QTableView *>(QStringLiteral("candidates"));
        dialog->findChild<QLineEdit *>(QStringLiteral("filter"))
            ->setText(QStringLiteral("orphaned"));
        QTRY_COMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()
                     ->index(0, CleanupCandidatesModel::DigestColumn)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .left(71),
                 orphan.digest.toString());
        dialog->findChild<QLineEdit *>(QStringLiteral("filter"))->clear();
        QTRY_COMPARE(table->model()->rowCount(), dialog->candidateCount());

        // Sorting by what a row frees, largest first, on the pool.
        table->sortByColumn(CleanupCandidatesModel::FreesColumn, Qt::DescendingOrder);
        QTRY_VERIFY(!dialog->model()->isOrdering());
        for (int row = 1; row < table->model()->rowCount(); ++row)
            QVERIFY(table->model()
                        ->index(row - 1, CleanupCandidatesModel::FreesColumn)
                        .data(CleanupCandidatesModel::SortRole)
                        .toLongLong() >= table->model()
                                             ->index(row, CleanupCandidatesModel::FreesColumn)
                                             .data(CleanupCandidatesModel::SortRole)
                                             .toLongLong());

        // The confirmation states the count; Cancel deletes nothing.
        dialog->requestDelete();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = dialog->findChild<QMessageBox *>(QStringLiteral("confirmCleanup"))));
        QVERIFY2(box->text().contains(QStringLiteral("Delete 2 manifest")),
                 qPrintable(box->text()));
        QVERIFY(box->informativeText().contains(QStringLiteral("backup")) ||
                box->informativeText().contains(dir.filePath(QStringLiteral("backup"))));
        saveShot(box, QStringLiteral("cleanup-confirm"));
        box->button(QMessageBox::Cancel)->click();
        QTest::qWait(200);
        QVERIFY(!dialog->isBusy());
        QVERIFY(digestOf(source, repo, old.digest.toString()).ok());

        // Delete: exactly the two, after a backup; the rest is untouched.
        dialog->requestDelete();
        QTRY_VERIFY((box = dialog->findChild<QMessageBox *>(QStringLiteral("confirmCleanup"))));
        box->findChild<QPushButton *>(QStringLiteral("confirmDelete"))->click();
        QTRY_VERIFY(dialog->isDeleting());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 60000);
        QVERIFY(dialog->lastRun().has_value());
        using State = CleanupRunReport::Item::State;
        QCOMPARE(dialog->lastRun()->count(State::Deleted), 2);
        QCOMPARE(dialog->lastRun()->backedUp, 2);
        QVERIFY2(dialog->statusText().contains(QStringLiteral("garbage-collect")),
                 qPrintable(dialog->statusText()));
        QVERIFY(!digestOf(source, repo, old.digest.toString()).ok());
        QVERIFY(!digestOf(source, repo, orphan.digest.toString()).ok());
        for (const BuiltManifest &survivor : {now, keep, unseen})
            QCOMPARE(digestOf(source, repo, survivor.digest.toString()).value(), survivor.digest);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("backup/index.json"))));
        bool resultShown = false;
        for (int row = 0; row < table->model()->rowCount(); ++row)
            resultShown = resultShown || table->model()
                                             ->index(row, CleanupCandidatesModel::ResultColumn)
                                             .data()
                                             .toString()
                                             .startsWith(QStringLiteral("deleted"));
        QVERIFY(resultShown);
        saveShot(dialog, QStringLiteral("cleanup-done"));

        const QString csv = dir.filePath(QStringLiteral("report.csv"));
        QCOMPARE(dialog->saveReport(csv), QString());
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray report = file.readAll();
        QVERIFY(report.contains(old.digest.toString().toLatin1()));
        QVERIFY(report.contains(orphan.digest.toString().toLatin1()));
        QCOMPARE(report.count("deleted"), 2);
        QVERIFY(!dialog->saveReport(dir.filePath(QStringLiteral("no/such/dir/r.json"))).isEmpty());

        // Tag History for `latest`: what it named before, and what it names now (discovery
        // read every tag, and that was recorded too).
        QVERIFY(openReference(*window, repo + QStringLiteral(":latest")));
        QAction *tagHistory = window->action(QStringLiteral("tagHistory"));
        QVERIFY(tagHistory);
        tagHistory->trigger();
        auto *historyDialog = window->findChild<TagHistoryDialog *>();
        QVERIFY(historyDialog);
        QTRY_VERIFY_WITH_TIMEOUT(!historyDialog->isLoading(), 15000);
        QCOMPARE(historyDialog->rowCount(), 2);
        QVERIFY2(historyDialog->statusText().contains(QStringLiteral("1 of them")),
                 qPrintable(historyDialog->statusText()));
        saveShot(historyDialog, QStringLiteral("tag-history"));
    }

    void closingMidWayChangesNothingElse()
    {
        OCULAR_TEST_REGISTRY(registry);
        auto stack = makeStack(registry.hostPort());
        QVERIFY(stack);
        ContentSource *source = stack->source();
        const QString repo = QStringLiteral("cleanup/close");
        QList<BuiltManifest> olds;
        for (int i = 0; i < 12; ++i) {
            olds.append(builtImage(QStringLiteral("close %1").arg(i)));
            QVERIFY(pushManifestWithBlobs(source, repo, olds.last(), QString()));
        }
        const BuiltManifest kept = builtImage(QStringLiteral("kept"));
        QVERIFY(pushManifestWithBlobs(source, repo, kept, QStringLiteral("latest")));
        QTemporaryDir dir;
        auto history = std::make_shared<TagHistoryStore>(dir.filePath(QStringLiteral("h.sqlite")));
        auto window = openWindow(registry, stack.get(), history);
        QVERIFY(openReference(*window, repo));

        // Closed while discovering: gone at once, nothing arrives later.
        QPointer<CleanupDialog> dialog = window->cleanUpRepository();
        QVERIFY(dialog);
        dialog->setStorageDirectory(registry->storageDir());
        dialog->discover();
        QVERIFY(dialog->isBusy());
        dialog->close();
        QTRY_VERIFY(dialog.isNull());
        QTest::qWait(500);

        // A second dialog: with the policy ticking unknowns, all twelve are selected; closed
        // during the run, which stops: what was deleted was selected, the tag is untouched.
        dialog = window->cleanUpRepository();
        QVERIFY(dialog);
        dialog->setStorageDirectory(registry->storageDir());
        dialog->policyForm()
            ->findChild<QCheckBox *>(QStringLiteral("class-%1").arg(int(CleanupClass::Unknown)))
            ->setChecked(true);
        dialog->discover();
        QTRY_VERIFY_WITH_TIMEOUT(settled(dialog), 60000);
        QCOMPARE(dialog->selectedCount(), 12);
        // Asking again for the same repository raises the same dialog.
        QCOMPARE(window->cleanUpRepository(), dialog.data());
        dialog->requestDelete();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = dialog->findChild<QMessageBox *>(QStringLiteral("confirmCleanup"))));
        box->findChild<QPushButton *>(QStringLiteral("confirmDelete"))->click();
        QTRY_VERIFY(dialog->isDeleting());
        dialog->close();
        QTRY_VERIFY(dialog.isNull());
        QTest::qWait(1000);
        QCOMPARE(digestOf(source, repo, QStringLiteral("latest")).value(), kept.digest);

        // Another registry selected: the tree moves on, a new Clean Up needs a repository.
        QVERIFY(window->openRegistry(QStringLiteral("http://127.0.0.1:1"), false));
        QVERIFY(!window->cleanUpRepository());
    }

private:
    static std::unique_ptr<MainWindow> openWindow(TestRegistry &registry, RegistryStack *stack,
                                                  std::shared_ptr<TagHistoryStore> history)
    {
        QSettings().clear();
        auto window = std::make_unique<MainWindow>(stack);
        window->setTagHistory(std::move(history));
        window->resize(1200, 800);
        window->show();
        window->openRegistry(registry.baseUrl(), false);
        return window;
    }

    static bool openReference(MainWindow &window, const QString &reference)
    {
        RepositoryTreePanel *tree = window.treePanel();
        const QString repository = reference.section(QLatin1Char(':'), 0, 0);
        if (!QTest::qWaitFor([&] { return tree->model()->repositoryIndex(repository).isValid(); },
                             15000))
            return false;
        if (!tree->openReference(reference).isEmpty())
            return false;
        const QString tag = reference.section(QLatin1Char(':'), 1);
        return QTest::qWaitFor(
            [&] {
                const TreeSelection s = tree->currentSelection();
                return s.repository == repository && s.tag == tag;
            },
            15000);
    }

    std::unique_ptr<TempEnv> m_env;
};

QTEST_MAIN(TestCleanupUi)
#include "tst_cleanupui.moc"
