#pragma once

#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

namespace ocular {

/// Cancels an asynchronous operation, however many HTTP requests it is made of.
/// Copies share the same operation. Cancelling delivers ErrorKind::Cancelled to the callback
/// (unless its context object is gone, in which case nothing is delivered).
class RequestHandle
{
public:
    RequestHandle();

    void cancel() const;
    bool isCancelled() const;
    /// For composite operations: the step now in flight; cancel() aborts it.
    void setCurrentStep(const RequestHandle &step) const;
    /// For the HTTP layer: what to call to abort the network request in flight.
    void setAbort(std::function<void()> abort) const;

private:
    struct State
    {
        bool cancelled = false;
        std::function<void()> abort;
        std::shared_ptr<State> step;
    };
    std::shared_ptr<State> m_state;
};

} // namespace ocular
