#include "httpexchange.h"

#include "http/authprovider.h"
#include "http/filewindow.h"
#include "http/originpolicy.h"

#include <QDateTime>
#include <QFile>
#include <QNetworkAccessManager>
#include <QThread>
#include <QTimer>

namespace ocular {

namespace {

// Error bodies are read for their message only (PROTOCOL §8).
constexpr qint64 ErrorBodyCap = 64 * 1024;

Error networkError(QNetworkReply::NetworkError code, const QString &url, const QString &text)
{
    Error e;
    e.kind = ErrorKind::Network;
    switch (code) {
    case QNetworkReply::ConnectionRefusedError:
        e.message = QStringLiteral("Could not connect to %1: connection refused.").arg(url);
        break;
    case QNetworkReply::HostNotFoundError:
        e.message = QStringLiteral("Could not connect to %1: host not found.").arg(url);
        break;
    case QNetworkReply::RemoteHostClosedError:
        e.message = QStringLiteral("%1 closed the connection unexpectedly.").arg(url);
        e.retryable = true;
        break;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        e.message = QStringLiteral("%1 did not answer in time.").arg(url);
        e.retryable = true;
        break;
    case QNetworkReply::SslHandshakeFailedError:
        e.kind = ErrorKind::Tls;
        e.message = QStringLiteral("TLS handshake with %1 failed.").arg(url);
        break;
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionClosedError:
        e.message = QStringLiteral("Network failure talking to %1.").arg(url);
        e.retryable = true;
        break;
    default:
        e.message = QStringLiteral("Request to %1 failed: %2").arg(url, text.left(200));
        e.retryable = code >= QNetworkReply::UnknownNetworkError &&
                      code < QNetworkReply::ProxyConnectionRefusedError;
        break;
    }
    return e;
}

QString describeSslErrors(const QList<QSslError> &errors)
{
    QStringList reasons;
    for (const QSslError &error : errors) {
        switch (error.error()) {
        case QSslError::CertificateExpired:
            reasons << QStringLiteral("the certificate has expired");
            break;
        case QSslError::CertificateNotYetValid:
            reasons << QStringLiteral("the certificate is not valid yet");
            break;
        case QSslError::HostNameMismatch:
            reasons << QStringLiteral("the certificate was issued for another host name");
            break;
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::UnableToGetIssuerCertificate:
            reasons << QStringLiteral("the certificate's issuer is not trusted");
            break;
        default:
            reasons << error.errorString();
            break;
        }
    }
    reasons.removeDuplicates();
    return reasons.join(QStringLiteral("; "));
}

// OpenSSL's reasons for a handshake whose first answer was not a TLS record: the port speaks
// plain HTTP (or something else), it is not a certificate problem.
bool isNonTlsAnswer(const QString &text)
{
    static const char *const reasons[] = {"wrong version number", "packet length too long",
                                          "unknown protocol",     "http request",
                                          "record layer failure", "unexpected eof"};
    const QString lower = text.toLower();
    for (const char *reason : reasons) {
        if (lower.contains(QLatin1String(reason)))
            return true;
    }
    return false;
}

// URLs in messages lose their query: signed storage URLs carry credentials there.
QString displayUrl(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo).toString();
}

} // namespace

HttpExchange::HttpExchange(HttpClient *client, HttpRequest request, QObject *context,
                           HttpClient::Callback done)
    : QObject(client)
    , m_client(client)
    , m_request(std::move(request))
    , m_context(context)
    , m_done(std::move(done))
    , m_slotOrigin((m_request.authentication ? QStringLiteral("auth ") : QString()) +
                   originpolicy::origin(m_request.url))
    , m_url(m_request.url)
    , m_method(m_request.method)
{
    if (context) {
        // The caller is gone: stop the network work and deliver nothing.
        connect(context, &QObject::destroyed, this, [this] {
            m_done = nullptr;
            cancel();
        });
    }
}

