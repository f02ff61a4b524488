#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QRegularExpression>
#include <QStringList>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

namespace ocular::test {

/// A fake: a loopback HTTP/1.1 proxy placed in front of a real docker-registry that injects
/// the faults real registries produce only occasionally (resets, truncation, slow or endless
/// bodies, 429/5xx, lying headers, foreign links, redirect loops) on demand. Requests are
/// matched against rules (method + path regex, first match wins, optionally only the first
/// N times); unmatched requests are forwarded unchanged. Every response closes its
/// connection, so one connection is one request and open connections show work in flight.
class FaultProxy : public QObject
{
    Q_OBJECT
public:
    /// What to do with a matching request.
    enum class Action
    {
        Pass,                ///< forward unchanged (counts hits only)
        Delay,               ///< wait delayMs, then forward
        Respond,             ///< answer status/headers/body itself, never forwarding
        DropMidBody,         ///< forward; send headers and `bytes` body bytes, then close
        Reset,               ///< close the connection with a TCP reset, no response at all
        Truncate,            ///< forward; body cut to `bytes` with a matching Content-Length
        Corrupt,             ///< forward; change one hex digit of the body (same length)
        SetHeaders,          ///< forward; replace or add `headers` (empty value removes)
        SlowDrip,            ///< forward; send the body `bytes` bytes every intervalMs
        EndlessBody,         ///< answer `status` with a body that never ends (no length)
        HugeBody,            ///< answer `status` with a `bytes`-long body generated lazily
        UnterminatedChunked, ///< answer chunked, send some chunks, close without the last
        RedirectToSelf,      ///< answer 307 with Location pointing at the same URL
    };

    /// One scripted reaction.
    struct Rule
    {
        QByteArray method; ///< empty matches any method
        QRegularExpression path;
        Action action = Action::Pass;
        int times = -1; ///< how many matching requests it applies to; -1 = all
        int delayMs = 0;
        int status = 200;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        qint64 bytes = 0;
        int intervalMs = 0;
        /// When set, the rule only matches requests whose header of this name contains
        /// headerContains (e.g. a revoked token in Authorization).
        QByteArray headerName;
        QByteArray headerContains;
    };

    /// Forwards to @p upstream (scheme http, loopback).
    explicit FaultProxy(const QUrl &upstream, QObject *parent = nullptr);
    ~FaultProxy() override;

    /// Changes where unrouted requests go (a registry started after the proxy, because its
    /// configuration names the proxy's address).
    void setUpstream(const QUrl &upstream) { m_upstream = upstream; }
    /// Requests whose path and query match @p pathPattern go to @p upstream instead (plain
    /// HTTP, loopback): one origin in front of several servers, e.g. a registry with its token
    /// service under /token as Harbor and Quay have it.
    void addRoute(const QString &pathPattern, const QUrl &upstream);

    /// Listens on a free loopback port; false (with the reason in errorString()) on failure.
    bool listen();
    QString errorString() const { return m_error; }
    /// http://127.0.0.1:PORT
    QUrl baseUrl() const;
    /// 127.0.0.1:PORT
    QString hostPort() const;

    /// Adds a rule and returns its index (for hits()).
    int addRule(const Rule &rule);
    void clearRules();
    /// How many requests a rule has applied to.
    int hits(int rule) const;

    /// Every request seen since the last clearRules(), as "METHOD /path?query".
    QStringList requests() const { return m_requests; }
    int requestCount() const { return int(m_requests.size()); }
    /// How many of the requests seen match method and path regex.
    int countMatching(const QByteArray &method, const QString &pathPattern) const;
    /// Client connections currently open (requests in flight or not yet closed by the peer).
    int openConnections() const { return m_open; }
    /// Bytes written to clients since the last clearRules().
    qint64 bytesSent() const { return m_bytesSent; }

    /// A rule builder for the common case.
    static Rule rule(const QByteArray &method, const QString &pathPattern, Action action);

private:
    struct Request
    {
        QByteArray method;
        QByteArray target; ///< path and query as sent
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
    };
    struct Response
    {
        int status = 502;
        QByteArray reason;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
    };

    void onNewConnection();
    void onClientData(QTcpSocket *client);
    void dispatch(QTcpSocket *client, const Request &request);
    void applyRule(QTcpSocket *client, const Request &request, Rule rule);
    void forward(QTcpSocket *client, const Request &request, std::function<void(Response)> then);
    void sendResponse(QTcpSocket *client, const Request &request, Response response,
                      qint64 bodyBytes = -1, bool close = true);
    void writeRaw(QTcpSocket *client, const QByteArray &bytes);
    void streamGenerated(QTcpSocket *client, qint64 total, const QByteArray &prefix);
    void drip(QTcpSocket *client, QByteArray rest, qint64 step, int intervalMs);
    static void resetConnection(QTcpSocket *client);
    static QByteArray headerBlock(const Response &response, const QByteArray &extra);

    QUrl m_upstream;
    QList<QPair<QRegularExpression, QUrl>> m_routes;
    QTcpServer *m_server = nullptr;
    QString m_error;
    QList<Rule> m_rules;
    QList<int> m_hits;
    QStringList m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    int m_open = 0;
    qint64 m_bytesSent = 0;
};

} // namespace ocular::test
