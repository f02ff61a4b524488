#pragma once

#include "base/result.h"
#include "reference/registryname.h"

#include <QString>

namespace ocular {

/// What a user types to name a registry: `host[:port]` or `http(s)://host[:port]`, optionally
/// followed by a repository path (`HOST/demo/hello`), which is kept — never dropped silently —
/// so that the caller can refuse it with a hint or open that repository.
struct RegistryAddress
{
    QString scheme;         ///< "http", "https", or empty when none was typed
    RegistryName registry;  ///< the normalised host[:port]
    QString repositoryPath; ///< what followed the host, validated as a repository; may be empty

    /// Parses `[scheme://]host[:port][/path]`. A trailing `/` (or `/v2/`) after the host is not
    /// a path. The path, when present, must be a valid repository name (a tag or digest after
    /// it is refused: that is a reference, not a registry).
    static Result<RegistryAddress> parse(QStringView text);
    /// As parse(), but a repository path is an InvalidInput error whose message says that the
    /// text names a repository and how to add the registry and open it instead. For the Add
    /// Registry dialog and `ocular-cli ls`.
    static Result<RegistryAddress> parseRegistryOnly(QStringView text);

    /// `scheme://host` when a scheme was typed, else `host` (what RegistryEndpoint::parse takes).
    QString endpointText() const;
};

} // namespace ocular
