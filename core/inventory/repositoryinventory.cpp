#include "repositoryinventory.h"

#include "content/manifest.h"

#include <algorithm>

namespace ocular {

InventoryManifest InventoryManifest::of(const Manifest &manifest)
{
    InventoryManifest m;
    m.digest = manifest.digest();
    m.mediaType = manifest.mediaType();
    m.size = manifest.raw().size();
    m.artifactType = manifest.effectiveArtifactType();
    m.annotations = manifest.annotations();
    m.isIndex = manifest.isIndex();
    if (manifest.subject())
        m.subject = manifest.subject()->digest;
    if (manifest.config()) {
        m.config = manifest.config()->digest;
        m.blobSizes.insert(m.config, manifest.config()->size);
    }
    for (const Descriptor &layer : manifest.layers()) {
        m.layers.append(layer.digest);
        m.blobSizes.insert(layer.digest, layer.size);
    }
    return m;
}

void RepositoryInventory::addEdge(const InventoryEdge &edge)
{
    if (!edges.contains(edge))
        edges.append(edge);
}

QList<InventoryEdge> RepositoryInventory::edgesTo(const Digest &digest) const
{
    QList<InventoryEdge> out;
    for (const InventoryEdge &e : edges) {
        if (e.to == digest)
            out.append(e);
    }
    return out;
}

QList<InventoryEdge> RepositoryInventory::edgesFrom(const Digest &digest) const
{
    QList<InventoryEdge> out;
    for (const InventoryEdge &e : edges) {
        if (e.from == digest)
            out.append(e);
    }
    return out;
}

QStringList RepositoryInventory::tagsOf(const Digest &digest) const
{
    QStringList out;
    for (auto it = tags.begin(); it != tags.end(); ++it) {
        if (it.value() == digest)
            out.append(it.key());
    }
    return out; // QMap iterates in key order: already sorted
}

QList<Digest> RepositoryInventory::indexesContaining(const Digest &digest) const
{
    QList<Digest> out;
    for (const InventoryEdge &e : edges) {
        if (e.kind == InventoryEdgeKind::IndexChild && e.to == digest && !out.contains(e.from))
            out.append(e.from);
    }
    return out;
}

QList<Digest> RepositoryInventory::childrenOf(const Digest &digest) const
{
    QList<Digest> out;
    for (const InventoryEdge &e : edges) {
        if (e.kind == InventoryEdgeKind::IndexChild && e.from == digest && !out.contains(e.to))
            out.append(e.to);
    }
    return out;
}

QList<InventoryEdge> RepositoryInventory::referrersOf(const Digest &digest) const
{
    QList<InventoryEdge> out;
    for (const InventoryEdge &e : edges) {
        if (e.isReferrer() && e.from == digest)
            out.append(e);
    }
    return out;
}

QSet<Digest> RepositoryInventory::reachableFromTags(bool followReferrers) const
{
    QHash<Digest, QList<Digest>> next;
    for (const InventoryEdge &e : edges) {
        if (e.kind == InventoryEdgeKind::IndexChild || followReferrers)
            next[e.from].append(e.to);
    }
    QSet<Digest> reached;
    QList<Digest> pending;
    for (const Digest &d : tags) {
        if (!reached.contains(d)) {
            reached.insert(d);
            pending.append(d);
        }
    }
    while (!pending.isEmpty()) {
        const Digest d = pending.takeLast();
        for (const Digest &n : next.value(d)) {
            if (!reached.contains(n)) {
                reached.insert(n);
                pending.append(n);
            }
        }
    }
    return reached;
}

QList<Digest> RepositoryInventory::unreachable(bool followReferrers) const
{
    const QSet<Digest> reached = reachableFromTags(followReferrers);
    QList<Digest> out;
    for (auto it = manifests.begin(); it != manifests.end(); ++it) {
        if (!reached.contains(it.key()))
            out.append(it.key());
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace ocular
