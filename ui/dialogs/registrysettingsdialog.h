#pragma once

#include "http/tlssettings.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ocular {

/// What the registry settings dialog edits (never a credential).
struct RegistrySettings
{
    QString address;                ///< host[:port] or URL, as typed
    bool allowInsecureHttp = false; ///< plain HTTP for a non-loopback host, explicitly
    TlsSettings tls;
};

/// Adds or edits a registry: address, explicit plain HTTP, and TLS (CA file, client
/// certificate and key, skip verification with a warning that stays visible). Shows where the
/// registry's credentials come from and offers to log in or out.
class RegistrySettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit RegistrySettingsDialog(QWidget *parent = nullptr);

    void setSettings(const RegistrySettings &settings);
    RegistrySettings settings() const;
    /// "OS keychain", "docker config ... (credential helper ...)", "anonymous"; empty: unknown.
    void setCredentialSource(const QString &source);
    /// Hides the login/logout part (adding a registry: nothing to log in to yet).
    void setAuthenticationVisible(bool visible);
    /// Shows why the last connection failed (e.g. a TLS error) above the options.
    void setProblem(const QString &text);

Q_SIGNALS:
    void loginRequested();
    void logoutRequested();

private:
    void validate();
    /// Wording and state of the plain-HTTP box follow the host: automatic (ticked, disabled)
    /// for loopback, the user's explicit choice otherwise.
    void updatePlainHttpBox();
    void browse(QLineEdit *target, const QString &title);

    QLineEdit *m_address;
    QCheckBox *m_plainHttp;
    QLineEdit *m_caFile;
    QLineEdit *m_clientCert;
    QLineEdit *m_clientKey;
    QCheckBox *m_skipVerify;
    QLabel *m_skipWarning;
    QWidget *m_authBox;
    QLabel *m_credentialSource;
    QPushButton *m_login;
    QPushButton *m_logout;
    QLabel *m_lastProblem;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    bool m_plainHttpChoice = false; ///< what the user chose for a non-loopback host
    bool m_loopback = false;
};

} // namespace ocular