HttpExchange::~HttpExchange()
{
    discardReply();
}

void HttpExchange::discardReply()
{
    if (!m_reply)
        return;
    m_reply->disconnect(this);
    // Aborting a reply that already finished, or that already failed and only waits for its
    // finished signal (Qt reports the error and the end separately: a cancel can fall between
    // them), makes Qt report a second error ("QNetworkReplyImplPrivate::error: Internal
    // problem"). Such a reply stops by itself; deleting it is enough.
    if (m_reply->isRunning() && m_reply->error() == QNetworkReply::NoError)
        m_reply->abort();
    m_reply->deleteLater();
    m_reply = nullptr;
}

void HttpExchange::start()
{
    m_started = true;
    // A first attempt would only collect the challenge another request of the same scope is
    // already answering: wait for its token instead.
    if (m_attempt == 0 && m_client->m_auth && !m_request.skipAuthProvider &&
        m_client->isAuthenticating(this)) {
        m_client->waitForAuthentication(this);
        return;
    }
    startAttempt();
}

void HttpExchange::cancel()
{
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
    discardReply();
    QMetaObject::invokeMethod(
        this, [this] { finish(Error::cancelled()); }, Qt::QueuedConnection);
}

QNetworkRequest HttpExchange::buildRequest() const
{
    QNetworkRequest request(m_url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_client->m_transferTimeoutMs);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Ocular/0.1"));
    // Qt's own connection pool queues by priority too (six connections per host).
    if (m_request.authentication || m_request.priority == RequestPriority::Interactive)
        request.setPriority(QNetworkRequest::HighPriority);
    else if (m_request.priority >= RequestPriority::Background)
        request.setPriority(QNetworkRequest::LowPriority);
    if (const auto tls = m_client->m_tlsConfig.constFind(m_url.host().toLower());
        tls != m_client->m_tlsConfig.constEnd())
        request.setSslConfiguration(*tls);
    bool hasAuthorization = false;
    for (const auto &header : m_request.headers) {
        if (header.first.compare("Authorization", Qt::CaseInsensitive) == 0)
            hasAuthorization = true;
        request.setRawHeader(header.first, header.second);
    }
    // Credentials only ever go to the origin the caller addressed, never to a redirect target.
    const bool sameOrigin = originpolicy::sameOrigin(m_url, m_request.url);
    if (!sameOrigin && hasAuthorization)
        request.setRawHeader("Authorization", QByteArray());
    if (sameOrigin && !hasAuthorization && m_client->m_auth && !m_request.skipAuthProvider) {
        const QByteArray authorization = m_client->m_auth->authorization(m_url, m_request.scope);
        if (!authorization.isEmpty())
            request.setRawHeader("Authorization", authorization);
    }
    return request;
}

