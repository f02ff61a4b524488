#include "mainwindow.h"

#include "dialogs/addregistrydialog.h"
#include "dialogs/preferencesdialog.h"
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
#include "source/registrysource.h"
#include "stack/registrystack.h"
#include "views/activitystatus.h"
#include "views/displayformat.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QInputDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QShowEvent>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>

namespace ocular {

MainWindow::MainWindow(RegistryStack *stack, QWidget *parent)
    : QMainWindow(parent)
    , m_stack(stack)
    , m_registries(new RegistryListPanel(this))
    , m_tree(new RepositoryTreePanel(this))
    , m_inspector(new InspectorPanel(this))
    , m_activity(new ActivityStatus(this))
    , m_supplyChain(new SupplyChainDock(this))
    , m_mainSplitter(new QSplitter(Qt::Horizontal, this))
    , m_leftSplitter(new QSplitter(Qt::Vertical, this))
    , m_externalSource(new QObject(this))
{
    setWindowTitle(QStringLiteral("Ocular"));
    setWindowIcon(NodeIcons::named(QStringLiteral("ocular")));

    m_leftSplitter->addWidget(m_registries);
    m_leftSplitter->addWidget(m_tree);
    m_leftSplitter->setStretchFactor(0, 0);
    m_leftSplitter->setStretchFactor(1, 1);
    m_leftSplitter->setSizes({80, 700});
    m_leftSplitter->setContentsMargins(4, 4, 0, 0);
    // The left pane may shrink to a usable minimum; the inspector takes what is left.
    m_leftSplitter->setMinimumWidth(200);
    m_inspector->setMinimumWidth(300);
    m_mainSplitter->addWidget(m_leftSplitter);
    m_mainSplitter->addWidget(m_inspector);
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setChildrenCollapsible(false);
    setCentralWidget(m_mainSplitter);
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
    connect(m_inspector, &InspectorPanel::activityChanged, m_activity,
            [this](const QString &text) { m_activity->setActivity(m_inspector, text); });
    connect(m_inspector, &InspectorPanel::problem, m_activity, &ActivityStatus::showProblem);
    connect(m_activity, &ActivityStatus::cancelRequested, this, &MainWindow::cancelLoading);

    m_registries->restore();
    restoreLayout();
}

MainWindow::~MainWindow()
{
    m_tree->setSource(nullptr);
    m_inspector->setSource(nullptr);
    m_supplyChain->setSource(nullptr, nullptr);
}

RegistryClient *MainWindow::currentClient() const
{
    return m_source ? m_source->client() : nullptr;
}

ContentSource *MainWindow::currentSource() const
{
    return m_source;
}

QAction *MainWindow::action(const QString &name) const
{
    return m_actions.value(name);
}

void MainWindow::createActions()
{
    auto make = [this](const QString &name, const QString &text, const QKeySequence &shortcut,
                       auto slot) {
        auto *action = new QAction(text, this);
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        m_actions.insert(name, action);
        return action;
    };
    QAction *addRegistry =
        make(QStringLiteral("addRegistry"), tr("&Add Registry…"),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), [this] { addRegistryDialog(); });
    addRegistry->setIcon(NodeIcons::named(QStringLiteral("registry")));
    QAction *openRepo =
        make(QStringLiteral("openRepository"), tr("&Open Repository…"),
             QKeySequence(Qt::CTRL | Qt::Key_O), [this] { openRepositoryDialog(); });
    openRepo->setIcon(NodeIcons::named(QStringLiteral("repository")));
    QAction *refresh = make(QStringLiteral("refresh"), tr("&Refresh"), QKeySequence(Qt::Key_F5),
                            [this] { m_tree->refresh(); });
    refresh->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    QAction *cancel = make(QStringLiteral("cancel"), tr("&Cancel Loading"),
                           QKeySequence(Qt::Key_Escape), [this] { cancelLoading(); });
    cancel->setIcon(style()->standardIcon(QStyle::SP_BrowserStop));
    QAction *copyRef =
        make(QStringLiteral("copyReference"), tr("Copy &Reference"),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), [this] { copyReference(false); });
    QAction *copyDigest =
        make(QStringLiteral("copyDigestReference"), tr("Copy &Digest Reference"),
             QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C), [this] { copyReference(true); });
    QAction *quit =
        make(QStringLiteral("quit"), tr("&Quit"), QKeySequence::Quit, [this] { close(); });
    QAction *preferences = make(QStringLiteral("preferences"), tr("&Preferences…"),
                                QKeySequence(Qt::CTRL | Qt::Key_Comma), [this] {
                                    PreferencesDialog dialog(m_stack->cache(), this);
                                    if (dialog.exec() == QDialog::Accepted)
                                        PreferencesDialog::applyCacheLimit(
                                            m_stack->cache(), dialog.cacheLimit(), this);
                                });

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(addRegistry);
    file->addAction(openRepo);
    file->addSeparator();
    file->addAction(quit);
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(copyRef);
    edit->addAction(copyDigest);
    edit->addSeparator();
    edit->addAction(preferences);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(refresh);
    view->addAction(cancel);
    view->addSeparator();
    // Every dock can come back from here after it was closed.
    QAction *supplyChain = m_supplyChain->toggleViewAction();
    supplyChain->setText(tr("&Supply Chain"));
    supplyChain->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_actions.insert(QStringLiteral("toggleSupplyChain"), supplyChain);
    addAction(supplyChain);
    view->addAction(supplyChain);
    view->addSeparator();
    QAction *grouping = new QAction(tr("&Group Attachment Tags"), this);
    grouping->setObjectName(QStringLiteral("groupAttachmentTags"));
    grouping->setToolTip(tr("List sha256-… fallback tags and cosign .sig/.att/.sbom tags in an "
                            "Attachments group under their subject, away from the other tags"));
    grouping->setCheckable(true);
    grouping->setChecked(
        QSettings().value(QStringLiteral("view/groupAttachmentTags"), true).toBool());
    m_tree->model()->setGroupAttachmentTags(grouping->isChecked());
    connect(grouping, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(QStringLiteral("view/groupAttachmentTags"), on);
        m_tree->model()->setGroupAttachmentTags(on);
    });
    m_actions.insert(QStringLiteral("groupAttachmentTags"), grouping);
    view->addAction(grouping);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Ocular"), this, [this] { showAbout(); });
    m_actions.insert(QStringLiteral("about"), about);
    QAction *aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    m_actions.insert(QStringLiteral("aboutQt"), aboutQt);

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setIconSize(QSize(16, 16));
    toolbar->addAction(addRegistry);
    toolbar->addAction(openRepo);
    toolbar->addAction(refresh);
    toolbar->addSeparator();
    toolbar->addAction(copyRef);
    toolbar->addAction(copyDigest);
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
    RegistrySource *source = nullptr;
    if (!url.isEmpty()) {
        source = m_sources.value(url);
        if (!source) {
            // A URL the user wrote with http:// explicitly was consented to in the dialog.
            const bool explicitHttp = url.startsWith(QLatin1String("http://"));
            const Result<RegistryEndpoint> endpoint = RegistryEndpoint::parse(url, explicitHttp);
            if (!endpoint) {
                m_activity->showProblem(
                    tr("Cannot open %1: %2").arg(url, endpoint.error().message));
            } else {
                RegistryClient *client = m_stack->createClient(endpoint.value(), this);
                source = new RegistrySource(client, client);
                m_sources.insert(url, source);
            }
        }
    }
    m_source = source;
    m_inspector->setSource(source);
    m_supplyChain->setSource(currentSource(), currentClient());
    m_tree->setSource(source);
    setWindowTitle(source ? QStringLiteral("%1 — Ocular").arg(source->displayName())
                          : QStringLiteral("Ocular"));
}

