#include "ocilayoutsource.h"

#include "base/offthread.h"
#include "content/manifest.h"
#include "content/mediatype.h"
#include "layout/ocilayout.h"
#include "reference/reference.h"
#include "reference/repositoryname.h"
#include "referrers/fallbackindex.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace ocular {

namespace {

constexpr qint64 SinkChunk = 1024 * 1024;

Error unsupported(const QString &what)
{
    return Error::make(
        ErrorKind::Unsupported,
        QStringLiteral("An OCI layout source does not %1; nothing was changed.").arg(what), 405);
}

} // namespace

OciLayoutSource::OciLayoutSource(const QString &directory, const QString &repository,
                                 QObject *parent)
    : ContentSource(parent)
    , m_layout(std::make_shared<OciLayout>(directory))
    , m_repository(repository.isEmpty() ? repositoryNameFor(directory) : repository)
{}

OciLayoutSource::~OciLayoutSource() = default;

Result<Done> OciLayoutSource::create()
{
    return m_layout->ensureCreated();
}

QString OciLayoutSource::repositoryNameFor(const QString &directory)
{
    const QString name = QFileInfo(directory).fileName().toLower();
    return RepositoryName::problem(name).isEmpty() ? name : QStringLiteral("layout");
}

QString OciLayoutSource::displayName() const
{
    return QStringLiteral("oci:") + m_layout->directory();
}

template <typename T>
RequestHandle OciLayoutSource::run(QObject *context, Callback<T> done,
                                   std::function<Result<T>(OciLayout &)> work)
{
    RequestHandle handle;
    auto answered = std::make_shared<bool>(false);
    QPointer<QObject> guard(context);
    handle.setAbort([answered, guard, done] {
        if (*answered)
            return;
        *answered = true;
        async::deliverLater(guard, [done] { done(Error::cancelled()); });
    });
    if (!context)
        return handle;
    std::shared_ptr<OciLayout> layout = m_layout; // outlives this source while work runs
    runOffThread<Result<T>>(
        context, [layout, work]() { return work(*layout); },
        [answered, done, handle](Result<T> result) {
            if (*answered)
                return;
            *answered = true;
            handle.setAbort({});
            done(std::move(result));
        });
    return handle;
}

RequestHandle OciLayoutSource::repositories(const PageCursor &cursor, int pageSize,
                                            QObject *context, Callback<NamePage> done)
{
    Q_UNUSED(pageSize)
    const QString name = m_repository;
    return run<NamePage>(context, std::move(done),
                         [cursor, name](OciLayout &layout) -> Result<NamePage> {
                             const auto index = layout.readIndex();
                             if (!index.ok())
                                 return index.error();
                             NamePage page;
                             if (cursor.isStart())
                                 page.items = QStringList{name};
                             page.next = PageCursor::end();
                             return page;
                         });
}

RequestHandle OciLayoutSource::tags(const QString &repository, const PageCursor &cursor,
                                    int pageSize, QObject *context, Callback<NamePage> done)
{
    Q_UNUSED(repository)
    Q_UNUSED(pageSize)
    return run<NamePage>(context, std::move(done), [cursor](OciLayout &layout) -> Result<NamePage> {
        const auto index = layout.readIndex();
        if (!index.ok())
            return index.error();
        NamePage page;
        // One page: index.json is read whole anyway (capped at 4 MiB).
        if (cursor.isStart()) {
            page.items = index->tags.keys();
            page.rejected = index->rejected;
        }
        page.next = PageCursor::end();
        return page;
    });
}

RequestHandle OciLayoutSource::resolve(const QString &repository, const QString &reference,
                                       QObject *context, Callback<ResolvedReference> done)
{
    Q_UNUSED(repository)
    return run<ResolvedReference>(context, std::move(done),
                                  [reference](OciLayout &layout) -> Result<ResolvedReference> {
                                      const auto d = layout.resolve(reference);
                                      if (!d.ok())
                                          return d.error();
                                      return ResolvedReference{d.value(), false};
                                  });
}