void HttpExchange::startAttempt()
{
    if (m_cancelled || m_finished)
        return;
    ++m_attempt;
    ++m_client->m_attemptsStarted;
    m_body.clear();
    m_received = 0;
    m_tooLarge = false;
    m_errorBodyCut = false;
    m_sslErrors.clear();
    m_encrypted = false;
    if (m_client->usesPlainHttp(m_url)) {
        // This port turned out to speak plain HTTP (allowPlainHttpFallback).
        if (originpolicy::sameOrigin(m_url, m_request.url))
            m_request.url.setScheme(QStringLiteral("http"));
        m_url.setScheme(QStringLiteral("http"));
    }
    if (!m_request.sinkFile.isEmpty()) {
        m_sink = std::make_unique<QFile>(m_request.sinkFile);
        if (!m_sink->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            finish(Error::make(ErrorKind::InvalidInput,
                               QStringLiteral("Cannot write %1: %2")
                                   .arg(m_request.sinkFile, m_sink->errorString())));
            return;
        }
    }
    QNetworkRequest request = buildRequest();
    m_sentAuthorization = request.rawHeader("Authorization");
    QNetworkAccessManager *network = m_client->m_network;
    const bool sendsBody = m_method == "PUT" || m_method == "POST" || m_method == "PATCH";
    if (!m_request.bodyFile.isEmpty()) {
        auto *window =
            new FileWindow(m_request.bodyFile, m_request.bodyOffset, m_request.bodyLength);
        if (!window->open(QIODevice::ReadOnly)) {
            const QString why = window->errorString();
            delete window;
            finish(Error::make(ErrorKind::InvalidInput,
                               QStringLiteral("Cannot read %1: %2").arg(m_request.bodyFile, why)));
            return;
        }
        request.setHeader(QNetworkRequest::ContentLengthHeader, m_request.bodyLength);
        m_reply = network->sendCustomRequest(request, m_method, window);
        window->setParent(m_reply); // lives exactly as long as the reply reading it
    } else if (m_method == "GET")
        m_reply = network->get(request);
    else if (m_method == "HEAD")
        m_reply = network->head(request);
    else if (m_method == "DELETE" && m_request.body.isEmpty())
        m_reply = network->deleteResource(request);
    else if (sendsBody || !m_request.body.isEmpty())
        m_reply = network->sendCustomRequest(request, m_method, m_request.body);
    else
        m_reply = network->sendCustomRequest(request, m_method);

    if (m_request.uploadProgress)
        connect(m_reply, &QNetworkReply::uploadProgress, this,
                [this](qint64 sent, qint64) { m_request.uploadProgress(sent); });
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpExchange::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &HttpExchange::onFinished);
    connect(m_reply, &QNetworkReply::sslErrors, this,
            [this](const QList<QSslError> &errors) { m_sslErrors = errors; });
    connect(m_reply, &QNetworkReply::encrypted, this, [this] { m_encrypted = true; });
}

void HttpExchange::onReadyRead()
{
    if (!m_reply || m_tooLarge || m_errorBodyCut)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // Error bodies are only read for their message: a huge one is cut, not fatal, so the user
    // sees the registry's status (404, 500...) instead of "too large". They never go to a sink.
    const bool errorBody = status >= 300;
    const qint64 cap =
        errorBody ? qMin(m_request.maxResponseBytes, ErrorBodyCap) : m_request.maxResponseBytes;
    // Read in bounded pieces; the server's Content-Length is never trusted for allocation.
    while (m_reply->bytesAvailable() > 0) {
        const QByteArray chunk = m_reply->read(qMin<qint64>(m_reply->bytesAvailable(), 1 << 20));
        m_received += chunk.size();
        if (m_received > cap) {
            if (errorBody) {
                m_body.append(chunk.left(cap - m_body.size()));
                m_errorBodyCut = true;
            } else {
                m_tooLarge = true;
            }
            // May finish (and delete) this exchange synchronously. A reply that already
            // failed finishes by itself (aborting it would report a second error).
            if (m_reply->error() == QNetworkReply::NoError)
                m_reply->abort();
            return;
        }
        if (m_sink && !errorBody)
            m_sink->write(chunk);
        else
            m_body.append(chunk);
    }
}

void HttpExchange::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    if (!m_tooLarge && !m_errorBodyCut)
        onReadyRead();
    reply->deleteLater();
    m_reply = nullptr;
    if (m_sink)
        m_sink->close();

    if (m_tooLarge) {
        finish(Error::make(ErrorKind::TooLarge,
                           QStringLiteral("The response from %1 exceeds the %2 KiB limit.")
                               .arg(displayUrl(m_url))
                               .arg(m_request.maxResponseBytes / 1024)));
        return;
    }
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QNetworkReply::NetworkError code = reply->error();
    // An HTTP status with a transport error after it (reset mid-body) is a network failure,
    // unless we cut an error body short ourselves.
    const bool transportFailed = code != QNetworkReply::NoError && code < 200 && !m_errorBodyCut;
    if (statusAttribute.isValid() && !transportFailed) {
        // Keep the reply alive until headers are read. handleResponse may start the next
        // attempt (redirect, auth) and set m_reply to it: only clear our own.
        // The callback may also destroy the client and this exchange with it.
        QPointer<HttpExchange> self(this);
        m_reply = reply;
        handleResponse(statusAttribute.toInt());
        if (self && m_reply == reply)
            m_reply = nullptr;
        return;
    }
    handleNetworkError(code, reply->errorString());
}

