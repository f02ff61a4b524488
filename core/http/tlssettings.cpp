#include "tlssettings.h"

#include <QDir>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

namespace ocular {

namespace {

Result<QByteArray> readPem(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("Cannot read the %1 %2: %3")
                               .arg(what, QDir::toNativeSeparators(path), file.errorString()));
    return file.read(1024 * 1024);
}

} // namespace

Result<QSslConfiguration> TlsSettings::toSslConfiguration() const
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    if (!caFile.isEmpty()) {
        const auto pem = readPem(caFile, QStringLiteral("CA file"));
        if (!pem)
            return pem.error();
        const QList<QSslCertificate> cas = QSslCertificate::fromData(pem.value(), QSsl::Pem);
        if (cas.isEmpty())
            return Error::make(ErrorKind::InvalidInput,
                               QStringLiteral("The CA file %1 holds no PEM certificate.")
                                   .arg(QDir::toNativeSeparators(caFile)));
        config.addCaCertificates(cas);
    }
    if (!clientCertFile.isEmpty() || !clientKeyFile.isEmpty()) {
        if (clientCertFile.isEmpty() || clientKeyFile.isEmpty())
            return Error::make(ErrorKind::InvalidInput,
                               QStringLiteral("A client certificate needs both the certificate "
                                              "and its private key."));
        const auto certPem = readPem(clientCertFile, QStringLiteral("client certificate"));
        if (!certPem)
            return certPem.error();
        const QList<QSslCertificate> certs = QSslCertificate::fromData(certPem.value(), QSsl::Pem);
        if (certs.isEmpty())
            return Error::make(ErrorKind::InvalidInput,
                               QStringLiteral("%1 holds no PEM certificate.")
                                   .arg(QDir::toNativeSeparators(clientCertFile)));
        const auto keyPem = readPem(clientKeyFile, QStringLiteral("client key"));
        if (!keyPem)
            return keyPem.error();
        QSslKey key;
        for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
            key = QSslKey(keyPem.value(), algorithm, QSsl::Pem, QSsl::PrivateKey);
            if (!key.isNull())
                break;
        }
        if (key.isNull())
            return Error::make(ErrorKind::InvalidInput,
                               QStringLiteral("%1 is not an unencrypted PEM private key (RSA, "
                                              "EC or DSA).")
                                   .arg(QDir::toNativeSeparators(clientKeyFile)));
        config.setLocalCertificate(certs.first());
        if (certs.size() > 1)
            config.setLocalCertificateChain(certs);
        config.setPrivateKey(key);
    }
    if (insecureSkipVerify)
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
    return config;
}

} // namespace ocular
