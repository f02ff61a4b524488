#include "tokencache.h"

namespace ocular {

namespace {
QString keyFor(const QString &origin, const QString &scope)
{
    return origin + QLatin1Char('\n') + scope;
}
} // namespace

void TokenCache::insert(const QString &origin, const QString &scope, const QString &token,
                        int expiresInSeconds, const QDateTime &now)
{
    const int lifetime = expiresInSeconds > 0 ? expiresInSeconds : 60;
    // Short-lived tokens still get used at least once.
    const int margin = qMin(RenewMarginSeconds, lifetime / 2);
    m_entries.insert(keyFor(origin, scope), Entry{token, now.addSecs(lifetime - margin)});
}

QString TokenCache::lookup(const QString &origin, const QString &scope, const QDateTime &now) const
{
    const auto it = m_entries.constFind(keyFor(origin, scope));
    if (it == m_entries.constEnd() || it->expires <= now)
        return {};
    return it->token;
}

void TokenCache::clear(const QString &origin)
{
    const QString prefix = origin + QLatin1Char('\n');
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (it.key().startsWith(prefix))
            it = m_entries.erase(it);
        else
            ++it;
    }
}

} // namespace ocular
