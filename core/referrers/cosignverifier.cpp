#include "cosignverifier.h"

#include "referrers/signatureinspector.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

namespace ocular {

namespace {

QString opensslError()
{
    const unsigned long code = ERR_get_error();
    if (code == 0)
        return QStringLiteral("no detail from OpenSSL");
    char buffer[256];
    ERR_error_string_n(code, buffer, sizeof buffer);
    ERR_clear_error();
    return QString::fromLatin1(buffer);
}

// Says what the file is instead, for the usual mistakes.
QString whyNotAPublicKey(const QByteArray &pem)
{
    const QByteArray text = pem.trimmed();
    if (text.isEmpty())
        return QStringLiteral("The key file is empty; give the public key (cosign.pub).");
    if (text.contains("PRIVATE KEY-----"))
        return QStringLiteral("This is a private key; give the public key (cosign.pub), which "
                              "`cosign public-key` prints.");
    if (text.contains("-----BEGIN CERTIFICATE-----"))
        return QStringLiteral("This is a certificate, not a public key; extract the key with "
                              "`openssl x509 -pubkey -noout`.");
    if (!text.contains("-----BEGIN "))
        return QStringLiteral("This is not a PEM public key: there is no \"-----BEGIN PUBLIC "
                              "KEY-----\" line.");
    if (!text.contains("-----BEGIN PUBLIC KEY-----"))
        return QStringLiteral("This PEM file holds no \"PUBLIC KEY\" block.");
    return QStringLiteral("The PUBLIC KEY block could not be decoded (damaged base64 or not an "
                          "ECDSA/RSA key).");
}

} // namespace

VerificationResult VerificationResult::verified()
{
    return VerificationResult{Status::Verified, QString()};
}

VerificationResult VerificationResult::failed(const QString &why)
{
    return VerificationResult{Status::Failed, why};
}

VerificationResult VerificationResult::notChecked(const QString &why)
{
    return VerificationResult{Status::NotChecked, why};
}

QString VerificationResult::toString() const
{
    switch (status) {
    case Status::Verified:
        return QStringLiteral("verified");
    case Status::Failed:
        return QStringLiteral("failed (%1)").arg(reason);
    case Status::NotChecked:
        break;
    }
    return reason.isEmpty() ? QStringLiteral("not checked")
                            : QStringLiteral("not checked (%1)").arg(reason);
}

Result<CosignVerifier> CosignVerifier::fromPublicKeyPem(const QByteArray &pem)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())),
                                                  &BIO_free);
    EVP_PKEY *key = bio ? PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr) : nullptr;
    if (!key) {
        ERR_clear_error(); // OpenSSL's own words ("DECODER routines::unsupported") help nobody
        return Error::make(ErrorKind::InvalidInput, whyNotAPublicKey(pem));
    }
    CosignVerifier verifier;
    verifier.m_key.reset(key, &EVP_PKEY_free);
    const int id = EVP_PKEY_get_base_id(key);
    if (id == EVP_PKEY_EC) {
        char group[64] = {};
        size_t length = 0;
        EVP_PKEY_get_group_name(key, group, sizeof group, &length);
        const QByteArray name(group, qsizetype(length));
        if (name != "prime256v1" && name != "P-256")
            return Error::make(ErrorKind::InvalidInput,
                               QStringLiteral("Only ECDSA P-256 and RSA keys are supported, not "
                                              "the EC curve %1.")
                                   .arg(QString::fromLatin1(name)));
        verifier.m_description = QStringLiteral("ECDSA P-256");
    } else if (id == EVP_PKEY_RSA) {
        verifier.m_description = QStringLiteral("RSA %1").arg(EVP_PKEY_get_bits(key));
    } else {
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("Only ECDSA P-256 and RSA keys are supported."));
    }
    return verifier;
}

VerificationResult CosignVerifier::verify(const QByteArray &payload,
                                          const QByteArray &signatureBase64) const
{
    if (!m_key)
        return VerificationResult::notChecked(QStringLiteral("no key"));
    if (signatureBase64.trimmed().isEmpty())
        return VerificationResult::failed(QStringLiteral("the signature annotation is empty"));
    const auto decoded = QByteArray::fromBase64Encoding(signatureBase64.trimmed(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return VerificationResult::failed(QStringLiteral("the signature is not valid base64"));
    const QByteArray &signature = *decoded;
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, m_key.get()) != 1)
        return VerificationResult::notChecked(opensslError());
    const int rc = EVP_DigestVerify(
        ctx.get(), reinterpret_cast<const unsigned char *>(signature.constData()),
        size_t(signature.size()), reinterpret_cast<const unsigned char *>(payload.constData()),
        size_t(payload.size()));
    if (rc == 1)
        return VerificationResult::verified();
    ERR_clear_error();
    return VerificationResult::failed(
        QStringLiteral("the signature does not match the payload for this %1 key")
            .arg(m_description));
}

} // namespace ocular

namespace ocular {

VerificationResult CosignVerifier::verifyForSubject(const QByteArray &payload,
                                                    const QByteArray &signatureBase64,
                                                    const Digest &subject,
                                                    QString *claimedDigest) const
{
    const auto parsed = signatureinspector::inspectSimpleSigning(payload);
    if (parsed.ok() && claimedDigest)
        *claimedDigest = parsed->dockerManifestDigest;
    VerificationResult crypto = verify(payload, signatureBase64);
    if (!crypto.isVerified())
        return crypto;
    if (!parsed.ok())
        return VerificationResult::failed(parsed.error().message);
    if (!subject.isValid() || parsed->dockerManifestDigest != subject.toString())
        return VerificationResult::failed(
            QStringLiteral("the signed payload names %1, not this manifest")
                .arg(parsed->dockerManifestDigest.left(80)));
    return VerificationResult::verified();
}

} // namespace ocular
