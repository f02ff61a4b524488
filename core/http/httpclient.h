#pragma once

#include "base/result.h"
#include "http/httprequest.h"
#include "http/httpresponse.h"
#include "http/requesthandle.h"
#include "http/retrypolicy.h"
#include "http/tlssettings.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <functional>
#include <map>

class QNetworkAccessManager;

namespace ocular {

class AuthProvider;
class HttpExchange;

/// The only gateway to the network. Follows redirects itself (credentials never cross
/// origins), retries idempotent requests with jittered backoff, caps bodies, answers 401
/// challenges through the AuthProvider, and bounds concurrency per origin.
///
/// Scheduling: each origin has a number of slots (6). Queued requests start by priority
/// (Interactive > Navigation > Background > Bulk), small before large at equal priority, and
/// large transfers never take the last slot. Token requests run in a lane of their own, so
/// they never wait behind the requests they unblock. A request gives its slot back while it
/// waits for a token or a retry backoff and queues again afterwards (keeping its place). After
/// a 429 the origin cools down: nothing new starts there until Retry-After (or the backoff)
/// has passed.
class HttpClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(Result<HttpResponse>)>;

    explicit HttpClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~HttpClient() override;

    /// Not owned; may be null (anonymous only).
    void setAuthProvider(AuthProvider *auth) { m_auth = auth; }
    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }
    const RetryPolicy &retryPolicy() const { return m_retry; }
    void setMaxConcurrentPerOrigin(int n) { m_maxPerOrigin = qMax(1, n); }
    void setMaxRedirects(int n) { m_maxRedirects = n; }
    /// Per-attempt inactivity timeout.
    void setTransferTimeoutMs(int ms) { m_transferTimeoutMs = ms; }
    /// TLS choices for every request to @p host (any port: a registry's token service often
    /// shares its host and CA); default settings restore the system behaviour. Fails, changing
    /// nothing, when a CA, certificate or key file cannot be loaded.
    Result<Done> setTlsSettings(const QString &host, const TlsSettings &settings);
    /// What setTlsSettings() stored for @p host (defaults when nothing).
    TlsSettings tlsSettings(const QString &host) const
    {
        return m_tlsSettings.value(host.toLower());
    }

    /// Sends the request; `done` runs on `context`'s thread unless context is destroyed first,
    /// in which case the request is aborted and nothing is delivered. Any HTTP status is a
    /// successful Result; network, TLS, size, redirect and cancellation failures are Errors.
    RequestHandle send(const HttpRequest &request, QObject *context, Callback done);

    /// Plain HTTP may be used for @p httpsUrl's origin when its port turns out not to speak
    /// TLS (the handshake got a non-TLS answer or no TLS record at all); certificate errors
    /// never fall back. The choice is remembered for the session (plainHttpChosen()). For
    /// loopback registries addressed without a scheme, as docker does for insecure registries.
    void allowPlainHttpFallback(const QUrl &httpsUrl);
    /// Whether requests to @p url's https origin now go over plain HTTP.
    bool usesPlainHttp(const QUrl &url) const;

    /// Number of requests in flight, queued, or waiting for a token or a backoff (for tests
    /// and the status bar).
    int pendingCount() const;
    /// Requests of @p url's origin waiting for a slot.
    int queuedCount(const QUrl &url) const;
    /// Milliseconds until @p url's origin may start requests again after a 429 (0: now).
    qint64 coolDownRemainingMs(const QUrl &url) const;
    /// Network requests started since construction (for tests and benchmarks).
    qint64 attemptsStarted() const { return m_attemptsStarted; }

Q_SIGNALS:
    void activityChanged(int pending);
    /// @p httpsOrigin (https://host:port) does not speak TLS; requests to it use plain HTTP.
    void plainHttpChosen(const QUrl &httpsOrigin);

private:
    friend class HttpExchange;
    /// Queue position: lower priority value first, then first come (a re-queued request
    /// keeps its original sequence number).
    using QueueKey = std::pair<int, quint64>;
    /// The requests of one origin (or of its authentication lane).
    struct Lane
    {
        int running = 0;
        int runningLarge = 0;
        std::map<QueueKey, HttpExchange *> small;
        std::map<QueueKey, HttpExchange *> large;
        qint64 coolDownUntilMs = 0; ///< on m_clock
    };

    void enqueue(HttpExchange *exchange);
    /// Gives the exchange's slot back while it waits (token, backoff); enqueue() resumes it.
    void suspend(HttpExchange *exchange);
    /// The exchange is done: out of the queue, slot freed.
    void release(HttpExchange *exchange);
    void startQueued(const QString &lane);
    void scheduleStart(const QString &lane);
    void coolDown(const QString &lane, int ms);
    void wakeAfterCoolDown(const QString &lane, qint64 ms);
    /// Authentication rounds shared by every request of a lane that needs the same scope.
    QString authKey(const HttpExchange *exchange) const;
    bool isAuthenticating(const HttpExchange *exchange) const;
    void waitForAuthentication(HttpExchange *exchange);
    void authenticate(HttpExchange *exchange, const QList<QByteArray> &challenges);
    void finishAuthentication(const QString &key, const Result<Done> &result);
    void choosePlainHttp(const QString &httpsOrigin);

    QNetworkAccessManager *m_network;
    AuthProvider *m_auth = nullptr;
    RetryPolicy m_retry;
    int m_maxPerOrigin = 6;
    int m_maxRedirects = 10;
    int m_transferTimeoutMs = 60000;
    qint64 m_attemptsStarted = 0;
    QHash<QString, TlsSettings> m_tlsSettings;     ///< by lower-case host
    QHash<QString, QSslConfiguration> m_tlsConfig; ///< built from m_tlsSettings
    QHash<QString, Lane> m_lanes; ///< by origin; authentication lanes by "auth " + origin
    quint64 m_sequence = 0;
    int m_suspended = 0;
    QElapsedTimer m_clock;
    /// Requests waiting for the authentication of their (lane, scope); the first one asked
    /// the AuthProvider.
    QHash<QString, QList<QPointer<HttpExchange>>> m_authWaiters;
    QSet<QString> m_plainHttpAllowed; ///< https origins that may fall back to plain HTTP
    QSet<QString> m_plainHttpChosen;  ///< https origins that turned out to be plain HTTP
};

} // namespace ocular
