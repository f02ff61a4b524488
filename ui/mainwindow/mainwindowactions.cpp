#include "mainwindowactions.h"

#include "models/nodeicons.h"

#include <QAction>
#include <QApplication>
#include <QMainWindow>
#include <QMenuBar>
#include <QSettings>
#include <QStyle>
#include <QToolBar>

namespace ocular {

MainWindowActions::MainWindowActions(QMainWindow *window, const MainWindowCommands &commands)
    : QObject(window)
    , m_window(window)
{
    QStyle *style = window->style();
    QAction *addRegistry =
        make(QStringLiteral("addRegistry"), tr("&Add Registry…"),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), commands.addRegistry);
    addRegistry->setIcon(NodeIcons::named(QStringLiteral("registry")));
    QAction *openRepo = make(QStringLiteral("openRepository"), tr("&Open Repository…"),
                             QKeySequence(Qt::CTRL | Qt::Key_O), commands.openRepository);
    openRepo->setIcon(NodeIcons::named(QStringLiteral("repository")));
    QAction *openLayout = make(QStringLiteral("openLayout"), tr("Open OCI &Layout…"),
                               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), commands.openLayout);
    openLayout->setIcon(style->standardIcon(QStyle::SP_DirOpenIcon));
    QAction *refresh =
        make(QStringLiteral("refresh"), tr("&Refresh"), QKeySequence(Qt::Key_F5), commands.refresh);
    refresh->setIcon(style->standardIcon(QStyle::SP_BrowserReload));
    QAction *cancel = make(QStringLiteral("cancel"), tr("&Cancel Loading"),
                           QKeySequence(Qt::Key_Escape), commands.cancel);
    cancel->setIcon(style->standardIcon(QStyle::SP_BrowserStop));
    const auto copy = commands.copyReference;
    QAction *copyRef =
        make(QStringLiteral("copyReference"), tr("Copy &Reference"),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), [copy] { copy(false); });
    QAction *copyDigest =
        make(QStringLiteral("copyDigestReference"), tr("Copy &Digest Reference"),
             QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C), [copy] { copy(true); });
    QAction *quit = make(QStringLiteral("quit"), tr("&Quit"), QKeySequence::Quit,
                         [window] { window->close(); });
    QAction *preferences = make(QStringLiteral("preferences"), tr("&Preferences…"),
                                QKeySequence(Qt::CTRL | Qt::Key_Comma), commands.preferences);

    QMenu *file = window->menuBar()->addMenu(tr("&File"));
    file->addAction(addRegistry);
    file->addAction(openRepo);
    file->addAction(openLayout);
    file->addSeparator();
    file->addAction(quit);
    QMenu *edit = window->menuBar()->addMenu(tr("&Edit"));
    edit->addAction(copyRef);
    edit->addAction(copyDigest);
    edit->addSeparator();
    edit->addAction(make(QStringLiteral("findInRepository"), tr("&Find in Repository…"),
                         QKeySequence::Find, commands.findInRepository));
    edit->addSeparator();
    // The tree's Write section for the current row, with shortcuts; disabled until a row
    // allows them (setTreeWritesEnabled).
    const auto write = commands.treeWrite;
    const struct
    {
        QString name;
        QString text;
        QKeySequence shortcut;
    } writes[] = {
        {QStringLiteral("pushArtifact"), tr("&Push Artifact…"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)},
        {QStringLiteral("attachFiles"), tr("&Attach Files…"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A)},
        {QStringLiteral("addTag"), tr("Add &Tag…"), QKeySequence(Qt::CTRL | Qt::Key_T)},
        {QStringLiteral("copyTo"), tr("Cop&y To…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y)},
        {QStringLiteral("removeTag"), tr("Re&move Tag…"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T)},
        {QStringLiteral("delete"), tr("&Delete…"), QKeySequence(QKeySequence::Delete)},
    };
    for (const auto &entry : writes) {
        QAction *action = make(entry.name, entry.text, entry.shortcut, [write, name = entry.name] {
            if (write)
                write(name);
        });
        action->setEnabled(false);
        edit->addAction(action);
    }
    edit->addSeparator();
    edit->addAction(make(QStringLiteral("cleanUp"), tr("Clean &Up Repository…"),
                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G), commands.cleanUp));
    edit->addSeparator();
    edit->addAction(preferences);
    QMenu *view = window->menuBar()->addMenu(tr("&View"));
    view->addAction(refresh);
    view->addAction(cancel);
    view->addSeparator();
    view->addAction(make(QStringLiteral("tagHistory"), tr("Tag &History…"),
                         QKeySequence(Qt::CTRL | Qt::Key_H), commands.tagHistory));
    view->addSeparator();
    // Every dock can come back from here after it was closed.
    if (QAction *supplyChain = commands.toggleSupplyChain) {
        supplyChain->setText(tr("&Supply Chain"));
        supplyChain->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
        m_actions.insert(QStringLiteral("toggleSupplyChain"), supplyChain);
        window->addAction(supplyChain);
        view->addAction(supplyChain);
    }
    view->addSeparator();
    view->addAction(groupingAction(commands.groupAttachmentTags));

    QMenu *help = window->menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts = make(QStringLiteral("keyboardShortcuts"), tr("&Keyboard Shortcuts"),
                              QKeySequence(Qt::CTRL | Qt::Key_Slash), commands.keyboardShortcuts);
    // F1 too (HelpContents), the key people try first.
    shortcuts->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Slash), QKeySequence::HelpContents});
    help->addAction(shortcuts);
    help->addSeparator();
    m_actions.insert(QStringLiteral("about"),
                     help->addAction(tr("&About Ocular"), this, commands.about));
    m_actions.insert(QStringLiteral("aboutQt"),
                     help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt));

    QToolBar *toolbar = window->addToolBar(tr("Main"));
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

