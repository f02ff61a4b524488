#include "repositoryauditor.h"

#include "async/boundedpool.h"
#include "referrers/cosigngraphverifier.h"
#include "referrers/cosigntags.h"
#include "referrers/referrerwalker.h"
#include "source/contentsource.h"

#include <QPointer>
#include <algorithm>
#include <memory>

namespace ocular {

namespace {
// Pages of 1000 tags: a million tags is past what one audit can show.
constexpr int MaxTagPages = 1000;
} // namespace

RepositoryAuditor::RepositoryAuditor(ContentSource *source, CapabilityProbe *probe, QObject *parent)
    : QObject(parent)
    , m_source(source)
    , m_probe(probe)
{}

struct RepositoryAuditor::State
{
    int total = 0;
    int finished = 0;
    std::shared_ptr<const QSet<QString>> tags;
    QPointer<QObject> context;
    Callback done;
    bool over = false;
    /// The tag listing, then the pool of tag audits: cancelling it cancels what runs.
    RequestHandle outer;
    ReferrerWalker *walker = nullptr;
    CosignGraphVerifier *checker = nullptr;
    std::optional<CosignVerifier> verifier;
    int maxDepth = 3;
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
        state->outer.cancel();
        if (state->done)
            async::deliverLater(state->context.data(),
                                [done = std::move(state->done)] { done(Error::cancelled()); });
    }
}

RequestHandle RepositoryAuditor::audit(const QString &repository, QObject *caller, Callback done)
{
    auto state = std::make_shared<State>();
    state->done = std::move(done);
    state->context = caller;
    state->verifier = m_verifier;
    state->maxDepth = m_maxDepth;
    m_audits.removeIf([](const std::weak_ptr<State> &w) {
        const auto s = w.lock();
        return !s || s->over;
    });
    m_audits.append(state);
    if (!m_source) {
        state->over = true;
        async::deliverLater(caller, [done = std::move(state->done)] {
            done(Error::cancelled(QStringLiteral("The content source went away.")));
        });
        return state->outer;
    }
    // One walker and one verifier per audit, children of the auditor: every inner step
    // reports to the auditor; only the final answer goes to the caller.
    state->walker = new ReferrerWalker(m_source, m_probe, this);
    state->checker = new CosignGraphVerifier(m_source, this);

    // The callbacks in flight hold the state (the auditor only watches it), so a finished or
    // abandoned audit frees everything.
    auto finish = [](const std::shared_ptr<State> &state, Result<QList<AuditRow>> result) {
        if (state->over)
            return;
        state->over = true;
        state->walker->deleteLater();
        state->checker->deleteLater();
        Callback done = std::move(state->done);
        if (!state->context || !done)
            return;
        if (state->outer.isCancelled())
            return done(Error::cancelled());
        done(std::move(result));
    };
    QPointer<RepositoryAuditor> self(this);
    const int concurrency = m_concurrency;
    state->outer.setCurrentStep(m_source->allTags(
        repository, MaxTagPages, this,
        [self, state, repository, concurrency, finish](Result<NameListing> tags) {
            if (state->over)
                return;
            if (!tags.ok())
                return finish(state, tags.error());
            if (!self)
                return finish(state, Error::cancelled());
            state->tags =
                std::make_shared<const QSet<QString>>(tags->items.begin(), tags->items.end());
            QStringList subjects;
            for (const QString &tag : tags->items) {
                if (!cosigntags::isAttachmentTag(tag))
                    subjects << tag;
            }
            std::sort(subjects.begin(), subjects.end());
            state->total = int(subjects.size());
            // Results come back in task order: sorted by tag, as before.
            state->outer.setCurrentStep(async::forEachBounded<QString, QList<AuditRow>>(
                self, subjects, concurrency,
                [self, state, repository](const QString &tag,
                                          async::Callback<QList<AuditRow>> done) {
                    if (!self)
                        return RequestHandle();
                    return self->auditTag(state, repository, tag, std::move(done));
                },
                [state, finish](Result<QList<Result<QList<AuditRow>>>> perTag) {
                    if (!perTag.ok())
                        return finish(state, perTag.error());
                    QList<AuditRow> all;
                    for (const Result<QList<AuditRow>> &rows : perTag.value()) {
                        if (rows.ok())
                            all += rows.value();
                    }
                    finish(state, all);
                },
                [self, state](int, const Result<QList<AuditRow>> &) {
                    ++state->finished;
                    if (self)
                        Q_EMIT self->progress(state->finished, state->total);
                }));
        }));
    return state->outer;
}

RequestHandle RepositoryAuditor::auditTag(const std::shared_ptr<State> &state,
                                          const QString &repository, const QString &tag,
                                          async::Callback<QList<AuditRow>> done)
{
    ReferrerWalker::Options options;
    options.maxDepth = state->maxDepth;
    options.tags = state->tags;
    RequestHandle handle;
    QPointer<RepositoryAuditor> self(this);
    handle.setCurrentStep(state->walker->walk(
        repository, tag, options, this,
        [self, state, tag, handle, done](Result<ReferrerGraph> graph) {
            if (!graph.ok()) {
                AuditRow failed;
                failed.tag = tag;
                failed.setVerification(VerificationResult::notChecked(graph.error().message));
                return done(QList<AuditRow>{failed});
            }
            auto rows = std::make_shared<QList<AuditRow>>(audittable::rowsFor(graph.value(), tag));
            if (!state->verifier || !self) {
                for (AuditRow &row : *rows) {
                    if (row.hasSignatureFormat(ArtifactFormat::CosignSignature))
                        row.setVerification(
                            VerificationResult::notChecked(QStringLiteral("no key given")));
                    else if (row.isSigned())
                        row.setVerification(
                            VerificationResult::notChecked(QStringLiteral("no cosign signature")));
                }
                return done(*rows);
            }
            QList<async::Task<QList<CosignCheck>>> checks;
            for (const AuditRow &row : *rows) {
                checks.append([state, graph = graph.value(), digest = row.digest,
                               self](async::Callback<QList<CosignCheck>> checked) {
                    return state->checker->verify(graph, digest, *state->verifier, self,
                                                  std::move(checked));
                });
            }
            handle.setCurrentStep(async::join<QList<CosignCheck>>(
                self, std::move(checks),
                [rows, done](Result<QList<Result<QList<CosignCheck>>>> results) {
                    if (!results.ok())
                        return done(results.error());
                    for (qsizetype i = 0; i < rows->size(); ++i) {
                        AuditRow &row = (*rows)[i];
                        const Result<QList<CosignCheck>> &checks = results->at(i);
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
                    }
                    done(*rows);
                }));
        }));
    return handle;
}

} // namespace ocular
