#pragma once

#include "base/result.h"
#include "http/requesthandle.h"
#include "referrers/cosignverifier.h"
#include "referrers/referrergraph.h"

#include <QObject>
#include <QPointer>
#include <functional>

namespace ocular {

class ContentSource;

/// The check of one cosign signature (one simple-signing layer) of a subject.
struct CosignCheck
{
    Digest subject;
    Digest signatureManifest;
    int layer = 0;
    ReferrerSources sources;
    QString claimedDigest; ///< the payload's critical.image.docker-manifest-digest
    VerificationResult result;
};

/// Verifies the cosign signatures a ReferrerGraph found for a subject: fetches each
/// simple-signing payload blob (digest-checked), checks it names the subject, and checks the
/// signature over those exact bytes with CosignVerifier.
class CosignGraphVerifier : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(Result<QList<CosignCheck>>)>;

    /// `source` is not owned.
    explicit CosignGraphVerifier(ContentSource *source, QObject *parent = nullptr);
    /// Cancels the checks still running; their callers receive Cancelled.
    ~CosignGraphVerifier() override;

    /// Every cosign signature among the direct referrers of `subject`; an empty list when
    /// there are none.
    RequestHandle verify(const ReferrerGraph &graph, const Digest &subject,
                         const CosignVerifier &verifier, QObject *context, Callback done);

private:
    QPointer<ContentSource> m_source;
    QList<RequestHandle> m_running;
};

} // namespace ocular
