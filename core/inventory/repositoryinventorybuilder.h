#pragma once

#include "async/asynctask.h"
#include "inventory/repositoryinventory.h"

#include <QObject>
#include <QPointer>
#include <memory>

namespace ocular {

class ContentSource;

/// Reads a RepositoryInventory through a ContentSource: every tag (resolved), every manifest
/// they reach (index children, recursively), and the referrers of each from every source (API,
/// fallback tags, cosign tags, BuildKit entries), with a bounded number of requests in flight.
/// Inner steps run with the builder as their context; only the final result goes to the
/// caller's context, and a builder or context destroyed mid-way delivers nothing.
class RepositoryInventoryBuilder : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int concurrency = 6;    ///< requests in flight
        int maxTagPages = 1000; ///< tag pages followed
        int maxManifests = 20000;
        int maxRounds = 16; ///< discovery rounds (depth of index/referrer chains)
        bool referrersApi = true;
        bool fallbackTags = true;
        bool cosignTags = true;
        bool buildKit = true;
    };

    explicit RepositoryInventoryBuilder(ContentSource *source, QObject *parent = nullptr);

    RequestHandle build(const QString &repository, const Options &options, QObject *context,
                        async::Callback<RepositoryInventory> done);

    /// Requests made by the last build (for tests and benchmarks).
    int requestsMade() const { return m_requests; }

private:
    struct Job;
    RequestHandle listTags(const std::shared_ptr<Job> &job, async::Callback<Done> done);
    RequestHandle resolveTags(const std::shared_ptr<Job> &job, async::Callback<Done> done);
    RequestHandle round(const std::shared_ptr<Job> &job, async::Callback<Done> done);
    void record(const std::shared_ptr<Job> &job, const Manifest &manifest);
    void readTagConventions(const std::shared_ptr<Job> &job);
    void finishEdges(RepositoryInventory &inventory) const;

    QPointer<ContentSource> m_source;
    int m_requests = 0;
};

} // namespace ocular
