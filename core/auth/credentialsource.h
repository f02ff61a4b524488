#pragma once

#include "auth/credentials.h"

#include <optional>

namespace ocular {

/// Where credentials for a registry come from (keychain, docker config, helpers, flags).
class CredentialSource
{
public:
    virtual ~CredentialSource() = default;
    /// `registry` is host[:port] as in references (docker.io for Docker Hub).
    virtual std::optional<Credentials> lookup(const QString &registry) = 0;
};

} // namespace ocular
