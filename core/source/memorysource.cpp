#include "memorysource.h"

#include <QFile>

#include "content/mediatype.h"
#include "referrers/fallbackindex.h"

#include <QRegularExpression>
#include <QTimer>

namespace ocular {

namespace {

constexpr qint64 MaxManifestBytes = 4 * 1024 * 1024;
constexpr qint64 SinkChunk = 64 * 1024;

bool validTag(const QString &tag)
{
    static const QRegularExpression grammar(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$"));
    return grammar.match(tag).hasMatch();
}

Error notFound(const QString &what)
{
    return Error::make(ErrorKind::NotFound, QStringLiteral("%1 does not exist.").arg(what), 404);
}

} // namespace

MemorySource::MemorySource(QObject *parent)
    : ContentSource(parent)
{}

Digest MemorySource::addBlob(const QString &repository, const QByteArray &bytes)
{
    const Digest digest = Digest::sha256(bytes);
    m_repositories[repository].blobs.insert(digest, bytes);
    return digest;
}

Result<Digest> MemorySource::addManifest(const QString &repository, const QByteArray &raw,
                                         const QString &mediaType, const QString &tag)
{
    auto parsed = Manifest::parse(raw, mediaType);
    if (!parsed.ok())
        return parsed.error();
    Repository &repo = m_repositories[repository];
    const Digest digest = parsed->digest();
    if (!repo.manifests.contains(digest))
        repo.order.append(digest);
    repo.manifests.insert(digest, StoredManifest{raw, parsed->mediaType()});
    if (!tag.isEmpty())
        repo.tags.insert(tag, digest);
    return digest;
}

void MemorySource::setTag(const QString &repository, const QString &tag, const Digest &digest)
{
    m_repositories[repository].tags.insert(tag, digest);
}

void MemorySource::tamper(const QString &repository, const Digest &digest, const QByteArray &bytes)
{
    Repository &repo = m_repositories[repository];
    if (repo.blobs.contains(digest))
        repo.blobs.insert(digest, bytes);
    if (repo.manifests.contains(digest))
        repo.manifests[digest].raw = bytes;
}

int MemorySource::totalCalls() const
{
    int total = 0;
    for (const int n : m_calls)
        total += n;
    return total;
}

void MemorySource::failNext(Operation operation, const Error &error, int times)
{
    for (int i = 0; i < times; ++i)
        m_failures[int(operation)].append(error);
}

template <typename T>
RequestHandle MemorySource::answer(Operation operation, QObject *context, Callback<T> done,
                                   std::function<Result<T>(MemorySource &)> compute)
{
    ++m_calls[int(operation)];
    std::optional<Error> failure;
    QList<Error> &failures = m_failures[int(operation)];
    if (!failures.isEmpty())
        failure = failures.takeFirst();
    RequestHandle handle;
    auto answered = std::make_shared<bool>(false);
    QPointer<QObject> guard(context);
    std::shared_ptr<int> inFlight = m_inFlight;
    m_maxInFlight = qMax(m_maxInFlight, ++*inFlight);
    handle.setAbort([answered, guard, done, inFlight] {
        if (*answered)
            return;
        *answered = true;
        --*inFlight;
        async::deliverLater(guard, [done] { done(Error::cancelled()); });
    });
    if (!context) {
        --*inFlight;
        return handle;
    }
    QPointer<MemorySource> self(this);
    // The answer is computed when it is delivered, as a server's would be after the latency.
    // (A call whose context dies first stays counted as in flight: it never answers.)
    QTimer::singleShot(
        m_latencyMs, context, [answered, self, failure, done, compute, inFlight, handle] {
            if (*answered)
                return;
            *answered = true;
            // The abort holds `done`, and callers keep handles in what `done` holds: a cycle
            // unless an answered call lets go of it.
            handle.setAbort({});
            --*inFlight;
            if (failure)
                return done(*failure);
            if (!self)
                return done(Error::cancelled(QStringLiteral("The content source went away.")));
            done(compute(*self));
        });
    return handle;
}

Result<NamePage> MemorySource::page(QStringList names, const PageCursor &cursor, int pageSize)
{
    names.sort();
    qsizetype start = 0;
    if (!cursor.isStart()) {
        if (cursor.isEnd()) {
            NamePage last;
            last.next = PageCursor::end();
            return last;
        }
        // Lexical continuation after the last name returned, as the distribution API's `last`.
        start = std::upper_bound(names.begin(), names.end(), cursor.token()) - names.begin();
    }
    NamePage out;
    const qsizetype count =
        pageSize > 0 ? qMin<qsizetype>(pageSize, names.size() - start) : names.size() - start;
    out.items = names.mid(start, count);
    out.next =
        start + count < names.size() ? PageCursor::continueAt(out.items.last()) : PageCursor::end();
    return out;
}

Result<Digest> MemorySource::digestOf(const Repository &repo, const QString &repository,
                                      const QString &reference) const
{
    if (isDigestReference(reference)) {
        const Digest digest = Digest::parse(reference).value();
        if (!repo.manifests.contains(digest))
            return notFound(repository + QLatin1Char('@') + reference);
        return digest;
    }
    if (!validTag(reference))
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("\"%1\" is neither a tag nor a digest.").arg(reference));
    const auto it = repo.tags.constFind(reference);
    if (it == repo.tags.constEnd())
        return notFound(repository + QLatin1Char(':') + reference);
    return it.value();
}

RequestHandle MemorySource::repositories(const PageCursor &cursor, int pageSize, QObject *context,
                                         Callback<NamePage> done)
{
    return answer<NamePage>(Operation::Repositories, context, std::move(done),
                            [cursor, pageSize](MemorySource &self) {
                                return page(self.m_repositories.keys(), cursor, pageSize);
                            });
}

RequestHandle MemorySource::tags(const QString &repository, const PageCursor &cursor, int pageSize,
                                 QObject *context, Callback<NamePage> done)
{
    return answer<NamePage>(Operation::Tags, context, std::move(done),
                            [repository, cursor, pageSize](MemorySource &self) -> Result<NamePage> {
                                const auto it = self.m_repositories.constFind(repository);
                                if (it == self.m_repositories.constEnd())
                                    return notFound(
                                        QStringLiteral("The repository %1").arg(repository));
                                return page(it->tags.keys(), cursor, pageSize);
                            });
}

RequestHandle MemorySource::resolve(const QString &repository, const QString &reference,
                                    QObject *context, Callback<ResolvedReference> done)
{
    return answer<ResolvedReference>(
        Operation::Resolve, context, std::move(done),
        [repository, reference](MemorySource &self) -> Result<ResolvedReference> {
            const Repository repo = self.m_repositories.value(repository);
            const auto digest = self.digestOf(repo, repository, reference);
            if (!digest.ok())
                return digest.error();
            const StoredManifest &stored = repo.manifests[digest.value()];
            ResolvedReference resolved;
            resolved.descriptor.digest = digest.value();
            resolved.descriptor.mediaType = stored.mediaType;
            resolved.descriptor.size = stored.raw.size();
            resolved.verified = digest->matches(stored.raw);
            return resolved;
        });
}

RequestHandle MemorySource::manifest(const QString &repository, const QString &reference,
                                     QObject *context, Callback<SourceManifest> done)
{
    return answer<SourceManifest>(
        Operation::Manifest, context, std::move(done),
        [repository, reference](MemorySource &self) -> Result<SourceManifest> {
            const Repository repo = self.m_repositories.value(repository);
            const auto digest = self.digestOf(repo, repository, reference);
            if (!digest.ok())
                return digest.error();
            const StoredManifest &stored = repo.manifests[digest.value()];
            auto parsed = Manifest::parse(stored.raw, stored.mediaType);
            if (!parsed.ok())
                return parsed.error();
            SourceManifest out{std::move(parsed).value(), {}, false};
            if (out.manifest.digest() != digest.value()) {
                if (isDigestReference(reference))
                    return Error::make(ErrorKind::DigestMismatch,
                                       QStringLiteral("The manifest received does not match the "
                                                      "digest %1 it was asked for; it was "
                                                      "discarded.")
                                           .arg(digest->toString()));
                out.warning = QStringLiteral("The source says this manifest is %1, but its "
                                             "bytes hash to %2; Ocular uses its own hash.")
                                  .arg(digest->toString(), out.manifest.digest().toString());
            }
            return out;
        });
}

RequestHandle MemorySource::rawManifest(const QString &repository, const QString &reference,
                                        QObject *context, Callback<RawManifest> done)
{
    return answer<RawManifest>(
        Operation::RawManifest, context, std::move(done),
        [repository, reference](MemorySource &self) -> Result<RawManifest> {
            const Repository repo = self.m_repositories.value(repository);
            const auto digest = self.digestOf(repo, repository, reference);
            if (!digest.ok())
                return digest.error();
            const StoredManifest &stored = repo.manifests[digest.value()];
            if (isDigestReference(reference) && !digest->matches(stored.raw))
                return Error::make(ErrorKind::DigestMismatch,
                                   QStringLiteral("The manifest received does not match the "
                                                  "digest %1 it was asked for; it was "
                                                  "discarded.")
                                       .arg(digest->toString()));
            return RawManifest{stored.raw, stored.mediaType,
                               isDigestReference(reference) ? digest.value()
                                                            : Digest::sha256(stored.raw),
                               self.m_etags ? etagOf(digest.value()) : QByteArray()};
        });
}

RequestHandle MemorySource::blob(const QString &repository, const Digest &digest,
                                 std::shared_ptr<BlobSink> sink, qint64 maxBytes, QObject *context,
                                 Callback<BlobReceipt> done)
{
    return answer<BlobReceipt>(
        Operation::Blob, context, std::move(done),
        [repository, digest, sink, maxBytes](MemorySource &self) -> Result<BlobReceipt> {
            const auto repo = self.m_repositories.constFind(repository);
            if (repo == self.m_repositories.constEnd() || !repo->blobs.contains(digest))
                return notFound(QStringLiteral("Blob %1").arg(digest.shortForm()));
            const QByteArray bytes = repo->blobs.value(digest);
            if (bytes.size() > maxBytes)
                return Error::make(ErrorKind::TooLarge,
                                   QStringLiteral("The blob %1 is larger than %2 KiB; not loaded.")
                                       .arg(digest.shortForm())
                                       .arg(maxBytes / 1024));
            QCryptographicHash hash(digest.isVerifiable() ? digest.hashAlgorithm()
                                                          : QCryptographicHash::Sha256);
            for (qsizetype at = 0; at < bytes.size(); at += SinkChunk) {
                const QByteArrayView chunk =
                    QByteArrayView(bytes).sliced(at, qMin<qsizetype>(SinkChunk, bytes.size() - at));
                hash.addData(chunk);
                if (!sink->write(chunk)) {
                    sink->discard();
                    return Error::make(
                        ErrorKind::InvalidInput,
                        QStringLiteral("Could not store the blob %1.").arg(digest.shortForm()));
                }
            }
            if (!digest.isVerifiable() ||
                QString::fromLatin1(hash.result().toHex()) != digest.encoded()) {
                sink->discard();
                return Error::make(ErrorKind::DigestMismatch,
                                   QStringLiteral("The blob received does not match its digest "
                                                  "%1; it was discarded.")
                                       .arg(digest.toString()));
            }
            const auto committed = sink->commit();
            if (!committed.ok())
                return committed.error();
            return BlobReceipt{digest, bytes.size(), false};
        });
}

RequestHandle MemorySource::referrers(const QString &repository, const Digest &subject,
                                      const QString &artifactType, QObject *context,
                                      Callback<ReferrersAnswer> done)
{
    return answer<ReferrersAnswer>(
        Operation::Referrers, context, std::move(done),
        [repository, subject, artifactType](MemorySource &self) -> Result<ReferrersAnswer> {
            ReferrersAnswer out;
            if (!self.m_referrersApi) {
                out.kind = ReferrersAnswer::Kind::ApiAbsent;
                out.evidence = QStringLiteral("memory source without a referrers API");
                return out;
            }
            const auto repo = self.m_repositories.constFind(repository);
            if (repo == self.m_repositories.constEnd()) {
                out.kind = ReferrersAnswer::Kind::Unknown;
                out.evidence = QStringLiteral("no such repository");
                return out;
            }
            out.kind = ReferrersAnswer::Kind::Api;
            out.pages = 1;
            out.filterAppliedByServer = !artifactType.isEmpty() && self.m_serverFiltering;
            out.evidence = QStringLiteral("memory referrers API");
            for (const Digest &digest : repo->order) {
                const StoredManifest &stored = repo->manifests[digest];
                const auto parsed = Manifest::parse(stored.raw, stored.mediaType);
                if (!parsed.ok() || !parsed->subject() || parsed->subject()->digest != subject)
                    continue;
                Descriptor d;
                d.mediaType = parsed->mediaType();
                d.digest = digest;
                d.size = stored.raw.size();
                d.artifactType = parsed->effectiveArtifactType();
                d.annotations = parsed->annotations();
                if (!artifactType.isEmpty() &&
                    !mediatype::sameType(FallbackIndex::entryType(d), artifactType))
                    continue; // server-side or here: the answer is filtered either way
                out.referrers.append(d);
            }
            return out;
        });
}

RequestHandle MemorySource::uploadBlob(const QString &repository, const BlobPayload &payload,
                                       const BlobUploadOptions &options, QObject *context,
                                       Callback<BlobUploadResult> done,
                                       TransferProgressCallback progress)
{
    return answer<BlobUploadResult>(
        Operation::PushBlob, context, std::move(done),
        [repository, payload, options, progress](MemorySource &self) -> Result<BlobUploadResult> {
            BlobUploadResult result;
            result.digest = payload.digest;
            result.size = payload.size;
            if (self.m_repositories.value(repository).blobs.contains(payload.digest)) {
                result.route = BlobUploadResult::Route::AlreadyPresent;
                return result;
            }
            for (const QString &from : options.mountFrom) {
                const QByteArray there =
                    self.m_repositories.value(from).blobs.value(payload.digest);
                if (!there.isNull()) {
                    self.addBlob(repository, there);
                    result.route = BlobUploadResult::Route::Mounted;
                    result.mountedFrom = from;
                    return result;
                }
            }
            if (options.mountOnly)
                return Error::make(ErrorKind::NotFound,
                                   QStringLiteral("%1 is neither in %2 nor mountable there")
                                       .arg(payload.digest.shortForm(), repository));
            QByteArray bytes = payload.bytes;
            if (payload.isFile()) {
                // Tests and layouts only: a memory source holds what it stores anyway.
                QFile file(payload.filePath);
                if (!file.open(QIODevice::ReadOnly))
                    return Error::make(ErrorKind::InvalidInput,
                                       QStringLiteral("Cannot read %1: %2")
                                           .arg(payload.filePath, file.errorString()));
                bytes = file.readAll();
            }
            if (!payload.digest.matches(bytes))
                return Error::make(
                    ErrorKind::DigestMismatch,
                    QStringLiteral("The blob does not hash to %1.").arg(payload.digest.toString()));
            self.addBlob(repository, bytes);
            if (progress)
                progress(TransferProgress{bytes.size(), bytes.size(), 0, 0});
            return result;
        });
}

RequestHandle MemorySource::pushManifest(const QString &repository, const QString &reference,
                                         const QByteArray &raw, const QString &mediaType,
                                         const WriteCondition &condition, QObject *context,
                                         Callback<PushedContent> done)
{
    return answer<PushedContent>(
        Operation::PushManifest, context, std::move(done),
        [repository, reference, raw, mediaType,
         ifMatch = condition.ifMatch](MemorySource &self) -> Result<PushedContent> {
            if (raw.size() > MaxManifestBytes)
                return Error::make(ErrorKind::TooLarge,
                                   QStringLiteral("The manifest is %1 bytes; registries refuse "
                                                  "manifests above 4 MiB.")
                                       .arg(raw.size()));
            const bool byDigest = isDigestReference(reference);
            if (!byDigest && !validTag(reference))
                return Error::make(ErrorKind::InvalidInput,
                                   QStringLiteral("\"%1\" is not a valid tag.").arg(reference));
            if (byDigest && !Digest::parse(reference)->matches(raw))
                return Error::make(
                    ErrorKind::DigestMismatch,
                    QStringLiteral("The manifest does not hash to %1.").arg(reference));
            if (!ifMatch.isEmpty() && self.m_etags) {
                const auto current =
                    self.digestOf(self.m_repositories.value(repository), repository, reference);
                if (!current.ok() || etagOf(current.value()) != ifMatch)
                    return Error::make(
                        ErrorKind::PreconditionFailed,
                        QStringLiteral("%1 changed since it was read.").arg(reference), 412);
            }
            auto stored =
                self.addManifest(repository, raw, mediaType, byDigest ? QString() : reference);
            if (!stored.ok())
                return stored.error();
            const auto parsed = Manifest::parse(raw, mediaType);
            return PushedContent{stored.value(), self.m_referrersApi && parsed->subject()};
        });
}

QByteArray MemorySource::etagOf(const Digest &digest)
{
    return '"' + digest.toString().toLatin1() + '"';
}

RequestHandle MemorySource::deleteManifest(const QString &repository, const QString &reference,
                                           QObject *context, Callback<Done> done)
{
    return answer<Done>(Operation::Delete, context, std::move(done),
                        [repository, reference](MemorySource &self) -> Result<Done> {
                            Repository &repo = self.m_repositories[repository];
                            if (!isDigestReference(reference)) {
                                if (!self.m_tagDelete)
                                    return Error::make(
                                        ErrorKind::Unsupported,
                                        QStringLiteral("This source cannot delete a tag alone."),
                                        400);
                                if (repo.tags.remove(reference) == 0)
                                    return notFound(repository + QLatin1Char(':') + reference);
                                return Done{};
                            }
                            const Digest digest = Digest::parse(reference).value();
                            if (!repo.manifests.remove(digest))
                                return notFound(repository + QLatin1Char('@') + reference);
                            repo.order.removeAll(digest);
                            for (auto it = repo.tags.begin(); it != repo.tags.end();) {
                                if (it.value() == digest)
                                    it = repo.tags.erase(it);
                                else
                                    ++it;
                            }
                            return Done{};
                        });
}

RequestHandle MemorySource::deleteBlob(const QString &repository, const Digest &digest,
                                       QObject *context, Callback<Done> done)
{
    Q_UNUSED(repository)
    Q_UNUSED(digest)
    // Blobs here live as long as the source; a caller must hear that nothing was deleted
    // rather than believe it was.
    return answer<Done>(Operation::DeleteBlob, context, std::move(done), [](MemorySource &) {
        return Result<Done>(Error::make(ErrorKind::Unsupported,
                                        QStringLiteral("This source does not delete blobs; "
                                                       "nothing was changed."),
                                        405));
    });
}

} // namespace ocular
