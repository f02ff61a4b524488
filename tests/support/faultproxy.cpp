#include "faultproxy.h"

#include "httpstatus.h"
#include "rawhttprequest.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>
#include <sys/socket.h>

namespace ocular::test {

namespace {

constexpr qint64 StreamChunk = 64 * 1024;

bool sameName(const QByteArray &a, const char *b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

// Hop-by-hop headers the proxy manages itself.
bool isHopByHop(const QByteArray &name)
{
    return sameName(name, "Connection") || sameName(name, "Keep-Alive") ||
           sameName(name, "Transfer-Encoding") || sameName(name, "Proxy-Connection") ||
           sameName(name, "Upgrade") || sameName(name, "TE") || sameName(name, "HTTP2-Settings");
}

} // namespace

FaultProxy::FaultProxy(const QUrl &upstream, QObject *parent)
    : QObject(parent)
    , m_upstream(upstream)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &FaultProxy::onNewConnection);
}

FaultProxy::~FaultProxy()
{
    // A socket closing while the server is torn down emits disconnected, and its handlers call
    // back into this proxy; by QObject's destructor this is no longer a FaultProxy.
    for (QTcpSocket *socket : m_server->findChildren<QTcpSocket *>())
        QObject::disconnect(socket, nullptr, nullptr, nullptr);
    delete m_server;
}

bool FaultProxy::listen()
{
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        m_error = m_server->errorString();
        return false;
    }
    return true;
}

QUrl FaultProxy::baseUrl() const
{
    return QUrl(QStringLiteral("http://") + hostPort());
}

QString FaultProxy::hostPort() const
{
    return QStringLiteral("127.0.0.1:%1").arg(m_server->serverPort());
}

void FaultProxy::addRoute(const QString &pathPattern, const QUrl &upstream)
{
    m_routes.append({QRegularExpression(pathPattern), upstream});
}

int FaultProxy::addRule(const Rule &rule)
{
    m_rules.append(rule);
    m_hits.append(0);
    return int(m_rules.size()) - 1;
}

void FaultProxy::clearRules()
{
    m_rules.clear();
    m_hits.clear();
    m_requests.clear();
    m_bytesSent = 0;
}

int FaultProxy::hits(int rule) const
{
    return m_hits.value(rule);
}

int FaultProxy::countMatching(const QByteArray &method, const QString &pathPattern) const
{
    const QRegularExpression re(pathPattern);
    int count = 0;
    for (const QString &line : m_requests) {
        const qsizetype space = line.indexOf(QLatin1Char(' '));
        if (!method.isEmpty() && line.left(space) != QString::fromLatin1(method))
            continue;
        if (re.match(line.mid(space + 1)).hasMatch())
            ++count;
    }
    return count;
}

FaultProxy::Rule FaultProxy::rule(const QByteArray &method, const QString &pathPattern,
                                  Action action)
{
    Rule r;
    r.method = method;
    r.path = QRegularExpression(pathPattern);
    r.action = action;
    return r;
}

void FaultProxy::onNewConnection()
{
    while (QTcpSocket *client = m_server->nextPendingConnection()) {
        ++m_open;
        m_buffers.insert(client, QByteArray());
        connect(client, &QTcpSocket::readyRead, this, [this, client] { onClientData(client); });
        connect(client, &QTcpSocket::disconnected, this, [this, client] {
            m_buffers.remove(client);
            --m_open;
            client->deleteLater();
        });
    }
}

void FaultProxy::onClientData(QTcpSocket *client)
{
    auto buffer = m_buffers.find(client);
    if (buffer == m_buffers.end()) {
        client->readAll(); // one request per connection; ignore anything after it
        return;
    }
    buffer->append(client->readAll());
    if (RawHttpRequest::looksLikeTls(*buffer)) {
        m_buffers.erase(buffer);
        client->write(RawHttpRequest::notHttpAnswer());
        client->disconnectFromHost();
        return;
    }
    const auto raw = RawHttpRequest::parse(*buffer);
    if (!raw)
        return;
    const Request request{raw->method, raw->target, raw->headers, raw->body};
    m_buffers.erase(buffer);
    dispatch(client, request);
}

