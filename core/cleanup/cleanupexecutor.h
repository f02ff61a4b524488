#pragma once

#include "async/asynctask.h"
#include "cleanup/cleanupcandidate.h"
#include "cleanup/cleanupevidence.h"
#include "cleanup/cleanuprunreport.h"
#include "inventory/repositoryinventory.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <memory>

namespace ocular {

class ContentSource;

/// Deletes exactly the candidates a policy selected (never anything else), through the write
/// path's deletion plans. First, when asked, every selected manifest is copied to an OCI image
/// layout and read back by digest. Then discovery runs again with the same evidence: a
/// candidate a tag now names, or that something in use now reaches, is skipped and reported.
/// The rest are deleted in dependency order (an index before its entries, a referrer before
/// its subject), at bounded concurrency, each through DeletionPlanner and DeletionExecutor so
/// that fallback indexes lose the entries of deleted referrers. Pause stops new deletes from
/// starting; cancelling the handle stops the run and reports the rest as not attempted.
class CleanupExecutor : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int concurrency = 4;
        QString backupDirectory; ///< an OCI layout directory to back up into; empty: none
    };

    explicit CleanupExecutor(ContentSource *source, QObject *parent = nullptr);

    /// `selected`: the candidates to delete (their `selected` flag is not consulted);
    /// `evidence`: what discovery used (tag history, storage), for the second discovery.
    RequestHandle run(const QString &repository, const QList<CleanupCandidate> &selected,
                      const CleanupEvidence &evidence, const Options &options, QObject *context,
                      async::Callback<CleanupRunReport> done);

    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }

Q_SIGNALS:
    /// `done` of `total` steps (backups, the check, deletes), in a sentence.
    void progress(int done, int total, const QString &text);
    void pausedChanged(bool paused);

private:
    struct Run;
    void backUp(const std::shared_ptr<Run> &run);
    void recheck(const std::shared_ptr<Run> &run);
    void plan(const std::shared_ptr<Run> &run, const RepositoryInventory &inventory,
              const QSet<Digest> &toDelete, const QList<int> &passed);
    void schedule(const std::shared_ptr<Run> &run);
    void deleteOne(const std::shared_ptr<Run> &run, int item);
    void finish(const std::shared_ptr<Run> &run);

    QPointer<ContentSource> m_source;
    bool m_paused = false;
    std::shared_ptr<Run> m_current;
};

} // namespace ocular
