#pragma once

#include "base/result.h"
#include "demo/registryprocess.h"

#include <QString>

#include <memory>

namespace ocular::test {

/// A docker-registry for one test (or one test case), stopped when this goes out of scope.
/// A registry that cannot start FAILS the current test with the registry's own error (it is
/// never skipped: the integration suite is meant to run against a real registry). Use
/// OCULAR_TEST_REGISTRY to also return from the test function at once. Only inside a running
/// Qt Test function (benchmarks and tools use RegistryProcess directly).
class TestRegistry
{
public:
    explicit TestRegistry(RegistryProcess::Options options = {});
    ~TestRegistry();
    TestRegistry(const TestRegistry &) = delete;
    TestRegistry &operator=(const TestRegistry &) = delete;

    bool ok() const { return m_error.isEmpty(); }
    /// Why the registry did not start (empty when it did).
    QString errorMessage() const { return m_error; }

    RegistryProcess &process() { return *m_process; }
    RegistryProcess *operator->() { return m_process.get(); }
    QString baseUrl() const { return m_process->baseUrl(); }
    QString hostPort() const { return m_process->hostPort(); }

private:
    std::unique_ptr<RegistryProcess> m_process;
    QString m_error;
};

} // namespace ocular::test

/// Declares a started TestRegistry named @p var; on failure the test has already been marked
/// failed and the enclosing void test function returns.
#define OCULAR_TEST_REGISTRY(var, ...)                                                             \
    ::ocular::test::TestRegistry var{__VA_ARGS__};                                                 \
    if (!var.ok())                                                                                 \
    return
