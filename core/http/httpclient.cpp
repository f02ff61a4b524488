#include "httpclient.h"

#include "http/authprovider.h"
#include "http/httpexchange.h"
#include "http/originpolicy.h"

#include <QNetworkAccessManager>
#include <QTimer>

namespace ocular {

namespace {

const QString AuthLanePrefix = QStringLiteral("auth ");

} // namespace

HttpClient::HttpClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
    m_clock.start();
}

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

void HttpClient::allowPlainHttpFallback(const QUrl &httpsUrl)
{
    if (httpsUrl.scheme() == QLatin1String("https"))
        m_plainHttpAllowed.insert(originpolicy::origin(httpsUrl));
}

bool HttpClient::usesPlainHttp(const QUrl &url) const
{
    return url.scheme() == QLatin1String("https") &&
           m_plainHttpChosen.contains(originpolicy::origin(url));
}

void HttpClient::choosePlainHttp(const QString &httpsOrigin)
{
    if (m_plainHttpChosen.contains(httpsOrigin))
        return;
    m_plainHttpChosen.insert(httpsOrigin);
    Q_EMIT plainHttpChosen(QUrl(httpsOrigin));
}

int HttpClient::pendingCount() const
{
    int count = m_suspended;
    for (const Lane &lane : m_lanes)
        count += lane.running + int(lane.small.size() + lane.large.size());
    return count;
}

int HttpClient::queuedCount(const QUrl &url) const
{
    const auto lane = m_lanes.constFind(originpolicy::origin(url));
    return lane == m_lanes.constEnd() ? 0 : int(lane->small.size() + lane->large.size());
}

qint64 HttpClient::coolDownRemainingMs(const QUrl &url) const
{
    const auto lane = m_lanes.constFind(originpolicy::origin(url));
    if (lane == m_lanes.constEnd())
        return 0;
    return qMax<qint64>(0, lane->coolDownUntilMs - m_clock.elapsed());
}

void HttpClient::enqueue(HttpExchange *exchange)
{
    if (exchange->m_sequence == 0)
        exchange->m_sequence = ++m_sequence;
    if (exchange->m_state == HttpExchange::State::Suspended)
        --m_suspended;
    exchange->m_state = HttpExchange::State::Queued;
    Lane &lane = m_lanes[exchange->slotOrigin()];
    const QueueKey key{int(exchange->m_request.priority), exchange->m_sequence};
    (exchange->m_request.largeTransfer ? lane.large : lane.small).emplace(key, exchange);
    Q_EMIT activityChanged(pendingCount());
    startQueued(exchange->slotOrigin());
}

void HttpClient::suspend(HttpExchange *exchange)
{
    if (exchange->m_state != HttpExchange::State::Running)
        return;
    exchange->m_state = HttpExchange::State::Suspended;
    ++m_suspended;
    auto lane = m_lanes.find(exchange->slotOrigin());
    if (lane != m_lanes.end()) {
        --lane->running;
        if (exchange->m_request.largeTransfer)
            --lane->runningLarge;
    }
    scheduleStart(exchange->slotOrigin());
}

void HttpClient::release(HttpExchange *exchange)
{
    const QString origin = exchange->slotOrigin();
    auto lane = m_lanes.find(origin);
    switch (exchange->m_state) {
    case HttpExchange::State::Queued:
        if (lane != m_lanes.end()) {
            const QueueKey key{int(exchange->m_request.priority), exchange->m_sequence};
            (exchange->m_request.largeTransfer ? lane->large : lane->small).erase(key);
        }
        break;
    case HttpExchange::State::Running:
        if (lane != m_lanes.end()) {
            --lane->running;
            if (exchange->m_request.largeTransfer)
                --lane->runningLarge;
        }
        break;
    case HttpExchange::State::Suspended:
        --m_suspended;
        break;
    case HttpExchange::State::New:
    case HttpExchange::State::Done:
        break;
    }
    exchange->m_state = HttpExchange::State::Done;
    Q_EMIT activityChanged(pendingCount());
    scheduleStart(origin);
}

void HttpClient::scheduleStart(const QString &lane)
{
    // Start the next one from the event loop, not from inside the exchange that made room.
    QMetaObject::invokeMethod(
        this, [this, lane] { startQueued(lane); }, Qt::QueuedConnection);
}

