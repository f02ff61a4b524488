// The async toolkit: sequence, bounded pool, join and pager, including cancellation mid-way and
// a context destroyed mid-way (nothing may be delivered into it, nothing more may start).
#include "async/boundedpool.h"
#include "async/pager.h"
#include "async/sequence.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>

using namespace ocular;

namespace {

/// What the fake tasks saw: how many ran at once, which started, which were cancelled.
struct Trace
{
    int running = 0;
    int maxRunning = 0;
    QList<int> started;
    QList<int> cancelled;
};

/// A task that answers `value` (or an error for a negative value) after `delayMs`, on its own
/// timer, and answers Cancelled when its handle is cancelled.
async::Task<int> delayed(const std::shared_ptr<Trace> &trace, int value, int delayMs,
                         QObject *context)
{
    return [trace, value, delayMs, context](async::Callback<int> done) {
        trace->started.append(value);
        trace->maxRunning = qMax(trace->maxRunning, ++trace->running);
        RequestHandle handle;
        auto answered = std::make_shared<bool>(false);
        handle.setAbort([trace, value, answered, done] {
            if (*answered)
                return;
            *answered = true;
            --trace->running;
            trace->cancelled.append(value);
            done(Error::cancelled());
        });
        QTimer::singleShot(delayMs, context, [trace, value, answered, done] {
            if (*answered)
                return;
            *answered = true;
            --trace->running;
            if (value < 0)
                return done(
                    Error::make(ErrorKind::Server, QStringLiteral("task %1 failed").arg(value)));
            done(value);
        });
        return handle;
    };
}

/// A step of a sequence built from a delayed task.
async::Task<Done> step(const std::shared_ptr<Trace> &trace, int value, int delayMs,
                       QObject *context)
{
    auto task = delayed(trace, value, delayMs, context);
    return [task](async::Callback<Done> done) {
        return task([done](Result<int> r) {
            if (!r.ok())
                return done(r.error());
            done(Done{});
        });
    };
}

/// A task whose handle's abort holds its callback (as MemorySource's and many HTTP layers'
/// do) and a `token` that lives exactly as long as that abort. It answers `value` after
/// `delayMs` on `timers`, or never when `delayMs` is negative. If an operation keeps the
/// handle of a task that answered, or of one that can no longer answer, the token outlives
/// it: a reference cycle (callback → operation state → handle → abort → callback).
template <typename T>
async::Task<T> retaining(const std::shared_ptr<int> &token, T value, int delayMs, QObject *timers)
{
    return [token, value, delayMs, timers](async::Callback<T> done) {
        RequestHandle handle;
        handle.setAbort([token, done] { done(Error::cancelled()); });
        if (delayMs >= 0)
            QTimer::singleShot(delayMs, timers, [done, value] { done(value); });
        return handle;
    };
}

/// A cursor like a source's: a position, or the end.
struct TestCursor
{
    int position = 0;
    bool end = false;
    bool isEnd() const { return end; }
    friend bool operator==(const TestCursor &, const TestCursor &) = default;
};

} // namespace

