#pragma once

#include "async/asynctask.h"

#include <QHash>
#include <QList>
#include <climits>
#include <memory>
#include <optional>
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
    bool launching = false;
    bool finished = false;
    std::vector<std::optional<Result<T>>> results;
    QPointer<QObject> context;
    Callback<QList<Result<T>>> done;
    QHash<int, RequestHandle> inFlight;
    std::function<void(int index, const Result<T> &)> progress;
};

template <typename T> void finishPool(const std::shared_ptr<PoolState<T>> &state)
{
    state->finished = true;
    QList<Result<T>> results;
    results.reserve(qsizetype(state->results.size()));
    for (auto &slot : state->results)
        results.append(std::move(*slot));
    state->results.clear();
    auto done = std::move(state->done);
    deliverLater(state->context, [done, results = std::move(results)] { done(results); });
}

template <typename T> void launchPool(const std::shared_ptr<PoolState<T>> &state)
{
    // Tasks that answer synchronously would otherwise recurse once per item.
    if (state->launching)
        return;
    state->launching = true;
    while (!state->finished && state->context && state->running < state->limit &&
           state->next < state->tasks.size()) {
        const int index = state->next++;
        ++state->running;
        Task<T> task = std::move(state->tasks[index]);
        state->tasks[index] = {};
        // The callback holds the state strongly: if it is never called (its context died),
        // destroying the callback frees everything.
        const RequestHandle handle = task([state, index](Result<T> result) {
            if (state->finished || state->results[size_t(index)])
                return;
            state->inFlight.remove(index);
            --state->running;
            ++state->completed;
            if (state->progress)
                state->progress(index, result);
            state->results[size_t(index)].emplace(std::move(result));
            if (!state->context) {
                state->finished = true;
                return;
            }
            if (state->completed == state->tasks.size())
                finishPool(state);
            else
                launchPool(state);
        });
        if (!state->results[size_t(index)])
            state->inFlight.insert(index, handle);
    }
    state->launching = false;
    if (!state->finished && state->context && state->completed == state->tasks.size())
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
    state->limit = qMax(1, limit);
    state->results.resize(size_t(state->tasks.size()));
    state->context = context;
    state->done = std::move(done);
    state->progress = std::move(progress);
    RequestHandle outer;
    std::weak_ptr<detail::PoolState<T>> weak = state;
    outer.setAbort([weak] {
        auto s = weak.lock();
        if (!s || s->finished)
            return;
        s->finished = true;
        const QList<RequestHandle> inFlight = s->inFlight.values();
        s->inFlight.clear();
        for (const RequestHandle &h : inFlight)
            h.cancel();
        auto done = std::move(s->done);
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