RequestHandle OciLayoutSource::rawManifest(const QString &repository, const QString &reference,
                                           QObject *context, Callback<RawManifest> done)
{
    Q_UNUSED(repository)
    return run<RawManifest>(
        context, std::move(done), [reference](OciLayout &layout) -> Result<RawManifest> {
            const auto d = layout.resolve(reference);
            if (!d.ok())
                return d.error();
            const auto bytes = layout.readVerified(d->digest, OciLayout::MaxDocumentBytes);
            if (!bytes.ok())
                return bytes.error();
            return RawManifest{bytes.value(), d->mediaType, d->digest, {}};
        });
}

RequestHandle OciLayoutSource::manifest(const QString &repository, const QString &reference,
                                        QObject *context, Callback<SourceManifest> done)
{
    Q_UNUSED(repository)
    return run<SourceManifest>(
        context, std::move(done), [reference](OciLayout &layout) -> Result<SourceManifest> {
            const auto d = layout.resolve(reference);
            if (!d.ok())
                return d.error();
            const auto bytes = layout.readVerified(d->digest, OciLayout::MaxDocumentBytes);
            if (!bytes.ok())
                return bytes.error();
            auto parsed = Manifest::parse(bytes.value(), d->mediaType);
            if (!parsed.ok())
                return parsed.error();
            return SourceManifest{std::move(parsed).value(), {}, false};
        });
}

