#include "httpclient.h"

#include "http/httpexchange.h"

#include <QNetworkAccessManager>

namespace ocular {

HttpClient::HttpClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{}

HttpClient::~HttpClient()
{
    // Exchanges are children; make sure none calls back into a half-destroyed client.
    const auto exchanges = findChildren<HttpExchange *>(Qt::FindDirectChildrenOnly);
    for (HttpExchange *exchange : exchanges)
        delete exchange;
}

RequestHandle HttpClient::send(const HttpRequest &request, QObject *context, Callback done)
{
    RequestHandle handle;
    auto *exchange = new HttpExchange(this, request, context ? context : this, std::move(done));
    QPointer<HttpExchange> guard(exchange);
    handle.setAbort([guard] {
        if (guard)
            guard->cancel();
    });
    enqueue(exchange);
    return handle;
}

Result<Done> HttpClient::setTlsSettings(const QString &host, const TlsSettings &settings)
{
    const QString key = host.toLower();
    if (settings.isDefault()) {
        m_tlsSettings.remove(key);
        m_tlsConfig.remove(key);
    } else {
        const auto config = settings.toSslConfiguration();
        if (!config)
            return config.error();
        m_tlsSettings.insert(key, settings);
        m_tlsConfig.insert(key, config.value());
    }
    // Pooled connections were verified under the old rules.
    m_network->clearConnectionCache();
    return Done{};
}

int HttpClient::pendingCount() const
{
    int count = 0;
    for (int running : m_running)
        count += running;
    for (const auto &queue : m_queued)
        count += queue.size();
    return count;
}

void HttpClient::enqueue(HttpExchange *exchange)
{
    const QString &origin = exchange->slotOrigin();
    m_queued[origin].enqueue(exchange);
    Q_EMIT activityChanged(pendingCount());
    startQueued(origin);
}

void HttpClient::release(HttpExchange *exchange)
{
    const QString origin = exchange->slotOrigin();
    auto queued = m_queued.find(origin);
    if (queued != m_queued.end() && queued->removeOne(exchange)) {
        // Never started: nothing to free.
    } else {
        auto running = m_running.find(origin);
        if (running != m_running.end() && --running.value() <= 0)
            m_running.erase(running);
    }
    Q_EMIT activityChanged(pendingCount());
    // Start the next one from the event loop, not from inside the finishing exchange.
    QMetaObject::invokeMethod(
        this, [this, origin] { startQueued(origin); }, Qt::QueuedConnection);
}

void HttpClient::startQueued(const QString &origin)
{
    auto queue = m_queued.find(origin);
    while (queue != m_queued.end() && !queue->isEmpty() &&
           m_running.value(origin) < m_maxPerOrigin) {
        HttpExchange *next = queue->dequeue();
        ++m_running[origin];
        next->start();
        queue = m_queued.find(origin);
    }
    if (queue != m_queued.end() && queue->isEmpty())
        m_queued.erase(queue);
}

} // namespace ocular
