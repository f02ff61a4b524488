#pragma once

#include <QByteArray>
#include <QDateTime>

namespace ocular {

/// When and how long to wait before repeating an idempotent request.
struct RetryPolicy
{
    int maxAttempts = 4;         ///< first try included
    int baseDelayMs = 200;       ///< doubled each retry, with ±50% jitter
    int maxDelayMs = 8000;       ///< cap for computed backoff
    int maxRetryAfterMs = 60000; ///< a Retry-After longer than this is not waited for

    /// Delay before attempt number `attempt` (2 = first retry).
    int backoffMs(int attempt) const;
    /// Parses Retry-After (delta seconds or HTTP date); -1 when absent or invalid.
    static int retryAfterMs(const QByteArray &value, const QDateTime &now);
    /// Whether an HTTP status is worth retrying for an idempotent request.
    static bool isRetryableStatus(int status);
};

} // namespace ocular
