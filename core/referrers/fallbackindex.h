#pragma once

#include "base/result.h"
#include "content/descriptor.h"

#include <QByteArray>
#include <QList>

namespace ocular {

/// A referrers list: the OCI index that the referrers API answers with and that the fallback
/// tag `sha256-<hex>` holds (PROTOCOL §4). Parsed leniently (entries that are not valid
/// descriptors are counted and skipped) because one broken entry must not hide the others.
class FallbackIndex
{
public:
    /// Parses an index document; fails when the bytes are not a JSON object with a
    /// `manifests` array, or when its mediaType says it is something other than an index.
    static Result<FallbackIndex> parse(const QByteArray &raw);

    const QList<Descriptor> &entries() const { return m_entries; }
    int skippedEntries() const { return m_skipped; }

    /// Entries whose artifactType (or, when absent, media type) equals `artifactType`; all
    /// entries when it is empty. Used when the server did not filter.
    QList<Descriptor> filtered(const QString &artifactType) const;
    /// The type a referrers entry is filtered and classified by.
    static QString entryType(const Descriptor &entry);

private:
    QList<Descriptor> m_entries;
    int m_skipped = 0;
};

} // namespace ocular
