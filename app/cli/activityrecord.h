#pragma once

#include "activity/activityentry.h"

namespace ocular::activityrecord {

/// Appends `entry` to the activity log the GUI shares; a log that cannot be written is said on
/// stderr and changes nothing else (the registry change already happened).
void record(const ActivityEntry &entry);

} // namespace ocular::activityrecord
