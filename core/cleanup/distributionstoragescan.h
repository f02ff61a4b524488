#pragma once

#include "base/result.h"
#include "cleanup/distributionstoragelisting.h"

#include <QString>

namespace ocular {

/// Reads, never writes, the filesystem storage of docker-registry/distribution (the
/// `rootdirectory` of its filesystem driver) for one repository: every manifest revision
/// (`docker/registry/v2/repositories/<name>/_manifests/revisions/<alg>/<hex>/link`) and every
/// tag's current and past digests (`_manifests/tags/<tag>/current/link`,
/// `_manifests/tags/<tag>/index/<alg>/<hex>/link`). This finds manifests no client has seen,
/// which the distribution API cannot list.
///
/// The tree is hostile input: the repository name must pass the OCI grammar before it becomes a
/// path; every directory name read must be a tag or digest hex; anything that resolves outside
/// the root (a symlink) or is not a plain file or folder is refused; a link file must hold
/// exactly a valid digest (and a revision's link its own digest). What is refused is listed in
/// the result, never followed. Blocks on disk: run it off the GUI thread (runOffThread).
class DistributionStorageScan
{
public:
    struct Limits
    {
        int maxEntries = 1000000;   ///< revisions + tag index entries read, at most
        qint64 maxLinkBytes = 1024; ///< a link file holds one digest
    };

    explicit DistributionStorageScan(QString root);
    DistributionStorageScan(QString root, Limits limits);

    Result<DistributionStorageListing> scan(const QString &repository) const;

private:
    struct Walk;
    QString m_root;
    Limits m_limits;
};

} // namespace ocular
