#pragma once

#include "async/asynctask.h"

#include <QList>
#include <memory>

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
    };
    auto state = std::make_shared<State>();
    state->context = context;
    state->done = std::move(done);
    state->fetch = std::move(fetch);
    state->progress = std::move(progress);
    state->maxPages = qMax(1, maxPages);
    state->seen.append(first);

    auto finish = [](const std::shared_ptr<State> &s, Result<Collected<Item>> result) {
        s->finished = true;
        s->step = {};
        auto done = std::move(s->done);
        deliverLater(s->context, [done, result = std::move(result)] { done(result); });
    };
    // The step function holds the state weakly; the page in flight holds it strongly.
    std::weak_ptr<State> weak = state;
    state->step = [weak, finish](const Cursor &cursor) {
        auto s = weak.lock();
        if (!s)
            return;
        s->current = s->fetch(cursor, [s, finish](Result<Page<Item, Cursor>> page) {
            if (s->finished)
                return;
            if (!page.ok())
                return finish(s, page.error());
            ++s->collected.pages;
            s->collected.items += page->items;
            if (s->progress)
                s->progress(page->items);
            if (!s->context) {
                s->finished = true;
                s->step = {};
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
    };
    RequestHandle outer;
    outer.setAbort([weak, finish] {
        auto s = weak.lock();
        if (!s || s->finished)
            return;
        const RequestHandle current = s->current;
        finish(s, Error::cancelled());
        current.cancel();
    });
    state->step(first);
    return outer;
}

} // namespace ocular::async
