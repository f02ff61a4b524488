#pragma once

#include "async/asynctask.h"

#include <QList>

namespace ocular::async {

/// Runs `steps` one after another; the first error stops the sequence and is delivered.
/// Steps pass values to later steps through state they capture. Cancelling the handle cancels
/// the step in flight and delivers Error::cancelled(); a destroyed `context` receives nothing
/// and no further step starts.
RequestHandle sequence(QObject *context, QList<Task<Done>> steps, Callback<Done> done);

} // namespace ocular::async
