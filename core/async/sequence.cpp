#include "sequence.h"

#include <memory>
#include <utility>

namespace ocular::async {

namespace {

// Ownership: the step in flight holds the state through its callback; the state holds that
// step's handle only while it runs (a handle's abort may hold the callback, so keeping it
// after the answer would be a cycle). The outer handle and the context watch hold it weakly.
struct SequenceState
{
    QList<Task<Done>> steps;
    int next = 0;
    bool finished = false;
    QPointer<QObject> context;
    Callback<Done> done;
    RequestHandle current;
    QMetaObject::Connection contextWatch;
    bool cancelledBeforeDelivery = false; ///< finished, but cancelled before the answer arrived
};

/// Marks the sequence finished and drops everything it holds; returns the callback.
Callback<Done> release(const std::shared_ptr<SequenceState> &state)
{
    state->finished = true;
    QObject::disconnect(state->contextWatch);
    state->steps.clear();
    state->current = RequestHandle();
    return std::exchange(state->done, {});
}

void finishSequence(const std::shared_ptr<SequenceState> &state, Result<Done> result)
{
    auto done = release(state);
    // A cancel between the end and the queued delivery still wins: the caller hears
    // Cancelled, as the RequestHandle contract says, and never a late answer.
    deliverLater(state->context, [state, done, result] {
        done(state->cancelledBeforeDelivery ? Result<Done>(Error::cancelled()) : result);
    });
}

void runNext(const std::shared_ptr<SequenceState> &state)
{
    // A loop rather than recursion, for steps that answer synchronously.
    while (!state->finished) {
        if (!state->context) {
            release(state);
            return;
        }
        if (state->next >= state->steps.size())
            return finishSequence(state, Done{});
        const int index = state->next++;
        Task<Done> step = std::move(state->steps[index]);
        state->steps[index] = {};
        // 0: the step is still starting, 1: it answered while starting, 2: it went async.
        auto phase = std::make_shared<int>(0);
        RequestHandle handle = step([state, index, phase](Result<Done> r) {
            if (state->finished || state->next != index + 1)
                return;
            // The step has answered: its handle is of no further use, and may hold this very
            // callback. Released at the end of this scope, after the last use of `state`.
            const RequestHandle answered = std::exchange(state->current, RequestHandle());
            if (!r.ok())
                return finishSequence(state, r.error());
            if (*phase == 0)
                *phase = 1;
            else
                runNext(state);
        });
        if (*phase == 1)
            continue;
        *phase = 2;
        if (!state->finished)
            state->current = std::move(handle);
        return;
    }
}

} // namespace

RequestHandle sequence(QObject *context, QList<Task<Done>> steps, Callback<Done> done)
{
    auto state = std::make_shared<SequenceState>();
    state->steps = std::move(steps);
    state->context = context;
    state->done = std::move(done);
    std::weak_ptr<SequenceState> weak = state;
    // Nobody can receive the answer any more: stop the step in flight and free the state.
    state->contextWatch = stopWhenContextDies(
        context, weak, [](const std::shared_ptr<SequenceState> &s) { release(s); });
    RequestHandle outer;
    outer.setAbort([weak] {
        auto s = weak.lock();
        if (!s)
            return;
        if (s->finished) {
            s->cancelledBeforeDelivery = true;
            return;
        }
        const RequestHandle current = s->current;
        auto done = release(s);
        current.cancel();
        deliverLater(s->context, [done] { done(Error::cancelled()); });
    });
    runNext(state);
    return outer;
}

} // namespace ocular::async
