#include "loopbackhttpserver.h"

#include "httpstatus.h"
#include "rawhttprequest.h"

#include <QFile>
#include <QHostAddress>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>

namespace ocular::test {

namespace {

constexpr qsizetype MaxRequestBytes = 8 * 1024 * 1024;

} // namespace

class LoopbackHttpServer::Listener : public QTcpServer
{
public:
    explicit Listener(LoopbackHttpServer *owner)
        : QTcpServer(owner)
        , m_owner(owner)
    {}
    QSslCertificate certificate;
    QSslKey key;
    QList<QSslCertificate> clientCas;
    bool tls = false;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        if (!tls) {
            auto *socket = new QTcpSocket(this);
            socket->setSocketDescriptor(descriptor);
            m_owner->serve(socket);
            return;
        }
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setLocalCertificate(certificate);
        socket->setPrivateKey(key);
        if (clientCas.isEmpty()) {
            socket->setPeerVerifyMode(QSslSocket::VerifyNone);
        } else {
            QSslConfiguration config = socket->sslConfiguration();
            config.setCaCertificates(clientCas);
            config.setPeerVerifyMode(QSslSocket::VerifyPeer);
            socket->setSslConfiguration(config);
        }
        // A client that rejects our certificate just goes away.
        connect(socket, &QSslSocket::sslErrors, socket, [] {});
        m_owner->serve(socket);
        socket->startServerEncryption();
    }

private:
    LoopbackHttpServer *m_owner;
};

QByteArray LoopbackHttpServer::Request::header(QByteArrayView name) const
{
    for (const auto &pair : headers) {
        if (name.compare(pair.first, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

bool LoopbackHttpServer::Request::hasHeader(QByteArrayView name) const
{
    for (const auto &pair : headers) {
        if (name.compare(pair.first, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString LoopbackHttpServer::Request::path() const
{
    return url().path();
}

QUrl LoopbackHttpServer::Request::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1") + QString::fromLatin1(target));
}

LoopbackHttpServer::LoopbackHttpServer(Handler handler, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
    , m_listener(new Listener(this))
{}

LoopbackHttpServer::~LoopbackHttpServer() = default;

bool LoopbackHttpServer::listen()
{
    return m_listener->listen(QHostAddress::LocalHost, 0);
}

bool LoopbackHttpServer::listenTls(const QString &certFile, const QString &keyFile)
{
    QFile cert(certFile);
    QFile key(keyFile);
    if (!cert.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly))
        return false;
    m_listener->certificate = QSslCertificate(cert.readAll(), QSsl::Pem);
    const QByteArray keyPem = key.readAll();
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa}) {
        m_listener->key = QSslKey(keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!m_listener->key.isNull())
            break;
    }
    if (m_listener->certificate.isNull() || m_listener->key.isNull())
        return false;
    m_listener->tls = true;
    m_tls = true;
    return m_listener->listen(QHostAddress::LocalHost, 0);
}

void LoopbackHttpServer::requireClientCertificate(const QString &caFile)
{
    m_listener->clientCas = QSslCertificate::fromPath(caFile, QSsl::Pem);
}

int LoopbackHttpServer::port() const
{
    return m_listener->serverPort();
}

QString LoopbackHttpServer::baseUrl() const
{
    return (m_tls ? QStringLiteral("https://127.0.0.1:") : QStringLiteral("http://127.0.0.1:")) +
           QString::number(port());
}

void LoopbackHttpServer::serve(QTcpSocket *socket)
{
    socket->setProperty("ocularBuffer", QByteArray());
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadable(socket); });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
}

void LoopbackHttpServer::onReadable(QTcpSocket *socket)
{
    QByteArray buffer = socket->property("ocularBuffer").toByteArray() + socket->readAll();
    if (buffer.size() > MaxRequestBytes) {
        socket->abort();
        return;
    }
    socket->setProperty("ocularBuffer", buffer);
    if (!m_tls && RawHttpRequest::looksLikeTls(buffer)) {
        socket->write(RawHttpRequest::notHttpAnswer());
        socket->disconnectFromHost();
        return;
    }
    const auto raw = RawHttpRequest::parse(buffer);
    if (!raw)
        return; // head or body still arriving
    const Request request{raw->method, raw->target, raw->headers, raw->body};
    socket->setProperty("ocularBuffer", QByteArray());
    m_requests.append(request);
    if (auto *ssl = qobject_cast<QSslSocket *>(socket); ssl && !ssl->peerCertificate().isNull())
        m_peerNames << ssl->peerCertificate().subjectInfo(QSslCertificate::CommonName).value(0);

    const Reply reply = m_handler ? m_handler(request) : Reply{404, {}, {}};
    QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' +
                     httpstatus::reasonPhrase(reply.status) + "\r\n";
    bool hasType = false;
    for (const auto &header : reply.headers) {
        if (header.first.compare("content-type", Qt::CaseInsensitive) == 0)
            hasType = true;
        out += header.first + ": " + header.second + "\r\n";
    }
    if (!hasType)
        out += "Content-Type: application/json\r\n";
    out += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
    out += "Connection: close\r\n\r\n";
    if (request.method != "HEAD")
        out += reply.body;
    socket->write(out);
    socket->disconnectFromHost();
}

} // namespace ocular::test
