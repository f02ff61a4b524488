#include "registryclient.h"

#include "async/pager.h"
#include "base/offthread.h"
#include "cache/contentcache.h"
#include "content/mediatype.h"
#include "http/linkheader.h"
#include "http/originpolicy.h"
#include "http/registryerror.h"
#include "reference/manifestidentifier.h"
#include "reference/nametext.h"
#include "reference/repositoryname.h"
#include "reference/scope.h"
#include "reference/tagname.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSet>
#include <QUrlQuery>
#include <memory>

namespace ocular {

namespace {

constexpr qint64 ErrorBodyCap = 64 * 1024;
constexpr qint64 ListBodyCap = 16 * 1024 * 1024;
// Above this, hashing and parsing move off the calling thread.
constexpr qint64 OffThreadThreshold = 256 * 1024;

// Why a listed name cannot be requested, or empty when it can.
using NameCheck = QString (*)(QStringView);

QString catalogEntryProblem(QStringView name)
{
    return RepositoryName::problem(name);
}

QString tagEntryProblem(QStringView name)
{
    return TagName::problem(name);
}

// Names from the server are data, not paths (PROTOCOL §8): entries that fail the grammar are
// kept aside as rejected, and the next-page link must stay on the listing's own path, so that
// neither can change which resource is requested next.
Result<ListPage> parseListPage(const HttpResponse &response, const QString &key,
                               const QUrl &endpointBase, const QString &listPath, NameCheck check)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(response.body, &parseError);
    if (!doc.isObject())
        return Error::make(ErrorKind::InvalidContent,
                           QStringLiteral("The registry sent an unreadable list: %1.")
                               .arg(parseError.errorString()));
    const QJsonValue value = doc.object().value(key);
    if (!value.isArray() && !value.isNull() && !value.isUndefined())
        return Error::make(ErrorKind::InvalidContent,
                           QStringLiteral("The registry's list has no \"%1\" array.").arg(key));
    ListPage page;
    const QJsonArray array = value.toArray();
    page.items.reserve(array.size());
    for (const QJsonValue &item : array) {
        if (!item.isString()) {
            page.rejected.append(
                {QString::fromUtf8(QJsonDocument(QJsonArray{item}).toJson(QJsonDocument::Compact))
                     .mid(1)
                     .chopped(1)
                     .left(300),
                 QStringLiteral("the entry is not a string")});
            continue;
        }
        const QString name = item.toString();
        const QString why = check(name);
        if (why.isEmpty())
            page.items << name;
        else
            page.rejected.append({name.left(1024), why});
    }
    const QUrl next = linkheader::nextUrl(response.headerValues("Link"), response.url);
    if (next.isValid()) {
        // Pagination may not lead us to another origin, another resource, nor in a circle.
        if (!originpolicy::sameOrigin(next, endpointBase))
            return Error::make(ErrorKind::Refused,
                               QStringLiteral("The registry's next-page link points to another "
                                              "host; refused to follow it."));
        if (next.path() != listPath || !next.fragment().isEmpty())
            return Error::make(
                ErrorKind::Refused,
                QStringLiteral("The registry's next-page link leads to another path (%1) than "
                               "the listing (%2); refused to follow it.")
                    .arg(nametext::printable(next.path(QUrl::FullyEncoded), 200), listPath));
        if (next != response.url)
            page.next = next;
    }
    return page;
}

// A caller-supplied next-page URL (from a Link header, perhaps parsed elsewhere) must address
// the same listing on the same origin; anything else would let a server pick the request.
std::optional<Error> nextPageProblem(const QUrl &next, const QUrl &first)
{
    if (!next.isValid())
        return std::nullopt;
    if (!originpolicy::sameOrigin(next, first) || next.path() != first.path() ||
        !next.fragment().isEmpty())
        return Error::make(
            ErrorKind::Refused,
            QStringLiteral("The next-page link (%1) leaves the listing it belongs to "
                           "(%2); refused to follow it.")
                .arg(nametext::printable(next.toString(QUrl::FullyEncoded), 200), first.path()));
    return std::nullopt;
}

// How a manifest is named in messages: repo@digest or repo:tag.
QString manifestLabel(const QString &repository, const QString &reference)
{
    const QString shown = nametext::printable(reference, 200);
    if (ManifestIdentifier::isDigest(reference))
        return nametext::printable(repository, 300) + QLatin1Char('@') + shown;
    return nametext::printable(repository, 300) + QLatin1Char(':') + shown;
}

} // namespace

