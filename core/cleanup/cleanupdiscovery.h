#pragma once

#include "async/asynctask.h"
#include "cleanup/cleanupcandidate.h"
#include "cleanup/cleanupevidence.h"
#include "inventory/repositoryinventory.h"

#include <QObject>
#include <QPointer>
#include <memory>

namespace ocular {

class ContentSource;

/// What discovery found in one repository.
struct CleanupReport
{
    RepositoryInventory inventory;
    CleanupEvidence evidence;
    QList<CleanupCandidate> candidates;
    QStringList notes; ///< digests that could not be read, and why
};

/// Cleanup discovery for one repository: the inventory (every tag and what it reaches, from
/// every referrer source), then each digest only the tag history or the storage named read by
/// digest (is it still there? what is it? its entries too), then CleanupCandidates. Reads
/// only; never deletes. A discovery or context destroyed mid-way delivers nothing.
class CleanupDiscovery : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int concurrency = 6;
        int maxRounds = 8; ///< rounds of reading index entries of digests read by digest
        /// Read the config of each image candidate without a `created` annotation for its
        /// `created` field (one small request each): an age for what no history saw.
        bool readConfigAges = true;
    };

    explicit CleanupDiscovery(ContentSource *source, QObject *parent = nullptr);

    RequestHandle discover(const QString &repository, CleanupEvidence evidence,
                           const Options &options, QObject *context,
                           async::Callback<CleanupReport> done);

private:
    struct Job;
    void readUnread(const std::shared_ptr<Job> &job);
    void readAges(const std::shared_ptr<Job> &job);
    void finish(const std::shared_ptr<Job> &job);

    QPointer<ContentSource> m_source;
};

} // namespace ocular
