#pragma once

#include "base/result.h"
#include "http/requesthandle.h"

#include <QList>
#include <QMetaObject>
#include <QObject>
#include <functional>
#include <memory>

namespace ocular {

/// Joins a fan-out of requests whose answers accumulate into one list: cancelling the handle
/// cancels every request, and the callback runs once, after the last request has finished.
template <typename T> class FanOutJoin : public std::enable_shared_from_this<FanOutJoin<T>>
{
public:
    using Callback = std::function<void(Result<QList<T>>)>;

    static std::shared_ptr<FanOutJoin> create(Callback done)
    {
        std::shared_ptr<FanOutJoin> join(new FanOutJoin(std::move(done)));
        // Weak, so that an outstanding handle does not keep the results alive.
        std::weak_ptr<FanOutJoin> weak = join;
        join->m_outer.setAbort([weak] {
            if (auto j = weak.lock()) {
                const QList<RequestHandle> handles = j->m_handles;
                for (const RequestHandle &h : handles)
                    h.cancel();
            }
        });
        return join;
    }

    /// The handle to give the caller.
    RequestHandle handle() const { return m_outer; }
    /// The answers so far; requests append to it or fill slots reserved before they started.
    QList<T> &results() { return m_results; }
    /// Call before starting a request, so that a synchronous answer cannot finish the join early.
    void expectOne() { ++m_pending; }
    /// Keeps a started request so that cancelling the handle cancels it.
    void track(const RequestHandle &request) { m_handles.append(request); }

    /// Marks one request (or the fan-out itself) as done; the last one delivers the results.
    void finishOne()
    {
        if (--m_pending > 0 || m_finished)
            return;
        m_finished = true;
        if (m_outer.isCancelled())
            return m_done(Error::make(ErrorKind::Cancelled, QStringLiteral("Cancelled.")));
        m_done(m_results);
    }

    /// Ends the fan-out; queued so the callback never runs before the caller has the handle.
    void startedAll(QObject *context)
    {
        auto self = this->shared_from_this();
        QMetaObject::invokeMethod(
            context, [self] { self->finishOne(); }, Qt::QueuedConnection);
    }

private:
    explicit FanOutJoin(Callback done)
        : m_done(std::move(done))
    {}

    QList<T> m_results;
    int m_pending = 1; // the fan-out itself, released by startedAll()
    QList<RequestHandle> m_handles;
    Callback m_done;
    bool m_finished = false;
    RequestHandle m_outer;
};

} // namespace ocular
