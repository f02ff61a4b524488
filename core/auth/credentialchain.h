#pragma once

#include "auth/credentialsource.h"

#include <QList>
#include <memory>

namespace ocular {

/// Several credential sources asked in order; the first that has credentials wins. A broken
/// source (bad file, failing helper) does not hide a later one that works, but when nobody has
/// credentials its error is reported instead of silently going anonymous.
class CredentialChain : public CredentialSource
{
public:
    /// Not owned; must outlive the chain.
    void append(CredentialSource *source);
    /// Owned by the chain.
    void append(std::unique_ptr<CredentialSource> source);

    Result<std::optional<Credentials>> lookup(const QString &registry) override;

    /// session (flags, login dialog) → docker config.json → containers auth.json: the order
    /// Ocular uses when nothing else is configured. @p first (may be null) goes in front.
    /// docker before podman because docker's file is where most logins live and is also the
    /// last place podman looks; a podman-only user has no config.json, so auth.json is found.
    static std::unique_ptr<CredentialChain> standard(CredentialSource *first = nullptr,
                                                     int helperTimeoutMs = 15000);

private:
    QList<CredentialSource *> m_sources;
    std::vector<std::unique_ptr<CredentialSource>> m_owned;
};

} // namespace ocular
