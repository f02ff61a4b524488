#pragma once

#include "cleanup/cleanupcandidate.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace ocular {

/// What one cleanup run did, item by item: the JSON and CSV reports `gc --report` and the
/// Cleanup panel save.
struct CleanupRunReport
{
    /// One selected candidate.
    struct Item
    {
        enum class State
        {
            Deleted,
            AlreadyGone,  ///< the registry answered 404: someone deleted it meanwhile
            Skipped,      ///< checked again before its delete and found in use (or unsafe)
            Failed,       ///< the registry refused or failed the delete
            NotAttempted, ///< cancelled, or the run stopped before it
        };
        Digest digest;
        CleanupClass kind = CleanupClass::Unknown;
        qint64 reclaimable = -1;
        State state = State::NotAttempted;
        QString reason; ///< why skipped or failed; for deleted items, what else changed
    };

    QString repository;
    QList<Item> items;
    /// The OCI layout every selected manifest was copied to before any delete (empty: none).
    QString backupDirectory;
    int backedUp = 0;
    bool cancelled = false;
    QStringList notes;   ///< what the run noticed besides the items
    QString storageNote; ///< set once anything was deleted (storage is freed by GC only)

    int count(Item::State state) const;
    /// Reclaimable bytes of the deleted items (as discovery computed them).
    qint64 deletedBytes() const;
    static QString stateName(Item::State state);

    QJsonObject toJson() const;
    /// digest,class,state,reclaimable,reason; RFC 4180 quoting.
    QByteArray toCsv() const;
    /// One paragraph for a person.
    QString toText() const;
};

} // namespace ocular