RequestHandle OciLayoutSource::blob(const QString &repository, const Digest &digest,
                                    std::shared_ptr<BlobSink> sink, qint64 maxBytes,
                                    QObject *context, Callback<BlobReceipt> done)
{
    Q_UNUSED(repository)
    // The sink belongs to this call alone, so the worker thread may write into it.
    return run<BlobReceipt>(
        context, std::move(done),
        [digest, sink, maxBytes](OciLayout &layout) -> Result<BlobReceipt> {
            const QString path = layout.blobPath(digest);
            if (path.isEmpty() || !digest.isVerifiable())
                return Error::make(
                    ErrorKind::InvalidInput,
                    QStringLiteral("Cannot verify the digest %1.").arg(digest.toString()));
            QFile file(path);
            if (!file.exists())
                return OciLayout::missing(digest, layout.directory());
            if (!file.open(QIODevice::ReadOnly))
                return Error::make(
                    ErrorKind::InvalidInput,
                    QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
            if (file.size() > maxBytes)
                return Error::make(ErrorKind::TooLarge,
                                   QStringLiteral("The blob %1 is larger than %2 KiB; not loaded.")
                                       .arg(digest.shortForm())
                                       .arg(maxBytes / 1024));
            QCryptographicHash hash(digest.hashAlgorithm());
            qint64 total = 0;
            while (!file.atEnd()) {
                const QByteArray chunk = file.read(SinkChunk);
                total += chunk.size();
                hash.addData(chunk);
                if (chunk.isEmpty() || !sink->write(chunk)) {
                    sink->discard();
                    return Error::make(
                        ErrorKind::InvalidInput,
                        QStringLiteral("Could not store the blob %1.").arg(digest.shortForm()));
                }
            }
            if (QString::fromLatin1(hash.result().toHex()) != digest.encoded()) {
                sink->discard();
                return Error::make(ErrorKind::DigestMismatch,
                                   QStringLiteral("The file for %1 in the layout %2 does not hash "
                                                  "to its digest (corrupt layout); discarded.")
                                       .arg(digest.toString(), layout.directory()));
            }
            const auto committed = sink->commit();
            if (!committed.ok())
                return committed.error();
            return BlobReceipt{digest, total, false};
        });
}

RequestHandle OciLayoutSource::referrers(const QString &repository, const Digest &subject,
                                         const QString &artifactType, QObject *context,
                                         Callback<ReferrersAnswer> done)
{
    Q_UNUSED(repository)
    return run<ReferrersAnswer>(
        context, std::move(done),
        [subject, artifactType](OciLayout &layout) -> Result<ReferrersAnswer> {
            const auto found = layout.referrers(subject);
            if (!found.ok())
                return found.error();
            ReferrersAnswer out;
            out.kind = ReferrersAnswer::Kind::Api;
            out.pages = 1;
            out.evidence = QStringLiteral("subjects of the manifests in the OCI layout");
            for (const Descriptor &d : found.value()) {
                if (!artifactType.isEmpty() &&
                    !mediatype::sameType(FallbackIndex::entryType(d), artifactType))
                    continue;
                out.referrers.append(d);
            }
            return out;
        });
}

RequestHandle OciLayoutSource::uploadBlob(const QString &repository, const BlobPayload &payload,
                                          const BlobUploadOptions &options, QObject *context,
                                          Callback<BlobUploadResult> done,
                                          TransferProgressCallback progress)
{
    Q_UNUSED(repository)
    Q_UNUSED(progress) // not reported: a local file copy, no transfer to meter
    return run<BlobUploadResult>(
        context, std::move(done),
        [payload, options](OciLayout &layout) -> Result<BlobUploadResult> {
            BlobUploadResult result;
            result.digest = payload.digest;
            result.size = payload.size;
            if (layout.hasBlob(payload.digest)) {
                result.route = BlobUploadResult::Route::AlreadyPresent;
                return result;
            }
            if (options.mountOnly)
                return Error::make(ErrorKind::NotFound,
                                   QStringLiteral("%1 is not in the layout %2")
                                       .arg(payload.digest.shortForm(), layout.directory()));
            if (payload.isFile()) {
                const auto stored = layout.putFile(payload.filePath, payload.digest);
                if (!stored.ok())
                    return stored.error();
            } else {
                if (!payload.digest.matches(payload.bytes))
                    return Error::make(ErrorKind::DigestMismatch,
                                       QStringLiteral("The blob does not hash to %1.")
                                           .arg(payload.digest.toString()));
                const auto stored = layout.putBytes(payload.bytes);
                if (!stored.ok())
                    return stored.error();
            }
            return result;
        });
}

RequestHandle OciLayoutSource::pushManifest(const QString &repository, const QString &reference,
                                            const QByteArray &raw, const QString &mediaType,
                                            const WriteCondition &condition, QObject *context,
                                            Callback<PushedContent> done)
{
    Q_UNUSED(repository)
    Q_UNUSED(condition) // a layout has no versions to compare: writers read their change back
    return run<PushedContent>(
        context, std::move(done),
        [reference, raw, mediaType](OciLayout &layout) -> Result<PushedContent> {
            if (raw.size() > OciLayout::MaxDocumentBytes)
                return Error::make(ErrorKind::TooLarge,
                                   QStringLiteral("The manifest is %1 bytes; manifests above "
                                                  "4 MiB are refused.")
                                       .arg(raw.size()));
            const bool byDigest = isDigestReference(reference);
            if (byDigest && !Digest::parse(reference)->matches(raw))
                return Error::make(
                    ErrorKind::DigestMismatch,
                    QStringLiteral("The manifest does not hash to %1.").arg(reference));
            if (!byDigest && !Reference::isValidTag(reference))
                return Error::make(ErrorKind::InvalidInput,
                                   QStringLiteral("\"%1\" is not a valid tag.").arg(reference));
            const auto parsed = Manifest::parse(raw, mediaType);
            if (!parsed.ok())
                return parsed.error();
            const auto stored = layout.putBytes(raw);
            if (!stored.ok())
                return stored.error();
            Descriptor entry;
            entry.mediaType = parsed->mediaType();
            entry.digest = stored.value();
            entry.size = raw.size();
            if (!parsed->artifactType().isEmpty())
                entry.artifactType = parsed->artifactType();
            // Tagged manifests and referrers are listed in index.json (where oras puts
            // referrers too); other by-digest manifests are children reachable from an index.
            if (!byDigest || parsed->subject()) {
                const auto listed = layout.setIndexEntry(entry, byDigest ? QString() : reference);
                if (!listed.ok())
                    return listed.error();
            }
            return PushedContent{stored.value(), bool(parsed->subject())};
        });
}

RequestHandle OciLayoutSource::deleteManifest(const QString &repository, const QString &reference,
                                              QObject *context, Callback<Done> done)
{
    Q_UNUSED(repository)
    Q_UNUSED(reference)
    return run<Done>(context, std::move(done), [](OciLayout &) -> Result<Done> {
        return unsupported(QStringLiteral("delete manifests"));
    });
}

RequestHandle OciLayoutSource::deleteBlob(const QString &repository, const Digest &digest,
                                          QObject *context, Callback<Done> done)
{
    Q_UNUSED(repository)
    Q_UNUSED(digest)
    return run<Done>(context, std::move(done), [](OciLayout &) -> Result<Done> {
        return unsupported(QStringLiteral("delete blobs"));
    });
}

} // namespace ocular
