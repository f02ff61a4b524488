#pragma once

#include "base/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace ocular {

/// What a user wants to know about one X.509 certificate of a signature.
struct CertificateSummary
{
    QString subject;
    QString issuer;
    QDateTime notBefore;
    QDateTime notAfter;
    QStringList subjectAltNames; ///< e-mail and URI names (Fulcio identities)
};

/// A Notation JWS envelope, decoded (not verified).
struct NotationJwsSummary
{
    QString algorithm;     ///< protected header `alg` (PS256, ES256, ...)
    QString signingScheme; ///< io.cncf.notary.signingScheme
    QString signingTime;   ///< io.cncf.notary.signingTime
    QString expiry;        ///< io.cncf.notary.expiry, when present
    QString signingAgent;  ///< unprotected io.cncf.notary.signingAgent
    QString targetDigest;  ///< payload targetArtifact.digest
    QString targetMediaType;
    qint64 targetSize = -1;
    bool hasTimestamp = false; ///< io.cncf.notary.timestampSignature present
    QList<CertificateSummary> certificates;
};

/// cosign's simple-signing payload (the signed bytes of a cosign signature).
struct SimpleSigningPayload
{
    QString dockerManifestDigest; ///< critical.image.docker-manifest-digest
    QString dockerReference;      ///< critical.identity.docker-reference
    QString type;                 ///< critical.type
    QStringList optional;         ///< "key: value" lines of the optional section
};

/// A Sigstore bundle, summarised.
struct SigstoreBundleSummary
{
    QString mediaType;
    QString content;       ///< "DSSE envelope" or "message signature"
    QString payloadType;   ///< DSSE payloadType
    QString predicateType; ///< of the in-toto statement inside the DSSE payload
    QString keyHint;       ///< verificationMaterial.publicKey.hint
    int tlogEntries = 0;
    QString logIndex; ///< of the first transparency log entry
    QDateTime integratedTime;
    QList<CertificateSummary> certificates;
};

/// Decodes signature envelopes for display (no trust decisions: see CosignVerifier).
namespace signatureinspector {

Result<NotationJwsSummary> inspectNotationJws(const QByteArray &envelope);
Result<SimpleSigningPayload> inspectSimpleSigning(const QByteArray &payload);
Result<SigstoreBundleSummary> inspectSigstoreBundle(const QByteArray &bundle);
/// The subjects (`alg:hex`) an in-toto statement inside a DSSE envelope names (what a cosign
/// `.att` layer holds); an error when the envelope or the statement cannot be read.
Result<QStringList> inTotoSubjects(const QByteArray &dsseEnvelope);
/// Parses one DER certificate with OpenSSL.
Result<CertificateSummary> parseCertificate(const QByteArray &der);

} // namespace signatureinspector
} // namespace ocular
