// The login and registry settings dialogs, and RegistryAccess: validation, the persistent
// skip-verification warning, TLS settings saved as paths only, login/logout, and that a typed
// password never lands in QSettings or any file under the (temporary) home.
#include "credentials/keychaincredentialsource.h"
#include "credentials/registryaccess.h"
#include "credentials/registryaccessactions.h"
#include "dialogs/addregistrydialog.h"
#include "dialogs/keyboardshortcutsdialog.h"
#include "dialogs/logindialog.h"
#include "dialogs/registrysettingsdialog.h"
#include "mainwindow/mainwindow.h"
#include "panels/registrylistpanel.h"
#include "panels/repositorytreepanel.h"

#include "auth/registryauthenticator.h"
#include "auth/staticcredentialsource.h"
#include "http/httpclient.h"
#include "registry/registryclient.h"
#include "registry/registryendpoint.h"
#include "support/logcapture.h"
#include "support/loopbackhttpserver.h"
#include "support/screenshot.h"
#include "support/tempenv.h"
#include "support/testca.h"
#include "support/testregistry.h"
#include "support/teststack.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

using namespace ocular;

namespace {

/// The GUI's stack (app/gui/main.cpp) with @p session as the credentials asked first, then
/// docker's and podman's files when @p dockerAndPodman (the TempEnv keeps the real ones out).
std::unique_ptr<RegistryStack> guiStack(StaticCredentialSource *session,
                                        bool dockerAndPodman = false)
{
    RegistryStackConfig config = test::testStackConfig(QString());
    config.credentialSources = {session};
    config.dockerAndPodmanCredentials = dockerAndPodman;
    config.retryPolicy.reset();
    return test::makeStack(config);
}

const QString Canary = QStringLiteral("canary-Dialog-Pw-f00dfeed");

QPushButton *okButton(QDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

template <typename T> T *child(QWidget &parent, const char *name)
{
    T *widget = parent.findChild<T *>(QString::fromLatin1(name));
    if (!widget)
        qFatal("no child %s", name);
    return widget;
}

} // namespace

class TestAuthDialogs : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempEnv> m_env;
    std::unique_ptr<test::LogCapture> m_log;

private Q_SLOTS:
    void init()
    {
        m_log = std::make_unique<test::LogCapture>();
        m_env = std::make_unique<test::TempEnv>();
        QCoreApplication::setOrganizationName(QStringLiteral("OcularAuthTest"));
        QCoreApplication::setApplicationName(QStringLiteral("ocular"));
        QSettings().clear();
    }

