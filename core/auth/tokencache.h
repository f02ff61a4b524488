#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

namespace ocular {

/// Bearer tokens per (origin, scope), reused until shortly before they expire.
class TokenCache
{
public:
    /// Tokens are dropped this long before their stated expiry (renewed early).
    static constexpr int RenewMarginSeconds = 10;

    void insert(const QString &origin, const QString &scope, const QString &token,
                int expiresInSeconds, const QDateTime &now = QDateTime::currentDateTimeUtc());
    /// Empty when absent or about to expire.
    QString lookup(const QString &origin, const QString &scope,
                   const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    void clear(const QString &origin);

private:
    struct Entry
    {
        QString token;
        QDateTime expires;
    };
    QHash<QString, Entry> m_entries;
};

} // namespace ocular
