#pragma once

#include "async/asynctask.h"
#include "write/fallbackindexwriter.h"
#include "write/replacedindexremoval.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

namespace ocular {

class ContentSource;

/// Choices for one copy.
struct CopyOptions
{
    /// Also copy what refers to the copied manifest and to each manifest of its index (referrers
    /// API or fallback tag, and cosign's .sig/.att/.sbom tags), recursively.
    bool withReferrers = false;
    int maxReferrerDepth = 8;
    /// Largest blob copied (a descriptor claiming more is refused before any download).
    qint64 maxBlobBytes = 64LL * 1024 * 1024 * 1024;
    /// After a destination subject's fallback index is rewritten, delete the index it replaced
    /// (untagged by the write; as a push does, see removeReplacedIndex).
    bool deleteReplacedIndex = true;
};

/// What a copy did.
struct CopyResult
{
    Digest root;
    int manifests = 0; ///< manifests pushed (root, index children, referrers)
    int referrers = 0; ///< of them, referrers
    int blobsPresent = 0;
    int blobsMounted = 0;
    int blobsSent = 0;
    qint64 bytesSent = 0;
    QList<FallbackIndexChange> fallbackUpdates; ///< the destination's fallback tags written
    /// What became of each index those writes replaced (deleteReplacedIndex).
    QList<ReplacedIndexRemoval> replacedIndexes;
    QStringList notes; ///< what was skipped and why (a referrer naming another subject, ...)
};

/// Copies an image, index or artifact from one repository of a ContentSource to a repository
/// of another (or the same) byte for byte: every manifest keeps its digest, children before
/// parents, blobs mounted when both repositories are on the same source and otherwise
/// streamed through a temporary file, the tag last. With referrers, each listed referrer is
/// read and copied only when its own `subject` names the manifest it was listed for, and the
/// destination's fallback index is kept where the destination does not record subjects.
class ContentCopier : public QObject
{
    Q_OBJECT
public:
    using Progress = std::function<void(const QString &stage)>;

    /// Neither source is owned. `from` and `to` may be the same object (mounts then).
    ContentCopier(ContentSource *from, ContentSource *to, QObject *parent = nullptr);

    /// Copies `reference` (tag or digest) of `fromRepository` into `toRepository`, tagging it
    /// `toTag` when not empty.
    RequestHandle copy(const QString &fromRepository, const QString &reference,
                       const QString &toRepository, const QString &toTag,
                       const CopyOptions &options, QObject *context,
                       async::Callback<CopyResult> done, Progress progress = {});

private:
    QPointer<ContentSource> m_from;
    QPointer<ContentSource> m_to;
    FallbackIndexWriter *m_writer;
};

} // namespace ocular
