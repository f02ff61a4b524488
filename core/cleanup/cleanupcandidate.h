#pragma once

#include "reference/digest.h"

#include <QDateTime>
#include <QHash>
#include <QMap>
#include <QString>
#include <QStringList>

namespace ocular {

/// What a manifest no user tag names is, for cleanup (issue 12's classes).
enum class CleanupClass
{
    ChildOfTaggedIndex,    ///< an entry of an index a tag reaches: in use, never deleted
    ReferrerOfLiveSubject, ///< attached to a manifest in use: in use
    OrphanedReferrer,      ///< a referrer whose subject no tag reaches any more
    ReplacedFallbackIndex, ///< an index a referrers fallback tag named before an attach
    DanglingImage,         ///< a digest a user tag moved away from
    Unknown,               ///< untagged, unreached, and nothing says how it got there
};

/// "child of tagged index", "dangling image", ... (stable: the CLI's JSON uses them).
QString cleanupClassName(CleanupClass kind);
/// Whether the class means "in use" (never a deletion candidate, whatever a policy says).
bool cleanupClassInUse(CleanupClass kind);

/// One untagged manifest discovery found, with where it came from and why it is classed so.
struct CleanupCandidate
{
    Digest digest;
    CleanupClass kind = CleanupClass::Unknown;
    QString mediaType; ///< empty when the manifest could not be read
    qint64 size = -1;  ///< the manifest's own bytes; -1 when unknown (blobs are not counted)
    /// What deleting it frees once the registry collects garbage: its own bytes and those of
    /// its blobs (sizes as its descriptors claim) that nothing in use, nor another candidate,
    /// uses. -1 when it could not be read.
    qint64 reclaimable = -1;
    /// Its config and layers that nothing in use names, with the sizes their descriptors
    /// claim (the blobs a delete may free; another candidate may share them).
    QHash<Digest, qint64> ownBlobs;
    QString artifactType;
    QMap<QString, QString> annotations;
    /// When it was made: the `org.opencontainers.image.created` annotation, else an image
    /// config's `created`, else when the tag history first saw it; invalid when none says.
    /// `createdFrom` names which.
    QDateTime created;
    QString createdFrom;
    /// Every source that named it: "tag history: latest", "storage: revision",
    /// "storage: past digest of latest", "inventory: entry of fallback index sha256-…", ...
    QStringList sources;
    QString why;           ///< one sentence
    bool selected = false; ///< what a policy chose
    QString verdict;       ///< why the policy selected it, or why not (empty: no policy applied)
};

} // namespace ocular
