#include "demosigningkey.h"

#include <QFile>
#include <QSaveFile>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

namespace ocular {

Result<DemoSigningKey> DemoSigningKey::generate()
{
    EVP_PKEY *key = EVP_EC_gen("P-256");
    if (!key) {
        ERR_clear_error();
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("OpenSSL could not generate the demo signing key."));
    }
    DemoSigningKey k;
    k.m_key.reset(key, &EVP_PKEY_free);
    return k;
}

QByteArray DemoSigningKey::publicKeyPem() const
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
    if (!bio || !m_key || PEM_write_bio_PUBKEY(bio.get(), m_key.get()) != 1)
        return {};
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, int(length));
}

QByteArray DemoSigningKey::sign(const QByteArray &payload) const
{
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    size_t length = 0;
    if (!ctx || !m_key ||
        EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, m_key.get()) != 1 ||
        EVP_DigestSign(ctx.get(), nullptr, &length,
                       reinterpret_cast<const unsigned char *>(payload.constData()),
                       size_t(payload.size())) != 1) {
        ERR_clear_error();
        return {};
    }
    QByteArray signature(qsizetype(length), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                       reinterpret_cast<const unsigned char *>(payload.constData()),
                       size_t(payload.size())) != 1) {
        ERR_clear_error();
        return {};
    }
    signature.truncate(qsizetype(length));
    return signature;
}

Result<Done> DemoSigningKey::writePublicKey(const QString &path) const
{
    const QByteArray pem = publicKeyPem();
    QSaveFile file(path);
    if (pem.isEmpty() || !file.open(QIODevice::WriteOnly) || file.write(pem) != pem.size() ||
        !file.commit())
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("Cannot write the demo public key to %1.").arg(path));
    return Done{};
}

} // namespace ocular
