#pragma once

#include "auth/credentials.h"
#include "base/result.h"

#include <optional>

namespace ocular {

/// Where credentials for a registry come from (keychain, docker config, helpers, flags).
///
/// lookup() may block for a while (a credential helper is a child process), so the
/// authenticator calls it on a worker thread: implementations must be thread-safe and must
/// not need the caller's event loop.
class CredentialSource
{
public:
    virtual ~CredentialSource() = default;
    /// `registry` is host[:port] as in references (docker.io for Docker Hub). Nothing (not an
    /// error) when this source has no credentials for it; an Error when the source is broken
    /// (unreadable file, failing or hanging helper) so the user learns why.
    virtual Result<std::optional<Credentials>> lookup(const QString &registry) = 0;
};

} // namespace ocular
