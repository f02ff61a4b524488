#include "demosession.h"

#include "demo/demoseeder.h"
#include "demo/demosigningkey.h"
#include "demo/registryprocess.h"
#include "dialogs/cosignkeychooser.h"
#include "mainwindow/mainwindow.h"
#include "registry/registryclient.h"
#include "source/registrysource.h"
#include "stack/registrystack.h"

#include <QDir>
#include <QFileInfo>

namespace ocular {

DemoSession::DemoSession(RegistryStack *stack, MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_stack(stack)
    , m_window(window)
    , m_process(new RegistryProcess(this))
    , m_seeder(new DemoSeeder(this))
{
    connect(m_seeder, &DemoSeeder::progress, this,
            [this](int step, int total, const QString &text) {
                m_window->setExternalActivity(
                    tr("Seeding demo content… (%1 of %2: %3)").arg(step).arg(total).arg(text));
                m_window->setPreparing(tr("Preparing the demo registry: pushing its content "
                                          "(step %1 of %2: %3). It opens here when done.")
                                           .arg(step)
                                           .arg(total)
                                           .arg(text),
                                       step, total);
            });
    connect(m_process, &RegistryProcess::crashed, this, [this](const QString &log) {
        m_window->showProblem(tr("The demo registry stopped unexpectedly: %1")
                                  .arg(log.trimmed().section(QLatin1Char('\n'), -1)));
    });
}

DemoSession::~DemoSession()
{
    m_process->stop();
}

void DemoSession::start()
{
    if (RegistryProcess::findBinary().isEmpty()) {
        fail(RegistryProcess::notInstalledMessage());
        return;
    }
    m_window->setExternalActivity(tr("Starting demo registry…"));
    m_window->setPreparing(tr("Starting the demo registry…"));
    m_process->startAsync(this, [this](Result<Done> started) {
        if (!started) {
            fail(tr("The demo registry did not start: %1").arg(started.error().toString()));
            return;
        }
        seed();
    });
}

void DemoSession::seed()
{
    const Result<RegistryEndpoint> endpoint = RegistryEndpoint::parse(m_process->baseUrl());
    if (!endpoint) {
        fail(endpoint.error().toString());
        return;
    }
    m_target = new RegistrySource(m_stack->createClient(endpoint.value(), this), this);
    m_window->setExternalActivity(tr("Seeding demo content…"));
    // A key per run signs the cosign signature; its public half, in the registry's temporary
    // folder, is offered by the Verify dialogs so that a verification can be seen to succeed.
    auto key = DemoSigningKey::generate();
    QString keyPath;
    if (key) {
        keyPath =
            QFileInfo(m_process->configPath()).dir().filePath(QStringLiteral("demo-cosign.pub"));
        if (key->writePublicKey(keyPath))
            m_seeder->setSigningKey(std::make_shared<const DemoSigningKey>(key.value()));
        else
            keyPath.clear();
    }
    m_window->setPreparing(tr("Preparing the demo registry: pushing its content…"));
    m_seeder->seed(m_target, this, [this, keyPath](Result<DemoSummary> seeded) {
        m_window->setExternalActivity({});
        m_window->setPreparing({});
        if (!seeded) {
            fail(tr("Seeding the demo registry failed: %1").arg(seeded.error().toString()));
            return;
        }
        if (!keyPath.isEmpty() && !seeded->cosignPublicKeyPem.isEmpty())
            CosignKeyChooser::offerKey(tr("Demo registry key"), keyPath);
        m_window->openRegistry(m_process->baseUrl(), false);
        Q_EMIT finished(true);
    });
}

void DemoSession::fail(const QString &message)
{
    m_window->setExternalActivity({});
    m_window->setPreparing(message);
    m_window->showProblem(message);
    Q_EMIT finished(false);
}

} // namespace ocular
