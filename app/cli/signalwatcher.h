#pragma once

#include <QObject>

class QSocketNotifier;

namespace ocular {

/// Turns SIGINT and SIGTERM into a Qt signal (self-pipe: the handler only writes one byte),
/// so `serve-demo` can stop its registry cleanly on Ctrl+C.
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

    bool isValid() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void interrupted(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace ocular
