// FallbackIndexWriter on a MemorySource: creating, extending and emptying a subject's fallback
// index; concurrent writers with If-Match (412 merged) and without ETags (read-back catches the
// lost update); what other clients put there survives; cancel and a dying context are safe.
#include "support/asyncwait.h"
#include "support/testmanifests.h"

#include "content/mediatype.h"
#include "referrers/fallbackindex.h"
#include "source/memorysource.h"
#include "write/fallbackindexwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ocular;
using ocular::test::artifact;
using ocular::test::compact;
using ocular::test::descriptor;
using ocular::test::image;
using ocular::test::waitFor;

namespace {

const QString Repo = QStringLiteral("team/app");
const QString Sbom = QStringLiteral("application/spdx+json");

QJsonObject entryFor(const QByteArray &raw, const QString &type = Sbom)
{
    QJsonObject entry = descriptor(QString(mediatype::OciManifest), raw);
    entry.insert(QStringLiteral("artifactType"), type);
    return entry;
}

Digest digestOf(const QJsonObject &entry)
{
    return Digest::parse(entry.value(QStringLiteral("digest")).toString()).value();
}

Result<FallbackIndexChange> addEntry(FallbackIndexWriter &writer, const Digest &subject,
                                     const QJsonObject &entry)
{
    return waitFor<FallbackIndexChange>(
        [&](QObject *ctx, auto done) { return writer.add(Repo, subject, entry, ctx, done); });
}

Result<FallbackIndexChange> removeEntry(FallbackIndexWriter &writer, const Digest &subject,
                                        const Digest &referrer)
{
    return waitFor<FallbackIndexChange>(
        [&](QObject *ctx, auto done) { return writer.remove(Repo, subject, referrer, ctx, done); });
}

/// The subject's fallback index as stored, or nothing when the tag is absent.
std::optional<FallbackIndex> stored(MemorySource &source, const Digest &subject)
{
    const auto raw = waitFor<RawManifest>([&](QObject *ctx, auto done) {
        return source.rawManifest(Repo, subject.fallbackTag(), ctx, done);
    });
    if (!raw.ok())
        return std::nullopt;
    return FallbackIndex::parse(raw->raw).value();
}

QList<Digest> entryDigests(const FallbackIndex &index)
{
    QList<Digest> out;
    for (const Descriptor &entry : index.entries())
        out.append(entry.digest);
    return out;
}

} // namespace

class TestFallbackIndexWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstAttachCreatesTheIndex();
    void secondAttachExtendsAndKeepsForeignContent();
    void addingWhatIsThereWritesNothing();
    void addAllWritesOnceAndKeepsWhatIsThere();
    void removingTheLastEntryDeletesTheTag();
    void removingKeepsOtherEntries();
    void concurrentWritersWithIfMatchAreMerged();
    void concurrentWritersWithoutEtagsAreCaughtByTheReadBack();
    void aTagHoldingSomethingElseIsLeftAlone();
    void cancelStopsAndDeliversCancelled();
    void aDyingContextHearsNothing();
};

void TestFallbackIndexWriter::firstAttachCreatesTheIndex()
{
    MemorySource source;
    source.setReferrersApi(false);
    const Digest subject = source
                               .addManifest(Repo, image(QStringLiteral("s")),
                                            mediatype::OciManifest, QStringLiteral("v1"))
                               .value();
    const QJsonObject entry =
        entryFor(artifact(Sbom, image(QStringLiteral("s")), QStringLiteral("a")));
    FallbackIndexWriter writer(&source);
    const auto change = addEntry(writer, subject, entry);
    QVERIFY2(change.ok(), qPrintable(change.ok() ? QString() : change.error().message));
    QVERIFY(change->changed);
    // Nothing to name in If-Match when the tag does not exist yet: the write is read back.
    QCOMPARE(change->guard, FallbackIndexChange::Guard::ReadBack);
    QCOMPARE(change->tag, subject.fallbackTag());
    QVERIFY(!change->replacedIndex.has_value()); // there was no index before
    QVERIFY(change->writtenIndex.has_value());
    const auto index = stored(source, subject);
    QVERIFY(index.has_value());
    QCOMPARE(entryDigests(*index), QList<Digest>{digestOf(entry)});
    QCOMPARE(FallbackIndex::entryType(index->entries().first()), Sbom);
}

