// DeletionExecutor and Untagger on a MemorySource without the referrers API and without tag
// delete (as docker-registry 2.8): plan order, fallback upkeep, a refusal stopping the run, a
// refused plan sending nothing, cancellation, a destroyed context, and the three ways an
// untag can end.
#include "support/asyncwait.h"

#include "content/manifestbuilder.h"
#include "content/mediatype.h"
#include "inventory/repositoryinventorybuilder.h"
#include "source/memorysource.h"
#include "write/deletionexecutor.h"
#include "write/deletionplanner.h"
#include "write/untagger.h"

#include <QJsonArray>
#include <QTest>

using namespace ocular;
using ocular::test::waitFor;

namespace {

const QString Repo = QStringLiteral("team/app");

BuiltManifest image(const QString &salt)
{
    const ContentBlob config{"{\"salt\":\"" + salt.toUtf8() + "\"}", QString(mediatype::OciConfig)};
    const ContentBlob layer{salt.toUtf8(), QString(mediatype::OciLayerTarGzip)};
    return ManifestBuilder().image(QString(mediatype::OciManifest), config, {{layer, {}}}).value();
}

BuiltManifest artifact(const BuiltManifest &subject, const QString &salt)
{
    ManifestBuilder::Artifact a;
    a.artifactType = QString(mediatype::SpdxJson);
    ManifestBuilder::Artifact::File file;
    file.bytes = salt.toUtf8();
    file.mediaType = QString(mediatype::SpdxJson);
    a.files.append(file);
    a.subject = subject.descriptor();
    return ManifestBuilder().artifact(a).value();
}

struct Content
{
    MemorySource source;
    BuiltManifest a = image(QStringLiteral("a"));
    BuiltManifest sbom = artifact(a, QStringLiteral("sbom"));
    BuiltManifest listing;

    Content()
    {
        source.setReferrersApi(false);
        source.setTagDelete(false);
        add(a, QStringLiteral("v1"));
        add(a, QStringLiteral("v2"));
        add(sbom);
        listing = ManifestBuilder()
                      .index(QString(mediatype::OciIndex),
                             QJsonArray{sbom.descriptorJson(
                                 {{QStringLiteral("artifactType"), QString(mediatype::SpdxJson)}})})
                      .value();
        add(listing, a.digest.fallbackTag());
    }
    void add(const BuiltManifest &m, const QString &tag = {})
    {
        for (const ContentBlob &blob : m.blobs)
            source.addBlob(Repo, blob.bytes);
        QVERIFY(source.addManifest(Repo, m.raw, m.mediaType, tag).ok());
    }
    bool exists(const Digest &d)
    {
        return waitFor<RawManifest>([&](QObject *ctx, auto done) {
                   return source.rawManifest(Repo, d.toString(), ctx, done);
               })
            .ok();
    }
    QStringList tags()
    {
        auto listing = waitFor<NameListing>(
            [&](QObject *ctx, auto done) { return source.allTags(Repo, 10, ctx, done); });
        QStringList out = listing.ok() ? listing->items : QStringList();
        out.sort();
        return out;
    }
    DeletionPlan plan(const Digest &target, const DeletionOptions &options = {})
    {
        RepositoryInventoryBuilder builder(&source);
        auto inventory = waitFor<RepositoryInventory>(
            [&](QObject *ctx, auto done) { return builder.build(Repo, {}, ctx, done); });
        if (!inventory.ok())
            return {};
        return DeletionPlanner::plan(inventory.value(), target, options);
    }
};

} // namespace