RegistryClient::RegistryClient(HttpClient *http, RegistryEndpoint endpoint, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_endpoint(std::move(endpoint))
{
    if (m_endpoint.plainHttpFallback && m_http) {
        m_http->allowPlainHttpFallback(m_endpoint.baseUrl);
        const auto adopt = [this] {
            m_endpoint.baseUrl.setScheme(QStringLiteral("http"));
            m_endpoint.plainHttpFallback = false;
        };
        if (m_http->usesPlainHttp(m_endpoint.baseUrl))
            adopt();
        else
            connect(m_http, &HttpClient::plainHttpChosen, this, [this, adopt](const QUrl &origin) {
                if (m_endpoint.plainHttpFallback &&
                    originpolicy::sameOrigin(origin, m_endpoint.baseUrl))
                    adopt();
            });
    }
}

QString RegistryClient::repositoryScope(const QString &repository, const QString &actions)
{
    return QStringLiteral("repository:") + repository + QLatin1Char(':') + actions;
}

QString RegistryClient::pullScope(const QString &repository)
{
    // Only called with a repository that passed repositoryProblem().
    return Scope::pull(RepositoryName::parse(repository).value()).toString();
}

std::optional<Error> RegistryClient::repositoryProblem(const QString &repository)
{
    auto parsed = RepositoryName::parse(repository);
    if (!parsed)
        return parsed.error();
    return std::nullopt;
}

std::optional<Error> RegistryClient::referenceProblem(const QString &repository,
                                                      const QString &reference)
{
    if (auto bad = repositoryProblem(repository))
        return bad;
    auto parsed = ManifestIdentifier::parse(reference);
    if (!parsed)
        return parsed.error();
    return std::nullopt;
}

std::optional<Error> RegistryClient::digestProblem(const QString &repository, const Digest &digest)
{
    if (auto bad = repositoryProblem(repository))
        return bad;
    if (!digest.isValid())
        return Error::make(ErrorKind::InvalidInput, QStringLiteral("No digest was given."));
    return std::nullopt;
}

QUrl RegistryClient::apiUrl(const QString &path, const QUrlQuery &query) const
{
    return m_endpoint.apiUrl(path, query);
}

HttpRequest RegistryClient::makeRequest(const QByteArray &method, const QString &path,
                                        const QString &scope, const QUrlQuery &query) const
{
    HttpRequest request;
    request.method = method;
    request.url = apiUrl(path, query);
    request.scope = scope;
    request.maxResponseBytes = ErrorBodyCap;
    return request;
}

RequestHandle RegistryClient::ping(QObject *context, Callback<PingResult> done)
{
    HttpRequest request = makeRequest("GET", QString(), QString());
    return m_http->send(request, context, [done](Result<HttpResponse> result) {
        if (!result.ok())
            return done(result.error());
        const HttpResponse &response = result.value();
        if (!response.isSuccess())
            return done(
                registryError(response, QStringLiteral("The registry API is not available")));
        PingResult ping;
        ping.status = response.status;
        ping.apiVersion = QString::fromLatin1(response.header("Docker-Distribution-API-Version"));
        done(ping);
    });
}

RequestHandle RegistryClient::catalogPage(int pageSize, const QUrl &next, QObject *context,
                                          Callback<ListPage> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("n"), QString::number(pageSize));
    HttpRequest request =
        makeRequest("GET", QStringLiteral("_catalog"), Scope::catalog().toString(), query);
    const QString listPath = request.url.path();
    if (auto bad = nextPageProblem(next, request.url))
        return refuse(context, done, *bad);
    if (next.isValid())
        request.url = next;
    request.maxResponseBytes = ListBodyCap;
    // Read at answer time: a loopback endpoint may have switched to plain HTTP meanwhile.
    const QPointer<RegistryClient> self(this);
    const QUrl sentBase = m_endpoint.baseUrl;
    return m_http->send(
        request, context, [done, self, sentBase, listPath](Result<HttpResponse> result) {
            // The origin now: a loopback endpoint may have fallen back to plain HTTP.
            QUrl base = sentBase;
            if (const RegistryClient *client = self.data())
                base = client->m_endpoint.baseUrl;
            if (!result.ok())
                return done(result.error());
            const HttpResponse &response = result.value();
            if (!response.isSuccess()) {
                Error error =
                    registryError(response, QStringLiteral("Could not list repositories"));
                if (response.status == 404 || response.status == 405)
                    error.message =
                        QStringLiteral("This registry does not offer a repository catalog; "
                                       "open a repository by name instead.");
                return done(error);
            }
            done(parseListPage(response, QStringLiteral("repositories"), base, listPath,
                               catalogEntryProblem));
        });
}

