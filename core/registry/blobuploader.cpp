#include "blobuploader.h"

#include "http/httpclient.h"
#include "http/originpolicy.h"
#include "http/registryerror.h"
#include "reference/repositoryname.h"
#include "registry/registryclient.h"

#include <QUrlQuery>
#include <utility>

namespace ocular {

namespace {

constexpr qint64 ErrorBodyCap = 64 * 1024;

/// The end offset of a `Range: 0-<last>` answer plus one: the bytes the registry holds.
/// Without a usable header the registry holds nothing we can count on.
qint64 heldBytes(const HttpResponse &response)
{
    const QByteArray range = response.header("Range");
    const int dash = range.indexOf('-');
    if (dash < 0)
        return 0;
    bool ok = false;
    const qint64 last = range.mid(dash + 1).trimmed().toLongLong(&ok);
    return ok && last >= 0 ? last + 1 : 0;
}

/// One upload from HEAD to the closing PUT.
struct Upload : std::enable_shared_from_this<Upload>
{
    QPointer<RegistryClient> client;
    QPointer<QObject> context;
    QString repository;
    QString scope;
    BlobPayload payload;
    BlobUploadOptions options;
    async::Callback<BlobUploadResult> done;
    BlobUploader::Progress progress;
    TransferMeter meter;

    BlobUploadResult result;
    QUrl location; ///< the open session; empty when none
    qint64 offset = 0;
    qint64 chunkMin = 0;
    RequestHandle current;
    QMetaObject::Connection contextWatch;
    bool finished = false;

    void exists();
    void openSession(bool mount);
    void sendMonolithic();
    void sendChunk();
    void close();
    void recover(const Error &why);
    void finish(Result<BlobUploadResult> outcome);
    void abandonSession();
    Error notMounted() const
    {
        return Error::make(ErrorKind::NotFound,
                           QStringLiteral("%1 is neither in %2 nor mountable there")
                               .arg(payload.digest.shortForm(), repository));
    }

