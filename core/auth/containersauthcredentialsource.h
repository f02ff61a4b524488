#pragma once

#include "auth/credentialhelper.h"
#include "auth/credentialsource.h"

#include <QStringList>

namespace ocular {

/// Credentials from containers-auth.json(5) files (podman, buildah, skopeo): the file named by
/// `$REGISTRY_AUTH_FILE` alone when set, else `$XDG_RUNTIME_DIR/containers/auth.json`, then
/// `$XDG_CONFIG_HOME/containers/auth.json` (default `~/.config`). The first file that knows
/// the registry wins. docker's own files are a separate source placed after this one.
class ContainersAuthCredentialSource : public CredentialSource
{
public:
    explicit ContainersAuthCredentialSource(
        int helperTimeoutMs = CredentialHelper::DefaultTimeoutMs);

    /// The files consulted, in order, as the environment says now.
    static QStringList searchPath();
    Result<std::optional<Credentials>> lookup(const QString &registry) override;

private:
    int m_helperTimeoutMs;
};

} // namespace ocular
