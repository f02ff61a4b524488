#pragma once

#include "base/result.h"
#include "http/requesthandle.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

namespace ocular::async {

/// The project's callback shape: one Result, delivered on the caller's context thread.
template <typename T> using Callback = std::function<void(Result<T>)>;

/// One asynchronous step: starts when called, reports through `done`, cancels via its handle.
template <typename T> using Task = std::function<RequestHandle(Callback<T> done)>;

/// Runs `deliver` on `context`'s thread on a later event-loop turn, unless `context` is gone
/// by then. Composite operations finish through this, so a callback never runs before the
/// caller holds the handle and never reaches a destroyed context.
inline void deliverLater(QObject *context, std::function<void()> deliver)
{
    if (!context)
        return;
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(
        context,
        [guard, deliver = std::move(deliver)] {
            if (guard)
                deliver();
        },
        Qt::QueuedConnection);
}

/// Calls `onDestroyed` when `context` is destroyed. Composite operations use it to drop the
/// handles and callbacks they hold once nobody can receive their answer: a step that never
/// answers (its own context died) would otherwise keep the operation's state alive forever.
/// Disconnect the returned connection when the operation finishes.
inline QMetaObject::Connection watchContext(QObject *context, std::function<void()> onDestroyed)
{
    if (!context)
        return {};
    // The context is its own receiver: Qt 6.7 removed contextless connections
    // (QT_NO_CONTEXTLESS_CONNECT), and destroyed() is emitted before a dying object loses its
    // connections, so this still fires.
    return QObject::connect(context, &QObject::destroyed, context, std::move(onDestroyed),
                            Qt::DirectConnection);
}

/// watchContext() for an operation with one step in flight (`State::current`) whose state is
/// held weakly: when the context dies, `release` drops what the state holds and the step is
/// cancelled.
template <typename State, typename Release>
QMetaObject::Connection stopWhenContextDies(QObject *context, std::weak_ptr<State> weak,
                                            Release release)
{
    return watchContext(context, [weak, release] {
        auto s = weak.lock();
        if (!s || s->finished)
            return;
        const RequestHandle current = s->current;
        release(s);
        current.cancel();
    });
}

} // namespace ocular::async
