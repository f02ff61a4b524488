#include "cleanup/cleanupcandidates.h"

#include "referrers/cosigntags.h"

#include <QMap>

#include <algorithm>

namespace ocular {

namespace {

QString when(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

bool isFallbackTag(const QString &tag)
{
    const auto parsed = cosigntags::parse(tag);
    return parsed && !parsed->kind;
}

/// Everything the evidence and the inventory name, with who named it.
QMap<Digest, QStringList> namedDigests(const RepositoryInventory &inventory,
                                       const CleanupEvidence &evidence)
{
    QMap<Digest, QStringList> named;
    auto add = [&](const Digest &d, const QString &source) {
        if (!d.isValid())
            return;
        QStringList &sources = named[d];
        if (!sources.contains(source))
            sources.append(source);
    };
    for (auto it = inventory.manifests.begin(); it != inventory.manifests.end(); ++it)
        add(it.key(), QStringLiteral("inventory"));
    for (const InventoryEdge &e : inventory.edges) {
        if (e.kind == InventoryEdgeKind::FallbackTag)
            add(e.to, QStringLiteral("inventory: entry of fallback index %1").arg(e.tag));
        else if (e.kind == InventoryEdgeKind::CosignTag)
            add(e.to, QStringLiteral("inventory: cosign tag %1").arg(e.tag));
    }
    for (const TagHistoryEntry &h : evidence.history)
        add(h.digest, h.current ? QStringLiteral("tag history: %1 (current)").arg(h.tag)
                                : QStringLiteral("tag history: %1 (%2 to %3)")
                                      .arg(h.tag, when(h.firstSeen), when(h.lastSeen)));
    if (evidence.storage) {
        for (const Digest &d : evidence.storage->revisions)
            add(d, QStringLiteral("storage: revision"));
        for (const StoredTag &t : evidence.storage->tags)
            for (const Digest &d : t.index)
                if (d != t.current)
                    add(d, QStringLiteral("storage: past digest of %1").arg(t.name));
    }
    for (const Digest &d : evidence.imported)
        add(d, QStringLiteral("imported: %1").arg(evidence.importedFrom));
    for (auto it = evidence.extraManifests.begin(); it != evidence.extraManifests.end(); ++it)
        add(it.key(), QStringLiteral("read by digest"));
    for (const InventoryEdge &e : evidence.extraEdges)
        if (e.kind == InventoryEdgeKind::IndexChild)
            add(e.to, QStringLiteral("entry of index %1").arg(e.from.toString()));
    return named;
}

} // namespace

QList<Digest> CleanupCandidates::unread(const RepositoryInventory &inventory,
                                        const CleanupEvidence &evidence)
{
    QList<Digest> out;
    const QMap<Digest, QStringList> named = namedDigests(inventory, evidence);
    for (auto it = named.begin(); it != named.end(); ++it) {
        const Digest &d = it.key();
        if (!inventory.manifests.contains(d) && !evidence.extraManifests.contains(d) &&
            !evidence.gone.contains(d))
            out.append(d);
    }
    return out; // QMap order: sorted
}

QList<CleanupCandidate> CleanupCandidates::classify(const RepositoryInventory &inventory,
                                                    const CleanupEvidence &evidence)
{
    QHash<Digest, InventoryManifest> manifests = inventory.manifests;
    for (auto it = evidence.extraManifests.begin(); it != evidence.extraManifests.end(); ++it)
        manifests.insert(it.key(), it.value());
    QList<InventoryEdge> edges = inventory.edges;
    edges.append(evidence.extraEdges);
    // A subject field is an attachment whatever lists it (or nothing does, without the API).
    for (const InventoryManifest &m : std::as_const(manifests))
        if (m.subject)
            edges.append({*m.subject, m.digest, InventoryEdgeKind::ReferrerApi, QString(), true});

    // Roots: user tags. Attachment tags hang off their subjects instead.
    QSet<Digest> userTagged;
    QHash<Digest, QStringList> attachmentTagged;
    QHash<Digest, QList<Digest>> attachmentsOf; // subject → what its attachment tags name
    for (auto it = inventory.tags.begin(); it != inventory.tags.end(); ++it) {
        if (!it.value().isValid())
            continue;
        const auto parsed = cosigntags::parse(it.key());
        if (!parsed) {
            userTagged.insert(it.value());
            continue;
        }
        attachmentTagged[it.value()].append(it.key());
        if (parsed->subject.isValid())
            attachmentsOf[parsed->subject].append(it.value());
    }
    QHash<Digest, QList<Digest>> children, referrers;
    QHash<Digest, QList<Digest>> parents, subjects;
    for (const InventoryEdge &e : std::as_const(edges)) {
        if (e.kind == InventoryEdgeKind::IndexChild) {
            children[e.from].append(e.to);
            parents[e.to].append(e.from);
        } else {
            referrers[e.from].append(e.to);
            subjects[e.to].append(e.from);
        }
    }
    QSet<Digest> reached = userTagged;
    QList<Digest> pending(userTagged.begin(), userTagged.end());
    while (!pending.isEmpty()) {
        const Digest d = pending.takeLast();
        QList<Digest> next = children.value(d);
        next.append(referrers.value(d));
        next.append(attachmentsOf.value(d));
        for (const Digest &n : std::as_const(next))
            if (!reached.contains(n)) {
                reached.insert(n);
                pending.append(n);
            }
    }

    // What tags (history, storage) once named each digest.
    QHash<Digest, QStringList> userTagsOnce, fallbackTagsOnce;
    auto once = [&](const Digest &d, const QString &tag) {
        QStringList &list = isFallbackTag(tag) ? fallbackTagsOnce[d] : userTagsOnce[d];
        if (!cosigntags::isAttachmentTag(tag) || isFallbackTag(tag))
            if (!list.contains(tag))
                list.append(tag);
    };
    // The history's "current" is as of its last sighting; the inventory says what is now.
    for (const TagHistoryEntry &h : evidence.history)
        if (inventory.tags.value(h.tag) != h.digest)
            once(h.digest, h.tag);
    if (evidence.storage)
        for (const StoredTag &t : evidence.storage->tags)
            for (const Digest &d : t.index)
                if (d != t.current)
                    once(d, t.name);

    QSet<Digest> fallbackIndexes;
    for (auto it = fallbackTagsOnce.begin(); it != fallbackTagsOnce.end(); ++it)
        fallbackIndexes.insert(it.key());
    for (auto it = inventory.tags.begin(); it != inventory.tags.end(); ++it)
        if (isFallbackTag(it.key()))
            fallbackIndexes.insert(it.value());

    // Blobs whatever is in use names stay, whatever is deleted.
    QSet<Digest> inUseBlobs;
    for (const Digest &d : std::as_const(reached))
        if (const auto m = manifests.constFind(d); m != manifests.constEnd())
            for (auto b = m->blobSizes.begin(); b != m->blobSizes.end(); ++b)
                inUseBlobs.insert(b.key());
    QHash<Digest, QDateTime> firstSeen;
    for (const TagHistoryEntry &h : evidence.history)
        if (h.firstSeen.isValid() &&
            (!firstSeen.contains(h.digest) || h.firstSeen < firstSeen.value(h.digest)))
            firstSeen.insert(h.digest, h.firstSeen.toUTC());

    QList<CleanupCandidate> out;
    QHash<Digest, qsizetype> position;
    const QMap<Digest, QStringList> named = namedDigests(inventory, evidence);
    for (auto it = named.begin(); it != named.end(); ++it) {
        const Digest &d = it.key();
        if (userTagged.contains(d) || evidence.gone.contains(d))
            continue;
        if (attachmentTagged.contains(d) && reached.contains(d))
            continue; // a live fallback index or cosign attachment: tagged, in use
        CleanupCandidate c;
        c.digest = d;
        c.sources = it.value();
        if (const auto m = manifests.constFind(d); m != manifests.constEnd()) {
            c.mediaType = m->mediaType;
            c.size = m->size;
            c.artifactType = m->artifactType;
            c.annotations = m->annotations;
            for (auto b = m->blobSizes.begin(); b != m->blobSizes.end(); ++b)
                if (!inUseBlobs.contains(b.key()))
                    c.ownBlobs.insert(b.key(), b.value());
            const QDateTime created = QDateTime::fromString(
                m->annotations.value(QStringLiteral("org.opencontainers.image.created")),
                Qt::ISODateWithMs);
            if (created.isValid()) {
                c.created = created.toUTC();
                c.createdFrom = QStringLiteral("annotation org.opencontainers.image.created");
            }
        }
        if (!c.created.isValid() && firstSeen.contains(d)) {
            c.created = firstSeen.value(d);
            c.createdFrom = QStringLiteral("first seen by the tag history");
        }
        // A fallback index contains its referrers only to list them: not a parent image.
        auto reachedParent = [&]() -> Digest {
            for (const Digest &p : parents.value(d))
                if (reached.contains(p) && !fallbackIndexes.contains(p))
                    return p;
            return Digest();
        };
        if (reached.contains(d)) {
            if (const Digest p = reachedParent(); p.isValid()) {
                c.kind = CleanupClass::ChildOfTaggedIndex;
                c.why = QStringLiteral("an entry of the index %1, which a tag reaches")
                            .arg(p.toString());
            } else {
                c.kind = CleanupClass::ReferrerOfLiveSubject;
                QString subject;
                for (const Digest &s : subjects.value(d))
                    if (reached.contains(s))
                        subject = s.toString();
                c.why = QStringLiteral("attached to %1, which a tag reaches")
                            .arg(subject.isEmpty() ? QStringLiteral("a manifest") : subject);
            }
        } else if (!subjects.value(d).isEmpty()) {
            c.kind = CleanupClass::OrphanedReferrer;
            c.why = QStringLiteral("a referrer of %1, which no tag reaches (deleted or untagged)")
                        .arg(subjects.value(d).first().toString());
        } else if (attachmentTagged.contains(d)) {
            const QString tag = attachmentTagged.value(d).first();
            c.kind = CleanupClass::OrphanedReferrer;
            c.why = QStringLiteral("the tag %1 names it, but its subject is not reached from any "
                                   "tag (deleted or untagged)")
                        .arg(tag);
        } else if (fallbackTagsOnce.contains(d)) {
            c.kind = CleanupClass::ReplacedFallbackIndex;
            c.why = QStringLiteral("the fallback tag %1 named it before a later attach replaced it")
                        .arg(fallbackTagsOnce.value(d).first());
        } else if (userTagsOnce.contains(d)) {
            c.kind = CleanupClass::DanglingImage;
            c.why = QStringLiteral("the tag %1 moved away from it")
                        .arg(userTagsOnce.value(d).join(QStringLiteral(", ")));
        } else {
            c.kind = CleanupClass::Unknown;
            c.why = QStringLiteral("no tag names or reaches it, and no tag is known to have");
        }
        position.insert(d, out.size());
        out.append(c);
    }
    // An entry of an untagged index belongs with it: a dangling image's platform manifests
    // are dangling too.
    for (CleanupCandidate &c : out) {
        if (c.kind != CleanupClass::Unknown)
            continue;
        for (const Digest &p : parents.value(c.digest)) {
            const auto at = position.constFind(p);
            if (at == position.constEnd())
                continue;
            const CleanupCandidate &parent = out.at(*at);
            if (parent.kind == CleanupClass::Unknown || cleanupClassInUse(parent.kind))
                continue;
            c.kind = parent.kind;
            c.why = QStringLiteral("an entry of the %1 %2")
                        .arg(cleanupClassName(parent.kind), p.toString());
            break;
        }
    }
    QHash<Digest, int> sharers;
    for (const CleanupCandidate &c : std::as_const(out))
        for (auto b = c.ownBlobs.begin(); b != c.ownBlobs.end(); ++b)
            ++sharers[b.key()];
    for (CleanupCandidate &c : out) {
        if (c.size < 0 || cleanupClassInUse(c.kind))
            continue;
        c.reclaimable = c.size;
        for (auto b = c.ownBlobs.begin(); b != c.ownBlobs.end(); ++b)
            if (sharers.value(b.key()) == 1)
                c.reclaimable += qMax<qint64>(0, b.value());
    }
    std::sort(out.begin(), out.end(), [](const CleanupCandidate &a, const CleanupCandidate &b) {
        if (a.kind != b.kind)
            return int(a.kind) < int(b.kind);
        return a.digest < b.digest;
    });
    return out;
}

qint64 CleanupCandidates::selectedBytes(const QList<CleanupCandidate> &candidates)
{
    QSet<Digest> keptBlobs;
    for (const CleanupCandidate &c : candidates)
        if (!c.selected)
            for (auto b = c.ownBlobs.begin(); b != c.ownBlobs.end(); ++b)
                keptBlobs.insert(b.key());
    qint64 total = 0;
    QSet<Digest> counted;
    for (const CleanupCandidate &c : candidates) {
        if (!c.selected)
            continue;
        total += qMax<qint64>(0, c.size);
        for (auto b = c.ownBlobs.begin(); b != c.ownBlobs.end(); ++b)
            if (!keptBlobs.contains(b.key()) && !counted.contains(b.key())) {
                counted.insert(b.key());
                total += qMax<qint64>(0, b.value());
            }
    }
    return total;
}

} // namespace ocular
