#pragma once

#include "base/result.h"
#include "http/requesthandle.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <functional>

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
    return QObject::connect(context, &QObject::destroyed, std::move(onDestroyed));
}

} // namespace ocular::async
