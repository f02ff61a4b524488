#pragma once

#include <QByteArray>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QSet>
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
/// say "no API" (404 text, 400, 405, 406, 200 with a non-index body). It also takes writes
/// (monolithic blob uploads, manifest PUT and DELETE) so that what registries with the API do
/// on a push can be tested: answer `OCI-Subject`, and, optionally, send ETags and honour
/// If-Match with 412 as distribution-spec registries may (docker-registry 2.8 ignores it).
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
    /// Whether a pushed manifest with `subject` is answered with OCI-Subject (default: when the
    /// API is Supported).
    void setSubjectHeader(bool enabled) { m_subjectHeader = enabled; }
    /// Send ETags on manifest reads and answer 412 to a PUT whose If-Match does not match.
    void setConditionalWrites(bool enabled) { m_conditional = enabled; }
    /// How many PUTs were refused with 412.
    int preconditionFailures() const { return m_preconditionFailures; }
    /// Manifest PUTs received for `reference` (a tag or digest) in `repository`.
    int manifestPuts(const QString &repository, const QString &reference) const
    {
        return m_puts.value(repository + QLatin1Char(':') + reference);
    }
    bool hasTag(const QString &repository, const QString &tag) const
    {
        return m_tags.value(repository).contains(tag);
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
    struct Request
    {
        QByteArray method;
        QByteArray target;
        QHash<QByteArray, QByteArray> headers; ///< lower-case names
        QByteArray body;
    };
    void handle(QTcpSocket *socket, const Request &request);
    /// Blob and manifest writes; false when `request` is not one.
    bool handleWrite(QTcpSocket *socket, const Request &request);
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
    QHash<QString, QSet<QString>> m_blobs; ///< repository → digests
    QHash<QString, int> m_puts;
    bool m_subjectHeader = true;
    bool m_conditional = false;
    int m_preconditionFailures = 0;
    int m_uploads = 0;
    QHash<QString, int> m_counts;
    QStringList m_referrersQueries;
};

} // namespace ocular::test
