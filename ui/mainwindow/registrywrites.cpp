#include "registrywrites.h"

#include "activity/activitylog.h"
#include "activity/activityrecords.h"
#include "base/offthread.h"
#include "dialogs/addtagdialog.h"
#include "dialogs/copytodialog.h"
#include "dialogs/removetagdialog.h"
#include "mainwindow/registrysources.h"
#include "models/registrytreemodel.h"
#include "models/treeselection.h"
#include "panels/repositorytreepanel.h"
#include "registry/registryclient.h"
#include "source/registrysource.h"
#include "views/activitystatus.h"
#include "views/displayformat.h"

namespace ocular {

namespace {

/// The manifest a write names: its digest once known (a tag may move meanwhile), else the tag.
QString identifierOf(const TreeSelection &selection)
{
    const Digest digest = selection.digest();
    return digest.isValid() ? digest.toString() : selection.tag;
}

/// The loaded tags of `repository` other than `tag` that name `digest`; tags the tree has not
/// read yet are unknown, so the list may be short (the dialog says "loaded").
QStringList otherTagsNaming(const RegistryTreeModel *model, const QString &repository,
                            const QString &tag, const Digest &digest)
{
    QStringList tags;
    if (!digest.isValid())
        return tags;
    for (const QString &other : model->loadedTags(repository)) {
        if (other == tag)
            continue;
        const TreeNode *node = model->node(model->tagIndex(repository, other));
        if (node && node->manifest && node->digest() == digest)
            tags.append(other);
    }
    return tags;
}

} // namespace

RegistryWrites::RegistryWrites(Context context, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
{}

QDialog *RegistryWrites::show(QDialog *dialog)
{
    if (m_dialog && m_dialog != dialog)
        m_dialog->close();
    m_dialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

QDialog *RegistryWrites::addTag(const TreeSelection &selection)
{
    ContentSource *source = m_context.tree->source();
    const QString identifier = identifierOf(selection);
    if (!source || identifier.isEmpty())
        return nullptr;
    auto *dialog = new AddTagDialog(source, selection.registry, selection.repository, identifier,
                                    m_context.window);
    QPointer<ActivityStatus> activity = m_context.activity;
    connect(dialog, &AddTagDialog::activityChanged, activity,
            [activity, dialog](const QString &text) { activity->setActivity(dialog, text); });
    connect(dialog, &AddTagDialog::tagged, this, [this, dialog](const TagOutcome &outcome) {
        record(activityrecords::tagged(dialog->registry(), outcome.repository, outcome.tag,
                                       outcome.digest));
        m_context.activity->showInfo(tr("Tagged: %1").arg(outcome.toText()));
        m_context.tree->refreshRepository(outcome.repository);
    });
    return show(dialog);
}

QDialog *RegistryWrites::copyTo(const TreeSelection &selection)
{
    ContentSource *source = m_context.tree->source();
    const QString identifier = identifierOf(selection);
    if (!source || identifier.isEmpty())
        return nullptr;
    QPointer<RegistrySources> sources = m_context.sources;
    auto findSource = [sources](const QString &registry) -> Result<ContentSource *> {
        if (!sources)
            return Error::cancelled();
        return sources->forUrl(registry);
    };
    const QString current = m_context.currentRegistry();
    auto *dialog = new CopyToDialog(source, current, selection.repository, identifier,
                                    selection.kind == NodeKind::Tag ? selection.tag : QString(),
                                    m_context.registries(), findSource, m_context.window);
    QPointer<ActivityStatus> activity = m_context.activity;
    connect(dialog, &CopyToDialog::activityChanged, activity,
            [activity, dialog](const QString &text) { activity->setActivity(dialog, text); });
    connect(dialog, &CopyToDialog::copied, this,
            [this](const QString &from, const QString &registry, const QString &repository,
                   const QString &tag, const CopyResult &result) {
                record(activityrecords::copied(from, displayformat::registryName(registry),
                                               repository, tag, result));
                m_context.activity->showInfo(
                    tr("Copied %1 to %2/%3").arg(from, registry, repository));
                if (registry == m_context.currentRegistry())
                    m_context.tree->refreshRepository(repository);
            });
    return show(dialog);
}

QDialog *RegistryWrites::removeTag(const TreeSelection &selection)
{
    ContentSource *source = m_context.tree->source();
    if (!source || selection.kind != NodeKind::Tag || selection.tag.isEmpty())
        return nullptr;
    const Digest digest = selection.digest();
    auto *dialog = new RemoveTagDialog(
        source, selection.registry, selection.repository, selection.tag, digest,
        otherTagsNaming(m_context.tree->model(), selection.repository, selection.tag, digest),
        m_context.window);
    QPointer<ActivityStatus> activity = m_context.activity;
    connect(dialog, &RemoveTagDialog::activityChanged, activity,
            [activity, dialog](const QString &text) { activity->setActivity(dialog, text); });
    connect(dialog, &RemoveTagDialog::untagged, this, [this, dialog](const UntagOutcome &outcome) {
        record(activityrecords::untagged(dialog->registry(), outcome));
        m_context.activity->showInfo(
            tr("Removed the tag %1:%2").arg(outcome.repository, outcome.tag));
        m_context.tree->refreshRepository(outcome.repository);
    });
    return show(dialog);
}

void RegistryWrites::recordDelete(const DeletionPlan &plan, const DeletionOutcome &outcome)
{
    const ContentSource *source = m_context.tree->source();
    record(activityrecords::deleted(source ? source->displayName() : QString(), plan, outcome));
}

void RegistryWrites::record(const ActivityEntry &entry)
{
    QPointer<ActivityStatus> activity = m_context.activity;
    runOffThread<Result<Done>>(
        this, [entry] { return ActivityLog().append(entry); },
        [this, activity](const Result<Done> &written) {
            if (!written.ok() && activity)
                activity->showProblem(
                    tr("The change was made, but the activity log could not be written: %1")
                        .arg(written.error().message));
            Q_EMIT recorded(written.ok());
        });
}

} // namespace ocular