void HttpClient::coolDown(const QString &laneName, int ms)
{
    // A 429 is about the server, not about one lane: its token lane pauses with the origin
    // (and the origin with its token lane), or token requests keep hammering a server that
    // asked for quiet.
    const QString origin =
        laneName.startsWith(AuthLanePrefix) ? laneName.mid(AuthLanePrefix.size()) : laneName;
    const qint64 until = m_clock.elapsed() + ms;
    for (const QString &name : QStringList{origin, AuthLanePrefix + origin}) {
        Lane &lane = m_lanes[name];
        if (until <= lane.coolDownUntilMs)
            continue;
        lane.coolDownUntilMs = until;
        wakeAfterCoolDown(name, ms);
    }
}

void HttpClient::wakeAfterCoolDown(const QString &laneName, qint64 ms)
{
    // Timers may fire a little early (coarse ones by up to 5%): a wake-up that finds the lane
    // still cooling sleeps again, or the queue would wait for an enqueue that never comes.
    QTimer::singleShot(int(ms), Qt::PreciseTimer, this, [this, laneName] {
        const auto lane = m_lanes.constFind(laneName);
        const qint64 left =
            lane == m_lanes.constEnd() ? 0 : lane->coolDownUntilMs - m_clock.elapsed();
        if (left > 0)
            wakeAfterCoolDown(laneName, left);
        else
            startQueued(laneName);
    });
}

void HttpClient::startQueued(const QString &name)
{
    // Large transfers leave at least one slot to small requests.
    const int largeCap = qMax(1, m_maxPerOrigin - 1);
    for (;;) {
        auto lane = m_lanes.find(name);
        if (lane == m_lanes.end())
            return;
        const bool cooling = lane->coolDownUntilMs > m_clock.elapsed();
        if (!cooling && lane->running < m_maxPerOrigin) {
            auto small = lane->small.begin();
            auto large = lane->large.begin();
            const bool hasSmall = small != lane->small.end();
            const bool hasLarge = large != lane->large.end() && lane->runningLarge < largeCap;
            if (hasSmall || hasLarge) {
                // Small first at equal priority; a more urgent large transfer goes first.
                const bool takeLarge =
                    hasLarge && (!hasSmall || large->first.first < small->first.first);
                HttpExchange *next = takeLarge ? large->second : small->second;
                (takeLarge ? lane->large : lane->small).erase(takeLarge ? large : small);
                ++lane->running;
                if (takeLarge)
                    ++lane->runningLarge;
                next->m_state = HttpExchange::State::Running;
                next->start(); // may suspend, finish or even delete things synchronously
                continue;
            }
        }
        if (lane->running == 0 && lane->small.empty() && lane->large.empty() && !cooling)
            m_lanes.erase(lane);
        return;
    }
}

QString HttpClient::authKey(const HttpExchange *exchange) const
{
    return exchange->slotOrigin() + QLatin1Char('\n') + exchange->m_request.scope;
}

bool HttpClient::isAuthenticating(const HttpExchange *exchange) const
{
    return m_authWaiters.contains(authKey(exchange));
}

void HttpClient::waitForAuthentication(HttpExchange *exchange)
{
    m_authWaiters[authKey(exchange)].append(exchange);
    suspend(exchange);
}

void HttpClient::authenticate(HttpExchange *exchange, const QList<QByteArray> &challenges)
{
    const QString key = authKey(exchange);
    m_authWaiters[key].append(exchange);
    suspend(exchange);
    QPointer<HttpClient> self(this);
    m_auth->handleChallenge(exchange->m_url, challenges, exchange->m_request.scope,
                            !exchange->m_sentAuthorization.isEmpty(),
                            [self, key](Result<Done> result) {
                                if (self)
                                    self->finishAuthentication(key, result);
                            });
}

void HttpClient::finishAuthentication(const QString &key, const Result<Done> &result)
{
    const QList<QPointer<HttpExchange>> waiters = m_authWaiters.take(key);
    // A delivery may destroy this client (and the remaining exchanges with it).
    QPointer<HttpClient> self(this);
    for (const QPointer<HttpExchange> &waiter : waiters) {
        if (!self)
            return;
        if (!waiter || waiter->m_state != HttpExchange::State::Suspended)
            continue;
        if (result.ok()) {
            enqueue(waiter);
        } else {
            Error error = result.error();
            if (error.httpStatus == 0)
                error.httpStatus = waiter->m_challengeStatus;
            waiter->finish(error);
        }
    }
}

} // namespace ocular