void FaultProxy::dispatch(QTcpSocket *client, const Request &request)
{
    m_requests.append(QString::fromLatin1(request.method + ' ' + request.target));
    const QString target = QString::fromLatin1(request.target);
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        const Rule &rule = m_rules.at(i);
        if (!rule.method.isEmpty() && rule.method != request.method)
            continue;
        if (!rule.path.match(target).hasMatch())
            continue;
        if (rule.times >= 0 && m_hits.at(i) >= rule.times)
            continue;
        if (!rule.headerName.isEmpty()) {
            const auto header = std::find_if(
                request.headers.begin(), request.headers.end(),
                [&rule](const auto &h) { return sameName(h.first, rule.headerName.constData()); });
            if (header == request.headers.end() || !header->second.contains(rule.headerContains))
                continue;
        }
        ++m_hits[i];
        const Rule copy = rule;
        if (copy.delayMs > 0) {
            QPointer<QTcpSocket> guard(client);
            QTimer::singleShot(copy.delayMs, client, [this, guard, request, copy] {
                if (guard)
                    applyRule(guard, request, copy);
            });
        } else {
            applyRule(client, request, copy);
        }
        return;
    }
    forward(client, request, [this, client, request](Response response) {
        sendResponse(client, request, std::move(response));
    });
}

