#pragma once

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

/// The cleanup commands of ocular-cli: `history REPO[:TAG]` (what the tag history recorded)
/// and `gc REPO --dry-run` (the cleanup candidates, classified; nothing is deleted).
class CleanupCommands : public QObject
{
    Q_OBJECT
public:
    /// The stack for a registry (null after an error was printed); not owned.
    using StackFactory = std::function<RegistryStack *(const QString &registry)>;

    CleanupCommands(StackFactory stackFor, std::shared_ptr<TagHistoryStore> history,
                    QObject *parent = nullptr);

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

    /// The registry name the tag history files @p reference's sightings under (what
    /// RegistrySource reports: RegistryEndpoint's name).
    static QString historyRegistry(const Reference &reference);

    void finish(int code);
    void fail(const QString &message);
    int usage(const QString &message);

    StackFactory m_stackFor;
    std::shared_ptr<TagHistoryStore> m_history;
    QString m_command;
    QString m_argument;
    QString m_format;
    QString m_storageDir;
    bool m_dryRun = false;
};

} // namespace ocular
