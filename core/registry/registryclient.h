#pragma once

#include "base/result.h"
#include "http/calloptions.h"
#include "http/httpclient.h"
#include "registry/registryendpoint.h"
#include "registry/registrytypes.h"

#include <QMetaObject>
#include <QObject>
#include <QUrlQuery>
#include <functional>
#include <optional>

namespace ocular {

class ContentCache;

/// Typed operations on one registry (OCI distribution spec + Docker catalog). Every call is
/// asynchronous: `done` runs on `context`'s thread; the returned handle cancels.
///
/// Names are checked before they go into a URL: a repository must fit the OCI path grammar, a
/// reference must be a valid tag or digest. Anything else is refused with an InvalidInput
/// error and no request is sent, so a name a server listed (`../other/manifests/v1`, `x?a=b`)
/// can never change which path is requested. Listings report such names as rejected.
///
/// Scheduling priorities (CallOptions overrides them): manifest GETs are Interactive, listings
/// Navigation, HEADs Background (audits and existence checks send thousands), blob transfers
/// Bulk and large when they may exceed 4 MiB.
class RegistryClient : public QObject
{
    Q_OBJECT
public:
    template <typename T> using Callback = std::function<void(Result<T>)>;

    RegistryClient(HttpClient *http, RegistryEndpoint endpoint, QObject *parent = nullptr);

    const RegistryEndpoint &endpoint() const { return m_endpoint; }
    HttpClient *http() const { return m_http; }
    /// Not owned; may be null. Content fetched by digest is served from and stored in it.
    void setCache(ContentCache *cache) { m_cache = cache; }
    ContentCache *cache() const { return m_cache; }
    /// Cap for manifests (PROTOCOL §8), 4 MiB by default.
    void setMaxManifestBytes(qint64 bytes) { m_maxManifestBytes = bytes; }
    /// Most pages a listing follows before it stops with what it has.
    void setMaxPages(int pages) { m_maxPages = pages; }

    RequestHandle ping(QObject *context, Callback<PingResult> done);

    /// One catalog page; pass `next` from the previous page (invalid URL for the first).
    RequestHandle catalogPage(int pageSize, const QUrl &next, QObject *context,
                              Callback<ListPage> done);
    /// One tags page. Listed tags that fail the tag grammar are in `rejected`, not `items`.
    RequestHandle tagsPage(const QString &repository, int pageSize, const QUrl &next,
                           QObject *context, Callback<ListPage> done);
    /// Every tag, following Link pages up to the page cap; `progress` (may be null) sees each
    /// page as it arrives.
    RequestHandle allTags(const QString &repository, QObject *context, Callback<QStringList> done,
                          std::function<void(const QStringList &page)> progress = {});
    /// allTags() that also reports the listed names it refused (invalid tags), for display.
    RequestHandle listAllTags(const QString &repository, QObject *context,
                              Callback<TagListing> done,
                              std::function<void(const QStringList &page)> progress = {});

    /// HEAD by tag or digest.
    RequestHandle headManifest(const QString &repository, const QString &reference,
                               QObject *context, Callback<ManifestHead> done,
                               const CallOptions &options = {});
    /// GET by tag or digest; verifies the digest (by digest: mismatch is an error; by tag:
    /// mismatch with Docker-Content-Digest is a warning). Parsing happens off this thread.
    RequestHandle getManifest(const QString &repository, const QString &reference, QObject *context,
                              Callback<FetchedManifest> done, const CallOptions &options = {});

    /// GET a blob into memory (at most maxBytes) and verify it.
    RequestHandle getBlob(const QString &repository, const Digest &digest, qint64 maxBytes,
                          QObject *context, Callback<QByteArray> done,
                          const CallOptions &options = {});
    /// HEAD a blob: true when it exists.
    RequestHandle blobExists(const QString &repository, const Digest &digest, QObject *context,
                             Callback<bool> done, const CallOptions &options = {});
    /// Uploads a blob unless it exists (HEAD first): POST then a monolithic PUT.
    RequestHandle uploadBlob(const QString &repository, const QByteArray &data, QObject *context,
                             Callback<Digest> done);
    /// PUT a manifest under a tag or its digest; Content-Type is `mediaType`.
    RequestHandle putManifest(const QString &repository, const QString &reference,
                              const QByteArray &raw, const QString &mediaType, QObject *context,
                              Callback<PushedManifest> done, const QByteArray &ifMatch = {});
    /// DELETE /manifests/<reference> (digest, or tag where the registry supports it).
    RequestHandle deleteManifest(const QString &repository, const QString &reference,
                                 QObject *context, Callback<Done> done);
    /// DELETE /blobs/<digest>: 202 deleted; a missing blob is ErrorKind::NotFound, a registry
    /// with deletes disabled (405 UNSUPPORTED) ErrorKind::Unsupported, both explained.
    RequestHandle deleteBlob(const QString &repository, const Digest &digest, QObject *context,
                             Callback<Done> done);

    /// GET /v2/<name>/manifests/<tag> as the raw response (any status is a successful Result),
    /// for documents read leniently by their caller (the referrers fallback index), which a
    /// strict manifest parse would reject whole for one bad entry.
    RequestHandle manifestResponse(const QString &repository, const QString &tag, QObject *context,
                                   HttpClient::Callback done);
    /// One page of GET /v2/<name>/referrers/<digest>[?artifactType=] (PROTOCOL §4), as the raw
    /// response: any HTTP status is a successful Result, because what a 404 or 400 means is
    /// decided by the caller (referrers/CapabilityProbe). `next` (from Link) overrides the URL.
    RequestHandle referrersPage(const QString &repository, const Digest &subject,
                                const QString &artifactType, const QUrl &next, QObject *context,
                                HttpClient::Callback done);

    /// `repository:<name>:<actions>` scope strings.
    static QString repositoryScope(const QString &repository, const QString &actions);

private:
    static QString pullScope(const QString &repository);
    static std::optional<Error> repositoryProblem(const QString &repository);
    static std::optional<Error> referenceProblem(const QString &repository,
                                                 const QString &reference);
    static std::optional<Error> digestProblem(const QString &repository, const Digest &digest);
    QUrl apiUrl(const QString &path, const QUrlQuery &query = {}) const;
    HttpRequest makeRequest(const QByteArray &method, const QString &path, const QString &scope,
                            const QUrlQuery &query = {}) const;
    /// Delivers @p error later on @p context's thread without sending anything.
    template <typename Done> RequestHandle refuse(QObject *context, Done done, Error error)
    {
        QMetaObject::invokeMethod(
            context ? context : this,
            [done = std::move(done), error = std::move(error)] { done(error); },
            Qt::QueuedConnection);
        return RequestHandle();
    }

    HttpClient *m_http;
    RegistryEndpoint m_endpoint;
    ContentCache *m_cache = nullptr;
    qint64 m_maxManifestBytes = 4 * 1024 * 1024;
    int m_maxPages = 1000;
};

} // namespace ocular
