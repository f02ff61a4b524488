#include "demoregistryclient.h"

#include "support/asyncwait.h"
#include "support/teststack.h"

#include "source/registrysource.h"

namespace ocular::test {

DemoRegistryClient::DemoRegistryClient(const QString &hostPort)
    : m_stack(makeStack(hostPort))
{}

Result<DemoSummary> DemoRegistryClient::seed(int manyTags,
                                             std::shared_ptr<const DemoSigningKey> signingKey)
{
    DemoSeeder seeder;
    seeder.setManyTagCount(manyTags);
    seeder.setSigningKey(std::move(signingKey));
    RegistrySource target(m_stack->client());
    return waitFor<DemoSummary>(
        [&](QObject *ctx, auto done) { return seeder.seed(&target, ctx, done); }, 300000);
}

} // namespace ocular::test
