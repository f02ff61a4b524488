#pragma once

#include "base/result.h"
#include "commands/commandtarget.h"
#include "commands/equivalentcommand.h"

#include <QList>

namespace ocular {

/// The command lines of oras, crane, skopeo, regctl and curl that fetch the same thing as a
/// CommandTarget, with the registry's plain-HTTP and TLS choices spelled in each tool's flags.
/// A tool with no way to fetch that kind of thing (skopeo and blobs, crane and referrers) is
/// left out. Pure: no I/O, nothing is run.
class EquivalentCommands
{
public:
    /// The commands in a fixed order (oras, crane, skopeo, regctl, curl); an InvalidInput error,
    /// and no command at all, when a name fails the reference grammar or the kind lacks the tag
    /// or digest it needs: a command is never built from text that could smuggle shell syntax.
    static Result<QList<EquivalentCommand>> forTarget(const CommandTarget &target);
};

} // namespace ocular
