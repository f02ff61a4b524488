#pragma once

#include "async/asynctask.h"

#include <QList>
#include <memory>
#include <utility>

namespace ocular::async {

/// One page of a listing and the cursor of the next one (`next.isEnd()` on the last page).
template <typename Item, typename Cursor> struct Page
{
    QList<Item> items;
    Cursor next;
};

/// Everything a pager collected.
template <typename Item> struct Collected
{
    QList<Item> items;
    int pages = 0;
    bool truncated = false; ///< stopped at the page cap with more pages left
};

/// Follows opaque cursors from `first` until a page says it is the last or `maxPages` pages
/// were read (then `truncated` is set). A cursor seen before means the pages lead in a circle:
/// an InvalidContent error. Cursor needs `isEnd()` and `==`. `progress` (may be empty) sees
/// each page as it arrives; if it destroys `context`, nothing more happens.
template <typename Item, typename Cursor>
RequestHandle
collectPages(QObject *context, const Cursor &first, int maxPages,
             std::function<RequestHandle(const Cursor &, Callback<Page<Item, Cursor>>)> fetch,
             Callback<Collected<Item>> done, std::function<void(const QList<Item> &)> progress = {})
{
    struct State
    {
        QPointer<QObject> context;
        Callback<Collected<Item>> done;
        std::function<RequestHandle(const Cursor &, Callback<Page<Item, Cursor>>)> fetch;
        std::function<void(const QList<Item> &)> progress;
        Collected<Item> collected;
        QList<Cursor> seen;
        int maxPages = 1;
        bool finished = false;
        RequestHandle current;
        std::function<void(const Cursor &)> step;
        QMetaObject::Connection contextWatch;
        bool cancelledBeforeDelivery = false; ///< finished, but cancelled before delivery
    };
    auto state = std::make_shared<State>();
    state->context = context;
    state->done = std::move(done);
    state->fetch = std::move(fetch);
    state->progress = std::move(progress);
    state->maxPages = qMax(1, maxPages);
    state->seen.append(first);

    // Marks the listing finished and drops what it holds; returns the callback.
    auto release = [](const std::shared_ptr<State> &s) {
        s->finished = true;
        QObject::disconnect(s->contextWatch);
        s->step = {};
        s->current = RequestHandle();
        return std::exchange(s->done, {});
    };
    auto finish = [release](const std::shared_ptr<State> &s, Result<Collected<Item>> result) {
        auto done = release(s);
        // A cancel between the end and the queued delivery still wins (RequestHandle contract).
        deliverLater(s->context, [s, done, result = std::move(result)] {
            if (s->cancelledBeforeDelivery)
                return done(Error::cancelled());
            done(result);
        });
    };
    // The step function holds the state weakly; the page in flight holds it strongly, and the
    // state holds that page's handle only until it answers (its abort may hold the callback).
    std::weak_ptr<State> weak = state;
    state->contextWatch = stopWhenContextDies(context, weak, release);
    state->step = [weak, finish, release](const Cursor &cursor) {
        auto s = weak.lock();
        if (!s)
            return;
        const int pagesBefore = s->collected.pages;
        RequestHandle handle =
            s->fetch(cursor, [s, finish, release](Result<Page<Item, Cursor>> page) {
                if (s->finished)
                    return;
                const RequestHandle answered = std::exchange(s->current, RequestHandle());
                if (!page.ok())
                    return finish(s, page.error());
                ++s->collected.pages;
                s->collected.items += page->items;
                if (s->progress)
                    s->progress(page->items);
                if (!s->context) {
                    release(s);
                    return;
                }
                if (page->next.isEnd())
                    return finish(s, s->collected);
                if (s->collected.pages >= s->maxPages) {
                    s->collected.truncated = true;
                    return finish(s, s->collected);
                }
                if (s->seen.contains(page->next))
                    return finish(s, Error::make(ErrorKind::InvalidContent,
                                                 QStringLiteral("The pages lead in a circle; the "
                                                                "listing stopped after %1 pages.")
                                                     .arg(s->collected.pages)));
                s->seen.append(page->next);
                // Queued, so that a source answering synchronously cannot recurse once per page.
                const Cursor next = page->next;
                deliverLater(s->context, [s, next] {
                    if (!s->finished && s->step)
                        s->step(next);
                });
            });
        // A page that answered while starting has no further use for its handle.
        if (!s->finished && s->collected.pages == pagesBefore)
            s->current = std::move(handle);
    };
    RequestHandle outer;
    outer.setAbort([weak, finish] {
        auto s = weak.lock();
        if (!s)
            return;
        if (s->finished) {
            s->cancelledBeforeDelivery = true;
            return;
        }
        const RequestHandle current = s->current;
        finish(s, Error::cancelled());
        current.cancel();
    });
    state->step(first);
    return outer;
}

} // namespace ocular::async
