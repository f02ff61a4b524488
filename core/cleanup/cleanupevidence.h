#pragma once

#include "cleanup/distributionstoragelisting.h"
#include "history/taghistoryentry.h"
#include "inventory/inventoryedge.h"
#include "inventory/repositoryinventory.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <optional>

namespace ocular {

/// What cleanup knows besides the repository's inventory: the tag history, the registry's
/// storage (when given), and the manifests read because only those named them.
struct CleanupEvidence
{
    QList<TagHistoryEntry> history;
    std::optional<DistributionStorageListing> storage;
    /// Manifests read besides the inventory's, and the edges they add (an index's entries).
    QHash<Digest, InventoryManifest> extraManifests;
    QList<InventoryEdge> extraEdges;
    /// Digests the user imported (a list or an OCI layout), and from where.
    QList<Digest> imported;
    QString importedFrom;
    /// Named by the history or the storage, but the registry no longer has them (404).
    QSet<Digest> gone;
};

} // namespace ocular
