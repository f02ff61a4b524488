#include "registryprocess.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>
#endif

namespace ocular {

namespace {

constexpr int kPollIntervalMs = 50;
constexpr int kProbeTimeoutMs = 2000;
constexpr int kMaxPortAttempts = 4; // a taken preferred port plus three free-port races
constexpr int kStopGraceMs = 3000;
constexpr qsizetype kOutputCap = 64 * 1024;
// The registry echoes this header on every response (http.headers), so a probe can tell our
// child from another server that grabbed the same port in the meantime.
constexpr char kInstanceHeader[] = "X-Ocular-Instance";

QByteArray randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (int i = 0; i < bytes; ++i)
        raw[i] = char(QRandomGenerator::system()->bounded(256));
    return raw.toHex();
}

// Double-quoted YAML scalar: safe for paths and URLs with spaces, colons or '#'.
QString yamlQuote(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

Error startError(const QString &message)
{
    return Error::make(ErrorKind::Server, message);
}

void appendCapped(QByteArray &buffer, const QByteArray &data)
{
    buffer += data;
    if (buffer.size() > kOutputCap)
        buffer.remove(0, buffer.size() - kOutputCap);
}

} // namespace

RegistryProcess::RegistryProcess(QObject *parent)
    : RegistryProcess(Options{}, parent)
{}

RegistryProcess::RegistryProcess(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{}

RegistryProcess::~RegistryProcess()
{
    // A start still in flight is abandoned silently: its callback may well refer to us.
    m_callback = nullptr;
    stop();
}

QString RegistryProcess::notInstalledMessage()
{
    return QStringLiteral("docker-registry is not installed; install it with: "
                          "sudo apt-get install docker-registry");
}

QString RegistryProcess::findBinary(const QString &requested)
{
    if (!requested.isEmpty()) {
        const QFileInfo info(requested);
        return info.isFile() && info.isExecutable() ? info.absoluteFilePath() : QString();
    }
    const QFileInfo debian(QStringLiteral("/usr/bin/docker-registry"));
    if (debian.isFile() && debian.isExecutable())
        return debian.absoluteFilePath();
    return QStandardPaths::findExecutable(QStringLiteral("docker-registry"));
}

bool RegistryProcess::isRunning() const
{
    return m_state == State::Running;
}

QString RegistryProcess::baseUrl() const
{
    const bool tls = !m_options.tlsCertFile.isEmpty() && !m_options.tlsKeyFile.isEmpty();
    return (tls ? QStringLiteral("https://") : QStringLiteral("http://")) + hostPort();
}

QString RegistryProcess::hostPort() const
{
    return QStringLiteral("127.0.0.1:%1").arg(m_port);
}

QString RegistryProcess::storageDir() const
{
    return m_storageDir;
}

qint64 RegistryProcess::processId() const
{
    return m_process ? m_process->processId() : 0;
}

QString RegistryProcess::configPath() const
{
    return m_workDir ? m_workDir->filePath(QStringLiteral("config.yml")) : QString();
}

QString RegistryProcess::logTail(int maxLines) const
{
    QStringList lines = QString::fromUtf8(m_output).split(QLatin1Char('\n'));
    while (!lines.isEmpty() && lines.constLast().trimmed().isEmpty())
        lines.removeLast();
    if (lines.size() > maxLines)
        lines = lines.mid(lines.size() - maxLines);
    return lines.join(QLatin1Char('\n'));
}

Result<Done> RegistryProcess::start()
{
    if (m_state == State::Running)
        return Done{};
    std::optional<Result<Done>> outcome;
    QEventLoop loop;
    startAsync(&loop, [&](Result<Done> result) {
        outcome = std::move(result);
        loop.quit();
    });
    if (!outcome)
        loop.exec();
    return std::move(*outcome);
}

void RegistryProcess::startAsync(QObject *context, std::function<void(Result<Done>)> callback)
{
    if (m_state == State::Running || m_state == State::Starting) {
        Result<Done> result =
            m_state == State::Running
                ? Result<Done>(Done{})
                : Result<Done>(startError(QStringLiteral("docker-registry is already starting")));
        QMetaObject::invokeMethod(
            context ? context : this, [callback, result] { callback(result); },
            Qt::QueuedConnection);
        return;
    }
    m_context = context ? context : this;
    m_callback = std::move(callback);
    m_state = State::Starting;
    m_attempt = 0;

    if (Result<Done> prepared = prepareFiles(); !prepared) {
        finishStart(prepared.error());
        return;
    }

    if (!m_deadline) {
        m_deadline = new QTimer(this);
        m_deadline->setSingleShot(true);
        connect(m_deadline, &QTimer::timeout, this, [this] {
            if (m_state != State::Starting)
                return;
            finishStart(startError(
                QStringLiteral("docker-registry did not answer on %1 within %2 s. Its output:\n%3")
                    .arg(baseUrl())
                    .arg(m_options.startTimeoutMs / 1000.0)
                    .arg(logTail())));
        });
    }
    m_deadline->start(m_options.startTimeoutMs);
    launch();
}

Result<Done> RegistryProcess::prepareFiles()
{
    m_binary = findBinary(m_options.binary);
    if (m_binary.isEmpty())
        return Error::make(ErrorKind::NotFound, notInstalledMessage());

    if (!m_workDir) {
        m_workDir = std::make_unique<QTemporaryDir>(QDir::tempPath() +
                                                    QStringLiteral("/ocular-registry-XXXXXX"));
        if (!m_workDir->isValid()) {
            const QString reason = m_workDir->errorString();
            m_workDir.reset();
            return startError(
                QStringLiteral("Cannot create a temporary directory for docker-registry: %1")
                    .arg(reason));
        }
    }

    m_storageDir = m_options.storageDir.isEmpty() ? m_workDir->filePath(QStringLiteral("storage"))
                                                  : QDir(m_options.storageDir).absolutePath();
    if (!QDir().mkpath(m_storageDir))
        return startError(
            QStringLiteral("Cannot create the registry storage directory %1").arg(m_storageDir));

    m_htpasswdPath.clear();
    if (!m_options.htpasswdUser.isEmpty() && !m_options.htpasswdPassword.isEmpty()) {
        if (m_options.htpasswdUser.contains(QLatin1Char(':')))
            return Error::make(ErrorKind::InvalidInput,
                               QStringLiteral("An htpasswd user name cannot contain ':'"));
        const QString htpasswd = QStandardPaths::findExecutable(QStringLiteral("htpasswd"));
        if (htpasswd.isEmpty())
            return Error::make(ErrorKind::NotFound,
                               QStringLiteral("htpasswd is not installed; install it with: "
                                              "sudo apt-get install apache2-utils"));
        // -i reads the password from stdin, so it never shows up in a process listing.
        // bcrypt is the only scheme docker-registry accepts; cost 5 keeps tests fast.
        QProcess tool;
        tool.start(htpasswd, {QStringLiteral("-nBi"), QStringLiteral("-C"), QStringLiteral("5"),
                              m_options.htpasswdUser});
        tool.write(m_options.htpasswdPassword.toUtf8());
        tool.closeWriteChannel();
        if (!tool.waitForFinished(15000) || tool.exitStatus() != QProcess::NormalExit ||
            tool.exitCode() != 0) {
            return startError(QStringLiteral("htpasswd failed: %1")
                                  .arg(QString::fromUtf8(tool.readAllStandardError()).trimmed()));
        }
        const QByteArray line = tool.readAllStandardOutput().trimmed();
        m_htpasswdPath = m_workDir->filePath(QStringLiteral("htpasswd"));
        QFile file(m_htpasswdPath);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(line + '\n') < 0)
            return startError(
                QStringLiteral("Cannot write %1: %2").arg(m_htpasswdPath, file.errorString()));
    }
    return Done{};
}

Result<int> RegistryProcess::pickPort() const
{
    // The kernel hands out a free port; closing it again leaves a small window in which
    // someone else may take it, which launch() covers by retrying.
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return startError(
            QStringLiteral("Cannot find a free loopback port: %1").arg(probe.errorString()));
    const int port = probe.serverPort();
    probe.close();
    return port;
}

Result<Done> RegistryProcess::writeConfig()
{
    m_instanceToken = randomHex(16);
    QString yaml;
    yaml += QStringLiteral("version: 0.1\n");
    yaml += QStringLiteral("log:\n  level: warn\n");
    if (!m_options.accessLog)
        yaml += QStringLiteral("  accesslog:\n    disabled: true\n");
    yaml += QStringLiteral("storage:\n  filesystem:\n    rootdirectory: %1\n")
                .arg(yamlQuote(m_storageDir));
    yaml += QStringLiteral("  delete:\n    enabled: %1\n")
                .arg(m_options.deleteEnabled ? QStringLiteral("true") : QStringLiteral("false"));
    // Background upload purging is pointless for short-lived registries.
    yaml += QStringLiteral("  maintenance:\n    uploadpurging:\n      enabled: false\n");
    yaml += QStringLiteral("http:\n  addr: %1\n").arg(yamlQuote(hostPort()));
    // A fixed secret silences the "No HTTP secret provided" warning in the log.
    yaml += QStringLiteral("  secret: %1\n").arg(QString::fromLatin1(randomHex(16)));
    yaml += QStringLiteral("  headers:\n    %1: [%2]\n")
                .arg(QLatin1String(kInstanceHeader), QString::fromLatin1(m_instanceToken));
    if (!m_options.tlsCertFile.isEmpty() && !m_options.tlsKeyFile.isEmpty()) {
        yaml += QStringLiteral("  tls:\n    certificate: %1\n    key: %2\n")
                    .arg(yamlQuote(QFileInfo(m_options.tlsCertFile).absoluteFilePath()),
                         yamlQuote(QFileInfo(m_options.tlsKeyFile).absoluteFilePath()));
    }
    if (!m_htpasswdPath.isEmpty() || m_options.tokenAuth) {
        yaml += QStringLiteral("auth:\n");
        if (m_options.tokenAuth) {
            const TokenAuth &token = *m_options.tokenAuth;
            yaml +=
                QStringLiteral("  token:\n    realm: %1\n    service: %2\n    issuer: %3\n"
                               "    rootcertbundle: %4\n")
                    .arg(yamlQuote(token.realm), yamlQuote(token.service), yamlQuote(token.issuer),
                         yamlQuote(QFileInfo(token.rootCertBundle).absoluteFilePath()));
        } else {
            yaml += QStringLiteral("  htpasswd:\n    realm: ocular\n    path: %1\n")
                        .arg(yamlQuote(m_htpasswdPath));
        }
    }
    if (!m_options.extraConfig.isEmpty()) {
        yaml += m_options.extraConfig;
        if (!yaml.endsWith(QLatin1Char('\n')))
            yaml += QLatin1Char('\n');
    }

    QFile file(configPath());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(yaml.toUtf8()) < 0)
        return startError(
            QStringLiteral("Cannot write %1: %2").arg(configPath(), file.errorString()));
    return Done{};
}

