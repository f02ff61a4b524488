#pragma once

#include "inventory/repositoryinventory.h"
#include "write/deletionplan.h"

namespace ocular {

/// Works out a DeletionPlan from a RepositoryInventory: a pure function, no I/O, so that what a
/// delete would do is shown (and tested) before anything is sent. Referrers are followed from
/// every source with a visited set and a depth limit (the graph may be circular); a listed
/// referrer whose own subject is another manifest is never deleted as a referrer.
class DeletionPlanner
{
public:
    static DeletionPlan plan(const RepositoryInventory &inventory, const Digest &target,
                             const DeletionOptions &options = {});
};

} // namespace ocular
