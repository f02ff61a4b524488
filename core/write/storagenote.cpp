#include "storagenote.h"

namespace ocular::storagenote {

QString afterDelete(const QString &deleted)
{
    return QStringLiteral("Registries reclaim the storage of %1 only when their garbage "
                          "collector runs (for docker-registry: "
                          "`registry garbage-collect <config.yml>`, with the registry stopped "
                          "or read-only).")
        .arg(deleted);
}

} // namespace ocular::storagenote
