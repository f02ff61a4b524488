#pragma once

#include <QDialog>
#include <QList>

class QAction;
class QLineEdit;
class QMainWindow;
class QTreeWidget;

namespace ocular {

/// Help ▸ Keyboard Shortcuts: every shortcut of a main window, read from its live actions
/// (menus first, in menu order, then shortcuts that only live on a widget), so the list can
/// never go stale; filterable by action, menu or key.
class KeyboardShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    struct Entry
    {
        QString group; ///< the menu's title without '&', or "Other"
        QString text;  ///< the action's text without '&'
        QString keys;  ///< its shortcuts in the platform's notation, ", "-separated
        QString where; ///< where it works when not the whole window ("Repository tree")
        QAction *action = nullptr;
    };
    /// What the dialog lists for @p window.
    static QList<Entry> collect(QMainWindow *window);

    explicit KeyboardShortcutsDialog(QMainWindow *window, QWidget *parent = nullptr);

    /// Shows only the rows whose action, menu or keys contain @p text (case-insensitive).
    void setFilter(const QString &text);
    /// The rows currently shown (for tests).
    int visibleCount() const;

private:
    QLineEdit *m_filter;
    QTreeWidget *m_list;
};

} // namespace ocular
