#include "registryaccess.h"

#include "auth/credentialhelper.h"
#include "auth/dockerconfig.h"
#include "auth/registryauthenticator.h"
#include "auth/staticcredentialsource.h"
#include "base/offthread.h"
#include "credentials/keychaincredentialsource.h"
#include "dialogs/logindialog.h"
#include "dialogs/registrysettingsdialog.h"
#include "http/httpclient.h"
#include "registry/registryendpoint.h"

#include <QMessageBox>
#include <QPushButton>
#include <QSettings>

namespace ocular {

namespace {

const QString TlsGroup = QStringLiteral("tls");

// QSettings keys cannot hold '/' or ':' reliably; hosts are encoded.
QString settingsKey(const QString &host)
{
    return QString::fromLatin1(host.toLower().toUtf8().toPercentEncoding());
}

struct StoreOutcome
{
    std::optional<Error> error;
};

} // namespace

RegistryAccess::RegistryAccess(HttpClient *http, RegistryAuthenticator *auth,
                               StaticCredentialSource *session, KeychainCredentialSource *keychain,
                               QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_auth(auth)
    , m_session(session)
    , m_keychain(keychain)
{
    connect(auth, &RegistryAuthenticator::credentialsResolved, this,
            &RegistryAccess::credentialsResolved);
}

TlsSettings RegistryAccess::savedTlsSettings(const QString &host)
{
    QSettings settings;
    settings.beginGroup(TlsGroup);
    settings.beginGroup(settingsKey(host));
    TlsSettings tls;
    tls.caFile = settings.value(QStringLiteral("caFile")).toString();
    tls.clientCertFile = settings.value(QStringLiteral("clientCertFile")).toString();
    tls.clientKeyFile = settings.value(QStringLiteral("clientKeyFile")).toString();
    tls.insecureSkipVerify = settings.value(QStringLiteral("insecureSkipVerify")).toBool();
    return tls;
}

QStringList RegistryAccess::applySavedTlsSettings()
{
    QStringList problems;
    QSettings settings;
    settings.beginGroup(TlsGroup);
    const QStringList hosts = settings.childGroups();
    settings.endGroup();
    for (const QString &encoded : hosts) {
        const QString host = QString::fromUtf8(QByteArray::fromPercentEncoding(encoded.toLatin1()));
        const auto applied = m_http->setTlsSettings(host, savedTlsSettings(host));
        if (!applied)
            problems << tr("TLS settings for %1: %2").arg(host, applied.error().message);
    }
    return problems;
}

Result<Done> RegistryAccess::setTlsSettings(const QString &host, const TlsSettings &tls)
{
    const auto applied = m_http->setTlsSettings(host, tls);
    if (!applied)
        return applied;
    QSettings settings;
    settings.beginGroup(TlsGroup);
    if (tls.isDefault()) {
        settings.remove(settingsKey(host));
    } else {
        settings.beginGroup(settingsKey(host));
        settings.setValue(QStringLiteral("caFile"), tls.caFile);
        settings.setValue(QStringLiteral("clientCertFile"), tls.clientCertFile);
        settings.setValue(QStringLiteral("clientKeyFile"), tls.clientKeyFile);
        settings.setValue(QStringLiteral("insecureSkipVerify"), tls.insecureSkipVerify);
    }
    return Done{};
}

QString RegistryAccess::tlsWarning(const QString &host) const
{
    if (!m_http->tlsSettings(host).insecureSkipVerify)
        return {};
    return tr("Certificate verification is OFF for %1: the connection can be intercepted.")
        .arg(host);
}

QString RegistryAccess::credentialSource(const RegistryEndpoint &endpoint) const
{
    return m_auth->credentialSource(RegistryAuthenticator::registryKey(endpoint.baseUrl));
}

bool RegistryAccess::login(QWidget *parent, const RegistryEndpoint &endpoint)
{
    const QString key = RegistryAuthenticator::registryKey(endpoint.baseUrl);
    LoginDialog dialog(key, QString(), parent);
    // docker's config.json can sit on a slow or network home directory: read it on the pool;
    // the helper choice appears when it is known (the dialog is the receiver, so a closed
    // dialog receives nothing).
    runOffThread<QString>(
        &dialog,
        [key] {
            const auto config = DockerConfig::load(DockerConfig::defaultPath());
            return config ? config.value().helperFor(key) : QString();
        },
        [&dialog](QString helper) { dialog.setDockerHelper(helper); });
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const QString helper = dialog.dockerHelper();
    const Credentials credentials = dialog.credentials();
    // In use at once (the session source is asked first); the chosen store keeps them.
    m_session->set(key, credentials);
    m_auth->forget(endpoint.baseUrl);
    Q_EMIT accessChanged(key);
    switch (dialog.storage()) {
    case LoginDialog::Storage::Session:
        break;
    case LoginDialog::Storage::Keychain:
        m_keychain->store(key, credentials, this, [this, key](Result<Done> stored) {
            if (!stored)
                Q_EMIT problem(tr("Logged in to %1 for this session only: %2")
                                   .arg(key, stored.error().message));
            else
                Q_EMIT info(tr("Saved the login for %1 in the system keychain.").arg(key));
        });
        break;
    case LoginDialog::Storage::DockerHelper: {
        const QString serverUrl = DockerConfig::serverKey(key);
        runOffThread<StoreOutcome>(
            this,
            [helper, serverUrl, credentials] {
                StoreOutcome outcome;
                const auto stored = CredentialHelper(helper).store(serverUrl, credentials);
                if (!stored)
                    outcome.error = stored.error();
                return outcome;
            },
            [this, key, helper](StoreOutcome outcome) {
                if (outcome.error)
                    Q_EMIT problem(tr("Logged in to %1 for this session only: %2")
                                       .arg(key, outcome.error->message));
                else
                    Q_EMIT info(
                        tr("Saved the login for %1 with docker-credential-%2.").arg(key, helper));
            });
        break;
    }
    }
    return true;
}

void RegistryAccess::logout(const RegistryEndpoint &endpoint)
{
    const QString key = RegistryAuthenticator::registryKey(endpoint.baseUrl);
    m_session->remove(key);
    m_auth->forget(endpoint.baseUrl);
    m_keychain->erase(key, this, [this, key](Result<Done> erased) {
        if (!erased)
            Q_EMIT problem(erased.error().message);
        else
            Q_EMIT info(tr("Logged out of %1. Logins kept by docker or podman stay until "
                           "`docker logout %1`.")
                            .arg(key));
    });
    Q_EMIT accessChanged(key);
}

std::optional<RegistrySettings> RegistryAccess::applyDialog(RegistrySettingsDialog &dialog,
                                                            const QUrl &previous)
{
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    const RegistrySettings chosen = dialog.settings();
    const auto parsed = RegistryEndpoint::parse(chosen.address, chosen.allowInsecureHttp);
    if (!parsed) {
        Q_EMIT problem(parsed.error().message);
        return std::nullopt;
    }
    const auto applied = setTlsSettings(parsed->baseUrl.host(), chosen.tls);
    if (!applied) {
        Q_EMIT problem(applied.error().message);
        return std::nullopt;
    }
    if (previous.isValid())
        m_auth->forget(previous);
    m_auth->forget(parsed->baseUrl);
    Q_EMIT accessChanged(RegistryAuthenticator::registryKey(parsed->baseUrl));
    return chosen;
}

std::optional<RegistrySettings> RegistryAccess::editSettings(QWidget *parent,
                                                             const RegistryEndpoint &endpoint,
                                                             const QString &lastProblem)
{
    RegistrySettingsDialog dialog(parent);
    RegistrySettings current;
    current.address = endpoint.address();
    current.allowInsecureHttp = endpoint.isPlainHttp();
    current.tls = m_http->tlsSettings(endpoint.baseUrl.host());
    dialog.setSettings(current);
    dialog.setProblem(lastProblem);
    dialog.setCredentialSource(credentialSource(endpoint));
    connect(&dialog, &RegistrySettingsDialog::loginRequested, &dialog, [this, &dialog, endpoint] {
        if (login(&dialog, endpoint))
            dialog.setCredentialSource(credentialSource(endpoint).isEmpty()
                                           ? tr("login dialog")
                                           : credentialSource(endpoint));
    });
    connect(&dialog, &RegistrySettingsDialog::logoutRequested, &dialog, [this, &dialog, endpoint] {
        logout(endpoint);
        dialog.setCredentialSource(QString());
    });
    return applyDialog(dialog, endpoint.baseUrl);
}

void RegistryAccess::offerTlsHelp(QWidget *parent, const RegistryEndpoint &endpoint,
                                  const Error &error)
{
    if (error.kind != ErrorKind::Tls)
        return;
    QMessageBox box(parent);
    box.setIcon(QMessageBox::Warning);
    box.setWindowTitle(tr("Secure Connection Failed"));
    box.setText(error.message);
    box.setInformativeText(
        tr("If %1 uses a private certificate authority, add its CA certificate in the "
           "registry's TLS settings. A client certificate can be set there too. Skipping "
           "verification is possible but lets anyone intercept the connection.")
            .arg(endpoint.baseUrl.host()));
    QPushButton *settings = box.addButton(tr("TLS Settings…"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Close);
    box.exec();
    if (box.clickedButton() == settings)
        editSettings(parent, endpoint, error.message);
}

} // namespace ocular
