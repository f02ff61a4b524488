#include "deletionplanner.h"

#include "referrers/cosigntags.h"

#include <QHash>
#include <QSet>
#include <algorithm>

namespace ocular {

namespace {

/// The referrers of one manifest, one entry per referrer digest with every way it was listed.
struct ListedReferrer
{
    Digest digest;
    QStringList via;
    bool confirmed = false; ///< at least one listing is backed by the referrer's own subject
};

QList<ListedReferrer> listedReferrers(const RepositoryInventory &inventory, const Digest &subject)
{
    QList<ListedReferrer> out;
    for (const InventoryEdge &e : inventory.referrersOf(subject)) {
        if (e.to == subject)
            continue;
        auto it = std::find_if(out.begin(), out.end(),
                               [&](const ListedReferrer &r) { return r.digest == e.to; });
        if (it == out.end()) {
            out.append(ListedReferrer{e.to, {}, false});
            it = out.end() - 1;
        }
        const QString kind = inventoryEdgeKindName(e.kind);
        if (!it->via.contains(kind))
            it->via.append(kind);
        it->confirmed = it->confirmed || e.subjectConfirmed;
    }
    return out;
}

/// Fallback referrer indexes are the bookkeeping of their subject's referrers, not content
/// that "contains" them: deleting a referrer edits its fallback index, it does not break it.
QSet<Digest> fallbackIndexes(const RepositoryInventory &inventory)
{
    QSet<Digest> out;
    for (auto it = inventory.tags.begin(); it != inventory.tags.end(); ++it) {
        const auto parsed = cosigntags::parse(it.key());
        if (parsed && !parsed->kind && it.value().isValid())
            out.insert(it.value());
    }
    return out;
}

QString listOf(const QStringList &names)
{
    return names.join(QStringLiteral(", "));
}

} // namespace

DeletionPlan DeletionPlanner::plan(const RepositoryInventory &inventory, const Digest &target,
                                   const DeletionOptions &options)
{
    DeletionPlan plan;
    plan.repository = inventory.repository;
    plan.target = target;
    plan.options = options;
    plan.referrersApi = inventory.referrersApi;
    plan.knownTags = inventory.tags.keys();
    if (!target.isValid()) {
        plan.refusals << QStringLiteral("No manifest digest was given.");
        return plan;
    }

    auto makeItem = [&](const Digest &digest, int depth, const Digest &referrerOf,
                        const QStringList &via) {
        DeletionPlan::Item item;
        item.digest = digest;
        item.depth = depth;
        item.referrerOf = referrerOf;
        item.via = via;
        item.tags = inventory.tagsOf(digest);
        const auto m = inventory.manifests.constFind(digest);
        item.known = m != inventory.manifests.constEnd();
        if (item.known) {
            item.mediaType = m->mediaType;
            item.artifactType = m->artifactType;
            item.subject = m->subject;
        }
        return item;
    };

    // Breadth first, so that each referrer is planned at its shortest distance from the
    // target; the visited set (`planned`) makes cycles and shared referrers harmless.
    QList<DeletionPlan::Item> discovered{makeItem(target, 0, Digest(), {})};
    QSet<Digest> planned{target};
    QHash<Digest, DeletionPlan::SkippedReferrer> skipped;
    QList<DeletionPlan::Orphan> orphans;
    for (qsizetype i = 0; i < discovered.size(); ++i) {
        const DeletionPlan::Item current = discovered.at(i);
        for (const ListedReferrer &r : listedReferrers(inventory, current.digest)) {
            if (planned.contains(r.digest))
                continue;
            if (!r.confirmed) {
                skipped.insert(r.digest,
                               {r.digest, current.digest, r.via,
                                QStringLiteral("its own subject is not %1: a listing is only a "
                                               "claim, so it is neither deleted nor orphaned")
                                    .arg(current.digest.toString())});
                continue;
            }
            QString stays;
            if (!options.withReferrers)
                stays = QStringLiteral("referrers are not deleted unless asked for");
            else if (current.depth + 1 > options.maxReferrerDepth)
                stays = QStringLiteral("beyond the referrer depth limit of %1")
                            .arg(options.maxReferrerDepth);
            if (!stays.isEmpty()) {
                orphans.append(
                    {r.digest, current.digest, r.via, inventory.tagsOf(r.digest), stays});
                continue;
            }
            planned.insert(r.digest);
            discovered.append(makeItem(r.digest, current.depth + 1, current.digest, r.via));
        }
    }
    // Deepest first: a referrer goes before its subject, so that a run stopped half-way
    // leaves referrers with their subjects rather than orphans.
    std::stable_sort(
        discovered.begin(), discovered.end(),
        [](const DeletionPlan::Item &a, const DeletionPlan::Item &b) { return a.depth > b.depth; });
    plan.items = discovered;
    for (const DeletionPlan::Orphan &o : orphans) {
        const bool alreadyListed =
            std::any_of(plan.orphans.begin(), plan.orphans.end(),
                        [&](const DeletionPlan::Orphan &x) { return x.referrer == o.referrer; });
        if (!planned.contains(o.referrer) && !alreadyListed)
            plan.orphans.append(o);
    }
    for (const DeletionPlan::SkippedReferrer &s : skipped) {
        if (!planned.contains(s.digest))
            plan.skippedReferrers.append(s);
    }
    std::sort(plan.skippedReferrers.begin(), plan.skippedReferrers.end(),
              [](const auto &a, const auto &b) { return a.digest < b.digest; });
    if (std::any_of(plan.orphans.begin(), plan.orphans.end(), [](const DeletionPlan::Orphan &o) {
            return o.reason.startsWith(QLatin1String("beyond"));
        }))
        plan.warnings << QStringLiteral("Referrers beyond the depth limit of %1 stay as orphans.")
                             .arg(options.maxReferrerDepth);

    // Indexes that contain a manifest of the plan and are not deleted themselves.
    const QSet<Digest> bookkeeping = fallbackIndexes(inventory);
    for (const DeletionPlan::Item &item : std::as_const(plan.items)) {
        for (const Digest &index : inventory.indexesContaining(item.digest)) {
            if (bookkeeping.contains(index) || planned.contains(index))
                continue;
            auto it =
                std::find_if(plan.brokenIndexes.begin(), plan.brokenIndexes.end(),
                             [&](const DeletionPlan::BrokenIndex &b) { return b.index == index; });
            if (it == plan.brokenIndexes.end()) {
                plan.brokenIndexes.append({index, inventory.tagsOf(index), {}});
                it = plan.brokenIndexes.end() - 1;
            }
            if (!it->lostEntries.contains(item.digest))
                it->lostEntries.append(item.digest);
        }
    }
    if (!plan.brokenIndexes.isEmpty() && !options.breakIndexes) {
        QStringList names;
        for (const DeletionPlan::BrokenIndex &b : std::as_const(plan.brokenIndexes))
            names << (b.tags.isEmpty()
                          ? b.index.toString()
                          : QStringLiteral("%1 (%2)").arg(b.index.toString(), listOf(b.tags)));
        plan.refusals << QStringLiteral("%1 in the repository would break, because %2 a "
                                        "manifest this plan deletes: %3. Refused unless the "
                                        "caller insists.")
                             .arg(plan.brokenIndexes.size() == 1
                                      ? QStringLiteral("1 index")
                                      : QStringLiteral("%1 indexes").arg(plan.brokenIndexes.size()),
                                  plan.brokenIndexes.size() == 1 ? QStringLiteral("it contains")
                                                                 : QStringLiteral("they contain"),
                                  listOf(names));
    }

    // Children of deleted indexes stay; say which of them nothing tagged reaches afterwards.
    for (const DeletionPlan::Item &item : std::as_const(plan.items)) {
        for (const Digest &child : inventory.childrenOf(item.digest)) {
            if (!planned.contains(child) && !plan.keptEntries.contains(child) &&
                !bookkeeping.contains(item.digest))
                plan.keptEntries.append(child);
        }
    }
    if (!plan.keptEntries.isEmpty()) {
        RepositoryInventory after = inventory;
        for (auto it = after.tags.begin(); it != after.tags.end();) {
            if (planned.contains(it.value()))
                it = after.tags.erase(it);
            else
                ++it;
        }
        const QSet<Digest> reached = after.reachableFromTags(false);
        for (const Digest &child : std::as_const(plan.keptEntries)) {
            if (!reached.contains(child))
                plan.untaggedAfter.append(child);
        }
    }

    // Fallback index entries: every listing of a deleted manifest in any fallback index (a
    // dangling entry would stay behind otherwise), and, where the registry may lack the
    // referrers API, the entry its own subject's index should have even if it was not seen.
    auto hasEdit = [&](const QString &tag, const Digest &entry) {
        return std::any_of(
            plan.fallbackEdits.begin(), plan.fallbackEdits.end(),
            [&](const DeletionPlan::FallbackEdit &e) { return e.tag == tag && e.entry == entry; });
    };
    for (const InventoryEdge &e : inventory.edges) {
        if (e.kind != InventoryEdgeKind::FallbackTag || !planned.contains(e.to) ||
            hasEdit(e.tag, e.to))
            continue;
        plan.fallbackEdits.append({e.from, e.tag, inventory.tags.value(e.tag), e.to, true});
    }
    if (inventory.referrersApi != ReferrersAnswer::Kind::Api) {
        for (const DeletionPlan::Item &item : std::as_const(plan.items)) {
            if (!item.subject || !item.subject->isValid())
                continue;
            const QString tag = item.subject->fallbackTag();
            if (!hasEdit(tag, item.digest))
                plan.fallbackEdits.append(
                    {*item.subject, tag, inventory.tags.value(tag), item.digest, false});
        }
    }
    QStringList editedTags;
    for (const DeletionPlan::FallbackEdit &e : std::as_const(plan.fallbackEdits)) {
        if (!editedTags.contains(e.tag))
            editedTags.append(e.tag);
    }
    for (const QString &tag : std::as_const(editedTags)) {
        const Digest index = inventory.tags.value(tag);
        if (!index.isValid())
            continue;
        if (!inventory.manifests.contains(index)) {
            plan.warnings << QStringLiteral("The fallback index %1 (%2) could not be read: whether "
                                            "it becomes empty is not known.")
                                 .arg(tag, index.toString());
            continue;
        }
        const QList<Digest> entries = inventory.childrenOf(index);
        if (std::all_of(entries.begin(), entries.end(),
                        [&](const Digest &d) { return planned.contains(d); }))
            plan.emptiedFallbackTags << tag;
    }
    std::sort(plan.emptiedFallbackTags.begin(), plan.emptiedFallbackTags.end());

    // The facts: what each tag involved named when the plan was made.
    for (const DeletionPlan::Item &item : std::as_const(plan.items)) {
        for (const QString &tag : item.tags)
            plan.facts.insert(tag, item.digest);
    }
    for (const DeletionPlan::BrokenIndex &b : std::as_const(plan.brokenIndexes)) {
        for (const QString &tag : b.tags)
            plan.facts.insert(tag, b.index);
    }
    for (const QString &tag : std::as_const(editedTags))
        plan.facts.insert(tag, inventory.tags.value(tag));

    if (!inventory.manifests.contains(target))
        plan.warnings << QStringLiteral(
                             "The inventory did not read %1 (no tag reaches it): its subject and "
                             "referrers are only what the rest of the repository says.")
                             .arg(target.toString());
    if (inventory.tagsTruncated)
        plan.warnings << QStringLiteral("The tag listing was cut short: tags beyond it (and "
                                        "what they name) are not in this plan.");
    for (const InventoryProblem &problem : inventory.unreadable) {
        const QString what = problem.digest.isValid() ? problem.digest.toString()
                                                      : QStringLiteral("tag ") + problem.tag;
        plan.warnings << QStringLiteral("Could not read %1: %2").arg(what, problem.message);
    }
    return plan;
}

} // namespace ocular
