#pragma once

#include "base/result.h"
#include "content/descriptor.h"
#include "reference/rejectedname.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QString>
#include <optional>

namespace ocular {

/// A directory in the OCI image layout format (`oci-layout`, `index.json`, `blobs/<alg>/<hex>`),
/// read and written synchronously: OciLayoutSource calls it off the GUI thread. Every method is
/// thread-safe (one mutex). Digests are validated by Digest::parse before any path is built, so
/// no digest can leave `blobs/`.
class OciLayout
{
public:
    /// The caps a registry path uses too: index.json and manifests above this are refused.
    static constexpr qint64 MaxDocumentBytes = 4 * 1024 * 1024;

    explicit OciLayout(const QString &directory);

    const QString &directory() const { return m_directory; }

    /// The index.json entries as read (re-read on every call: another tool may write too).
    struct Index
    {
        QList<Descriptor> manifests;
        QMap<QString, Digest> tags;   ///< valid `org.opencontainers.image.ref.name`s
        QList<RejectedName> rejected; ///< ref names that are not OCI tags
    };
    Result<Index> readIndex() const;

    /// What `reference` (a tag or a digest) names: the index entry, or a descriptor built
    /// from the blob for a digest not listed in index.json.
    Result<Descriptor> resolve(const QString &reference) const;
    /// The verified bytes of a manifest or small blob (at most `maxBytes`).
    Result<QByteArray> readVerified(const Digest &digest, qint64 maxBytes) const;
    /// Where a blob lives; empty when the digest is not valid.
    QString blobPath(const Digest &digest) const;
    bool hasBlob(const Digest &digest) const;

    /// Manifests in the layout whose `subject` is `subject` (built once, then cached; writes
    /// drop the cache).
    Result<QList<Descriptor>> referrers(const Digest &subject) const;

    /// Creates `oci-layout` and an empty `index.json` when absent.
    Result<Done> ensureCreated();
    /// Stores bytes as a blob (verified against their own digest, written via a temp file).
    Result<Digest> putBytes(const QByteArray &bytes);
    /// Copies a file into blobs/ through a temp file, verifying it against `digest`.
    Result<Done> putFile(const QString &path, const Digest &digest);
    /// Adds or replaces the index.json entry named `tag` (atomically, via QSaveFile); an
    /// untagged manifest gets an entry without a ref name unless one exists.
    Result<Done> setIndexEntry(const Descriptor &descriptor, const QString &tag);

    /// "blob missing from layout" and friends, for tests and messages.
    static Error missing(const Digest &digest, const QString &directory);

private:
    Result<Index> readIndexLocked() const;
    Result<QByteArray> readVerifiedLocked(const Digest &digest, qint64 maxBytes) const;
    Result<Done> commitTemp(const QString &tempPath, const Digest &digest);
    void buildReferrersLocked() const;

    QString m_directory;
    mutable QMutex m_mutex;
    mutable std::optional<QHash<Digest, QList<Descriptor>>> m_referrers;
};

} // namespace ocular
