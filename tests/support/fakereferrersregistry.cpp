#include "fakereferrersregistry.h"

#include "rawhttprequest.h"
#include "reference/manifestidentifier.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

namespace ocular::test {

namespace {

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    default:
        return "Status";
    }
}

QByteArray errorBody(const char *code, const char *message)
{
    return QByteArray(R"({"errors":[{"code":")") + code + R"(","message":")" + message + R"("}]})";
}

} // namespace

FakeReferrersRegistry::FakeReferrersRegistry(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &FakeReferrersRegistry::onConnection);
}

FakeReferrersRegistry::~FakeReferrersRegistry() = default;

bool FakeReferrersRegistry::start()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QString FakeReferrersRegistry::hostPort() const
{
    return QStringLiteral("127.0.0.1:%1").arg(m_server->serverPort());
}

QString FakeReferrersRegistry::addManifest(const QString &repository, const QByteArray &raw,
                                           const QString &tag)
{
    const QString digest =
        QStringLiteral("sha256:") +
        QString::fromLatin1(QCryptographicHash::hash(raw, QCryptographicHash::Sha256).toHex());
    if (!m_manifests[repository].contains(digest))
        m_order[repository].append(digest);
    m_manifests[repository].insert(digest, raw);
    if (!tag.isEmpty())
        m_tags[repository].insert(tag, digest);
    return digest;
}

void FakeReferrersRegistry::removeManifest(const QString &repository, const QString &digest)
{
    m_manifests[repository].remove(digest);
    m_order[repository].removeAll(digest);
    QMap<QString, QString> &tags = m_tags[repository];
    for (auto it = tags.begin(); it != tags.end();) {
        if (it.value() == digest)
            it = tags.erase(it);
        else
            ++it;
    }
}

void FakeReferrersRegistry::onConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void FakeReferrersRegistry::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    if (RawHttpRequest::looksLikeTls(buffer)) {
        m_buffers.remove(socket);
        socket->write(RawHttpRequest::notHttpAnswer());
        socket->disconnectFromHost();
        return;
    }
    for (;;) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray head = buffer.left(end);
        QList<QByteArray> lines = head.split('\n');
        const QList<QByteArray> requestLine = lines.takeFirst().trimmed().split(' ');
        if (requestLine.size() < 2) {
            socket->disconnectFromHost();
            return;
        }
        Request request;
        request.method = requestLine.at(0);
        request.target = requestLine.at(1);
        for (const QByteArray &line : lines) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                request.headers.insert(line.left(colon).trimmed().toLower(),
                                       line.mid(colon + 1).trimmed());
        }
        const qint64 length = request.headers.value("content-length").toLongLong();
        if (buffer.size() < end + 4 + length)
            return; // the body is still arriving
        request.body = buffer.mid(end + 4, length);
        buffer.remove(0, end + 4 + length);
        handle(socket, request);
    }
}

void FakeReferrersRegistry::reply(QTcpSocket *socket, bool head, int status,
                                  const QByteArray &contentType, const QByteArray &body,
                                  const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status) + "\r\n";
    out += "Content-Type: " + contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "Docker-Distribution-API-Version: registry/2.0\r\n";
    for (const auto &h : headers)
        out += h.first + ": " + h.second + "\r\n";
    out += "\r\n";
    if (!head)
        out += body;
    socket->write(out);
}

QByteArray FakeReferrersRegistry::referrersIndex(const QString &repository, const QString &subject,
                                                 const QString &artifactType, int offset,
                                                 int *total) const
{
    QJsonArray all;
    const QMap<QString, QByteArray> stored = m_manifests.value(repository);
    for (const QString &digest : m_order.value(repository)) {
        const QByteArray raw = stored.value(digest);
        const QJsonObject m = QJsonDocument::fromJson(raw).object();
        if (m.value(QLatin1String("subject"))
                .toObject()
                .value(QLatin1String("digest"))
                .toString() != subject)
            continue;
        QString type = m.value(QLatin1String("artifactType")).toString();
        if (type.isEmpty())
            type = m.value(QLatin1String("config"))
                       .toObject()
                       .value(QLatin1String("mediaType"))
                       .toString();
        if (!artifactType.isEmpty() && m_filtering && type != artifactType)
            continue;
        QJsonObject d{{QStringLiteral("mediaType"), m.value(QLatin1String("mediaType"))},
                      {QStringLiteral("digest"), digest},
                      {QStringLiteral("size"), raw.size()},
                      {QStringLiteral("artifactType"), type}};
        if (m.contains(QLatin1String("annotations")))
            d.insert(QStringLiteral("annotations"), m.value(QLatin1String("annotations")));
        all.append(d);
    }
    *total = int(all.size());
    QJsonArray page;
    const int end = m_pageSize > 0 ? qMin(int(all.size()), offset + m_pageSize) : int(all.size());
    for (int i = offset; i < end; ++i)
        page.append(all.at(i));
    return QJsonDocument(QJsonObject{{QStringLiteral("schemaVersion"), 2},
                                     {QStringLiteral("mediaType"),
                                      QStringLiteral("application/vnd.oci.image.index.v1+json")},
                                     {QStringLiteral("manifests"), page}})
        .toJson(QJsonDocument::Compact);
}

