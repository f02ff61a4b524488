#include "addregistrydialog.h"

#include "registry/registryendpoint.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ocular {

AddRegistryDialog::AddRegistryDialog(QWidget *parent)
    : QDialog(parent)
    , m_url(new QLineEdit(this))
    , m_insecure(new QCheckBox(tr("Allow plain HTTP for this non-loopback host (insecure)"), this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Add Registry"));
    m_url->setPlaceholderText(
        QStringLiteral("ghcr.io, localhost:5000, https://registry.example.com"));
    m_url->setMinimumWidth(380);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #a02a1a;"));
    auto *hint = new QLabel(tr("Plain HTTP is used automatically only for localhost and other "
                               "loopback addresses."),
                            this);
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("color: palette(mid);"));

    auto *form = new QFormLayout;
    form->addRow(tr("Registry:"), m_url);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_insecure);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_url, &QLineEdit::textChanged, this, &AddRegistryDialog::validate);
    connect(m_insecure, &QCheckBox::toggled, this, &AddRegistryDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

QString AddRegistryDialog::registryText() const
{
    return m_url->text().trimmed();
}

bool AddRegistryDialog::allowInsecureHttp() const
{
    return m_insecure->isChecked();
}

void AddRegistryDialog::validate()
{
    const QString text = registryText();
    QString problem;
    if (!text.isEmpty()) {
        const auto parsed = RegistryEndpoint::parse(text, allowInsecureHttp());
        if (!parsed)
            problem = parsed.error().message;
        else if (!parsed->baseUrl.userInfo().isEmpty())
            problem = tr("Do not put credentials in the URL.");
    }
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.isEmpty() && problem.isEmpty());
}

} // namespace ocular
