#include "cleanup/cleanupcandidate.h"

namespace ocular {

QString cleanupClassName(CleanupClass kind)
{
    switch (kind) {
    case CleanupClass::ChildOfTaggedIndex:
        return QStringLiteral("child of tagged index");
    case CleanupClass::ReferrerOfLiveSubject:
        return QStringLiteral("referrer of live subject");
    case CleanupClass::OrphanedReferrer:
        return QStringLiteral("orphaned referrer");
    case CleanupClass::ReplacedFallbackIndex:
        return QStringLiteral("replaced fallback index");
    case CleanupClass::DanglingImage:
        return QStringLiteral("dangling image");
    case CleanupClass::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

bool cleanupClassInUse(CleanupClass kind)
{
    return kind == CleanupClass::ChildOfTaggedIndex || kind == CleanupClass::ReferrerOfLiveSubject;
}

} // namespace ocular
