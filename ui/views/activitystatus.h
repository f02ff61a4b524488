#pragma once

#include <QHash>
#include <QSet>
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace ocular {

/// The status bar's right side: what is loading, a busy indicator and a Cancel button.
/// Several sources (panels) can be busy at once; the latest message is shown.
class ActivityStatus : public QWidget
{
    Q_OBJECT
public:
    explicit ActivityStatus(QWidget *parent = nullptr);

    /// `text` empty: that source is idle.
    void setActivity(QObject *source, const QString &text);
    /// A plain sentence that stays until the next activity.
    void showProblem(const QString &text);
    void showInfo(const QString &text);
    bool isBusy() const { return !m_active.isEmpty(); }
    /// Busy with something other than `source` (e.g. not counting the demo seeding).
    bool isBusyApartFrom(const QObject *source) const
    {
        return m_active.size() > (m_active.contains(const_cast<QObject *>(source)) ? 1 : 0);
    }
    QString text() const;

Q_SIGNALS:
    void cancelRequested();

private:
    void update();

    QHash<QObject *, QString> m_active;
    QList<QObject *> m_order;
    QSet<QObject *> m_tracked;
    QLabel *m_label;
    QProgressBar *m_busy;
    QToolButton *m_cancel;
    bool m_showingActivity = false; ///< the label holds an activity, not a message
};

} // namespace ocular
