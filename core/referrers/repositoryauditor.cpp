#include "repositoryauditor.h"

#include "referrers/cosigngraphverifier.h"
#include "referrers/cosigntags.h"
#include "referrers/referrerwalker.h"
#include "registry/registryclient.h"

#include <QPointer>
#include <algorithm>
#include <memory>

namespace ocular {

RepositoryAuditor::RepositoryAuditor(RegistryClient *client, CapabilityProbe *probe,
                                     QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_probe(probe)
{}

struct RepositoryAuditor::State
{
    QStringList queue;
    int total = 0;
    int finished = 0;
    int running = 0;
    QMap<QString, QList<AuditRow>> rows; // by tag, for a stable order
    std::shared_ptr<const QSet<QString>> tags;
    QPointer<QObject> context;
    Callback done;
    bool over = false;
    QList<RequestHandle> handles;
    std::function<void()> release; ///< breaks the pump's reference cycle
};

RepositoryAuditor::~RepositoryAuditor()
{
    // Inner steps are delivered to this object (and to its walker and verifier children), so
    // none runs once it is gone; callers still waiting hear Cancelled.
    const QList<std::weak_ptr<State>> audits = std::move(m_audits);
    for (const std::weak_ptr<State> &weak : audits) {
        const auto state = weak.lock();
        if (!state || state->over)
            continue;
        state->over = true;
        if (auto release = std::move(state->release))
            release();
        const QList<RequestHandle> handles = std::move(state->handles);
        for (const RequestHandle &h : handles)
            h.cancel();
        if (state->context && state->done)
            QMetaObject::invokeMethod(
                state->context.data(),
                [done = std::move(state->done)] {
                    done(Error::make(ErrorKind::Cancelled, QStringLiteral("Cancelled.")));
                },
                Qt::QueuedConnection);
    }
}

RequestHandle RepositoryAuditor::audit(const QString &repository, QObject *caller, Callback done)
{
    auto state = std::make_shared<State>();
    state->done = std::move(done);
    state->context = caller;
    m_audits.removeIf([](const std::weak_ptr<State> &w) {
        const auto s = w.lock();
        return !s || s->over;
    });
    m_audits.append(state);
    // Every inner step reports to the auditor; only the final answer goes to the caller.
    QObject *const context = this;
    RequestHandle outer;
    std::weak_ptr<State> weak = state;
    outer.setAbort([weak] {
        if (auto s = weak.lock()) {
            const QList<RequestHandle> handles = s->handles;
            for (const RequestHandle &h : handles)
                h.cancel();
        }
    });
    auto *walker = new ReferrerWalker(m_client, m_probe, this);
    auto *checker = new CosignGraphVerifier(m_client, this);
    QPointer<RepositoryAuditor> self(this);
    const std::optional<CosignVerifier> verifier = m_verifier;
    const int maxDepth = m_maxDepth;
    const int concurrency = m_concurrency;

    auto finish = [state, walker, checker, outer](Result<QList<AuditRow>> result) {
        if (state->over)
            return;
        state->over = true;
        walker->deleteLater();
        checker->deleteLater();
        Callback done = std::move(state->done);
        if (!state->context || !done)
            return;
        if (outer.isCancelled())
            return done(Error::make(ErrorKind::Cancelled, QStringLiteral("Cancelled.")));
        done(std::move(result));
    };

    auto pump = std::make_shared<std::function<void()>>();
    state->release = [pump] { *pump = nullptr; };
    *pump = [state, pump, walker, checker, repository, context, verifier, maxDepth, concurrency,
             finish, self, outer]() {
        if (state->over)
            return;
        if (outer.isCancelled()) {
            auto keep = std::move(*pump); // this closure lives until we return
            *pump = nullptr;
            return finish(QList<AuditRow>());
        }
        if (state->queue.isEmpty() && state->running == 0) {
            QList<AuditRow> all;
            for (const QList<AuditRow> &rows : std::as_const(state->rows))
                all += rows;
            auto keep = std::move(*pump);
            *pump = nullptr;
            return finish(all);
        }
        while (state->running < concurrency && !state->queue.isEmpty()) {
            const QString tag = state->queue.takeFirst();
            ++state->running;
            ReferrerWalker::Options options;
            options.maxDepth = maxDepth;
            options.tags = state->tags;
            auto tagDone = [state, pump, self, tag](QList<AuditRow> rows) {
                state->rows.insert(tag, rows);
                --state->running;
                ++state->finished;
                if (self)
                    Q_EMIT self->progress(state->finished, state->total);
                if (*pump)
                    (*pump)();
            };
            state->handles.append(walker->walk(
                repository, tag, options, context,
                [state, checker, tag, context, verifier, tagDone](Result<ReferrerGraph> graph) {
                    if (!graph.ok()) {
                        AuditRow failed;
                        failed.tag = tag;
                        failed.setVerification(
                            VerificationResult::notChecked(graph.error().message));
                        return tagDone({failed});
                    }
                    auto rows =
                        std::make_shared<QList<AuditRow>>(audittable::rowsFor(graph.value(), tag));
                    if (!verifier) {
                        for (AuditRow &row : *rows) {
                            if (row.hasSignatureFormat(ArtifactFormat::CosignSignature))
                                row.setVerification(
                                    VerificationResult::notChecked(QStringLiteral("no key given")));
                            else if (row.isSigned())
                                row.setVerification(VerificationResult::notChecked(
                                    QStringLiteral("no cosign signature")));
                        }
                        return tagDone(*rows);
                    }
                    auto pending = std::make_shared<int>(int(rows->size()));
                    for (qsizetype i = 0; i < rows->size(); ++i) {
                        state->handles.append(checker->verify(
                            graph.value(), rows->at(i).digest, *verifier, context,
                            [rows, i, pending, tagDone](Result<QList<CosignCheck>> checks) {
                                AuditRow &row = (*rows)[i];
                                if (checks.ok() && !checks->isEmpty()) {
                                    // One good signature is enough; else the first failure.
                                    row.setVerification(checks->first().result);
                                    for (const CosignCheck &c : checks.value()) {
                                        if (c.result.isVerified())
                                            row.setVerification(c.result);
                                    }
                                } else if (row.isSigned()) {
                                    row.setVerification(VerificationResult::notChecked(
                                        QStringLiteral("no cosign signature")));
                                }
                                if (--*pending == 0)
                                    tagDone(*rows);
                            }));
                    }
                }));
        }
    };

    state->handles.append(
        m_client->allTags(repository, context, [state, pump, finish](Result<QStringList> tags) {
            if (!tags.ok()) {
                *pump = nullptr;
                return finish(tags.error());
            }
            state->tags = std::make_shared<const QSet<QString>>(tags->begin(), tags->end());
            QStringList subjects;
            for (const QString &tag : tags.value()) {
                if (!cosigntags::isAttachmentTag(tag))
                    subjects << tag;
            }
            std::sort(subjects.begin(), subjects.end());
            state->queue = subjects;
            state->total = int(subjects.size());
            (*pump)();
        }));
    return outer;
}

} // namespace ocular
