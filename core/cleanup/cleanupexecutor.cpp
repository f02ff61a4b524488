#include "cleanup/cleanupexecutor.h"

#include "cleanup/cleanupdiscovery.h"
#include "referrers/cosigntags.h"
#include "source/contentsource.h"
#include "source/ocilayoutsource.h"
#include "write/contentcopier.h"
#include "write/deletionexecutor.h"
#include "write/deletionplanner.h"
#include "write/fallbackindexwriter.h"
#include "write/storagenote.h"

#include <QHash>
#include <QSet>

namespace ocular {

using ItemState = CleanupRunReport::Item::State;

struct CleanupExecutor::Run
{
    QString repository;
    QList<CleanupCandidate> selected;
    CleanupEvidence evidence;
    Options options;
    QPointer<QObject> context;
    async::Callback<CleanupRunReport> done;
    RequestHandle handle;
    CleanupRunReport report;
    bool finished = false;
    QMetaObject::Connection watch; ///< cancels the run when its context dies

    // Backup.
    OciLayoutSource *layout = nullptr;
    ContentCopier *copier = nullptr;
    int backupNext = 0;

    // Deletion.
    RepositoryInventory inventory;  ///< the fresh inventory, with what discovery read by digest
    QHash<int, DeletionPlan> plans; ///< item index → its plan (items that passed the check)
    QList<QList<int>> levels;       ///< item indexes in dependency order, level by level
    int level = 0;
    QList<int> queue; ///< of the current level
    QHash<int, RequestHandle> inFlight;
    bool editInFlight = false;
    int doneSteps = 0;
    int totalSteps = 0;
    FallbackIndexWriter *writer = nullptr;
};

CleanupExecutor::CleanupExecutor(ContentSource *source, QObject *parent)
    : QObject(parent)
    , m_source(source)
{}

void CleanupExecutor::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    Q_EMIT pausedChanged(paused);
    if (!paused && m_current)
        schedule(m_current);
}

RequestHandle CleanupExecutor::run(const QString &repository,
                                   const QList<CleanupCandidate> &selected,
                                   const CleanupEvidence &evidence, const Options &options,
                                   QObject *context, async::Callback<CleanupRunReport> done)
{
    auto run = std::make_shared<Run>();
    run->repository = repository;
    run->selected = selected;
    run->evidence = evidence;
    run->options = options;
    run->options.concurrency = qBound(1, options.concurrency, 32);
    run->context = context;
    run->done = std::move(done);
    run->report.repository = repository;
    run->report.backupDirectory = options.backupDirectory;
    for (const CleanupCandidate &c : selected)
        run->report.items.append({c.digest, c.kind, c.reclaimable, ItemState::NotAttempted, {}});
    run->totalSteps = int(selected.size()) * (options.backupDirectory.isEmpty() ? 1 : 2) + 1;
    if (m_current && !m_current->finished) {
        async::deliverLater(context, [run] {
            run->done(Error::make(ErrorKind::InvalidInput,
                                  QStringLiteral("A cleanup run is in progress already.")));
        });
        return run->handle;
    }
    m_current = run;
    std::weak_ptr<Run> weak = run;
    QPointer<CleanupExecutor> self(this);
    // Several deletes are in flight at once: cancelling stops them all, then the run reports.
    run->handle.setAbort([weak, self] {
        auto r = weak.lock();
        if (!r || r->finished)
            return;
        const auto inFlight = r->inFlight;
        for (const RequestHandle &h : inFlight)
            h.cancel();
        if (self && r->inFlight.isEmpty())
            QMetaObject::invokeMethod(
                self,
                [self, r] {
                    if (self)
                        self->finish(r);
                },
                Qt::QueuedConnection);
    });
    // Nobody can receive the report once the context is gone: stop deleting.
    run->watch = async::watchContext(context, [weak] {
        if (auto r = weak.lock())
            r->handle.cancel();
    });
    if (!m_source) {
        run->finished = true;
        async::deliverLater(context, [run] { run->done(Error::cancelled()); });
        return run->handle;
    }
    if (selected.isEmpty()) {
        QMetaObject::invokeMethod(
            this,
            [self, run] {
                if (self)
                    self->finish(run);
            },
            Qt::QueuedConnection);
        return run->handle;
    }
    QMetaObject::invokeMethod(
        this,
        [self, run] {
            if (!self)
                return;
            if (run->options.backupDirectory.isEmpty())
                self->recheck(run);
            else
                self->backUp(run);
        },
        Qt::QueuedConnection);
    return run->handle;
}

