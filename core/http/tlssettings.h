#pragma once

#include "base/result.h"

#include <QSslConfiguration>
#include <QString>

namespace ocular {

/// Per-registry TLS choices: an extra CA to trust, a client identity for mTLS, and the explicit
/// opt-out of certificate verification (shown to the user with a persistent warning).
struct TlsSettings
{
    QString caFile;         ///< PEM file with one or more CA certificates, trusted in addition
                            ///< to the system store
    QString clientCertFile; ///< PEM client certificate (mTLS)
    QString clientKeyFile;  ///< PEM private key of the client certificate (unencrypted)
    bool insecureSkipVerify = false; ///< accept any server certificate (never implied)

    bool isDefault() const
    {
        return caFile.isEmpty() && clientCertFile.isEmpty() && clientKeyFile.isEmpty() &&
               !insecureSkipVerify;
    }
    /// The system's default configuration with these settings applied; an Error naming the
    /// file when one cannot be read or parsed.
    Result<QSslConfiguration> toSslConfiguration() const;

    friend bool operator==(const TlsSettings &, const TlsSettings &) = default;
};

} // namespace ocular
