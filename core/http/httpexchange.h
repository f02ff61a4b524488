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

    /// The origin whose concurrency slot this exchange takes.
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
    bool followRedirect(int status);
    void retryLater(int delayMs);
    void finish(Result<HttpResponse> result);
    void deliver(Result<HttpResponse> result);
    QNetworkRequest buildRequest() const;
    HttpResponse collectResponse(int status) const;

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
    bool m_sentAuthorization = false; ///< the current attempt carried an Authorization header
    bool m_tooLarge = false;
    bool m_errorBodyCut = false; ///< an error body hit its cap; the response is still used
    bool m_cancelled = false;
    bool m_finished = false;
    bool m_started = false;
    QList<QSslError> m_sslErrors;
};

} // namespace ocular
