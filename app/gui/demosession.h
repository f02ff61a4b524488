#pragma once

#include <QObject>
#include <functional>

namespace ocular {

class DemoSeeder;
class HttpClient;
class MainWindow;
class RegistryClient;
class RegistryProcess;

/// `ocular --demo`: starts docker-registry without blocking, seeds the demo content, then
/// opens that registry in the window. The registry stops when this object is destroyed.
class DemoSession : public QObject
{
    Q_OBJECT
public:
    DemoSession(HttpClient *http, MainWindow *window, QObject *parent = nullptr);
    ~DemoSession() override;

    void start();

Q_SIGNALS:
    /// The demo registry is open in the window (or failed: `ok` false).
    void finished(bool ok);

private:
    void seed();
    void fail(const QString &message);

    HttpClient *m_http;
    MainWindow *m_window;
    RegistryProcess *m_process;
    DemoSeeder *m_seeder;
    RegistryClient *m_client = nullptr;
};

} // namespace ocular
