#pragma once

#include <QByteArray>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>

class QTcpServer;
class QTcpSocket;

namespace ocular::test {

/// A FAKE registry for tests, NOT a registry: a tiny HTTP/1.1 server on loopback that serves
/// GET/HEAD manifests, tags/list and — its reason to exist — the OCI referrers API, which no
/// packaged registry offers. Referrers are computed from the `subject` of stored manifests
/// (as a real registry does), paginated with Link headers, filtered by artifactType with or
/// without `OCI-Filters-Applied`. The API can also be switched off in the ways real registries
/// say "no API" (404 text, 400, 405, 406, 200 with a non-index body).
class FakeReferrersRegistry : public QObject
{
    Q_OBJECT
public:
    enum class ApiMode
    {
        Supported,
        NotFoundPlain, ///< 404 text/plain (docker-registry 2.8)
        BadRequest,    ///< 400
        NotAllowed,    ///< 405 UNSUPPORTED
        NotAcceptable, ///< 406
        OkNotAnIndex,  ///< 200 text/html
    };

    explicit FakeReferrersRegistry(QObject *parent = nullptr);
    ~FakeReferrersRegistry() override;

    /// Listens on 127.0.0.1 on a free port; false when it cannot.
    bool start();
    QString hostPort() const;

    void setApiMode(ApiMode mode) { m_apiMode = mode; }
    /// Apply artifactType filters server-side and say so with OCI-Filters-Applied.
    void setFiltering(bool applied) { m_filtering = applied; }
    /// Referrers per page (0: everything in one page).
    void setPageSize(int n) { m_pageSize = n; }
    /// Serve this exact body as the referrers answer of `subjectDigest` (first page only).
    void setReferrersBody(const QString &subjectDigest, const QByteArray &body)
    {
        m_referrersBodies.insert(subjectDigest, body);
    }

    /// Answer the referrers request for `subjectDigest` (every page) with exactly this status,
    /// Content-Type and body: one subject's 400, an HTML page sent as an index, ...
    void setReferrersReply(const QString &subjectDigest, int status, const QByteArray &contentType,
                           const QByteArray &body)
    {
        m_referrersReplies.insert(subjectDigest, Reply{status, contentType, body});
    }
    /// The OCI-Filters-Applied value sent when the server filters (default "artifactType").
    void setFiltersAppliedHeader(const QByteArray &value) { m_filtersApplied = value; }

    /// Stores a manifest (its own mediaType is its Content-Type) and returns its digest;
    /// `tag` (may be empty) points at it.
    QString addManifest(const QString &repository, const QByteArray &raw, const QString &tag = {});
    void removeManifest(const QString &repository, const QString &digest);

    /// Requests served, by path prefix (e.g. "referrers", "manifests", "tags").
    int requestCount(const QString &kind) const { return m_counts.value(kind); }
    /// The query strings referrers requests arrived with.
    const QStringList &referrersQueries() const { return m_referrersQueries; }

private:
    void onConnection();
    void onReadyRead(QTcpSocket *socket);
    void handle(QTcpSocket *socket, const QByteArray &method, const QByteArray &target);
    void reply(QTcpSocket *socket, bool head, int status, const QByteArray &contentType,
               const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &headers = {});
    QByteArray referrersIndex(const QString &repository, const QString &subject,
                              const QString &artifactType, int offset, int *total) const;

    QTcpServer *m_server = nullptr;
    ApiMode m_apiMode = ApiMode::Supported;
    bool m_filtering = true;
    int m_pageSize = 0;
    QHash<QString, QByteArray> m_referrersBodies;
    struct Reply
    {
        int status = 200;
        QByteArray contentType;
        QByteArray body;
    };
    QHash<QString, Reply> m_referrersReplies;
    QByteArray m_filtersApplied = "artifactType";
    // repository → digest → manifest (insertion order kept for stable referrer order)
    QHash<QString, QMap<QString, QByteArray>> m_manifests;
    QHash<QString, QStringList> m_order;
    QHash<QString, QMap<QString, QString>> m_tags;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QHash<QString, int> m_counts;
    QStringList m_referrersQueries;
};

} // namespace ocular::test
