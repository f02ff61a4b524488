#include "requesthandle.h"

namespace ocular {

RequestHandle::RequestHandle()
    : m_state(std::make_shared<State>())
{}

void RequestHandle::cancel() const
{
    if (m_state->cancelled)
        return;
    m_state->cancelled = true;
    // Move out first: the abort may synchronously finish the operation and reset these.
    auto abort = std::move(m_state->abort);
    auto step = std::move(m_state->step);
    if (step) {
        RequestHandle inner;
        inner.m_state = step;
        inner.cancel();
    }
    if (abort)
        abort();
}

bool RequestHandle::isCancelled() const
{
    return m_state->cancelled;
}

void RequestHandle::setCurrentStep(const RequestHandle &step) const
{
    m_state->step = step.m_state;
    if (m_state->cancelled)
        step.cancel();
}

void RequestHandle::setAbort(std::function<void()> abort) const
{
    m_state->abort = std::move(abort);
}

} // namespace ocular