class TestDeletionExecutor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deletesInPlanOrderAndKeepsFallbackIndexesRight()
    {
        Content c;
        DeletionOptions options;
        options.withReferrers = true;
        const DeletionPlan plan = c.plan(c.a.digest, options);
        QCOMPARE(plan.deletedDigests(), (QList<Digest>{c.sbom.digest, c.a.digest}));
        DeletionExecutor executor(&c.source);
        QStringList steps;
        connect(&executor, &DeletionExecutor::progress, this,
                [&](int, int, const QString &text) { steps << text; });
        auto outcome = waitFor<DeletionOutcome>(
            [&](QObject *ctx, auto done) { return executor.execute(plan, ctx, done); });
        QVERIFY2(outcome.ok(), qPrintable(outcome.error().toString()));
        QCOMPARE(outcome->status, DeletionOutcome::Status::Completed);
        QCOMPARE(outcome->items.size(), 2);
        for (const auto &item : outcome->items)
            QCOMPARE(item.state, DeletionOutcome::ItemResult::State::Deleted);
        QCOMPARE(outcome->fallback.size(), 1);
        QVERIFY(outcome->fallback.first().ok);
        QVERIFY(outcome->fallback.first().change.tagDeleted);
        QVERIFY(!c.exists(c.a.digest));
        QVERIFY(!c.exists(c.sbom.digest));
        QVERIFY(!c.exists(c.listing.digest));
        QVERIFY(c.tags().isEmpty());
        QVERIFY(outcome->storageNote.contains(QStringLiteral("garbage-collect")));
        // The referrer's delete came before its subject's.
        const qsizetype sbomStep =
            steps.indexOf(QStringLiteral("Deleting ") + c.sbom.digest.toString());
        const qsizetype aStep = steps.indexOf(QStringLiteral("Deleting ") + c.a.digest.toString());
        QVERIFY(sbomStep >= 0 && aStep > sbomStep);
    }

    void aRefusalStopsTheRun()
    {
        Content c;
        DeletionOptions options;
        options.withReferrers = true;
        const DeletionPlan plan = c.plan(c.a.digest, options);
        Error disabled = Error::make(ErrorKind::Unsupported,
                                     QStringLiteral("The operation is unsupported."), 405);
        disabled.registryCodes = {QStringLiteral("UNSUPPORTED")};
        c.source.failNext(MemorySource::Operation::Delete, disabled);
        const int pushesBefore = c.source.callCount(MemorySource::Operation::PushManifest);
        DeletionExecutor executor(&c.source);
        auto outcome = waitFor<DeletionOutcome>(
            [&](QObject *ctx, auto done) { return executor.execute(plan, ctx, done); });
        QVERIFY(outcome.ok());
        QCOMPARE(outcome->status, DeletionOutcome::Status::Stopped);
        QCOMPARE(outcome->items.at(0).state, DeletionOutcome::ItemResult::State::Failed);
        QCOMPARE(outcome->items.at(1).state, DeletionOutcome::ItemResult::State::NotAttempted);
        QVERIFY(outcome->error);
        QVERIFY(outcome->error->message.contains(QStringLiteral("does not allow deleting")));
        QVERIFY(outcome->error->message.contains(QStringLiteral("Nothing was changed.")));
        QCOMPARE(outcome->error->httpStatus, 405);
        QVERIFY(outcome->fallback.isEmpty());
        QVERIFY(outcome->storageNote.isEmpty());
        QCOMPARE(c.source.callCount(MemorySource::Operation::PushManifest), pushesBefore);
        QVERIFY(c.exists(c.a.digest));
        QVERIFY(c.exists(c.sbom.digest));
        QCOMPARE(c.tags().size(), 3);
    }

    void aRefusedPlanSendsNothing()
    {
        Content c;
        const BuiltManifest multi =
            ManifestBuilder()
                .index(QString(mediatype::OciIndex), QJsonArray{c.a.descriptorJson()})
                .value();
        c.add(multi, QStringLiteral("latest"));
        const DeletionPlan plan = c.plan(c.a.digest);
        QVERIFY(plan.isRefused());
        const int resolves = c.source.callCount(MemorySource::Operation::Resolve);
        const int deletes = c.source.callCount(MemorySource::Operation::Delete);
        DeletionExecutor executor(&c.source);
        auto outcome = waitFor<DeletionOutcome>(
            [&](QObject *ctx, auto done) { return executor.execute(plan, ctx, done); });
        QVERIFY(outcome.ok());
        QCOMPARE(outcome->status, DeletionOutcome::Status::Refused);
        QCOMPARE(c.source.callCount(MemorySource::Operation::Resolve), resolves);
        QCOMPARE(c.source.callCount(MemorySource::Operation::Delete), deletes);
    }

    void cancelAndDestroyedContext()
    {
        Content c;
        c.source.setLatency(30);
        const DeletionPlan plan = c.plan(c.a.digest);
        DeletionExecutor executor(&c.source);
        auto cancelled = waitFor<DeletionOutcome>([&](QObject *ctx, auto done) {
            RequestHandle h = executor.execute(plan, ctx, done);
            h.cancel();
            return h;
        });
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().kind, ErrorKind::Cancelled);
        QTest::qWait(200);
        QVERIFY(c.exists(c.a.digest));

        bool heard = false;
        auto *context = new QObject;
        executor.execute(plan, context, [&](Result<DeletionOutcome>) { heard = true; });
        delete context;
        QTest::qWait(300);
        QVERIFY(!heard);
    }

    void untagThreeWays()
    {
        Content c;
        Untagger untagger(&c.source);
        // Refused and not asked for the placeholder: nothing changes.
        auto refused = waitFor<UntagOutcome>([&](QObject *ctx, auto done) {
            return untagger.untag(Repo, QStringLiteral("v1"), {}, ctx, done);
        });
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.contains(QStringLiteral("nothing was changed")));
        QCOMPARE(c.tags().size(), 3);

        Untagger::Options placeholder;
        placeholder.placeholder = true;
        auto viaPlaceholder = waitFor<UntagOutcome>([&](QObject *ctx, auto done) {
            return untagger.untag(Repo, QStringLiteral("v1"), placeholder, ctx, done);
        });
        QVERIFY2(viaPlaceholder.ok(), qPrintable(viaPlaceholder.error().toString()));
        QCOMPARE(viaPlaceholder->method, UntagOutcome::Method::Placeholder);
        QCOMPARE(viaPlaceholder->formerDigest, c.a.digest);
        QVERIFY(!c.exists(viaPlaceholder->placeholder));
        QVERIFY(c.exists(c.a.digest));
        QCOMPARE(c.tags(), (QStringList{c.a.digest.fallbackTag(), QStringLiteral("v2")}));

        // Where the source deletes a tag alone, that is what is done.
        c.source.setTagDelete(true);
        auto direct = waitFor<UntagOutcome>([&](QObject *ctx, auto done) {
            return untagger.untag(Repo, QStringLiteral("v2"), placeholder, ctx, done);
        });
        QVERIFY(direct.ok());
        QCOMPARE(direct->method, UntagOutcome::Method::TagDelete);
        QVERIFY(!direct->placeholder.isValid());
        QVERIFY(c.exists(c.a.digest));
        QCOMPARE(c.tags(), QStringList{c.a.digest.fallbackTag()});

        // A digest is not a tag.
        auto digest = waitFor<UntagOutcome>([&](QObject *ctx, auto done) {
            return untagger.untag(Repo, c.a.digest.toString(), {}, ctx, done);
        });
        QCOMPARE(digest.error().kind, ErrorKind::InvalidInput);
    }

    void placeholdersAreUnique()
    {
        const BuiltManifest one =
            Untagger::placeholderManifest(QStringLiteral("n1"), QStringLiteral("t"));
        const BuiltManifest two =
            Untagger::placeholderManifest(QStringLiteral("n2"), QStringLiteral("t"));
        QVERIFY(one.digest != two.digest);
        const auto parsed = Manifest::parse(one.raw);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->config()->mediaType, QString(mediatype::OciEmpty));
        QCOMPARE(parsed->artifactType(), Untagger::placeholderArtifactType());
        QCOMPARE(parsed->annotations().value(QStringLiteral("dev.ocular.untag.nonce")),
                 QStringLiteral("n1"));
    }
};

QTEST_GUILESS_MAIN(TestDeletionExecutor)
#include "tst_deletionexecutor.moc"
