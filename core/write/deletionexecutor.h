#pragma once

#include "async/asynctask.h"
#include "write/deletionoutcome.h"
#include "write/deletionplan.h"

#include <QObject>
#include <QPointer>
#include <memory>

namespace ocular {

class ContentSource;
class FallbackIndexWriter;

/// Executes a DeletionPlan through a ContentSource, never blind: first every tag the plan rests
/// on is resolved again, and every other tag of the repository too (a tag that moved onto a
/// manifest of the plan since would silently go with it); any difference answers Stale and
/// nothing is deleted. Then the manifests are deleted by digest in the plan's order (referrers
/// first), and after each one its entries are removed from the fallback indexes the plan names.
/// The first failure stops the run (a registry with deletes disabled changes nothing at all).
/// `done` runs on the context's thread; the handle cancels what is in flight.
class DeletionExecutor : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int concurrency = 4;       ///< resolves in flight while checking the facts
        bool checkEveryTag = true; ///< also re-resolve the tags the plan does not rest on
        int maxTagPages = 1000;
        /// Delete the fallback index a write replaced (now untagged, naming a deleted
        /// manifest) when no tag named it at the check; needs checkEveryTag.
        bool deleteReplacedIndexes = true;
    };

    /// `writer` edits fallback indexes; when null the executor makes its own over `source`.
    explicit DeletionExecutor(ContentSource *source, FallbackIndexWriter *writer = nullptr,
                              QObject *parent = nullptr);

    RequestHandle execute(const DeletionPlan &plan, const Options &options, QObject *context,
                          async::Callback<DeletionOutcome> done);
    RequestHandle execute(const DeletionPlan &plan, QObject *context,
                          async::Callback<DeletionOutcome> done)
    {
        return execute(plan, Options{}, context, std::move(done));
    }

    /// What every run that deleted something tells the user.
    static QString storageNote();

Q_SIGNALS:
    /// Before each step: `step` of `total`, in a sentence.
    void progress(int step, int total, const QString &text);

private:
    struct Run;
    RequestHandle checkFacts(const std::shared_ptr<Run> &run, async::Callback<Done> done);
    RequestHandle checkOtherTags(const std::shared_ptr<Run> &run, async::Callback<Done> done);
    RequestHandle deleteItem(const std::shared_ptr<Run> &run, int index,
                             async::Callback<Done> done);
    RequestHandle editFallback(const std::shared_ptr<Run> &run, int edit,
                               async::Callback<Done> done);
    /// Deletes the index an edit replaced when nothing else names it (cleanup: a failure is
    /// reported on the edit, it does not stop the run).
    void deleteReplacedIndex(const std::shared_ptr<Run> &run, int result,
                             async::Callback<Done> done, RequestHandle handle);

    QPointer<ContentSource> m_source;
    QPointer<FallbackIndexWriter> m_writer;
};

} // namespace ocular
