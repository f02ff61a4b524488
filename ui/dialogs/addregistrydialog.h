#pragma once

#include "http/tlssettings.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace ocular {

class TlsOptionsForm;

/// Asks for a registry host or URL and validates it with RegistryEndpoint::parse. A path after
/// the host (`HOST/demo/hello`, `HOST/demo/hello:v1`) is not dropped: the dialog says it will
/// add the registry and open that repository, and repositoryText() returns it. A collapsed
/// Advanced section holds the TLS options (TlsOptionsForm), so adding a registry behind a
/// private CA or with a client certificate is the same dialog as adding any other.
class AddRegistryDialog : public QDialog
{
    Q_OBJECT
public:
    /// What the user typed, split at the first '/' after the host.
    struct Address
    {
        QString registry;   ///< `host[:port]` or `scheme://host[:port]`
        QString repository; ///< `repo`, `repo:tag` or `repo@digest`; empty when none
        QString problem;    ///< why the path is not a repository reference; empty when fine
    };
    static Address splitAddress(const QString &text);

    explicit AddRegistryDialog(QWidget *parent = nullptr);

    /// The registry to remember: what the user typed without the path, trimmed (never
    /// credentials).
    QString registryText() const;
    /// The repository reference typed after the host, to open once the registry is added.
    QString repositoryText() const;
    bool allowInsecureHttp() const;
    /// The Advanced section's TLS options; default when untouched.
    TlsSettings tlsSettings() const;
    /// Without somewhere to keep TLS options (no RegistryAccess), the Advanced section is
    /// hidden rather than offering choices that would be dropped.
    void setAdvancedAvailable(bool available);
    /// Opens or collapses the Advanced section.
    void setAdvancedExpanded(bool expanded);
    /// The line under the address: an error (red) or what OK will do; empty when neither.
    QString problemText() const;
    bool isAcceptable() const;

private:
    void validate();

    QLineEdit *m_url;
    QCheckBox *m_insecure;
    QToolButton *m_advancedToggle;
    TlsOptionsForm *m_tls;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace ocular
