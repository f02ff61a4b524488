#pragma once

#include <QString>

namespace ocular {

/// One command line of another tool that fetches what Ocular shows, ready to paste into a
/// POSIX shell.
struct EquivalentCommand
{
    QString tool;        ///< the program: oras, crane, skopeo, regctl, curl
    QString purpose;     ///< what it does, plus anything the user must know before running it
    QString commandLine; ///< quoted for sh; may hold more than one line (a config step first)

    friend bool operator==(const EquivalentCommand &, const EquivalentCommand &) = default;
};

} // namespace ocular