void FaultProxy::applyRule(QTcpSocket *client, const Request &request, Rule rule)
{
    switch (rule.action) {
    case Action::Pass:
    case Action::Delay:
        forward(client, request, [this, client, request](Response response) {
            sendResponse(client, request, std::move(response));
        });
        return;
    case Action::Respond: {
        Response response;
        response.status = rule.status;
        response.headers = rule.headers;
        response.body = rule.body;
        sendResponse(client, request, response);
        return;
    }
    case Action::Reset:
        resetConnection(client);
        return;
    case Action::RedirectToSelf: {
        Response response;
        response.status = 307;
        response.headers.append({"Location", request.target});
        sendResponse(client, request, response);
        return;
    }
    case Action::EndlessBody:
    case Action::HugeBody: {
        Response response;
        response.status = rule.status;
        response.headers = rule.headers;
        const qint64 total = rule.action == Action::HugeBody ? rule.bytes : -1;
        QByteArray extra = "Connection: close\r\n";
        if (total >= 0)
            extra += "Content-Length: " + QByteArray::number(total) + "\r\n";
        writeRaw(client, headerBlock(response, extra));
        if (rule.intervalMs > 0) {
            // Endless and slow: a few bytes per tick, for as long as the client listens.
            auto tick = std::make_shared<std::function<void()>>();
            QPointer<QTcpSocket> guard(client);
            const qint64 step = qMax<qint64>(1, rule.bytes);
            const int interval = rule.intervalMs;
            *tick = [this, guard, step, interval, weak = std::weak_ptr(tick)] {
                if (!guard || guard->state() != QAbstractSocket::ConnectedState)
                    return;
                writeRaw(guard, QByteArray(step, 'x'));
                if (auto again = weak.lock())
                    QTimer::singleShot(interval, guard, [again] { (*again)(); });
            };
            // The client socket owns the last reference through the pending timer's functor.
            QTimer::singleShot(interval, client, [tick] { (*tick)(); });
            return;
        }
        streamGenerated(client, total, rule.body);
        return;
    }
    case Action::UnterminatedChunked: {
        Response response;
        response.status = rule.status;
        response.headers = rule.headers;
        writeRaw(client, headerBlock(response, "Transfer-Encoding: chunked\r\n"));
        const QByteArray piece = rule.body.isEmpty() ? QByteArray("{\"tags\":[") : rule.body;
        writeRaw(client, QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n");
        client->disconnectFromHost();
        return;
    }
    case Action::DropMidBody:
    case Action::Truncate:
    case Action::Corrupt:
    case Action::SetHeaders:
    case Action::SlowDrip:
        break;
    }

    forward(client, request, [this, client, request, rule](Response response) {
        switch (rule.action) {
        case Action::DropMidBody: {
            const qint64 keep = rule.bytes > 0 ? rule.bytes : response.body.size() / 2;
            sendResponse(client, request, response, keep);
            return;
        }
        case Action::Truncate:
            response.body.truncate(rule.bytes > 0 ? rule.bytes : response.body.size() / 2);
            sendResponse(client, request, response);
            return;
        case Action::Corrupt: {
            QByteArray &body = response.body;
            const qsizetype at = body.indexOf("sha256:");
            if (at >= 0 && at + 12 < body.size()) {
                char &c = body[at + 12];
                c = c == '0' ? '1' : '0';
            } else if (!body.isEmpty()) {
                body[body.size() / 2] = char(body.at(body.size() / 2) ^ 0x01);
            }
            sendResponse(client, request, response);
            return;
        }
        case Action::SetHeaders:
            for (const auto &header : rule.headers) {
                response.headers.removeIf([&](const QPair<QByteArray, QByteArray> &existing) {
                    return existing.first.compare(header.first, Qt::CaseInsensitive) == 0;
                });
                if (!header.second.isEmpty())
                    response.headers.append(header);
            }
            sendResponse(client, request, response);
            return;
        case Action::SlowDrip: {
            const QByteArray body = response.body;
            sendResponse(client, request, response, 0, false);
            drip(client, body, qMax<qint64>(1, rule.bytes), qMax(1, rule.intervalMs));
            return;
        }
        default:
            sendResponse(client, request, response);
            return;
        }
    });
}

void FaultProxy::forward(QTcpSocket *client, const Request &request,
                         std::function<void(Response)> then)
{
    // Child of the client: if the client goes away, the upstream exchange goes with it.
    auto *upstream = new QTcpSocket(client);
    auto received = std::make_shared<QByteArray>();
    auto delivered = std::make_shared<bool>(false);
    auto complete = [upstream, received, delivered, then](bool failed) {
        if (*delivered)
            return;
        *delivered = true;
        Response response;
        const qsizetype end = received->indexOf("\r\n\r\n");
        if (failed || end < 0) {
            response.status = 502;
            response.body = "upstream failed";
        } else {
            const QList<QByteArray> lines = received->left(end).split('\n');
            const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
            response.status = statusLine.value(1).toInt();
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines.at(i).trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon > 0)
                    response.headers.append(
                        {line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
            }
            response.body = received->mid(end + 4);
        }
        upstream->deleteLater();
        then(std::move(response));
    };
    connect(upstream, &QTcpSocket::connected, upstream, [upstream, request, this] {
        // HTTP/1.0 upstream: no chunking, the body ends where the connection ends.
        QByteArray head = request.method + ' ' + request.target + " HTTP/1.0\r\n";
        for (const auto &header : request.headers) {
            if (isHopByHop(header.first) || sameName(header.first, "Accept-Encoding") ||
                sameName(header.first, "Content-Length"))
                continue;
            head += header.first + ": " + header.second + "\r\n";
        }
        if (!request.body.isEmpty() || request.method == "PUT" || request.method == "POST" ||
            request.method == "PATCH")
            head += "Content-Length: " + QByteArray::number(request.body.size()) + "\r\n";
        head += "Connection: close\r\n\r\n";
        upstream->write(head + request.body);
        Q_UNUSED(this);
    });
    connect(upstream, &QTcpSocket::readyRead, upstream,
            [upstream, received] { received->append(upstream->readAll()); });
    connect(upstream, &QTcpSocket::disconnected, upstream, [upstream, received, complete] {
        received->append(upstream->readAll());
        complete(false);
    });
    connect(upstream, &QTcpSocket::errorOccurred, upstream,
            [complete](QAbstractSocket::SocketError error) {
                if (error != QAbstractSocket::RemoteHostClosedError)
                    complete(true);
            });
    QUrl target = m_upstream;
    const QString path = QString::fromLatin1(request.target);
    for (const auto &route : m_routes) {
        if (route.first.match(path).hasMatch()) {
            target = route.second;
            break;
        }
    }
    upstream->connectToHost(target.host(), quint16(target.port(80)));
}

QByteArray FaultProxy::headerBlock(const Response &response, const QByteArray &extra)
{
    QByteArray block =
        "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
        (response.reason.isEmpty() ? httpstatus::reasonPhrase(response.status) : response.reason) +
        "\r\n";
    for (const auto &header : response.headers) {
        if (isHopByHop(header.first))
            continue;
        block += header.first + ": " + header.second + "\r\n";
    }
    return block + extra + "\r\n";
}

void FaultProxy::sendResponse(QTcpSocket *client, const Request &request, Response response,
                              qint64 bodyBytes, bool close)
{
    const bool head = request.method == "HEAD";
    QByteArray extra = "Connection: close\r\n";
    if (!head) {
        // The declared length is always the full body's, so a short write is a cut-off body.
        response.headers.removeIf([](const QPair<QByteArray, QByteArray> &header) {
            return sameName(header.first, "Content-Length");
        });
        extra += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    }
    QByteArray bytes = headerBlock(response, extra);
    if (!head)
        bytes += bodyBytes >= 0 ? response.body.left(bodyBytes) : response.body;
    writeRaw(client, bytes);
    if (close)
        client->disconnectFromHost();
}

void FaultProxy::writeRaw(QTcpSocket *client, const QByteArray &bytes)
{
    if (client->state() != QAbstractSocket::ConnectedState)
        return;
    m_bytesSent += bytes.size();
    client->write(bytes);
}

void FaultProxy::streamGenerated(QTcpSocket *client, qint64 total, const QByteArray &prefix)
{
    auto sent = std::make_shared<qint64>(0);
    QByteArray first = prefix;
    if (total >= 0)
        first.truncate(total);
    writeRaw(client, first);
    *sent = first.size();
    auto pump = [this, client, total, sent] {
        // Keep a bounded amount queued; refill as the client drains it.
        while (client->state() == QAbstractSocket::ConnectedState &&
               client->bytesToWrite() < 4 * StreamChunk && (total < 0 || *sent < total)) {
            const qint64 n = total < 0 ? StreamChunk : qMin(StreamChunk, total - *sent);
            writeRaw(client, QByteArray(n, 'x'));
            *sent += n;
        }
        if (total >= 0 && *sent >= total)
            client->disconnectFromHost();
    };
    connect(client, &QTcpSocket::bytesWritten, client, pump);
    pump();
}

void FaultProxy::drip(QTcpSocket *client, QByteArray rest, qint64 step, int intervalMs)
{
    QPointer<QTcpSocket> guard(client);
    QTimer::singleShot(intervalMs, client, [this, guard, rest, step, intervalMs] {
        if (!guard || guard->state() != QAbstractSocket::ConnectedState)
            return;
        writeRaw(guard, rest.left(step));
        if (rest.size() <= step) {
            guard->disconnectFromHost();
            return;
        }
        drip(guard, rest.mid(step), step, intervalMs);
    });
}

void FaultProxy::resetConnection(QTcpSocket *client)
{
    // SO_LINGER with a zero timeout makes close() send RST instead of FIN.
    const qintptr fd = client->socketDescriptor();
    if (fd >= 0) {
        struct linger option = {1, 0};
        ::setsockopt(int(fd), SOL_SOCKET, SO_LINGER, &option, sizeof option);
    }
    client->abort();
}

} // namespace ocular::test
