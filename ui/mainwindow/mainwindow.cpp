#include "mainwindow.h"

#include "activity/activityrecords.h"
#include "dialogs/aboutdialog.h"
#include "dialogs/addregistrydialog.h"
#include "dialogs/cleanupdialog.h"
#include "dialogs/keyboardshortcutsdialog.h"
#include "dialogs/preferencesdialog.h"
#include "dialogs/pushartifactdialog.h"
#include "dialogs/repositorysearchdialog.h"
#include "dialogs/taghistorydialog.h"
#include "history/taghistorystore.h"
#include "http/tlssettings.h"
#include "mainwindow/mainwindowactions.h"
#include "mainwindow/registrysources.h"
#include "mainwindow/registrywrites.h"
#include "mainwindow/windowlayout.h"
#include "models/nodeicons.h"
#include "models/registrytreemodel.h"
#include "panels/auditpanel.h"
#include "panels/inspectorpanel.h"
#include "panels/referrerspanel.h"
#include "panels/registrylistpanel.h"
#include "panels/repositorytreepanel.h"
#include "panels/supplychaindock.h"
#include "reference/reference.h"
#include "registry/registryclient.h"
#include "registry/registryendpoint.h"
#include "source/registrysource.h"
#include "stack/registrystack.h"
#include "views/activitystatus.h"
#include "views/displayformat.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QFileDialog>
#include <QInputDialog>
#include <QShowEvent>
#include <QStatusBar>
#include <QTreeView>

