#include "auth/staticcredentialsource.h"
#include "credentials/keychaincredentialsource.h"
#include "credentials/registryaccess.h"
#include "credentials/registryaccessactions.h"
#include "demosession.h"
#include "http/httpclient.h"
#include "mainwindow/mainwindow.h"
#include "models/nodeicons.h"
#include "panels/inspectorpanel.h"
#include "panels/repositorytreepanel.h"
#include "stack/registrystack.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QTabWidget>
#include <QThreadPool>
#include <QTimer>
#include <QTranslator>

using namespace ocular;

namespace {

/// `--screenshot FILE --select PATH`: keeps selecting PATH (parts separated by '>') while the
/// tree loads, then saves the window and quits. For documentation screenshots.
void scheduleScreenshot(MainWindow *window, const QString &file, const QStringList &path,
                        const QString &tab, int settleMs)
{
    auto *timer = new QTimer(window);
    auto attempts = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, window, [=] {
        ++*attempts;
        const bool selected = path.isEmpty() || window->treePanel()->selectPath(path);
        if (!selected && *attempts < 300)
            return;
        timer->stop();
        if (tab == QLatin1String("raw"))
            window->inspector()->tabs()->setCurrentIndex(1);
        else if (tab == QLatin1String("annotations"))
            window->inspector()->tabs()->setCurrentIndex(2);
        QTimer::singleShot(settleMs, window, [window, file] {
            window->grab().save(file);
            QApplication::quit();
        });
    });
    timer->start(300);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Ocular"));
    QApplication::setApplicationName(QStringLiteral("ocular"));
    QApplication::setWindowIcon(NodeIcons::named(QStringLiteral("ocular")));

    // The user's language when a translation exists; English source text otherwise.
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("ocular"), QStringLiteral("_"),
                        QStringLiteral(":/ocular/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Browse OCI container registries."));
    parser.addHelpOption();
    const QCommandLineOption demo(
        QStringLiteral("demo"), QStringLiteral("Start a local demo registry with sample content."));
    const QCommandLineOption registry(QStringLiteral("registry"),
                                      QStringLiteral("Open this registry (host or URL)."),
                                      QStringLiteral("url"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Save a screenshot of the window and quit."),
                                        QStringLiteral("file"));
    const QCommandLineOption select(
        QStringLiteral("select"),
        QStringLiteral("Tree path to select before the screenshot, parts separated by '>'."),
        QStringLiteral("path"));
    const QCommandLineOption tab(QStringLiteral("tab"),
                                 QStringLiteral("Inspector tab for the screenshot: json, raw, "
                                                "annotations."),
                                 QStringLiteral("name"), QStringLiteral("json"));
    const QCommandLineOption settle(QStringLiteral("settle"),
                                    QStringLiteral("Milliseconds to wait after selecting, before "
                                                   "the screenshot."),
                                    QStringLiteral("ms"), QStringLiteral("2000"));
    parser.addOptions({demo, registry, screenshot, select, tab, settle});
    parser.process(app);

    // Credentials: logins typed this session, the OS keychain, then docker's config.json (and
    // its helpers) and podman's auth.json, as the command-line tools find them. They are looked
    // up on the thread pool, never on this thread.
    StaticCredentialSource sessionLogins;
    KeychainCredentialSource keychain;
    RegistryStackConfig config;
    config.credentialSources = {&sessionLogins, &keychain};
    config.cache = RegistryStackConfig::Cache::Disk;
    // TLS settings are applied per host by RegistryAccess (it reports missing files itself).
    auto created = RegistryStack::create(config);
    if (!created) {
        qCritical("ocular: %s", qPrintable(created.error().message));
        return 1;
    }
    const std::unique_ptr<RegistryStack> stack = std::move(created).value();
    HttpClient &http = *stack->http();
    RegistryAccess access(&http, stack->authenticator(), &sessionLogins, &keychain);
    const QStringList tlsProblems = access.applySavedTlsSettings();
    MainWindow window(&http, stack->cache());
    new RegistryAccessActions(&window, &access);
    for (const QString &problem : tlsProblems)
        window.showProblem(problem);
    window.show();

    std::unique_ptr<DemoSession> session;
    const QStringList path = parser.value(select).split(QLatin1Char('>'), Qt::SkipEmptyParts);
    auto screenshotWhenReady = [&] {
        if (parser.isSet(screenshot))
            scheduleScreenshot(&window, parser.value(screenshot), path, parser.value(tab),
                               parser.value(settle).toInt());
    };
    if (parser.isSet(demo)) {
        session = std::make_unique<DemoSession>(&http, &window);
        QObject::connect(session.get(), &DemoSession::finished, &window,
                         [&](bool) { screenshotWhenReady(); });
        QTimer::singleShot(0, session.get(), [&session] { session->start(); });
    } else {
        if (parser.isSet(registry) && !window.openRegistry(parser.value(registry)))
            window.showProblem(QStringLiteral("Cannot open %1: not a registry host or URL.")
                                   .arg(parser.value(registry)));
        screenshotWhenReady();
    }
    const int status = app.exec();
    session.reset();
    // Credential lookups and document formatting run on the pool and use objects owned by this
    // function; let them finish (helpers have timeouts) before those objects go away.
    QThreadPool::globalInstance()->waitForDone();
    return status;
}
