#include "registrysettingsdialog.h"

#include "http/originpolicy.h"
#include "reference/reference.h"
#include "registry/registryendpoint.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace ocular {

namespace {

QWidget *fileRow(QWidget *parent, QLineEdit *edit, QToolButton *button)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit);
    layout->addWidget(button);
    return row;
}

} // namespace

RegistrySettingsDialog::RegistrySettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_address(new QLineEdit(this))
    , m_plainHttp(new QCheckBox(tr("Allow plain HTTP for this non-loopback host (insecure)"), this))
    , m_caFile(new QLineEdit(this))
    , m_clientCert(new QLineEdit(this))
    , m_clientKey(new QLineEdit(this))
    , m_skipVerify(new QCheckBox(tr("Do not verify the server certificate"), this))
    , m_skipWarning(new QLabel(this))
    , m_authBox(nullptr)
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
    m_caFile->setObjectName(QStringLiteral("caFile"));
    m_clientCert->setObjectName(QStringLiteral("clientCert"));
    m_clientKey->setObjectName(QStringLiteral("clientKey"));
    m_skipVerify->setObjectName(QStringLiteral("skipVerify"));
    m_skipWarning->setObjectName(QStringLiteral("skipWarning"));
    m_credentialSource->setObjectName(QStringLiteral("credentialSource"));
    m_login->setObjectName(QStringLiteral("login"));
    m_logout->setObjectName(QStringLiteral("logout"));
    m_problem->setObjectName(QStringLiteral("problem"));
    m_address->setPlaceholderText(
        QStringLiteral("ghcr.io, localhost:5000, https://registry.example.com"));
    m_address->setMinimumWidth(420);
    m_caFile->setPlaceholderText(tr("system trust store only"));
    m_clientKey->setPlaceholderText(tr("unencrypted PEM key"));
    for (QLabel *label : {m_problem, m_lastProblem, m_skipWarning, m_credentialSource})
        label->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #a02a1a;"));
    m_lastProblem->setStyleSheet(QStringLiteral("color: #a02a1a;"));
    m_skipWarning->setText(
        tr("Warning: anyone on the network path can impersonate this registry and read "
           "everything sent to it, including passwords. Use a CA file instead when you can."));
    m_skipWarning->setStyleSheet(
        QStringLiteral("color: #a02a1a; font-weight: bold; border: 1px solid #a02a1a; "
                       "padding: 4px;"));

    auto *connection = new QFormLayout;
    connection->addRow(tr("Registry:"), m_address);
    connection->addRow(QString(), m_plainHttp);

    auto *tlsBox = new QGroupBox(tr("TLS"), this);
    auto *tls = new QFormLayout(tlsBox);
    auto makeBrowse = [this](QLineEdit *target, const QString &title) {
        auto *button = new QToolButton(this);
        button->setText(QStringLiteral("…"));
        connect(button, &QToolButton::clicked, this,
                [this, target, title] { browse(target, title); });
        return button;
    };
    tls->addRow(tr("Extra CA certificate:"),
                fileRow(tlsBox, m_caFile, makeBrowse(m_caFile, tr("CA Certificate (PEM)"))));
    tls->addRow(
        tr("Client certificate:"),
        fileRow(tlsBox, m_clientCert, makeBrowse(m_clientCert, tr("Client Certificate (PEM)"))));
    tls->addRow(tr("Client key:"),
                fileRow(tlsBox, m_clientKey, makeBrowse(m_clientKey, tr("Client Key (PEM)"))));
    tls->addRow(QString(), m_skipVerify);
    tls->addRow(m_skipWarning);

    auto *authBox = new QGroupBox(tr("Authentication"), this);
    m_authBox = authBox;
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

    for (QLineEdit *edit : {m_address, m_caFile, m_clientCert, m_clientKey})
        connect(edit, &QLineEdit::textChanged, this, &RegistrySettingsDialog::validate);
    connect(m_address, &QLineEdit::textChanged, this, &RegistrySettingsDialog::updatePlainHttpBox);
    connect(m_plainHttp, &QCheckBox::toggled, this, [this](bool checked) {
        if (!m_loopback)
            m_plainHttpChoice = checked;
        validate();
    });
    connect(m_skipVerify, &QCheckBox::toggled, this, &RegistrySettingsDialog::validate);
    connect(m_login, &QPushButton::clicked, this, &RegistrySettingsDialog::loginRequested);
    connect(m_logout, &QPushButton::clicked, this, &RegistrySettingsDialog::logoutRequested);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setCredentialSource(QString());
    setProblem(QString());
    validate();
}

void RegistrySettingsDialog::browse(QLineEdit *target, const QString &title)
{
    const QString file = QFileDialog::getOpenFileName(this, title, target->text(),
                                                      tr("PEM files (*.pem *.crt *.cer *.key);;"
                                                         "All files (*)"));
    if (!file.isEmpty())
        target->setText(file);
}

void RegistrySettingsDialog::setSettings(const RegistrySettings &settings)
{
    m_plainHttpChoice = settings.allowInsecureHttp;
    m_address->setText(settings.address);
    updatePlainHttpBox();
    m_caFile->setText(settings.tls.caFile);
    m_clientCert->setText(settings.tls.clientCertFile);
    m_clientKey->setText(settings.tls.clientKeyFile);
    m_skipVerify->setChecked(settings.tls.insecureSkipVerify);
    validate();
}

RegistrySettings RegistrySettingsDialog::settings() const
{
    RegistrySettings settings;
    settings.address = m_address->text().trimmed();
    settings.allowInsecureHttp = m_plainHttpChoice;
    settings.tls.caFile = m_caFile->text().trimmed();
    settings.tls.clientCertFile = m_clientCert->text().trimmed();
    settings.tls.clientKeyFile = m_clientKey->text().trimmed();
    settings.tls.insecureSkipVerify = m_skipVerify->isChecked();
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

void RegistrySettingsDialog::setAuthenticationVisible(bool visible)
{
    m_authBox->setVisible(visible);
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
    else if (const auto config = current.tls.toSslConfiguration(); !config)
        problem = config.error().message;
    else if (endpoint->isPlainHttp() && !current.tls.isDefault())
        problem = tr("TLS options apply to HTTPS registries only.");
    m_skipWarning->setVisible(current.tls.insecureSkipVerify);
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace ocular
