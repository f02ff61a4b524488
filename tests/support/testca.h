#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace ocular::test {

/// A throw-away certificate authority made with the `openssl` command for one test: server
/// certificates for loopback (and deliberately wrong) names, client certificates for mTLS,
/// and an RSA signing certificate for registry tokens. Files live in a temporary directory.
class TestCa
{
public:
    /// A certificate and its unencrypted private key (PEM files).
    struct Issued
    {
        QString certFile;
        QString keyFile;
    };

    /// Creates the CA; check ok().
    TestCa();
    bool ok() const { return m_error.isEmpty(); }
    QString errorMessage() const { return m_error; }

    /// The CA certificate clients and registries should trust.
    QString caCertFile() const;
    /// A server certificate for @p subjectAltNames (e.g. "IP:127.0.0.1", "DNS:localhost"),
    /// valid for @p days (0: it expires the second it is made).
    Issued issueServer(const QString &name, const QStringList &subjectAltNames, int days = 2);
    /// A client certificate (extendedKeyUsage clientAuth).
    Issued issueClient(const QString &name);
    /// An RSA certificate for signing tokens (RS256), issued by this CA.
    Issued issueTokenSigner(const QString &name);
    QString dir() const { return m_dir.path(); }

private:
    bool run(const QStringList &arguments);
    Issued issue(const QString &name, const QString &extensions, bool rsa, int days = 2);

    QTemporaryDir m_dir;
    QString m_error;
    int m_serial = 1000;
};

} // namespace ocular::test
