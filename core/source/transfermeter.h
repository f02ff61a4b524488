#pragma once

#include <QElapsedTimer>
#include <QtGlobal>

namespace ocular {

/// Where a transfer stands, for a progress bar and a "time left".
struct TransferProgress
{
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
    double bytesPerSecond = 0; ///< 0 until there is enough to measure
    qint64 secondsLeft = -1;   ///< -1 when unknown
};

/// Turns "bytes done so far" samples into a TransferProgress with a smoothed rate, so the
/// time left does not jump with every network burst.
class TransferMeter
{
public:
    explicit TransferMeter(qint64 total = 0);

    void setTotal(qint64 total) { m_total = total; }
    /// `done` bytes are done now (it may go back after a resumed upload).
    TransferProgress sample(qint64 done);

private:
    QElapsedTimer m_clock;
    qint64 m_total;
    qint64 m_lastBytes = 0;
    qint64 m_lastMs = 0;
    double m_rate = 0;
};

} // namespace ocular
