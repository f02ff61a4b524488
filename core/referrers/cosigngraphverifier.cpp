#include "cosigngraphverifier.h"

#include "content/mediatype.h"
#include "referrers/fanoutjoin.h"
#include "referrers/signatureinspector.h"
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
                    const auto parsed = signatureinspector::inspectSimpleSigning(payload.value());
                    if (parsed.ok())
                        c.claimedDigest = parsed->dockerManifestDigest;
                    const VerificationResult crypto = verifier.verify(payload.value(), signature);
                    if (!crypto.isVerified())
                        c.result = crypto;
                    else if (!parsed.ok())
                        c.result = VerificationResult::failed(parsed.error().message);
                    else if (c.claimedDigest != subject.toString())
                        c.result = VerificationResult::failed(
                            QStringLiteral("the signed payload names %1, not this manifest")
                                .arg(c.claimedDigest.left(80)));
                    else
                        c.result = VerificationResult::verified();
                    finishOne();
                }));
        }
    }
    join->startedAll(context);
    return join->handle();
}

} // namespace ocular
