#pragma once

#include "base/error.h"
#include "reference/reference.h"
#include "registry/registryendpoint.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <memory>
#include <functional>
#include <optional>
#include <vector>

namespace ocular {

class DemoSeeder;
class ContentSource;
class RegistryClient;
class RegistryProcess;
class RegistryStack;
class SignalWatcher;
class StaticCredentialSource;
class TagHistoryStore;
struct DemoSummary;
struct RejectedName;

/// Runs one `ocular-cli` command line: parses it, starts the asynchronous core calls and ends
/// the event loop with the exit code (0 success, 1 operation failed, 2 usage).
class CliRunner : public QObject
{
    Q_OBJECT
public:
    enum ExitCode
    {
        Success = 0,
        Failed = 1,
        Usage = 2
    };

    explicit CliRunner(QObject *parent = nullptr);
    ~CliRunner() override;

    /// Returns an exit code when the command finished synchronously (help, usage errors),
    /// or -1 when it runs in the event loop and will call QCoreApplication::exit() itself.
    int start(const QStringList &arguments);

private:
    int runLs(const QString &host);
    int runTags(const QString &repository);
    int runDigest(const QString &reference);
    int runManifest(const QString &reference);
    int runBlob(const QString &reference);
    int runSeed(const QString &host);
    int runServeDemo();
    int runActivity(int last, bool json);

    /// Parses a reference (`[http(s)://]HOST/PATH[:TAG][@DIGEST]`; a scheme is remembered for
    /// clientFor()); prints a usage error and returns nothing when invalid or only a host.
    std::optional<Reference> parseReference(const QString &text);
    /// Parses a registry argument (`[http(s)://]HOST[:PORT]`); a repository path after it is a
    /// usage error with a hint. Returns what clientFor() takes, nothing after a usage error.
    std::optional<QString> parseRegistryArgument(const QString &text);
    /// The argument of tree/audit/verify/capabilities checked and with its scheme taken off
    /// (ReferrerCommands parses the rest); nothing after a usage error.
    std::optional<QString> referrerArgument(const QString &command, const QString &text);
    /// The first `count` arguments checked as references (referrerArgument); nothing after
    /// a usage error (already printed).
    std::optional<QStringList> checkedReferences(QStringList arguments, qsizetype count);
    /// How a command group gets the stack for a registry (null after a reported error).
    std::function<RegistryStack *(const QString &)> stackFactory();
    /// Takes `http://` or `https://` off @p text into m_scheme; false (after a usage error)
    /// when the scheme contradicts the flags.
    bool takeScheme(QString &text);
    /// Builds the registry stack and a client for a registry host (or URL); null on usage
    /// error.
    RegistryClient *clientFor(const QString &registry);
    /// Prints names the registry listed but that fail the grammar (never requested).
    void reportRejected(const QString &what, const QList<RejectedName> &rejected);
    /// A parsed reference and the client for its registry.
    struct Target
    {
        Reference reference;
        ContentSource *source = nullptr;
    };
    /// parseReference() then clientFor() its registry; nothing (after a usage error) when either
    /// fails.
    std::optional<Target> targetFor(const QString &text);
    void printSummary(const DemoSummary &summary);

    /// Prints `ocular-cli: <what>: <error>` and exits 1.
    void fail(const QString &what, const Error &error);
    int usageError(const QString &message);
    void finish(int code);

    QString m_command;
    QString m_subject;                          ///< the command's argument, for messages
    QString m_scheme;                           ///< http or https when the argument was a URL
    QHash<QString, QString> m_schemeByRegistry; ///< lower-case host[:port] → its URL's scheme
    bool m_plainHttp = false;
    QString m_username;
    QString m_password;
    QString m_caFile;        ///< --ca-file: extra CA for the registry's TLS certificate
    bool m_insecure = false; ///< --insecure: skip TLS certificate verification
    int m_pageSize = 1000;
    qint64 m_maxBytes = 256LL * 1024 * 1024;
    int m_manyTags = 2000;
    QString m_storageDir;

    /// Flags first; the stack adds docker config.json/helpers and containers auth.json.
    std::unique_ptr<StaticCredentialSource> m_credentials;
    std::unique_ptr<RegistryStack> m_stack;
    /// Stacks (and the credentials they read) of registries spoken to earlier in this command.
    std::vector<std::unique_ptr<RegistryStack>> m_retiredStacks;
    std::vector<std::unique_ptr<StaticCredentialSource>> m_retiredCredentials;
    RegistryClient *m_client = nullptr;
    DemoSeeder *m_seeder = nullptr;
    RegistryProcess *m_registry = nullptr;
    SignalWatcher *m_signals = nullptr;
    /// Every registry source of this run tells it the tags it resolves (made on first use).
    std::shared_ptr<TagHistoryStore> tagHistory();
    std::shared_ptr<TagHistoryStore> m_tagHistory;
};

} // namespace ocular
