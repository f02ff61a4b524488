#pragma once

#include "base/result.h"
#include "demo/demoseeder.h"
#include "http/httpclient.h"
#include "registry/registryclient.h"

#include <QNetworkAccessManager>

namespace ocular::test {

/// A plain RegistryClient on a loopback test registry that can seed the demo content into it.
class DemoRegistryClient
{
public:
    explicit DemoRegistryClient(const QString &hostPort);

    RegistryClient &client() { return m_client; }
    /// Pushes the demo content with @p manyTags tags in the many-tags repository; waits for it.
    /// With @p signingKey the cosign signature is a real one by it.
    Result<DemoSummary> seed(int manyTags, std::shared_ptr<const DemoSigningKey> signingKey = {});

private:
    QNetworkAccessManager m_network;
    HttpClient m_http;
    RegistryClient m_client;
};

} // namespace ocular::test
