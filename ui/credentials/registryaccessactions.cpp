#include "registryaccessactions.h"

#include "credentials/registryaccess.h"
#include "mainwindow/mainwindow.h"
#include "panels/registrylistpanel.h"
#include "registry/registryclient.h"
#include "views/activitystatus.h"
#include "views/problemcolour.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QStatusBar>

namespace ocular {

RegistryAccessActions::RegistryAccessActions(MainWindow *window, RegistryAccess *access)
    : QObject(window)
    , m_window(window)
    , m_access(access)
    , m_tlsWarning(new QLabel(window))
    , m_tlsProblem(new QPushButton(window))
    , m_credentialSource(new QLabel(window))
{
    m_credentialSource->setObjectName(QStringLiteral("credentialSource"));
    window->statusBar()->addPermanentWidget(m_credentialSource);
    m_tlsProblem->setObjectName(QStringLiteral("tlsProblem"));
    m_tlsProblem->setFlat(true);
    m_tlsProblem->setStyleSheet(problemcolour::styleSheet());
    m_tlsProblem->hide();
    window->statusBar()->addPermanentWidget(m_tlsProblem);
    m_tlsWarning->setObjectName(QStringLiteral("tlsWarning"));
    m_tlsWarning->setStyleSheet(problemcolour::styleSheet(true));
    m_tlsWarning->hide();
    window->statusBar()->addPermanentWidget(m_tlsWarning);

    QMenu *menu = new QMenu(tr("&Registry"), window);
    menu->setObjectName(QStringLiteral("registryMenu"));
    auto add = [&](const QString &name, const QString &text,
                   void (RegistryAccessActions::*slot)()) {
        QAction *action = menu->addAction(text);
        action->setObjectName(name);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    add(QStringLiteral("registrySettings"), tr("Registry &Settings…"),
        &RegistryAccessActions::editCurrent);
    add(QStringLiteral("logIn"), tr("&Log In…"), &RegistryAccessActions::loginCurrent);
    add(QStringLiteral("logOut"), tr("Log &Out"), &RegistryAccessActions::logoutCurrent);
    // Adding a registry, TLS options included, is File ▸ Add Registry (one dialog); this is
    // where its Advanced choices are applied and saved.
    window->setTlsApplier([access](const QString &host, const TlsSettings &tls) {
        return access->setTlsSettings(host, tls);
    });
    // After File and Edit when they exist, else at the end.
    const QList<QAction *> menus = window->menuBar()->actions();
    window->menuBar()->insertMenu(menus.size() > 2 ? menus.at(2) : nullptr, menu);

    connect(access, &RegistryAccess::problem, window->activity(), &ActivityStatus::showProblem);
    connect(access, &RegistryAccess::info, window->activity(), &ActivityStatus::showInfo);
    connect(access, &RegistryAccess::accessChanged, this, &RegistryAccessActions::updateWarning);
    connect(window->registryList(), &RegistryListPanel::currentRegistryChanged, this,
            &RegistryAccessActions::updateWarning);
    connect(window->registryList(), &RegistryListPanel::currentRegistryChanged, this,
            &RegistryAccessActions::checkConnection);
    connect(access, &RegistryAccess::accessChanged, this, &RegistryAccessActions::checkConnection);
    connect(access, &RegistryAccess::accessChanged, this,
            &RegistryAccessActions::updateCredentialSource);
    connect(access, &RegistryAccess::credentialsResolved, this,
            &RegistryAccessActions::updateCredentialSource);
    connect(window->registryList(), &RegistryListPanel::currentRegistryChanged, this,
            &RegistryAccessActions::updateCredentialSource);
    updateWarning();
}

void RegistryAccessActions::updateWarning()
{
    RegistryClient *client = m_window->currentClient();
    const QString warning =
        client ? m_access->tlsWarning(client->endpoint().baseUrl.host()) : QString();
    m_tlsWarning->setText(warning);
    m_tlsWarning->setVisible(!warning.isEmpty());
}

void RegistryAccessActions::updateCredentialSource()
{
    RegistryClient *client = m_window->currentClient();
    const QString source = client ? m_access->credentialSource(client->endpoint()) : QString();
    if (source.isEmpty())
        m_credentialSource->clear();
    else if (source == QLatin1String("anonymous"))
        m_credentialSource->setText(tr("Anonymous"));
    else
        m_credentialSource->setText(tr("Credentials: %1").arg(source));
    m_credentialSource->setToolTip(tr("Where the credentials for this registry came from. "
                                      "Registry ▸ Log Out forgets Ocular's own login."));
    m_credentialSource->setVisible(!source.isEmpty());
}

void RegistryAccessActions::checkConnection()
{
    const int generation = ++m_generation;
    m_tlsProblem->hide();
    m_tlsProblem->disconnect(this);
    RegistryClient *client = m_window->currentClient();
    if (!client)
        return;
    const RegistryEndpoint endpoint = client->endpoint();
    client->ping(this, [this, generation, endpoint](Result<PingResult> result) {
        // Another registry was selected meanwhile: this answer is stale.
        if (generation != m_generation || result.ok())
            return;
        const Error error = result.error();
        if (error.kind == ErrorKind::Auth) {
            m_tlsProblem->setText(tr("%1 needs a login — Log In…").arg(endpoint.registry));
            m_tlsProblem->setToolTip(error.message);
            connect(m_tlsProblem, &QPushButton::clicked, this, [this, endpoint] {
                if (m_access->login(m_window, endpoint))
                    m_tlsProblem->hide();
            });
            m_tlsProblem->show();
            return;
        }
        if (error.kind != ErrorKind::Tls)
            return;
        m_tlsProblem->setText(tr("Secure connection to %1 failed — details and TLS settings…")
                                  .arg(endpoint.baseUrl.host()));
        m_tlsProblem->setToolTip(error.message);
        connect(m_tlsProblem, &QPushButton::clicked, this,
                [this, endpoint, error] { m_access->offerTlsHelp(m_window, endpoint, error); });
        m_tlsProblem->show();
    });
}

void RegistryAccessActions::editCurrent()
{
    RegistryClient *client = m_window->currentClient();
    if (!client) {
        m_window->activity()->showProblem(tr("Add or select a registry first."));
        return;
    }
    const auto chosen = m_access->editSettings(m_window, client->endpoint());
    if (chosen && chosen->address != client->endpoint().baseUrl.toString())
        m_window->openRegistry(chosen->address);
    updateWarning();
}

void RegistryAccessActions::loginCurrent()
{
    RegistryClient *client = m_window->currentClient();
    if (!client) {
        m_window->activity()->showProblem(tr("Add or select a registry first."));
        return;
    }
    m_access->login(m_window, client->endpoint());
}

void RegistryAccessActions::logoutCurrent()
{
    if (RegistryClient *client = m_window->currentClient())
        m_access->logout(client->endpoint());
}

} // namespace ocular
