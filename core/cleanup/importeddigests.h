#pragma once

#include "base/result.h"
#include "reference/digest.h"

#include <QList>
#include <QString>

namespace ocular {

/// Digests a user brings to cleanup (discovery's fourth source): a text file with one digest
/// per line (blank lines and `#` comments allowed), or an OCI image layout whose index.json
/// entries are read (a `skopeo copy --all` or `oras copy` of the repository made earlier, say).
/// Synchronous: for the CLI, or a worker thread.
class ImportedDigests
{
public:
    /// Every digest named, without repeats, in the order read; an error names the bad line.
    static Result<QList<Digest>> read(const QString &path);
};

} // namespace ocular
