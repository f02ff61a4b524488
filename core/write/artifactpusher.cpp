#include "artifactpusher.h"

#include "async/guardedstep.h"
#include "async/sequence.h"
#include "content/mediatype.h"
#include "source/contentsource.h"
#include "write/replacedindexremoval.h"

#include <QDateTime>
#include <QFileInfo>

namespace ocular {

namespace {

const QString kCreated = QStringLiteral("org.opencontainers.image.created");

Error sourceGone()
{
    return Error::cancelled(QStringLiteral("The content source went away."));
}

/// Hashes `files` one after another off the GUI thread.
struct FileHashing : std::enable_shared_from_this<FileHashing>
{
    ArtifactRequest request;
    QList<BlobPayload> payloads;
    QPointer<QObject> context;
    async::Callback<PreparedArtifact> done;

    void next()
    {
        if (!context)
            return;
        if (payloads.size() == request.files.size()) {
            auto built = ArtifactPusher::build(request, payloads);
            return done(built);
        }
        const QString path = request.files.at(payloads.size()).path;
        BlobPayload::fromFile(path, context, [self = shared_from_this()](Result<BlobPayload> p) {
            if (!p.ok())
                return self->done(p.error());
            self->payloads.append(p.value());
            self->next();
        });
    }
};

/// What a push run shares between its steps.
struct PushRun
{
    PreparedArtifact artifact;
    ArtifactPushResult result;
    ArtifactPusher::Progress progress;
    TransferMeter meter;
    qint64 sentBefore = 0; ///< bytes of the blobs already finished
};

} // namespace

ArtifactPusher::ArtifactPusher(ContentSource *source, QObject *parent)
    : QObject(parent)
    , m_source(source)
{}

Result<PreparedArtifact> ArtifactPusher::build(const ArtifactRequest &request,
                                               const QList<BlobPayload> &files)
{
    if (files.size() != request.files.size())
        return Error::make(ErrorKind::InvalidInput, QStringLiteral("Every file must be hashed."));
    ManifestBuilder::Artifact artifact;
    artifact.artifactType = request.artifactType;
    artifact.subject = request.subject;
    for (auto it = request.annotations.cbegin(); it != request.annotations.cend(); ++it)
        artifact.annotations.insert(it.key(), it.value());
    if (!artifact.annotations.contains(kCreated)) {
        const QString created = request.created.isEmpty()
                                    ? QDateTime::currentDateTimeUtc().toString(Qt::ISODate)
                                    : request.created;
        artifact.annotations.insert(kCreated, created);
    }
    PreparedArtifact prepared;
    prepared.request = request;
    prepared.blobs.append(BlobPayload::fromBytes(ManifestBuilder::emptyConfig().bytes));
    for (int i = 0; i < files.size(); ++i) {
        const ArtifactFile &file = request.files.at(i);
        ManifestBuilder::Artifact::File entry;
        entry.mediaType = file.mediaType;
        entry.title = file.title.isEmpty() ? QFileInfo(file.path).fileName() : file.title;
        entry.digest = files.at(i).digest;
        entry.size = files.at(i).size;
        artifact.files.append(entry);
        prepared.blobs.append(files.at(i));
    }
    auto manifest = ManifestBuilder().artifact(artifact);
    if (!manifest.ok())
        return manifest.error();
    prepared.manifest = manifest.value();
    prepared.request.created = artifact.annotations.value(kCreated).toString();
    return prepared;
}

QJsonObject ArtifactPusher::referrerEntry(const BuiltManifest &manifest,
                                          const QString &artifactType,
                                          const QMap<QString, QString> &annotations)
{
    QJsonObject entry = manifest.descriptorJson();
    entry.insert(QStringLiteral("artifactType"), artifactType);
    QJsonObject notes;
    for (auto it = annotations.cbegin(); it != annotations.cend(); ++it)
        notes.insert(it.key(), it.value());
    if (!notes.isEmpty())
        entry.insert(QStringLiteral("annotations"), notes);
    return entry;
}

void ArtifactPusher::prepare(const ArtifactRequest &request, QObject *context,
                             async::Callback<PreparedArtifact> done)
{
    auto hashing = std::make_shared<FileHashing>();
    hashing->request = request;
    hashing->context = context;
    // Answers arrive on a later turn: the first file is hashed off-thread, and with no files
    // the build is delivered through the queue too.
    hashing->done = [context, done](Result<PreparedArtifact> prepared) {
        async::deliverLater(context, [done, prepared] { done(prepared); });
    };
    hashing->next();
}

RequestHandle ArtifactPusher::push(const PreparedArtifact &artifact, QObject *context,
                                   async::Callback<ArtifactPushResult> done, Progress progress)
{
    if (!m_source) {
        async::deliverLater(context, [done] { done(sourceGone()); });
        return RequestHandle();
    }
    auto run = std::make_shared<PushRun>();
    run->artifact = artifact;
    run->progress = std::move(progress);
    run->result.digest = artifact.manifest.digest;
    run->result.size = artifact.manifest.size();
    qint64 total = 0;
    for (const BlobPayload &blob : artifact.blobs)
        total += blob.size;
    run->meter.setTotal(total);
    const QString repository = artifact.request.repository;
    QPointer<ContentSource> source = m_source;
    auto *writer = new FallbackIndexWriter(m_source, this);

    QList<async::Task<Done>> steps;
    for (const BlobPayload &blob : artifact.blobs) {
        steps.append(async::guardedStep(
            source,
            [=](ContentSource *source, async::Callback<Done> next) -> RequestHandle {
                const QString stage = QStringLiteral("Uploading %1").arg(blob.digest.shortForm());
                return source->uploadBlob(
                    repository, blob, BlobUploadOptions{}, context,
                    [run, next, size = blob.size](Result<BlobUploadResult> uploaded) {
                        if (!uploaded.ok())
                            return next(uploaded.error());
                        run->result.blobs.append(uploaded.value());
                        run->sentBefore += size;
                        next(Done{});
                    },
                    [run, stage](const TransferProgress &p) {
                        if (run->progress)
                            run->progress(stage, run->meter.sample(run->sentBefore + p.bytesDone));
                    });
            },
            sourceGone()));
    }
    // The manifest by digest: until the tag moves, nothing a user sees has changed.
    steps.append(async::guardedStep(
        source,
        [=](ContentSource *source, async::Callback<Done> next) -> RequestHandle {
            if (run->progress)
                run->progress(QStringLiteral("Pushing the manifest"), run->meter.sample(total));
            const BuiltManifest &m = run->artifact.manifest;
            return source->pushManifest(repository, m.digest.toString(), m.raw, m.mediaType,
                                        context, [run, next](Result<PushedContent> pushed) {
                                            if (!pushed.ok())
                                                return next(pushed.error());
                                            run->result.subjectRecorded = pushed->subjectRecorded;
                                            next(Done{});
                                        });
        },
        sourceGone()));
    if (artifact.request.subject) {
        steps.append(async::guardedStep(
            source,
            // The writer writes through the source: the step needs it alive, not its pointer.
            [=](ContentSource *, async::Callback<Done> next) -> RequestHandle {
                if (run->result.subjectRecorded)
                    return next(Done{}), RequestHandle();
                if (run->progress)
                    run->progress(QStringLiteral("Updating the fallback referrers tag"),
                                  run->meter.sample(total));
                const PreparedArtifact &a = run->artifact;
                QMap<QString, QString> annotations = a.request.annotations;
                if (!annotations.contains(kCreated))
                    annotations.insert(kCreated, a.request.created);
                const QJsonObject entry =
                    referrerEntry(a.manifest, a.request.artifactType, annotations);
                return writer->add(repository, a.request.subject->digest, entry, context,
                                   [run, next](Result<FallbackIndexChange> change) {
                                       if (!change.ok())
                                           return next(change.error());
                                       run->result.fallback = change.value();
                                       next(Done{});
                                   });
            },
            sourceGone()));
        if (artifact.request.deleteReplacedIndex) {
            steps.append(async::guardedStep(
                source,
                [=](ContentSource *source, async::Callback<Done> next) -> RequestHandle {
                    if (!run->result.fallback)
                        return next(Done{}), RequestHandle();
                    return removeReplacedIndex(source, repository, *run->result.fallback, context,
                                               [run, next](Result<ReplacedIndexRemoval> removal) {
                                                   if (!removal.ok())
                                                       return next(removal.error());
                                                   run->result.replacedIndexDeleted =
                                                       removal->deleted;
                                                   run->result.replacedIndexNote = removal->note;
                                                   next(Done{});
                                               });
                },
                sourceGone()));
        }
    }
    if (!artifact.request.tag.isEmpty()) {
        steps.append(async::guardedStep(
            source,
            [=](ContentSource *source, async::Callback<Done> next) -> RequestHandle {
                const BuiltManifest &m = run->artifact.manifest;
                return source->pushManifest(repository, run->artifact.request.tag, m.raw,
                                            m.mediaType, context,
                                            [next](Result<PushedContent> pushed) {
                                                if (!pushed.ok())
                                                    return next(pushed.error());
                                                next(Done{});
                                            });
            },
            sourceGone()));
    }
    return async::sequence(context, std::move(steps), [run, done, writer](Result<Done> finished) {
        writer->deleteLater();
        if (!finished.ok())
            return done(finished.error());
        done(run->result);
    });
}

} // namespace ocular
