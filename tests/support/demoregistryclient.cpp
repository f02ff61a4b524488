#include "demoregistryclient.h"

#include "support/asyncwait.h"
#include "support/teststack.h"

namespace ocular::test {

DemoRegistryClient::DemoRegistryClient(const QString &hostPort)
    : m_stack(makeStack(hostPort))
{}

Result<DemoSummary> DemoRegistryClient::seed(int manyTags)
{
    DemoSeeder seeder;
    seeder.setManyTagCount(manyTags);
    return waitFor<DemoSummary>(
        [&](QObject *ctx, auto done) { return seeder.seed(m_stack->client(), ctx, done); }, 300000);
}

} // namespace ocular::test
