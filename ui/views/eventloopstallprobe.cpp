#include "eventloopstallprobe.h"

#include <QStringList>
#include <algorithm>

namespace ocular {

namespace {

// A day of ticks at 5 ms would be 17 million floats; keep the first hour's worth (a bounded
// 3 MB) and still track the maximum afterwards.
constexpr size_t kMaxSamples = 720000;

double percentile(std::vector<float> sorted, double p)
{
    if (sorted.empty())
        return 0;
    const size_t at = std::min(sorted.size() - 1, size_t(p * double(sorted.size() - 1) + 0.5));
    std::nth_element(sorted.begin(), sorted.begin() + qsizetype(at), sorted.end());
    return sorted[at];
}

} // namespace

EventLoopStallProbe::EventLoopStallProbe(int intervalMs, QObject *parent)
    : QObject(parent)
    , m_intervalMs(qMax(1, intervalMs))
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(m_intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &EventLoopStallProbe::tick);
}

void EventLoopStallProbe::start()
{
    if (m_timer.isActive())
        return;
    m_clock.start();
    if (!m_since.isValid())
        m_since.start();
    m_lastNs = 0;
    m_timer.start();
}

void EventLoopStallProbe::stop()
{
    m_timer.stop();
}

void EventLoopStallProbe::reset()
{
    m_latenessMs.clear();
    m_maxMs = 0;
    m_since.start();
    if (m_clock.isValid())
        m_lastNs = m_clock.nsecsElapsed();
}

void EventLoopStallProbe::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const double gapMs = double(now - m_lastNs) / 1e6;
    m_lastNs = now;
    const double late = qMax(0.0, gapMs - double(m_intervalMs));
    m_maxMs = qMax(m_maxMs, late);
    if (m_latenessMs.size() < kMaxSamples)
        m_latenessMs.push_back(float(late));
}

EventLoopStallProbe::Summary EventLoopStallProbe::summary() const
{
    Summary s;
    s.samples = qint64(m_latenessMs.size());
    s.seconds = m_since.isValid() ? double(m_since.elapsed()) / 1000.0 : 0;
    s.p50Ms = percentile(m_latenessMs, 0.50);
    s.p99Ms = percentile(m_latenessMs, 0.99);
    s.maxMs = m_maxMs;
    s.over50Ms = qint64(std::count_if(m_latenessMs.begin(), m_latenessMs.end(),
                                      [](float ms) { return ms > 50.0f; }));
    return s;
}

double EventLoopStallProbe::maxStallMs() const
{
    return m_maxMs;
}

QString EventLoopStallProbe::report(const QString &what) const
{
    const Summary s = summary();
    return QStringLiteral("%1 stalls: %2 ticks over %3 s; p50 %4 ms, p99 %5 ms, max %6 ms, %7 "
                          "over 50 ms")
        .arg(what)
        .arg(s.samples)
        .arg(s.seconds, 0, 'f', 1)
        .arg(s.p50Ms, 0, 'f', 1)
        .arg(s.p99Ms, 0, 'f', 1)
        .arg(s.maxMs, 0, 'f', 1)
        .arg(s.over50Ms);
}

bool EventLoopStallProbe::requested(const QStringList &arguments)
{
    if (arguments.contains(QStringLiteral("--stall-report")))
        return true;
    const QByteArray env = qgetenv("OCULAR_STALL_REPORT");
    return !env.isEmpty() && env != "0";
}

} // namespace ocular
