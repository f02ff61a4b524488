#include "contentcopier.h"

#include "content/manifest.h"
#include "referrers/cosigntags.h"
#include "referrers/fallbackindex.h"
#include "source/contentsource.h"
#include "source/fileblobsink.h"

#include <QFile>
#include <QHash>
#include <QSet>
#include <QTemporaryDir>
#include <utility>

namespace ocular {

namespace {

using Next = std::function<void()>;

constexpr int MaxParallelBlobs = 4;

/// The blobs of one manifest, copied a few at a time.
struct BlobBatch
{
    QList<Descriptor> blobs;
    qsizetype next = 0;
    qsizetype left = 0;
    Next then;
};

/// The fallback index entry of a copied referrer: its descriptor, type and annotations.
QJsonObject referrerEntry(const Manifest &manifest)
{
    QJsonObject entry{{QStringLiteral("mediaType"), manifest.mediaType()},
                      {QStringLiteral("digest"), manifest.digest().toString()},
                      {QStringLiteral("size"), qint64(manifest.raw().size())}};
    if (const QString type = manifest.effectiveArtifactType(); !type.isEmpty())
        entry.insert(QStringLiteral("artifactType"), type);
    QJsonObject annotations;
    for (auto it = manifest.annotations().cbegin(); it != manifest.annotations().cend(); ++it)
        annotations.insert(it.key(), it.value());
    if (!annotations.isEmpty())
        entry.insert(QStringLiteral("annotations"), annotations);
    return entry;
}

struct Copy : std::enable_shared_from_this<Copy>
{
    QPointer<ContentSource> from;
    QPointer<ContentSource> to;
    QPointer<FallbackIndexWriter> writer;
    QPointer<QObject> context;
    QString fromRepository;
    QString toRepository;
    CopyOptions options;
    async::Callback<CopyResult> done;
    ContentCopier::Progress progress;

    QTemporaryDir temp;
    int tempFiles = 0;
    CopyResult result;
    QSet<Digest> copied;
    QSet<Digest> referrersWalked;
    /// The copied manifest and every index child under it: referrers are looked for on each (a
    /// platform image carries its own SBOMs and signatures, not only the index).
    QList<Digest> treeManifests;
    /// Fallback index entries of copied referrers, per subject: written once per subject when
    /// its list is done, not once per referrer (each write would leave an index behind).
    QHash<Digest, QList<QJsonObject>> pendingEntries;
    RequestHandle current;
    /// Blob copies run side by side (skopeo does too): one handle per lane in flight.
    QHash<int, RequestHandle> blobLanes;
    int nextBlobLane = 0;
    QMetaObject::Connection contextWatch;
    bool finished = false;

    bool mounts() const { return from == to && fromRepository != toRepository; }
    void stage(const QString &text)
    {
        if (progress)
            progress(text);
    }
    /// Keeps `step` as the one in flight.
    void track(const RequestHandle &step) { current = step; }
    /// A callback wrapper: drops the step handle, ignores answers after the end.
    template <typename T, typename F> auto answer(F f)
    {
        return [self = shared_from_this(), f = std::move(f)](Result<T> r) {
            self->current = RequestHandle();
            if (self->finished)
                return;
            if (!self->from || !self->to)
                return self->finish(
                    Error::cancelled(QStringLiteral("A content source went away.")));
            f(std::move(r));
        };
    }

