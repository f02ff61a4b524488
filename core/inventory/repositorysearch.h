#pragma once

#include "inventory/repositoryinventory.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ocular {

/// One place in a repository where the searched text occurs.
struct SearchHit
{
    enum class Field
    {
        Tag,
        AnnotationKey,
        AnnotationValue,
        ArtifactType,
        MediaType
    };

    Digest digest;    ///< the manifest the match belongs to
    QStringList tags; ///< the tags naming it (sorted); empty when untagged
    Field field = Field::Tag;
    QString key;     ///< the annotation key for annotation matches; empty otherwise
    QString snippet; ///< the matched text with some context, on one line
};

/// Searches what a RepositoryInventory read (RepositoryInventoryBuilder, the same walk the
/// audit and delete previews use) for text in tag names, annotation keys and values,
/// artifact types and media types. Pure and thread-safe: the GUI runs it on a worker thread.
class RepositorySearch
{
public:
    struct Options
    {
        int maxHits = 2000;      ///< the rest is counted, not listed
        int snippetContext = 40; ///< characters kept either side of a match
    };
    struct Outcome
    {
        QList<SearchHit> hits; ///< tagged manifests first, then by digest, then by field
        int totalHits = 0;     ///< including those past maxHits
    };

    /// Case-insensitive; blank text matches nothing (an empty outcome, never everything).
    static Outcome search(const RepositoryInventory &inventory, const QString &text,
                          const Options &options);
    static Outcome search(const RepositoryInventory &inventory, const QString &text)
    {
        return search(inventory, text, Options{});
    }

    /// "tag", "annotation key"... for the results table and the CLI.
    static QString fieldName(SearchHit::Field field);
    /// `text` shortened to `context` characters either side of [at, at+length), with "…" where
    /// cut and line breaks flattened to spaces.
    static QString snippet(const QString &text, qsizetype at, qsizetype length, int context);
};

} // namespace ocular
