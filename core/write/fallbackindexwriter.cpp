#include "fallbackindexwriter.h"

#include "content/mediatype.h"
#include "referrers/fallbackindex.h"
#include "source/contentsource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimer>
#include <utility>

namespace ocular {

namespace {

/// Milliseconds a write settles before it is read back. A writer that read the index before
/// our write and writes after our read-back would still erase our entry; the pause makes that
/// need a read-modify-write round longer than it, which loopback and LAN registries never
/// take. Jittered so that two writers retrying after the same conflict drift apart.
int settleDelayMs()
{
    return 120 + int(QRandomGenerator::global()->bounded(120));
}

QByteArray emptyIndex()
{
    QJsonObject index;
    index.insert(QStringLiteral("schemaVersion"), 2);
    index.insert(QStringLiteral("mediaType"), mediatype::OciIndex);
    index.insert(QStringLiteral("manifests"), QJsonArray());
    return QJsonDocument(index).toJson(QJsonDocument::Compact);
}

bool names(const FallbackIndex &index, const Digest &digest)
{
    for (const Descriptor &entry : index.entries()) {
        if (entry.digest == digest)
            return true;
    }
    return false;
}

bool namesAll(const FallbackIndex &index, const QList<Digest> &digests)
{
    for (const Digest &digest : digests) {
        if (!names(index, digest))
            return false;
    }
    return true;
}

/// One add or remove: rounds of read, change, write, settle, read back.
struct IndexEdit : std::enable_shared_from_this<IndexEdit>
{
    QPointer<ContentSource> source;
    QPointer<QObject> context;
    QString repository;
    Digest subject;
    QList<QJsonObject> entries; ///< add: the entries to add
    QList<Digest> targets;      ///< the digests added (all of the entries) or the one removed
    bool adding = true;
    int maxAttempts = FallbackIndexWriter::DefaultMaxAttempts;
    async::Callback<FallbackIndexChange> done;

    FallbackIndexChange change;
    RequestHandle current; ///< the step in flight; dropped when it answers (its abort may hold us)
    QMetaObject::Connection contextWatch;
    bool finished = false;

    void startRound();
    void read(std::function<void(std::optional<FallbackIndex>, RawManifest)> then);
    void write(const FallbackIndex *read, const RawManifest &raw);
    void deleteEmpty(const RawManifest &raw);
    void settleThenVerify();
    void finish(Result<FallbackIndexChange> result);