    void cleanup()
    {
        QSettings settings;
        settings.sync();
        // QSettings may keep the location it found first, so read its file explicitly too.
        QFile settingsFile(settings.fileName());
        if (settingsFile.open(QIODevice::ReadOnly))
            QVERIFY2(!settingsFile.readAll().contains(Canary.toUtf8()),
                     qPrintable(settings.fileName()));
        // Nothing under the temporary home (QSettings, caches, configs) holds the password.
        QDirIterator it(m_env->root(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly))
                QVERIFY2(!file.readAll().contains(Canary.toUtf8()), qPrintable(file.fileName()));
        }
        m_env.reset();
        const bool leaked = m_log->contains(Canary);
        m_log.reset();
        QVERIFY(!leaked);
    }

    void loginDialogValidates()
    {
        LoginDialog dialog(QStringLiteral("ghcr.io"), QString());
        QVERIFY(!okButton(dialog)->isEnabled());
        child<QLineEdit>(dialog, "username")->setText(QStringLiteral("alice"));
        QVERIFY(!okButton(dialog)->isEnabled());
        child<QLineEdit>(dialog, "secret")->setText(Canary);
        QVERIFY(okButton(dialog)->isEnabled());
        QCOMPARE(child<QLineEdit>(dialog, "secret")->echoMode(), QLineEdit::Password);
        child<QLineEdit>(dialog, "username")->setText(QStringLiteral("a:b"));
        QVERIFY(!okButton(dialog)->isEnabled());
        child<QLineEdit>(dialog, "username")->clear();
        child<QCheckBox>(dialog, "identityToken")->setChecked(true);
        QVERIFY(okButton(dialog)->isEnabled());
        // No helper configured: that choice is off, the keychain is the default.
        QVERIFY(!child<QRadioButton>(dialog, "storeDocker")->isEnabled());
        QCOMPARE(dialog.storage(), LoginDialog::Storage::Keychain);
        const Credentials credentials = dialog.credentials();
        QVERIFY(credentials.isIdentityToken);
        QCOMPARE(credentials.secret, Canary);
        QCOMPARE(credentials.source, QStringLiteral("OS keychain"));
    }

    void loginDialogOffersTheDockerHelper()
    {
        LoginDialog dialog(QStringLiteral("ghcr.io"), QStringLiteral("pass"));
        auto *docker = child<QRadioButton>(dialog, "storeDocker");
        QVERIFY(docker->isEnabled());
        QVERIFY(docker->text().contains(QStringLiteral("docker-credential-pass")));
        docker->setChecked(true);
        QCOMPARE(dialog.storage(), LoginDialog::Storage::DockerHelper);
        child<QRadioButton>(dialog, "storeSession")->setChecked(true);
        QCOMPARE(dialog.storage(), LoginDialog::Storage::Session);
    }

    void settingsDialogValidates()
    {
        RegistrySettingsDialog dialog;
        auto *address = child<QLineEdit>(dialog, "address");
        QVERIFY(!okButton(dialog)->isEnabled());
        address->setText(QStringLiteral("http://registry.example.com"));
        QVERIFY(!okButton(dialog)->isEnabled()); // plain HTTP needs the explicit opt-in
        child<QCheckBox>(dialog, "plainHttp")->setChecked(true);
        QVERIFY(okButton(dialog)->isEnabled());
        child<QLineEdit>(dialog, "caFile")->setText(QStringLiteral("/nonexistent/ca.pem"));
        QVERIFY(!okButton(dialog)->isEnabled());
        address->setText(QStringLiteral("registry.example.com"));
        child<QCheckBox>(dialog, "plainHttp")->setChecked(false);
        QVERIFY(!okButton(dialog)->isEnabled());
        QVERIFY(child<QLabel>(dialog, "problem")
                    ->text()
                    .contains(QStringLiteral("/nonexistent/ca.pem")));

        test::TestCa ca;
        QVERIFY2(ca.ok(), qPrintable(ca.errorMessage()));
        child<QLineEdit>(dialog, "caFile")->setText(ca.caCertFile());
        QVERIFY(okButton(dialog)->isEnabled());
        QCOMPARE(dialog.settings().tls.caFile, ca.caCertFile());

        auto *warning = child<QLabel>(dialog, "skipWarning");
        QVERIFY(!warning->isVisibleTo(&dialog));
        child<QCheckBox>(dialog, "skipVerify")->setChecked(true);
        QVERIFY(warning->isVisibleTo(&dialog));
        QVERIFY(dialog.settings().tls.insecureSkipVerify);

        dialog.setCredentialSource(QStringLiteral("docker config /x/config.json"));
        QVERIFY(child<QLabel>(dialog, "credentialSource")
                    ->text()
                    .contains(QStringLiteral("/x/config.json")));
    }

    void addRegistryKeepsTlsUnderAdvanced()
    {
        AddRegistryDialog dialog;
        dialog.show();
        auto *advanced = child<QToolButton>(dialog, "advanced");
        auto *tls = child<QWidget>(dialog, "tlsOptions");
        QVERIFY(advanced->isVisible());
        QVERIFY(!tls->isVisible()); // collapsed until asked for
        auto *address = child<QLineEdit>(dialog, "address");
        address->setText(QStringLiteral("registry.example.com"));
        QVERIFY(dialog.isAcceptable());
        test::saveShot(&dialog, QStringLiteral("add-registry-collapsed"));

        advanced->click();
        QVERIFY(tls->isVisible());
        child<QLineEdit>(dialog, "caFile")->setText(QStringLiteral("/nonexistent/ca.pem"));
        QVERIFY(!dialog.isAcceptable());
        QVERIFY2(dialog.problemText().contains(QStringLiteral("/nonexistent/ca.pem")),
                 qPrintable(dialog.problemText()));
        // Nothing typed is lost while the input is wrong; collapsing with a TLS problem opens
        // the section again where it can be fixed.
        QCOMPARE(address->text(), QStringLiteral("registry.example.com"));
        advanced->click();
        QVERIFY(tls->isVisible());

        test::TestCa ca;
        QVERIFY2(ca.ok(), qPrintable(ca.errorMessage()));
        child<QLineEdit>(dialog, "caFile")->setText(ca.caCertFile());
        QVERIFY(dialog.isAcceptable());
        QCOMPARE(dialog.tlsSettings().caFile, ca.caCertFile());
        auto *warning = child<QLabel>(dialog, "skipWarning");
        QVERIFY(!warning->isVisible());
        child<QCheckBox>(dialog, "skipVerify")->setChecked(true);
        QVERIFY(warning->isVisible());
        QVERIFY(dialog.tlsSettings().insecureSkipVerify);
        test::saveShot(&dialog, QStringLiteral("add-registry-advanced"));

        // TLS options on a plain-HTTP registry would be silently ignored: refused instead.
        address->setText(QStringLiteral("http://registry.example.com"));
        child<QCheckBox>(dialog, "plainHttp")->setChecked(true);
        QVERIFY(!dialog.isAcceptable());
        QVERIFY2(dialog.problemText().contains(QStringLiteral("HTTPS")),
                 qPrintable(dialog.problemText()));

        // Without anywhere to keep them, no TLS options are offered (or returned).
        dialog.setAdvancedAvailable(false);
        QVERIFY(!advanced->isVisible());
        QVERIFY(!tls->isVisible());
        QVERIFY(dialog.tlsSettings().isDefault());
    }

    void addRegistryFromTheFileMenuSavesItsTlsOptions()
    {
        test::TestCa ca;
        QVERIFY2(ca.ok(), qPrintable(ca.errorMessage()));
        StaticCredentialSource session;
        KeychainCredentialSource keychain(QStringLiteral("Ocular-test"));
        const auto stack = guiStack(&session);
        QVERIFY(stack);
        RegistryAccess access(stack->http(), stack->authenticator(), &session, &keychain);
        MainWindow window(stack.get());
        new RegistryAccessActions(&window, &access);
        const QString caFile = ca.caCertFile();
        bool sawAdvanced = false;
        QTimer::singleShot(0, this, [&sawAdvanced, caFile] {
            auto *dialog = qobject_cast<AddRegistryDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            auto *advanced = dialog->findChild<QToolButton *>(QStringLiteral("advanced"));
            sawAdvanced = advanced && advanced->isVisible();
            child<QLineEdit>(*dialog, "address")->setText(QStringLiteral("https://127.0.0.7:1"));
            dialog->setAdvancedExpanded(true);
            child<QLineEdit>(*dialog, "caFile")->setText(caFile);
            dialog->accept();
        });
        window.action(QStringLiteral("addRegistry"))->trigger();
        QVERIFY(sawAdvanced);
        QCOMPARE(stack->http()->tlsSettings(QStringLiteral("127.0.0.7")).caFile, caFile);
        QCOMPARE(RegistryAccess::savedTlsSettings(QStringLiteral("127.0.0.7")).caFile, caFile);
        QVERIFY(
            window.registryList()->registries().contains(QStringLiteral("https://127.0.0.7:1")));
    }

    void everyShortcutIsListedAndNoneIsShared()
    {
        StaticCredentialSource session;
        KeychainCredentialSource keychain(QStringLiteral("Ocular-test"));
        const auto stack = guiStack(&session);
        QVERIFY(stack);
        RegistryAccess access(stack->http(), stack->authenticator(), &session, &keychain);
        MainWindow window(stack.get());
        new RegistryAccessActions(&window, &access);
        window.show();

        // The window's actions, its menus' and the tree's (where Delete lives).
        QSet<QAction *> all;
        for (QAction *action : window.actions())
            all.insert(action);
        for (QAction *action : window.treePanel()->view()->actions())
            all.insert(action);
        for (QMenu *menu : window.menuBar()->findChildren<QMenu *>())
            for (QAction *action : menu->actions())
                if (!action->isSeparator() && !action->menu())
                    all.insert(action);
        QHash<QKeySequence, QString> owner;
        int withShortcut = 0;
        for (QAction *action : std::as_const(all)) {
            bool inMenu = false;
            for (QObject *object : action->associatedObjects())
                inMenu = inMenu || qobject_cast<QMenu *>(object);
            QVERIFY2(inMenu || !action->shortcuts().isEmpty(), qPrintable(action->text()));
            withShortcut += action->shortcuts().isEmpty() ? 0 : 1;
            for (const QKeySequence &key : action->shortcuts()) {
                QVERIFY2(!owner.contains(key),
                         qPrintable(key.toString() + QStringLiteral(": ") + owner.value(key) +
                                    QStringLiteral(" and ") + action->text()));
                owner.insert(key, action->text());
            }
        }

        const auto entries = KeyboardShortcutsDialog::collect(&window);
        QCOMPARE(entries.size(), withShortcut);
        auto find = [&entries](const QString &text) {
            for (const auto &entry : entries)
                if (entry.text == text)
                    return entry;
            return KeyboardShortcutsDialog::Entry{};
        };
        const auto help = find(QStringLiteral("Keyboard Shortcuts"));
        QCOMPARE(help.group, QStringLiteral("Help"));
        QVERIFY2(help.keys.contains(
                     QKeySequence(Qt::CTRL | Qt::Key_Slash).toString(QKeySequence::NativeText)),
                 qPrintable(help.keys));
        const auto remove = find(QStringLiteral("Delete…"));
        QCOMPARE(remove.group, QStringLiteral("Edit"));
        QCOMPARE(remove.where, QStringLiteral("Repository tree"));
        QCOMPARE(find(QStringLiteral("Add Registry…")).group, QStringLiteral("File"));

        window.action(QStringLiteral("keyboardShortcuts"))->trigger();
        auto *dialog = window.findChild<KeyboardShortcutsDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(dialog->visibleCount(), withShortcut);
        test::saveShot(dialog, QStringLiteral("keyboard-shortcuts"));
        dialog->setFilter(QStringLiteral("tag"));
        QVERIFY(dialog->visibleCount() >= 2); // Add Tag…, Remove Tag…
        QVERIFY(dialog->visibleCount() < withShortcut);
        test::saveShot(dialog, QStringLiteral("keyboard-shortcuts-filtered"));
        dialog->setFilter(QStringLiteral("no such action"));
        QCOMPARE(dialog->visibleCount(), 0);
        dialog->setFilter(QString());
        QCOMPARE(dialog->visibleCount(), withShortcut);
    }

    void tlsSettingsAreSavedAsPathsAndReapplied()
    {
        test::TestCa ca;
        QVERIFY2(ca.ok(), qPrintable(ca.errorMessage()));
        StaticCredentialSource session;
        KeychainCredentialSource keychain(QStringLiteral("Ocular-test"));
        const auto stack = guiStack(&session);
        QVERIFY(stack);
        RegistryAccess access(stack->http(), stack->authenticator(), &session, &keychain);
        TlsSettings tls;
        tls.caFile = ca.caCertFile();
        tls.insecureSkipVerify = true;
        QVERIFY(access.setTlsSettings(QStringLiteral("Registry.Example"), tls).ok());
        QVERIFY(
            access.tlsWarning(QStringLiteral("registry.example")).contains(QStringLiteral("OFF")));
        QVERIFY(access.tlsWarning(QStringLiteral("other.example")).isEmpty());
        QCOMPARE(RegistryAccess::savedTlsSettings(QStringLiteral("registry.example")), tls);

        const auto fresh = guiStack(&session);
        QVERIFY(fresh);
        RegistryAccess restored(fresh->http(), fresh->authenticator(), &session, &keychain);
        QVERIFY(restored.applySavedTlsSettings().isEmpty());
        QCOMPARE(fresh->http()->tlsSettings(QStringLiteral("registry.example")), tls);

        QVERIFY(access.setTlsSettings(QStringLiteral("registry.example"), TlsSettings{}).ok());
        QVERIFY(RegistryAccess::savedTlsSettings(QStringLiteral("registry.example")).isDefault());
    }

    void loginForTheSessionAndLogout()
    {
        StaticCredentialSource session;
        KeychainCredentialSource keychain(QStringLiteral("Ocular-test"));
        const auto stack = guiStack(&session, true);
        QVERIFY(stack);
        RegistryAccess access(stack->http(), stack->authenticator(), &session, &keychain);
        const RegistryEndpoint endpoint =
            RegistryEndpoint::parse(QStringLiteral("https://r.example:5000")).value();

        QTimer::singleShot(0, this, [] {
            auto *dialog = qobject_cast<LoginDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            child<QLineEdit>(*dialog, "username")->setText(QStringLiteral("bob"));
            child<QLineEdit>(*dialog, "secret")->setText(Canary);
            child<QRadioButton>(*dialog, "storeSession")->setChecked(true);
            dialog->accept();
        });
        QVERIFY(access.login(nullptr, endpoint));
        const auto stored = session.lookup(QStringLiteral("r.example:5000"));
        QVERIFY(stored.ok() && stored.value());
        QCOMPARE(stored.value()->username, QStringLiteral("bob"));
        QCOMPARE(stored.value()->secret, Canary);

        access.logout(endpoint);
        QVERIFY(!session.lookup(QStringLiteral("r.example:5000")).value().has_value());
        QVERIFY(access.credentialSource(endpoint).isEmpty());
    }

    void mainWindowShowsThePersistentTlsWarning()
    {
        StaticCredentialSource session;
        KeychainCredentialSource keychain(QStringLiteral("Ocular-test"));
        const auto stack = guiStack(&session);
        QVERIFY(stack);
        RegistryAccess access(stack->http(), stack->authenticator(), &session, &keychain);
        MainWindow window(stack.get());
        new RegistryAccessActions(&window, &access);
        auto *menu = window.findChild<QMenu *>(QStringLiteral("registryMenu"));
        QVERIFY(menu);
        QStringList actions;
        for (QAction *action : menu->actions())
            actions << action->objectName();
        QVERIFY(actions.contains(QStringLiteral("registrySettings")));
        QVERIFY(actions.contains(QStringLiteral("logIn")));
        QVERIFY(actions.contains(QStringLiteral("logOut")));
        // Adding is File ▸ Add Registry only (TLS options under its Advanced section).
        QVERIFY(!actions.contains(QStringLiteral("addRegistryTls")));

        TlsSettings skip;
        skip.insecureSkipVerify = true;
        QVERIFY(access.setTlsSettings(QStringLiteral("127.0.0.5"), skip).ok());
        auto *warning = window.findChild<QLabel *>(QStringLiteral("tlsWarning"));
        QVERIFY(warning);
        // Loopback addresses with a closed port: nothing leaves the machine.
        QVERIFY(window.openRegistry(QStringLiteral("https://127.0.0.5:1"), false));
        QTRY_VERIFY(warning->isVisibleTo(&window));
        QVERIFY(warning->text().contains(QStringLiteral("127.0.0.5")));
        QVERIFY(window.openRegistry(QStringLiteral("https://127.0.0.6:1"), false));
        QTRY_VERIFY(!warning->isVisibleTo(&window));

        // A registry whose certificate is not trusted: the status bar offers the TLS help.
        test::TestCa ca;
        QVERIFY2(ca.ok(), qPrintable(ca.errorMessage()));
        const auto cert = ca.issueServer(QStringLiteral("ui"), {QStringLiteral("IP:127.0.0.1")});
        test::LoopbackHttpServer server([](const test::LoopbackHttpServer::Request &) {
            return test::LoopbackHttpServer::Reply{200, {}, "{}"};
        });
        QVERIFY(server.listenTls(cert.certFile, cert.keyFile));
        auto *problem = window.findChild<QPushButton *>(QStringLiteral("tlsProblem"));
        QVERIFY(problem);
        QVERIFY(window.openRegistry(server.baseUrl(), false));
        QTRY_VERIFY(problem->isVisibleTo(&window));
        QVERIFY(problem->toolTip().contains(QStringLiteral("issuer is not trusted")));
        QCOMPARE(server.requests().size(), 0);
    }

    void loginOfferedWhenTheRegistryNeedsOne()
    {
        RegistryProcess::Options options;
        options.htpasswdUser = QStringLiteral("uiuser");
        options.htpasswdPassword = Canary;
        OCULAR_TEST_REGISTRY(registry, options);
        StaticCredentialSource session;
        KeychainCredentialSource keychain(QStringLiteral("Ocular-test"));
        const auto stack = guiStack(&session);
        QVERIFY(stack);
        RegistryAccess access(stack->http(), stack->authenticator(), &session, &keychain);
        MainWindow window(stack.get());
        new RegistryAccessActions(&window, &access);
        auto *button = window.findChild<QPushButton *>(QStringLiteral("tlsProblem"));
        QVERIFY(button);
        QVERIFY(window.openRegistry(registry.baseUrl(), false));
        QTRY_VERIFY(button->isVisibleTo(&window));
        QVERIFY2(button->text().contains(QStringLiteral("needs a login")),
                 qPrintable(button->text()));

        QTimer::singleShot(0, this, [] {
            auto *dialog = qobject_cast<LoginDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            child<QLineEdit>(*dialog, "username")->setText(QStringLiteral("uiuser"));
            child<QLineEdit>(*dialog, "secret")->setText(Canary);
            child<QRadioButton>(*dialog, "storeSession")->setChecked(true);
            dialog->accept();
        });
        button->click();
        // The connection is checked again with the new login: the button goes away.
        QTRY_VERIFY(!button->isVisibleTo(&window));
        QTRY_COMPARE(access.credentialSource(window.currentClient()->endpoint()),
                     QStringLiteral("login dialog (this session)"));
        // The status bar says where the credentials came from.
        auto *source = window.findChild<QLabel *>(QStringLiteral("credentialSource"));
        QVERIFY(source);
        QTRY_VERIFY(source->text().contains(QStringLiteral("login dialog (this session)")));
    }
};

QTEST_MAIN(TestAuthDialogs)
#include "tst_authdialogs.moc"
