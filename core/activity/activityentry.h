#pragma once

#include "base/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace ocular {

/// One change Ocular made to a registry, as the activity log keeps it: when, what, where, and
/// the facts that identify it (digests, tags). Never credentials: nothing here comes from a
/// request, only from the outcome the caller describes.
struct ActivityEntry
{
    QDateTime time; ///< UTC
    QString action; ///< "push", "attach", "tag", "copy", "delete", "untag"
    QString registry;
    QString repository;
    QString reference; ///< what the user named (tag or digest), as given
    QString digest;    ///< the manifest the action produced or removed
    QString summary;   ///< one line for a person
    QJsonObject details;

    /// The entry stamped now, for `action` on `registry`/`repository`.
    static ActivityEntry now(const QString &action, const QString &registry,
                             const QString &repository);

    QJsonObject toJson() const;
    /// Refuses a line that is not an object with a time and an action.
    static Result<ActivityEntry> fromJson(const QJsonObject &object);
};

} // namespace ocular
