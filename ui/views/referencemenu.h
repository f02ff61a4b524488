#pragma once

#include "base/result.h"
#include "commands/equivalentcommand.h"

#include <QMenu>
#include <functional>

namespace ocular {

/// The right-click menu of anything that has a reference (a tree node, a referrer row): copy
/// its reference and its digest reference, open it in a new window, refresh. Copy actions are
/// built in; the others are added by the caller, which keeps the menu open to new sections
/// (push, delete and copy-to from the write path go in addSection(tr("Write"))).
class ReferenceMenu : public QMenu
{
    Q_OBJECT
public:
    /// `reference`: `host/repo:tag` (or `host/repo`); `digestReference`: `host/repo@sha256:…`.
    /// Either may be empty (its copy action is then disabled).
    ReferenceMenu(const QString &reference, const QString &digestReference,
                  QWidget *parent = nullptr);

    QAction *copyReferenceAction() const { return m_copyReference; }
    QAction *copyDigestAction() const { return m_copyDigest; }
    /// Adds "Open in New Window"; `open` runs with `context` alive.
    QAction *addOpenInNewWindow(QObject *context, std::function<void()> open);
    /// Adds "Refresh"; `refresh` runs with `context` alive.
    QAction *addRefresh(QObject *context, std::function<void()> refresh);
    /// Adds an action that changes the registry under a "Write" section (made on first use);
    /// `run` runs with `context` alive.
    QAction *addWriteAction(const QString &name, const QString &text, QObject *context,
                            std::function<void()> run);
    /// Adds a group of command lines (a section titled @p title) to the "Copy as Command"
    /// submenu, made on first use: one action per tool, named `<key>/<tool>` (e.g.
    /// "manifest/oras"), that puts the command line on the clipboard. An error shows as one
    /// disabled entry that says why no command could be built.
    QMenu *addCopyAsCommand(const QString &key, const QString &title,
                            const Result<QList<EquivalentCommand>> &commands);
    /// The "Copy as Command" submenu, null until addCopyAsCommand() made it.
    QMenu *commandMenu() const { return m_commandMenu; }
    /// The action with this object name ("copyReference", "copyDigest", "openInNewWindow",
    /// "refresh"), null when absent.
    QAction *namedAction(const QString &name) const;

Q_SIGNALS:
    /// Text was put on the clipboard (for the status bar).
    void copied(const QString &text);
    /// A command line of @p tool was put on the clipboard.
    void commandCopied(const QString &tool, const QString &commandLine);

private:
    QAction *addCallback(const QString &name, const QString &text, QObject *context,
                         std::function<void()> run);

    QAction *m_copyReference;
    QAction *m_copyDigest;
    QMenu *m_commandMenu = nullptr;
    bool m_hasWriteSection = false;
};

} // namespace ocular
