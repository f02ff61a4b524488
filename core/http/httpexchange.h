#pragma once

#include "http/httpclient.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QPointer>
#include <QSslError>
#include <memory>

class QFile;

namespace ocular {

/// One logical request in flight inside HttpClient: attempts, redirects, auth rounds and the
/// body cap. Internal to the http folder.
class HttpExchange : public QObject
{
    Q_OBJECT
public:
    HttpExchange(HttpClient *client, HttpRequest request, QObject *context,
                 HttpClient::Callback done);
    ~HttpExchange() override;

    /// Where the exchange stands in HttpClient's scheduler.
    enum class State
    {
        New,
        Queued,    ///< waiting for a slot
        Running,   ///< holds a slot
        Suspended, ///< waiting for a token or a backoff, without a slot
        Done,
    };

    /// The lane whose concurrency slot this exchange takes: its origin, or the origin's
    /// authentication lane for token requests.
    const QString &slotOrigin() const { return m_slotOrigin; }
    /// Called by HttpClient when a slot is free.
    void start();
    /// Aborts; delivers Cancelled asynchronously (never re-enters the caller).
    void cancel();

private:
    /// Stops listening to the reply in flight, aborts it if still running, and drops it.
    void discardReply();
    void startAttempt();
    void onReadyRead();
    void onFinished();
    void handleResponse(int status);
    void handleNetworkError(QNetworkReply::NetworkError code, const QString &text);
    /// Handles a 401 (or insufficient-scope 403); false when it is the final answer.
    bool handleChallenge(const HttpResponse &response);
    /// The https port answered something that is not TLS (and plain HTTP may be tried).
    bool portSpeaksNoTls(QNetworkReply::NetworkError code, const QString &text) const;
    bool followRedirect(int status);
    void retryLater(int delayMs);
    void finish(Result<HttpResponse> result);
    void deliver(Result<HttpResponse> result);
    QNetworkRequest buildRequest() const;
    HttpResponse collectResponse(int status) const;

    friend class HttpClient;

    HttpClient *m_client;
    HttpRequest m_request;
    QPointer<QObject> m_context;
    HttpClient::Callback m_done;
    QString m_slotOrigin;

    QUrl m_url;          ///< current target (changes on redirects)
    QByteArray m_method; ///< current method (303 turns it into GET)
    QPointer<QNetworkReply> m_reply;
    QByteArray m_body;
    std::unique_ptr<QFile> m_sink;
    qint64 m_received = 0;
    int m_attempt = 0;
    int m_redirects = 0;
    int m_authRounds = 0;
    QByteArray m_sentAuthorization; ///< the Authorization header of the current attempt
    int m_challengeStatus = 0;      ///< status of the response that asked for credentials
    State m_state = State::New;
    quint64 m_sequence = 0;   ///< queue position, kept when the exchange queues again
    bool m_encrypted = false; ///< the current attempt completed a TLS handshake
    bool m_tooLarge = false;
    bool m_errorBodyCut = false; ///< an error body hit its cap; the response is still used
    bool m_cancelled = false;
    bool m_finished = false;
    bool m_started = false;
    QList<QSslError> m_sslErrors;
};

} // namespace ocular
