#pragma once

#include "auth/credentials.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace ocular {

/// Asks for a username and password (or an identity token) for one registry and where to keep
/// them: only for this session, the OS keychain, or docker's credential helper. Never offers a
/// plain file. Pure input: the caller stores what it returns.
class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    /// Where the credentials go after a successful dialog.
    enum class Storage
    {
        Session,      ///< memory only, gone when Ocular quits
        Keychain,     ///< the OS keychain (QtKeychain)
        DockerHelper, ///< docker's configured credential helper (shared with docker, podman...)
    };

    /// @p dockerHelper is the helper docker would use for this registry ("pass",
    /// "secretservice"...), empty when none is configured (that choice is then disabled).
    LoginDialog(const QString &registry, const QString &dockerHelper, QWidget *parent = nullptr);

    /// Changes the helper offered (docker's config is read off the GUI thread, so it may become
    /// known after the dialog opened); empty disables that choice.
    void setDockerHelper(const QString &helper);
    QString dockerHelper() const { return m_dockerHelper; }

    /// The typed credentials, with a source label matching storage().
    Credentials credentials() const;
    Storage storage() const;
    void setUsername(const QString &username);
    /// The sentence under the fields (what is missing); empty until the user typed something.
    QString problemText() const;

private:
    void validate();

    QString m_registry;
    QString m_dockerHelper;
    QLineEdit *m_username;
    QLineEdit *m_secret;
    QCheckBox *m_identityToken;
    QRadioButton *m_session;
    QRadioButton *m_keychain;
    QRadioButton *m_docker;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    bool m_usernameTouched = false;
    bool m_secretTouched = false;
};

} // namespace ocular
