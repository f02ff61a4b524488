#pragma once

#include "reference/reference.h"

#include <QObject>
#include <QStringList>
#include <functional>
#include <optional>

class QCommandLineParser;

namespace ocular {

class CapabilityProbe;
class ContentSource;
class RegistryStack;

/// The supply-chain commands of ocular-cli: `tree`, `audit`, `verify`, `capabilities`.
/// CliRunner hands over the parsed command line and a way to build the stack of a registry:
/// walks, audits and checks read its source(); only the capability probe asks its client(),
/// because it reports the HTTP API's own behaviour.
class ReferrerCommands : public QObject
{
    Q_OBJECT
public:
    /// The stack for a registry (null after an error was printed); not owned.
    using StackFactory = std::function<RegistryStack *(const QString &registry)>;

    explicit ReferrerCommands(StackFactory stackFor, QObject *parent = nullptr);

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
    /// What tree and verify walk: a registry's source with its capability probe, or an OCI
    /// layout's source (no probe: a layout's referrers are always computed).
    struct WalkTarget
    {
        ContentSource *source = nullptr;
        CapabilityProbe *probe = nullptr;
        Reference reference; ///< for a layout: its one repository on a stand-in host
    };
    /// `text` as REF or oci:DIR[:TAG|@DIGEST] (a layout without either means `latest`);
    /// nothing after a usage error, its exit code in `exitCode`.
    std::optional<WalkTarget> walkTarget(const QString &text, int &exitCode);

    int runTree(const QString &reference);
    int runAudit(const QString &repository);
    int runVerify(const QString &reference);
    int runCapabilities(const QString &target);
    void reportStale(ContentSource *source, const QString &repository);
    void finish(int code);
    void fail(const QString &what, const QString &message);
    int usage(const QString &message);

    StackFactory m_stackFor;
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