    void track(const RequestHandle &step) { current = step; }
    void stepAnswered() { current = RequestHandle(); }
    /// Ends without delivering anything (the context died) and cancels the step in flight.
    void abandon()
    {
        finished = true;
        done = {};
        const RequestHandle step = std::exchange(current, RequestHandle());
        step.cancel();
    }
};

void IndexEdit::startRound()
{
    if (finished)
        return;
    if (change.attempts >= maxAttempts)
        return finish(Error::make(
            ErrorKind::PreconditionFailed,
            QStringLiteral("The fallback tag %1 kept changing under other writers; gave up after "
                           "%2 attempts. Nothing of this change is guaranteed to be there.")
                .arg(change.tag)
                .arg(change.attempts)));
    ++change.attempts;
    read([self = shared_from_this()](std::optional<FallbackIndex> index, RawManifest raw) {
        if (self->adding) {
            if (index && namesAll(*index, self->targets))
                return self->finish(self->change);
            return self->write(index ? &*index : nullptr, raw);
        }
        if (!index || !names(*index, self->targets.first()))
            return self->finish(self->change);
        self->write(&*index, raw);
    });
}

void IndexEdit::read(std::function<void(std::optional<FallbackIndex>, RawManifest)> then)
{
    if (!source)
        return finish(Error::make(ErrorKind::Cancelled, QStringLiteral("The source went away.")));
    auto self = shared_from_this();
    track(source->rawManifest(
        repository, change.tag, context, [self, then](Result<RawManifest> result) {
            self->stepAnswered();
            if (self->finished)
                return;
            if (!result.ok()) {
                if (result.error().kind == ErrorKind::NotFound)
                    return then(std::nullopt, RawManifest{});
                return self->finish(result.error());
            }
            auto index = FallbackIndex::parse(result->raw);
            if (!index.ok())
                return self->finish(Error::make(
                    ErrorKind::InvalidContent,
                    QStringLiteral("The fallback tag %1 does not hold a referrers index (%2); it "
                                   "was left as it is.")
                        .arg(self->change.tag, index.error().message)));
            then(index.value(), result.value());
        }));
}

void IndexEdit::write(const FallbackIndex *read, const RawManifest &raw)
{
    QByteArray next;
    if (adding) {
        FallbackIndex base = read ? *read : FallbackIndex::parse(emptyIndex()).value();
        for (const QJsonObject &entry : entries) {
            next = base.withEntry(entry);
            // Our own output: it parses.
            base = FallbackIndex::parse(next).value();
        }
    } else {
        next = read->withoutEntry(targets.first());
        const auto after = FallbackIndex::parse(next);
        if (after.ok() && after->document().value(QStringLiteral("manifests")).toArray().isEmpty())
            return deleteEmpty(raw);
    }
    const WriteCondition condition{raw.etag};
    change.guard = raw.etag.isEmpty() ? FallbackIndexChange::Guard::ReadBack
                                      : FallbackIndexChange::Guard::IfMatch;
    const std::optional<Digest> replaced =
        read ? std::optional<Digest>(raw.digest) : std::optional<Digest>();
    auto self = shared_from_this();
    track(source->pushManifest(repository, change.tag, next, mediatype::OciIndex, condition,
                               context, [self, replaced](Result<PushedContent> pushed) {
                                   self->stepAnswered();
                                   if (self->finished)
                                       return;
                                   if (!pushed.ok()) {
                                       if (pushed.error().kind == ErrorKind::PreconditionFailed) {
                                           self->change.conflictSeen = true;
                                           return self->startRound();
                                       }
                                       return self->finish(pushed.error());
                                   }
                                   self->change.changed = true;
                                   self->change.tagDeleted = false;
                                   self->change.replacedIndex = replaced;
                                   self->change.writtenIndex = pushed->digest;
                                   self->settleThenVerify();
                               }));
}

void IndexEdit::deleteEmpty(const RawManifest &raw)
{
    // By digest: docker-registry and others refuse deleting a tag alone, and this index is
    // nothing but the list we are emptying.
    change.guard = FallbackIndexChange::Guard::ReadBack;
    auto self = shared_from_this();
    track(source->deleteManifest(
        repository, raw.digest.toString(), context, [self, raw](Result<Done> deleted) {
            self->stepAnswered();
            if (self->finished)
                return;
            if (!deleted.ok() && deleted.error().kind != ErrorKind::NotFound)
                return self->finish(deleted.error());
            self->change.changed = true;
            self->change.tagDeleted = true;
            self->change.replacedIndex = raw.digest;
            self->change.writtenIndex.reset();
            self->settleThenVerify();
        }));
}

void IndexEdit::settleThenVerify()
{
    if (!context)
        return finish(Error::cancelled());
    // A cancel finishes the edit; the pending timer then finds it finished and does nothing.
    QTimer::singleShot(settleDelayMs(), context, [self = shared_from_this()] {
        if (self->finished)
            return;
        self->read([self](std::optional<FallbackIndex> index, RawManifest) {
            const bool present = index && (self->adding ? namesAll(*index, self->targets)
                                                        : names(*index, self->targets.first()));
            if (present == self->adding)
                return self->finish(self->change);
            // Another writer replaced the index from a read older than our write.
            self->change.conflictSeen = true;
            self->startRound();
        });
    });
}

void IndexEdit::finish(Result<FallbackIndexChange> result)
{
    if (finished)
        return;
    finished = true;
    QObject::disconnect(contextWatch);
    const RequestHandle step = std::exchange(current, RequestHandle());
    step.cancel();
    auto deliver = std::move(done);
    done = {};
    if (deliver)
        async::deliverLater(context, [deliver, result] { deliver(result); });
}

} // namespace

QString FallbackIndexChange::describe() const
{
    if (!changed)
        return QStringLiteral("The fallback tag %1 needed no change.").arg(tag);
    const QString how = guard == Guard::IfMatch
                            ? QStringLiteral("with If-Match on the ETag it was read with, then "
                                             "read back")
                            : QStringLiteral("read back to confirm the change survived: there was "
                                             "no ETag to send If-Match with");
    const bool created = !tagDeleted && !replacedIndex;
    const QString what = tagDeleted ? QStringLiteral("The fallback tag %1 became empty and was "
                                                     "deleted (%2")
                         : created  ? QStringLiteral("The fallback tag %1 was created (%2")
                                    : QStringLiteral("The fallback tag %1 was updated (%2");
    QString sentence = what.arg(tag, how);
    sentence += attempts == 1 ? QStringLiteral("; 1 attempt)")
                              : QStringLiteral("; %1 attempts)").arg(attempts);
    if (conflictSeen)
        sentence += QStringLiteral("; another writer changed it meanwhile and the change was "
                                   "merged");
    if (replacedIndex && !tagDeleted)
        sentence += QStringLiteral(". The index it replaced, %1, is now untagged")
                        .arg(replacedIndex->toString());
    return sentence + QLatin1Char('.');
}

FallbackIndexWriter::FallbackIndexWriter(ContentSource *source, QObject *parent)
    : QObject(parent)
    , m_source(source)
{}

namespace {

RequestHandle runEdit(const std::shared_ptr<IndexEdit> &edit)
{
    edit->change.tag = edit->subject.fallbackTag();
    RequestHandle outer;
    if (!edit->context)
        return outer;
    edit->contextWatch = async::watchContext(edit->context, [weak = std::weak_ptr(edit)] {
        if (auto s = weak.lock())
            s->abandon();
    });
    outer.setAbort([weak = std::weak_ptr(edit)] {
        if (auto s = weak.lock())
            s->finish(Error::cancelled());
    });
    // The first round starts on the next turn, so the caller holds the handle first.
    QMetaObject::invokeMethod(
        edit->context, [edit] { edit->startRound(); }, Qt::QueuedConnection);
    return outer;
}

} // namespace

RequestHandle FallbackIndexWriter::add(const QString &repository, const Digest &subject,
                                       const QJsonObject &entry, QObject *context,
                                       async::Callback<FallbackIndexChange> done)
{
    return addAll(repository, subject, {entry}, context, std::move(done));
}

RequestHandle FallbackIndexWriter::addAll(const QString &repository, const Digest &subject,
                                          const QList<QJsonObject> &entries, QObject *context,
                                          async::Callback<FallbackIndexChange> done)
{
    auto edit = std::make_shared<IndexEdit>();
    edit->source = m_source;
    edit->context = context;
    edit->repository = repository;
    edit->subject = subject;
    edit->entries = entries;
    edit->adding = true;
    edit->maxAttempts = m_maxAttempts;
    edit->done = std::move(done);
    for (const QJsonObject &entry : entries) {
        const auto target = Digest::parse(entry.value(QStringLiteral("digest")).toString());
        if (!target.ok()) {
            async::deliverLater(context, [done = edit->done] {
                done(Error::make(ErrorKind::InvalidInput,
                                 QStringLiteral("A referrer entry has no valid digest.")));
            });
            return RequestHandle();
        }
        edit->targets.append(target.value());
    }
    if (entries.isEmpty()) {
        FallbackIndexChange nothing;
        nothing.tag = subject.fallbackTag();
        async::deliverLater(context, [done = edit->done, nothing] { done(nothing); });
        return RequestHandle();
    }
    return runEdit(edit);
}

RequestHandle FallbackIndexWriter::remove(const QString &repository, const Digest &subject,
                                          const Digest &referrer, QObject *context,
                                          async::Callback<FallbackIndexChange> done)
{
    auto edit = std::make_shared<IndexEdit>();
    edit->source = m_source;
    edit->context = context;
    edit->repository = repository;
    edit->subject = subject;
    edit->targets = {referrer};
    edit->adding = false;
    edit->maxAttempts = m_maxAttempts;
    edit->done = std::move(done);
    return runEdit(edit);
}

} // namespace ocular
