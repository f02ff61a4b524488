#pragma once

#include "http/requesthandle.h"
#include "write/deletionoutcome.h"
#include "write/deletionplan.h"

#include <QDialog>
#include <QPointer>
#include <optional>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace ocular {

class ContentSource;
class DeletionExecutor;
class DeletionPlanLoader;
class DeletionPlanTree;

/// The confirmation a manifest delete goes through (PROTOCOL §6): the plan is worked out from
/// the repository's inventory first and shown in full — every tag that goes, indexes that
/// break, referrers left without their subject, fallback index upkeep — and only the button
/// that says what it does ("Delete manifest and 3 tags") deletes. The executor re-checks the
/// plan's facts; when the registry moved on (Stale) the plan is made again and shown with a
/// message, never executed blind. Closing the dialog cancels whatever is in flight.
class DeletionPreviewDialog : public QDialog
{
    Q_OBJECT
public:
    enum class State
    {
        Planning,  ///< resolving, reading the inventory, planning
        Ready,     ///< a plan that may run is shown
        Refused,   ///< the plan is refused as it stands (an index breaks); the reason is shown
        Executing, ///< the executor runs
        Finished,  ///< the run ended (completed or stopped); the outcome is shown
        Failed,    ///< planning failed or was cancelled; the message says why
    };
    Q_ENUM(State)

    /// `reference` is a tag or a digest of `repository` on `source` (not owned; the dialog
    /// copes with it going away).
    DeletionPreviewDialog(ContentSource *source, const QString &repository,
                          const QString &reference, QWidget *parent = nullptr);
    ~DeletionPreviewDialog() override;

    /// Starts working out the plan.
    void start();

    State state() const { return m_state; }
    /// The plan shown (empty before the first one).
    const std::optional<DeletionPlan> &plan() const { return m_plan; }
    /// What the dialog says above the plan: progress, refusals, a stale plan, the outcome.
    QString message() const;
    DeletionPlanTree *planTree() const { return m_tree; }
    QPushButton *deleteButton() const { return m_deleteButton; }
    /// Cancel while something runs, Close otherwise.
    QPushButton *cancelButton() const { return m_cancelButton; }
    QCheckBox *withReferrersBox() const { return m_withReferrers; }
    QCheckBox *breakIndexesBox() const { return m_breakIndexes; }

    /// The label of the destructive button for a plan ("Delete manifest and 2 tags").
    static QString deleteButtonText(const DeletionPlan &plan);

Q_SIGNALS:
    /// A run deleted something: Completed, or Stopped part-way (the outcome says what went);
    /// not for a run that deleted nothing (Stale, refused by the registry, cancelled). The
    /// repository should be shown afresh; an activity log can record it.
    void deleted(const ocular::DeletionPlan &plan, const ocular::DeletionOutcome &outcome);
    /// The repository may have changed (a run ended in any way, cancelled included).
    void repositoryChanged(const QString &repository);

public Q_SLOTS:
    void reject() override;

private:
    void setState(State state);
    void setMessage(const QString &text, bool alarming = false);
    DeletionOptions options() const;
    void replan();
    void onPlanned(const DeletionPlan &plan);
    void onPlanFailed(const QString &message);
    void execute();
    void onExecuted(const DeletionPlan &plan, Result<DeletionOutcome> outcome);
    void cancelOperation();
    void updateButtons();

    QPointer<ContentSource> m_source;
    QString m_repository;
    QString m_reference;
    DeletionPlanLoader *m_loader;
    QPointer<DeletionExecutor> m_executor;
    RequestHandle m_execution;
    quint64 m_executionGeneration = 0;
    std::optional<DeletionPlan> m_plan;
    State m_state = State::Planning;
    /// Said above the next plan (the last one was stale).
    QString m_notice;

    QLabel *m_title;
    QLabel *m_message;
    QProgressBar *m_progress;
    DeletionPlanTree *m_tree;
    QCheckBox *m_withReferrers;
    QCheckBox *m_breakIndexes;
    QPushButton *m_deleteButton;
    QPushButton *m_cancelButton;
};

} // namespace ocular