void MainWindow::addRegistryDialog()
{
    AddRegistryDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
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

QString MainWindow::aboutText()
{
    const QString version = QCoreApplication::applicationVersion().isEmpty()
                                ? tr("(development build)")
                                : QCoreApplication::applicationVersion();
    return tr("<h3>Ocular %1</h3>"
              "<p>A native desktop browser for OCI container registries: repositories, tags, "
              "manifests, indexes, and the signatures, SBOMs and attestations that refer to "
              "them.</p>"
              "<p>Built with Qt %2, running on Qt %3.</p>"
              "<p>Licensed under the Apache License, Version 2.0: "
              "<a href=\"https://www.apache.org/licenses/LICENSE-2.0\">"
              "https://www.apache.org/licenses/LICENSE-2.0</a></p>")
        .arg(version.toHtmlEscaped(), QStringLiteral(QT_VERSION_STR),
             QString::fromLatin1(qVersion()));
}

QWidget *MainWindow::showAbout()
{
    auto *box = new QMessageBox(QMessageBox::NoIcon, tr("About Ocular"), aboutText(),
                                QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("aboutDialog"));
    box->setIconPixmap(NodeIcons::named(QStringLiteral("ocular")).pixmap(64, 64));
    box->setTextFormat(Qt::RichText);
    box->setTextInteractionFlags(Qt::TextBrowserInteraction);
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

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1300, 850);
    m_layoutRestored = m_mainSplitter->restoreState(
        settings.value(QStringLiteral("window/mainSplitter")).toByteArray());
    m_leftSplitter->restoreState(
        settings.value(QStringLiteral("window/leftSplitter")).toByteArray());
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!m_layoutRestored) {
        m_layoutRestored = true;
        fitSplitters();
    }
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    // Shrinking the window takes from the tree first once it holds more than its share.
    const QList<int> sizes = m_mainSplitter->sizes();
    const int total = m_mainSplitter->width();
    if (m_layoutRestored && sizes.size() == 2 && total > 0 && sizes.at(0) > total / 2)
        fitSplitters();
}

void MainWindow::fitSplitters()
{
    // About 40 % for the tree, at most 560 px: at 900 px the inspector keeps ~540 px.
    const int total = m_mainSplitter->width();
    if (total <= 0)
        return;
    const int left = qBound(m_leftSplitter->minimumWidth(), total * 2 / 5, 560);
    m_mainSplitter->setSizes({left, total - left});
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/mainSplitter"), m_mainSplitter->saveState());
    settings.setValue(QStringLiteral("window/leftSplitter"), m_leftSplitter->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    event->accept();
}

} // namespace ocular
