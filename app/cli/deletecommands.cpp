#include "deletecommands.h"

#include "activity/activityrecords.h"
#include "activityrecord.h"
#include "blobdeletecommand.h"

#include "reference/nametext.h"
#include "source/contentsource.h"
#include "stack/registrystack.h"
#include "write/deletionexecutor.h"
#include "write/deletionplanbuilder.h"
#include "write/untagger.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QTextStream>
#include <cstdio>
#include <unistd.h>

namespace ocular {

namespace {

constexpr const char *Program = "ocular-cli";

void out(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void err(const QString &text)
{
    // Error text can quote what a server sent: no control character reaches the terminal.
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines)
        line = nametext::printable(line, 4000);
    const QByteArray bytes = lines.join(QLatin1Char('\n')).toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

QString json(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

} // namespace

DeleteCommands::DeleteCommands(StackFactory stackFor, QObject *parent)
    : QObject(parent)
    , m_stackFor(std::move(stackFor))
{}

void DeleteCommands::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        QCommandLineOption(QStringLiteral("with-referrers"),
                           QStringLiteral("Delete the referrers too.")),
        QCommandLineOption(QStringLiteral("force"),
                           QStringLiteral("Delete even if an index breaks.")),
        QCommandLineOption(QStringLiteral("dry-run"), QStringLiteral("Only show the plan.")),
        QCommandLineOption(QStringLiteral("yes"), QStringLiteral("Do not ask.")),
        QCommandLineOption(QStringLiteral("placeholder"),
                           QStringLiteral("Untag with a placeholder manifest.")),
        QCommandLineOption(QStringLiteral("blob"),
                           QStringLiteral("Delete a blob of the repository, not a manifest.")),
    });
}

bool DeleteCommands::handles(const QString &command)
{
    return command == QLatin1String("delete") || command == QLatin1String("untag");
}

QString DeleteCommands::helpText()
{
    return QStringLiteral(
        "Deleting:\n"
        "  delete REF            delete a manifest by digest (REF@DIGEST; a REF:TAG is resolved\n"
        "                        to its digest), with every tag on it; the plan is shown first:\n"
        "                        tags removed, indexes that break (refused without --force),\n"
        "                        referrers orphaned, fallback index entries removed.\n"
        "                        --with-referrers also deletes the referrers (recursively),\n"
        "                        --dry-run prints the plan and changes nothing, --yes does not\n"
        "                        ask (without it: asks on a terminal, refuses without one),\n"
        "                        --keep-old-index keeps the fallback indexes an edit replaced\n"
        "                        (deleted by default: they name the deleted manifests),\n"
        "                        --format json\n"
        "  delete REPO@DIGEST --blob\n"
        "                        delete a blob; the manifests of the repository that use it\n"
        "                        are listed first, and while any does it is refused without\n"
        "                        --force; --dry-run, --yes and --format json as above\n"
        "  untag REPO:TAG        remove one tag and nothing else; where the registry refuses a\n"
        "                        tag delete (docker-registry 2.8, GHCR, Harbor), --placeholder\n"
        "                        moves the tag onto a unique placeholder manifest and deletes "
        "that\n");
}

int DeleteCommands::usage(const QString &message)
{
    err(QStringLiteral("%1: %2\nRun 'ocular-cli --help' for usage.")
            .arg(QLatin1String(Program), message));
    return 2;
}

void DeleteCommands::fail(const QString &message)
{
    err(QStringLiteral("%1: %2 %3: %4")
            .arg(QLatin1String(Program), m_command, nametext::printable(m_argument, 400), message));
    finish(1);
}

void DeleteCommands::finish(int code)
{
    QMetaObject::invokeMethod(
        QCoreApplication::instance(), [code] { QCoreApplication::exit(code); },
        Qt::QueuedConnection);
}

int DeleteCommands::start(const QString &command, const QStringList &arguments,
                          const QCommandLineParser &parser)
{
    m_command = command;
    m_format = parser.value(QStringLiteral("format"));
    m_withReferrers = parser.isSet(QStringLiteral("with-referrers"));
    m_force = parser.isSet(QStringLiteral("force"));
    m_dryRun = parser.isSet(QStringLiteral("dry-run"));
    m_yes = parser.isSet(QStringLiteral("yes"));
    m_placeholder = parser.isSet(QStringLiteral("placeholder"));
    m_keepOldIndex = parser.isSet(QStringLiteral("keep-old-index"));
    if (arguments.size() != 1)
        return usage(QStringLiteral("%1 needs exactly one argument").arg(command));
    m_argument = arguments.first();
    if (!m_format.isEmpty() && m_format != QLatin1String("text") &&
        m_format != QLatin1String("json"))
        return usage(QStringLiteral("%1: --format is text or json").arg(command));
    m_blob = parser.isSet(QStringLiteral("blob"));
    if (command == QLatin1String("delete")) {
        if (m_placeholder)
            return usage(QStringLiteral("delete: --placeholder belongs to untag"));
        if (m_blob) {
            if (m_withReferrers || m_keepOldIndex)
                return usage(QStringLiteral("delete --blob takes only --dry-run, --yes, --force "
                                            "and --format (a blob has no referrers or fallback "
                                            "index)"));
            return runBlobDelete(m_argument);
        }
        return runDelete(m_argument);
    }
    if (m_withReferrers || m_force || m_dryRun || m_yes || m_keepOldIndex || m_blob)
        return usage(QStringLiteral("untag takes only --placeholder (it never deletes a "
                                    "manifest other than its own placeholder)"));
    return runUntag(m_argument);
}

