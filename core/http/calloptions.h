#pragma once

#include <QtGlobal>

#include <optional>

namespace ocular {

/// Which request an origin's scheduler starts first when its slots are busy. Authentication
/// (token requests) has its own lane and never waits behind any of these.
enum class RequestPriority : quint8
{
    Interactive, ///< the user is waiting on this answer (a manifest click)
    Navigation,  ///< listings and pages the user is moving through
    Background,  ///< audits, scans, prefetches: many requests, nobody waits on one
    Bulk,        ///< large transfers (blob downloads and uploads)
};

/// Per-call choices for RegistryClient operations; unset members keep the call's default.
struct CallOptions
{
    std::optional<RequestPriority> priority;
    /// Cap for the response body (-1: the call's default cap).
    qint64 maxBytes = -1;
    /// A transfer that may take long: started after small requests of the same priority and
    /// never allowed to take every slot of an origin.
    std::optional<bool> largeTransfer;

    RequestPriority priorityOr(RequestPriority fallback) const
    {
        return priority.value_or(fallback);
    }
    qint64 maxBytesOr(qint64 fallback) const { return maxBytes >= 0 ? maxBytes : fallback; }
};

} // namespace ocular
