#pragma once

#include "async/pager.h"
#include "content/descriptor.h"
#include "content/manifest.h"
#include "reference/rejectedname.h"
#include "source/pagecursor.h"

#include <QList>
#include <QString>

namespace ocular {

/// One page of repository or tag names. `items` are valid names only, safe to ask for;
/// `rejected` are the listed names that fail the grammar, to show as invalid.
struct NamePage : async::Page<QString, PageCursor>
{
    QList<RejectedName> rejected;
};

/// Every page of a listing, with the names refused on the way.
struct NameListing : async::Collected<QString>
{
    QList<RejectedName> rejected;
};

/// What a tag (or digest) resolves to. `verified` says whether Ocular hashed the bytes itself;
/// otherwise digest, media type and size are the source's claim (a registry's HEAD headers).
struct ResolvedReference
{
    Descriptor descriptor; ///< mediaType, digest, size
    bool verified = false;
};

/// A manifest with its exact bytes; its digest is always Ocular's own hash of them.
struct SourceManifest
{
    Manifest manifest;
    /// Non-empty when the source claimed another digest for these bytes (by tag).
    QString warning;
    bool fromCache = false;
};

/// A manifest's stored bytes, not parsed: for documents their reader parses leniently (a
/// fallback referrers index, which a strict manifest parse would refuse whole for one bad entry).
struct RawManifest
{
    QByteArray raw;
    QString mediaType; ///< as the source labels the bytes (may be empty)
    Digest digest;     ///< Ocular's own hash of `raw`
    /// The source's version tag for a conditional rewrite (an HTTP ETag, quotes kept); empty
    /// when the source gives none.
    QByteArray etag;
};

/// A precondition for a manifest write: with `ifMatch` set, the write happens only while the
/// reference still names the version with that ETag (a 412 otherwise). Sources that ignore
/// conditions write anyway, which is why writers read their change back.
struct WriteCondition
{
    QByteArray ifMatch;
};

/// A blob delivered into a sink: verified against `digest` and committed.
struct BlobReceipt
{
    Digest digest;
    qint64 size = 0;
    bool fromCache = false;
};

/// An entry of a referrers list that is not a valid descriptor: skipped (one broken entry must
/// not hide the others) and reported with why.
struct SkippedReferrerEntry
{
    int page = 0;     ///< 0-based page of the listing it was on
    int position = 0; ///< 0-based index in that page's `manifests` array
    QString reason;
};

/// What a referrers question got back. The list is always filtered when a filter was asked for
/// (by the server when `filterAppliedByServer`, by the source otherwise).
struct ReferrersAnswer
{
    enum class Kind
    {
        Api,       ///< the referrers API answered (the list is complete for the pages read)
        ApiAbsent, ///< the source has no referrers API: look at the fallback tag instead
        Unknown,   ///< no conclusion (no such repository, auth, server error): see evidence
    };
    Kind kind = Kind::Unknown;
    QList<Descriptor> referrers;
    QList<SkippedReferrerEntry> skipped;
    bool filterAppliedByServer = false;
    bool truncated = false; ///< stopped at the page cap
    int pages = 0;
    int httpStatus = 0; ///< of the first answer; 0 when no HTTP was involved
    QString evidence;   ///< what the decision rests on, for the user ("HTTP 404 text/plain")
    QString warning;    ///< something the user should know (a next page not followed)
};

/// The answer to a manifest push.
struct PushedContent
{
    Digest digest;
    /// The source recorded `subject` itself (OCI-Subject): no fallback index to maintain.
    bool subjectRecorded = false;
};

} // namespace ocular