void CleanupExecutor::backUp(const std::shared_ptr<Run> &run)
{
    if (run->handle.isCancelled())
        return finish(run);
    if (!run->layout) {
        run->layout = new OciLayoutSource(run->options.backupDirectory, {}, this);
        const auto created = run->layout->create();
        if (!created.ok()) {
            run->report.notes.append(QStringLiteral("Backup failed, nothing was deleted: %1")
                                         .arg(created.error().message));
            return finish(run);
        }
        run->copier = new ContentCopier(m_source, run->layout, this);
    }
    if (run->backupNext >= run->selected.size()) {
        run->report.backedUp = int(run->selected.size());
        return recheck(run);
    }
    const CleanupCandidate &c = run->selected.at(run->backupNext);
    Q_EMIT progress(++run->doneSteps, run->totalSteps,
                    QStringLiteral("Backing up %1").arg(c.digest.toString()));
    // A ref name keeps every backed-up manifest listed in index.json (skopeo and oras find a
    // manifest there); the digest's own name, so that nothing in the layout is confused.
    const QString refName = QString(QStringLiteral("backup-") + c.digest.fallbackTag()).left(128);
    QPointer<CleanupExecutor> self(this);
    run->handle.setCurrentStep(run->copier->copy(
        run->repository, c.digest.toString(), run->layout->repositoryName(), refName, CopyOptions{},
        this, [self, run, digest = c.digest](Result<CopyResult> copied) {
            if (!self || run->finished)
                return;
            if (!copied.ok()) {
                if (copied.error().kind != ErrorKind::Cancelled)
                    run->report.notes.append(
                        QStringLiteral("Backup of %1 failed, nothing was deleted: %2")
                            .arg(digest.toString(), copied.error().toString()));
                return self->finish(run);
            }
            // Read it back through the layout, which checks the bytes against the digest.
            run->handle.setCurrentStep(run->layout->manifest(
                run->layout->repositoryName(), digest.toString(), self,
                [self, run, digest](Result<SourceManifest> back) {
                    if (!self || run->finished)
                        return;
                    if (!back.ok()) {
                        run->report.notes.append(
                            QStringLiteral("The backup of %1 does not read back, nothing was "
                                           "deleted: %2")
                                .arg(digest.toString(), back.error().toString()));
                        return self->finish(run);
                    }
                    ++run->backupNext;
                    self->backUp(run);
                }));
        }));
}

void CleanupExecutor::recheck(const std::shared_ptr<Run> &run)
{
    if (run->handle.isCancelled() || !m_source)
        return finish(run);
    Q_EMIT progress(++run->doneSteps, run->totalSteps,
                    QStringLiteral("Checking %1 again").arg(run->repository));
    auto *discovery = new CleanupDiscovery(m_source, this);
    CleanupDiscovery::Options options;
    options.concurrency = run->options.concurrency;
    QPointer<CleanupExecutor> self(this);
    run->handle.setCurrentStep(discovery->discover(
        run->repository, run->evidence, options, this,
        [self, run, discovery](Result<CleanupReport> fresh) {
            discovery->deleteLater();
            if (!self || run->finished)
                return;
            if (!fresh.ok()) {
                if (fresh.error().kind != ErrorKind::Cancelled)
                    run->report.notes.append(
                        QStringLiteral("The check before deleting failed, nothing was deleted: %1")
                            .arg(fresh.error().toString()));
                return self->finish(run);
            }
            CleanupReport &now = fresh.value();
            QHash<Digest, const CleanupCandidate *> current;
            for (const CleanupCandidate &c : std::as_const(now.candidates))
                current.insert(c.digest, &c);
            RepositoryInventory merged = now.inventory;
            for (auto it = now.evidence.extraManifests.begin();
                 it != now.evidence.extraManifests.end(); ++it)
                merged.manifests.insert(it.key(), it.value());
            for (const InventoryEdge &e : std::as_const(now.evidence.extraEdges))
                merged.addEdge(e);

            QSet<Digest> toDelete;
            QList<int> passed;
            for (int i = 0; i < run->report.items.size(); ++i) {
                CleanupRunReport::Item &item = run->report.items[i];
                const CleanupCandidate *c = current.value(item.digest);
                const QStringList tags = now.inventory.tagsOf(item.digest);
                QStringList userTags;
                for (const QString &t : tags)
                    if (!cosigntags::isAttachmentTag(t))
                        userTags.append(t);
                if (!userTags.isEmpty()) {
                    item.state = ItemState::Skipped;
                    item.reason = QStringLiteral("a tag names it now: %1")
                                      .arg(userTags.join(QStringLiteral(", ")));
                } else if (!c && now.evidence.gone.contains(item.digest)) {
                    item.state = ItemState::AlreadyGone;
                    item.reason = QStringLiteral("the registry no longer has it");
                } else if (!c) {
                    item.state = ItemState::Skipped;
                    item.reason = QStringLiteral("it is no longer a cleanup candidate");
                } else if (cleanupClassInUse(c->kind)) {
                    item.state = ItemState::Skipped;
                    item.reason = QStringLiteral("it is in use now: %1").arg(c->why);
                } else if (c->kind != item.kind) {
                    item.state = ItemState::Skipped;
                    item.reason = QStringLiteral("it is a %1 now, not the %2 the dry run showed; "
                                                 "run the dry run again")
                                      .arg(cleanupClassName(c->kind), cleanupClassName(item.kind));
                } else {
                    toDelete.insert(item.digest);
                    passed.append(i);
                }
            }
            self->plan(run, merged, toDelete, passed);
        }));
}

