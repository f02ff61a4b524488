#include "tlsoptionsform.h"
#include "views/problemcolour.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace ocular {

TlsOptionsForm::TlsOptionsForm(QWidget *parent)
    : QWidget(parent)
    , m_caFile(new QLineEdit(this))
    , m_clientCert(new QLineEdit(this))
    , m_clientKey(new QLineEdit(this))
    , m_skipVerify(new QCheckBox(tr("Do not verify the server certificate"), this))
    , m_skipWarning(new QLabel(this))
{
    m_caFile->setObjectName(QStringLiteral("caFile"));
    m_clientCert->setObjectName(QStringLiteral("clientCert"));
    m_clientKey->setObjectName(QStringLiteral("clientKey"));
    m_skipVerify->setObjectName(QStringLiteral("skipVerify"));
    m_skipWarning->setObjectName(QStringLiteral("skipWarning"));
    m_caFile->setPlaceholderText(tr("system trust store only"));
    m_clientKey->setPlaceholderText(tr("unencrypted PEM key"));
    m_skipWarning->setWordWrap(true);
    m_skipWarning->setText(
        tr("Warning: anyone on the network path can impersonate this registry and read "
           "everything sent to it, including passwords. Use a CA file instead when you can."));
    m_skipWarning->setStyleSheet(problemcolour::styleSheet(true) +
                                 QStringLiteral(" border: 1px solid %1; padding: 4px;")
                                     .arg(problemcolour::forApplicationPalette().name()));
    m_skipWarning->hide();

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *form = new QFormLayout;
    outer->addLayout(form);
    form->addRow(tr("Extra CA certificate:"), fileRow(m_caFile, tr("CA Certificate (PEM)")));
    form->addRow(tr("Client certificate:"), fileRow(m_clientCert, tr("Client Certificate (PEM)")));
    form->addRow(tr("Client key:"), fileRow(m_clientKey, tr("Client Key (PEM)")));
    form->addRow(QString(), m_skipVerify);
    // Below the form, not in a form row: there its wrapped height is not asked for.
    outer->addWidget(m_skipWarning);

    for (QLineEdit *edit : {m_caFile, m_clientCert, m_clientKey})
        connect(edit, &QLineEdit::textChanged, this, &TlsOptionsForm::changed);
    connect(m_skipVerify, &QCheckBox::toggled, this, [this](bool on) {
        m_skipWarning->setVisible(on);
        Q_EMIT changed();
    });
}

QWidget *TlsOptionsForm::fileRow(QLineEdit *edit, const QString &browseTitle)
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit);
    auto *button = new QToolButton(row);
    button->setText(QStringLiteral("…"));
    button->setToolTip(browseTitle);
    connect(button, &QToolButton::clicked, this,
            [this, edit, browseTitle] { browse(edit, browseTitle); });
    layout->addWidget(button);
    return row;
}

void TlsOptionsForm::browse(QLineEdit *target, const QString &title)
{
    const QString file = QFileDialog::getOpenFileName(this, title, target->text(),
                                                      tr("PEM files (*.pem *.crt *.cer *.key);;"
                                                         "All files (*)"));
    if (!file.isEmpty())
        target->setText(file);
}

TlsSettings TlsOptionsForm::settings() const
{
    TlsSettings settings;
    settings.caFile = m_caFile->text().trimmed();
    settings.clientCertFile = m_clientCert->text().trimmed();
    settings.clientKeyFile = m_clientKey->text().trimmed();
    settings.insecureSkipVerify = m_skipVerify->isChecked();
    return settings;
}

void TlsOptionsForm::setSettings(const TlsSettings &settings)
{
    m_caFile->setText(settings.caFile);
    m_clientCert->setText(settings.clientCertFile);
    m_clientKey->setText(settings.clientKeyFile);
    m_skipVerify->setChecked(settings.insecureSkipVerify);
}

QString TlsOptionsForm::problem() const
{
    const auto config = settings().toSslConfiguration();
    return config ? QString() : config.error().message;
}

} // namespace ocular
