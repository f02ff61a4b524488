#pragma once

#include "async/asynctask.h"

#include <QHash>
#include <QList>
#include <climits>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace ocular::async {

namespace detail {

template <typename T> struct PoolState
{
    QList<Task<T>> tasks;
    int limit = 1;
    int next = 0;
    int running = 0;
    int completed = 0;
    int total = 0;
    bool launching = false;
    bool finished = false;
    std::vector<std::optional<Result<T>>> results;
    QPointer<QObject> context;
    Callback<QList<Result<T>>> done;
    QHash<int, RequestHandle> inFlight;
    std::function<void(int index, const Result<T> &)> progress;
    QMetaObject::Connection contextWatch;
    bool cancelledBeforeDelivery = false; ///< finished, but cancelled before the answer arrived
};

/// Marks the pool finished and drops what it holds (tasks not started, the handles in flight,
/// whose aborts may hold callbacks that hold this state); returns those handles to cancel.
template <typename T> QList<RequestHandle> releasePool(const std::shared_ptr<PoolState<T>> &state)
{
    state->finished = true;
    QObject::disconnect(state->contextWatch);
    state->tasks.clear();
    return std::exchange(state->inFlight, {}).values();
}

template <typename T> void finishPool(const std::shared_ptr<PoolState<T>> &state)
{
    releasePool(state);
    QList<Result<T>> results;
    results.reserve(qsizetype(state->results.size()));
    for (auto &slot : state->results)
        results.append(std::move(*slot));
    state->results.clear();
    auto done = std::move(state->done);
    // A cancel between the end and the queued delivery still wins (RequestHandle contract).
    deliverLater(state->context, [state, done, results = std::move(results)] {
        if (state->cancelledBeforeDelivery)
            return done(Error::cancelled());
        done(results);
    });
}

template <typename T> void launchPool(const std::shared_ptr<PoolState<T>> &state)
{
    // Tasks that answer synchronously would otherwise recurse once per item.
    if (state->launching)
        return;
    state->launching = true;
    while (!state->finished && state->context && state->running < state->limit &&
           state->next < state->total) {
        const int index = state->next++;
        ++state->running;
        Task<T> task = std::move(state->tasks[index]);
        state->tasks[index] = {};
        // The callback holds the state strongly; the state holds the task's handle only
        // until the task answers, is cancelled or the pool's context dies.
        const RequestHandle handle = task([state, index](Result<T> result) {
            if (state->finished || state->results[size_t(index)])
                return;
            // The task has answered: its handle may hold this very callback, so it is
            // released at the end of this scope, after the last use of `state`.
            const RequestHandle answered = state->inFlight.take(index);
            --state->running;
            ++state->completed;
            if (state->progress)
                state->progress(index, result);
            state->results[size_t(index)].emplace(std::move(result));
            if (!state->context) {
                for (const RequestHandle &h : releasePool(state))
                    h.cancel();
                return;
            }
            if (state->completed == state->total)
                finishPool(state);
            else
                launchPool(state);
        });
        if (!state->finished && !state->results[size_t(index)])
            state->inFlight.insert(index, handle);
    }
    state->launching = false;
    if (!state->finished && state->context && state->completed == state->total)
        finishPool(state);
}

} // namespace detail

/// Runs `tasks` at most `limit` at a time and delivers every task's result, in task order,
/// once the last one has finished (one failure does not stop the others). Cancelling the
/// handle cancels the tasks in flight, starts no more and delivers Error::cancelled();
/// a destroyed `context` receives nothing and no further task is started. `progress` (may be
/// empty) sees each result as it arrives, in completion order.
template <typename T>
RequestHandle boundedPool(QObject *context, QList<Task<T>> tasks, int limit,
                          Callback<QList<Result<T>>> done,
                          std::function<void(int index, const Result<T> &)> progress = {})
{
    auto state = std::make_shared<detail::PoolState<T>>();
    state->tasks = std::move(tasks);
    state->total = int(state->tasks.size());
    state->limit = qMax(1, limit);
    state->results.resize(size_t(state->total));
    state->context = context;
    state->done = std::move(done);
    state->progress = std::move(progress);
    std::weak_ptr<detail::PoolState<T>> weak = state;
    // Nobody can receive the answer any more: stop the tasks in flight and free the state.
    state->contextWatch = watchContext(context, [weak] {
        auto s = weak.lock();
        if (!s || s->finished)
            return;
        s->done = {};
        for (const RequestHandle &h : detail::releasePool(s))
            h.cancel();
    });
    RequestHandle outer;
    outer.setAbort([weak] {
        auto s = weak.lock();
        if (!s)
            return;
        if (s->finished) {
            s->cancelledBeforeDelivery = true;
            return;
        }
        auto done = std::exchange(s->done, {});
        for (const RequestHandle &h : detail::releasePool(s))
            h.cancel();
        deliverLater(s->context, [done] { done(Error::cancelled()); });
    });
    detail::launchPool(state);
    return outer;
}

/// Maps every item to a task and runs them through boundedPool().
template <typename Item, typename T>
RequestHandle forEachBounded(QObject *context, const QList<Item> &items, int limit,
                             std::function<RequestHandle(const Item &, Callback<T>)> start,
                             Callback<QList<Result<T>>> done,
                             std::function<void(int index, const Result<T> &)> progress = {})
{
    QList<Task<T>> tasks;
    tasks.reserve(items.size());
    for (const Item &item : items)
        tasks.append([start, item](Callback<T> cb) { return start(item, std::move(cb)); });
    return boundedPool<T>(context, std::move(tasks), limit, std::move(done), std::move(progress));
}

/// Fan-out: starts every task at once and collects all results (boundedPool without a bound).
template <typename T>
RequestHandle join(QObject *context, QList<Task<T>> tasks, Callback<QList<Result<T>>> done)
{
    return boundedPool<T>(context, std::move(tasks), INT_MAX, std::move(done));
}

} // namespace ocular::async
