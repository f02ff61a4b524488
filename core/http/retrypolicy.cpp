#include "retrypolicy.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QTimeZone>

namespace ocular {

int RetryPolicy::backoffMs(int attempt) const
{
    const int exponent = qBound(0, attempt - 2, 16);
    const qint64 nominal = qMin<qint64>(qint64(baseDelayMs) << exponent, maxDelayMs);
    // Full ±50% jitter so that many clients retrying at once spread out.
    const double factor = 0.5 + QRandomGenerator::global()->generateDouble();
    return int(qMin<qint64>(qint64(nominal * factor), maxDelayMs));
}

int RetryPolicy::retryAfterMs(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return -1;
    bool isNumber = false;
    const qlonglong seconds = trimmed.toLongLong(&isNumber);
    if (isNumber)
        return seconds < 0 ? -1 : int(qMin<qlonglong>(seconds, 24 * 3600) * 1000);
    // HTTP-date (IMF-fixdate), e.g. "Wed, 21 Oct 2015 07:28:00 GMT".
    QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(trimmed),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return -1;
    when.setTimeZone(QTimeZone::utc());
    const qint64 delta = now.msecsTo(when);
    return int(qBound<qint64>(0, delta, 24LL * 3600 * 1000));
}

bool RetryPolicy::isRetryableStatus(int status)
{
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

} // namespace ocular
