#pragma once

#include <QHash>
#include <QObject>
#include <functional>

class QAction;
class QMainWindow;

namespace ocular {

/// What the main window's menus and toolbar trigger.
struct MainWindowCommands
{
    std::function<void()> addRegistry;
    std::function<void()> openRepository;
    std::function<void()> refresh;
    std::function<void()> cancel;
    std::function<void(bool byDigest)> copyReference;
    std::function<void()> preferences;
    std::function<void()> about;
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

private:
    QAction *make(const QString &name, const QString &text, const QKeySequence &shortcut,
                  std::function<void()> triggered);
    QAction *groupingAction(const std::function<void(bool)> &apply);

    QMainWindow *m_window;
    QHash<QString, QAction *> m_actions;
};

} // namespace ocular
