#include "demoregistryclient.h"

#include "support/asyncwait.h"

namespace ocular::test {

DemoRegistryClient::DemoRegistryClient(const QString &hostPort)
    : m_http(&m_network)
    , m_client(&m_http, RegistryEndpoint::parse(hostPort).value())
{}

Result<DemoSummary> DemoRegistryClient::seed(int manyTags,
                                             std::shared_ptr<const DemoSigningKey> signingKey)
{
    DemoSeeder seeder;
    seeder.setManyTagCount(manyTags);
    seeder.setSigningKey(std::move(signingKey));
    return waitFor<DemoSummary>(
        [&](QObject *ctx, auto done) { return seeder.seed(&m_client, ctx, done); }, 300000);
}

} // namespace ocular::test
