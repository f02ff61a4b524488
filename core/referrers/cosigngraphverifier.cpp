#include "cosigngraphverifier.h"

#include "content/mediatype.h"
#include "referrers/fanoutjoin.h"
#include "registry/registryclient.h"

#include <memory>

namespace ocular {

namespace {
const QLatin1String kSignatureAnnotation("dev.cosignproject.cosign/signature");
constexpr qint64 PayloadCap = 1024 * 1024;
} // namespace

CosignGraphVerifier::CosignGraphVerifier(RegistryClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

CosignGraphVerifier::~CosignGraphVerifier()
{
    // The steps capture no pointer to this object; cancelling makes their callers hear
    // Cancelled rather than an answer from a service that is gone.
    const QList<RequestHandle> running = std::move(m_running);
    for (const RequestHandle &handle : running)
        handle.cancel();
}

RequestHandle CosignGraphVerifier::verify(const ReferrerGraph &graph, const Digest &subject,
                                          const CosignVerifier &verifier, QObject *context,
                                          Callback done)
{
    auto join = FanOutJoin<CosignCheck>::create(std::move(done));
    auto finishOne = [join] { join->finishOne(); };

    for (const ReferrerEdge &edge : graph.referrersOf(subject)) {
        const ReferrerNode *node = graph.node(edge.to);
        if (!node)
            continue;
        for (int i = 0; i < node->layers.size(); ++i) {
            const Descriptor &layer = node->layers.at(i);
            if (!mediatype::sameType(layer.mediaType, mediatype::CosignSimpleSigning))
                continue;
            const qsizetype index = join->results().size();
            CosignCheck check;
            check.subject = subject;
            check.signatureManifest = node->digest;
            check.layer = i;
            check.sources = edge.sources;
            const QByteArray signature = layer.annotations.value(kSignatureAnnotation).toLatin1();
            if (signature.isEmpty()) {
                check.result = VerificationResult::failed(
                    QStringLiteral("the layer has no dev.cosignproject.cosign/signature"));
                join->results().append(check);
                continue;
            }
            join->results().append(check);
            join->expectOne();
            join->track(m_client->getBlob(
                graph.repository(), layer.digest, PayloadCap, context,
                [join, index, signature, verifier, subject, finishOne](Result<QByteArray> payload) {
                    CosignCheck &c = join->results()[index];
                    if (!payload.ok()) {
                        c.result = VerificationResult::notChecked(
                            QStringLiteral("the payload could not be read: ") +
                            payload.error().message);
                        return finishOne();
                    }
                    c.result = verifier.verifyForSubject(payload.value(), signature, subject,
                                                         &c.claimedDigest);
                    finishOne();
                }));
        }
    }
    join->startedAll(context);
    m_running.append(join->handle());
    return join->handle();
}

} // namespace ocular
