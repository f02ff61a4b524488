#pragma once

#include "http/requesthandle.h"
#include "write/deletionplan.h"
#include "write/deletionplanbuilder.h"

#include <QObject>
#include <QPointer>
#include <optional>

namespace ocular {

class ContentSource;

/// Works out the DeletionPlan the delete dialog shows: a tag is resolved to its digest (a
/// manifest is deleted by digest, with every tag on it), then DeletionPlanBuilder does what
/// `ocular-cli delete` does too (inventory, untagged target, DeletionPlanner on a worker thread,
/// never on the GUI thread). Everything is asynchronous; a new load(), replan() or cancel()
/// makes every reply of an earlier one a no-op (generations), and the inventory is kept so that
/// toggling an option re-plans without a request.
class DeletionPlanLoader : public QObject
{
    Q_OBJECT
public:
    explicit DeletionPlanLoader(ContentSource *source, QObject *parent = nullptr);
    ~DeletionPlanLoader() override;

    /// Starts over: `reference` is a tag or a digest in `repository`.
    void load(const QString &repository, const QString &reference, const DeletionOptions &options);
    /// Plans again from the inventory of the last load with other options, without a request;
    /// planned() follows. False (nothing started) while there is no inventory yet.
    bool replan(const DeletionOptions &options);
    /// Stops the load in flight; nothing is reported for it.
    void cancel();

    bool isLoading() const { return m_loading; }
    /// The digest being planned (invalid until a tag is resolved).
    Digest target() const { return m_target; }

Q_SIGNALS:
    /// What the load is doing now, in a sentence.
    void step(const QString &text);
    void planned(const ocular::DeletionPlan &plan);
    void failed(const QString &message);

private:
    void build(quint64 generation);
    void planInBackground(quint64 generation);
    void fail(quint64 generation, const QString &message);
    void track(quint64 request, const RequestHandle &handle);

    QPointer<ContentSource> m_source;
    DeletionPlanBuilder *m_builder = nullptr;
    QString m_repository;
    Digest m_target;
    DeletionOptions m_options;
    /// What the last load planned over, for replan().
    std::optional<DeletionPlanBuilder::Basis> m_basis;
    quint64 m_generation = 0;
    bool m_loading = false;
    /// Counts the requests started, so that only the newest one's handle is kept.
    quint64 m_request = 0;
    RequestHandle m_current;
};

} // namespace ocular
