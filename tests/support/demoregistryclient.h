#pragma once

#include "base/result.h"
#include "demo/demoseeder.h"
#include "registry/registryclient.h"
#include "stack/registrystack.h"

#include <memory>

namespace ocular::test {

/// A RegistryClient (through the product's RegistryStack) on a loopback test registry that
/// can seed the demo content into it.
class DemoRegistryClient
{
public:
    explicit DemoRegistryClient(const QString &hostPort);

    RegistryClient &client() { return *m_stack->client(); }
    /// The stack's ContentSource over client() (what walkers and auditors read).
    ContentSource &source() { return *m_stack->source(); }
    /// Pushes the demo content with @p manyTags tags in the many-tags repository; waits for it.
    /// With @p signingKey the cosign signature is a real one by it.
    Result<DemoSummary> seed(int manyTags, std::shared_ptr<const DemoSigningKey> signingKey = {});

private:
    std::unique_ptr<RegistryStack> m_stack;
};

} // namespace ocular::test
