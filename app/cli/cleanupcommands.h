#pragma once

#include "cleanup/cleanuppolicy.h"
#include "reference/reference.h"

#include <QObject>
#include <QStringList>
#include <functional>
#include <memory>

class QCommandLineParser;

namespace ocular {

class RegistryStack;
class TagHistoryStore;
struct CleanupReport;
struct CleanupRunReport;

/// The cleanup commands of ocular-cli: `history REPO[:TAG]` (what the tag history recorded)
/// and `gc REPO` (the cleanup candidates, classified and judged by a policy; with --dry-run
/// nothing is deleted, with --yes exactly the selected ones are, after an optional backup).
class CleanupCommands : public QObject
{
    Q_OBJECT
public:
    /// The stack for a registry (null after an error was printed); not owned.
    using StackFactory = std::function<RegistryStack *(const QString &registry)>;

    CleanupCommands(StackFactory stackFor, std::shared_ptr<TagHistoryStore> history,
                    QObject *parent = nullptr);

    static void addOptions(QCommandLineParser &parser);
    static bool handles(const QString &command);
    static QString helpText();

    /// Same contract as CliRunner::start: an exit code, or -1 when running in the event loop.
    /// @p storageDir is --storage (gc: docker-registry's filesystem storage root).
    int start(const QString &command, const QStringList &arguments,
              const QCommandLineParser &parser, const QString &storageDir);

private:
    int runHistory(const Reference &reference);
    int runGc(const Reference &reference);
    void printCandidates(const CleanupReport &report);
    void deleteSelected(const CleanupReport &report);
    bool confirmed(int count, qint64 bytes);
    bool writeReport(const CleanupRunReport &run);

    /// The registry name the tag history files @p reference's sightings under (what
    /// RegistrySource reports: RegistryEndpoint's name).
    static QString historyRegistry(const Reference &reference);

    void finish(int code);
    void fail(const QString &message);
    int usage(const QString &message);

    CleanupPolicy m_policy;
    StackFactory m_stackFor;
    std::shared_ptr<TagHistoryStore> m_history;
    QString m_command;
    QString m_argument;
    QString m_format;
    QString m_storageDir;
    QString m_policyFile;
    QString m_backupDir;
    QString m_reportFile;
    QString m_importPath;
    bool m_dryRun = false;
    bool m_yes = false;
    RegistryStack *m_stack = nullptr;
};

} // namespace ocular