void TestFallbackIndexWriter::secondAttachExtendsAndKeepsForeignContent()
{
    MemorySource source;
    source.setReferrersApi(false);
    const Digest subject = source
                               .addManifest(Repo, image(QStringLiteral("s")),
                                            mediatype::OciManifest, QStringLiteral("v1"))
                               .value();
    // What another client wrote: its entry and a member Ocular does not know. (Unusable
    // entries are kept too; tst_fallbackindex covers that at the document level.)
    const QJsonObject theirs =
        entryFor(artifact(Sbom, image(QStringLiteral("s")), QStringLiteral("theirs")));
    QJsonObject foreign{{QStringLiteral("schemaVersion"), 2},
                        {QStringLiteral("mediaType"), QString(mediatype::OciIndex)},
                        {QStringLiteral("manifests"), QJsonArray{theirs}},
                        {QStringLiteral("x-their-field"), QStringLiteral("kept")}};
    const Digest before =
        source.addManifest(Repo, compact(foreign), mediatype::OciIndex, subject.fallbackTag())
            .value();
    const QJsonObject ours =
        entryFor(artifact(Sbom, image(QStringLiteral("s")), QStringLiteral("ours")));
    FallbackIndexWriter writer(&source);
    const auto change = addEntry(writer, subject, ours);
    QVERIFY(change.ok());
    QVERIFY(change->changed);
    QCOMPARE(change->replacedIndex, std::optional<Digest>(before));
    QVERIFY(change->describe().contains(before.toString()));
    const auto index = stored(source, subject);
    QCOMPARE(entryDigests(*index), (QList<Digest>{digestOf(theirs), digestOf(ours)}));
    QCOMPARE(index->document().value(QStringLiteral("x-their-field")).toString(),
             QStringLiteral("kept"));
}

void TestFallbackIndexWriter::addAllWritesOnceAndKeepsWhatIsThere()
{
    MemorySource source;
    source.setReferrersApi(false);
    const Digest subject = source
                               .addManifest(Repo, image(QStringLiteral("s")),
                                            mediatype::OciManifest, QStringLiteral("v1"))
                               .value();
    const QJsonObject first =
        entryFor(artifact(Sbom, image(QStringLiteral("s")), QStringLiteral("first")));
    FallbackIndexWriter writer(&source);
    const auto seeded = addEntry(writer, subject, first);
    QVERIFY(seeded.ok());
    const Digest before = *seeded->writtenIndex;
    QList<QJsonObject> entries{first};
    for (const char *name : {"a", "b", "c"})
        entries.append(
            entryFor(artifact(Sbom, image(QStringLiteral("s")), QString::fromLatin1(name))));
    const auto change = waitFor<FallbackIndexChange>(
        [&](QObject *ctx, auto done) { return writer.addAll(Repo, subject, entries, ctx, done); });
    QVERIFY2(change.ok(), qPrintable(change.error().toString()));
    QVERIFY(change->changed);
    // One write for the three new entries: it replaced the index the single add left.
    QCOMPARE(change->replacedIndex, std::optional<Digest>(before));
    QCOMPARE(change->attempts, 1);
    const auto index = stored(source, subject);
    QVERIFY(index);
    QCOMPARE(entryDigests(*index),
             (QList<Digest>{digestOf(entries.at(0)), digestOf(entries.at(1)),
                            digestOf(entries.at(2)), digestOf(entries.at(3))}));
    // All present: nothing written.
    const auto again = waitFor<FallbackIndexChange>(
        [&](QObject *ctx, auto done) { return writer.addAll(Repo, subject, entries, ctx, done); });
    QVERIFY(again.ok());
    QVERIFY(!again->changed);
    // A bad entry refuses the whole batch before anything is sent.
    QList<QJsonObject> bad{
        entryFor(artifact(Sbom, image(QStringLiteral("s")), QStringLiteral("d")))};
    bad.append(QJsonObject{{QStringLiteral("digest"), QStringLiteral("sha256:nothex")}});
    const auto refused = waitFor<FallbackIndexChange>(
        [&](QObject *ctx, auto done) { return writer.addAll(Repo, subject, bad, ctx, done); });
    QVERIFY(!refused.ok());
    QCOMPARE(entryDigests(*stored(source, subject)).size(), 4);
}