RequestHandle RegistryClient::tagsPage(const QString &repository, int pageSize, const QUrl &next,
                                       QObject *context, Callback<ListPage> done)
{
    if (auto bad = repositoryProblem(repository))
        return refuse(context, done, *bad);
    QUrlQuery query;
    if (pageSize > 0)
        query.addQueryItem(QStringLiteral("n"), QString::number(pageSize));
    HttpRequest request =
        makeRequest("GET", repository + QStringLiteral("/tags/list"), pullScope(repository), query);
    const QString listPath = request.url.path();
    if (auto bad = nextPageProblem(next, request.url))
        return refuse(context, done, *bad);
    if (next.isValid())
        request.url = next;
    request.maxResponseBytes = ListBodyCap;
    const QPointer<RegistryClient> self(this);
    const QUrl sentBase = m_endpoint.baseUrl;
    return m_http->send(
        request, context,
        [done, self, sentBase, repository, listPath](Result<HttpResponse> result) {
            // The origin now: a loopback endpoint may have fallen back to plain HTTP.
            QUrl base = sentBase;
            if (const RegistryClient *client = self.data())
                base = client->m_endpoint.baseUrl;
            if (!result.ok())
                return done(result.error());
            const HttpResponse &response = result.value();
            if (!response.isSuccess())
                return done(registryError(
                    response, QStringLiteral("Could not list the tags of %1").arg(repository)));
            done(parseListPage(response, QStringLiteral("tags"), base, listPath, tagEntryProblem));
        });
}

RequestHandle RegistryClient::allTags(const QString &repository, QObject *context,
                                      Callback<QStringList> done,
                                      std::function<void(const QStringList &)> progress)
{
    return listAllTags(
        repository, context,
        [done](Result<TagListing> listing) {
            if (!listing)
                return done(listing.error());
            done(listing->tags);
        },
        std::move(progress));
}

namespace {

/// A tag page's URL as a pager cursor: the Link of the previous page, invalid after the last.
struct LinkCursor
{
    QUrl url;
    bool isEnd() const { return !url.isValid(); }
    // As text: a Link back to a page already read must be seen as one.
    friend bool operator==(const LinkCursor &a, const LinkCursor &b)
    {
        return a.url.toString() == b.url.toString();
    }
};

} // namespace