    void copyManifest(const QString &reference, std::optional<Digest> listedFor, int depth,
                      std::function<void(std::optional<Manifest>)> then);
    void copyContents(const Manifest &manifest, int depth, Next then);
    void copyBlobs(QList<Descriptor> blobs, Next then);
    void launchBlob(const std::shared_ptr<BlobBatch> &batch);
    void copyBlob(const Descriptor &blob, int lane, Next then);
    void copyManifests(QList<Descriptor> entries, int i, std::optional<Digest> listedFor, int depth,
                       Next then);
    void pushCopied(const Manifest &manifest, std::optional<Digest> listedFor, Next then);
    void copyReferrers(const Digest &subject, int depth, Next then);
    void copyTreeReferrers(int i, Next then);
    void copyReferrerList(QList<Descriptor> listed, int i, const Digest &subject, int depth,
                          Next then);
    void writeFallbackEntries(const Digest &subject, Next then);
    void copyCosignTags(const Digest &subject, QStringList tags, int depth, Next then);
    void finish(Result<CopyResult> outcome);
};

void Copy::copyManifest(const QString &reference, std::optional<Digest> listedFor, int depth,
                        std::function<void(std::optional<Manifest>)> then)
{
    track(from->rawManifest(
        fromRepository, reference, context,
        answer<RawManifest>([self = shared_from_this(), reference, listedFor, depth,
                             then](Result<RawManifest> raw) {
            if (!raw)
                return self->finish(raw.error());
            auto parsed = Manifest::parse(raw->raw, raw->mediaType);
            if (!parsed)
                return self->finish(
                    Error::make(ErrorKind::InvalidContent,
                                QStringLiteral("%1 is not a manifest Ocular can copy: %2")
                                    .arg(reference, parsed.error().message)));
            const Manifest manifest = parsed.value();
            if (listedFor && (!manifest.subject() || manifest.subject()->digest != *listedFor)) {
                // Listed as a referrer but naming another subject (or none): not one.
                self->result.notes.append(
                    QStringLiteral("%1 was listed as a referrer of %2 but names %3 as its "
                                   "subject; not copied")
                        .arg(manifest.digest().toString(), listedFor->toString(),
                             manifest.subject() ? manifest.subject()->digest.toString()
                                                : QStringLiteral("no subject")));
                return then(std::nullopt);
            }
            if (self->copied.contains(manifest.digest()))
                return then(manifest);
            self->copied.insert(manifest.digest());
            if (!listedFor && depth == 0)
                self->treeManifests.append(manifest.digest());
            self->copyContents(manifest, depth, [self, manifest, listedFor, then] {
                self->pushCopied(manifest, listedFor, [then, manifest] { then(manifest); });
            });
        })));
}

void Copy::copyContents(const Manifest &manifest, int depth, Next then)
{
    if (manifest.isIndex())
        return copyManifests(manifest.manifests(), 0, std::nullopt, depth, std::move(then));
    QList<Descriptor> blobs;
    if (manifest.config())
        blobs.append(*manifest.config());
    blobs.append(manifest.layers());
    copyBlobs(blobs, std::move(then));
}

void Copy::copyManifests(QList<Descriptor> entries, int i, std::optional<Digest> listedFor,
                         int depth, Next then)
{
    if (i >= entries.size())
        return then();
    copyManifest(
        entries.at(i).digest.toString(), listedFor, depth,
        [self = shared_from_this(), entries, i, listedFor, depth, then](std::optional<Manifest>) {
            self->copyManifests(entries, i + 1, listedFor, depth, then);
        });
}

void Copy::copyBlobs(QList<Descriptor> blobs, Next then)
{
    // Each blob is its own upload; a few at once fill the link without a queue of sessions the
    // registry has to keep open. A failure finishes the copy, which cancels the other lanes.
    auto batch = std::make_shared<BlobBatch>();
    QSet<Digest> seen; // a layer listed twice is one upload, not two racing each other
    for (const Descriptor &blob : blobs)
        if (!seen.contains(blob.digest) && (seen.insert(blob.digest), true))
            batch->blobs.append(blob);
    batch->left = batch->blobs.size();
    batch->then = std::move(then);
    if (batch->left == 0)
        return std::exchange(batch->then, {})();
    for (int i = 0; i < MaxParallelBlobs; ++i)
        launchBlob(batch);
}

void Copy::launchBlob(const std::shared_ptr<BlobBatch> &batch)
{
    if (finished || batch->next >= batch->blobs.size())
        return;
    const int lane = ++nextBlobLane;
    copyBlob(batch->blobs.at(batch->next++), lane, [self = shared_from_this(), batch, lane] {
        self->blobLanes.remove(lane);
        if (--batch->left == 0)
            return std::exchange(batch->then, {})();
        self->launchBlob(batch);
    });
}

void Copy::copyBlob(const Descriptor &blob, int lane, Next then)
{
    if (blob.size > options.maxBlobBytes)
        return finish(Error::make(ErrorKind::TooLarge,
                                  QStringLiteral("%1 claims %2 bytes, more than the copy allows")
                                      .arg(blob.digest.shortForm())
                                      .arg(blob.size)));
    BlobPayload known;
    known.digest = blob.digest;
    known.size = blob.size;
    BlobUploadOptions probe;
    probe.mountOnly = true;
    if (mounts())
        probe.mountFrom = {fromRepository};
    stage(QStringLiteral("Copying blob %1").arg(blob.digest.shortForm()));
    blobLanes.insert(
        lane,
        to->uploadBlob(
            toRepository, known, probe, context,
            answer<BlobUploadResult>([self = shared_from_this(), blob, known, lane,
                                      then](Result<BlobUploadResult> linked) {
                if (linked) {
                    if (linked->route == BlobUploadResult::Route::Mounted)
                        ++self->result.blobsMounted;
                    else
                        ++self->result.blobsPresent;
                    return then();
                }
                if (linked.error().kind != ErrorKind::NotFound)
                    return self->finish(linked.error());
                // Through a temporary file: a layer of any size never sits in memory.
                const QString path =
                    self->temp.filePath(QStringLiteral("blob-%1").arg(++self->tempFiles));
                auto sink = std::make_shared<FileBlobSink>(path);
                self->blobLanes.insert(
                    lane,
                    self->from->blob(
                        self->fromRepository, blob.digest, sink, blob.size, self->context,
                        self->answer<BlobReceipt>([self, known, path, lane,
                                                   then](Result<BlobReceipt> got) {
                            if (!got)
                                return self->finish(got.error());
                            BlobPayload payload = known;
                            payload.filePath = path;
                            self->blobLanes.insert(
                                lane,
                                self->to->uploadBlob(
                                    self->toRepository, payload, BlobUploadOptions{}, self->context,
                                    self->answer<BlobUploadResult>(
                                        [self, path, then](Result<BlobUploadResult> sent) {
                                            QFile::remove(path);
                                            if (!sent)
                                                return self->finish(sent.error());
                                            ++self->result.blobsSent;
                                            self->result.bytesSent += sent->size;
                                            then();
                                        })));
                        })));
            })));
}

void Copy::pushCopied(const Manifest &manifest, std::optional<Digest> listedFor, Next then)
{
    stage(QStringLiteral("Pushing %1").arg(manifest.digest().shortForm()));
    track(to->pushManifest(toRepository, manifest.digest().toString(), manifest.raw(),
                           manifest.mediaType(), context,
                           answer<PushedContent>([self = shared_from_this(), manifest, listedFor,
                                                  then](Result<PushedContent> pushed) {
                               if (!pushed)
                                   return self->finish(pushed.error());
                               ++self->result.manifests;
                               if (!listedFor)
                                   return then();
                               ++self->result.referrers;
                               if (!pushed->subjectRecorded && self->writer)
                                   self->pendingEntries[*listedFor].append(referrerEntry(manifest));
                               then();
                           })));
}

void Copy::copyTreeReferrers(int i, Next then)
{
    if (i >= treeManifests.size())
        return then();
    copyReferrers(treeManifests.at(i), 0,
                  [self = shared_from_this(), i, then] { self->copyTreeReferrers(i + 1, then); });
}

void Copy::copyReferrers(const Digest &subject, int depth, Next then)
{
    if (!options.withReferrers || depth >= options.maxReferrerDepth ||
        referrersWalked.contains(subject))
        return then();
    referrersWalked.insert(subject);
    auto self = shared_from_this();
    auto thenCosign = [self, subject, depth, then] {
        self->copyCosignTags(subject, cosigntags::tagsFor(subject), depth, then);
    };
    track(from->referrers(
        fromRepository, subject, QString(), context,
        answer<ReferrersAnswer>([self, subject, depth, thenCosign](Result<ReferrersAnswer> a) {
            if (a && a->kind == ReferrersAnswer::Kind::Api)
                return self->copyReferrerList(a->referrers, 0, subject, depth, thenCosign);
            // No API: the fallback tag holds the list.
            self->track(self->from->rawManifest(
                self->fromRepository, subject.fallbackTag(), self->context,
                self->answer<RawManifest>(
                    [self, subject, depth, thenCosign](Result<RawManifest> raw) {
                        if (!raw)
                            return thenCosign(); // no fallback tag: nothing listed there
                        const auto index = FallbackIndex::parse(raw->raw);
                        self->copyReferrerList(index ? index->entries() : QList<Descriptor>{}, 0,
                                               subject, depth, thenCosign);
                    })));
        })));
}

void Copy::writeFallbackEntries(const Digest &subject, Next then)
{
    const QList<QJsonObject> entries = pendingEntries.take(subject);
    if (entries.isEmpty() || !writer)
        return then();
    track(writer->addAll(toRepository, subject, entries, context,
                         answer<FallbackIndexChange>(
                             [self = shared_from_this(), then](Result<FallbackIndexChange> c) {
                                 if (!c)
                                     return self->finish(c.error());
                                 if (c->changed)
                                     self->result.fallbackUpdates.append(c.value());
                                 if (!c->changed || !c->replacedIndex || c->tagDeleted)
                                     return then();
                                 if (!self->options.deleteReplacedIndex) {
                                     ReplacedIndexRemoval kept;
                                     kept.index = *c->replacedIndex;
                                     kept.note = QStringLiteral("kept, as asked");
                                     self->result.replacedIndexes.append(kept);
                                     return then();
                                 }
                                 self->track(removeReplacedIndex(
                                     self->to, self->toRepository, c.value(), self->context,
                                     self->answer<ReplacedIndexRemoval>(
                                         [self, then](Result<ReplacedIndexRemoval> removal) {
                                             if (!removal)
                                                 return self->finish(removal.error());
                                             self->result.replacedIndexes.append(removal.value());
                                             then();
                                         })));
                             })));
}

void Copy::copyReferrerList(QList<Descriptor> listed, int i, const Digest &subject, int depth,
                            Next then)
{
    if (i >= listed.size())
        return writeFallbackEntries(subject, std::move(then));
    // Each referrer is copied (its subject checked), then its own referrers, depth first.
    copyManifest(listed.at(i).digest.toString(), subject, depth + 1,
                 [self = shared_from_this(), listed, i, subject, depth,
                  then](std::optional<Manifest> copied) {
                     auto next = [self, listed, i, subject, depth, then] {
                         self->copyReferrerList(listed, i + 1, subject, depth, then);
                     };
                     if (!copied)
                         return next();
                     self->copyReferrers(copied->digest(), depth + 1, next);
                 });
}

void Copy::copyCosignTags(const Digest &subject, QStringList tags, int depth, Next then)
{
    if (tags.isEmpty())
        return then();
    const QString tag = tags.takeFirst();
    track(from->rawManifest(
        fromRepository, tag, context,
        answer<RawManifest>(
            [self = shared_from_this(), subject, tags, tag, depth, then](Result<RawManifest> raw) {
                if (!raw)
                    return self->copyCosignTags(subject, tags, depth, then);
                self->copyManifest(
                    raw->digest.toString(), std::nullopt, depth + 1,
                    [self, subject, tags, tag, depth, then,
                     raw = raw.value()](std::optional<Manifest>) {
                        self->track(self->to->pushManifest(
                            self->toRepository, tag, raw.raw, raw.mediaType, self->context,
                            self->answer<PushedContent>(
                                [self, subject, tags, depth, then](Result<PushedContent> pushed) {
                                    if (!pushed)
                                        return self->finish(pushed.error());
                                    ++self->result.referrers;
                                    self->copyCosignTags(subject, tags, depth, then);
                                })));
                    });
            })));
}

void Copy::finish(Result<CopyResult> outcome)
{
    if (finished)
        return;
    finished = true;
    QObject::disconnect(contextWatch);
    const RequestHandle step = std::exchange(current, RequestHandle());
    step.cancel();
    for (const RequestHandle &lane : std::exchange(blobLanes, {}))
        lane.cancel();
    progress = {};
    auto deliver = std::exchange(done, {});
    if (deliver)
        async::deliverLater(context, [deliver, outcome] { deliver(outcome); });
}

} // namespace

ContentCopier::ContentCopier(ContentSource *from, ContentSource *to, QObject *parent)
    : QObject(parent)
    , m_from(from)
    , m_to(to)
    , m_writer(new FallbackIndexWriter(to, this))
{}

RequestHandle ContentCopier::copy(const QString &fromRepository, const QString &reference,
                                  const QString &toRepository, const QString &toTag,
                                  const CopyOptions &options, QObject *context,
                                  async::Callback<CopyResult> done, Progress progress)
{
    RequestHandle outer;
    if (!m_from || !m_to || !context) {
        async::deliverLater(context, [done] {
            done(Error::cancelled(QStringLiteral("A content source went away.")));
        });
        return outer;
    }
    auto copy = std::make_shared<Copy>();
    copy->from = m_from;
    copy->to = m_to;
    copy->writer = m_writer;
    copy->context = context;
    copy->fromRepository = fromRepository;
    copy->toRepository = toRepository;
    copy->options = options;
    copy->done = std::move(done);
    copy->progress = std::move(progress);
    if (!copy->temp.isValid()) {
        async::deliverLater(context, [done = copy->done] {
            done(Error::make(ErrorKind::InvalidInput,
                             QStringLiteral("No temporary directory for the copy.")));
        });
        return outer;
    }
    copy->contextWatch = async::watchContext(context, [weak = std::weak_ptr(copy)] {
        if (auto s = weak.lock()) {
            s->done = {};
            s->finish(Error::cancelled());
        }
    });
    outer.setAbort([weak = std::weak_ptr(copy)] {
        if (auto s = weak.lock())
            s->finish(Error::cancelled());
    });
    QMetaObject::invokeMethod(
        context,
        [copy, reference, toTag] {
            copy->copyManifest(
                reference, std::nullopt, 0, [copy, toTag](std::optional<Manifest> root) {
                    copy->result.root = root->digest();
                    copy->copyTreeReferrers(0, [copy, toTag, root] {
                        if (toTag.isEmpty())
                            return copy->finish(copy->result);
                        // The tag last: until now nothing a user sees has changed.
                        copy->track(copy->to->pushManifest(
                            copy->toRepository, toTag, root->raw(), root->mediaType(),
                            copy->context,
                            copy->answer<PushedContent>([copy](Result<PushedContent> pushed) {
                                if (!pushed)
                                    return copy->finish(pushed.error());
                                copy->finish(copy->result);
                            })));
                    });
                });
        },
        Qt::QueuedConnection);
    return outer;
}

} // namespace ocular