    HttpRequest request(const QByteArray &method, const QUrl &url) const
    {
        HttpRequest r;
        r.method = method;
        r.url = url;
        r.scope = scope;
        r.maxResponseBytes = ErrorBodyCap;
        return r;
    }
    /// A request carrying the payload's bytes [from, from + length).
    HttpRequest withBody(HttpRequest r, qint64 from, qint64 length)
    {
        if (payload.isFile()) {
            r.bodyFile = payload.filePath;
            r.bodyOffset = from;
            r.bodyLength = length;
        } else {
            r.body = payload.bytes.mid(from, length);
        }
        r.setHeader("Content-Type", "application/octet-stream");
        r.largeTransfer = length > 1024 * 1024;
        r.priority = r.largeTransfer ? RequestPriority::Bulk : RequestPriority::Navigation;
        std::weak_ptr<Upload> weak = weak_from_this();
        if (progress)
            r.uploadProgress = [weak, from](qint64 sent) {
                // Qt reports (0, 0) when a request ends: not a step back.
                if (sent <= 0)
                    return;
                if (auto self = weak.lock(); self && !self->finished && self->progress)
                    self->progress(self->meter.sample(from + sent));
            };
        return r;
    }
    void send(const HttpRequest &r, std::function<void(Result<HttpResponse>)> then)
    {
        if (!client)
            return finish(Error::cancelled(QStringLiteral("The registry connection went away.")));
        auto self = shared_from_this();
        current = client->http()->send(r, context, [self, then](Result<HttpResponse> answer) {
            self->current = RequestHandle();
            if (self->finished)
                return;
            then(std::move(answer));
        });
    }
    /// The session URL a response names, on the registry's origin only.
    Result<QUrl> sessionFrom(const HttpResponse &response) const
    {
        const QByteArray header = response.header("Location");
        if (header.isEmpty())
            return Error::make(ErrorKind::InvalidContent,
                               QStringLiteral("The registry started an upload but sent no "
                                              "Location."));
        const QUrl target = response.url.resolved(QUrl(QString::fromUtf8(header)));
        if (!target.isValid() || !originpolicy::sameOrigin(target, response.url))
            return Error::make(ErrorKind::Refused,
                               QStringLiteral("The registry's upload location is on another "
                                              "host; refused."));
        return target;
    }
};

void Upload::exists()
{
    auto self = shared_from_this();
    current = client->blobExists(
        repository, payload.digest, context,
        [self](Result<bool> present) {
            self->current = RequestHandle();
            if (self->finished)
                return;
            // A failed HEAD is no reason not to try the upload: its own errors are clearer.
            if (present.ok() && present.value()) {
                self->result.route = BlobUploadResult::Route::AlreadyPresent;
                return self->finish(self->result);
            }
            if (self->options.mountOnly && self->options.mountFrom.isEmpty())
                return self->finish(self->notMounted());
            self->openSession(!self->options.mountFrom.isEmpty());
        },
        CallOptions{RequestPriority::Navigation, -1, std::nullopt});
}

void Upload::openSession(bool mount)
{
    QUrlQuery query;
    const QString from = mount ? options.mountFrom.first() : QString();
    if (mount) {
        query.addQueryItem(QStringLiteral("mount"), payload.digest.toString());
        query.addQueryItem(QStringLiteral("from"), from);
    }
    HttpRequest post = request(
        "POST", client->endpoint().apiUrl(repository + QStringLiteral("/blobs/uploads/"), query));
    post.setHeader("Content-Length", "0");
    send(post, [self = shared_from_this(), mount, from](Result<HttpResponse> answer) {
        if (!answer.ok())
            return self->finish(answer.error());
        const HttpResponse &response = answer.value();
        if (mount && response.status == 201) {
            self->result.route = BlobUploadResult::Route::Mounted;
            self->result.mountedFrom = from;
            return self->finish(self->result);
        }
        if (response.status != 202)
            return self->finish(registryError(
                response, QStringLiteral("Could not start an upload to %1").arg(self->repository)));
        auto session = self->sessionFrom(response);
        if (!session.ok())
            return self->finish(session.error());
        self->location = session.value();
        if (self->options.mountOnly)
            return self->finish(self->notMounted()); // the session is DELETEd on the way out
        self->chunkMin = qMax<qint64>(0, response.header("OCI-Chunk-Min-Length").toLongLong());
        self->offset = 0;
        if (self->payload.size <= self->options.monolithicLimit)
            return self->sendMonolithic();
        self->result.route = BlobUploadResult::Route::Chunked;
        self->sendChunk();
    });
}

void Upload::sendMonolithic()
{
    result.route = BlobUploadResult::Route::Monolithic;
    QUrl target = location;
    QUrlQuery query(target);
    query.addQueryItem(QStringLiteral("digest"), payload.digest.toString());
    target.setQuery(query);
    send(withBody(request("PUT", target), 0, payload.size),
         [self = shared_from_this()](Result<HttpResponse> answer) {
             if (!answer.ok())
                 return self->recover(answer.error());
             const HttpResponse &response = answer.value();
             if (response.status != 201 && response.status != 204)
                 return self->finish(registryError(
                     response, QStringLiteral("Upload of %1 to %2 failed")
                                   .arg(self->payload.digest.shortForm(), self->repository)));
             self->location.clear(); // the session is closed
             self->finish(self->result);
         });
}

void Upload::sendChunk()
{
    if (offset >= payload.size)
        return close();
    const qint64 chunk = qMax(options.chunkSize, chunkMin);
    const qint64 length = qMin(chunk, payload.size - offset);
    HttpRequest patch = withBody(request("PATCH", location), offset, length);
    patch.setHeader("Content-Range",
                    QByteArray::number(offset) + '-' + QByteArray::number(offset + length - 1));
    send(patch, [self = shared_from_this(), length](Result<HttpResponse> answer) {
        if (!answer.ok())
            return self->recover(answer.error());
        const HttpResponse &response = answer.value();
        if (response.status == 416)
            return self->recover(registryError(response, QStringLiteral("A chunk")));
        if (response.status != 202)
            return self->finish(registryError(
                response, QStringLiteral("Upload of %1 to %2 failed")
                              .arg(self->payload.digest.shortForm(), self->repository)));
        if (auto session = self->sessionFrom(response); session.ok())
            self->location = session.value();
        ++self->result.chunks;
        const qint64 held = heldBytes(response);
        // The registry's Range is the truth; without one, count what was sent.
        self->offset = held > 0 ? qMin(held, self->payload.size) : self->offset + length;
        self->sendChunk();
    });
}

void Upload::close()
{
    QUrl target = location;
    QUrlQuery query(target);
    query.addQueryItem(QStringLiteral("digest"), payload.digest.toString());
    target.setQuery(query);
    HttpRequest put = request("PUT", target);
    put.setHeader("Content-Length", "0");
    send(put, [self = shared_from_this()](Result<HttpResponse> answer) {
        if (!answer.ok())
            return self->recover(answer.error());
        const HttpResponse &response = answer.value();
        if (response.status != 201 && response.status != 204)
            return self->finish(registryError(
                response, QStringLiteral("Upload of %1 to %2 failed")
                              .arg(self->payload.digest.shortForm(), self->repository)));
        self->location.clear();
        self->finish(self->result);
    });
}

void Upload::recover(const Error &why)
{
    const bool recoverable = why.kind == ErrorKind::Network || why.httpStatus == 416;
    if (!recoverable || result.resumes >= options.maxResumes)
        return finish(why);
    ++result.resumes;
    if (location.isEmpty() || result.route == BlobUploadResult::Route::Monolithic) {
        // A single PUT cannot continue halfway: start a fresh session.
        abandonSession();
        return openSession(false);
    }
    // Ask the session what it holds and continue from there (PROTOCOL §5).
    send(request("GET", location), [self = shared_from_this(), why](Result<HttpResponse> answer) {
        if (!answer.ok())
            return self->recover(answer.error());
        const HttpResponse &response = answer.value();
        if (response.status == 404) {
            // The registry dropped the session: start over.
            self->location.clear();
            return self->openSession(false);
        }
        if (response.status != 204 && response.status != 200)
            return self->finish(
                registryError(response, QStringLiteral("Could not resume the upload of %1")
                                            .arg(self->payload.digest.shortForm())));
        if (auto session = self->sessionFrom(response); session.ok())
            self->location = session.value();
        self->offset = qMin(heldBytes(response), self->payload.size);
        self->sendChunk();
    });
}

void Upload::abandonSession()
{
    if (location.isEmpty() || !client)
        return;
    // Nobody waits for this answer: the client is its context, so it outlives the caller.
    client->http()->send(request("DELETE", location), client, [](Result<HttpResponse>) {});
    location.clear();
}

void Upload::finish(Result<BlobUploadResult> outcome)
{
    if (finished)
        return;
    finished = true;
    QObject::disconnect(contextWatch);
    if (!outcome.ok())
        abandonSession();
    const RequestHandle step = std::exchange(current, RequestHandle());
    step.cancel();
    if (outcome.ok() && progress)
        progress(meter.sample(payload.size));
    progress = {};
    auto deliver = std::exchange(done, {});
    if (deliver)
        async::deliverLater(context, [deliver, outcome] { deliver(outcome); });
}

} // namespace

BlobUploader::BlobUploader(RegistryClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

RequestHandle BlobUploader::upload(const QString &repository, const BlobPayload &payload,
                                   const BlobUploadOptions &options, QObject *context,
                                   async::Callback<BlobUploadResult> done, Progress progress)
{
    RequestHandle outer;
    std::optional<Error> refusal;
    if (!m_client)
        refusal = Error::cancelled(QStringLiteral("The registry connection went away."));
    else if (const QString problem = RepositoryName::problem(repository); !problem.isEmpty())
        refusal = Error::make(ErrorKind::InvalidInput, problem);
    else if (!payload.digest.isValid())
        refusal = Error::make(ErrorKind::InvalidInput, QStringLiteral("The blob has no digest."));
    for (const QString &from : options.mountFrom) {
        if (!refusal && !RepositoryName::problem(from).isEmpty())
            refusal =
                Error::make(ErrorKind::InvalidInput, QStringLiteral("Cannot mount from \"%1\": %2")
                                                         .arg(from, RepositoryName::problem(from)));
    }
    if (refusal || !context) {
        async::deliverLater(context,
                            [done, error = refusal.value_or(Error::cancelled())] { done(error); });
        return outer;
    }
    auto upload = std::make_shared<Upload>();
    upload->client = m_client;
    upload->context = context;
    upload->repository = repository;
    upload->scope = RegistryClient::repositoryScope(repository, QStringLiteral("pull,push"));
    upload->payload = payload;
    upload->options = options;
    upload->options.chunkSize = qMax<qint64>(1, options.chunkSize);
    upload->done = std::move(done);
    upload->progress = std::move(progress);
    upload->meter.setTotal(payload.size);
    upload->result.digest = payload.digest;
    upload->result.size = payload.size;
    upload->contextWatch = async::watchContext(context, [weak = std::weak_ptr(upload)] {
        if (auto s = weak.lock()) {
            s->done = {}; // nobody is left to hear it
            s->finish(Error::cancelled());
        }
    });
    outer.setAbort([weak = std::weak_ptr(upload)] {
        if (auto s = weak.lock())
            s->finish(Error::cancelled());
    });
    QMetaObject::invokeMethod(
        context, [upload] { upload->exists(); }, Qt::QueuedConnection);
    return outer;
}

} // namespace ocular