QStringList MainWindowActions::treeWriteNames()
{
    return {QStringLiteral("pushArtifact"), QStringLiteral("attachFiles"),
            QStringLiteral("addTag"),       QStringLiteral("copyTo"),
            QStringLiteral("removeTag"),    QStringLiteral("delete")};
}

void MainWindowActions::setTreeWritesEnabled(const QStringList &enabled)
{
    for (const QString &name : treeWriteNames())
        if (QAction *action = m_actions.value(name))
            action->setEnabled(enabled.contains(name));
}

void MainWindowActions::limitShortcutTo(const QString &name, QWidget *widget)
{
    QAction *action = m_actions.value(name);
    if (!action || !widget)
        return;
    m_window->removeAction(action);
    widget->addAction(action);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
}

QAction *MainWindowActions::make(const QString &name, const QString &text,
                                 const QKeySequence &shortcut, std::function<void()> triggered)
{
    auto *action = new QAction(text, m_window);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WindowShortcut);
    connect(action, &QAction::triggered, this, [triggered] {
        if (triggered)
            triggered();
    });
    m_window->addAction(action);
    m_actions.insert(name, action);
    return action;
}

QAction *MainWindowActions::groupingAction(const std::function<void(bool)> &apply)
{
    auto *grouping = new QAction(tr("&Group Attachment Tags"), m_window);
    grouping->setObjectName(QStringLiteral("groupAttachmentTags"));
    grouping->setToolTip(tr("List sha256-… fallback tags and cosign .sig/.att/.sbom tags in an "
                            "Attachments group under their subject, away from the other tags"));
    grouping->setCheckable(true);
    grouping->setChecked(
        QSettings().value(QStringLiteral("view/groupAttachmentTags"), true).toBool());
    if (apply)
        apply(grouping->isChecked());
    connect(grouping, &QAction::toggled, this, [apply](bool on) {
        QSettings().setValue(QStringLiteral("view/groupAttachmentTags"), on);
        if (apply)
            apply(on);
    });
    m_actions.insert(QStringLiteral("groupAttachmentTags"), grouping);
    return grouping;
}

} // namespace ocular
