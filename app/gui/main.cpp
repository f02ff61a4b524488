#include "auth/staticcredentialsource.h"
#include "cache/contentcache.h"
#include "credentials/keychaincredentialsource.h"
#include "credentials/registryaccess.h"
#include "credentials/registryaccessactions.h"
#include "demosession.h"
#include "dialogs/preferencesdialog.h"
#include "history/taghistorystore.h"
#include "http/httpclient.h"
#include "mainwindow/mainwindow.h"
#include "models/nodeicons.h"
#include "panels/inspectorpanel.h"
#include "panels/repositorytreepanel.h"
#include "stack/registrystack.h"
#include "views/eventloopstallprobe.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

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

/// The command line of `ocular`, shared by the GUI start and the display-less --help/--version.
struct GuiOptions
{
    Q_DECLARE_TR_FUNCTIONS(GuiOptions)

public:
    QCommandLineOption demo{QStringLiteral("demo"),
                            tr("Start a local demo registry with sample content.")};
    QCommandLineOption registry{QStringLiteral("registry"), tr("Open this registry (host or URL)."),
                                QStringLiteral("url")};
    QCommandLineOption screenshot{QStringLiteral("screenshot"),
                                  tr("Save a screenshot of the window and quit."),
                                  QStringLiteral("file")};
    QCommandLineOption select{
        QStringLiteral("select"),
        tr("Tree path to select before the screenshot, parts separated by '>'."),
        QStringLiteral("path")};
    QCommandLineOption tab{QStringLiteral("tab"),
                           tr("Inspector tab for the screenshot: json, raw, annotations."),
                           QStringLiteral("name"), QStringLiteral("json")};
    QCommandLineOption settle{QStringLiteral("settle"),
                              tr("Milliseconds to wait after selecting, before the screenshot."),
                              QStringLiteral("ms"), QStringLiteral("2000")};
    QCommandLineOption language{
        QStringLiteral("language"),
        tr("Interface language for this run: en, de or fr (overrides Preferences)."),
        QStringLiteral("code")};
    QCommandLineOption stallReport{
        QStringLiteral("stall-report"),
        tr("Measure how long the GUI thread is blocked and print p50/p99/max at exit "
           "(also OCULAR_STALL_REPORT=1).")};

    explicit GuiOptions(QCommandLineParser &parser)
    {
        parser.setApplicationDescription(tr("Browse OCI container registries."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({demo, registry, screenshot, select, tab, settle, language, stallReport});
    }
};

/// Ocular's catalogue for `code` ("" = the system's languages) and Qt's own (qtbase: standard
/// buttons, file dialogs) when Debian's qt6-translations-l10n is installed. English needs none.
void installTranslators(QCoreApplication &app, const QString &code)
{
    const QLocale locale = PreferencesDialog::localeFor(code);
    if (!code.isEmpty())
        QLocale::setDefault(locale);
    auto *ours = new QTranslator(&app);
    // Without a catalogue for the locale the text is English: its plural-only catalogue
    // still turns "%n tag(s)" into "1 tag" and "2 tags".
    if (ours->load(locale, QStringLiteral("ocular"), QStringLiteral("_"),
                   QStringLiteral(":/ocular/i18n")) ||
        ours->load(QStringLiteral(":/ocular/i18n/ocular_en.qm")))
        QCoreApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

/// `--language CODE` when given (before the parser runs: the help text is translated too),
/// else the choice saved in Preferences.
QString chosenLanguage(int argc, char **argv)
{
    for (int i = 1; i + 1 < argc; ++i)
        if (QByteArrayView(argv[i]) == "--language")
            return QString::fromLocal8Bit(argv[i + 1]);
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg.startsWith("--language="))
            return QString::fromLocal8Bit(arg.sliced(11));
    }
    return PreferencesDialog::savedLanguage();
}

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Ocular"));
    QCoreApplication::setApplicationName(QStringLiteral("ocular"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OCULAR_VERSION));
}

} // namespace

int main(int argc, char **argv)
{
    // --help and --version need no display: answer them before a GUI application exists.
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-v" ||
            arg == "--version") {
            QCoreApplication core(argc, argv);
            setIdentity();
            installTranslators(core, chosenLanguage(argc, argv));
            QCommandLineParser parser;
            const GuiOptions options(parser);
            parser.process(core); // prints and exits
            return 0;
        }
    }

    QApplication app(argc, argv);
    setIdentity();
    // Wayland compositors match the window to io.github.ocular.Ocular.desktop (its icon and
    // name in task bars) by this id; X11 uses the application name, StartupWMClass=ocular.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.ocular.Ocular"));
    QApplication::setWindowIcon(NodeIcons::named(QStringLiteral("ocular")));

    // The chosen language (or the system's) when a translation exists; English otherwise.
    installTranslators(app, chosenLanguage(argc, argv));

    QCommandLineParser parser;
    const GuiOptions options(parser);
    parser.process(app);
    const QCommandLineOption &demo = options.demo;
    const QCommandLineOption &registry = options.registry;
    const QCommandLineOption &screenshot = options.screenshot;
    const QCommandLineOption &select = options.select;
    const QCommandLineOption &tab = options.tab;
    const QCommandLineOption &settle = options.settle;
    const QCommandLineOption &stallReport = options.stallReport;

    std::unique_ptr<EventLoopStallProbe> stallProbe;
    if (parser.isSet(stallReport) || EventLoopStallProbe::requested({})) {
        stallProbe = std::make_unique<EventLoopStallProbe>();
        stallProbe->start();
    }

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
    if (stack->cache())
        stack->cache()->setMaxDiskBytes(PreferencesDialog::savedCacheLimit()); // no disk I/O yet
    HttpClient &http = *stack->http();
    RegistryAccess access(&http, stack->authenticator(), &sessionLogins, &keychain);
    const QStringList tlsProblems = access.applySavedTlsSettings();
    // The demo registry lives for one run on a random port: its tags go to a history of its
    // own, gone with it, not into the user's.
    QTemporaryDir demoHistoryDir;
    const QString historyPath = parser.isSet(demo) && demoHistoryDir.isValid()
                                    ? demoHistoryDir.filePath(QStringLiteral("taghistory.sqlite"))
                                    : QString();
    auto tagHistory = std::make_shared<TagHistoryStore>(historyPath);
    MainWindow window(stack.get());
    window.setTagHistory(tagHistory);
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
        session = std::make_unique<DemoSession>(stack.get(), &window);
        QObject::connect(session.get(), &DemoSession::finished, &window,
                         [&](bool) { screenshotWhenReady(); });
        QTimer::singleShot(0, session.get(), [&session] { session->start(); });
    } else {
        if (parser.isSet(registry) && !window.openRegistry(parser.value(registry)))
            window.showProblem(GuiOptions::tr("Cannot open %1: not a registry host or URL.")
                                   .arg(parser.value(registry)));
        screenshotWhenReady();
    }
    const int status = app.exec();
    if (stallProbe)
        std::fprintf(stderr, "%s\n", qPrintable(stallProbe->report()));
    session.reset();
    // Credential lookups and document formatting run on the pool and use objects owned by this
    // function; let them finish (helpers have timeouts) before those objects go away.
    QThreadPool::globalInstance()->waitForDone();
    return status;
}
