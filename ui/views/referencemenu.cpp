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
