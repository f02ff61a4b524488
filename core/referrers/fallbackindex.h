#pragma once

#include "base/result.h"
#include "content/descriptor.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace ocular {

/// A referrers list: the OCI index that the referrers API answers with and that the fallback
/// tag `sha256-<hex>` holds (PROTOCOL §4). Parsed leniently: an entry that is not a valid
/// descriptor is skipped with its reason, because one broken entry must not hide the others.
/// The document is kept as read (skipped entries and unknown fields included), so that a
/// rewrite of a fallback index never loses what another client put there.
class FallbackIndex
{
public:
    /// An entry that could not be used, kept as it was.
    struct SkippedEntry
    {
        int position = 0; ///< index in the `manifests` array
        QString reason;
        QJsonValue raw;
    };

    /// Parses an index document; fails when the bytes are not a JSON object with a
    /// `manifests` array, or when its mediaType says it is something other than an index.
    static Result<FallbackIndex> parse(const QByteArray &raw);

    const QList<Descriptor> &entries() const { return m_entries; }
    int skippedEntries() const { return int(m_skipped.size()); }
    const QList<SkippedEntry> &skipped() const { return m_skipped; }

    /// Entries whose artifactType (or, when absent, media type) equals `artifactType`; all
    /// entries when it is empty. Used when the server did not filter.
    QList<Descriptor> filtered(const QString &artifactType) const;
    /// The type a referrers entry is filtered and classified by.
    static QString entryType(const Descriptor &entry);

    /// The document as read: every entry (usable or not) and every unknown field.
    const QJsonObject &document() const { return m_document; }
    /// The document with `entry` (a descriptor as JSON) appended unless an entry with its
    /// digest is already there; everything else stays as it was.
    QByteArray withEntry(const QJsonObject &entry) const;
    /// The document without the entries naming `digest`; everything else stays as it was.
    QByteArray withoutEntry(const Digest &digest) const;

private:
    QJsonObject m_document;
    QList<Descriptor> m_entries;
    QList<SkippedEntry> m_skipped;
};

} // namespace ocular
