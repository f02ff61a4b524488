#include "teststack.h"

#include <QTest>

namespace ocular::test {

RegistryStackConfig testStackConfig(const QString &registry)
{
    RegistryStackConfig config;
    if (!registry.isEmpty()) {
        auto endpoint = RegistryEndpoint::parse(registry, true);
        if (endpoint)
            config.endpoint = endpoint.value();
        else
            qWarning("testStackConfig: %s", qPrintable(endpoint.error().message));
    }
    config.dockerAndPodmanCredentials = false;
    RetryPolicy fast;
    fast.baseDelayMs = 10;
    fast.maxDelayMs = 40;
    config.retryPolicy = fast;
    config.noProxy = true;
    return config;
}

std::unique_ptr<RegistryStack> makeStack(const RegistryStackConfig &config)
{
    auto stack = RegistryStack::create(config);
    if (!stack) {
        QTest::qFail(qPrintable(stack.error().message), __FILE__, __LINE__);
        return nullptr;
    }
    return std::move(stack).value();
}

std::unique_ptr<RegistryStack> makeStack(const QString &registry)
{
    return makeStack(testStackConfig(registry));
}

} // namespace ocular::test