RequestHandle RegistryClient::listAllTags(const QString &repository, QObject *context,
                                          Callback<TagListing> done,
                                          std::function<void(const QStringList &)> progress)
{
    // The first cursor is the URL tagsPage builds for the first page, so that a Link back to
    // it is a circle. 1000 per page: docker-registry ignores n and returns everything anyway.
    QUrlQuery firstQuery;
    firstQuery.addQueryItem(QStringLiteral("n"), QStringLiteral("1000"));
    const LinkCursor first{apiUrl(repository + QStringLiteral("/tags/list"), firstQuery)};
    auto rejected = std::make_shared<QList<RejectedName>>();
    using TagPage = async::Page<QString, LinkCursor>;
    return async::collectPages<QString, LinkCursor>(
        context, first, m_maxPages,
        [this, repository, context, rejected](const LinkCursor &cursor,
                                              async::Callback<TagPage> page) {
            return tagsPage(repository, 1000, cursor.url, context,
                            [page, rejected](Result<ListPage> listed) {
                                if (!listed.ok())
                                    return page(listed.error());
                                *rejected += listed->rejected;
                                page(TagPage{listed->items, LinkCursor{listed->next}});
                            });
        },
        [done, rejected](Result<async::Collected<QString>> all) {
            if (!all.ok())
                return done(all.error());
            done(TagListing{all->items, *rejected});
        },
        std::move(progress));
}

RequestHandle RegistryClient::headManifest(const QString &repository, const QString &reference,
                                           QObject *context, Callback<ManifestHead> done,
                                           const CallOptions &options)
{
    if (auto bad = referenceProblem(repository, reference))
        return refuse(context, done, *bad);
    HttpRequest request = makeRequest(
        "HEAD", repository + QStringLiteral("/manifests/") + reference, pullScope(repository));
    request.setHeader("Accept", mediatype::manifestAcceptHeader());
    request.priority = options.priorityOr(RequestPriority::Background);
    return m_http->send(
        request, context, [done, repository, reference](Result<HttpResponse> result) {
            if (!result.ok())
                return done(result.error());
            const HttpResponse &response = result.value();
            if (!response.isSuccess())
                return done(registryError(response, manifestLabel(repository, reference)));
            ManifestHead head;
            const auto digest =
                Digest::parse(QString::fromLatin1(response.header("Docker-Content-Digest")));
            if (digest.ok())
                head.digest = digest.value();
            head.mediaType = response.contentType();
            bool ok = false;
            const qint64 size = response.header("Content-Length").toLongLong(&ok);
            head.size = ok ? size : -1;
            done(head);
        });
}