void RegistryProcess::launch()
{
    ++m_attempt;
    // The preferred port is handed to the child unprobed: if it is taken the child says
    // "address already in use" and the retry below falls back to a free port.
    const Result<int> port = m_attempt == 1 && m_options.preferredPort > 0
                                 ? Result<int>(m_options.preferredPort)
                                 : pickPort();
    if (!port) {
        finishStart(port.error());
        return;
    }
    m_port = port.value();
    if (Result<Done> written = writeConfig(); !written) {
        finishStart(written.error());
        return;
    }

    if (m_process) {
        m_process->disconnect(this);
        m_process->deleteLater();
    }
    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    // The registry lets REGISTRY_* variables override its configuration; the user's shell
    // must not change what we wrote.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList keys = env.keys();
    for (const QString &key : keys) {
        if (key.startsWith(QLatin1String("REGISTRY_")))
            env.remove(key);
    }
    m_process->setProcessEnvironment(env);
    m_process->setWorkingDirectory(m_workDir->path());
    connect(m_process, &QProcess::readyRead, this, &RegistryProcess::appendOutput);
    connect(m_process, &QProcess::finished, this, &RegistryProcess::onProcessFinished);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart || m_state != State::Starting)
            return;
        finishStart(startError(
            QStringLiteral("Cannot run %1: %2").arg(m_binary, m_process->errorString())));
    });
    m_output += QByteArray("--- starting docker-registry on ") + hostPort().toLatin1() + '\n';
