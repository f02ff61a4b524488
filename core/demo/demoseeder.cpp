#include "demoseeder.h"

#include "async/boundedpool.h"
#include "async/sequence.h"
#include "demo/demosigningkey.h"
#include "source/contentsource.h"

#include <QPointer>

#include <optional>

namespace ocular {

DemoSeeder::DemoSeeder(QObject *parent)
    : QObject(parent)
{}

RequestHandle DemoSeeder::seed(ContentSource *target, QObject *context, Callback done)
{
    return run(target, DemoPlan::standard(m_manyTags, m_signingKey.get()), context,
               std::move(done));
}

RequestHandle DemoSeeder::seedTags(ContentSource *target, const QString &repository, int count,
                                   QObject *context, Callback done)
{
    return run(target, DemoPlan::tags(repository, count), context, std::move(done));
}

RequestHandle DemoSeeder::push(ContentSource *target, const DemoOperation &op, QObject *context,
                               std::function<void(Result<Done>)> done)
{
    const QString what =
        op.kind == DemoOperation::Kind::Blob
            ? QStringLiteral("uploading blob %1 to %2").arg(op.digest.shortForm(), op.repository)
            : QStringLiteral("pushing %1:%2").arg(op.repository, op.reference);
    auto checked = [what, expected = op.digest, done](Result<Digest> got) {
        if (!got.ok()) {
            Error e = got.error();
            if (e.kind != ErrorKind::Cancelled)
                e.message = what + QStringLiteral(": ") + e.message;
            return done(e);
        }
        if (got->isValid() && got.value() != expected)
            return done(Error::make(ErrorKind::DigestMismatch,
                                    QStringLiteral("%1: the registry answered with digest %2, "
                                                   "expected %3.")
                                        .arg(what, got->toString(), expected.toString())));
        done(Done{});
    };
    if (op.kind == DemoOperation::Kind::Blob)
        return target->pushBlob(op.repository, op.bytes, context, checked);
    return target->pushManifest(op.repository, op.reference, op.bytes, op.mediaType, context,
                                [checked](Result<PushedContent> pushed) {
                                    if (!pushed.ok())
                                        return checked(pushed.error());
                                    checked(pushed->digest);
                                });
}

RequestHandle DemoSeeder::run(ContentSource *target, DemoPlan plan, QObject *context,
                              Callback done)
{
    const auto shared = std::make_shared<const DemoPlan>(std::move(plan));
    QPointer<DemoSeeder> self(this);
    QPointer<ContentSource> where(target);
    const int total = int(shared->steps.size());
    QList<async::Task<Done>> steps;
    // A first turn of the event loop, so that the caller can connect to progress() first.
    steps.append([self](async::Callback<Done> next) {
        async::deliverLater(self, [next] { next(Done{}); });
        return RequestHandle();
    });
    for (int i = 0; i < total; ++i) {
        steps.append([self, where, shared, i, total](async::Callback<Done> stepDone) {
            if (!self || !where) {
                stepDone(Error::cancelled(
                    QStringLiteral("The registry went away while seeding.")));
                return RequestHandle();
            }
            const DemoStep &step = shared->steps.at(i);
            Q_EMIT self->progress(i + 1, total, step.text);
            // The first failure cancels the rest of the step and is what the run reports.
            auto firstError = std::make_shared<std::optional<Error>>();
            auto pool = std::make_shared<RequestHandle>();
            QList<async::Task<Done>> pushes;
            pushes.reserve(step.operations.size());
            for (qsizetype op = 0; op < step.operations.size(); ++op)
                pushes.append([self, where, shared, i, op, firstError,
                               pool](async::Callback<Done> pushed) {
                    if (!self || !where) {
                        pushed(Error::cancelled(
                            QStringLiteral("The registry went away while seeding.")));
                        return RequestHandle();
                    }
                    return push(where, shared->steps.at(i).operations.at(op), self,
                                [firstError, pool, pushed](Result<Done> r) {
                                    if (!r.ok() && !*firstError &&
                                        r.error().kind != ErrorKind::Cancelled) {
                                        *firstError = r.error();
                                        pool->cancel();
                                    }
                                    pushed(r);
                                });
                });
            *pool = async::boundedPool<Done>(
                self, std::move(pushes), self->m_maxInFlight,
                [firstError, stepDone](Result<QList<Result<Done>>> results) {
                    if (*firstError)
                        return stepDone(**firstError);
                    if (!results.ok())
                        return stepDone(results.error());
                    for (const Result<Done> &r : results.value())
                        if (!r.ok())
                            return stepDone(r.error());
                    stepDone(Done{});
                });
            return *pool;
        });
    }
    return async::sequence(context ? context : this, std::move(steps),
                           [shared, done](Result<Done> finished) {
                               if (!finished.ok())
                                   return done(finished.error());
                               done(shared->summary);
                           });
}

} // namespace ocular
