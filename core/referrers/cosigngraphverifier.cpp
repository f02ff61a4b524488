#include "cosigngraphverifier.h"

#include "async/boundedpool.h"
#include "content/mediatype.h"
#include "source/contentsource.h"

#include <memory>

namespace ocular {

namespace {
const QLatin1String kSignatureAnnotation("dev.cosignproject.cosign/signature");
constexpr qint64 PayloadCap = 1024 * 1024;
} // namespace

CosignGraphVerifier::CosignGraphVerifier(ContentSource *source, QObject *parent)
    : QObject(parent)
    , m_source(source)
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
    // Every check in graph order; those with a payload to read get their result from a task.
    auto checks = std::make_shared<QList<CosignCheck>>();
    QList<qsizetype> fetched; // the check each task fills
    QList<async::Task<VerificationResult>> tasks;
    const QPointer<ContentSource> source = m_source;
    const QString &repository = graph.repository();
    for (const ReferrerEdge &edge : graph.referrersOf(subject)) {
        const ReferrerNode *node = graph.node(edge.to);
        if (!node)
            continue;
        for (int i = 0; i < node->layers.size(); ++i) {
            const Descriptor &layer = node->layers.at(i);
            if (!mediatype::sameType(layer.mediaType, mediatype::CosignSimpleSigning))
                continue;
            CosignCheck check;
            check.subject = subject;
            check.signatureManifest = node->digest;
            check.layer = i;
            check.sources = edge.sources;
            const QByteArray signature = layer.annotations.value(kSignatureAnnotation).toLatin1();
            if (signature.isEmpty()) {
                check.result = VerificationResult::failed(
                    QStringLiteral("the layer has no dev.cosignproject.cosign/signature"));
                checks->append(check);
                continue;
            }
            const qsizetype index = checks->size();
            checks->append(check);
            fetched.append(index);
            // The verified payload bytes, then the signature over exactly those bytes.
            tasks.append([source, repository, layer, signature, verifier, subject, checks, index,
                          context](async::Callback<VerificationResult> result) {
                if (!source) {
                    async::deliverLater(context, [result] {
                        result(Error::cancelled(QStringLiteral("The content source went away.")));
                    });
                    return RequestHandle();
                }
                return source->blobBytes(
                    repository, layer.digest, PayloadCap, context,
                    [result, signature, verifier, subject, checks,
                     index](Result<QByteArray> payload) {
                        if (!payload.ok())
                            return result(VerificationResult::notChecked(
                                QStringLiteral("the payload could not be read: ") +
                                payload.error().message));
                        result(verifier.verifyForSubject(payload.value(), signature, subject,
                                                         &(*checks)[index].claimedDigest));
                    });
            });
        }
    }
    RequestHandle handle = async::join<VerificationResult>(
        context, std::move(tasks),
        [checks, fetched, done](Result<QList<Result<VerificationResult>>> results) {
            if (!results.ok())
                return done(results.error());
            for (qsizetype t = 0; t < fetched.size(); ++t) {
                const Result<VerificationResult> &r = results->at(t);
                (*checks)[fetched.at(t)].result =
                    r.ok() ? r.value() : VerificationResult::notChecked(r.error().message);
            }
            done(*checks);
        });
    m_running.append(handle);
    return handle;
}

} // namespace ocular
