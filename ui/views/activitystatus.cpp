#include "activitystatus.h"
#include "views/problemcolour.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace ocular {

ActivityStatus::ActivityStatus(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_busy);
    layout->addWidget(m_cancel);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setMaximumHeight(14);
    m_busy->setTextVisible(false);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Cancel what is loading (Esc)"));
    m_cancel->setAutoRaise(true);
    connect(m_cancel, &QToolButton::clicked, this, &ActivityStatus::cancelRequested);
    update();
}

void ActivityStatus::setActivity(QObject *source, const QString &text)
{
    m_order.removeAll(source);
    if (text.isEmpty()) {
        m_active.remove(source);
    } else {
        if (!m_tracked.contains(source)) {
            m_tracked.insert(source);
            connect(source, &QObject::destroyed, this, [this, source] {
                m_tracked.remove(source);
                m_active.remove(source);
                m_order.removeAll(source);
                update();
            });
        }
        m_active.insert(source, text);
        m_order.append(source);
    }
    update();
}

void ActivityStatus::showProblem(const QString &text)
{
    m_showingActivity = false;
    m_label->setStyleSheet(problemcolour::styleSheet());
    m_label->setText(text);
    m_label->setToolTip(text);
}

void ActivityStatus::showInfo(const QString &text)
{
    m_showingActivity = false;
    m_label->setStyleSheet(QString());
    m_label->setText(text);
    m_label->setToolTip(text);
}

QString ActivityStatus::text() const
{
    return m_label->text();
}

void ActivityStatus::update()
{
    const bool busy = !m_active.isEmpty();
    m_busy->setVisible(busy);
    m_cancel->setVisible(busy);
    if (busy) {
        m_showingActivity = true;
        m_label->setStyleSheet(QString());
        m_label->setText(m_active.value(m_order.last()));
    } else if (m_showingActivity || m_label->text().isEmpty()) {
        // A message ("Cancelled.", "Exported …", a problem) stays until the next activity.
        m_showingActivity = false;
        m_label->setText(tr("Ready"));
    }
}

} // namespace ocular