HttpResponse HttpExchange::collectResponse(int status) const
{
    HttpResponse response;
    response.status = status;
    response.url = m_url;
    response.attempts = m_attempt;
    response.body = m_body;
    if (m_reply) {
        for (const auto &pair : m_reply->rawHeaderPairs())
            response.headers.append(pair);
    }
    return response;
}

void HttpExchange::handleResponse(int status)
{
    if (status >= 300 && status < 400 && status != 304) {
        if (followRedirect(status))
            return;
    }
    HttpResponse response = collectResponse(status);

    if ((status == 401 || status == 403) && m_client->m_auth && !m_request.skipAuthProvider &&
        m_authRounds < 2 && originpolicy::sameOrigin(m_url, m_request.url) &&
        handleChallenge(response))
        return;

    const RetryPolicy &retry = m_client->m_retry;
    const int retryAfter =
        RetryPolicy::retryAfterMs(response.header("Retry-After"), QDateTime::currentDateTimeUtc());
    if (status == 429) {
        // The whole origin pauses, not only this request: the others would hit the same limit.
        // A Retry-After beyond what we wait for still pauses the origin for a while.
        const int pause = retryAfter < 0                       ? retry.backoffMs(m_attempt + 1)
                          : retryAfter > retry.maxRetryAfterMs ? retry.maxDelayMs
                                                               : retryAfter;
        m_client->coolDown(m_slotOrigin, pause);
    }
    if (RetryPolicy::isRetryableStatus(status) && m_request.idempotent() &&
        m_attempt < retry.maxAttempts) {
        int delay = retry.backoffMs(m_attempt + 1);
        if (retryAfter >= 0) {
            if (retryAfter > retry.maxRetryAfterMs) {
                finish(response);
                return;
            }
            delay = qMax(delay, retryAfter);
        }
        retryLater(delay);
        return;
    }
    finish(response);
}

bool HttpExchange::handleChallenge(const HttpResponse &response)
{
    const QList<QByteArray> challenges = response.headerValues("WWW-Authenticate");
    const bool insufficientScope =
        std::any_of(challenges.begin(), challenges.end(),
                    [](const QByteArray &c) { return c.contains("insufficient_scope"); });
    if (challenges.isEmpty() || (response.status != 401 && !insufficientScope))
        return false;
    // A first 401 asks for credentials. A second round lets the provider re-ask with the
    // challenged scope, or say that what it sent was rejected; never more (no loops).
    ++m_authRounds;
    m_challengeStatus = response.status;
    // Another request already obtained newer credentials than the refused ones (a token
    // rejected mid-burst is renewed once per scope, not once per request): use them.
    const QByteArray current = m_client->m_auth->authorization(m_url, m_request.scope);
    if (!current.isEmpty() && current != m_sentAuthorization) {
        startAttempt();
        return true;
    }
    // Without a slot while the token is fetched: the token request may need one of this
    // origin's connections, and other requests can proceed meanwhile.
    if (m_client->isAuthenticating(this))
        m_client->waitForAuthentication(this);
    else
        m_client->authenticate(this, challenges);
    return true;
}

