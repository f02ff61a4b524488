#pragma once

#include <QObject>
#include <QStringList>
#include <functional>

class QCommandLineParser;

namespace ocular {

class RegistryClient;

/// The supply-chain commands of ocular-cli: `tree`, `audit`, `verify`, `capabilities`.
/// CliRunner hands over the parsed command line and a way to build a registry client.
class ReferrerCommands : public QObject
{
    Q_OBJECT
public:
    using ClientFactory = std::function<RegistryClient *(const QString &registry)>;

    explicit ReferrerCommands(ClientFactory clientFor, QObject *parent = nullptr);

    /// Adds --format, --key, --depth, --artifact-type, --filter to the parser.
    static void addOptions(QCommandLineParser &parser);
    static bool handles(const QString &command);
    /// Help lines for the commands and options.
    static QString helpText();

    /// Same contract as CliRunner::start: an exit code, or -1 when running in the event loop
    /// (QCoreApplication::exit is called at the end).
    int start(const QString &command, const QStringList &arguments,
              const QCommandLineParser &parser);

private:
    int runTree(const QString &reference);
    int runAudit(const QString &repository);
    int runVerify(const QString &reference);
    int runCapabilities(const QString &target);
    void reportStale(RegistryClient *client, const QString &repository);
    void finish(int code);
    void fail(const QString &what, const QString &message);
    int usage(const QString &message);

    ClientFactory m_clientFor;
    QString m_command;
    QString m_format;
    QString m_key;
    QString m_artifactType;
    QString m_filter;
    int m_depth = 4;
    bool m_auditPrinted = false;
    bool m_staleDone = false;
};

} // namespace ocular
