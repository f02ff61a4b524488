#pragma once

#include <QObject>

class QLabel;
class QPushButton;

namespace ocular {

class MainWindow;
class RegistryAccess;

/// Puts registry access into the main window without the window knowing about credentials:
/// a Registry menu (settings with TLS options, log in, log out), the place File ▸ Add
/// Registry's Advanced TLS options are kept (MainWindow::setTlsApplier), a
/// permanent status-bar warning while the current registry skips certificate verification,
/// and RegistryAccess messages in the activity area.
class RegistryAccessActions : public QObject
{
    Q_OBJECT
public:
    /// Neither is owned; @p window becomes the parent.
    RegistryAccessActions(MainWindow *window, RegistryAccess *access);

private:
    void updateWarning();
    void updateCredentialSource();
    /// One GET /v2/ per registry selection: a TLS failure gets a status-bar button that
    /// explains it and offers the registry's TLS settings (never an insecure retry); a
    /// registry that needs a login gets a button that opens the login dialog.
    void checkConnection();
    void editCurrent();
    void loginCurrent();
    void logoutCurrent();

    MainWindow *m_window;
    RegistryAccess *m_access;
    QLabel *m_tlsWarning;
    QPushButton *m_tlsProblem;
    QLabel *m_credentialSource;
    int m_generation = 0;
};

} // namespace ocular
