#include "demoseeder.h"

#include "demo/demosigningkey.h"
#include "registry/registryclient.h"

#include <QPointer>

namespace ocular {

struct DemoSeeder::Run
{
    QPointer<RegistryClient> client;
    DemoPlan plan;
    QPointer<QObject> context;
    Callback done;
    RequestHandle handle;
    qsizetype step = 0;
    qsizetype next = 0; ///< next operation of the current step to launch
    int inFlight = 0;
    bool finished = false;
    QList<RequestHandle> pending;
};

DemoSeeder::DemoSeeder(QObject *parent)
    : QObject(parent)
{}

RequestHandle DemoSeeder::seed(RegistryClient *client, QObject *context, Callback done)
{
    return run(client, DemoPlan::standard(m_manyTags, m_signingKey.get()), context,
               std::move(done));
}

RequestHandle DemoSeeder::seedTags(RegistryClient *client, const QString &repository, int count,
                                   QObject *context, Callback done)
{
    return run(client, DemoPlan::tags(repository, count), context, std::move(done));
}

RequestHandle DemoSeeder::run(RegistryClient *client, DemoPlan plan, QObject *context,
                              Callback done)
{
    auto r = std::make_shared<Run>();
    r->client = client;
    r->plan = std::move(plan);
    r->context = context ? context : this;
    r->done = std::move(done);
    std::weak_ptr<Run> weak = r;
    r->handle.setAbort([weak] {
        if (auto run = weak.lock()) {
            const QList<RequestHandle> pending = run->pending;
            for (const RequestHandle &h : pending)
                h.cancel();
        }
    });
    // Start on the next event-loop turn so that the caller can connect to progress first.
    QMetaObject::invokeMethod(
        this, [this, r] { startStep(r); }, Qt::QueuedConnection);
    return r->handle;
}

void DemoSeeder::startStep(const std::shared_ptr<Run> &run)
{
    if (run->finished)
        return;
    if (run->handle.isCancelled()) {
        finish(run, Error::cancelled(QStringLiteral("Seeding was cancelled.")));
        return;
    }
    if (!run->client) {
        finish(run,
               Error::cancelled(QStringLiteral("The registry client went away while seeding.")));
        return;
    }
    if (run->step >= run->plan.steps.size()) {
        finish(run, run->plan.summary);
        return;
    }
    const DemoStep &step = run->plan.steps.at(run->step);
    Q_EMIT progress(int(run->step + 1), int(run->plan.steps.size()), step.text);
    run->next = 0;
    run->inFlight = 0;
    launchMore(run);
}

void DemoSeeder::launchMore(const std::shared_ptr<Run> &run)
{
    const DemoStep &step = run->plan.steps.at(run->step);
    while (!run->finished && run->inFlight < m_maxInFlight && run->next < step.operations.size()) {
        const DemoOperation &op = step.operations.at(run->next++);
        ++run->inFlight;
        const QString what = op.kind == DemoOperation::Kind::Blob
                                 ? QStringLiteral("uploading blob %1 to %2")
                                       .arg(op.digest.shortForm(), op.repository)
                                 : QStringLiteral("pushing %1:%2").arg(op.repository, op.reference);
        const Digest expected = op.digest;
        auto completed = [this, run, what, expected](const Error *error, const Digest &got) {
            if (run->finished)
                return;
            --run->inFlight;
            if (error) {
                Error e = *error;
                if (e.kind != ErrorKind::Cancelled)
                    e.message = what + QStringLiteral(": ") + e.message;
                finish(run, e);
                return;
            }
            if (got.isValid() && got != expected) {
                finish(run, Error::make(ErrorKind::DigestMismatch,
                                        QStringLiteral("%1: the registry answered with digest %2, "
                                                       "expected %3.")
                                            .arg(what, got.toString(), expected.toString())));
                return;
            }
            const DemoStep &current = run->plan.steps.at(run->step);
            if (run->next < current.operations.size()) {
                launchMore(run);
            } else if (run->inFlight == 0) {
                run->pending.clear();
                ++run->step;
                QMetaObject::invokeMethod(
                    this, [this, run] { startStep(run); }, Qt::QueuedConnection);
            }
        };
        RequestHandle h;
        if (op.kind == DemoOperation::Kind::Blob) {
            h = run->client->uploadBlob(op.repository, op.bytes, this,
                                        [completed](Result<Digest> r) {
                                            if (r)
                                                completed(nullptr, r.value());
                                            else
                                                completed(&r.error(), {});
                                        });
        } else {
            h = run->client->putManifest(op.repository, op.reference, op.bytes, op.mediaType, this,
                                         [completed](Result<PushedManifest> r) {
                                             if (r)
                                                 completed(nullptr, r->digest);
                                             else
                                                 completed(&r.error(), {});
                                         });
        }
        run->pending.append(h);
    }
}

void DemoSeeder::finish(const std::shared_ptr<Run> &run, Result<DemoSummary> result)
{
    if (run->finished)
        return;
    run->finished = true;
    const QList<RequestHandle> pending = std::exchange(run->pending, {});
    for (const RequestHandle &h : pending)
        h.cancel();
    if (run->context && run->done)
        run->done(std::move(result));
}

} // namespace ocular
