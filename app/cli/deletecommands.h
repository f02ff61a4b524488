#pragma once

#include "reference/reference.h"
#include "write/deletionplan.h"

#include <QObject>
#include <QStringList>
#include <functional>

class QCommandLineParser;

namespace ocular {

class ContentSource;
class RegistryStack;
struct DeletionOutcome;

/// The delete commands of ocular-cli: `delete REF` (a manifest by digest, with a plan shown and
/// confirmed first), `delete REPO@DIGEST --blob` (BlobDeleteCommand) and `untag REPO:TAG` (one
/// tag, nothing else). The plan is built by
/// DeletionPlanBuilder (as the GUI's is) from the stack's source, executed by DeletionExecutor;
/// untag goes through Untagger.
class DeleteCommands : public QObject
{
    Q_OBJECT
public:
    /// The stack for a registry (null after an error was printed); not owned.
    using StackFactory = std::function<RegistryStack *(const QString &registry)>;

    explicit DeleteCommands(StackFactory stackFor, QObject *parent = nullptr);

    /// Adds --with-referrers, --force, --dry-run, --yes, --placeholder, --blob (--format and
    /// --keep-old-index are shared with the referrer and write commands).
    static void addOptions(QCommandLineParser &parser);
    static bool handles(const QString &command);
    static QString helpText();

    /// Same contract as CliRunner::start: an exit code, or -1 when running in the event loop.
    int start(const QString &command, const QStringList &arguments,
              const QCommandLineParser &parser);

private:
    int runDelete(const QString &text);
    int runUntag(const QString &text);
    /// `delete REPO@DIGEST --blob`, handed to BlobDeleteCommand.
    int runBlobDelete(const QString &text);
    /// Reads the repository, plans the delete of `target` and hands the plan on.
    void makePlan(const Digest &target, std::function<void(const DeletionPlan &)> next);
    void planMade(const DeletionPlan &plan);
    void execute(const DeletionPlan &plan);
    void reportOutcome(const DeletionPlan &plan, const DeletionOutcome &outcome);
    /// Asks on the terminal; false when stdin is not one (after saying so) or the answer is no.
    bool confirmed(const DeletionPlan &plan, bool *noTerminal);

    void finish(int code);
    void fail(const QString &message);
    int usage(const QString &message);

    StackFactory m_stackFor;
    QString m_command;
    QString m_argument;
    QString m_format;
    bool m_withReferrers = false;
    bool m_force = false;
    bool m_dryRun = false;
    bool m_yes = false;
    bool m_placeholder = false;
    bool m_keepOldIndex = false;
    bool m_blob = false;
    Reference m_reference;
    ContentSource *m_source = nullptr;
};

} // namespace ocular
