#include "deletionplantree.h"

#include "content/artifactclass.h"
#include "content/mediatype.h"
#include "views/displayformat.h"
#include "views/problemcolour.h"

#include <QHeaderView>

namespace ocular {

namespace {

constexpr int SectionRole = Qt::UserRole + 1;

QString itemKind(const DeletionPlan::Item &item)
{
    if (!item.artifactType.isEmpty()) {
        // "SPDX SBOM" reads better than its media type; an unknown type is shown as it is.
        const ArtifactClass kind = ArtifactClass::fromType(item.artifactType);
        return kind.format != ArtifactFormat::Unknown && !kind.label.isEmpty() ? kind.label
                                                                               : item.artifactType;
    }
    if (!item.mediaType.isEmpty())
        return mediatype::describe(item.mediaType);
    return DeletionPlanTree::tr("manifest (not read)");
}

QTreeWidgetItem *addRow(QTreeWidgetItem *parent, const QString &what, const QString &detail,
                        const QString &tooltip = {})
{
    auto *row = new QTreeWidgetItem(parent, QStringList{what, detail});
    // Rows are facts, not choices: selectable for copying, never checkable or editable.
    row->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    // Digests and details may be cut at the column's edge: the tooltip has them whole.
    row->setToolTip(0, tooltip.isEmpty() ? what : tooltip);
    row->setToolTip(1, tooltip.isEmpty() ? detail : tooltip);
    return row;
}

QString joined(const QStringList &list)
{
    return list.join(QStringLiteral(", "));
}

} // namespace

DeletionPlanTree::DeletionPlanTree(QWidget *parent)
    : QTreeWidget(parent)
{
    setColumnCount(2);
    setHeaderLabels({tr("What"), tr("Details")});
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(0, QHeaderView::Interactive);
    setColumnWidth(0, 330);
}

void DeletionPlanTree::clearPlan()
{
    clear();
}

QTreeWidgetItem *DeletionPlanTree::addSection(Section section, const QString &title, bool alarming)
{
    auto *item = new QTreeWidgetItem(this, QStringList{title});
    item->setFlags(Qt::ItemIsEnabled);
    item->setData(0, SectionRole, int(section));
    item->setFirstColumnSpanned(true);
    QFont font = item->font(0);
    font.setBold(true);
    item->setFont(0, font);
    if (alarming)
        item->setForeground(0, problemcolour::forApplicationPalette());
    return item;
}

void DeletionPlanTree::setPlan(const DeletionPlan &plan)
{
    clear();

    QTreeWidgetItem *manifests = addSection(
        Section::Manifests,
        plan.items.size() == 1
            ? tr("Manifest deleted by digest")
            : tr("%1 manifests deleted by digest, in this order").arg(plan.items.size()));
    for (const DeletionPlan::Item &item : plan.items) {
        QString detail = itemKind(item);
        if (item.referrerOf.isValid())
            detail += tr(" — referrer of %1 (%2)")
                          .arg(displayformat::shortDigest(item.referrerOf), joined(item.via));
        if (!item.known)
            detail += tr(" — known by its digest only");
        QTreeWidgetItem *row = addRow(manifests, item.digest.toString(), detail);
        for (const QString &tag : item.tags)
            addRow(row, tr("tag %1").arg(tag), tr("goes with it"));
    }

    const QStringList tags = plan.removedTags();
    QTreeWidgetItem *tagSection = addSection(
        Section::Tags, tags.isEmpty() ? tr("Tags removed: none (nothing tags these manifests)")
                                      : tr("Tags removed (%1): a delete by digest removes every "
                                           "tag on it")
                                            .arg(tags.size()));
    for (const QString &tag : tags)
        addRow(tagSection, tag, plan.repository + QLatin1Char(':') + tag);

    if (!plan.brokenIndexes.isEmpty()) {
        QTreeWidgetItem *s =
            addSection(Section::BrokenIndexes,
                       tr("Indexes that break (%1): they stay and name a deleted manifest")
                           .arg(plan.brokenIndexes.size()),
                       true);
        for (const DeletionPlan::BrokenIndex &b : plan.brokenIndexes) {
            QTreeWidgetItem *row = addRow(s, b.index.toString(),
                                          b.tags.isEmpty() ? tr("untagged index")
                                                           : tr("tags: %1").arg(joined(b.tags)));
            for (const Digest &lost : b.lostEntries)
                addRow(row, lost.toString(), tr("entry that would be gone"));
        }
    }

    if (!plan.orphans.isEmpty()) {
        QTreeWidgetItem *s = addSection(
            Section::Orphans,
            tr("Referrers left without their subject (%1)").arg(plan.orphans.size()), true);
        for (const DeletionPlan::Orphan &o : plan.orphans) {
            QString detail =
                tr("referrer of %1 (%2)").arg(displayformat::shortDigest(o.subject), joined(o.via));
            if (!o.tags.isEmpty())
                detail += tr("; tags: %1").arg(joined(o.tags));
            addRow(s, o.referrer.toString(), detail, o.reason);
        }
    }

    if (!plan.fallbackEdits.isEmpty()) {
        QTreeWidgetItem *s =
            addSection(Section::FallbackEdits,
                       tr("Fallback index entries removed (%1)").arg(plan.fallbackEdits.size()));
        for (const DeletionPlan::FallbackEdit &e : plan.fallbackEdits) {
            QString detail = tr("entry %1").arg(displayformat::shortDigest(e.entry));
            if (!e.listed)
                detail += e.fallbackIndex.isValid() ? tr(" (not seen listed; checked anyway)")
                                                    : tr(" (no such tag now; checked anyway)");
            addRow(s, e.tag, detail);
        }
    }

    if (!plan.emptiedFallbackTags.isEmpty()) {
        QTreeWidgetItem *s = addSection(
            Section::EmptiedFallbackTags,
            tr("Fallback tags left empty, and deleted (%1)").arg(plan.emptiedFallbackTags.size()));
        for (const QString &tag : plan.emptiedFallbackTags)
            addRow(s, tag, tr("its index loses its last entry"));
    }

    if (!plan.keptEntries.isEmpty()) {
        QTreeWidgetItem *s = addSection(
            Section::KeptEntries,
            tr("Entries of deleted indexes that stay (%1)").arg(plan.keptEntries.size()));
        for (const Digest &d : plan.keptEntries)
            addRow(s, d.toString(),
                   plan.untaggedAfter.contains(d) ? tr("left untagged") : tr("still tagged"));
    }

    if (!plan.skippedReferrers.isEmpty()) {
        QTreeWidgetItem *s =
            addSection(Section::SkippedReferrers,
                       tr("Listed as referrers but kept (%1)").arg(plan.skippedReferrers.size()));
        for (const DeletionPlan::SkippedReferrer &r : plan.skippedReferrers)
            addRow(s, r.digest.toString(), r.reason);
    }

    if (!plan.warnings.isEmpty()) {
        QTreeWidgetItem *s =
            addSection(Section::Warnings, tr("Not seen (%1)").arg(plan.warnings.size()), true);
        for (const QString &w : plan.warnings)
            addRow(s, w, {}, w);
    }

    expandAll();
    // Full digests fit (they are what a person compares), the details get the rest.
    resizeColumnToContents(0);
    setColumnWidth(0, qMin(columnWidth(0) + 12, qMax(200, viewport()->width() * 2 / 3)));
}

QTreeWidgetItem *DeletionPlanTree::section(Section section) const
{
    for (int i = 0; i < topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = topLevelItem(i);
        if (item->data(0, SectionRole).toInt() == int(section))
            return item;
    }
    return nullptr;
}

QStringList DeletionPlanTree::rowsOf(Section which) const
{
    QStringList out;
    if (QTreeWidgetItem *s = section(which)) {
        for (int i = 0; i < s->childCount(); ++i)
            out << s->child(i)->text(0);
    }
    return out;
}

} // namespace ocular
