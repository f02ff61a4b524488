#include "windowlayout.h"

#include <QMainWindow>
#include <QSettings>
#include <QSplitter>

namespace ocular {

WindowLayout::WindowLayout(QMainWindow *window, QWidget *leftTop, QWidget *leftBottom,
                           QWidget *right)
    : QObject(window)
    , m_window(window)
    , m_mainSplitter(new QSplitter(Qt::Horizontal, window))
    , m_leftSplitter(new QSplitter(Qt::Vertical, window))
{
    m_leftSplitter->addWidget(leftTop);
    m_leftSplitter->addWidget(leftBottom);
    m_leftSplitter->setStretchFactor(0, 0);
    m_leftSplitter->setStretchFactor(1, 1);
    m_leftSplitter->setSizes({80, 700});
    m_leftSplitter->setContentsMargins(4, 4, 0, 0);
    // The left pane may shrink to a usable minimum; the inspector takes what is left.
    m_leftSplitter->setMinimumWidth(200);
    right->setMinimumWidth(300);
    m_mainSplitter->addWidget(m_leftSplitter);
    m_mainSplitter->addWidget(right);
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setChildrenCollapsible(false);
    window->setCentralWidget(m_mainSplitter);
}

void WindowLayout::restore()
{
    QSettings settings;
    if (!m_window->restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        m_window->resize(1300, 850);
    m_restored = m_mainSplitter->restoreState(
        settings.value(QStringLiteral("window/mainSplitter")).toByteArray());
    m_leftSplitter->restoreState(
        settings.value(QStringLiteral("window/leftSplitter")).toByteArray());
}

void WindowLayout::save() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), m_window->saveGeometry());
    settings.setValue(QStringLiteral("window/mainSplitter"), m_mainSplitter->saveState());
    settings.setValue(QStringLiteral("window/leftSplitter"), m_leftSplitter->saveState());
}

void WindowLayout::shown()
{
    if (!m_restored) {
        m_restored = true;
        fitSplitters();
    }
}

void WindowLayout::resized()
{
    // Shrinking the window takes from the tree first once it holds more than its share.
    const QList<int> sizes = m_mainSplitter->sizes();
    const int total = m_mainSplitter->width();
    if (m_restored && sizes.size() == 2 && total > 0 && sizes.at(0) > total / 2)
        fitSplitters();
}

void WindowLayout::fitSplitters()
{
    // About 40 % for the tree, at most 560 px: at 900 px the inspector keeps ~540 px.
    const int total = m_mainSplitter->width();
    if (total <= 0)
        return;
    const int left = qBound(m_leftSplitter->minimumWidth(), total * 2 / 5, 560);
    m_mainSplitter->setSizes({left, total - left});
}

} // namespace ocular
