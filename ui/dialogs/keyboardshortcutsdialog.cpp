#include "keyboardshortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ocular {

namespace {

/// "&File" -> "File", "Copy && Paste" keeps its one '&'.
QString withoutMnemonic(QString text)
{
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return text;
}

QString keysOf(const QAction *action)
{
    QStringList keys;
    for (const QKeySequence &sequence : action->shortcuts())
        keys << sequence.toString(QKeySequence::NativeText);
    return keys.join(QStringLiteral(", "));
}

QString widgetLabel(const QWidget *widget)
{
    if (!widget->accessibleName().isEmpty())
        return widget->accessibleName();
    if (!widget->windowTitle().isEmpty())
        return widget->windowTitle();
    return widget->objectName();
}

/// A shortcut limited to a widget (Delete on the tree) says where it works.
QString whereOf(const QAction *action, const QMainWindow *window)
{
    if (action->shortcutContext() == Qt::WindowShortcut ||
        action->shortcutContext() == Qt::ApplicationShortcut)
        return {};
    for (QObject *object : action->associatedObjects()) {
        auto *widget = qobject_cast<QWidget *>(object);
        if (widget && widget != window && !qobject_cast<QMenu *>(widget) &&
            !qobject_cast<QMenuBar *>(widget))
            return widgetLabel(widget);
    }
    return {};
}

void collectMenu(QMenu *menu, const QString &group, QMainWindow *window,
                 QList<KeyboardShortcutsDialog::Entry> &out, QSet<QAction *> &seen)
{
    for (QAction *action : menu->actions()) {
        if (QMenu *sub = action->menu()) {
            collectMenu(sub, group + QStringLiteral(" ▸ ") + withoutMnemonic(sub->title()), window,
                        out, seen);
            continue;
        }
        if (action->isSeparator() || action->shortcuts().isEmpty() || seen.contains(action))
            continue;
        seen.insert(action);
        out.append({group, withoutMnemonic(action->text()), keysOf(action), whereOf(action, window),
                    action});
    }
}

} // namespace

QList<KeyboardShortcutsDialog::Entry> KeyboardShortcutsDialog::collect(QMainWindow *window)
{
    QList<Entry> out;
    QSet<QAction *> seen;
    for (QAction *top : window->menuBar()->actions())
        if (QMenu *menu = top->menu())
            collectMenu(menu, withoutMnemonic(menu->title()), window, out, seen);
    // Shortcuts that are on no menu: the window's own and those a widget carries.
    QList<QWidget *> holders{window};
    holders += window->findChildren<QWidget *>();
    for (QWidget *holder : holders) {
        if (qobject_cast<QMenu *>(holder))
            continue; // context menus are built per click; their keys are the window's
        for (QAction *action : holder->actions()) {
            if (action->shortcuts().isEmpty() || seen.contains(action))
                continue;
            seen.insert(action);
            out.append({tr("Other"), withoutMnemonic(action->text()), keysOf(action),
                        holder == window ? QString() : widgetLabel(holder), action});
        }
    }
    return out;
}

KeyboardShortcutsDialog::KeyboardShortcutsDialog(QMainWindow *window, QWidget *parent)
    : QDialog(parent)
    , m_filter(new QLineEdit(this))
    , m_list(new QTreeWidget(this))
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_filter->setObjectName(QStringLiteral("filter"));
    m_list->setObjectName(QStringLiteral("shortcuts"));
    m_filter->setPlaceholderText(tr("Filter by action, menu or key"));
    m_filter->setClearButtonEnabled(true);
    m_list->setColumnCount(3);
    m_list->setHeaderLabels({tr("Action"), tr("Shortcut"), tr("Works in")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);

    QTreeWidgetItem *group = nullptr;
    for (const Entry &entry : collect(window)) {
        if (!group || group->text(0) != entry.group) {
            group = new QTreeWidgetItem(m_list, {entry.group});
            QFont bold = group->font(0);
            bold.setBold(true);
            group->setFont(0, bold);
            group->setFirstColumnSpanned(true);
            group->setFlags(Qt::ItemIsEnabled);
        }
        auto *item = new QTreeWidgetItem(group, {entry.text, entry.keys, entry.where});
        item->setToolTip(0, entry.action->toolTip());
    }
    m_list->expandAll();
    m_list->resizeColumnToContents(1);
    m_list->resizeColumnToContents(2);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resize(560, 520);

    connect(m_filter, &QLineEdit::textChanged, this, &KeyboardShortcutsDialog::setFilter);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void KeyboardShortcutsDialog::setFilter(const QString &text)
{
    if (m_filter->text() != text) {
        m_filter->setText(text); // comes back here through textChanged
        return;
    }
    const QString needle = text.trimmed();
    for (int g = 0; g < m_list->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_list->topLevelItem(g);
        const bool groupMatches = group->text(0).contains(needle, Qt::CaseInsensitive);
        int shown = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *item = group->child(i);
            const bool match = groupMatches ||
                               item->text(0).contains(needle, Qt::CaseInsensitive) ||
                               item->text(1).contains(needle, Qt::CaseInsensitive);
            item->setHidden(!match);
            shown += match ? 1 : 0;
        }
        group->setHidden(shown == 0);
    }
}

int KeyboardShortcutsDialog::visibleCount() const
{
    int count = 0;
    for (int g = 0; g < m_list->topLevelItemCount(); ++g)
        for (int i = 0; i < m_list->topLevelItem(g)->childCount(); ++i)
            count += m_list->topLevelItem(g)->child(i)->isHidden() ? 0 : 1;
    return count;
}

} // namespace ocular
