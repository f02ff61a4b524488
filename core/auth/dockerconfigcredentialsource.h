#pragma once

#include "auth/credentialhelper.h"
#include "auth/credentialsource.h"

namespace ocular {

/// Credentials as docker finds them: config.json's credHelpers, credsStore, then auths.
/// The file is read on every lookup (it is small), so `docker login` elsewhere takes effect.
class DockerConfigCredentialSource : public CredentialSource
{
public:
    /// Empty @p path: DockerConfig::defaultPath() at the time of each lookup.
    explicit DockerConfigCredentialSource(QString path = {},
                                          int helperTimeoutMs = CredentialHelper::DefaultTimeoutMs);

    Result<std::optional<Credentials>> lookup(const QString &registry) override;
    QString path() const;

private:
    QString m_path;
    int m_helperTimeoutMs;
};

} // namespace ocular