int DeleteCommands::runDelete(const QString &text)
{
    const auto ref = Reference::parse(text);
    if (!ref)
        return usage(QStringLiteral("delete %1: %2")
                         .arg(nametext::printable(text, 200), ref.error().toString()));
    if (!ref->hasTag() && !ref->hasDigest())
        return usage(QStringLiteral("delete needs REPO@DIGEST (or REPO:TAG, resolved to its "
                                    "digest)"));
    RegistryStack *stack = m_stackFor(ref->registry());
    if (!stack || !stack->source())
        return 2;
    m_reference = ref.value();
    m_source = stack->source();
    if (m_reference.hasDigest()) {
        makePlan(m_reference.digest(), [this](const DeletionPlan &plan) { planMade(plan); });
        return -1;
    }
    // A tag is only a way to name the digest: the delete is by digest and takes every tag.
    m_source->resolve(
        m_reference.repository(), m_reference.tag(), this,
        [this](Result<ResolvedReference> resolved) {
            if (!resolved)
                return fail(resolved.error().toString());
            const Digest digest = resolved->descriptor.digest;
            err(QStringLiteral("%1: delete: %2:%3 names %4; a manifest is deleted by digest, "
                               "which removes every tag on that digest (listed in the plan), "
                               "not only %3. To remove only this tag: ocular-cli untag.")
                    .arg(QLatin1String(Program), m_reference.repository(), m_reference.tag(),
                         digest.toString()));
            makePlan(digest, [this](const DeletionPlan &plan) { planMade(plan); });
        });
    return -1;
}

void DeleteCommands::makePlan(const Digest &target, std::function<void(const DeletionPlan &)> next)
{
    auto *builder = new DeletionPlanBuilder(m_source, this);
    DeletionOptions options;
    options.withReferrers = m_withReferrers;
    options.breakIndexes = m_force;
    builder->build(m_reference.repository(), target, options, this,
                   [this, builder, next](Result<DeletionPlanBuilder::Built> built) {
                       builder->deleteLater();
                       if (!built)
                           return fail(built.error().toString());
                       next(built->plan);
                   });
}

void DeleteCommands::planMade(const DeletionPlan &plan)
{
    if (m_format == QLatin1String("json")) {
        // One JSON document on stdout: the plan now for a dry run, plan and outcome otherwise.
        if (m_dryRun || plan.isRefused())
            out(json(plan.toJson()));
    } else {
        out(plan.toText());
    }
    if (m_dryRun) {
        err(QStringLiteral("%1: delete: dry run: nothing was changed.")
                .arg(QLatin1String(Program)));
        return finish(0);
    }
    if (plan.isRefused())
        return fail(plan.refusals.join(QLatin1Char(' ')) +
                    QStringLiteral(" Pass --force to delete anyway. Nothing was changed."));
    bool noTerminal = false;
    if (!m_yes && !confirmed(plan, &noTerminal)) {
        if (noTerminal) {
            err(QStringLiteral("%1: delete: refusing to delete without confirmation: standard "
                               "input is not a terminal; review the plan (--dry-run) and pass "
                               "--yes. Nothing was changed.")
                    .arg(QLatin1String(Program)));
            return finish(2);
        }
        err(QStringLiteral("%1: delete: not confirmed; nothing was changed.")
                .arg(QLatin1String(Program)));
        return finish(1);
    }
    execute(plan);
}

bool DeleteCommands::confirmed(const DeletionPlan &plan, bool *noTerminal)
{
    if (!isatty(fileno(stdin))) {
        *noTerminal = true;
        return false;
    }
    // With --format json the plan is not on stdout yet: a person confirms what they saw.
    if (m_format == QLatin1String("json"))
        err(plan.toText());
    const QStringList tags = plan.removedTags();
    err(QStringLiteral("Delete %1 manifest(s) and %2 tag(s) from %3? [y/N] ")
            .arg(plan.items.size())
            .arg(tags.size())
            .arg(plan.repository));
    // The CLI runs one command: blocking on the terminal here holds up nothing else.
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed().toLower();
    return answer == QLatin1String("y") || answer == QLatin1String("yes");
}