bool HttpExchange::followRedirect(int status)
{
    const QByteArray location = m_reply->rawHeader("Location");
    if (location.isEmpty())
        return false;
    const QUrl target = m_url.resolved(QUrl(QString::fromUtf8(location)));
    QString refusal = originpolicy::redirectRefusal(m_url, target);
    const bool resendsBody = status == 307 || status == 308;
    if (refusal.isEmpty() && m_request.secretBody && resendsBody &&
        !originpolicy::sameOrigin(target, m_request.url))
        refusal = QStringLiteral("it would send a secret to another host");
    if (refusal.isEmpty() && m_redirects >= m_client->m_maxRedirects)
        refusal = QStringLiteral("more than %1 redirects (a redirect loop?)")
                      .arg(m_client->m_maxRedirects);
    if (!refusal.isEmpty()) {
        Error error = Error::make(ErrorKind::Refused,
                                  QStringLiteral("Refused to follow a redirect from %1: %2.")
                                      .arg(displayUrl(m_url), refusal),
                                  status);
        finish(error);
        return true;
    }
    ++m_redirects;
    if (status == 303 || ((status == 301 || status == 302) && m_method == "POST"))
        m_method = m_method == "HEAD" ? QByteArray("HEAD") : QByteArray("GET");
    m_url = target;
    startAttempt();
    return true;
}

bool HttpExchange::portSpeaksNoTls(QNetworkReply::NetworkError code, const QString &text) const
{
    if (m_url.scheme() != QLatin1String("https") ||
        !m_client->m_plainHttpAllowed.contains(originpolicy::origin(m_url)))
        return false;
    // A certificate problem, or anything after a completed handshake, is a TLS failure: it
    // must never quietly become plain HTTP.
    if (m_encrypted || !m_sslErrors.isEmpty())
        return false;
    if (code == QNetworkReply::RemoteHostClosedError)
        return true; // closed before any TLS record came back
    return code == QNetworkReply::SslHandshakeFailedError && isNonTlsAnswer(text);
}

void HttpExchange::handleNetworkError(QNetworkReply::NetworkError code, const QString &text)
{
    if (portSpeaksNoTls(code, text)) {
        m_client->choosePlainHttp(originpolicy::origin(m_url));
        --m_attempt; // not a retry: the same request, now over plain HTTP
        startAttempt();
        return;
    }
    Error error = networkError(code, displayUrl(m_url), text);
    if (code == QNetworkReply::SslHandshakeFailedError || !m_sslErrors.isEmpty()) {
        error.kind = ErrorKind::Tls;
        error.retryable = false;
        const QString why = describeSslErrors(m_sslErrors);
        error.message =
            why.isEmpty()
                ? QStringLiteral("TLS connection to %1 failed.").arg(displayUrl(m_url))
                : QStringLiteral("TLS connection to %1 failed: %2.").arg(displayUrl(m_url), why);
    }
    if (error.retryable && m_request.idempotent() && m_attempt < m_client->m_retry.maxAttempts) {
        retryLater(m_client->m_retry.backoffMs(m_attempt + 1));
        return;
    }
    finish(error);
}

void HttpExchange::retryLater(int delayMs)
{
    // The slot is free while we wait; the exchange queues again (keeping its place) after.
    m_client->suspend(this);
    QTimer::singleShot(delayMs, this, [this] {
        if (m_state == State::Suspended && !m_cancelled && !m_finished)
            m_client->enqueue(this);
    });
}

void HttpExchange::finish(Result<HttpResponse> result)
{
    if (m_finished)
        return;
    m_finished = true;
    discardReply();
    m_client->release(this);
    // The callback may destroy the HttpClient, and with it this exchange.
    QPointer<HttpExchange> self(this);
    deliver(std::move(result));
    if (self)
        deleteLater();
}

void HttpExchange::deliver(Result<HttpResponse> result)
{
    auto done = std::move(m_done);
    m_done = nullptr;
    if (!done || !m_context)
        return;
    if (m_context->thread() == QThread::currentThread()) {
        done(result);
        return;
    }
    QMetaObject::invokeMethod(
        m_context.data(), [done, result] { done(result); }, Qt::QueuedConnection);
}

} // namespace ocular
