#pragma once

#include "reference/digest.h"

#include <QHashFunctions>
#include <QString>

namespace ocular {

/// How one manifest points at another in a repository. Containment (an index's children) and
/// attachment (referrers from every source) are different kinds and are never mixed: a delete
/// plan asks "which indexes contain it", an audit asks "what is attached to it".
enum class InventoryEdgeKind
{
    IndexChild,          ///< `from` is an index, `to` one of its entries
    ReferrerApi,         ///< `to` refers to `from`, says the referrers API
    FallbackTag,         ///< `to` refers to `from`, says the fallback tag `sha256-<hex>`
    CosignTag,           ///< `to` is tagged `sha256-<hex of from>.sig/.att/.sbom`
    BuildKitAttestation, ///< `to` is an attestation entry for image `from` inside an index
};

inline size_t qHash(InventoryEdgeKind kind, size_t seed = 0) noexcept
{
    return ::qHash(int(kind), seed);
}

/// One typed edge. For the referrer kinds, `from` is the subject and `to` the referrer.
struct InventoryEdge
{
    Digest from;
    Digest to;
    InventoryEdgeKind kind = InventoryEdgeKind::IndexChild;
    QString tag; ///< the fallback or cosign tag the edge was read from
    /// Referrer kinds: the referrer's own manifest names `from` as its subject (PROTOCOL §8:
    /// only then is it really a referrer). Always true for IndexChild and BuildKitAttestation.
    bool subjectConfirmed = true;

    bool isReferrer() const { return kind != InventoryEdgeKind::IndexChild; }
    friend bool operator==(const InventoryEdge &, const InventoryEdge &) = default;
};

/// "index child", "referrers API", ... for logs and the CLI.
QString inventoryEdgeKindName(InventoryEdgeKind kind);

} // namespace ocular
