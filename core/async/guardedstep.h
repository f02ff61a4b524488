#pragma once

#include "async/asynctask.h"

#include <QPointer>
#include <utility>

namespace ocular::async {

/// A step of a sequence() that needs an object which may be gone by the time the step starts:
/// steps start only after the one before answered, so an owner or a source alive when the
/// sequence was made may have been destroyed meanwhile. `lookup()` returns the object (null
/// when it is gone); the step then answers `gone` without starting, and otherwise runs
/// `step(object, next)`.
template <typename Lookup, typename Step>
Task<Done> guardedStep(Lookup lookup, Step step, Error gone = Error::cancelled())
{
    return [lookup = std::move(lookup), step = std::move(step),
            gone = std::move(gone)](Callback<Done> next) -> RequestHandle {
        auto *object = lookup();
        if (!object) {
            next(gone);
            return RequestHandle();
        }
        return step(object, std::move(next));
    };
}

/// guardedStep() for an object watched by a QPointer.
template <typename T, typename Step>
Task<Done> guardedStep(QPointer<T> object, Step step, Error gone = Error::cancelled())
{
    return guardedStep([object] { return object.data(); }, std::move(step), std::move(gone));
}

} // namespace ocular::async
