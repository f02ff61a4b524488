#include "cleanup/cleanupdiscovery.h"

#include "async/boundedpool.h"
#include "cleanup/cleanupcandidates.h"
#include "inventory/repositoryinventorybuilder.h"
#include "source/contentsource.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ocular {

struct CleanupDiscovery::Job
{
    QString repository;
    Options options;
    CleanupReport report;
    QPointer<QObject> context;
    async::Callback<CleanupReport> done;
    RequestHandle handle;
    int rounds = 0;
};

CleanupDiscovery::CleanupDiscovery(ContentSource *source, QObject *parent)
    : QObject(parent)
    , m_source(source)
{}

RequestHandle CleanupDiscovery::discover(const QString &repository, CleanupEvidence evidence,
                                         const Options &options, QObject *context,
                                         async::Callback<CleanupReport> done)
{
    auto job = std::make_shared<Job>();
    job->repository = repository;
    job->options = options;
    job->report.evidence = std::move(evidence);
    job->context = context;
    job->done = std::move(done);
    if (!m_source) {
        async::deliverLater(context, [job] { job->done(Error::cancelled()); });
        return job->handle;
    }
    auto *builder = new RepositoryInventoryBuilder(m_source, this);
    RepositoryInventoryBuilder::Options inventoryOptions;
    inventoryOptions.concurrency = options.concurrency;
    QPointer<CleanupDiscovery> self(this);
    job->handle.setCurrentStep(
        builder->build(repository, inventoryOptions, this,
                       [self, job, builder](Result<RepositoryInventory> inventory) {
                           builder->deleteLater();
                           if (!self || !job->context)
                               return;
                           if (!inventory.ok())
                               return job->done(inventory.error());
                           job->report.inventory = std::move(inventory).value();
                           self->readUnread(job);
                       }));
    return job->handle;
}

void CleanupDiscovery::readUnread(const std::shared_ptr<Job> &job)
{
    const QList<Digest> unread =
        CleanupCandidates::unread(job->report.inventory, job->report.evidence);
    if (unread.isEmpty() || job->rounds >= job->options.maxRounds || !m_source) {
        job->report.candidates =
            CleanupCandidates::classify(job->report.inventory, job->report.evidence);
        if (job->options.readConfigAges)
            return readAges(job);
        return finish(job);
    }
    ++job->rounds;
    QPointer<CleanupDiscovery> self(this);
    job->handle.setCurrentStep(async::forEachBounded<Digest, SourceManifest>(
        this, unread, job->options.concurrency,
        [self, job](const Digest &digest, async::Callback<SourceManifest> manifest) {
            if (!self || !self->m_source) {
                async::deliverLater(self, [manifest] { manifest(Error::cancelled()); });
                return RequestHandle();
            }
            return self->m_source->manifest(job->repository, digest.toString(), self,
                                            std::move(manifest));
        },
        [self, job, unread](Result<QList<Result<SourceManifest>>> results) {
            if (!self || !job->context)
                return;
            if (!results.ok())
                return job->done(results.error());
            CleanupEvidence &ev = job->report.evidence;
            for (qsizetype i = 0; i < unread.size(); ++i) {
                const Result<SourceManifest> &r = results->at(i);
                if (!r.ok()) {
                    // Gone (404) is the usual answer for a digest a tag moved away from after
                    // a delete; anything else is said, and the digest is left out either way.
                    ev.gone.insert(unread[i]);
                    if (r.error().kind != ErrorKind::NotFound)
                        job->report.notes.append(QStringLiteral("%1: %2").arg(
                            unread[i].toString(), r.error().toString()));
                    continue;
                }
                const Manifest &manifest = r->manifest;
                const InventoryManifest m = InventoryManifest::of(manifest);
                ev.extraManifests.insert(unread[i], m);
                if (manifest.isIndex())
                    for (const Descriptor &entry : manifest.manifests())
                        ev.extraEdges.append({m.digest, entry.digest, InventoryEdgeKind::IndexChild,
                                              QString(), true});
            }
            self->readUnread(job);
        }));
}

void CleanupDiscovery::readAges(const std::shared_ptr<Job> &job)
{
    QList<Digest> configs;
    QList<qsizetype> owners;
    const CleanupReport &r = job->report;
    for (qsizetype i = 0; i < r.candidates.size(); ++i) {
        const CleanupCandidate &c = r.candidates.at(i);
        // The config's `created` says more than when the history first saw the digest. Only
        // images have such a config: an artifact (its effective artifactType set) has not.
        if (c.createdFrom.startsWith(QLatin1String("annotation")) || cleanupClassInUse(c.kind) ||
            !c.artifactType.isEmpty())
            continue;
        auto m = r.inventory.manifests.constFind(c.digest);
        if (m == r.inventory.manifests.constEnd())
            m = r.evidence.extraManifests.constFind(c.digest);
        if (m == r.evidence.extraManifests.constEnd() || !m->config.isValid())
            continue;
        configs.append(m->config);
        owners.append(i);
    }
    if (configs.isEmpty() || !m_source)
        return finish(job);
    QPointer<CleanupDiscovery> self(this);
    job->handle.setCurrentStep(async::forEachBounded<Digest, QByteArray>(
        this, configs, job->options.concurrency,
        [self, job](const Digest &config, async::Callback<QByteArray> bytes) {
            if (!self || !self->m_source) {
                async::deliverLater(self, [bytes] { bytes(Error::cancelled()); });
                return RequestHandle();
            }
            return self->m_source->blobBytes(job->repository, config, 256 * 1024, self,
                                             std::move(bytes));
        },
        [self, job, owners](Result<QList<Result<QByteArray>>> results) {
            if (!self || !job->context)
                return;
            if (!results.ok())
                return job->done(results.error());
            for (qsizetype i = 0; i < owners.size(); ++i) {
                const Result<QByteArray> &config = results->at(i);
                CleanupCandidate &c = job->report.candidates[owners[i]];
                if (!config.ok()) {
                    job->report.notes.append(
                        QStringLiteral("%1: its config could not be read "
                                       "for its age: %2")
                            .arg(c.digest.toString(), config.error().toString()));
                    continue;
                }
                const QDateTime created =
                    QDateTime::fromString(QJsonDocument::fromJson(config.value())
                                              .object()
                                              .value(QStringLiteral("created"))
                                              .toString(),
                                          Qt::ISODateWithMs);
                if (created.isValid()) {
                    c.created = created.toUTC();
                    c.createdFrom = QStringLiteral("config created");
                }
            }
            self->finish(job);
        }));
}

void CleanupDiscovery::finish(const std::shared_ptr<Job> &job)
{
    async::deliverLater(job->context, [job] { job->done(std::move(job->report)); });
}

} // namespace ocular