void CleanupExecutor::plan(const std::shared_ptr<Run> &run, const RepositoryInventory &inventory,
                           const QSet<Digest> &toDelete, const QList<int> &passed)
{
    QHash<Digest, int> itemOf;
    for (int i : passed)
        itemOf.insert(run->report.items.at(i).digest, i);
    for (int i : passed) {
        CleanupRunReport::Item &item = run->report.items[i];
        DeletionOptions options;
        DeletionPlan p = DeletionPlanner::plan(inventory, item.digest, options);
        if (p.isRefused()) {
            // Breaking an index is allowed only when that index goes in this run too (first).
            const bool allGoing = std::all_of(
                p.brokenIndexes.begin(), p.brokenIndexes.end(),
                [&](const DeletionPlan::BrokenIndex &b) { return toDelete.contains(b.index); });
            if (!allGoing) {
                item.state = ItemState::Skipped;
                item.reason = p.refusals.join(QLatin1Char(' '));
                continue;
            }
            options.breakIndexes = true;
            p = DeletionPlanner::plan(inventory, item.digest, options);
        }
        QString outside;
        for (const Digest &d : p.deletedDigests())
            if (!toDelete.contains(d))
                outside = d.toString();
        for (const QString &t : p.removedTags())
            if (!cosigntags::isAttachmentTag(t))
                outside = QStringLiteral("the tag %1").arg(t);
        if (p.isRefused() || !outside.isEmpty()) {
            item.state = ItemState::Skipped;
            item.reason = p.isRefused()
                              ? p.refusals.join(QLatin1Char(' '))
                              : QStringLiteral("deleting it would also delete %1, which was not "
                                               "selected")
                                    .arg(outside);
            continue;
        }
        // A fallback index this run deletes needs no edit. The others are edited by the
        // writer's own read-modify-write (If-Match, read back), so the plan does not rest on
        // what their tags named when it was made: an earlier delete of this run moves them.
        QList<DeletionPlan::FallbackEdit> edits;
        for (const DeletionPlan::FallbackEdit &e : std::as_const(p.fallbackEdits))
            if (!toDelete.contains(e.fallbackIndex))
                edits.append(e);
        p.fallbackEdits = edits;
        QSet<QString> itemTags;
        for (const DeletionPlan::Item &it : std::as_const(p.items))
            for (const QString &t : it.tags)
                itemTags.insert(t);
        for (auto f = p.facts.begin(); f != p.facts.end();) {
            if (!itemTags.contains(f.key()))
                f = p.facts.erase(f);
            else
                ++f;
        }
        p.emptiedFallbackTags.clear();
        run->plans.insert(i, p);
    }

    // Levels: an index before its entries, a referrer before its subject (so no delete ever
    // leaves something this run deletes later dangling in between); a cycle goes last.
    QHash<int, QSet<int>> before; // item → items that must go first
    for (auto it = run->plans.begin(); it != run->plans.end(); ++it) {
        const Digest d = run->report.items.at(it.key()).digest;
        for (const Digest &index : inventory.indexesContaining(d))
            if (const int j = itemOf.value(index, -1);
                j >= 0 && j != it.key() && run->plans.contains(j))
                before[it.key()].insert(j);
        if (const auto m = inventory.manifests.constFind(d);
            m != inventory.manifests.constEnd() && m->subject)
            if (const int j = itemOf.value(*m->subject, -1); j >= 0 && run->plans.contains(j))
                before[j].insert(it.key());
    }
    QSet<int> placed;
    QList<int> remaining = run->plans.keys();
    std::sort(remaining.begin(), remaining.end());
    while (!remaining.isEmpty()) {
        QList<int> level, rest;
        for (int i : std::as_const(remaining)) {
            const QSet<int> &needs = before.value(i);
            if (std::all_of(needs.begin(), needs.end(), [&](int j) { return placed.contains(j); }))
                level.append(i);
            else
                rest.append(i);
        }
        if (level.isEmpty()) {
            level = rest;
            rest.clear();
        }
        for (int i : std::as_const(level))
            placed.insert(i);
        run->levels.append(level);
        remaining = rest;
    }
    run->writer = new FallbackIndexWriter(m_source, this);
    run->level = 0;
    run->queue = run->levels.value(0);
    schedule(run);
}

