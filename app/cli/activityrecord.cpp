#include "activityrecord.h"

#include "activity/activitylog.h"
#include "clioutput.h"

namespace ocular::activityrecord {

void record(const ActivityEntry &entry)
{
    const ActivityLog log;
    const auto written = log.append(entry);
    if (!written)
        clioutput::err(QStringLiteral("%1: warning: %2")
                           .arg(QLatin1String(clioutput::Program), written.error().message));
}

} // namespace ocular::activityrecord