RequestHandle RegistryClient::getManifest(const QString &repository, const QString &reference,
                                          QObject *context, Callback<FetchedManifest> done,
                                          const CallOptions &options)
{
    RequestHandle outer;
    if (auto bad = referenceProblem(repository, reference))
        return refuse(context, done, *bad);
    const ManifestIdentifier identifier = ManifestIdentifier::parse(reference).value();
    const bool byDigest = identifier.isDigest();
    const Digest &wanted = identifier.digest();
    QPointer<QObject> guard(context ? context : this);
    ContentCache *cache = m_cache;
    auto finishParse = [this, guard, done, outer, cache, wanted,
                        byDigest](QByteArray body, QString contentType, QString headerDigest,
                                  bool fromCache) {
        auto work = [body, contentType, headerDigest, wanted, byDigest,
                     fromCache]() -> Result<FetchedManifest> {
            // Parsing hashes the bytes with sha256: compare with that hash instead of hashing
            // a second time (bytes from the cache were verified when they were read).
            const bool sha256 = wanted.algorithm() == QLatin1String("sha256");
            if (byDigest && !fromCache && !sha256 && wanted.isVerifiable() && !wanted.matches(body))
                return Error::make(ErrorKind::DigestMismatch,
                                   QStringLiteral("The manifest received does not match the digest "
                                                  "%1 it was asked for; it was discarded.")
                                       .arg(wanted.toString()));
            auto parsed = Manifest::parse(body, contentType);
            if (byDigest && sha256 && (!parsed.ok() || parsed->digest() != wanted) &&
                !wanted.matches(body))
                return Error::make(ErrorKind::DigestMismatch,
                                   QStringLiteral("The manifest received does not match the digest "
                                                  "%1 it was asked for; it was discarded.")
                                       .arg(wanted.toString()));
            if (!parsed.ok())
                return parsed.error();
            FetchedManifest fetched{std::move(parsed).value(), {}, fromCache};
            if (!byDigest && !headerDigest.isEmpty() &&
                headerDigest != fetched.manifest.digest().toString()) {
                const auto claimed = Digest::parse(headerDigest);
                // A sha512 header can only be compared with a sha512 hash of the same bytes.
                if (!claimed.ok() || !claimed->isVerifiable() || !claimed->matches(body))
                    fetched.warning =
                        QStringLiteral("The registry says this manifest is %1, but "
                                       "its bytes hash to %2; Ocular uses its own hash.")
                            .arg(nametext::printable(headerDigest, 160),
                                 fetched.manifest.digest().toString());
            }
            return fetched;
        };
        auto deliver = [guard, done, outer, cache](Result<FetchedManifest> result) {
            if (!guard)
                return;
            if (outer.isCancelled())
                return done(Error::cancelled());
            if (result.ok() && cache && !result->fromCache)
                cache->storeVerified(result->manifest.digest(), result->manifest.raw());
            done(std::move(result));
        };
        if (body.size() < OffThreadThreshold)
            deliver(work());
        else
            runOffThread<Result<FetchedManifest>>(this, work, deliver);
    };

    auto fetch = [this, outer, repository, reference, context, done, finishParse, options] {
        HttpRequest request = makeRequest(
            "GET", repository + QStringLiteral("/manifests/") + reference, pullScope(repository));
        request.setHeader("Accept", mediatype::manifestAcceptHeader());
        request.maxResponseBytes = options.maxBytesOr(m_maxManifestBytes);
        request.priority = options.priorityOr(RequestPriority::Interactive);
        request.largeTransfer = options.largeTransfer.value_or(false);
        outer.setCurrentStep(m_http->send(
            request, context,
            [done, finishParse, repository, reference](Result<HttpResponse> result) {
                if (!result.ok()) {
                    Error error = result.error();
                    if (error.kind == ErrorKind::TooLarge)
                        error.message =
                            QStringLiteral("The manifest %1 is larger than the manifest "
                                           "size limit; it was not loaded.")
                                .arg(manifestLabel(repository, reference));
                    return done(error);
                }
                const HttpResponse &response = result.value();
                if (!response.isSuccess())
                    return done(registryError(response, manifestLabel(repository, reference)));
                finishParse(response.body, response.contentType(),
                            QString::fromLatin1(response.header("Docker-Content-Digest")), false);
            }));
    };

    if (byDigest && cache) {
        // The disk read and its verification run off this thread.
        cache->lookup(wanted, this,
                      [guard, outer, done, finishParse, fetch](std::optional<QByteArray> cached) {
                          if (!guard)
                              return;
                          if (outer.isCancelled())
                              return done(Error::cancelled());
                          if (cached)
                              finishParse(*cached, QString(), QString(), true);
                          else
                              fetch();
                      });
        return outer;
    }
    fetch();
    return outer;
}

