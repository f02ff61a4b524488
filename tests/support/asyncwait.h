#pragma once

#include "base/result.h"
#include "http/requesthandle.h"

#include <QEventLoop>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace ocular::test {

/// Runs a callback-style core call to completion for a test: @p start receives the context
/// object and the callback, and returns the operation's handle. A local event loop runs until
/// the callback fires or @p timeoutMs passes; then the operation is cancelled and the result is
/// Error(Cancelled, "timed out ..."). Call as `waitFor<Manifest>([&](QObject *ctx, auto done)
/// { return client.getManifest(ref, ctx, done); })`.
template <typename T>
Result<T> waitFor(std::function<RequestHandle(QObject *, std::function<void(Result<T>)>)> start,
                  int timeoutMs = 30000)
{
    // Shared with the callback, so a reply arriving after we gave up touches nothing dead.
    struct State
    {
        std::optional<Result<T>> result;
        QPointer<QEventLoop> loop;
        bool timedOut = false;
    };
    auto state = std::make_shared<State>();
    QEventLoop loop;
    state->loop = &loop;

    const RequestHandle handle = start(&loop, [state](Result<T> result) {
        if (state->result || state->timedOut)
            return;
        state->result.emplace(std::move(result));
        if (state->loop)
            state->loop->quit();
    });

    if (!state->result) {
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        timer.start(timeoutMs);
        loop.exec();
    }
    if (!state->result) {
        state->timedOut = true;
        handle.cancel();
        return Error::make(ErrorKind::Cancelled,
                           QStringLiteral("timed out after %1 ms").arg(timeoutMs));
    }
    return std::move(*state->result);
}

} // namespace ocular::test
