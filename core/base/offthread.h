#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>
#include <functional>

namespace ocular {

/// Runs `work` on the global thread pool and hands its result to `deliver` on `receiver`'s
/// thread, unless `receiver` is gone by then. Used for parsing and hashing big documents.
template <typename R>
void runOffThread(QObject *receiver, std::function<R()> work, std::function<void(R)> deliver)
{
    auto *watcher = new QFutureWatcher<R>(receiver);
    QObject::connect(watcher, &QFutureWatcherBase::finished, receiver,
                     [watcher, deliver = std::move(deliver)] {
                         watcher->deleteLater();
                         deliver(watcher->result());
                     });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

} // namespace ocular
