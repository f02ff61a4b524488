#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <vector>

namespace ocular {

/// Measures how late the thread's event loop runs: a precise timer asks to fire every
/// `intervalMs`; whatever it fires later than that is time the loop spent blocked (a stall).
/// Start it on the GUI thread; report() gives p50, p99 and the maximum. Uses only QtCore, so
/// tests and the benchmark can run it as well.
class EventLoopStallProbe : public QObject
{
    Q_OBJECT
public:
    /// The lateness of one tick, in milliseconds, and summaries of all ticks.
    struct Summary
    {
        qint64 samples = 0;
        double seconds = 0;
        double p50Ms = 0;
        double p99Ms = 0;
        double maxMs = 0;
        qint64 over50Ms = 0; ///< ticks a user would notice as a hitch
    };

    explicit EventLoopStallProbe(int intervalMs = 5, QObject *parent = nullptr);

    void start();
    void stop();
    /// Forgets what was measured (e.g. after start-up) and keeps running.
    void reset();
    bool isRunning() const { return m_timer.isActive(); }

    Summary summary() const;
    double maxStallMs() const;
    /// "GUI thread stalls: 1234 ticks over 6.2 s; p50 0.1 ms, p99 3.4 ms, max 12.0 ms, 0 over 50
    /// ms"
    QString report(const QString &what = QStringLiteral("GUI thread")) const;

    /// True when `--stall-report` is among the arguments or OCULAR_STALL_REPORT is set to a
    /// non-empty value other than 0.
    static bool requested(const QStringList &arguments);

private:
    void tick();

    int m_intervalMs;
    QTimer m_timer;
    QElapsedTimer m_clock;
    QElapsedTimer m_since;
    qint64 m_lastNs = 0;
    std::vector<float> m_latenessMs;
    double m_maxMs = 0;
};

} // namespace ocular
