#include "logindialog.h"
#include "views/problemcolour.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace ocular {

LoginDialog::LoginDialog(const QString &registry, const QString &dockerHelper, QWidget *parent)
    : QDialog(parent)
    , m_registry(registry)
    , m_dockerHelper(dockerHelper)
    , m_username(new QLineEdit(this))
    , m_secret(new QLineEdit(this))
    , m_identityToken(
          new QCheckBox(tr("This is an identity (refresh) token, not a password"), this))
    , m_session(new QRadioButton(tr("Only for this session"), this))
    , m_keychain(new QRadioButton(tr("In the system keychain"), this))
    , m_docker(new QRadioButton(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Log In to %1").arg(registry));
    m_username->setObjectName(QStringLiteral("username"));
    m_secret->setObjectName(QStringLiteral("secret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_identityToken->setObjectName(QStringLiteral("identityToken"));
    m_session->setObjectName(QStringLiteral("storeSession"));
    m_keychain->setObjectName(QStringLiteral("storeKeychain"));
    m_docker->setObjectName(QStringLiteral("storeDocker"));
    m_username->setMinimumWidth(300);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(problemcolour::styleSheet());
    m_problem->setObjectName(QStringLiteral("problem"));
    // The line keeps its room so that a message appearing does not move the buttons.
    m_problem->setMinimumHeight(m_problem->fontMetrics().lineSpacing() + 4);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Log In"));

    setDockerHelper(dockerHelper);
    m_keychain->setChecked(true);
    auto *group = new QButtonGroup(this);
    group->addButton(m_session);
    group->addButton(m_keychain);
    group->addButton(m_docker);

    auto *form = new QFormLayout;
    form->addRow(tr("Username:"), m_username);
    form->addRow(tr("Password or token:"), m_secret);
    auto *storeBox = new QGroupBox(tr("Remember the credentials"), this);
    auto *storeLayout = new QVBoxLayout(storeBox);
    storeLayout->addWidget(m_session);
    storeLayout->addWidget(m_keychain);
    storeLayout->addWidget(m_docker);
    auto *note =
        new QLabel(tr("Ocular never writes credentials to its settings or to plain files."), this);
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color: palette(mid);"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_identityToken);
    layout->addWidget(storeBox);
    layout->addWidget(note);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_username, &QLineEdit::textEdited, this, [this] { m_usernameTouched = true; });
    connect(m_secret, &QLineEdit::textEdited, this, [this] { m_secretTouched = true; });
    connect(m_username, &QLineEdit::textChanged, this, &LoginDialog::validate);
    connect(m_secret, &QLineEdit::textChanged, this, &LoginDialog::validate);
    connect(m_identityToken, &QCheckBox::toggled, this, &LoginDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

void LoginDialog::setUsername(const QString &username)
{
    m_username->setText(username);
    m_secret->setFocus();
}

void LoginDialog::validate()
{
    // OK stays disabled until the input is complete, but nothing is reproached before the
    // user typed into the field concerned.
    QString problem;
    bool shown = false;
    if (m_username->text().contains(QLatin1Char(':'))) {
        problem = tr("A username cannot contain ':'.");
        shown = true;
    } else if (m_secret->text().isEmpty()) {
        problem = tr("Enter the password or token.");
        shown = m_secretTouched;
    } else if (!m_identityToken->isChecked() && m_username->text().trimmed().isEmpty()) {
        problem = tr("Enter the username (only identity tokens work without one).");
        shown = m_usernameTouched || m_secretTouched;
    }
    m_problem->setText(shown ? problem : QString());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

QString LoginDialog::problemText() const
{
    return m_problem->text();
}

LoginDialog::Storage LoginDialog::storage() const
{
    if (m_session->isChecked())
        return Storage::Session;
    if (m_docker->isChecked() && m_docker->isEnabled())
        return Storage::DockerHelper;
    return Storage::Keychain;
}

void LoginDialog::setDockerHelper(const QString &helper)
{
    m_dockerHelper = helper;
    if (helper.isEmpty()) {
        if (m_docker->isChecked())
            m_keychain->setChecked(true);
        m_docker->setText(tr("With docker's credential helper (none is configured)"));
        m_docker->setEnabled(false);
    } else {
        m_docker->setText(tr("With docker's credential helper (docker-credential-%1)").arg(helper));
        m_docker->setEnabled(true);
    }
}

Credentials LoginDialog::credentials() const
{
    Credentials credentials;
    credentials.username = m_username->text().trimmed();
    credentials.secret = m_secret->text();
    credentials.isIdentityToken = m_identityToken->isChecked();
    switch (storage()) {
    case Storage::Session:
        credentials.source = tr("login dialog (this session)");
        break;
    case Storage::Keychain:
        credentials.source = tr("OS keychain");
        break;
    case Storage::DockerHelper:
        credentials.source = tr("credential helper docker-credential-%1").arg(m_dockerHelper);
        break;
    }
    return credentials;
}

} // namespace ocular