void TestFallbackIndexWriter::addingWhatIsThereWritesNothing()
{
    MemorySource source;
    const Digest subject = source
                               .addManifest(Repo, image(QStringLiteral("s")),
                                            mediatype::OciManifest, QStringLiteral("v1"))
                               .value();
    const QJsonObject entry =
        entryFor(artifact(Sbom, image(QStringLiteral("s")), QStringLiteral("a")));
    FallbackIndexWriter writer(&source);
    QVERIFY(addEntry(writer, subject, entry).ok());
    const int pushes = source.callCount(MemorySource::Operation::PushManifest);
    const auto again = addEntry(writer, subject, entry);
    QVERIFY(again.ok());
    QVERIFY(!again->changed);
    QCOMPARE(again->guard, FallbackIndexChange::Guard::None);
    QCOMPARE(source.callCount(MemorySource::Operation::PushManifest), pushes);
}

void TestFallbackIndexWriter::removingTheLastEntryDeletesTheTag()
{
    MemorySource source;
    source.setTagDelete(false); // like docker-registry 2.8: the index goes by digest
    const Digest subject = source
                               .addManifest(Repo, image(QStringLiteral("s")),
                                            mediatype::OciManifest, QStringLiteral("v1"))
                               .value();
    const QJsonObject entry =
        entryFor(artifact(Sbom, image(QStringLiteral("s")), QStringLiteral("a")));
    FallbackIndexWriter writer(&source);
    QVERIFY(addEntry(writer, subject, entry).ok());
    const auto change = removeEntry(writer, subject, digestOf(entry));
    QVERIFY2(change.ok(), qPrintable(change.ok() ? QString() : change.error().message));
    QVERIFY(change->changed);
    QVERIFY(change->tagDeleted);
    QVERIFY(!stored(source, subject).has_value());
    // Nothing else went: the subject and its tag are still there.
    QVERIFY(waitFor<ResolvedReference>([&](QObject *ctx, auto done) {
                return source.resolve(Repo, QStringLiteral("v1"), ctx, done);
            }).ok());
    const auto gone = removeEntry(writer, subject, digestOf(entry));
    QVERIFY(gone.ok());
    QVERIFY(!gone->changed);
}

void TestFallbackIndexWriter::removingKeepsOtherEntries()
{
    MemorySource source;
    const Digest subject = source
                               .addManifest(Repo, image(QStringLiteral("s")),
                                            mediatype::OciManifest, QStringLiteral("v1"))
                               .value();
    const QJsonObject a = entryFor(artifact(Sbom, image(QStringLiteral("s")), QStringLiteral("a")));
    const QJsonObject b = entryFor(artifact(Sbom, image(QStringLiteral("s")), QStringLiteral("b")));
    FallbackIndexWriter writer(&source);
    QVERIFY(addEntry(writer, subject, a).ok());
    QVERIFY(addEntry(writer, subject, b).ok());
    const auto change = removeEntry(writer, subject, digestOf(a));
    QVERIFY(change.ok());
    QVERIFY(change->changed);
    QVERIFY(!change->tagDeleted);
    QCOMPARE(entryDigests(*stored(source, subject)), QList<Digest>{digestOf(b)});
}

void TestFallbackIndexWriter::concurrentWritersWithIfMatchAreMerged()
{
    MemorySource source;
    source.setLatency(20); // both read before either writes
    const Digest subject = source
                               .addManifest(Repo, image(QStringLiteral("s")),
                                            mediatype::OciManifest, QStringLiteral("v1"))
                               .value();
    FallbackIndexWriter writer(&source);
    // The tag exists, so every writer reads an ETag and every write is conditional.
    QVERIFY(addEntry(writer, subject,
                     entryFor(artifact(Sbom, image(QStringLiteral("s")), QStringLiteral("first"))))
                .ok());
    QList<QJsonObject> entries;
    for (int i = 0; i < 4; ++i)
        entries.append(entryFor(artifact(Sbom, image(QStringLiteral("s")), QString::number(i))));
    QEventLoop loop;
    QList<Result<FallbackIndexChange>> results;
    for (const QJsonObject &entry : entries) {
        writer.add(Repo, subject, entry, &loop, [&](Result<FallbackIndexChange> r) {
            results.append(r);
            if (results.size() == entries.size())
                loop.quit();
        });
    }
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    QCOMPARE(results.size(), entries.size());
    int conflicts = 0;
    int conditional = 0;
    for (const auto &r : results) {
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        conflicts += r->conflictSeen ? 1 : 0;
        conditional += r->guard == FallbackIndexChange::Guard::IfMatch ? 1 : 0;
    }
    QVERIFY(conflicts > 0); // 412s happened and were merged, not lost
    QCOMPARE(conditional, entries.size());
    const auto index = stored(source, subject);
    QCOMPARE(index->entries().size(), entries.size() + 1);
}

