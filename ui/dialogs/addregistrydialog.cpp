#include "addregistrydialog.h"

#include "dialogs/tlsoptionsform.h"
#include "reference/reference.h"
#include "registry/registryendpoint.h"
#include "views/problemcolour.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace ocular {

namespace {

const QString kNoteStyle = QStringLiteral("color: palette(window-text);");

} // namespace

AddRegistryDialog::Address AddRegistryDialog::splitAddress(const QString &input)
{
    Address out;
    const QString text = input.trimmed();
    const auto schemeEnd = text.indexOf(QStringLiteral("://"));
    const qsizetype hostStart = schemeEnd >= 0 ? schemeEnd + 3 : 0;
    const auto slash = text.indexOf(QLatin1Char('/'), hostStart);
    if (slash < 0) {
        out.registry = text;
        return out;
    }
    out.registry = text.left(slash);
    QString path = text.mid(slash + 1);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    // A pasted API URL (https://host/v2/ or https://host/v2/team/app) names the same place.
    if (path == QLatin1String("v2"))
        path.clear();
    else if (path.startsWith(QLatin1String("v2/")))
        path = path.mid(3);
    if (path.isEmpty())
        return out;
    const Result<RegistryEndpoint> endpoint = RegistryEndpoint::parse(out.registry, true);
    const QString host = endpoint ? endpoint->registry : out.registry;
    // The same parsing Open Repository uses: repo, repo:tag, repo@digest.
    const Result<Reference> reference = Reference::parse(QString(host + QLatin1Char('/') + path));
    if (!reference || reference->registry() != host) {
        out.problem = tr("Only the registry address goes here, e.g. %1. \"%2\" after it is not a "
                         "repository name (lower-case path components separated by /).")
                          .arg(out.registry, path.left(100));
        return out;
    }
    out.repository = path;
    return out;
}

AddRegistryDialog::AddRegistryDialog(QWidget *parent)
    : QDialog(parent)
    , m_url(new QLineEdit(this))
    , m_insecure(new QCheckBox(tr("Allow plain HTTP for this non-loopback host (insecure)"), this))
    , m_advancedToggle(new QToolButton(this))
    , m_tls(new TlsOptionsForm(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Add Registry"));
    m_url->setObjectName(QStringLiteral("address"));
    m_problem->setObjectName(QStringLiteral("problem"));
    m_insecure->setObjectName(QStringLiteral("plainHttp"));
    m_advancedToggle->setObjectName(QStringLiteral("advanced"));
    m_tls->setObjectName(QStringLiteral("tlsOptions"));
    m_advancedToggle->setText(tr("Advanced: TLS certificates"));
    m_advancedToggle->setCheckable(true);
    m_advancedToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_advancedToggle->setAutoRaise(true);
    m_advancedToggle->setArrowType(Qt::RightArrow);
    m_tls->setVisible(false);
    m_url->setPlaceholderText(
        QStringLiteral("ghcr.io, localhost:5000, https://registry.example.com"));
    m_url->setMinimumWidth(380);
    m_problem->setWordWrap(true);
    m_problem->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // Room for two lines at all times: a message appearing must not squeeze the hint above it.
    m_problem->setMinimumHeight(m_problem->fontMetrics().lineSpacing() * 2 + 4);
    auto *hint = new QLabel(tr("Plain HTTP is used automatically only for localhost and other "
                               "loopback addresses. A repository after the host "
                               "(HOST/team/app) is opened once the registry is added."),
                            this);
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("color: palette(mid);"));

    auto *form = new QFormLayout;
    form->addRow(tr("Registry:"), m_url);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_insecure);
    layout->addWidget(m_advancedToggle);
    layout->addWidget(m_tls);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    setMinimumWidth(480);

    connect(m_url, &QLineEdit::textChanged, this, &AddRegistryDialog::validate);
    connect(m_insecure, &QCheckBox::toggled, this, &AddRegistryDialog::validate);
    connect(m_tls, &TlsOptionsForm::changed, this, &AddRegistryDialog::validate);
    // The skip-verification warning wraps over three lines: the dialog grows to show it once
    // the layout knows its height (the next event loop turn).
    connect(m_tls, &TlsOptionsForm::changed, this,
            [this] { QTimer::singleShot(0, this, [this] { adjustSize(); }); });
    connect(m_advancedToggle, &QToolButton::toggled, this, &AddRegistryDialog::setAdvancedExpanded);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

QString AddRegistryDialog::registryText() const
{
    return splitAddress(m_url->text()).registry;
}

QString AddRegistryDialog::repositoryText() const
{
    return splitAddress(m_url->text()).repository;
}

bool AddRegistryDialog::allowInsecureHttp() const
{
    return m_insecure->isChecked();
}

TlsSettings AddRegistryDialog::tlsSettings() const
{
    return m_tls->settings();
}

void AddRegistryDialog::setAdvancedAvailable(bool available)
{
    if (!available)
        m_tls->setSettings(TlsSettings{});
    setAdvancedExpanded(false);
    m_advancedToggle->setVisible(available);
}

void AddRegistryDialog::setAdvancedExpanded(bool expanded)
{
    // A TLS problem stays where it can be fixed: the section does not collapse over it.
    if (!expanded && m_advancedToggle->isVisibleTo(this) && !m_tls->problem().isEmpty())
        expanded = true;
    const QSignalBlocker blocker(m_advancedToggle);
    m_advancedToggle->setChecked(expanded);
    m_advancedToggle->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_tls->setVisible(expanded);
    // Collapsing gives the room back instead of leaving a gap under the buttons.
    adjustSize();
}

QString AddRegistryDialog::problemText() const
{
    return m_problem->text();
}

bool AddRegistryDialog::isAcceptable() const
{
    return m_buttons->button(QDialogButtonBox::Ok)->isEnabled();
}

void AddRegistryDialog::validate()
{
    const Address address = splitAddress(m_url->text());
    QString problem = address.problem;
    QString note;
    if (problem.isEmpty() && !address.registry.isEmpty()) {
        const auto parsed = RegistryEndpoint::parse(address.registry, allowInsecureHttp());
        if (!parsed)
            problem = parsed.error().message;
        else if (!parsed->baseUrl.userInfo().isEmpty())
            problem = tr("Do not put credentials in the URL.");
        else if (const QString tls = m_tls->problem(); !tls.isEmpty())
            problem = tls;
        else if (parsed->isPlainHttp() && !m_tls->settings().isDefault())
            problem = tr("TLS options apply to HTTPS registries only.");
        else if (!address.repository.isEmpty())
            note = tr("Adds %1 and opens %2.").arg(parsed->registry, address.repository);
    }
    // A TLS problem is shown where it can be fixed, even if the user had collapsed it.
    if (!problem.isEmpty() && !m_tls->problem().isEmpty() && m_advancedToggle->isVisibleTo(this))
        setAdvancedExpanded(true);
    m_problem->setStyleSheet(problem.isEmpty() ? kNoteStyle : problemcolour::styleSheet());
    m_problem->setText(problem.isEmpty() ? note : problem);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!address.registry.isEmpty() && problem.isEmpty());
}

} // namespace ocular
