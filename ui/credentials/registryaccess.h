#pragma once

#include "base/error.h"
#include "dialogs/registrysettingsdialog.h"
#include "http/tlssettings.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <optional>

class QWidget;

namespace ocular {

class HttpClient;
class KeychainCredentialSource;
class RegistryAuthenticator;
class StaticCredentialSource;
struct RegistryEndpoint;

/// The GUI side of credentials and TLS for registries: the login and registry settings
/// dialogs, storing typed credentials (session, OS keychain or docker's helper), logging out,
/// and per-host TLS settings kept in QSettings (file paths and the skip flag only — never a
/// secret). Lives on the GUI thread; nothing here blocks it.
class RegistryAccess : public QObject
{
    Q_OBJECT
public:
    /// None is owned; all must outlive this object.
    RegistryAccess(HttpClient *http, RegistryAuthenticator *auth, StaticCredentialSource *session,
                   KeychainCredentialSource *keychain, QObject *parent = nullptr);

    /// Applies the TLS settings saved for every host; returns the problems (missing files).
    QStringList applySavedTlsSettings();
    /// The TLS settings saved for @p host.
    static TlsSettings savedTlsSettings(const QString &host);
    /// Applies and saves @p settings for @p host.
    Result<Done> setTlsSettings(const QString &host, const TlsSettings &settings);
    /// A warning to keep visible while @p host has verification off; empty otherwise.
    QString tlsWarning(const QString &host) const;

    /// Where the credentials in use for @p endpoint came from (see RegistryAuthenticator).
    QString credentialSource(const RegistryEndpoint &endpoint) const;

    /// Shows the login dialog; on OK uses the credentials at once and stores them as chosen.
    /// Returns whether the user logged in (storage finishes asynchronously; failures are
    /// reported through problem()).
    bool login(QWidget *parent, const RegistryEndpoint &endpoint);
    /// Forgets tokens and looked-up credentials, the session login and the keychain entry.
    /// docker's and podman's files are left alone (they belong to those tools).
    void logout(const RegistryEndpoint &endpoint);
    /// The registry settings dialog for @p endpoint (TLS, plain HTTP, login/logout). TLS
    /// changes are applied and saved; the caller handles a changed address.
    std::optional<RegistrySettings> editSettings(QWidget *parent, const RegistryEndpoint &endpoint,
                                                 const QString &lastProblem = {});
    /// After a TLS error: explains it and offers the registry's TLS settings. Never retries
    /// insecurely on its own.
    void offerTlsHelp(QWidget *parent, const RegistryEndpoint &endpoint, const Error &error);

Q_SIGNALS:
    /// Something the user should read (storage failed, logged out...).
    void problem(const QString &text);
    void info(const QString &text);
    /// Credentials or TLS settings changed: reload what is shown.
    void accessChanged(const QString &registry);
    /// The authenticator looked up credentials for @p registry (host[:port]); @p source as in
    /// RegistryAuthenticator::credentialSource().
    void credentialsResolved(const QString &registry, const QString &source);

private:
    std::optional<RegistrySettings> applyDialog(RegistrySettingsDialog &dialog,
                                                const QUrl &previous);

    HttpClient *m_http;
    RegistryAuthenticator *m_auth;
    StaticCredentialSource *m_session;
    KeychainCredentialSource *m_keychain;
};

} // namespace ocular