#ifdef Q_OS_LINUX
    // If we die without running our destructor (crash, SIGKILL, a test's timeout), the kernel
    // sends the registry SIGTERM instead of leaving it serving forever. Runs in the child
    // between fork and exec, so only async-signal-safe calls.
    const pid_t parent = ::getpid();
    m_process->setChildProcessModifier([parent] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent)
            ::_exit(1); // the parent died before prctl took effect
    });
#endif
    m_process->start(m_binary, {QStringLiteral("serve"), configPath()});

    if (!m_network) {
        m_network = new QNetworkAccessManager(this);
        m_network->setProxy(QNetworkProxy::NoProxy);
    }
    if (!m_pollTimer) {
        m_pollTimer = new QTimer(this);
        m_pollTimer->setInterval(kPollIntervalMs);
        connect(m_pollTimer, &QTimer::timeout, this, &RegistryProcess::poll);
    }
    m_pollTimer->start();
}

void RegistryProcess::poll()
{
    if (m_state != State::Starting || m_probeInFlight || !m_process ||
        m_process->state() != QProcess::Running) {
        return;
    }
    QNetworkRequest request(QUrl(baseUrl() + QStringLiteral("/v2/")));
    request.setTransferTimeout(kProbeTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = m_network->get(request);
    m_probeInFlight = true;
    // The probe only asks whether our own child listens yet; the instance header proves who
    // answered, so the (usually self-signed) test certificate need not be verified here.
    connect(reply, &QNetworkReply::sslErrors, reply, [reply] { reply->ignoreSslErrors(); });
    const int probedPort = m_port;
    connect(reply, &QNetworkReply::finished, this, [this, reply, probedPort] {
        reply->deleteLater();
        m_probeInFlight = false;
        if (m_state != State::Starting || probedPort != m_port)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const bool ours = reply->rawHeader(kInstanceHeader) == m_instanceToken;
        if ((status == 200 || status == 401) && ours)
            finishStart(Done{});
    });
}

void RegistryProcess::appendOutput()
{
    if (m_process)
        appendCapped(m_output, m_process->readAll());
}

void RegistryProcess::onProcessFinished()
{
    appendOutput();
    switch (m_state) {
    case State::Starting: {
        // Only the current attempt's output counts: an earlier attempt may have failed on
        // its port already.
        const qsizetype marker = m_output.lastIndexOf("--- starting docker-registry on ");
        const QByteArray attemptOutput = marker >= 0 ? m_output.mid(marker) : m_output;
        if (attemptOutput.contains("address already in use") && m_attempt < kMaxPortAttempts) {
            launch();
            return;
        }
        finishStart(startError(QStringLiteral("docker-registry exited before it was ready "
                                              "(exit code %1). Its output:\n%2")
                                   .arg(m_process->exitCode())
                                   .arg(logTail())));
        return;
    }
    case State::Running:
        m_state = State::Idle;
        Q_EMIT crashed(logTail());
        return;
    case State::Stopping:
    case State::Idle:
        return;
    }
}

void RegistryProcess::finishStart(Result<Done> result)
{
    if (m_pollTimer)
        m_pollTimer->stop();
    if (m_deadline)
        m_deadline->stop();
    if (result.ok()) {
        m_state = State::Running;
    } else {
        m_state = State::Stopping;
        killChild();
        m_state = State::Idle;
    }
    auto callback = std::move(m_callback);
    m_callback = nullptr;
    QPointer<QObject> context = m_context;
    m_context.clear();
    // Queued, so the caller never re-enters us from inside a QProcess or reply signal, and a
    // context destroyed meanwhile simply drops the call.
    if (callback && context) {
        QMetaObject::invokeMethod(
            context.data(), [callback, result] { callback(result); }, Qt::QueuedConnection);
    }
}

void RegistryProcess::stop()
{
    if (m_state == State::Starting) {
        finishStart(Error::cancelled(QStringLiteral("docker-registry start was cancelled")));
        return;
    }
    m_state = State::Stopping;
    killChild();
    m_state = State::Idle;
}

void RegistryProcess::killChild()
{
    if (m_pollTimer)
        m_pollTimer->stop();
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(kStopGraceMs)) {
            m_process->kill();
            m_process->waitForFinished(kStopGraceMs);
        }
    }
    appendOutput();
    m_process->disconnect(this);
    m_process->deleteLater();
    m_process = nullptr;
}

} // namespace ocular
