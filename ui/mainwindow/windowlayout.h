#pragma once

#include <QObject>

class QMainWindow;
class QSplitter;
class QWidget;

namespace ocular {

/// The main window's central layout: registry list over repository tree on the left, the
/// inspector on the right. Remembers window geometry and splitter positions in the settings
/// and gives the tree a fair share when nothing was remembered or the window shrinks.
class WindowLayout : public QObject
{
    Q_OBJECT
public:
    WindowLayout(QMainWindow *window, QWidget *leftTop, QWidget *leftBottom, QWidget *right);

    /// Geometry and splitters as saved, or a default size.
    void restore();
    void save() const;
    /// Call from the window's showEvent and resizeEvent.
    void shown();
    void resized();

private:
    void fitSplitters();

    QMainWindow *m_window;
    QSplitter *m_mainSplitter;
    QSplitter *m_leftSplitter;
    bool m_restored = false;
};

} // namespace ocular
