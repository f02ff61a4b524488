#include "inventoryedge.h"

namespace ocular {

QString inventoryEdgeKindName(InventoryEdgeKind kind)
{
    switch (kind) {
    case InventoryEdgeKind::IndexChild:
        return QStringLiteral("index child");
    case InventoryEdgeKind::ReferrerApi:
        return QStringLiteral("referrers API");
    case InventoryEdgeKind::FallbackTag:
        return QStringLiteral("fallback tag");
    case InventoryEdgeKind::CosignTag:
        return QStringLiteral("cosign tag");
    case InventoryEdgeKind::BuildKitAttestation:
        return QStringLiteral("BuildKit attestation");
    }
    return QStringLiteral("edge");
}

} // namespace ocular
