#pragma once

#include "http/tlssettings.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ocular {

class TlsOptionsForm;

/// What the registry settings dialog edits (never a credential).
struct RegistrySettings
{
    QString address;                ///< host[:port] or URL, as typed
    bool allowInsecureHttp = false; ///< plain HTTP for a non-loopback host, explicitly
    TlsSettings tls;
};

/// Edits a known registry: address, explicit plain HTTP, and TLS (TlsOptionsForm). Shows where
/// the registry's credentials come from and offers to log in or out. Adding a registry is
/// AddRegistryDialog's job (the same TLS options under Advanced).
class RegistrySettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit RegistrySettingsDialog(QWidget *parent = nullptr);

    void setSettings(const RegistrySettings &settings);
    RegistrySettings settings() const;
    /// "OS keychain", "docker config ... (credential helper ...)", "anonymous"; empty: unknown.
    void setCredentialSource(const QString &source);
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

    QLineEdit *m_address;
    QCheckBox *m_plainHttp;
    TlsOptionsForm *m_tls;
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
