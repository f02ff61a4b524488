#include "sequence.h"

#include <memory>

namespace ocular::async {

namespace {

struct SequenceState
{
    QList<Task<Done>> steps;
    int next = 0;
    bool finished = false;
    QPointer<QObject> context;
    Callback<Done> done;
    RequestHandle current;
};

void finishSequence(const std::shared_ptr<SequenceState> &state, Result<Done> result)
{
    state->finished = true;
    auto done = std::move(state->done);
    deliverLater(state->context, [done, result] { done(result); });
}

void runNext(const std::shared_ptr<SequenceState> &state)
{
    // A loop rather than recursion, for steps that answer synchronously.
    while (!state->finished) {
        if (!state->context) {
            state->finished = true;
            return;
        }
        if (state->next >= state->steps.size())
            return finishSequence(state, Done{});
        const int index = state->next++;
        Task<Done> step = std::move(state->steps[index]);
        state->steps[index] = {};
        // 0: the step is still starting, 1: it answered while starting, 2: it went async.
        auto phase = std::make_shared<int>(0);
        state->current = step([state, index, phase](Result<Done> r) {
            if (state->finished || state->next != index + 1)
                return;
            if (!r.ok())
                return finishSequence(state, r.error());
            if (*phase == 0)
                *phase = 1;
            else
                runNext(state);
        });
        if (*phase != 1) {
            *phase = 2;
            return;
        }
    }
}

} // namespace

RequestHandle sequence(QObject *context, QList<Task<Done>> steps, Callback<Done> done)
{
    auto state = std::make_shared<SequenceState>();
    state->steps = std::move(steps);
    state->context = context;
    state->done = std::move(done);
    RequestHandle outer;
    std::weak_ptr<SequenceState> weak = state;
    outer.setAbort([weak] {
        auto s = weak.lock();
        if (!s || s->finished)
            return;
        s->finished = true;
        const RequestHandle current = s->current;
        current.cancel();
        auto done = std::move(s->done);
        deliverLater(s->context, [done] { done(Error::cancelled()); });
    });
    runNext(state);
    return outer;
}

} // namespace ocular::async
