#pragma once

#include "async/asynctask.h"
#include "reference/digest.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <optional>

namespace ocular {

class ContentSource;

/// What one change to a subject's fallback referrers index did (PROTOCOL §5, §6).
struct FallbackIndexChange
{
    /// How concurrent writers were guarded against.
    enum class Guard
    {
        None,     ///< nothing was written (the entry was already there, or already gone)
        IfMatch,  ///< the write carried If-Match with the ETag of the read, and was read back
        ReadBack, ///< no ETag: the write was read back to confirm the entry survived
    };
    Guard guard = Guard::None;
    QString tag;               ///< `sha256-<hex of the subject>`
    int attempts = 0;          ///< read-modify-write rounds it took
    bool conflictSeen = false; ///< a 412 or a read-back without the change forced a retry
    bool changed = false;      ///< the index was written (or its tag deleted)
    bool tagDeleted = false;   ///< the index became empty and its tag was deleted
    /// The index the tag named before the write: now untagged (offer to delete it).
    std::optional<Digest> replacedIndex;
    std::optional<Digest> writtenIndex; ///< the index the tag names now

    /// One sentence for the user ("fallback tag sha256-… updated with If-Match, 1 attempt").
    QString describe() const;
};

/// Adds entries to and removes entries from the fallback tag `sha256-<hex>` of a subject, for
/// registries without the referrers API: read (404 = empty), change, write back, confirm.
/// Concurrent writers lose each other's updates unless guarded: when the read returned an ETag,
/// the write sends If-Match and a 412 starts the round again from a fresh read; every write is
/// then read back and a missing change retried, a bounded number of rounds. Entries other
/// clients put there (valid or not) are kept as they were.
class FallbackIndexWriter : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultMaxAttempts = 8;

    explicit FallbackIndexWriter(ContentSource *source, QObject *parent = nullptr);

    void setMaxAttempts(int attempts) { m_maxAttempts = qMax(1, attempts); }

    /// Adds `entry` (a descriptor as JSON, with artifactType and annotations) to the fallback
    /// index of `subject` unless an entry with its digest is there.
    RequestHandle add(const QString &repository, const Digest &subject, const QJsonObject &entry,
                      QObject *context, async::Callback<FallbackIndexChange> done);
    /// add() of several entries in one write (a copy bringing a subject's referrers along),
    /// each unless an entry with its digest is there.
    RequestHandle addAll(const QString &repository, const Digest &subject,
                         const QList<QJsonObject> &entries, QObject *context,
                         async::Callback<FallbackIndexChange> done);
    /// Removes every entry naming `referrer` from the fallback index of `subject`; deletes the
    /// tag when nothing is left (an index with only unusable entries is kept).
    RequestHandle remove(const QString &repository, const Digest &subject, const Digest &referrer,
                         QObject *context, async::Callback<FallbackIndexChange> done);

private:
    QPointer<ContentSource> m_source;
    int m_maxAttempts = DefaultMaxAttempts;
};

} // namespace ocular
