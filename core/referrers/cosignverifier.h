#pragma once

#include "base/result.h"
#include "reference/digest.h"

#include <QByteArray>
#include <QString>
#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

namespace ocular {

/// The outcome of a signature check. Never "verified" unless the cryptographic check passed
/// over the exact payload bytes.
struct VerificationResult
{
    enum class Status
    {
        Verified,
        Failed,
        NotChecked,
    };
    Status status = Status::NotChecked;
    QString reason; ///< why it failed or was not checked; empty when verified

    static VerificationResult verified();
    static VerificationResult failed(const QString &why);
    static VerificationResult notChecked(const QString &why);
    bool isVerified() const { return status == Status::Verified; }
    /// "verified", "failed (why)", "not checked (why)".
    QString toString() const;
};

/// Checks cosign signatures (base64 in `dev.cosignproject.cosign/signature`) over the exact
/// simple-signing payload bytes with a user's public key: ECDSA P-256 or RSA, SHA-256
/// (OpenSSL EVP).
class CosignVerifier
{
public:
    /// Reads a PEM `PUBLIC KEY` (what `cosign generate-key-pair` writes as cosign.pub).
    static Result<CosignVerifier> fromPublicKeyPem(const QByteArray &pem);

    /// "ECDSA P-256" or "RSA 2048".
    QString keyDescription() const { return m_description; }

    /// Verifies `signatureBase64` (the annotation value) over `payload` exactly as given.
    VerificationResult verify(const QByteArray &payload, const QByteArray &signatureBase64) const;
    /// The cosign rule, in one place for the GUI and the CLI: verified only when the signature
    /// verifies over the exact payload bytes AND the simple-signing payload's
    /// critical.image.docker-manifest-digest names `subject`. `claimedDigest` (may be null)
    /// receives what the payload names.
    VerificationResult verifyForSubject(const QByteArray &payload,
                                        const QByteArray &signatureBase64, const Digest &subject,
                                        QString *claimedDigest = nullptr) const;

private:
    std::shared_ptr<EVP_PKEY> m_key;
    QString m_description;
};

} // namespace ocular
