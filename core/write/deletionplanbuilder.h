#pragma once

#include "async/asynctask.h"
#include "inventory/repositoryinventory.h"
#include "write/deletionplan.h"

#include <QObject>
#include <QPointer>
#include <functional>

namespace ocular {

class ContentSource;

/// Builds the DeletionPlan for deleting one manifest (by digest) the same way for the GUI and
/// `ocular-cli delete`: the repository's inventory is read, an untagged target the inventory
/// did not reach is read on its own, then DeletionPlanner plans on a worker thread (a pure
/// function over a value copy of the inventory: a repository of thousands of manifests must not
/// stall the caller's thread, which may be the GUI's). Every answer arrives on the caller's
/// context; cancelling the handle stops the request in flight and drops a plan being made. A
/// builder destroyed while it reads delivers nothing (like RepositoryInventoryBuilder).
class DeletionPlanBuilder : public QObject
{
    Q_OBJECT
public:
    /// What a build is doing; a caller names it for its user.
    enum class Stage
    {
        ReadingInventory,      ///< every tag and manifest of the repository
        ReadingUntaggedTarget, ///< the target, which no tag reaches
        Planning,              ///< DeletionPlanner, off the caller's thread
    };
    using StageCallback = std::function<void(Stage)>;

    /// What a plan is made from; kept by a caller to plan again with other options without a
    /// request.
    struct Basis
    {
        QString repository;
        Digest target;
        RepositoryInventory inventory;
        /// The target was read outside the inventory (no tag reaches it).
        bool targetUntagged = false;
    };

    /// A build's answer: the plan and what it was made from.
    struct Built
    {
        Basis basis;
        DeletionPlan plan;
    };

    explicit DeletionPlanBuilder(ContentSource *source, QObject *parent = nullptr);

    /// Reads the basis for deleting `target` from `repository`, then plans it with `options`.
    /// `stage` (optional) hears each stage as it starts, on the caller's thread.
    RequestHandle build(const QString &repository, const Digest &target,
                        const DeletionOptions &options, QObject *context,
                        async::Callback<Built> done, StageCallback stage = {});

    /// Plans over `basis` on a worker thread; the plan arrives on `context`'s thread.
    static RequestHandle plan(const Basis &basis, const DeletionOptions &options, QObject *context,
                              async::Callback<DeletionPlan> done);

    /// The plan itself, on the calling thread: DeletionPlanner plus what it cannot know (a
    /// target read outside the inventory had its referrers API left unasked).
    static DeletionPlan planNow(const Basis &basis, const DeletionOptions &options);

private:
    QPointer<ContentSource> m_source;
};

} // namespace ocular
