#include "transfermeter.h"

namespace ocular {

TransferMeter::TransferMeter(qint64 total)
    : m_total(total)
{
    m_clock.start();
}

TransferProgress TransferMeter::sample(qint64 done)
{
    const qint64 now = m_clock.elapsed();
    const qint64 elapsed = now - m_lastMs;
    // Samples closer than 200 ms apart only update the byte count: rates over tiny windows
    // are noise.
    if (elapsed >= 200) {
        const double instant = double(qMax<qint64>(0, done - m_lastBytes)) * 1000.0 / elapsed;
        m_rate = m_rate == 0 ? instant : 0.7 * m_rate + 0.3 * instant;
        m_lastMs = now;
        m_lastBytes = done;
    }
    TransferProgress progress;
    progress.bytesDone = done;
    progress.bytesTotal = m_total;
    progress.bytesPerSecond = m_rate;
    if (m_rate > 0 && m_total >= done)
        progress.secondsLeft = qint64((m_total - done) / m_rate);
    return progress;
}

} // namespace ocular
