#include "deletionpreviewdialog.h"

#include "dialogs/deletionplanloader.h"
#include "dialogs/deletionplantree.h"
#include "source/contentsource.h"
#include "views/displayformat.h"
#include "views/problemcolour.h"
#include "write/deletionexecutor.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QIcon>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace ocular {

namespace {

QString countedTags(int n)
{
    return n == 1 ? DeletionPreviewDialog::tr("1 tag")
                  : DeletionPreviewDialog::tr("%1 tags").arg(n);
}

QString countedManifests(int n)
{
    return n == 1 ? DeletionPreviewDialog::tr("1 manifest")
                  : DeletionPreviewDialog::tr("%1 manifests").arg(n);
}

} // namespace

DeletionPreviewDialog::DeletionPreviewDialog(ContentSource *source, const QString &repository,
                                             const QString &reference, QWidget *parent)
    : QDialog(parent)
    , m_source(source)
    , m_repository(repository)
    , m_reference(reference)
    , m_loader(new DeletionPlanLoader(source, this))
    , m_title(new QLabel(this))
    , m_message(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_tree(new DeletionPlanTree(this))
    , m_withReferrers(new QCheckBox(this))
    , m_breakIndexes(new QCheckBox(this))
    , m_deleteButton(new QPushButton(tr("Delete"), this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
{
    setWindowTitle(tr("Delete from %1").arg(repository));
    setObjectName(QStringLiteral("deletionPreviewDialog"));
    resize(900, 560);

    const bool byDigest = bool(Digest::parse(reference));
    m_title->setText(
        tr("Delete %1")
            .arg(repository + (byDigest ? QLatin1Char('@') : QLatin1Char(':')) + reference));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setWordWrap(true);

    auto *explanation = new QLabel(
        tr("A manifest is deleted by its digest, and every tag naming it goes with it. Nothing is "
           "changed until you press the delete button; the plan is checked against the registry "
           "again just before."),
        this);
    explanation->setWordWrap(true);

    m_message->setObjectName(QStringLiteral("deletionMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setTextFormat(Qt::PlainText);
    m_progress->setObjectName(QStringLiteral("deletionProgress"));
    m_progress->setTextVisible(true);

    m_withReferrers->setObjectName(QStringLiteral("withReferrers"));
    m_breakIndexes->setObjectName(QStringLiteral("breakIndexes"));
    m_withReferrers->hide();
    m_breakIndexes->hide();

    m_deleteButton->setObjectName(QStringLiteral("deleteButton"));
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    // Enter must never delete: the destructive button is pressed on purpose or not at all.
    m_deleteButton->setAutoDefault(false);
    m_deleteButton->setDefault(false);
    m_deleteButton->setIcon(QIcon::fromTheme(QStringLiteral("edit-delete")));
    // Red when it can delete, so it never reads like an ordinary OK.
    m_deleteButton->setStyleSheet(QStringLiteral("QPushButton:enabled { color: %1; }")
                                      .arg(problemcolour::forApplicationPalette().name()));
    m_cancelButton->setDefault(true);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_deleteButton, QDialogButtonBox::DestructiveRole);
    buttons->addButton(m_cancelButton, QDialogButtonBox::RejectRole);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(explanation);
    layout->addWidget(m_message);
    layout->addWidget(m_progress);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_withReferrers);
    layout->addWidget(m_breakIndexes);
    layout->addWidget(buttons);

    connect(m_loader, &DeletionPlanLoader::step, this,
            [this](const QString &text) { setMessage(text); });
    connect(m_loader, &DeletionPlanLoader::planned, this, &DeletionPreviewDialog::onPlanned);
    connect(m_loader, &DeletionPlanLoader::failed, this, &DeletionPreviewDialog::onPlanFailed);
    connect(m_withReferrers, &QCheckBox::toggled, this, [this] { replan(); });
    connect(m_breakIndexes, &QCheckBox::toggled, this, [this] { replan(); });
    connect(m_deleteButton, &QPushButton::clicked, this, &DeletionPreviewDialog::execute);
    // The button box's rejected() is left unconnected: Cancel during a run stops it and keeps
    // the dialog open, so that the user sees the run was cut short.
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (m_state == State::Executing)
            cancelOperation();
        else
            reject();
    });

    // The registry closed under the dialog (removed, its window gone): whatever was asked of it
    // will not answer, so stop waiting and say so.
    if (source)
        connect(source, &QObject::destroyed, this, [this] {
            const bool wasExecuting = m_state == State::Executing;
            const bool wasBusy = wasExecuting || m_state == State::Planning;
            cancelOperation();
            m_plan.reset();
            setState(State::Failed);
            if (wasBusy)
                setMessage(wasExecuting ? tr("The registry was closed during the delete; what "
                                             "it had already accepted stays done.")
                                        : tr("The registry was closed; nothing was changed."),
                           true);
        });

    setState(State::Planning);
}

DeletionPreviewDialog::~DeletionPreviewDialog()
{
    // Late replies must find nothing to update: the generation drops them, cancel stops them.
    ++m_executionGeneration;
    m_execution.cancel();
    m_loader->cancel();
}

void DeletionPreviewDialog::start()
{
    m_notice.clear();
    setState(State::Planning);
    m_loader->load(m_repository, m_reference, options());
}

QString DeletionPreviewDialog::message() const
{
    return m_message->text();
}

QString DeletionPreviewDialog::deleteButtonText(const DeletionPlan &plan)
{
    const int manifests = int(plan.items.size());
    const int tags = int(plan.removedTags().size());
    const QString what =
        manifests == 1 ? tr("Delete manifest") : tr("Delete %1").arg(countedManifests(manifests));
    if (tags == 0)
        return what;
    return tr("%1 and %2").arg(what, countedTags(tags));
}

DeletionOptions DeletionPreviewDialog::options() const
{
    DeletionOptions o;
    o.withReferrers = m_withReferrers->isChecked();
    o.breakIndexes = m_breakIndexes->isChecked();
    return o;
}

void DeletionPreviewDialog::replan()
{
    if (m_state != State::Ready && m_state != State::Refused)
        return;
    // The inventory is already read: planning again needs no request.
    setState(State::Planning);
    if (!m_loader->replan(options()))
        start();
}

void DeletionPreviewDialog::onPlanned(const DeletionPlan &plan)
{
    m_plan = plan;
    m_title->setText(tr("Delete %1@%2").arg(plan.repository, plan.target.toString()));
    m_tree->setPlan(plan);

    const bool wantsReferrers = m_withReferrers->isChecked();
    m_withReferrers->setVisible(wantsReferrers || !plan.orphans.isEmpty());
    m_withReferrers->setText(
        wantsReferrers || plan.orphans.isEmpty()
            ? tr("Also delete the referrers (signatures, SBOMs…) and theirs, recursively")
            : (plan.orphans.size() == 1
                   ? tr("Also delete the referrer (signature, SBOM…) and its own, recursively")
                   : tr("Also delete the %1 referrers (signatures, SBOMs…) and theirs, "
                        "recursively")
                         .arg(plan.orphans.size())));
    m_breakIndexes->setVisible(m_breakIndexes->isChecked() || !plan.brokenIndexes.isEmpty());
    m_breakIndexes->setText(plan.brokenIndexes.size() == 1
                                ? tr("Delete anyway, and break the index listed above")
                                : tr("Delete anyway, and break the %1 indexes listed above")
                                      .arg(plan.brokenIndexes.size()));

    QString text = m_notice;
    if (!text.isEmpty())
        text += QStringLiteral("\n\n");
    if (plan.isRefused()) {
        text += tr("Refused: %1").arg(plan.refusals.join(QLatin1Char(' ')));
        if (!plan.brokenIndexes.isEmpty())
            text += QLatin1Char(' ') + tr("Tick “Delete anyway” to delete it regardless.");
        setState(State::Refused);
        setMessage(text, true);
        return;
    }
    text += tr("Review what goes, then press “%1”.").arg(deleteButtonText(plan));
    setState(State::Ready);
    setMessage(text, !m_notice.isEmpty());
}

void DeletionPreviewDialog::onPlanFailed(const QString &message)
{
    m_plan.reset();
    m_tree->clearPlan();
    setState(State::Failed);
    // After a stale plan, the user still needs to hear that the first run deleted nothing.
    const QString before = m_notice.isEmpty() ? QString() : m_notice + QStringLiteral("\n\n");
    setMessage(before + tr("%1\nNothing was changed.").arg(message), true);
}

void DeletionPreviewDialog::execute()
{
    if (m_state != State::Ready || !m_plan || m_plan->isRefused())
        return;
    if (!m_source) {
        setState(State::Failed);
        setMessage(tr("The registry is no longer open; nothing was changed."), true);
        return;
    }
    const DeletionPlan plan = *m_plan;
    setState(State::Executing);
    setMessage(tr("Checking that the registry still matches the plan…"));
    if (m_executor)
        m_executor->deleteLater();
    m_executor = new DeletionExecutor(m_source, nullptr, this);
    connect(m_executor, &DeletionExecutor::progress, this,
            [this](int step, int total, const QString &text) {
                if (m_state != State::Executing)
                    return;
                m_progress->setRange(0, qMax(1, total));
                // Announced before each step: the ones before it are done.
                m_progress->setValue(qBound(0, step - 1, qMax(1, total)));
                m_progress->setFormat(tr("Step %1 of %2").arg(step).arg(total));
                setMessage(text);
            });
    const quint64 generation = ++m_executionGeneration;
    m_execution = m_executor->execute(plan, DeletionExecutor::Options{}, this,
                                      [this, generation, plan](Result<DeletionOutcome> outcome) {
                                          if (generation != m_executionGeneration)
                                              return;
                                          onExecuted(plan, std::move(outcome));
                                      });
}

void DeletionPreviewDialog::onExecuted(const DeletionPlan &plan, Result<DeletionOutcome> result)
{
    m_execution = RequestHandle();
    if (m_executor)
        m_executor->deleteLater();
    if (!result) {
        // The executor answers an Error only when it could not run at all.
        setState(State::Failed);
        setMessage(tr("The delete could not run: %1").arg(result.error().toString()), true);
        Q_EMIT repositoryChanged(plan.repository);
        return;
    }
    const DeletionOutcome &outcome = result.value();
    switch (outcome.status) {
    case DeletionOutcome::Status::Completed: {
        setState(State::Finished);
        QString text = tr("Deleted %1 and %2 from %3.")
                           .arg(countedManifests(outcome.deletedCount()),
                                countedTags(int(plan.removedTags().size())), plan.repository);
        int gone = 0;
        for (const DeletionOutcome::ItemResult &item : outcome.items)
            gone += item.state == DeletionOutcome::ItemResult::State::AlreadyGone ? 1 : 0;
        if (gone > 0)
            text +=
                QLatin1Char(' ') + tr("%1 was already gone (deleted by someone else meanwhile).")
                                       .arg(countedManifests(gone));
        for (const DeletionOutcome::FallbackResult &f : outcome.fallback) {
            if (!f.ok)
                text += QLatin1Char('\n') +
                        tr("Fallback tag %1 was not updated: %2").arg(f.edit.tag, f.message);
        }
        text += QStringLiteral("\n\n") + DeletionExecutor::storageNote();
        setMessage(text);
        Q_EMIT deleted(plan, outcome);
        Q_EMIT repositoryChanged(plan.repository);
        return;
    }
    case DeletionOutcome::Status::Stopped: {
        setState(State::Finished);
        const QString why = outcome.error ? outcome.error->toString() : tr("no reason given");
        if (outcome.deletedCount() == 0) {
            // The first delete failed (deletes disabled, no permission): the registry is as it
            // was, and that is all there is to say (PROTOCOL §6).
            setMessage(tr("Nothing was deleted: %1").arg(why), true);
            return;
        }
        setMessage(tr("The delete stopped after %1 of %2: %3")
                           .arg(countedManifests(outcome.deletedCount()))
                           .arg(plan.items.size())
                           .arg(why) +
                       QStringLiteral("\n\n") + DeletionExecutor::storageNote(),
                   true);
        Q_EMIT deleted(plan, outcome);
        Q_EMIT repositoryChanged(plan.repository);
        return;
    }
    case DeletionOutcome::Status::Stale: {
        // Never executed blind: the plan is made again from the registry as it is now, and the
        // user decides again.
        QStringList changes;
        for (const DeletionOutcome::ChangedFact &f : outcome.changedFacts) {
            if (!f.now.isValid())
                changes << tr("tag %1 is gone").arg(f.tag);
            else if (!f.planned.isValid())
                changes
                    << tr("tag %1 appeared on %2").arg(f.tag, displayformat::shortDigest(f.now));
            else
                changes << tr("tag %1 moved from %2 to %3")
                               .arg(f.tag, displayformat::shortDigest(f.planned),
                                    displayformat::shortDigest(f.now));
        }
        m_notice =
            tr("The registry changed since the plan was made (%1), so nothing was "
               "deleted. Below is the plan made again from the registry as it is now: "
               "review it before deleting.")
                .arg(changes.isEmpty() ? tr("a tag moved") : changes.join(QStringLiteral("; ")));
        setState(State::Planning);
        m_loader->load(plan.repository, plan.target.toString(), options());
        Q_EMIT repositoryChanged(plan.repository);
        return;
    }
    case DeletionOutcome::Status::Refused:
        setState(State::Refused);
        setMessage(tr("Refused: nothing was sent to the registry. %1")
                       .arg(plan.refusals.join(QLatin1Char(' '))),
                   true);
        return;
    }
}

void DeletionPreviewDialog::cancelOperation()
{
    if (m_state == State::Planning) {
        m_loader->cancel();
        setState(State::Failed);
        setMessage(tr("Cancelled: nothing was changed."));
        return;
    }
    if (m_state != State::Executing)
        return;
    ++m_executionGeneration;
    const RequestHandle execution = m_execution;
    m_execution = RequestHandle();
    execution.cancel();
    setState(State::Failed);
    setMessage(tr("Cancelled. Deletes the registry already accepted stay done; the tree is "
                  "read again to show what is left."),
               true);
    if (m_plan)
        Q_EMIT repositoryChanged(m_plan->repository);
}

void DeletionPreviewDialog::reject()
{
    cancelOperation();
    QDialog::reject();
}

void DeletionPreviewDialog::setState(State state)
{
    m_state = state;
    const bool busy = state == State::Planning || state == State::Executing;
    m_progress->setVisible(busy);
    if (state == State::Planning) {
        m_progress->setRange(0, 0); // the inventory's size is unknown until it is read
        m_progress->setFormat(QString());
    }
    updateButtons();
}

void DeletionPreviewDialog::setMessage(const QString &text, bool alarming)
{
    m_message->setText(text);
    m_message->setStyleSheet(alarming ? problemcolour::styleSheet() : QString());
}

void DeletionPreviewDialog::updateButtons()
{
    const bool choosing = m_state == State::Ready || m_state == State::Refused;
    m_withReferrers->setEnabled(choosing);
    m_breakIndexes->setEnabled(choosing);
    m_deleteButton->setVisible(m_state != State::Finished && m_state != State::Failed);
    m_deleteButton->setEnabled(m_state == State::Ready && m_plan && !m_plan->isRefused());
    if (m_state == State::Executing)
        m_deleteButton->setText(tr("Deleting…"));
    else
        m_deleteButton->setText(m_plan && m_state != State::Planning ? deleteButtonText(*m_plan)
                                                                     : tr("Delete"));
    // Cancel while there is still something to call off (the delete itself included), Close
    // once the dialog only reports.
    const bool over = m_state == State::Finished || m_state == State::Failed;
    m_cancelButton->setText(over ? tr("Close") : tr("Cancel"));
    m_tree->setEnabled(m_state != State::Planning);
}

} // namespace ocular
