#pragma once

#include "content/manifest.h"
#include "reference/digest.h"
#include "reference/rejectedname.h"

#include <QStringList>
#include <QUrl>

namespace ocular {

/// One page of a paged listing (catalog, tags).
struct ListPage
{
    QStringList items;            ///< valid names only: safe to request
    QList<RejectedName> rejected; ///< listed names that fail the grammar, in listing order
    QUrl next;                    ///< invalid when this was the last page
};

/// Every page of a tag listing.
struct TagListing
{
    QStringList tags;
    QList<RejectedName> rejected;
};

/// What a manifest HEAD says.
struct ManifestHead
{
    Digest digest; ///< from Docker-Content-Digest
    QString mediaType;
    qint64 size = -1;
};

/// A fetched manifest plus what the registry said about it.
struct FetchedManifest
{
    Manifest manifest;
    /// Non-empty when the registry's Docker-Content-Digest disagreed with our hash (by tag).
    QString warning;
    bool fromCache = false;
};

/// The answer to a manifest PUT.
struct PushedManifest
{
    Digest digest;
    /// OCI-Subject header: set when the registry processed `subject` itself (referrers API).
    QString subjectHeader;
};

/// The answer to a ping: whether the API is there and how it wants to be authenticated.
struct PingResult
{
    int status = 0;
    QString apiVersion; ///< Docker-Distribution-API-Version
    QString authScheme; ///< Bearer/Basic when challenged without credentials
};

} // namespace ocular
