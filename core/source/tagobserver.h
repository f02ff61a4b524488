#pragma once

#include "reference/digest.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace ocular {

/// One sighting of a tag naming a digest, as a source saw it.
struct TagObservation
{
    QString registry; ///< host[:port], as RegistryEndpoint names it
    QString repository;
    QString tag;
    Digest digest;
    QDateTime seen; ///< invalid: the observer stamps it when it receives the sighting
};

/// Told of every tag → digest a source resolves, so that a history outlives the session
/// (TagHistoryStore). Called on the source's thread in the middle of its callbacks: an
/// implementation only queues and never blocks, and it must be safe to call from any thread.
class TagObserver
{
public:
    virtual ~TagObserver() = default;
    virtual void observe(const QList<TagObservation> &observations) = 0;
};

} // namespace ocular
