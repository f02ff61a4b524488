#pragma once

#include "activity/activityentry.h"
#include "base/result.h"

#include <QList>
#include <QString>

namespace ocular {

/// The local record of every change Ocular made to a registry: one JSON object per line
/// (JSON Lines) in `$XDG_DATA_HOME/ocular/activity.jsonl`, shared by the GUI and the CLI.
/// Appends are single writes to a file opened for appending, so two processes writing at once
/// interleave whole lines. Reading tolerates a damaged file: lines that do not parse are
/// counted and skipped, never fatal. Plain file I/O: call it off the GUI thread.
class ActivityLog
{
public:
    /// Lines longer than this are skipped when reading (a log is not a place for documents).
    static constexpr qsizetype MaxLineBytes = 64 * 1024;

    explicit ActivityLog(QString path = defaultPath());

    /// `$XDG_DATA_HOME/ocular/activity.jsonl` (`~/.local/share/ocular/activity.jsonl`).
    static QString defaultPath();
    const QString &path() const { return m_path; }

    /// Appends one line; creates the directory and the file (mode 0600) when missing.
    Result<Done> append(const ActivityEntry &entry) const;

    struct Contents
    {
        QList<ActivityEntry> entries; ///< oldest first
        int skippedLines = 0;         ///< lines that were not valid entries
    };
    /// The last `limit` entries (all when 0); an absent file is an empty log.
    Result<Contents> read(int limit = 0) const;

private:
    QString m_path;
};

} // namespace ocular
