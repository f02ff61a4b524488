#pragma once

#include <QHash>
#include <QObject>
#include <QStringList>
#include <functional>

class QAction;
class QMainWindow;
class QWidget;

namespace ocular {

/// What the main window's menus and toolbar trigger.
struct MainWindowCommands
{
    std::function<void()> addRegistry;
    std::function<void()> openRepository;
    std::function<void()> openLayout;
    std::function<void()> refresh;
    std::function<void()> cancel;
    std::function<void(bool byDigest)> copyReference;
    /// One of the tree's writes (TreeWriteAction::name) on the current row.
    std::function<void(const QString &name)> treeWrite;
    std::function<void()> preferences;
    std::function<void()> findInRepository;
    std::function<void()> cleanUp;
    std::function<void()> tagHistory;
    std::function<void()> about;
    std::function<void()> keyboardShortcuts;
    /// Called at once with the remembered setting, then on every toggle.
    std::function<void(bool on)> groupAttachmentTags;
    /// A dock's own show/hide action, put on the View menu.
    QAction *toggleSupplyChain = nullptr;
};

/// The main window's menus, toolbar and shortcuts, with each action findable by name (for
/// tests and for the window itself).
class MainWindowActions : public QObject
{
    Q_OBJECT
public:
    MainWindowActions(QMainWindow *window, const MainWindowCommands &commands);

    QAction *action(const QString &name) const { return m_actions.value(name); }
    /// The names of the Edit menu's write actions, in menu order (TreeWriteAction names).
    static QStringList treeWriteNames();
    /// Enables exactly the write actions named in `enabled` (what the current row allows).
    void setTreeWritesEnabled(const QStringList &enabled);
    /// The action's shortcut works only while `widget` has the focus (Delete belongs to the
    /// tree: the same key edits text elsewhere).
    void limitShortcutTo(const QString &name, QWidget *widget);

private:
    QAction *make(const QString &name, const QString &text, const QKeySequence &shortcut,
                  std::function<void()> triggered);
    QAction *groupingAction(const std::function<void(bool)> &apply);

    QMainWindow *m_window;
    QHash<QString, QAction *> m_actions;
};

} // namespace ocular
