#include "referencemenu.h"

#include <QApplication>
#include <QClipboard>

namespace ocular {

ReferenceMenu::ReferenceMenu(const QString &reference, const QString &digestReference,
                             QWidget *parent)
    : QMenu(parent)
    , m_copyReference(addAction(tr("Copy &Reference")))
    , m_copyDigest(addAction(tr("Copy &Digest Reference")))
{
    m_copyReference->setObjectName(QStringLiteral("copyReference"));
    m_copyDigest->setObjectName(QStringLiteral("copyDigest"));
    const auto wire = [this](QAction *action, const QString &text) {
        action->setEnabled(!text.isEmpty());
        action->setToolTip(text);
        connect(action, &QAction::triggered, this, [this, text] {
            QApplication::clipboard()->setText(text);
            Q_EMIT copied(text);
        });
    };
    wire(m_copyReference, reference);
    wire(m_copyDigest, digestReference);
    addSeparator();
}

QAction *ReferenceMenu::addCallback(const QString &name, const QString &text, QObject *context,
                                    std::function<void()> run)
{
    QAction *action = addAction(text);
    action->setObjectName(name);
    connect(action, &QAction::triggered, context, [run = std::move(run)] { run(); });
    return action;
}

QAction *ReferenceMenu::addOpenInNewWindow(QObject *context, std::function<void()> open)
{
    return addCallback(QStringLiteral("openInNewWindow"), tr("Open in New &Window"), context,
                       std::move(open));
}

QAction *ReferenceMenu::addRefresh(QObject *context, std::function<void()> refresh)
{
    return addCallback(QStringLiteral("refresh"), tr("Re&fresh"), context, std::move(refresh));
}

QAction *ReferenceMenu::addWriteAction(const QString &name, const QString &text, QObject *context,
                                       std::function<void()> run)
{
    if (!m_hasWriteSection) {
        addSection(tr("Write"));
        m_hasWriteSection = true;
    }
    return addCallback(name, text, context, std::move(run));
}

QMenu *ReferenceMenu::addCopyAsCommand(const QString &key, const QString &title,
                                       const Result<QList<EquivalentCommand>> &commands)
{
    if (!m_commandMenu) {
        // Next to the other copy actions: it is one more way to take the selection elsewhere.
        m_commandMenu = new QMenu(tr("Copy as Co&mmand"), this);
        m_commandMenu->setObjectName(QStringLiteral("copyAsCommand"));
        m_commandMenu->setToolTipsVisible(true);
        QAction *after = actions().value(actions().indexOf(m_copyDigest) + 1);
        insertMenu(after, m_commandMenu);
    }
    m_commandMenu->addSection(title);
    if (!commands) {
        QAction *why = m_commandMenu->addAction(tr("No command: %1").arg(commands.error().message));
        why->setObjectName(key + QStringLiteral("/none"));
        why->setEnabled(false);
        return m_commandMenu;
    }
    for (const EquivalentCommand &command : *commands) {
        QAction *action = m_commandMenu->addAction(command.tool);
        action->setObjectName(key + QLatin1Char('/') + command.tool);
        // The whole line as tooltip: what will be pasted is visible before it is copied.
        action->setToolTip(command.commandLine + QStringLiteral("\n\n") + command.purpose);
        action->setStatusTip(command.purpose);
        connect(action, &QAction::triggered, this, [this, command] {
            QApplication::clipboard()->setText(command.commandLine);
            Q_EMIT commandCopied(command.tool, command.commandLine);
        });
    }
    return m_commandMenu;
}

QAction *ReferenceMenu::namedAction(const QString &name) const
{
    const QList<QAction *> all = actions();
    for (QAction *action : all) {
        if (action->objectName() == name)
            return action;
    }
    return nullptr;
}

} // namespace ocular