void DeleteCommands::execute(const DeletionPlan &plan)
{
    auto *executor = new DeletionExecutor(m_source, nullptr, this);
    connect(executor, &DeletionExecutor::progress, this,
            [this](int step, int total, const QString &text) {
                if (m_format != QLatin1String("json"))
                    err(QStringLiteral("step %1 of %2: %3").arg(step).arg(total).arg(text));
            });
    DeletionExecutor::Options options;
    options.deleteReplacedIndexes = !m_keepOldIndex;
    executor->execute(plan, options, this, [this, plan](Result<DeletionOutcome> outcome) {
        if (!outcome)
            return fail(outcome.error().toString());
        reportOutcome(plan, outcome.value());
    });
}

void DeleteCommands::reportOutcome(const DeletionPlan &plan, const DeletionOutcome &outcome)
{
    if (outcome.deletedCount() > 0)
        activityrecord::record(activityrecords::deleted(m_reference.registry(), plan, outcome));
    if (m_format == QLatin1String("json"))
        out(json(QJsonObject{{QStringLiteral("plan"), plan.toJson()},
                             {QStringLiteral("outcome"), outcome.toJson()}}));
    else
        out(outcome.toText());
    switch (outcome.status) {
    case DeletionOutcome::Status::Completed:
        return finish(0);
    case DeletionOutcome::Status::Stale: {
        // Never executed blind: the new plan is shown, and the user decides again.
        err(QStringLiteral("%1: delete: the registry changed since the plan was made; nothing "
                           "was deleted. The plan as it is now:")
                .arg(QLatin1String(Program)));
        makePlan(plan.target, [this](const DeletionPlan &fresh) {
            err(fresh.toText());
            err(QStringLiteral("%1: delete: review it and run the command again.")
                    .arg(QLatin1String(Program)));
            finish(1);
        });
        return;
    }
    case DeletionOutcome::Status::Refused:
    case DeletionOutcome::Status::Stopped:
        break;
    }
    fail(outcome.error ? outcome.error->toString() : QStringLiteral("the delete stopped"));
}

int DeleteCommands::runBlobDelete(const QString &text)
{
    // The reference grammar checks the name and the digest before any request exists.
    const auto ref = Reference::parse(text);
    if (!ref)
        return usage(QStringLiteral("delete --blob %1: %2")
                         .arg(nametext::printable(text, 200), ref.error().toString()));
    if (!ref->hasDigest() || ref->hasTag())
        return usage(QStringLiteral("delete --blob needs REPO@DIGEST (a blob has no tag)"));
    RegistryStack *stack = m_stackFor(ref->registry());
    if (!stack || !stack->source())
        return 2;
    BlobDeleteCommand::Flags flags;
    flags.dryRun = m_dryRun;
    flags.yes = m_yes;
    flags.force = m_force;
    flags.json = m_format == QLatin1String("json");
    auto *command = new BlobDeleteCommand(stack->source(), ref.value(), flags, this);
    command->start();
    return -1;
}

int DeleteCommands::runUntag(const QString &text)
{
    const auto ref = Reference::parse(text);
    if (!ref)
        return usage(QStringLiteral("untag %1: %2")
                         .arg(nametext::printable(text, 200), ref.error().toString()));
    if (!ref->hasTag() || ref->hasDigest())
        return usage(QStringLiteral("untag needs REPO:TAG (no digest): it removes one tag"));
    RegistryStack *stack = m_stackFor(ref->registry());
    if (!stack || !stack->source())
        return 2;
    m_reference = ref.value();
    m_source = stack->source();
    auto *untagger = new Untagger(m_source, this);
    Untagger::Options options;
    options.placeholder = m_placeholder;
    untagger->untag(
        m_reference.repository(), m_reference.tag(), options, this,
        [this](Result<UntagOutcome> outcome) {
            if (!outcome)
                return fail(outcome.error().toString());
            activityrecord::record(
                activityrecords::untagged(m_reference.registry(), outcome.value()));
            if (m_format == QLatin1String("json")) {
                const UntagOutcome &o = outcome.value();
                QJsonObject doc{
                    {QStringLiteral("repository"), o.repository},
                    {QStringLiteral("tag"), o.tag},
                    {QStringLiteral("formerDigest"), o.formerDigest.toString()},
                    {QStringLiteral("method"), o.method == UntagOutcome::Method::TagDelete
                                                   ? QStringLiteral("tag-delete")
                                                   : QStringLiteral("placeholder")}};
                if (o.placeholder.isValid()) {
                    doc.insert(QStringLiteral("placeholder"), o.placeholder.toString());
                    doc.insert(QStringLiteral("tagDeleteRefusal"), o.tagDeleteRefusal);
                    doc.insert(QStringLiteral("note"), o.note);
                }
                out(json(doc));
            } else {
                out(outcome->toText());
            }
            finish(0);
        });
    return -1;
}

} // namespace ocular
