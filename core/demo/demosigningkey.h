#pragma once

#include "base/result.h"

#include <QByteArray>
#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

namespace ocular {

/// The ECDSA P-256 key the demo signs its cosign-style signature with, so that a user can see
/// a verification succeed. Generated per run: a demo key protects nothing, and shipping a
/// private key would invite copying it into real use.
class DemoSigningKey
{
public:
    static Result<DemoSigningKey> generate();

    /// The public key as PEM (SubjectPublicKeyInfo), what `cosign verify --key` reads.
    QByteArray publicKeyPem() const;
    /// A DER ECDSA signature over SHA-256 of `payload` (what cosign puts, base64, in the
    /// `dev.cosignproject.cosign/signature` annotation). Empty if OpenSSL fails.
    QByteArray sign(const QByteArray &payload) const;
    /// Writes publicKeyPem() to `path` (mode 0644); an error when the file cannot be written.
    Result<Done> writePublicKey(const QString &path) const;

private:
    std::shared_ptr<EVP_PKEY> m_key;
};

} // namespace ocular
