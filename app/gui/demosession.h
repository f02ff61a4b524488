#pragma once

#include <QObject>
#include <functional>

namespace ocular {

class DemoSeeder;
class MainWindow;
class RegistryProcess;
class RegistrySource;
class RegistryStack;

/// `ocular --demo`: starts docker-registry without blocking, seeds the demo content, then
/// opens that registry in the window. The registry stops when this object is destroyed.
class DemoSession : public QObject
{
    Q_OBJECT
public:
    /// `stack` is not owned and must outlive the session.
    DemoSession(RegistryStack *stack, MainWindow *window, QObject *parent = nullptr);
    ~DemoSession() override;

    void start();

Q_SIGNALS:
    /// The demo registry is open in the window (or failed: `ok` false).
    void finished(bool ok);

private:
    void seed();
    void fail(const QString &message);

    RegistryStack *m_stack;
    MainWindow *m_window;
    RegistryProcess *m_process;
    DemoSeeder *m_seeder;
    RegistrySource *m_target = nullptr; ///< where the demo content is pushed
};

} // namespace ocular
