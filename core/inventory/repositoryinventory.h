#pragma once

#include "base/error.h"
#include "inventory/inventoryedge.h"
#include "source/sourcetypes.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QStringList>
#include <optional>

namespace ocular {

class Manifest;

/// What the inventory knows about one manifest it read.
struct InventoryManifest
{
    Digest digest;
    QString mediaType;
    qint64 size = 0;
    QString artifactType; ///< effective artifact type (artifactType or config type)
    std::optional<Digest> subject;
    QMap<QString, QString> annotations;
    bool isIndex = false;
    /// The blobs it uses, for a blob delete's check: its config (invalid when it has none) and
    /// layers. An index has neither: its entries are manifests, not blobs.
    Digest config;
    QList<Digest> layers;
    /// Config and layer sizes as the descriptors claim them (what cleanup says a delete frees).
    QHash<Digest, qint64> blobSizes;

    /// What the inventory keeps of a parsed manifest.
    static InventoryManifest of(const Manifest &manifest);
};

/// A manifest or tag the inventory could not read, and why.
struct InventoryProblem
{
    Digest digest; ///< invalid when only a tag is known
    QString tag;
    ErrorKind kind = ErrorKind::Server;
    QString message;
};

/// Everything one repository holds as far as a ContentSource can tell, read once: tags and the
/// digests they name, the manifests reached from them, and typed edges between manifests.
/// Audit, delete previews and cleanup are pure functions over this value.
class RepositoryInventory
{
public:
    QString repository;
    QMap<QString, Digest> tags;
    QHash<Digest, InventoryManifest> manifests;
    QList<InventoryEdge> edges;
    QList<InventoryProblem> unreadable;
    bool tagsTruncated = false;
    /// What the referrers API said for this repository (Unknown when never asked).
    ReferrersAnswer::Kind referrersApi = ReferrersAnswer::Kind::Unknown;

    /// Adds an edge unless the same one is there already.
    void addEdge(const InventoryEdge &edge);

    /// Every edge that points at `digest` (its indexes and its subjects' view of it).
    QList<InventoryEdge> edgesTo(const Digest &digest) const;
    QList<InventoryEdge> edgesFrom(const Digest &digest) const;
    /// The tags that name `digest`, sorted.
    QStringList tagsOf(const Digest &digest) const;
    /// Indexes with `digest` among their entries (containment only).
    QList<Digest> indexesContaining(const Digest &digest) const;
    /// Entries of the index `digest` (containment only).
    QList<Digest> childrenOf(const Digest &digest) const;
    /// Attachments of `digest` from every referrer source (never index children).
    QList<InventoryEdge> referrersOf(const Digest &digest) const;
    /// Everything reachable from the tags: tagged manifests, index children (recursively) and,
    /// when `followReferrers`, referrers of reached manifests and their children. Cycle-safe.
    QSet<Digest> reachableFromTags(bool followReferrers = true) const;
    /// Manifests the inventory read that no tag reaches (the cleanup candidates it knows).
    QList<Digest> unreachable(bool followReferrers = true) const;
};

} // namespace ocular
