#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

class QTcpSocket;

namespace ocular::test {

/// A small HTTP/1.1 server on 127.0.0.1 for tests: every request goes to a handler that returns
/// the reply, and is recorded (method, target, headers, body) so a test can assert what a
/// client sent — e.g. that no Authorization header reached it. Optionally serves HTTPS with a
/// given certificate. One request per connection (it answers with `Connection: close`).
class LoopbackHttpServer : public QObject
{
    Q_OBJECT
public:
    /// One request as received.
    struct Request
    {
        QByteArray method;
        QByteArray target; ///< path and query as sent
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;

        /// First header with this name (case-insensitive), empty when absent.
        QByteArray header(QByteArrayView name) const;
        bool hasHeader(QByteArrayView name) const;
        QString path() const;
        /// The decoded query (for `QUrlQuery`).
        QUrl url() const;
    };
    /// What the handler answers.
    struct Reply
    {
        int status = 200;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
    };
    using Handler = std::function<Reply(const Request &)>;

    explicit LoopbackHttpServer(Handler handler, QObject *parent = nullptr);
    ~LoopbackHttpServer() override;

    /// Plain HTTP on a free port; false when listening fails.
    bool listen();
    /// HTTPS with this PEM certificate and key.
    bool listenTls(const QString &certFile, const QString &keyFile);
    /// Before listenTls(): refuse TLS clients without a certificate issued by this CA (mTLS).
    void requireClientCertificate(const QString &caFile);
    /// Common names of the client certificates of requests served so far.
    QStringList peerCertificateNames() const { return m_peerNames; }

    int port() const;
    /// `http://127.0.0.1:<port>` (https when TLS).
    QString baseUrl() const;
    QList<Request> requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }
    void setHandler(Handler handler) { m_handler = std::move(handler); }

private:
    class Listener;
    void serve(QTcpSocket *socket);
    void onReadable(QTcpSocket *socket);

    Handler m_handler;
    Listener *m_listener = nullptr;
    bool m_tls = false;
    QList<Request> m_requests;
    QStringList m_peerNames;
};

} // namespace ocular::test