void TestFallbackIndexWriter::concurrentWritersWithoutEtagsAreCaughtByTheReadBack()
{
    MemorySource source;
    source.setConditionalWrites(false); // no ETag, If-Match not checked: last writer wins
    source.setLatency(20);
    const Digest subject = source
                               .addManifest(Repo, image(QStringLiteral("s")),
                                            mediatype::OciManifest, QStringLiteral("v1"))
                               .value();
    FallbackIndexWriter writer(&source);
    const QJsonObject a = entryFor(artifact(Sbom, image(QStringLiteral("s")), QStringLiteral("a")));
    const QJsonObject b = entryFor(artifact(Sbom, image(QStringLiteral("s")), QStringLiteral("b")));
    QEventLoop loop;
    QList<Result<FallbackIndexChange>> results;
    for (const QJsonObject &entry : {a, b}) {
        writer.add(Repo, subject, entry, &loop, [&](Result<FallbackIndexChange> r) {
            results.append(r);
            if (results.size() == 2)
                loop.quit();
        });
    }
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    QCOMPARE(results.size(), 2);
    QVERIFY(results[0].ok() && results[1].ok());
    QCOMPARE(results[0]->guard, FallbackIndexChange::Guard::ReadBack);
    QVERIFY(results[0]->conflictSeen || results[1]->conflictSeen);
    const auto index = stored(source, subject);
    QCOMPARE(index->entries().size(), 2);
}

void TestFallbackIndexWriter::aTagHoldingSomethingElseIsLeftAlone()
{
    MemorySource source;
    const Digest subject = source
                               .addManifest(Repo, image(QStringLiteral("s")),
                                            mediatype::OciManifest, QStringLiteral("v1"))
                               .value();
    // Someone put an image under the fallback tag.
    source.addManifest(Repo, image(QStringLiteral("squatter")), mediatype::OciManifest,
                       subject.fallbackTag());
    FallbackIndexWriter writer(&source);
    const int pushes = source.callCount(MemorySource::Operation::PushManifest);
    const auto change = addEntry(
        writer, subject, entryFor(artifact(Sbom, image(QStringLiteral("s")), QStringLiteral("a"))));
    QVERIFY(!change.ok());
    QCOMPARE(change.error().kind, ErrorKind::InvalidContent);
    QVERIFY(change.error().message.contains(subject.fallbackTag()));
    QCOMPARE(source.callCount(MemorySource::Operation::PushManifest), pushes);
}

void TestFallbackIndexWriter::cancelStopsAndDeliversCancelled()
{
    MemorySource source;
    source.setLatency(50);
    const Digest subject = source
                               .addManifest(Repo, image(QStringLiteral("s")),
                                            mediatype::OciManifest, QStringLiteral("v1"))
                               .value();
    FallbackIndexWriter writer(&source);
    QEventLoop loop;
    int answers = 0;
    std::optional<ErrorKind> kind;
    const RequestHandle handle = writer.add(
        Repo, subject, entryFor(artifact(Sbom, image(QStringLiteral("s")), QStringLiteral("a"))),
        &loop, [&](Result<FallbackIndexChange> r) {
            ++answers;
            kind = r.ok() ? std::nullopt : std::optional(r.error().kind);
        });
    QTimer::singleShot(10, &loop, [&] { handle.cancel(); });
    QTimer::singleShot(600, &loop, &QEventLoop::quit);
    loop.exec();
    QCOMPARE(answers, 1);
    QCOMPARE(kind, std::optional(ErrorKind::Cancelled));
    QCOMPARE(source.callCount(MemorySource::Operation::PushManifest), 0);
}

void TestFallbackIndexWriter::aDyingContextHearsNothing()
{
    MemorySource source;
    source.setLatency(30);
    const Digest subject = source
                               .addManifest(Repo, image(QStringLiteral("s")),
                                            mediatype::OciManifest, QStringLiteral("v1"))
                               .value();
    FallbackIndexWriter writer(&source);
    int answers = 0;
    auto context = std::make_unique<QObject>();
    writer.add(Repo, subject,
               entryFor(artifact(Sbom, image(QStringLiteral("s")), QStringLiteral("a"))),
               context.get(), [&](Result<FallbackIndexChange>) { ++answers; });
    QTest::qWait(40); // the read answered, the write is in flight
    context.reset();
    QTest::qWait(400);
    QCOMPARE(answers, 0);
}

QTEST_GUILESS_MAIN(TestFallbackIndexWriter)
#include "tst_fallbackindexwriter.moc"