RequestHandle RegistryClient::getBlob(const QString &repository, const Digest &digest,
                                      qint64 maxBytes, QObject *context, Callback<QByteArray> done,
                                      const CallOptions &options)
{
    maxBytes = options.maxBytesOr(maxBytes);
    RequestHandle outer;
    if (auto bad = digestProblem(repository, digest))
        return refuse(context, done, *bad);
    QPointer<QObject> guard(context ? context : this);
    ContentCache *cache = m_cache;
    auto fetch = [this, repository, digest, maxBytes, context, done, guard, outer, cache, options] {
        HttpRequest request =
            makeRequest("GET", repository + QStringLiteral("/blobs/") + digest.toString(),
                        pullScope(repository));
        request.maxResponseBytes = maxBytes;
        // Previews (config, small files) are what the user is looking at; big blobs are bulk.
        constexpr qint64 LargeBlobBytes = 4 * 1024 * 1024;
        request.largeTransfer = options.largeTransfer.value_or(maxBytes > LargeBlobBytes);
        request.priority = options.priorityOr(request.largeTransfer ? RequestPriority::Bulk
                                                                    : RequestPriority::Interactive);
        outer.setCurrentStep(m_http->send(
            request, context,
            [this, done, digest, guard, outer, cache, maxBytes](Result<HttpResponse> result) {
                if (!result.ok()) {
                    Error error = result.error();
                    if (error.kind == ErrorKind::TooLarge)
                        error.message =
                            QStringLiteral(
                                "The blob %1 is larger than the limit of %2; not loaded.")
                                .arg(digest.shortForm(), QLocale::c().formattedDataSize(maxBytes));
                    return done(error);
                }
                const HttpResponse &response = result.value();
                if (!response.isSuccess())
                    return done(
                        registryError(response, QStringLiteral("Blob %1").arg(digest.shortForm())));
                const QByteArray body = response.body;
                auto verify = [body, digest]() -> Result<QByteArray> {
                    if (digest.isVerifiable() && !digest.matches(body))
                        return Error::make(
                            ErrorKind::DigestMismatch,
                            QStringLiteral("The blob received does not match its digest "
                                           "%1; it was discarded.")
                                .arg(digest.toString()));
                    return body;
                };
                auto deliver = [guard, done, outer, cache, digest](Result<QByteArray> verified) {
                    if (!guard)
                        return;
                    if (outer.isCancelled())
                        return done(Error::cancelled());
                    // Verified just above: stored without hashing again, written off-thread.
                    if (verified.ok() && cache)
                        cache->storeVerified(digest, verified.value());
                    done(std::move(verified));
                };
                if (body.size() < OffThreadThreshold)
                    deliver(verify());
                else
                    runOffThread<Result<QByteArray>>(this, verify, deliver);
            }));
    };
    if (cache) {
        // The disk read and its verification run off this thread.
        cache->lookup(digest, this,
                      [guard, outer, done, fetch, maxBytes](std::optional<QByteArray> cached) {
                          if (!guard)
                              return;
                          if (outer.isCancelled())
                              return done(Error::cancelled());
                          if (cached && cached->size() <= maxBytes)
                              done(*cached);
                          else
                              fetch();
                      });
        return outer;
    }
    fetch();
    return outer;
}

RequestHandle RegistryClient::blobExists(const QString &repository, const Digest &digest,
                                         QObject *context, Callback<bool> done,
                                         const CallOptions &options)
{
    if (auto bad = digestProblem(repository, digest))
        return refuse(context, done, *bad);
    HttpRequest request = makeRequest(
        "HEAD", repository + QStringLiteral("/blobs/") + digest.toString(), pullScope(repository));
    request.priority = options.priorityOr(RequestPriority::Background);
    return m_http->send(request, context, [done, digest](Result<HttpResponse> result) {
        if (!result.ok())
            return done(result.error());
        const HttpResponse &response = result.value();
        if (response.status == 404)
            return done(false);
        if (!response.isSuccess())
            return done(registryError(response, QStringLiteral("Blob %1").arg(digest.shortForm())));
        done(true);
    });
}

