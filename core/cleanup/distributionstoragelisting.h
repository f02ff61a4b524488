#pragma once

#include "reference/digest.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ocular {

/// One tag as docker-registry/distribution's storage records it.
struct StoredTag
{
    QString name;
    Digest current; ///< invalid when the tag has no readable current link
    /// Every digest the tag has named (`index/`), current one included, sorted.
    QList<Digest> index;
};

/// What DistributionStorageScan read for one repository.
struct DistributionStorageListing
{
    QString repository;
    /// Every manifest revision the repository holds (`_manifests/revisions`), sorted.
    QList<Digest> revisions;
    QList<StoredTag> tags; ///< sorted by name
    /// Entries skipped as invalid or unsafe, each one sentence with its path under the root.
    QStringList refused;
};

} // namespace ocular
