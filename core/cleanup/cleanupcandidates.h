#pragma once

#include "cleanup/cleanupcandidate.h"
#include "cleanup/cleanupevidence.h"

namespace ocular {

/// Classifies every manifest of a repository that no user tag names (pure; no I/O).
///
/// In use is what the user tags reach: index entries, recursively, and attachments of what is
/// reached from every source (referrers API and subject fields, fallback tags, cosign tags,
/// BuildKit entries). Attachment tags are not roots: a fallback or cosign tag of a subject no
/// user tag reaches keeps nothing alive, it is an orphan itself. Candidates are the untagged
/// digests the inventory, the tag history and the storage name; each says which of them did.
class CleanupCandidates
{
public:
    /// Digests the evidence names that neither the inventory nor extraManifests read yet (to
    /// be read, or found gone, before classify()).
    static QList<Digest> unread(const RepositoryInventory &inventory,
                                const CleanupEvidence &evidence);
    /// Sorted by class, then digest.
    static QList<CleanupCandidate> classify(const RepositoryInventory &inventory,
                                            const CleanupEvidence &evidence);
    /// What deleting the selected candidates frees together: their own bytes and every blob
    /// of theirs no unselected candidate names (-1 parts, unread manifests, count as 0).
    static qint64 selectedBytes(const QList<CleanupCandidate> &candidates);
};

} // namespace ocular