RequestHandle RegistryClient::uploadBlob(const QString &repository, const QByteArray &data,
                                         QObject *context, Callback<Digest> done)
{
    RequestHandle outer;
    if (auto bad = repositoryProblem(repository))
        return refuse(context, done, *bad);
    const Digest digest = Digest::sha256(data);
    const QString scope = Scope::push(RepositoryName::parse(repository).value()).toString();
    QPointer<QObject> guard(context ? context : this);
    auto upload = [this, repository, data, digest, scope, context, done, outer]() {
        HttpRequest post =
            makeRequest("POST", repository + QStringLiteral("/blobs/uploads/"), scope);
        outer.setCurrentStep(m_http->send(
            post, context,
            [this, repository, data, digest, scope, context, done,
             outer](Result<HttpResponse> result) {
                if (!result.ok())
                    return done(result.error());
                const HttpResponse &response = result.value();
                if (response.status != 202)
                    return done(registryError(
                        response,
                        QStringLiteral("Could not start an upload to %1").arg(repository)));
                const QByteArray location = response.header("Location");
                if (location.isEmpty())
                    return done(Error::make(
                        ErrorKind::InvalidContent,
                        QStringLiteral("The registry started an upload but sent no Location.")));
                QUrl target = response.url.resolved(QUrl(QString::fromUtf8(location)));
                if (!originpolicy::sameOrigin(target, m_endpoint.baseUrl))
                    return done(Error::make(
                        ErrorKind::Refused,
                        QStringLiteral(
                            "The registry's upload location is on another host; refused.")));
                QUrlQuery query(target);
                query.addQueryItem(QStringLiteral("digest"), digest.toString());
                target.setQuery(query);
                HttpRequest put;
                put.method = "PUT";
                put.url = target;
                put.scope = scope;
                put.body = data;
                put.maxResponseBytes = ErrorBodyCap;
                put.setHeader("Content-Type", "application/octet-stream");
                // Big uploads go after small requests and never take every slot.
                put.largeTransfer = data.size() > 1024 * 1024;
                put.priority =
                    put.largeTransfer ? RequestPriority::Bulk : RequestPriority::Navigation;
                outer.setCurrentStep(m_http->send(
                    put, context, [done, digest, repository](Result<HttpResponse> result) {
                        if (!result.ok())
                            return done(result.error());
                        const HttpResponse &response = result.value();
                        if (response.status != 201 && response.status != 204)
                            return done(
                                registryError(response, QStringLiteral("Upload of %1 to %2 failed")
                                                            .arg(digest.shortForm(), repository)));
                        done(digest);
                    }));
            }));
    };
    outer.setCurrentStep(
        blobExists(repository, digest, context, [done, digest, upload, guard](Result<bool> exists) {
            if (exists.ok() && exists.value())
                return done(digest);
            if (!exists.ok() && exists.error().kind == ErrorKind::Cancelled)
                return done(exists.error());
            upload();
        }));
    return outer;
}

RequestHandle RegistryClient::putManifest(const QString &repository, const QString &reference,
                                          const QByteArray &raw, const QString &mediaType,
                                          QObject *context, Callback<PushedManifest> done,
                                          const QByteArray &ifMatch)
{
    if (auto bad = referenceProblem(repository, reference))
        return refuse(context, done, *bad);
    if (raw.size() > m_maxManifestBytes) {
        RequestHandle none;
        QMetaObject::invokeMethod(
            context ? context : this,
            [done, size = raw.size()] {
                done(Error::make(ErrorKind::TooLarge,
                                 QStringLiteral("The manifest is %1 bytes; registries refuse "
                                                "manifests above 4 MiB.")
                                     .arg(size)));
            },
            Qt::QueuedConnection);
        return none;
    }
    HttpRequest request =
        makeRequest("PUT", repository + QStringLiteral("/manifests/") + reference,
                    Scope::push(RepositoryName::parse(repository).value()).toString());
    request.body = raw;
    request.setHeader("Content-Type", mediaType.toUtf8());
    if (!ifMatch.isEmpty())
        request.setHeader("If-Match", ifMatch);
    const Digest digest = Digest::sha256(raw);
    return m_http->send(
        request, context, [done, digest, repository, reference](Result<HttpResponse> result) {
            if (!result.ok())
                return done(result.error());
            const HttpResponse &response = result.value();
            if (response.status != 201 && response.status != 200 && response.status != 202)
                return done(registryError(
                    response,
                    QStringLiteral("Push of %1 failed").arg(manifestLabel(repository, reference))));
            PushedManifest pushed;
            pushed.digest = digest;
            pushed.subjectHeader = QString::fromLatin1(response.header("OCI-Subject"));
            done(pushed);
        });
}

