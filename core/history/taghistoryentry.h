#pragma once

#include "reference/digest.h"

#include <QDateTime>
#include <QString>

namespace ocular {

/// What the tag history knows about one tag having named one digest.
struct TagHistoryEntry
{
    QString registry;
    QString repository;
    QString tag;
    Digest digest;
    QDateTime firstSeen; ///< UTC
    QDateTime lastSeen;  ///< UTC
    /// The digest the tag named when it was last seen (the newest sighting of the tag). A tag
    /// deleted since then still shows its last digest as current: only a sighting moves it.
    bool current = false;
};

} // namespace ocular
