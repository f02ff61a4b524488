#pragma once

#include "base/result.h"
#include "http/httprequest.h"
#include "http/httpresponse.h"
#include "http/requesthandle.h"
#include "http/retrypolicy.h"
#include "http/tlssettings.h"

#include <QHash>
#include <QObject>
#include <QQueue>
#include <functional>

class QNetworkAccessManager;

namespace ocular {

class AuthProvider;
class HttpExchange;

/// The only gateway to the network. Follows redirects itself (credentials never cross
/// origins), retries idempotent requests with jittered backoff, caps bodies, answers 401
/// challenges through the AuthProvider, and bounds concurrency per origin.
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

    /// Number of requests in flight plus queued (for tests and the status bar).
    int pendingCount() const;
    /// Network requests started since construction (for tests and benchmarks).
    qint64 attemptsStarted() const { return m_attemptsStarted; }

Q_SIGNALS:
    void activityChanged(int pending);

private:
    friend class HttpExchange;
    void enqueue(HttpExchange *exchange);
    void release(HttpExchange *exchange);
    void startQueued(const QString &origin);

    QNetworkAccessManager *m_network;
    AuthProvider *m_auth = nullptr;
    RetryPolicy m_retry;
    int m_maxPerOrigin = 6;
    int m_maxRedirects = 10;
    int m_transferTimeoutMs = 60000;
    qint64 m_attemptsStarted = 0;
    QHash<QString, TlsSettings> m_tlsSettings;     ///< by lower-case host
    QHash<QString, QSslConfiguration> m_tlsConfig; ///< built from m_tlsSettings
    QHash<QString, int> m_running;
    QHash<QString, QQueue<HttpExchange *>> m_queued;
};

} // namespace ocular