RequestHandle RegistryClient::manifestResponse(const QString &repository, const QString &tag,
                                               QObject *context, HttpClient::Callback done)
{
    HttpRequest request = makeRequest("GET", repository + QStringLiteral("/manifests/") + tag,
                                      repositoryScope(repository, QStringLiteral("pull")));
    request.setHeader("Accept", mediatype::manifestAcceptHeader());
    request.maxResponseBytes = m_maxManifestBytes;
    return m_http->send(request, context, std::move(done));
}

RequestHandle RegistryClient::referrersPage(const QString &repository, const Digest &subject,
                                            const QString &artifactType, const QUrl &next,
                                            QObject *context, HttpClient::Callback done)
{
    if (auto bad = digestProblem(repository, subject))
        return refuse(context, done, *bad);
    QUrlQuery query;
    if (!artifactType.isEmpty())
        query.addQueryItem(QStringLiteral("artifactType"),
                           QString::fromLatin1(QUrl::toPercentEncoding(artifactType)));
    HttpRequest request =
        makeRequest("GET", repository + QStringLiteral("/referrers/") + subject.toString(),
                    pullScope(repository), query);
    if (auto bad = nextPageProblem(next, request.url))
        return refuse(context, done, *bad);
    if (next.isValid())
        request.url = next;
    request.setHeader("Accept", QByteArray(mediatype::OciIndex.data(), mediatype::OciIndex.size()));
    request.maxResponseBytes = ListBodyCap;
    return m_http->send(request, context, std::move(done));
}

RequestHandle RegistryClient::deleteManifest(const QString &repository, const QString &reference,
                                             QObject *context, Callback<Done> done)
{
    if (auto bad = referenceProblem(repository, reference))
        return refuse(context, done, *bad);
    HttpRequest request =
        makeRequest("DELETE", repository + QStringLiteral("/manifests/") + reference,
                    Scope::remove(RepositoryName::parse(repository).value()).toString());
    return m_http->send(
        request, context, [done, repository, reference](Result<HttpResponse> result) {
            if (!result.ok())
                return done(result.error());
            const HttpResponse &response = result.value();
            if (response.status != 202 && response.status != 200 && response.status != 204)
                return done(
                    registryError(response, QStringLiteral("Delete of %1 failed")
                                                .arg(manifestLabel(repository, reference))));
            done(Done{});
        });
}

RequestHandle RegistryClient::deleteBlob(const QString &repository, const Digest &digest,
                                         QObject *context, Callback<Done> done)
{
    // Checked before a URL exists: a name or digest outside the grammar never reaches the
    // server, where it could address another path.
    if (auto bad = digestProblem(repository, digest))
        return refuse(context, done, *bad);
    HttpRequest request =
        makeRequest("DELETE", repository + QStringLiteral("/blobs/") + digest.toString(),
                    Scope::remove(RepositoryName::parse(repository).value()).toString());
    const QString label =
        nametext::printable(repository, 300) + QLatin1Char('@') + digest.toString();
    return m_http->send(request, context, [done, label](Result<HttpResponse> result) {
        if (!result.ok())
            return done(result.error());
        const HttpResponse &response = result.value();
        if (response.status == 202 || response.status == 200 || response.status == 204)
            return done(Done{});
        Error error = registryError(response, QString());
        const QString said = error.message;
        // The sentence says what the answer means for the user, which a bare "405" or
        // "BLOB_UNKNOWN" does not; the registry's own words stay at the end.
        if (error.kind == ErrorKind::Unsupported)
            error.message = QStringLiteral("The blob %1 was not deleted: this registry does not "
                                           "allow deletes (docker-registry: "
                                           "storage.delete.enabled). Nothing was changed. The "
                                           "registry said: %2")
                                .arg(label, said);
        else if (error.kind == ErrorKind::NotFound)
            error.message = QStringLiteral("The blob %1 is not there (already deleted, or never "
                                           "in this repository); nothing was deleted. The "
                                           "registry said: %2")
                                .arg(label, said);
        else
            error.message = QStringLiteral("Delete of the blob %1 failed: %2").arg(label, said);
        done(error);
    });
}

} // namespace ocular
