#include "registrysettingsdialog.h"

#include "dialogs/tlsoptionsform.h"

#include "http/originpolicy.h"
#include "reference/reference.h"
#include "registry/registryendpoint.h"
#include "views/problemcolour.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ocular {

RegistrySettingsDialog::RegistrySettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_address(new QLineEdit(this))
    , m_plainHttp(new QCheckBox(tr("Allow plain HTTP for this non-loopback host (insecure)"), this))
    , m_tls(new TlsOptionsForm(this))
    , m_credentialSource(new QLabel(this))
    , m_login(new QPushButton(tr("Log In…"), this))
    , m_logout(new QPushButton(tr("Log Out"), this))
    , m_lastProblem(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Registry Settings"));
    m_address->setObjectName(QStringLiteral("address"));
    m_plainHttp->setObjectName(QStringLiteral("plainHttp"));
    m_credentialSource->setObjectName(QStringLiteral("credentialSource"));
    m_login->setObjectName(QStringLiteral("login"));
    m_logout->setObjectName(QStringLiteral("logout"));
    m_problem->setObjectName(QStringLiteral("problem"));
    m_address->setPlaceholderText(
        QStringLiteral("ghcr.io, localhost:5000, https://registry.example.com"));
    m_address->setMinimumWidth(420);
    for (QLabel *label : {m_problem, m_lastProblem, m_credentialSource})
        label->setWordWrap(true);
    m_problem->setStyleSheet(problemcolour::styleSheet());
    m_lastProblem->setStyleSheet(problemcolour::styleSheet());

    auto *connection = new QFormLayout;
    connection->addRow(tr("Registry:"), m_address);
    connection->addRow(QString(), m_plainHttp);

    auto *tlsBox = new QGroupBox(tr("TLS"), this);
    auto *tls = new QVBoxLayout(tlsBox);
    tls->addWidget(m_tls);

    auto *authBox = new QGroupBox(tr("Authentication"), this);
    auto *auth = new QVBoxLayout(authBox);
    auth->addWidget(m_credentialSource);
    auto *authButtons = new QHBoxLayout;
    authButtons->addWidget(m_login);
    authButtons->addWidget(m_logout);
    authButtons->addStretch();
    auth->addLayout(authButtons);
    auto *authHint = new QLabel(tr("Without a login, Ocular uses docker's config.json (and its "
                                   "credential helpers) and podman's auth.json, like the "
                                   "command-line tools."),
                                this);
    authHint->setWordWrap(true);
    authHint->setStyleSheet(QStringLiteral("color: palette(mid);"));
    auth->addWidget(authHint);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_lastProblem);
    layout->addLayout(connection);
    layout->addWidget(tlsBox);
    layout->addWidget(authBox);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_address, &QLineEdit::textChanged, this, &RegistrySettingsDialog::validate);
    connect(m_tls, &TlsOptionsForm::changed, this, &RegistrySettingsDialog::validate);
    connect(m_address, &QLineEdit::textChanged, this, &RegistrySettingsDialog::updatePlainHttpBox);
    connect(m_plainHttp, &QCheckBox::toggled, this, [this](bool checked) {
        if (!m_loopback)
            m_plainHttpChoice = checked;
        validate();
    });
    connect(m_login, &QPushButton::clicked, this, &RegistrySettingsDialog::loginRequested);
    connect(m_logout, &QPushButton::clicked, this, &RegistrySettingsDialog::logoutRequested);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setCredentialSource(QString());
    setProblem(QString());
    validate();
}

void RegistrySettingsDialog::setSettings(const RegistrySettings &settings)
{
    m_plainHttpChoice = settings.allowInsecureHttp;
    m_address->setText(settings.address);
    updatePlainHttpBox();
    m_tls->setSettings(settings.tls);
    validate();
}

RegistrySettings RegistrySettingsDialog::settings() const
{
    RegistrySettings settings;
    settings.address = m_address->text().trimmed();
    settings.allowInsecureHttp = m_plainHttpChoice;
    settings.tls = m_tls->settings();
    return settings;
}

void RegistrySettingsDialog::setCredentialSource(const QString &source)
{
    if (source.isEmpty())
        m_credentialSource->setText(tr("Credentials: not used yet (Ocular asks when the registry "
                                       "requires a login)."));
    else if (source == QLatin1String("anonymous"))
        m_credentialSource->setText(tr("Credentials: none found, browsing anonymously."));
    else
        m_credentialSource->setText(tr("Credentials from: %1").arg(source));
}

void RegistrySettingsDialog::setProblem(const QString &text)
{
    m_lastProblem->setText(text);
    m_lastProblem->setVisible(!text.isEmpty());
}

void RegistrySettingsDialog::updatePlainHttpBox()
{
    // The host as RegistryEndpoint reads it: no scheme, no path.
    QString host = m_address->text().trimmed();
    if (const auto scheme = host.indexOf(QStringLiteral("://")); scheme >= 0)
        host = host.mid(scheme + 3);
    host = host.section(QLatin1Char('/'), 0, 0).toLower();
    const QUrl probe(QStringLiteral("http://") + Reference::apiHost(host));
    const bool loopback = !host.isEmpty() && Reference::isValidRegistryHost(host) &&
                          originpolicy::isLoopbackHost(probe.host());
    m_loopback = loopback;
    const QSignalBlocker blocker(m_plainHttp);
    if (loopback) {
        m_plainHttp->setText(tr("Plain HTTP is allowed for this loopback host (nothing leaves "
                                "this machine)"));
        m_plainHttp->setChecked(true);
        m_plainHttp->setEnabled(false);
    } else {
        m_plainHttp->setText(tr("Allow plain HTTP for this non-loopback host (insecure)"));
        m_plainHttp->setChecked(m_plainHttpChoice);
        m_plainHttp->setEnabled(true);
    }
    validate();
}

void RegistrySettingsDialog::validate()
{
    const RegistrySettings current = settings();
    QString problem;
    const auto endpoint =
        RegistryEndpoint::parse(current.address, current.allowInsecureHttp || m_loopback);
    if (current.address.isEmpty())
        problem = tr("Enter a registry host or URL.");
    else if (!endpoint)
        problem = endpoint.error().message;
    else if (const QString tlsProblem = m_tls->problem(); !tlsProblem.isEmpty())
        problem = tlsProblem;
    else if (endpoint->isPlainHttp() && !current.tls.isDefault())
        problem = tr("TLS options apply to HTTPS registries only.");
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace ocular
