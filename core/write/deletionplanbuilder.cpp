#include "deletionplanbuilder.h"

#include "async/guardedstep.h"
#include "async/sequence.h"
#include "base/offthread.h"
#include "inventory/repositoryinventorybuilder.h"
#include "source/contentsource.h"
#include "write/deletionplanner.h"

#include <memory>

namespace ocular {

namespace {

Error sourceGone()
{
    return Error::cancelled(QStringLiteral("The content source went away."));
}

/// What the inventory knows of a manifest, from the manifest itself.
InventoryManifest inventoryEntry(const Manifest &m)
{
    InventoryManifest known;
    known.digest = m.digest();
    known.mediaType = m.mediaType();
    known.size = m.raw().size();
    known.artifactType = m.effectiveArtifactType();
    known.annotations = m.annotations();
    known.isIndex = m.isIndex();
    if (m.subject())
        known.subject = m.subject()->digest;
    if (m.config())
        known.config = m.config()->digest;
    for (const Descriptor &layer : m.layers())
        known.layers.append(layer.digest);
    return known;
}

} // namespace

DeletionPlanBuilder::DeletionPlanBuilder(ContentSource *source, QObject *parent)
    : QObject(parent)
    , m_source(source)
{}

DeletionPlan DeletionPlanBuilder::planNow(const Basis &basis, const DeletionOptions &options)
{
    DeletionPlan plan = DeletionPlanner::plan(basis.inventory, basis.target, options);
    if (basis.targetUntagged && basis.inventory.referrersApi == ReferrersAnswer::Kind::Api)
        plan.warnings << QStringLiteral(
            "No tag reaches this manifest: its referrers through the referrers API were not "
            "asked (those listed in fallback and cosign tags were).");
    return plan;
}

RequestHandle DeletionPlanBuilder::plan(const Basis &basis, const DeletionOptions &options,
                                        QObject *context, async::Callback<DeletionPlan> done)
{
    RequestHandle handle;
    if (!context)
        return handle;
    // The worker gets its own copies (implicitly shared, never written): nothing it reads is
    // touched by the caller meanwhile, and a context destroyed first only drops the result.
    runOffThread<DeletionPlan>(
        context, [basis, options] { return planNow(basis, options); },
        [handle, done](DeletionPlan plan) {
            // The work cannot be stopped once started; a cancel drops its answer.
            if (handle.isCancelled())
                return done(Error::cancelled());
            done(std::move(plan));
        });
    return handle;
}

RequestHandle DeletionPlanBuilder::build(const QString &repository, const Digest &target,
                                         const DeletionOptions &options, QObject *context,
                                         async::Callback<Built> done, StageCallback stage)
{
    auto built = std::make_shared<Built>();
    built->basis.repository = repository;
    built->basis.target = target;
    const auto announce = [stage](Stage s) {
        if (stage)
            stage(s);
    };
    QPointer<DeletionPlanBuilder> self(this);
    // Each step runs only while this builder and its source are alive.
    const auto liveSource = [self] { return self ? self->m_source.data() : nullptr; };
    QList<async::Task<Done>> steps{
        async::guardedStep(
            liveSource,
            [self, built, announce](ContentSource *source, async::Callback<Done> next) {
                announce(Stage::ReadingInventory);
                // Lives as long as its build: parented to this builder (so it cannot outlive
                // the source's users) and deleted once it answered or was cancelled.
                auto *inventoryBuilder = new RepositoryInventoryBuilder(source, self);
                return inventoryBuilder->build(
                    built->basis.repository, RepositoryInventoryBuilder::Options{}, self,
                    [built, inventoryBuilder, next](Result<RepositoryInventory> inventory) {
                        inventoryBuilder->deleteLater();
                        if (!inventory)
                            return next(inventory.error());
                        built->basis.inventory = inventory.value();
                        next(Done{});
                    });
            },
            sourceGone()),
        async::guardedStep(
            liveSource,
            [self, built, announce](ContentSource *source,
                                    async::Callback<Done> next) -> RequestHandle {
                Basis &basis = built->basis;
                if (basis.inventory.manifests.contains(basis.target)) {
                    next(Done{});
                    return RequestHandle();
                }
                // An untagged manifest nothing tagged refers to: the inventory never read it.
                announce(Stage::ReadingUntaggedTarget);
                return source->manifest(
                    basis.repository, basis.target.toString(), self,
                    [built, next](Result<SourceManifest> fetched) {
                        if (!fetched)
                            return next(fetched.error());
                        const InventoryManifest known = inventoryEntry(fetched->manifest);
                        built->basis.inventory.manifests.insert(known.digest, known);
                        built->basis.targetUntagged = true;
                        next(Done{});
                    });
            },
            sourceGone()),
        // The plan is delivered to the caller's context, not to this builder: it needs
        // nothing of the builder, and a builder dropped meanwhile does not lose it.
        async::guardedStep(
            QPointer<QObject>(context),
            [built, options, announce](QObject *receiver, async::Callback<Done> next) {
                announce(Stage::Planning);
                return plan(built->basis, options, receiver,
                            [built, next](Result<DeletionPlan> plan) {
                                if (!plan)
                                    return next(plan.error());
                                built->plan = plan.value();
                                next(Done{});
                            });
            }),
    };
    return async::sequence(context, steps, [built, done](Result<Done> result) {
        if (!result)
            return done(result.error());
        done(*built);
    });
}

} // namespace ocular
