#include "scope.h"

namespace ocular {

QString Scope::toString() const
{
    const QString joined = actions.join(QLatin1Char(','));
    if (isCatalog())
        return QStringLiteral("registry:catalog:") + joined;
    return QStringLiteral("repository:") + repository.toString() + QLatin1Char(':') + joined;
}

} // namespace ocular
