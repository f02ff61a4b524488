#include "repositorysearch.h"

#include <algorithm>

namespace ocular {

QString RepositorySearch::fieldName(SearchHit::Field field)
{
    switch (field) {
    case SearchHit::Field::Tag:
        return QStringLiteral("tag");
    case SearchHit::Field::AnnotationKey:
        return QStringLiteral("annotation key");
    case SearchHit::Field::AnnotationValue:
        return QStringLiteral("annotation value");
    case SearchHit::Field::ArtifactType:
        return QStringLiteral("artifact type");
    case SearchHit::Field::MediaType:
        return QStringLiteral("media type");
    }
    return {};
}

QString RepositorySearch::snippet(const QString &text, qsizetype at, qsizetype length, int context)
{
    const qsizetype start = std::max<qsizetype>(0, at - context);
    const qsizetype end = std::min<qsizetype>(text.size(), at + length + context);
    QString out = text.mid(start, end - start);
    for (QChar &c : out)
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t'))
            c = QLatin1Char(' ');
    if (start > 0)
        out.prepend(QStringLiteral("…"));
    if (end < text.size())
        out.append(QStringLiteral("…"));
    return out;
}

RepositorySearch::Outcome RepositorySearch::search(const RepositoryInventory &inventory,
                                                   const QString &text, const Options &options)
{
    Outcome outcome;
    const QString needle = text.trimmed();
    if (needle.isEmpty())
        return outcome;
    QList<SearchHit> hits;
    auto match = [&](const Digest &digest, SearchHit::Field field, const QString &key,
                     const QString &haystack, const QStringList &tags) {
        const qsizetype at = haystack.indexOf(needle, 0, Qt::CaseInsensitive);
        if (at < 0)
            return;
        hits.append({digest, tags, field, key,
                     snippet(haystack, at, needle.size(), options.snippetContext)});
    };
    // Tags whose digest the inventory could not read still count: the name matched. A tag hit
    // names that tag only, not every tag on the digest.
    for (auto it = inventory.tags.cbegin(); it != inventory.tags.cend(); ++it)
        match(it.value(), SearchHit::Field::Tag, QString(), it.key(), {it.key()});
    for (const InventoryManifest &manifest : inventory.manifests) {
        const QStringList tags = inventory.tagsOf(manifest.digest);
        for (auto it = manifest.annotations.cbegin(); it != manifest.annotations.cend(); ++it) {
            match(manifest.digest, SearchHit::Field::AnnotationKey, it.key(), it.key(), tags);
            match(manifest.digest, SearchHit::Field::AnnotationValue, it.key(), it.value(), tags);
        }
        match(manifest.digest, SearchHit::Field::ArtifactType, QString(), manifest.artifactType,
              tags);
        match(manifest.digest, SearchHit::Field::MediaType, QString(), manifest.mediaType, tags);
    }
    std::stable_sort(hits.begin(), hits.end(), [](const SearchHit &a, const SearchHit &b) {
        if (a.tags.isEmpty() != b.tags.isEmpty())
            return !a.tags.isEmpty();
        if (a.tags != b.tags)
            return a.tags < b.tags;
        if (a.digest != b.digest)
            return a.digest.toString() < b.digest.toString();
        if (a.field != b.field)
            return a.field < b.field;
        return a.key < b.key;
    });
    outcome.totalHits = int(hits.size());
    if (hits.size() > options.maxHits)
        hits.resize(options.maxHits);
    outcome.hits = std::move(hits);
    return outcome;
}

} // namespace ocular
