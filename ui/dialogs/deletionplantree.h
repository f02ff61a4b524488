#pragma once

#include "write/deletionplan.h"

#include <QTreeWidget>

namespace ocular {

/// A DeletionPlan as a tree a person can review before confirming: one top-level row per kind
/// of consequence (manifests deleted, tags removed, indexes that break, referrers left without
/// their subject, fallback index entries, fallback tags emptied, entries left untagged,
/// warnings), each with one row per fact. Read-only: the choices (delete the referrers too,
/// break the indexes anyway) are the dialog's checkboxes, so no row here looks tickable.
class DeletionPlanTree : public QTreeWidget
{
    Q_OBJECT
public:
    /// The top-level rows; a section without facts is not shown (Manifests and Tags always are).
    enum class Section
    {
        Manifests,
        Tags,
        BrokenIndexes,
        Orphans,
        FallbackEdits,
        EmptiedFallbackTags,
        KeptEntries,
        SkippedReferrers,
        Warnings,
    };
    Q_ENUM(Section)

    explicit DeletionPlanTree(QWidget *parent = nullptr);

    void setPlan(const DeletionPlan &plan);
    void clearPlan();

    /// The section's row, null when the plan has nothing for it.
    QTreeWidgetItem *section(Section section) const;
    /// The first-column texts of the section's rows (for tests and accessibility checks).
    QStringList rowsOf(Section section) const;

private:
    QTreeWidgetItem *addSection(Section section, const QString &title, bool alarming = false);
};

} // namespace ocular
