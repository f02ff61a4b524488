#pragma once

#include "inventory/inventoryedge.h"
#include "reference/digest.h"
#include "source/sourcetypes.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace ocular {

/// What the caller asks a deletion plan to include.
struct DeletionOptions
{
    /// Delete the referrers of the manifest too (recursively: referrers of referrers).
    bool withReferrers = false;
    /// Delete even when an index in the repository contains a manifest of the plan (that index
    /// breaks: one of its entries is gone).
    bool breakIndexes = false;
    /// How deep referrers of referrers are followed (the graph may be deeper, or circular).
    int maxReferrerDepth = 16;
};

/// Everything one manifest delete would do, worked out before anything is deleted (PROTOCOL
/// §6): the manifests deleted in order (referrers first), every tag that goes with them, the
/// indexes that break, the referrers left orphaned, the fallback index entries removed and the
/// fallback tags left empty. `facts` are the tags it rests on, so that an executor can refuse a
/// plan the registry has moved away from instead of deleting blind.
struct DeletionPlan
{
    /// One manifest the plan deletes by digest.
    struct Item
    {
        Digest digest;
        QString mediaType;
        QString artifactType;
        QStringList tags;              ///< every tag naming it: a delete by digest removes them
        std::optional<Digest> subject; ///< its own `subject`, when it has one
        /// The manifest it is deleted as a referrer of (invalid for the manifest asked for).
        Digest referrerOf;
        QStringList via;   ///< edge kinds that made it a referrer ("fallback tag", ...)
        int depth = 0;     ///< 0 for the manifest asked for, 1 for its referrers, ...
        bool known = true; ///< the inventory read it (false: known only by its digest)
    };

    /// An index that contains a manifest of the plan: it would name a manifest that is gone.
    struct BrokenIndex
    {
        Digest index;
        QStringList tags;          ///< the index's own tags (it is kept, broken)
        QList<Digest> lostEntries; ///< its entries the plan deletes
    };

    /// A referrer whose subject is deleted while it stays (its subject becomes a dangling name).
    struct Orphan
    {
        Digest referrer;
        Digest subject;
        QStringList via;
        QStringList tags; ///< tags naming the referrer (cosign tags, ...)
        QString reason;   ///< why it stays ("--with-referrers not given", depth limit)
    };

    /// One entry removed from a subject's fallback index `sha256-<hex>` after a delete.
    struct FallbackEdit
    {
        Digest subject;       ///< the subject whose fallback index changes
        QString tag;          ///< `sha256-<hex of subject>`
        Digest fallbackIndex; ///< what the tag named when the plan was made (invalid: no tag)
        Digest entry;         ///< the deleted manifest whose entry goes
        /// The fallback index was seen listing the entry; false when only the deleted
        /// manifest's own subject says so (checked and removed if there).
        bool listed = true;
    };

    /// A manifest listed as a referrer whose own `subject` names another manifest: never
    /// deleted as a referrer (PROTOCOL §8: a listing is a claim).
    struct SkippedReferrer
    {
        Digest digest;
        Digest listedFor;
        QStringList via;
        QString reason;
    };

    QString repository;
    Digest target; ///< the manifest asked for
    DeletionOptions options;
    /// Manifests in the order they are to be deleted: deepest referrers first, target last.
    QList<Item> items;
    QList<BrokenIndex> brokenIndexes;
    QList<Orphan> orphans;
    QList<FallbackEdit> fallbackEdits;
    QStringList emptiedFallbackTags; ///< fallback tags whose index loses its last entry
    /// Entries of a deleted index that stay (a delete by digest never takes an index's
    /// children with it); those no remaining tag reaches are left untagged.
    QList<Digest> keptEntries;
    QList<Digest> untaggedAfter; ///< the kept entries no tag reaches once the plan ran
    QList<SkippedReferrer> skippedReferrers;
    /// The tags the plan rests on and what each named when it was made (an invalid digest: the
    /// tag did not exist): the tags of every item, of every broken index, every fallback tag
    /// edited.
    QMap<QString, Digest> facts;
    /// Every tag of the repository when the plan was made: a tag that appears later and names
    /// a manifest of the plan would be deleted with it, unseen.
    QStringList knownTags;
    ReferrersAnswer::Kind referrersApi = ReferrersAnswer::Kind::Unknown;
    /// Why the plan may not run as asked (an index breaks without breakIndexes).
    QStringList refusals;
    /// What the plan could not see (manifests the inventory could not read, truncated tags).
    QStringList warnings;

    bool isRefused() const { return !refusals.isEmpty(); }
    /// Every tag that goes, sorted.
    QStringList removedTags() const;
    QList<Digest> deletedDigests() const;
    bool deletes(const Digest &digest) const;

    /// The plan for `--format json`: stable member names, digests as strings.
    QJsonObject toJson() const;
    /// The plan for a person, one fact per line.
    QString toText() const;
};

} // namespace ocular