bool FakeReferrersRegistry::handleWrite(QTcpSocket *socket, const Request &request)
{
    const QUrl url(QString::fromLatin1(request.target));
    const QString rest = url.path().mid(4); // after "/v2/"
    const QByteArray &method = request.method;
    if (const qsizetype at = rest.lastIndexOf(QLatin1String("/blobs/uploads/")); at > 0) {
        const QString repository = rest.left(at);
        if (method == "POST") {
            const QByteArray location = "/v2/" + repository.toLatin1() + "/blobs/uploads/" +
                                        QByteArray::number(++m_uploads);
            reply(socket, false, 202, "text/plain", {}, {{"Location", location}});
            return true;
        }
        if (method == "PUT") {
            const QString digest = QUrlQuery(url).queryItemValue(QStringLiteral("digest"));
            const QString actual =
                QStringLiteral("sha256:") +
                QString::fromLatin1(
                    QCryptographicHash::hash(request.body, QCryptographicHash::Sha256).toHex());
            if (digest != actual) {
                reply(
                    socket, false, 400, "application/json",
                    errorBody("DIGEST_INVALID", "provided digest did not match uploaded content"));
                return true;
            }
            m_blobs[repository].insert(digest);
            reply(socket, false, 201, "text/plain", {},
                  {{"Docker-Content-Digest", digest.toLatin1()}});
            return true;
        }
        return false;
    }
    if (const qsizetype at = rest.lastIndexOf(QLatin1String("/blobs/"));
        at > 0 && method == "HEAD") {
        const QString repository = rest.left(at);
        const bool present = m_blobs.value(repository).contains(rest.mid(at + 7));
        reply(socket, true, present ? 200 : 404, "application/octet-stream", {});
        return true;
    }
    const qsizetype at = rest.lastIndexOf(QLatin1String("/manifests/"));
    if (at <= 0 || (method != "PUT" && method != "DELETE"))
        return false;
    const QString repository = rest.left(at);
    const QString ref = rest.mid(at + 11);
    if (method == "DELETE") {
        if (!ManifestIdentifier::isDigest(ref)) {
            reply(socket, false, 400, "application/json", errorBody("DIGEST_INVALID", "bad"));
            return true;
        }
        const bool known = m_manifests.value(repository).contains(ref);
        removeManifest(repository, ref);
        reply(socket, false, known ? 202 : 404, "application/json",
              known ? QByteArray() : errorBody("MANIFEST_UNKNOWN", "manifest unknown"));
        return true;
    }
    ++m_puts[repository + QLatin1Char(':') + ref];
    if (m_conditional && request.headers.contains("if-match")) {
        const QString current =
            ManifestIdentifier::isDigest(ref) ? ref : m_tags.value(repository).value(ref);
        if (request.headers.value("if-match") != '"' + current.toLatin1() + '"') {
            ++m_preconditionFailures;
            reply(socket, false, 412, "application/json",
                  errorBody("PRECONDITION_FAILED", "the manifest changed"));
            return true;
        }
    }
    const QString digest =
        addManifest(repository, request.body, ManifestIdentifier::isDigest(ref) ? QString() : ref);
    if (ManifestIdentifier::isDigest(ref) && digest != ref) {
        removeManifest(repository, digest);
        reply(socket, false, 400, "application/json", errorBody("DIGEST_INVALID", "mismatch"));
        return true;
    }
    QList<QPair<QByteArray, QByteArray>> headers{{"Docker-Content-Digest", digest.toLatin1()}};
    const QJsonObject subject =
        QJsonDocument::fromJson(request.body).object().value(QLatin1String("subject")).toObject();
    if (m_subjectHeader && m_apiMode == ApiMode::Supported && !subject.isEmpty())
        headers.append(
            {"OCI-Subject", subject.value(QLatin1String("digest")).toString().toLatin1()});
    reply(socket, false, 201, "text/plain", {}, headers);
    return true;
}