namespace ocular {

MainWindow::MainWindow(RegistryStack *stack, QWidget *parent)
    : QMainWindow(parent)
    , m_stack(stack)
    , m_registries(new RegistryListPanel(this))
    , m_tree(new RepositoryTreePanel(this))
    , m_inspector(new InspectorPanel(this))
    , m_activity(new ActivityStatus(this))
    , m_supplyChain(new SupplyChainDock(this))
    , m_layout(new WindowLayout(this, m_registries, m_tree, m_inspector))
    , m_sources(new RegistrySources(stack, this))
    , m_writes(new RegistryWrites({this, m_tree, m_activity, m_sources,
                                   [this] { return m_registries->currentRegistry(); },
                                   [this] { return m_registries->registries(); }},
                                  this))
    , m_externalSource(new QObject(this))
{
    setWindowTitle(QStringLiteral("Ocular"));
    setWindowIcon(NodeIcons::named(QStringLiteral("ocular")));

    statusBar()->addWidget(m_activity, 1);

    addDockWidget(Qt::BottomDockWidgetArea, m_supplyChain);
    m_supplyChain->attachTree(m_tree->model());
    resizeDocks({m_supplyChain}, {340}, Qt::Vertical);
    connect(m_tree, &RepositoryTreePanel::selectionChanged, m_supplyChain,
            &SupplyChainDock::showSelection);
    connect(m_supplyChain, &SupplyChainDock::digestActivated, this, &MainWindow::onDigestActivated);
    connect(m_supplyChain, &SupplyChainDock::activityChanged, m_activity,
            [this](const QString &text) { m_activity->setActivity(m_supplyChain, text); });
    connect(m_supplyChain, &SupplyChainDock::problem, m_activity, &ActivityStatus::showProblem);
    connect(m_supplyChain, &SupplyChainDock::information, m_activity, &ActivityStatus::showInfo);
    connect(m_supplyChain, &SupplyChainDock::openInNewWindowRequested, this,
            [this](const QString &reference) { openInNewWindow(reference); });
    connect(m_supplyChain->audit(), &AuditPanel::exported, m_activity,
            [this](int rows, const QString &path) {
                m_activity->showInfo(tr("Exported %n row(s) to %1", nullptr, rows).arg(path));
            });

    createActions();

    connect(m_registries, &RegistryListPanel::currentRegistryChanged, this,
            &MainWindow::onRegistryChanged);
    connect(m_registries, &RegistryListPanel::addRequested, this, &MainWindow::addRegistryDialog);
    connect(m_tree, &RepositoryTreePanel::selectionChanged, m_inspector,
            &InspectorPanel::showSelection);
    connect(m_tree, &RepositoryTreePanel::openRepositoryRequested, this,
            &MainWindow::openRepositoryDialog);
    connect(m_inspector, &InspectorPanel::digestActivated, this, &MainWindow::onDigestActivated);
    connect(m_tree, &RepositoryTreePanel::activityChanged, m_activity,
            [this](const QString &text) { m_activity->setActivity(m_tree, text); });
    connect(m_tree, &RepositoryTreePanel::problem, m_activity, &ActivityStatus::showProblem);
    connect(m_tree, &RepositoryTreePanel::information, m_activity, &ActivityStatus::showInfo);
    connect(m_tree, &RepositoryTreePanel::openInNewWindowRequested, this,
            [this](const QString &reference) { openInNewWindow(reference); });
    connect(m_tree, &RepositoryTreePanel::pushArtifactRequested, this,
            [this](const QString &repository, const QString &subject, const QStringList &files) {
                openPushDialog(repository, subject, files);
            });
    connect(m_inspector, &InspectorPanel::activityChanged, m_activity,
            [this](const QString &text) { m_activity->setActivity(m_inspector, text); });
    connect(m_inspector, &InspectorPanel::problem, m_activity, &ActivityStatus::showProblem);
    connect(m_activity, &ActivityStatus::cancelRequested, this, &MainWindow::cancelLoading);
    connect(m_tree, &RepositoryTreePanel::addTagRequested, m_writes, &RegistryWrites::addTag);
    connect(m_tree, &RepositoryTreePanel::copyToRequested, m_writes, &RegistryWrites::copyTo);
    connect(m_tree, &RepositoryTreePanel::removeTagRequested, m_writes, &RegistryWrites::removeTag);
    connect(m_tree, &RepositoryTreePanel::manifestDeleted, m_writes, &RegistryWrites::recordDelete);

    m_registries->restore();
    m_layout->restore();
}

MainWindow::~MainWindow()
{
    m_tree->setSource(nullptr);
    m_inspector->setSource(nullptr);
    m_supplyChain->setSource(nullptr, nullptr);
}

RegistryClient *MainWindow::currentClient() const
{
    // A layout has no client: no capability probe, which has nothing to probe there.
    const auto *registry = dynamic_cast<const RegistrySource *>(m_source);
    return registry ? registry->client() : nullptr;
}

ContentSource *MainWindow::currentSource() const
{
    return m_source;
}

QAction *MainWindow::action(const QString &name) const
{
    return m_actions->action(name);
}

void MainWindow::createActions()
{
    MainWindowCommands commands;
    commands.addRegistry = [this] { addRegistryDialog(); };
    commands.openRepository = [this] { openRepositoryDialog(); };
    commands.openLayout = [this] { openLayoutDialog(); };
    commands.refresh = [this] { m_tree->refresh(); };
    commands.cancel = [this] { cancelLoading(); };
    commands.copyReference = [this](bool byDigest) { copyReference(byDigest); };
    commands.treeWrite = [this](const QString &name) { runTreeWrite(name); };
    commands.preferences = [this] {
        PreferencesDialog dialog(m_stack->cache(), this);
        if (dialog.exec() == QDialog::Accepted)
            PreferencesDialog::applyCacheLimit(m_stack->cache(), dialog.cacheLimit(), this);
    };
    commands.about = [this] { showAbout(); };
    commands.keyboardShortcuts = [this] { showKeyboardShortcuts(); };
    commands.findInRepository = [this] { findInRepository(); };
    commands.cleanUp = [this] { cleanUpRepository(); };
    commands.tagHistory = [this] { showTagHistory(); };
    commands.groupAttachmentTags = [this](bool on) { m_tree->model()->setGroupAttachmentTags(on); };
    commands.toggleSupplyChain = m_supplyChain->toggleViewAction();
    m_actions = new MainWindowActions(this, commands);
    m_actions->limitShortcutTo(QStringLiteral("delete"), m_tree->view());
    // The row's kind and its loaded digest decide what can be written to it.
    connect(m_tree, &RepositoryTreePanel::selectionChanged, this, &MainWindow::updateTreeWrites);
    // A search belongs to one repository: selecting another stops it (it would answer late
    // about a repository no longer shown).
    connect(m_tree, &RepositoryTreePanel::selectionChanged, this, [this] {
        const QString repository = m_tree->currentRepository();
        if (m_search && !repository.isEmpty() && repository != m_search->repository())
            m_search->stop(tr("Search stopped: %1 was selected.").arg(repository));
    });
}

void MainWindow::updateTreeWrites()
{
    QStringList enabled;
    for (const TreeWriteAction &write : m_tree->writeActionsAt(m_tree->view()->currentIndex()))
        if (write.enabled)
            enabled.append(write.name);
    m_actions->setTreeWritesEnabled(enabled);
}

void MainWindow::runTreeWrite(const QString &name)
{
    // Asked again at the moment of the shortcut: the row may have changed since the last
    // selection signal (a refresh replaced it).
    for (const TreeWriteAction &write : m_tree->writeActionsAt(m_tree->view()->currentIndex())) {
        if (write.name == name && write.enabled && write.trigger) {
            write.trigger();
            return;
        }
    }
    updateTreeWrites();
}

QString MainWindow::openLayout(const QString &directory, bool remember)
{
    const QString url = RegistrySources::layoutUrl(directory);
    const Result<ContentSource *> found = m_sources->forUrl(url);
    if (!found)
        return found.error().message;
    if (m_registries->currentRegistry() == url)
        onRegistryChanged(url);
    else
        m_registries->addRegistry(url, remember);
    return {};
}

void MainWindow::openLayoutDialog()
{
    const QString directory = QFileDialog::getExistingDirectory(
        this, tr("Open OCI Layout"), QString(), QFileDialog::ShowDirsOnly);
    if (directory.isEmpty())
        return;
    const QString problem = openLayout(directory);
    if (!problem.isEmpty())
        m_activity->showProblem(tr("Cannot open %1 as an OCI layout: %2").arg(directory, problem));
}

bool MainWindow::openRegistry(const QString &url, bool remember)
{
    // `HOST/team/app` (from --registry) opens that repository; the path is never dropped.
    const AddRegistryDialog::Address address = AddRegistryDialog::splitAddress(url);
    const QString text = address.registry;
    const bool explicitHttp = text.startsWith(QLatin1String("http://"));
    if (!address.problem.isEmpty() || !RegistryEndpoint::parse(text, explicitHttp))
        return false;
    if (m_registries->currentRegistry() == text)
        onRegistryChanged(text);
    else
        m_registries->addRegistry(text, remember);
    if (!address.repository.isEmpty()) {
        const QString problem = m_tree->openReference(address.repository);
        if (!problem.isEmpty())
            m_activity->showProblem(problem);
    }
    return true;
}

void MainWindow::onRegistryChanged(const QString &url)
{
    ContentSource *source = nullptr;
    if (!url.isEmpty()) {
        const Result<ContentSource *> found = m_sources->forUrl(url);
        if (found)
            source = found.value();
        else
            m_activity->showProblem(tr("Cannot open %1: %2").arg(url, found.error().message));
    }
    if (m_search) {
        m_search->stop(tr("Search stopped: another registry was opened."));
        m_search->close();
    }
    m_source = source;
    m_inspector->setSource(source);
    m_supplyChain->setSource(currentSource(), currentClient());
    m_tree->setSource(source);
    setWindowTitle(source ? QStringLiteral("%1 — Ocular").arg(source->displayName())
                          : QStringLiteral("Ocular"));
}

PushArtifactDialog *MainWindow::openPushDialog(const QString &repository, const QString &subject,
                                               const QStringList &files)
{
    ContentSource *source = m_tree->source();
    if (!source) {
        m_activity->showProblem(tr("Open a registry before pushing."));
        return nullptr;
    }
    auto *dialog = new PushArtifactDialog(source, repository, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!subject.isEmpty())
        dialog->setSubjectReference(subject);
    if (!files.isEmpty())
        dialog->addFiles(files);
    connect(dialog, &PushArtifactDialog::pushed, this,
            [this](const ArtifactRequest &request, const ArtifactPushResult &result) {
                m_activity->showInfo(
                    tr("Pushed %1 to %2").arg(result.digest.shortForm(), request.repository));
                m_writes->record(activityrecords::pushed(
                    request.subject ? QStringLiteral("attach") : QStringLiteral("push"),
                    m_source ? m_source->displayName() : QString(), request, result));
                // The new tag and the subject's fallback tag show up in the tree; the selected
                // tag is selected again, which makes the referrers panel read it afresh.
                m_tree->refreshRepository(request.repository);
            });
    dialog->show();
    return dialog;
}

void MainWindow::addRegistryDialog()
{
    AddRegistryDialog dialog(this);
    dialog.setAdvancedAvailable(bool(m_tlsApplier));
    if (dialog.exec() != QDialog::Accepted)
        return;
    // TLS options first: the registry's first request must already use them. A failure adds
    // nothing (the dialog checked the files, but they can change in between).
    if (const TlsSettings tls = dialog.tlsSettings(); !tls.isDefault() && m_tlsApplier) {
        const auto endpoint =
            RegistryEndpoint::parse(dialog.registryText(), dialog.allowInsecureHttp());
        const Result<Done> applied =
            endpoint ? m_tlsApplier(endpoint->baseUrl.host(), tls) : Result<Done>(endpoint.error());
        if (!applied) {
            m_activity->showProblem(tr("Registry not added: %1").arg(applied.error().message));
            return;
        }
    }
    m_registries->addRegistry(dialog.registryText());
    // HOST/team/app: the registry is added and that repository opened, never silently dropped.
    if (const QString repository = dialog.repositoryText(); !repository.isEmpty()) {
        const QString problem = m_tree->openReference(repository);
        if (!problem.isEmpty())
            m_activity->showProblem(problem);
    }
}

void MainWindow::cancelLoading()
{
    // The demo seeding (external activity) is not cancelled by Esc, so it does not count.
    const bool busy = m_activity->isBusyApartFrom(m_externalSource) || m_inspector->isLoading();
    m_tree->cancel();
    m_inspector->cancel();
    m_supplyChain->cancel();
    // Esc with nothing loading is not news.
    if (busy)
        m_activity->showInfo(tr("Cancelled."));
}

MainWindow *MainWindow::openInNewWindow(const QString &reference)
{
    const QString registry = m_registries->currentRegistry();
    if (registry.isEmpty())
        return nullptr;
    auto *window = new MainWindow(m_stack);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setTagHistory(m_tagHistory);
    window->openRegistry(registry, false);
    window->resize(size());
    window->show();
    if (!reference.isEmpty()) {
        const QString problem = window->treePanel()->openReference(reference);
        if (!problem.isEmpty())
            window->showProblem(problem);
    }
    return window;
}

QWidget *MainWindow::showKeyboardShortcuts()
{
    // Built now, from the actions as they are: a shortcut added later is listed next time.
    auto *dialog = new KeyboardShortcutsDialog(this, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

RepositorySearchDialog *MainWindow::findInRepository()
{
    const QString repository = m_tree->currentRepository();
    if (!m_tree->source() || repository.isEmpty()) {
        m_activity->showProblem(tr("Select a repository to search in first."));
        return nullptr;
    }
    if (!m_search) {
        m_search = new RepositorySearchDialog(m_tree->source(), repository, this);
        m_search->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_search, &RepositorySearchDialog::openRequested, this,
                [this](const QString &reference) {
                    const QString problem = m_tree->openReference(reference);
                    if (!problem.isEmpty())
                        m_activity->showProblem(problem);
                });
    }
    m_search->setRepository(repository);
    m_search->show();
    m_search->raise();
    m_search->activateWindow();
    return m_search;
}

CleanupDialog *MainWindow::cleanUpRepository()
{
    const QString repository = m_tree->currentRepository();
    RegistryClient *client = currentClient();
    if (!m_tree->source() || repository.isEmpty()) {
        m_activity->showProblem(tr("Select a repository to clean up first."));
        return nullptr;
    }
    if (!client) {
        m_activity->showProblem(tr("Cleanup works on registries: an OCI layout is a folder, "
                                   "delete from it with its own tools."));
        return nullptr;
    }
    if (m_cleanup && m_cleanup->source() == m_tree->source() &&
        m_cleanup->repository() == repository) {
        m_cleanup->show();
        m_cleanup->raise();
        m_cleanup->activateWindow();
        return m_cleanup;
    }
    // A run in progress keeps its window; an idle one for another repository gives way.
    if (m_cleanup && !m_cleanup->isBusy())
        m_cleanup->close();
    ContentSource *source = m_tree->source();
    m_cleanup =
        new CleanupDialog(source, client->endpoint().registry, repository, m_tagHistory, this);
    m_cleanup->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_cleanup, &CleanupDialog::deleted, this, [this, source](const QString &deletedIn) {
        m_activity->showInfo(tr("Cleanup deleted manifests of %1.").arg(deletedIn));
        if (m_tree->source() == source)
            m_tree->refresh();
    });
    m_cleanup->show();
    return m_cleanup;
}

TagHistoryDialog *MainWindow::showTagHistory()
{
    const TreeSelection selection = m_tree->currentSelection();
    RegistryClient *client = currentClient();
    if (selection.repository.isEmpty()) {
        m_activity->showProblem(tr("Select a tag or a repository first."));
        return nullptr;
    }
    if (!client) {
        m_activity->showProblem(tr("Ocular records the tags of registries, not of OCI layouts."));
        return nullptr;
    }
    auto *dialog = new TagHistoryDialog(m_tagHistory, client->endpoint().registry,
                                        selection.repository, selection.tag, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TagHistoryDialog::openRequested, this, [this](const QString &reference) {
        const QString problem = m_tree->openReference(reference);
        if (!problem.isEmpty())
            m_activity->showProblem(problem);
    });
    dialog->show();
    return dialog;
}

void MainWindow::setTagHistory(std::shared_ptr<TagHistoryStore> history)
{
    m_tagHistory = std::move(history);
    m_sources->setTagObserver(m_tagHistory);
}

QWidget *MainWindow::showAbout()
{
    auto *box = new AboutDialog(this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return box;
}

void MainWindow::openRepositoryDialog()
{
    if (!m_source) {
        m_activity->showProblem(tr("Add or select a registry first."));
        return;
    }
    bool ok = false;
    const QString name = QInputDialog::getText(
        this, tr("Open Repository"),
        tr("Repository, tag or digest in %1\n(team/service, team/service:v1 or "
           "team/service@sha256:…):")
            .arg(m_source->displayName()),
        QLineEdit::Normal, QString(), &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    const QString problem = m_tree->openReference(name);
    if (!problem.isEmpty())
        m_activity->showProblem(problem);
}

void MainWindow::copyReference(bool byDigest)
{
    const TreeSelection selection = m_tree->currentSelection();
    const QString text = byDigest ? selection.digestReference() : selection.reference();
    if (text.isEmpty()) {
        m_activity->showProblem(byDigest ? tr("The digest of this node is not known yet.")
                                         : tr("Select a repository, tag or manifest first."));
        return;
    }
    QApplication::clipboard()->setText(text);
    m_activity->showInfo(tr("Copied %1").arg(text));
}

void MainWindow::onDigestActivated(const Digest &digest)
{
    if (m_tree->selectDigest(digest))
        return;
    m_inspector->showDigest(m_inspector->selection().repository.isEmpty()
                                ? m_tree->currentRepository()
                                : m_inspector->selection().repository,
                            digest);
}

void MainWindow::setPreparing(const QString &text, int step, int total)
{
    m_tree->setIdleMessage(text, step, total);
}

void MainWindow::setExternalActivity(const QString &text)
{
    m_activity->setActivity(m_externalSource, text);
}

void MainWindow::showProblem(const QString &text)
{
    m_activity->showProblem(text);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    m_layout->shown();
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    m_layout->resized();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_layout->save();
    event->accept();
}

} // namespace ocular
