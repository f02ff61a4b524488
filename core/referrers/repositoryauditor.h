#pragma once

#include "async/asynctask.h"
#include "base/result.h"
#include "http/requesthandle.h"
#include "referrers/audittable.h"
#include "referrers/cosignverifier.h"

#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>
#include <optional>

namespace ocular {

class CapabilityProbe;
class ContentSource;

/// Audits a whole repository: every tag (attachment tags excluded) and every platform
/// manifest of each index, with the referrer graph of each, and — given a key — the check of
/// each cosign signature.
class RepositoryAuditor : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(Result<QList<AuditRow>>)>;

    /// `source` is not owned (an audit that outlives it ends Cancelled); `probe` may be null.
    RepositoryAuditor(ContentSource *source, CapabilityProbe *probe, QObject *parent = nullptr);
    /// Cancels the audits still running; their callers receive Cancelled.
    ~RepositoryAuditor() override;

    void setVerifier(std::optional<CosignVerifier> verifier) { m_verifier = std::move(verifier); }
    /// Tags walked at once.
    void setConcurrency(int n) { m_concurrency = qMax(1, n); }
    void setMaxDepth(int depth) { m_maxDepth = depth; }

    RequestHandle audit(const QString &repository, QObject *context, Callback done);

Q_SIGNALS:
    void progress(int done, int total);

private:
    struct State;
    /// One tag: its walk, then the check of its cosign signatures; always a row list (a failed
    /// walk is a row saying so).
    RequestHandle auditTag(const std::shared_ptr<State> &state, const QString &repository,
                           const QString &tag, async::Callback<QList<AuditRow>> done);

    QList<std::weak_ptr<State>> m_audits;
    QPointer<ContentSource> m_source;
    CapabilityProbe *m_probe;
    std::optional<CosignVerifier> m_verifier;
    int m_concurrency = 8;
    int m_maxDepth = 3;
};

} // namespace ocular