void FakeReferrersRegistry::handle(QTcpSocket *socket, const Request &request)
{
    const QByteArray &method = request.method;
    const QByteArray &target = request.target;
    if (handleWrite(socket, request))
        return;
    const bool head = method == "HEAD";
    if (qEnvironmentVariableIsSet("FAKE_DEBUG"))
        qDebug("fake: %s %s", method.constData(), target.constData());
    const QUrl url(QString::fromLatin1(target));
    const QString path = url.path();
    const QUrlQuery query(url);
    if (path == QLatin1String("/v2/") || path == QLatin1String("/v2")) {
        ++m_counts[QStringLiteral("ping")];
        return reply(socket, head, 200, "application/json", "{}");
    }
    if (path == QLatin1String("/v2/_catalog")) {
        ++m_counts[QStringLiteral("catalog")];
        QStringList names = m_manifests.keys();
        names.sort();
        return reply(socket, head, 200, "application/json",
                     QJsonDocument(QJsonObject{{QStringLiteral("repositories"),
                                                QJsonArray::fromStringList(names)}})
                         .toJson(QJsonDocument::Compact));
    }
    const QString rest = path.mid(4); // after "/v2/"
    for (const QLatin1String kind : {QLatin1String("/referrers/"), QLatin1String("/manifests/"),
                                     QLatin1String("/tags/list")}) {
        const qsizetype at = rest.lastIndexOf(kind);
        if (at <= 0)
            continue;
        const QString repository = rest.left(at);
        const QString ref = rest.mid(at + kind.size());
        const bool known = m_manifests.contains(repository);
        if (kind == QLatin1String("/tags/list")) {
            ++m_counts[QStringLiteral("tags")];
            if (!known)
                return reply(socket, head, 404, "application/json",
                             errorBody("NAME_UNKNOWN", "repository name not known to registry"));
            return reply(
                socket, head, 200, "application/json",
                QJsonDocument(QJsonObject{{QStringLiteral("name"), repository},
                                          {QStringLiteral("tags"),
                                           QJsonArray::fromStringList(m_tags[repository].keys())}})
                    .toJson(QJsonDocument::Compact));
        }
        if (kind == QLatin1String("/manifests/")) {
            ++m_counts[QStringLiteral("manifests")];
            QString digest = ref;
            if (!ManifestIdentifier::isDigest(ref))
                digest = m_tags.value(repository).value(ref);
            const QByteArray raw = m_manifests.value(repository).value(digest);
            if (raw.isEmpty())
                return reply(socket, head, 404, "application/json",
                             errorBody("MANIFEST_UNKNOWN", "manifest unknown"));
            const QByteArray type = QJsonDocument::fromJson(raw)
                                        .object()
                                        .value(QLatin1String("mediaType"))
                                        .toString()
                                        .toLatin1();
            QList<QPair<QByteArray, QByteArray>> headers{
                {"Docker-Content-Digest", digest.toLatin1()}};
            if (m_conditional)
                headers.append({"ETag", '"' + digest.toLatin1() + '"'});
            return reply(socket, head, 200, type, raw, headers);
        }
        // Referrers API.
        ++m_counts[QStringLiteral("referrers")];
        m_referrersQueries.append(url.query());
        switch (m_apiMode) {
        case ApiMode::NotFoundPlain:
            return reply(socket, head, 404, "text/plain; charset=utf-8", "404 page not found\n");
        case ApiMode::BadRequest:
            return reply(socket, head, 400, "application/json",
                         errorBody("UNSUPPORTED", "bad request"));
        case ApiMode::NotAllowed:
            return reply(socket, head, 405, "application/json",
                         errorBody("UNSUPPORTED", "The operation is unsupported."));
        case ApiMode::NotAcceptable:
            return reply(socket, head, 406, "text/plain", "not acceptable");
        case ApiMode::OkNotAnIndex:
            return reply(socket, head, 200, "text/html", "<html>welcome</html>");
        case ApiMode::Supported:
            break;
        }
        if (!known)
            return reply(socket, head, 404, "application/json",
                         errorBody("NAME_UNKNOWN", "repository name not known to registry"));
        if (m_referrersReplies.contains(ref)) {
            const Reply r = m_referrersReplies.value(ref);
            return reply(socket, head, r.status, r.contentType, r.body);
        }
        const QString artifactType =
            query.queryItemValue(QStringLiteral("artifactType"), QUrl::FullyDecoded);
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!artifactType.isEmpty() && m_filtering)
            headers.append(qMakePair(QByteArray("OCI-Filters-Applied"), m_filtersApplied));
        const int offset = query.queryItemValue(QStringLiteral("offset")).toInt();
        if (offset == 0 && m_referrersBodies.contains(ref))
            return reply(socket, head, 200, "application/vnd.oci.image.index.v1+json",
                         m_referrersBodies.value(ref), headers);
        int total = 0;
        const QByteArray body = referrersIndex(repository, ref, artifactType, offset, &total);
        if (m_pageSize > 0 && offset + m_pageSize < total) {
            QUrlQuery nextQuery;
            if (!artifactType.isEmpty())
                nextQuery.addQueryItem(QStringLiteral("artifactType"), artifactType);
            nextQuery.addQueryItem(QStringLiteral("offset"), QString::number(offset + m_pageSize));
            headers.append(qMakePair(
                QByteArray("Link"),
                "</v2/" + repository.toLatin1() + "/referrers/" + ref.toLatin1() + '?' +
                    nextQuery.toString(QUrl::FullyEncoded).toLatin1() + ">; rel=\"next\""));
        }
        return reply(socket, head, 200, "application/vnd.oci.image.index.v1+json", body, headers);
    }
    ++m_counts[QStringLiteral("other")];
    reply(socket, head, 404, "text/plain", "404 page not found\n");
}

} // namespace ocular::test
