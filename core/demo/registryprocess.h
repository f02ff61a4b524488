#pragma once

#include "base/result.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QTemporaryDir;
class QTimer;

namespace ocular {

/// Runs Debian's docker-registry (distribution 2.8) on a free loopback port with its own
/// storage, for the demo mode, the CLI and the tests. Stops the child when destroyed.
class RegistryProcess : public QObject
{
    Q_OBJECT

public:
    /// Bearer token authentication as configured under `auth.token`.
    struct TokenAuth
    {
        QString realm;          ///< URL of the token endpoint clients are sent to
        QString service;        ///< the `service` the token must be issued for
        QString issuer;         ///< the `iss` the token must carry
        QString rootCertBundle; ///< PEM file with the certificates that sign tokens
    };

    /// How to launch the registry; the defaults give an open registry on plain HTTP.
    struct Options
    {
        /// Path of the docker-registry executable; empty means /usr/bin/docker-registry, then
        /// PATH. A path that does not exist yields the "not installed" error.
        QString binary;
        /// Where blobs and manifests go; empty means a temporary directory that survives stop()
        /// and start() and is removed with this object.
        QString storageDir;
        /// When both are set, the registry requires Basic authentication (bcrypt htpasswd,
        /// generated with apache2-utils' htpasswd).
        QString htpasswdUser;
        QString htpasswdPassword;
        /// When both are set, the registry serves HTTPS with this certificate and key (PEM).
        QString tlsCertFile;
        QString tlsKeyFile;
        /// Bearer token authentication; takes precedence over htpasswd (the registry supports
        /// only one access controller).
        std::optional<TokenAuth> tokenAuth;
        /// Raw YAML appended to the generated configuration (new top-level sections only:
        /// YAML does not merge repeated keys).
        QString extraConfig;
        /// Port to try first (e.g. a stable port for the demo, so saved settings keep working);
        /// 0 picks a free one. If it is taken, a free port is used instead: check port().
        int preferredPort = 0;
        /// Log the registry's access log (one line per request) into logTail().
        bool accessLog = false;
        /// storage.delete.enabled: false gives a registry that refuses every delete with 405
        /// UNSUPPORTED, as many production registries are configured.
        bool deleteEnabled = true;
        int startTimeoutMs = 15000;
    };

    explicit RegistryProcess(QObject *parent = nullptr);
    explicit RegistryProcess(Options options, QObject *parent = nullptr);
    ~RegistryProcess() override;

    /// Starts and waits (running a local event loop) until GET /v2/ answers. For tests, the
    /// CLI, and the GUI before its window exists; use startAsync() anywhere else.
    Result<Done> start();
    /// Starts and reports readiness through @p callback on @p context's thread without
    /// blocking (except for generating the htpasswd file, when one is asked for). The callback
    /// always arrives queued, never from inside this call. Nothing is delivered if @p context
    /// or this object is destroyed first; stop() during the start delivers Cancelled.
    void startAsync(QObject *context, std::function<void(Result<Done>)> callback);
    /// Terminates the registry (SIGTERM, then SIGKILL after a grace period). Idempotent.
    void stop();

    bool isRunning() const;
    /// The port in use (or last used); 0 before the first start.
    int port() const { return m_port; }
    /// "http://127.0.0.1:PORT", or https:// when TLS is configured.
    QString baseUrl() const;
    /// "127.0.0.1:PORT", the form a registry host takes in an image reference.
    QString hostPort() const;
    QString storageDir() const;
    /// The last lines the registry printed (stdout and stderr), for error messages.
    QString logTail(int maxLines = 40) const;
    /// The child's process id while it runs, else 0.
    qint64 processId() const;
    /// The generated configuration file (valid while the object lives).
    QString configPath() const;

    /// The executable that Options::binary resolves to, or an empty string when not found.
    static QString findBinary(const QString &requested = {});
    /// The message given when docker-registry cannot be found.
    static QString notInstalledMessage();

Q_SIGNALS:
    /// The registry exited although nobody called stop().
    void crashed(const QString &logTail);

private:
    enum class State
    {
        Idle,
        Starting,
        Running,
        Stopping
    };

    Result<Done> prepareFiles();
    Result<Done> writeConfig();
    Result<int> pickPort() const;
    void launch();
    void poll();
    void onProcessFinished();
    void finishStart(Result<Done> result);
    void appendOutput();
    void killChild();

    Options m_options;
    State m_state = State::Idle;
    int m_port = 0;
    int m_attempt = 0;
    QByteArray m_instanceToken;
    QString m_binary;
    QString m_storageDir;
    QString m_htpasswdPath;
    std::unique_ptr<QTemporaryDir> m_workDir;
    QProcess *m_process = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    QTimer *m_pollTimer = nullptr;
    QTimer *m_deadline = nullptr;
    bool m_probeInFlight = false;
    QByteArray m_output;
    QPointer<QObject> m_context;
    std::function<void(Result<Done>)> m_callback;
};

} // namespace ocular
