#include "deletionexecutor.h"

#include "async/boundedpool.h"
#include "async/guardedstep.h"
#include "async/sequence.h"
#include "source/contentsource.h"
#include "write/fallbackindexwriter.h"
#include "write/storagenote.h"

#include <QHash>
#include <QSet>

namespace ocular {

struct DeletionExecutor::Run
{
    DeletionPlan plan;
    Options options;
    DeletionOutcome outcome;
    /// The outcome is settled (stale, stopped): the error that ends the sequence is ours.
    bool settled = false;
    /// Every tag and what it named at the check (complete only with checkEveryTag).
    QHash<QString, Digest> tagsNow;
    int step = 0;
    int total = 0;

    void settle(DeletionOutcome::Status status, std::optional<Error> error = std::nullopt)
    {
        outcome.status = status;
        outcome.error = std::move(error);
        settled = true;
    }
};

namespace {

// Ends the step sequence after the run has settled its outcome; never shown to anyone.
Error settledMarker()
{
    return Error::make(ErrorKind::Refused, QStringLiteral("The deletion run has settled."));
}

/// A refused delete in plain words, with the registry's own words kept.
Error explainedDeleteError(const Error &error, const QString &what, int deletedBefore)
{
    Error out = error;
    const QString changed =
        deletedBefore == 0
            ? QStringLiteral("Nothing was changed.")
            : QStringLiteral("Only the %1 manifest(s) reported as deleted were changed.")
                  .arg(deletedBefore);
    const bool disabled = error.kind == ErrorKind::Unsupported || error.httpStatus == 405;
    if (disabled)
        out.message = QStringLiteral("The registry does not allow deleting %1: deletes are "
                                     "disabled or unsupported there (for docker-registry, "
                                     "storage.delete.enabled). %2 The registry said: %3")
                          .arg(what, changed, error.message);
    else
        out.message = QStringLiteral("The registry refused to delete %1. %2 The registry said: %3")
                          .arg(what, changed, error.message);
    return out;
}

} // namespace

DeletionExecutor::DeletionExecutor(ContentSource *source, FallbackIndexWriter *writer,
                                   QObject *parent)
    : QObject(parent)
    , m_source(source)
    , m_writer(writer ? writer : new FallbackIndexWriter(source, this))
{}

QString DeletionExecutor::storageNote()
{
    return storagenote::afterDelete(QStringLiteral("deleted manifests and their blobs"));
}

RequestHandle DeletionExecutor::execute(const DeletionPlan &plan, const Options &options,
                                        QObject *context, async::Callback<DeletionOutcome> done)
{
    auto run = std::make_shared<Run>();
    run->plan = plan;
    run->options = options;
    for (const DeletionPlan::Item &item : plan.items)
        run->outcome.items.append(
            {item.digest, item.tags, DeletionOutcome::ItemResult::State::NotAttempted, QString()});
    if (plan.isRefused()) {
        run->settle(DeletionOutcome::Status::Refused,
                    Error::make(ErrorKind::Refused, plan.refusals.join(QLatin1Char(' '))));
        // Nothing is sent; a cancel before the queued answer still wins (RequestHandle).
        RequestHandle handle;
        auto cancelled = std::make_shared<bool>(false);
        handle.setAbort([cancelled] { *cancelled = true; });
        DeletionOutcome outcome = run->outcome;
        async::deliverLater(context, [done, outcome, cancelled] {
            if (*cancelled)
                return done(Error::cancelled());
            done(outcome);
        });
        return handle;
    }

    QPointer<DeletionExecutor> self(this);
    QList<async::Task<Done>> steps;
    steps << async::guardedStep(self, [run](DeletionExecutor *e, async::Callback<Done> next) {
        return e->checkFacts(run, next);
    });
    if (options.checkEveryTag)
        steps << async::guardedStep(self, [run](DeletionExecutor *e, async::Callback<Done> next) {
            return e->checkOtherTags(run, next);
        });
    for (int i = 0; i < plan.items.size(); ++i) {
        steps << async::guardedStep(self,
                                    [run, i](DeletionExecutor *e, async::Callback<Done> next) {
                                        return e->deleteItem(run, i, next);
                                    });
        for (int k = 0; k < plan.fallbackEdits.size(); ++k) {
            if (plan.fallbackEdits.at(k).entry != plan.items.at(i).digest)
                continue;
            steps << async::guardedStep(self,
                                        [run, k](DeletionExecutor *e, async::Callback<Done> next) {
                                            return e->editFallback(run, k, next);
                                        });
        }
    }
    run->total = steps.size();
    return async::sequence(context, steps, [run, done](Result<Done> result) {
        if (result.ok()) {
            run->settle(DeletionOutcome::Status::Completed);
        } else if (!run->settled) {
            if (result.error().kind == ErrorKind::Cancelled)
                return done(result.error());
            run->settle(DeletionOutcome::Status::Stopped, result.error());
        }
        if (run->outcome.deletedCount() > 0)
            run->outcome.storageNote = storageNote();
        done(run->outcome);
    });
}

RequestHandle DeletionExecutor::checkFacts(const std::shared_ptr<Run> &run,
                                           async::Callback<Done> done)
{
    Q_EMIT progress(
        ++run->step, run->total,
        QStringLiteral("Checking the %1 tag(s) the plan rests on").arg(run->plan.facts.size()));
    const QStringList tags = run->plan.facts.keys();
    QPointer<DeletionExecutor> self(this);
    const QString repository = run->plan.repository;
    return async::forEachBounded<QString, ResolvedReference>(
        this, tags, run->options.concurrency,
        [self, repository](const QString &tag, async::Callback<ResolvedReference> resolved) {
            if (!self || !self->m_source) {
                async::deliverLater(self, [resolved] { resolved(Error::cancelled()); });
                return RequestHandle();
            }
            return self->m_source->resolve(repository, tag, self, std::move(resolved));
        },
        [run, tags, done](Result<QList<Result<ResolvedReference>>> results) {
            if (!results.ok())
                return done(results.error());
            for (qsizetype i = 0; i < tags.size(); ++i) {
                const Result<ResolvedReference> &r = results->at(i);
                Digest now;
                if (r.ok()) {
                    now = r->descriptor.digest;
                } else if (r.error().kind != ErrorKind::NotFound) {
                    Error e = r.error();
                    e.message = QStringLiteral("The plan's facts could not be checked (tag %1): "
                                               "%2 Nothing was deleted.")
                                    .arg(tags[i], e.message);
                    run->settle(DeletionOutcome::Status::Stopped, e);
                    return done(settledMarker());
                }
                if (now.isValid())
                    run->tagsNow.insert(tags[i], now);
                const Digest planned = run->plan.facts.value(tags[i]);
                if (now != planned)
                    run->outcome.changedFacts.append({tags[i], planned, now});
            }
            if (!run->outcome.changedFacts.isEmpty()) {
                run->settle(DeletionOutcome::Status::Stale);
                return done(settledMarker());
            }
            done(Done{});
        });
}

RequestHandle DeletionExecutor::checkOtherTags(const std::shared_ptr<Run> &run,
                                               async::Callback<Done> done)
{
    Q_EMIT progress(++run->step, run->total,
                    QStringLiteral("Checking that no other tag names a manifest of the plan"));
    if (!m_source) {
        async::deliverLater(this, [done] { done(Error::cancelled()); });
        return RequestHandle();
    }
    RequestHandle handle;
    QPointer<DeletionExecutor> self(this);
    const QString repository = run->plan.repository;
    handle.setCurrentStep(m_source->allTags(
        repository, run->options.maxTagPages, this,
        [self, run, repository, handle, done](Result<NameListing> listing) {
            if (!listing.ok()) {
                Error e = listing.error();
                e.message = QStringLiteral("The tags of %1 could not be listed to check the plan: "
                                           "%2 Nothing was deleted.")
                                .arg(repository, e.message);
                run->settle(DeletionOutcome::Status::Stopped, e);
                return done(settledMarker());
            }
            if (!self)
                return done(Error::cancelled());
            QStringList others;
            for (const QString &tag : listing->items) {
                if (!run->plan.facts.contains(tag))
                    others.append(tag);
            }
            handle.setCurrentStep(async::forEachBounded<QString, ResolvedReference>(
                self, others, run->options.concurrency,
                [self, repository](const QString &tag,
                                   async::Callback<ResolvedReference> resolved) {
                    if (!self || !self->m_source) {
                        async::deliverLater(self, [resolved] { resolved(Error::cancelled()); });
                        return RequestHandle();
                    }
                    return self->m_source->resolve(repository, tag, self, std::move(resolved));
                },
                [run, others, done](Result<QList<Result<ResolvedReference>>> results) {
                    if (!results.ok())
                        return done(results.error());
                    for (qsizetype i = 0; i < others.size(); ++i) {
                        const Result<ResolvedReference> &r = results->at(i);
                        // A tag deleted meanwhile names nothing the plan deletes.
                        if (!r.ok() && r.error().kind == ErrorKind::NotFound)
                            continue;
                        if (!r.ok()) {
                            Error e = r.error();
                            e.message = QStringLiteral("The plan could not be checked (tag %1): "
                                                       "%2 Nothing was deleted.")
                                            .arg(others[i], e.message);
                            run->settle(DeletionOutcome::Status::Stopped, e);
                            return done(settledMarker());
                        }
                        run->tagsNow.insert(others[i], r->descriptor.digest);
                        if (run->plan.deletes(r->descriptor.digest))
                            run->outcome.changedFacts.append(
                                {others[i], Digest(), r->descriptor.digest});
                    }
                    if (!run->outcome.changedFacts.isEmpty()) {
                        run->settle(DeletionOutcome::Status::Stale);
                        return done(settledMarker());
                    }
                    done(Done{});
                }));
        }));
    return handle;
}

RequestHandle DeletionExecutor::deleteItem(const std::shared_ptr<Run> &run, int index,
                                           async::Callback<Done> done)
{
    const DeletionPlan::Item &item = run->plan.items.at(index);
    Q_EMIT progress(++run->step, run->total,
                    QStringLiteral("Deleting %1").arg(item.digest.toString()));
    if (!m_source) {
        async::deliverLater(this, [done] { done(Error::cancelled()); });
        return RequestHandle();
    }
    const QString what = run->plan.repository + QLatin1Char('@') + item.digest.toString();
    return m_source->deleteManifest(run->plan.repository, item.digest.toString(), this,
                                    [run, index, what, done](Result<Done> deleted) {
                                        DeletionOutcome::ItemResult &result =
                                            run->outcome.items[index];
                                        using State = DeletionOutcome::ItemResult::State;
                                        if (deleted.ok()) {
                                            result.state = State::Deleted;
                                            return done(Done{});
                                        }
                                        if (deleted.error().kind == ErrorKind::NotFound) {
                                            // Gone already (deleted by someone else since the
                                            // check): what the plan wanted.
                                            result.state = State::AlreadyGone;
                                            result.message = deleted.error().toString();
                                            return done(Done{});
                                        }
                                        if (deleted.error().kind == ErrorKind::Cancelled)
                                            return done(deleted.error());
                                        result.state = State::Failed;
                                        const Error explained = explainedDeleteError(
                                            deleted.error(), what, run->outcome.deletedCount());
                                        result.message = explained.toString();
                                        run->settle(DeletionOutcome::Status::Stopped, explained);
                                        done(settledMarker());
                                    });
}

RequestHandle DeletionExecutor::editFallback(const std::shared_ptr<Run> &run, int edit,
                                             async::Callback<Done> done)
{
    const DeletionPlan::FallbackEdit &e = run->plan.fallbackEdits.at(edit);
    Q_EMIT progress(
        ++run->step, run->total,
        QStringLiteral("Removing %1 from the fallback index %2").arg(e.entry.shortForm(), e.tag));
    if (!m_writer) {
        async::deliverLater(this, [done] { done(Error::cancelled()); });
        return RequestHandle();
    }
    RequestHandle handle;
    QPointer<DeletionExecutor> self(this);
    handle.setCurrentStep(m_writer->remove(
        run->plan.repository, e.subject, e.entry, this,
        [self, run, e, done, handle](Result<FallbackIndexChange> change) {
            DeletionOutcome::FallbackResult result;
            result.edit = e;
            if (change.ok()) {
                result.ok = true;
                result.change = change.value();
                result.message = change->describe();
                run->outcome.fallback.append(result);
                if (!self || !change->replacedIndex || change->tagDeleted)
                    return done(Done{});
                return self->deleteReplacedIndex(run, int(run->outcome.fallback.size() - 1), done,
                                                 handle);
            }
            if (change.error().kind == ErrorKind::Cancelled)
                return done(change.error());
            result.message = change.error().toString();
            run->outcome.fallback.append(result);
            Error stopped = change.error();
            stopped.message = QStringLiteral("%1 is deleted, but its entry could not be removed "
                                             "from the fallback index %2: %3 The run stopped "
                                             "there.")
                                  .arg(e.entry.toString(), e.tag, stopped.message);
            run->settle(DeletionOutcome::Status::Stopped, stopped);
            done(settledMarker());
        }));
    return handle;
}

void DeletionExecutor::deleteReplacedIndex(const std::shared_ptr<Run> &run, int result,
                                           async::Callback<Done> done, RequestHandle handle)
{
    DeletionOutcome::FallbackResult &r = run->outcome.fallback[result];
    const Digest replaced = *r.change.replacedIndex;
    if (!run->options.deleteReplacedIndexes || !run->options.checkEveryTag) {
        r.replacedIndexMessage =
            QStringLiteral("The replaced index %1 was kept, untagged.").arg(replaced.toString());
        return done(Done{});
    }
    // By digest, which takes every tag on it: only when the check saw no other tag naming it.
    for (auto it = run->tagsNow.begin(); it != run->tagsNow.end(); ++it) {
        if (it.value() == replaced && it.key() != r.edit.tag) {
            r.replacedIndexMessage =
                QStringLiteral("The replaced index %1 was kept: the tag %2 names it.")
                    .arg(replaced.toString(), it.key());
            return done(Done{});
        }
    }
    if (!m_source)
        return done(Error::cancelled());
    handle.setCurrentStep(m_source->deleteManifest(
        run->plan.repository, replaced.toString(), this,
        [run, result, replaced, done](Result<Done> deleted) {
            DeletionOutcome::FallbackResult &r = run->outcome.fallback[result];
            if (deleted.ok() || deleted.error().kind == ErrorKind::NotFound) {
                r.replacedIndexDeleted = true;
                return done(Done{});
            }
            if (deleted.error().kind == ErrorKind::Cancelled)
                return done(deleted.error());
            r.replacedIndexMessage = QStringLiteral("The replaced index %1 could not be deleted "
                                                    "(it stays, untagged): %2")
                                         .arg(replaced.toString(), deleted.error().toString());
            done(Done{});
        }));
}

} // namespace ocular
