#pragma once

#include "base/error.h"
#include "write/deletionplan.h"
#include "write/fallbackindexwriter.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace ocular {

/// What executing a DeletionPlan did, item by item.
struct DeletionOutcome
{
    enum class Status
    {
        Completed, ///< every manifest of the plan is deleted and every fallback edit made
        Refused,   ///< the plan itself is refused (an index would break): nothing was sent
        Stale,     ///< the registry no longer matches the plan's facts: nothing was deleted
        Stopped,   ///< a delete or fallback edit failed: `error` says why, items what was done
    };

    /// One manifest of the plan.
    struct ItemResult
    {
        enum class State
        {
            Deleted,
            AlreadyGone, ///< the registry answered 404: someone deleted it meanwhile
            Failed,
            NotAttempted, ///< the run stopped (or was refused) before it
        };
        Digest digest;
        QStringList tags; ///< the tags that went with it
        State state = State::NotAttempted;
        QString message;
    };

    /// One edit of a fallback index after a delete.
    struct FallbackResult
    {
        DeletionPlan::FallbackEdit edit;
        bool ok = false;
        FallbackIndexChange change;
        QString message;
        /// The index the write replaced was deleted too (it named a deleted manifest).
        bool replacedIndexDeleted = false;
        QString replacedIndexMessage; ///< why it was kept, when it was
    };

    /// A tag that names something else now than the plan says (invalid digest: no such tag).
    struct ChangedFact
    {
        QString tag;
        Digest planned;
        Digest now;
    };

    Status status = Status::Stopped;
    QList<ItemResult> items;
    QList<FallbackResult> fallback;
    QList<ChangedFact> changedFacts;
    std::optional<Error> error; ///< what stopped the run (Stopped), in the registry's words
    /// Set once anything was deleted: registries free storage only when garbage is collected.
    QString storageNote;

    int deletedCount() const;
    /// One paragraph for a person: what was done and what was not.
    QString toText() const;
    QJsonObject toJson() const;
    static QString stateName(ItemResult::State state);
};

} // namespace ocular
