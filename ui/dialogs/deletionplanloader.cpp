#include "deletionplanloader.h"

#include "inventory/repositoryinventorybuilder.h"
#include "source/contentsource.h"
#include "views/displayformat.h"
#include "write/deletionplanner.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace ocular {

DeletionPlanLoader::DeletionPlanLoader(ContentSource *source, QObject *parent)
    : QObject(parent)
    , m_source(source)
{}

DeletionPlanLoader::~DeletionPlanLoader()
{
    cancel();
}

void DeletionPlanLoader::load(const QString &repository, const QString &reference,
                              const DeletionOptions &options)
{
    cancel();
    const quint64 generation = ++m_generation;
    m_repository = repository;
    m_options = options;
    m_inventory.reset();
    m_targetUntagged = false;
    m_loading = true;
    if (!m_source)
        return fail(generation, tr("The registry is no longer open."));

    const Result<Digest> digest = Digest::parse(reference);
    if (digest) {
        m_target = digest.value();
        return buildInventory(generation);
    }
    m_target = Digest();
    Q_EMIT step(tr("Resolving %1:%2…").arg(repository, reference));
    const quint64 request = ++m_request;
    track(request,
          m_source->resolve(repository, reference, this,
                            [this, generation, reference](Result<ResolvedReference> resolved) {
                                if (generation != m_generation)
                                    return;
                                if (!resolved)
                                    return fail(generation,
                                                tr("Could not resolve the tag %1: %2")
                                                    .arg(reference, resolved.error().toString()));
                                m_target = resolved->descriptor.digest;
                                buildInventory(generation);
                            }));
}

void DeletionPlanLoader::buildInventory(quint64 generation)
{
    if (!m_source)
        return fail(generation, tr("The registry is no longer open."));
    Q_EMIT step(tr("Reading every tag and manifest of %1 to see what the delete touches…")
                    .arg(m_repository));
    // The builder lives as long as its build: parented to the loader (so it cannot outlive the
    // source's users) and deleted once it answered or was cancelled.
    auto *builder = new RepositoryInventoryBuilder(m_source, this);
    const quint64 request = ++m_request;
    track(request,
          builder->build(m_repository, RepositoryInventoryBuilder::Options{}, this,
                         [this, generation, builder](Result<RepositoryInventory> built) {
                             builder->deleteLater();
                             if (generation != m_generation)
                                 return;
                             if (!built)
                                 return fail(generation,
                                             tr("Could not read the repository %1: %2")
                                                 .arg(m_repository, built.error().toString()));
                             RepositoryInventory inventory = built.value();
                             if (inventory.manifests.contains(m_target))
                                 return finishWith(generation, inventory);
                             readUntaggedTarget(generation, std::move(inventory));
                         }));
}

void DeletionPlanLoader::readUntaggedTarget(quint64 generation, RepositoryInventory inventory)
{
    if (!m_source)
        return fail(generation, tr("The registry is no longer open."));
    // An untagged manifest nothing tagged refers to: the inventory never read it.
    Q_EMIT step(tr("Reading %1…").arg(displayformat::shortDigest(m_target)));
    const quint64 request = ++m_request;
    track(request, m_source->manifest(
                       m_repository, m_target.toString(), this,
                       [this, generation, inventory](Result<SourceManifest> fetched) mutable {
                           if (generation != m_generation)
                               return;
                           if (!fetched)
                               return fail(generation, tr("Could not read the manifest %1: %2")
                                                           .arg(m_target.toString(),
                                                                fetched.error().toString()));
                           const Manifest &m = fetched->manifest;
                           InventoryManifest known;
                           known.digest = m.digest();
                           known.mediaType = m.mediaType();
                           known.size = m.raw().size();
                           known.artifactType = m.effectiveArtifactType();
                           known.annotations = m.annotations();
                           known.isIndex = m.isIndex();
                           if (m.subject())
                               known.subject = m.subject()->digest;
                           inventory.manifests.insert(known.digest, known);
                           m_targetUntagged = true;
                           finishWith(generation, inventory);
                       }));
}

void DeletionPlanLoader::track(quint64 request, const RequestHandle &handle)
{
    // A reply delivered synchronously (from a cache) may already have started the next request;
    // its handle is the one cancel() must reach, not this finished one.
    if (request == m_request && m_loading)
        m_current = handle;
}

void DeletionPlanLoader::finishWith(quint64 generation, const RepositoryInventory &inventory)
{
    if (generation != m_generation)
        return;
    m_inventory = inventory;
    m_current = RequestHandle();
    planInBackground(generation);
}

bool DeletionPlanLoader::replan(const DeletionOptions &options)
{
    if (!m_inventory)
        return false;
    m_options = options;
    m_loading = true;
    planInBackground(++m_generation);
    return true;
}

void DeletionPlanLoader::planInBackground(quint64 generation)
{
    Q_EMIT step(tr("Working out what the delete does…"));
    // The worker gets its own copies (implicitly shared, never written): nothing it reads is
    // touched by this thread meanwhile, and a loader destroyed first only drops the result.
    const RepositoryInventory inventory = *m_inventory;
    const Digest target = m_target;
    const DeletionOptions options = m_options;
    const bool untaggedWithApi =
        m_targetUntagged && inventory.referrersApi == ReferrersAnswer::Kind::Api;
    auto *watcher = new QFutureWatcher<DeletionPlan>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        m_loading = false;
        Q_EMIT planned(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([inventory, target, options, untaggedWithApi] {
        DeletionPlan plan = DeletionPlanner::plan(inventory, target, options);
        if (untaggedWithApi)
            plan.warnings << DeletionPlanLoader::tr(
                "No tag reaches this manifest: its referrers through the referrers API were not "
                "asked (those listed in fallback and cosign tags were).");
        return plan;
    }));
}

void DeletionPlanLoader::cancel()
{
    ++m_generation;
    m_loading = false;
    const RequestHandle current = m_current;
    m_current = RequestHandle();
    current.cancel();
}

void DeletionPlanLoader::fail(quint64 generation, const QString &message)
{
    if (generation != m_generation)
        return;
    m_loading = false;
    m_current = RequestHandle();
    Q_EMIT failed(message);
}

} // namespace ocular