class TestAsyncToolkit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cancelledErrorIsOneValue()
    {
        const Error e = Error::cancelled();
        QCOMPARE(e.kind, ErrorKind::Cancelled);
        QCOMPARE(e.message, QStringLiteral("Cancelled."));
        QCOMPARE(Error::cancelled(QStringLiteral("Seeding was cancelled.")).message,
                 QStringLiteral("Seeding was cancelled."));
    }

    void sequenceRunsInOrderAndStopsOnFirstError_data()
    {
        QTest::addColumn<QList<int>>("values");
        QTest::addColumn<QList<int>>("expectStarted");
        QTest::addColumn<bool>("expectOk");
        QTest::addRow("all succeed") << QList<int>{1, 2, 3} << QList<int>{1, 2, 3} << true;
        QTest::addRow("second fails") << QList<int>{1, -2, 3} << QList<int>{1, -2} << false;
        QTest::addRow("first fails") << QList<int>{-1, 2} << QList<int>{-1} << false;
        QTest::addRow("empty") << QList<int>{} << QList<int>{} << true;
    }
    void sequenceRunsInOrderAndStopsOnFirstError()
    {
        QFETCH(QList<int>, values);
        QFETCH(QList<int>, expectStarted);
        QFETCH(bool, expectOk);
        QObject context;
        auto trace = std::make_shared<Trace>();
        QList<async::Task<Done>> steps;
        // Later steps are faster: only a real sequence keeps the order.
        for (qsizetype i = 0; i < values.size(); ++i)
            steps.append(step(trace, values[i], int(30 - 10 * i), &context));
        std::optional<Result<Done>> result;
        async::sequence(&context, steps, [&](Result<Done> r) { result.emplace(r); });
        QVERIFY(!result); // never synchronously, even when empty
        QTRY_VERIFY(result.has_value());
        QCOMPARE(result->ok(), expectOk);
        QCOMPARE(trace->started, expectStarted);
        QCOMPARE(trace->maxRunning, qMin(1, int(values.size())));
    }

    void sequenceWithSynchronousStepsDoesNotRecurse()
    {
        QObject context;
        int ran = 0;
        QList<async::Task<Done>> steps;
        for (int i = 0; i < 20000; ++i)
            steps.append([&ran](async::Callback<Done> done) {
                ++ran;
                done(Done{});
                return RequestHandle();
            });
        bool finished = false;
        async::sequence(&context, steps, [&](Result<Done> r) { finished = r.ok(); });
        QTRY_VERIFY(finished);
        QCOMPARE(ran, 20000);
    }

    void sequenceCancelledMidway()
    {
        QObject context;
        auto trace = std::make_shared<Trace>();
        const QList<async::Task<Done>> steps{step(trace, 1, 5, &context),
                                             step(trace, 2, 200, &context),
                                             step(trace, 3, 5, &context)};
        std::optional<Result<Done>> result;
        const RequestHandle handle =
            async::sequence(&context, steps, [&](Result<Done> r) { result.emplace(r); });
        QTRY_COMPARE(trace->started.size(), 2);
        handle.cancel();
        QTRY_VERIFY(result.has_value());
        QCOMPARE(result->error().kind, ErrorKind::Cancelled);
        QCOMPARE(trace->cancelled, QList<int>{2});
        QTest::qWait(50);
        QCOMPARE(trace->started, (QList<int>{1, 2})); // step 3 never started
    }

    void sequenceContextDestroyedMidway()
    {
        auto context = std::make_unique<QObject>();
        QObject timers;
        auto trace = std::make_shared<Trace>();
        const QList<async::Task<Done>> steps{step(trace, 1, 20, &timers),
                                             step(trace, 2, 5, &timers)};
        bool delivered = false;
        async::sequence(context.get(), steps, [&](Result<Done>) { delivered = true; });
        QTRY_COMPARE(trace->started.size(), 1);
        context.reset();
        QTest::qWait(80);
        QVERIFY(!delivered);
        QCOMPARE(trace->started, QList<int>{1}); // nothing more started
    }

    void poolRespectsBoundAndKeepsOrder_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("limit");
        QTest::addRow("1 at a time") << 6 << 1;
        QTest::addRow("3 at a time") << 10 << 3;
        QTest::addRow("limit above count") << 4 << 10;
        QTest::addRow("empty") << 0 << 3;
    }
    void poolRespectsBoundAndKeepsOrder()
    {
        QFETCH(int, count);
        QFETCH(int, limit);
        QObject context;
        auto trace = std::make_shared<Trace>();
        QList<async::Task<int>> tasks;
        for (int i = 0; i < count; ++i)
            tasks.append(delayed(trace, i, (i * 7) % 13 + 1, &context)); // finish out of order
        std::optional<Result<QList<Result<int>>>> result;
        int progressed = 0;
        async::boundedPool<int>(
            &context, tasks, limit, [&](Result<QList<Result<int>>> r) { result.emplace(r); },
            [&](int, const Result<int> &) { ++progressed; });
        QTRY_VERIFY(result.has_value());
        QVERIFY(result->ok());
        QCOMPARE(result->value().size(), count);
        for (int i = 0; i < count; ++i)
            QCOMPARE(result->value().at(i).value(), i);
        QCOMPARE(progressed, count);
        QCOMPARE(trace->maxRunning, qMin(limit, count));
    }

    void poolCollectsFailuresWithoutStopping()
    {
        QObject context;
        auto trace = std::make_shared<Trace>();
        const QList<async::Task<int>> tasks{delayed(trace, 1, 1, &context),
                                            delayed(trace, -2, 1, &context),
                                            delayed(trace, 3, 1, &context)};
        std::optional<Result<QList<Result<int>>>> result;
        async::boundedPool<int>(&context, tasks, 2,
                                [&](Result<QList<Result<int>>> r) { result.emplace(r); });
        QTRY_VERIFY(result.has_value());
        QVERIFY(result->ok());
        QVERIFY(result->value().at(0).ok());
        QCOMPARE(result->value().at(1).error().kind, ErrorKind::Server);
        QCOMPARE(result->value().at(2).value(), 3);
    }

    void poolCancelledMidway()
    {
        QObject context;
        auto trace = std::make_shared<Trace>();
        QList<async::Task<int>> tasks;
        for (int i = 0; i < 10; ++i)
            tasks.append(delayed(trace, i, i < 2 ? 5 : 300, &context));
        std::optional<Result<QList<Result<int>>>> result;
        const RequestHandle handle = async::boundedPool<int>(
            &context, tasks, 2, [&](Result<QList<Result<int>>> r) { result.emplace(r); });
        QTRY_COMPARE(trace->started.size(), 4); // two quick ones done, two slow in flight
        handle.cancel();
        QTRY_VERIFY(result.has_value());
        QCOMPARE(result->error().kind, ErrorKind::Cancelled);
        QList<int> cancelled = trace->cancelled;
        std::sort(cancelled.begin(), cancelled.end());
        QCOMPARE(cancelled, (QList<int>{2, 3}));
        QTest::qWait(30);
        QCOMPARE(trace->started.size(), 4); // nothing started after the cancel
    }

    void poolContextDestroyedMidway()
    {
        auto context = std::make_unique<QObject>();
        QObject timers;
        auto trace = std::make_shared<Trace>();
        QList<async::Task<int>> tasks;
        for (int i = 0; i < 6; ++i)
            tasks.append(delayed(trace, i, 10, &timers));
        bool delivered = false;
        async::boundedPool<int>(context.get(), tasks, 2,
                                [&](Result<QList<Result<int>>>) { delivered = true; });
        QCOMPARE(trace->started.size(), 2);
        context.reset();
        QTest::qWait(80);
        QVERIFY(!delivered);
        QCOMPARE(trace->started.size(), 2); // the running ones finished, none started
    }

    void joinRunsEverythingAtOnce()
    {
        QObject context;
        auto trace = std::make_shared<Trace>();
        QList<async::Task<int>> tasks;
        for (int i = 0; i < 8; ++i)
            tasks.append(delayed(trace, i, 10, &context));
        std::optional<Result<QList<Result<int>>>> result;
        async::join<int>(&context, tasks, [&](Result<QList<Result<int>>> r) { result.emplace(r); });
        QCOMPARE(trace->maxRunning, 8);
        QTRY_VERIFY(result.has_value());
        QCOMPARE(result->value().size(), 8);
    }

    void pagerFollowsCursors_data()
    {
        QTest::addColumn<int>("pages");
        QTest::addColumn<int>("cap");
        QTest::addColumn<int>("expectPages");
        QTest::addColumn<bool>("expectTruncated");
        QTest::addRow("three pages") << 3 << 10 << 3 << false;
        QTest::addRow("capped") << 5 << 2 << 2 << true;
        QTest::addRow("one page") << 1 << 1 << 1 << false;
    }
    void pagerFollowsCursors()
    {
        QFETCH(int, pages);
        QFETCH(int, cap);
        QFETCH(int, expectPages);
        QFETCH(bool, expectTruncated);
        QObject context;
        using P = async::Page<int, TestCursor>;
        QList<int> seenProgress;
        std::optional<Result<async::Collected<int>>> result;
        async::collectPages<int, TestCursor>(
            &context, TestCursor{}, cap,
            [&](const TestCursor &c, async::Callback<P> done) {
                QTimer::singleShot(1, &context, [c, pages, done] {
                    const int next = c.position + 1;
                    done(
                        P{{c.position * 10, c.position * 10 + 1}, TestCursor{next, next >= pages}});
                });
                return RequestHandle();
            },
            [&](Result<async::Collected<int>> r) { result.emplace(r); },
            [&](const QList<int> &page) { seenProgress += page; });
        QTRY_VERIFY(result.has_value());
        QVERIFY(result->ok());
        QCOMPARE(result->value().pages, expectPages);
        QCOMPARE(result->value().truncated, expectTruncated);
        QCOMPARE(result->value().items.size(), expectPages * 2);
        QCOMPARE(result->value().items.last(), (expectPages - 1) * 10 + 1);
        QCOMPARE(seenProgress, result->value().items);
    }

    void pagerRefusesCircles()
    {
        QObject context;
        using P = async::Page<int, TestCursor>;
        int fetched = 0;
        std::optional<Result<async::Collected<int>>> result;
        async::collectPages<int, TestCursor>(
            &context, TestCursor{}, 100,
            [&](const TestCursor &c, async::Callback<P> done) {
                ++fetched;
                // 0 → 1 → 0 → ...
                done(P{{c.position}, TestCursor{c.position == 0 ? 1 : 0, false}});
                return RequestHandle();
            },
            [&](Result<async::Collected<int>> r) { result.emplace(r); });
        QTRY_VERIFY(result.has_value());
        QCOMPARE(result->error().kind, ErrorKind::InvalidContent);
        QCOMPARE(fetched, 2);
    }

    void pagerStopsOnErrorAndCancel()
    {
        QObject context;
        using P = async::Page<int, TestCursor>;
        auto trace = std::make_shared<Trace>();
        std::optional<Result<async::Collected<int>>> result;
        const RequestHandle handle = async::collectPages<int, TestCursor>(
            &context, TestCursor{}, 100,
            [&](const TestCursor &c, async::Callback<P> done) {
                auto task = delayed(trace, c.position, c.position == 0 ? 1 : 500, &context);
                return task([done, c](Result<int> r) {
                    if (!r.ok())
                        return done(r.error());
                    done(P{{r.value()}, TestCursor{c.position + 1, false}});
                });
            },
            [&](Result<async::Collected<int>> r) { result.emplace(r); });
        QTRY_COMPARE(trace->started.size(), 2);
        handle.cancel();
        QTRY_VERIFY(result.has_value());
        QCOMPARE(result->error().kind, ErrorKind::Cancelled);
        QCOMPARE(trace->cancelled, QList<int>{1});
    }

    void pagerContextDestroyedMidway()
    {
        auto context = std::make_unique<QObject>();
        QObject timers;
        using P = async::Page<int, TestCursor>;
        int fetched = 0;
        bool delivered = false;
        async::collectPages<int, TestCursor>(
            context.get(), TestCursor{}, 100,
            [&](const TestCursor &c, async::Callback<P> done) {
                ++fetched;
                QTimer::singleShot(10, &timers, [c, done] {
                    done(P{{c.position}, TestCursor{c.position + 1, false}});
                });
                return RequestHandle();
            },
            [&](Result<async::Collected<int>>) { delivered = true; });
        QTRY_VERIFY(fetched >= 2);
        const int before = fetched;
        context.reset();
        QTest::qWait(60);
        QVERIFY(!delivered);
        QCOMPARE(fetched, before); // the page in flight ended the walk; no further page asked
    }

    // The last step has answered and the answer is queued when the caller cancels: the
    // caller hears Cancelled, once, never the late answer (the RequestHandle contract).
    void cancelBetweenTheEndAndTheDeliveryWins()
    {
        QObject context;
        const auto answerAtOnce = [](async::Callback<Done> done) {
            done(Done{});
            return RequestHandle();
        };
        QList<Result<Done>> sequenced;
        async::sequence(&context, {answerAtOnce}, [&](Result<Done> r) { sequenced << r; }).cancel();
        QList<Result<QList<Result<int>>>> pooled;
        async::boundedPool<int>(&context, {[](async::Callback<int> done) {
            done(1);
            return RequestHandle();
        }},
                                1, [&](Result<QList<Result<int>>> r) { pooled << r; })
            .cancel();
        using P = async::Page<int, TestCursor>;
        QList<Result<async::Collected<int>>> paged;
        async::collectPages<int, TestCursor>(
            &context, TestCursor{}, 5,
            [](const TestCursor &, async::Callback<P> done) {
                done(P{{1}, TestCursor{1, true}});
                return RequestHandle();
            },
            [&](Result<async::Collected<int>> r) { paged << r; })
            .cancel();
        QTest::qWait(20);
        QCOMPARE(sequenced.size(), 1);
        QCOMPARE(sequenced.first().error().kind, ErrorKind::Cancelled);
        QCOMPARE(pooled.size(), 1);
        QCOMPARE(pooled.first().error().kind, ErrorKind::Cancelled);
        QCOMPARE(paged.size(), 1);
        QCOMPARE(paged.first().error().kind, ErrorKind::Cancelled);
    }

    // Reference cycles (found by LeakSanitizer): what an operation holds must be gone once it
    // has finished, been cancelled or lost its context, whatever its tasks' handles hold.
    void sequenceReleasesTheHandlesOfAnsweredSteps()
    {
        QObject context;
        auto token = std::make_shared<int>(0);
        std::weak_ptr<int> weak = token;
        bool delivered = false;
        async::sequence(&context,
                        {retaining<Done>(token, Done{}, 5, &context),
                         retaining<Done>(token, Done{}, 5, &context)},
                        [&](Result<Done> r) { delivered = r.ok(); });
        token.reset();
        QTRY_VERIFY(delivered);
        QTest::qWait(20);
        QVERIFY2(weak.expired(), "the sequence kept a finished step's handle");
    }

    void sequenceReleasesAStepThatNeverAnswersWhenItsContextDies()
    {
        auto context = std::make_unique<QObject>();
        auto token = std::make_shared<int>(0);
        std::weak_ptr<int> weak = token;
        async::sequence(context.get(), {retaining<Done>(token, Done{}, -1, context.get())},
                        [](Result<Done>) { QFAIL("delivered into a destroyed context"); });
        token.reset();
        QVERIFY(!weak.expired()); // the step is in flight
        context.reset();
        QVERIFY2(weak.expired(), "the sequence outlived its context");
    }

    void poolReleasesAnsweredTasksAndOnesWhoseContextDied()
    {
        QObject timers;
        auto token = std::make_shared<int>(0);
        std::weak_ptr<int> weak = token;
        {
            QObject context;
            std::optional<Result<QList<Result<int>>>> result;
            async::boundedPool<int>(
                &context,
                {retaining<int>(token, 1, 5, &timers), retaining<int>(token, 2, 5, &timers)}, 1,
                [&](Result<QList<Result<int>>> r) { result = r; });
            QTRY_VERIFY(result.has_value());
            QCOMPARE(result->value().size(), 2);
        }
        auto context = std::make_unique<QObject>();
        async::boundedPool<int>(
            context.get(),
            {retaining<int>(token, 1, -1, &timers), retaining<int>(token, 2, -1, &timers)}, 2,
            [](Result<QList<Result<int>>>) { QFAIL("delivered"); });
        token.reset();
        QVERIFY(!weak.expired());
        context.reset();
        QVERIFY2(weak.expired(), "the pool kept tasks of a destroyed context");
    }

    void pagerReleasesAnsweredPagesAndOnesWhoseContextDied()
    {
        using P = async::Page<int, TestCursor>;
        QObject timers;
        auto token = std::make_shared<int>(0);
        std::weak_ptr<int> weak = token;
        const auto fetch = [&timers, &token](int pages, bool answer) {
            return [&timers, token = token, pages, answer](const TestCursor &c,
                                                           async::Callback<P> done) {
                RequestHandle handle;
                handle.setAbort([token, done] { done(Error::cancelled()); });
                if (answer)
                    QTimer::singleShot(2, &timers, [c, done, pages] {
                        done(P{{c.position}, TestCursor{c.position + 1, c.position + 1 >= pages}});
                    });
                return handle;
            };
        };
        {
            QObject context;
            std::optional<Result<async::Collected<int>>> result;
            async::collectPages<int, TestCursor>(
                &context, TestCursor{}, 10, fetch(3, true),
                [&](Result<async::Collected<int>> r) { result = r; });
            QTRY_VERIFY(result.has_value());
            QCOMPARE(result->value().pages, 3);
        }
        auto context = std::make_unique<QObject>();
        async::collectPages<int, TestCursor>(
            context.get(), TestCursor{}, 10, fetch(3, false),
            [](Result<async::Collected<int>>) { QFAIL("delivered"); });
        token.reset();
        QVERIFY(!weak.expired());
        context.reset();
        QTest::qWait(10);
        QVERIFY2(weak.expired(), "the pager kept a page of a destroyed context");
    }
};

QTEST_GUILESS_MAIN(TestAsyncToolkit)
#include "tst_asynctoolkit.moc"