void CleanupExecutor::schedule(const std::shared_ptr<Run> &run)
{
    if (run->finished || run->levels.isEmpty() && run->plans.isEmpty() && run->inFlight.isEmpty())
        return run->finished ? void() : finish(run);
    if (run->handle.isCancelled()) {
        if (run->inFlight.isEmpty())
            finish(run);
        return;
    }
    while (!m_paused && run->inFlight.size() < run->options.concurrency) {
        if (run->queue.isEmpty()) {
            if (!run->inFlight.isEmpty())
                break; // the level's last deletes first
            if (++run->level >= run->levels.size())
                return finish(run);
            run->queue = run->levels.at(run->level);
            continue;
        }
        // Deletes that edit fallback indexes go one at a time (they may edit the same tag).
        qsizetype pick = -1;
        for (qsizetype k = 0; k < run->queue.size(); ++k) {
            const bool edits = !run->plans.value(run->queue.at(k)).fallbackEdits.isEmpty();
            if (!edits || !run->editInFlight) {
                pick = k;
                break;
            }
        }
        if (pick < 0)
            break;
        deleteOne(run, run->queue.takeAt(pick));
    }
}

void CleanupExecutor::deleteOne(const std::shared_ptr<Run> &run, int index)
{
    const DeletionPlan plan = run->plans.value(index);
    const bool edits = !plan.fallbackEdits.isEmpty();
    run->editInFlight = run->editInFlight || edits;
    CleanupRunReport::Item &item = run->report.items[index];
    Q_EMIT progress(++run->doneSteps, run->totalSteps,
                    QStringLiteral("Deleting %1").arg(item.digest.toString()));
    auto *executor = new DeletionExecutor(m_source, run->writer, this);
    DeletionExecutor::Options options;
    options.concurrency = 1;
    // The check that ran before the deletes re-read every tag; each delete re-resolves the
    // tags its own plan rests on (attachment tags of the item).
    options.checkEveryTag = false;
    options.deleteReplacedIndexes = false;
    QPointer<CleanupExecutor> self(this);
    const RequestHandle h = executor->execute(
        plan, options, this, [self, run, index, edits, executor](Result<DeletionOutcome> outcome) {
            executor->deleteLater();
            if (!self || run->finished)
                return;
            run->inFlight.remove(index);
            if (edits)
                run->editInFlight = false;
            CleanupRunReport::Item &item = run->report.items[index];
            if (!outcome.ok()) {
                item.state = outcome.error().kind == ErrorKind::Cancelled ? ItemState::NotAttempted
                                                                          : ItemState::Failed;
                item.reason = outcome.error().toString();
            } else {
                const DeletionOutcome &o = outcome.value();
                const auto result = std::find_if(
                    o.items.begin(), o.items.end(),
                    [&](const DeletionOutcome::ItemResult &r) { return r.digest == item.digest; });
                using OutcomeState = DeletionOutcome::ItemResult::State;
                if (result != o.items.end() && result->state == OutcomeState::Deleted)
                    item.state = ItemState::Deleted;
                else if (result != o.items.end() && result->state == OutcomeState::AlreadyGone)
                    item.state = ItemState::AlreadyGone;
                else if (o.status == DeletionOutcome::Status::Stale)
                    item.state = ItemState::Skipped;
                else
                    item.state = ItemState::Failed;
                QStringList said;
                if (item.state != ItemState::Deleted && item.state != ItemState::AlreadyGone)
                    said.append(o.toText());
                for (const DeletionOutcome::FallbackResult &f : o.fallback)
                    said.append(f.ok ? f.change.describe()
                                     : QStringLiteral("fallback tag %1 not updated: %2")
                                           .arg(f.edit.tag, f.message));
                item.reason = said.join(QLatin1Char(' '));
            }
            self->schedule(run);
        });
    run->inFlight.insert(index, h);
}

void CleanupExecutor::finish(const std::shared_ptr<Run> &run)
{
    if (run->finished)
        return;
    run->finished = true;
    QObject::disconnect(run->watch);
    run->report.cancelled = run->handle.isCancelled();
    if (run->report.count(ItemState::Deleted) > 0)
        run->report.storageNote =
            storagenote::afterDelete(QStringLiteral("the deleted manifests and their blobs"));
    if (run->copier)
        run->copier->deleteLater();
    if (run->layout)
        run->layout->deleteLater();
    if (run->writer)
        run->writer->deleteLater();
    if (m_current == run)
        m_current.reset();
    Q_EMIT progress(run->totalSteps, run->totalSteps, QStringLiteral("Done"));
    async::deliverLater(run->context, [run] { run->done(std::move(run->report)); });
}

} // namespace ocular
