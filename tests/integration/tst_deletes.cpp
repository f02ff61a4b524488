// Deletes against a real docker-registry (2.8: no referrers API, tag delete refused with 400
// DIGEST_INVALID, manifest delete by digest enabled): `ocular-cli delete` with its plan, fallback
// index upkeep, refusals, dry runs, stale plans, and `ocular-cli untag` with and without the
// placeholder method. The binary is run as a user would run it; the state of the registry is
// read back through the product's ContentSource.
#include "support/asyncwait.h"
#include "support/faultproxy.h"
#include "support/testregistry.h"
#include "support/teststack.h"

#include "content/manifestbuilder.h"
#include "content/mediatype.h"
#include "inventory/repositoryinventorybuilder.h"
#include "source/contentsource.h"
#include "write/deletionexecutor.h"
#include "write/deletionplanner.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace ocular;
using ocular::test::waitFor;

namespace {

const QString Repo = QStringLiteral("team/app");

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

Run cli(const QStringList &args)
{
    QProcess p;
    // stdin is not a terminal: without --yes the CLI must refuse.
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(QStringLiteral(OCULAR_BINARY_DIR "/app/ocular-cli"), args);
    Run r;
    if (!p.waitForFinished(120000))
        return r;
    r.code = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

BuiltManifest image(const QString &salt)
{
    const ContentBlob config{"{\"salt\":\"" + salt.toUtf8() + "\"}", QString(mediatype::OciConfig)};
    const ContentBlob layer{"layer " + salt.toUtf8(), QString(mediatype::OciLayerTarGzip)};
    return ManifestBuilder().image(QString(mediatype::OciManifest), config, {{layer, {}}}).value();
}

BuiltManifest artifact(const QString &type, const BuiltManifest &subject, const QString &salt)
{
    ManifestBuilder::Artifact a;
    a.artifactType = type;
    ManifestBuilder::Artifact::File file;
    file.bytes = salt.toUtf8();
    file.mediaType = type;
    file.title = salt + QStringLiteral(".json");
    a.files.append(file);
    a.subject = subject.descriptor();
    return ManifestBuilder().artifact(a).value();
}

BuiltManifest index(const QList<const BuiltManifest *> &entries, bool referrerIndex = false)
{
    QJsonArray array;
    for (const BuiltManifest *m : entries) {
        QJsonObject extra;
        if (referrerIndex) {
            const QJsonObject doc = QJsonDocument::fromJson(m->raw).object();
            extra.insert(QStringLiteral("artifactType"), doc.value(QLatin1String("artifactType")));
        }
        array.append(m->descriptorJson(extra));
    }
    return ManifestBuilder().index(QString(mediatype::OciIndex), array).value();
}

/// The registry as the tests see it: the product's stack on a started docker-registry.
class Fixture
{
public:
    explicit Fixture(const QString &hostPort)
        : m_stack(test::makeStack(hostPort))
        , hostPort(hostPort)
    {}

    ContentSource *source() const { return m_stack->source(); }
    QString ref(const QString &suffix) const { return hostPort + QLatin1Char('/') + Repo + suffix; }
    QString at(const Digest &digest) const { return ref(QLatin1Char('@') + digest.toString()); }

    bool push(const BuiltManifest &m, const QString &tag = {})
    {
        for (const ContentBlob &blob : m.blobs) {
            auto pushed = waitFor<Digest>([&](QObject *ctx, auto done) {
                return source()->pushBlob(Repo, blob.bytes, ctx, done);
            });
            if (!pushed.ok()) {
                qWarning("blob: %s", qPrintable(pushed.error().toString()));
                return false;
            }
        }
        auto pushed = waitFor<PushedContent>([&](QObject *ctx, auto done) {
            return source()->pushManifest(Repo, tag.isEmpty() ? m.digest.toString() : tag, m.raw,
                                          m.mediaType, ctx, done);
        });
        if (!pushed.ok())
            qWarning("manifest: %s", qPrintable(pushed.error().toString()));
        return pushed.ok();
    }

    /// What a tag names now (invalid digest: no such tag).
    Digest tag(const QString &name)
    {
        auto r = waitFor<ResolvedReference>(
            [&](QObject *ctx, auto done) { return source()->resolve(Repo, name, ctx, done); });
        return r.ok() ? r->descriptor.digest : Digest();
    }
    bool exists(const Digest &digest)
    {
        auto r = waitFor<RawManifest>([&](QObject *ctx, auto done) {
            return source()->rawManifest(Repo, digest.toString(), ctx, done);
        });
        if (!r.ok() && r.error().kind != ErrorKind::NotFound)
            qWarning("exists: %s", qPrintable(r.error().toString()));
        return r.ok();
    }
    /// The entries (digests) of the fallback index a tag names.
    QStringList fallbackEntries(const Digest &subject)
    {
        auto r = waitFor<RawManifest>([&](QObject *ctx, auto done) {
            return source()->rawManifest(Repo, subject.fallbackTag(), ctx, done);
        });
        QStringList out;
        if (!r.ok())
            return out;
        for (const QJsonValue &e :
             QJsonDocument::fromJson(r->raw).object().value(QLatin1String("manifests")).toArray())
            out << e.toObject().value(QLatin1String("digest")).toString();
        out.sort();
        return out;
    }
    QStringList tags()
    {
        auto r = waitFor<NameListing>(
            [&](QObject *ctx, auto done) { return source()->allTags(Repo, 100, ctx, done); });
        QStringList out = r.ok() ? r->items : QStringList{QStringLiteral("<error>")};
        out.sort();
        return out;
    }
    /// Every tag with what it names, and whether each digest exists: the registry's state.
    QString snapshot(const QList<Digest> &digests)
    {
        QString s;
        for (const QString &t : tags())
            s += t + QLatin1Char('=') + tag(t).toString() + QLatin1Char('\n');
        for (const Digest &d : digests)
            s += d.toString() +
                 (exists(d) ? QStringLiteral(" present\n") : QStringLiteral(" gone\n"));
        return s;
    }

private:
    std::unique_ptr<RegistryStack> m_stack;

public:
    const QString hostPort;
};

bool haveCli()
{
    return QFileInfo(QStringLiteral(OCULAR_BINARY_DIR "/app/ocular-cli")).isExecutable();
}

} // namespace

class TestDeletes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deletingAReferrerEditsTheFallbackIndex()
    {
        if (!haveCli())
            QSKIP("build the ocular-cli target first");
        OCULAR_TEST_REGISTRY(registry);
        Fixture f(registry.hostPort());
        const BuiltManifest a = image(QStringLiteral("a"));
        const BuiltManifest sbom =
            artifact(QString(mediatype::SpdxJson), a, QStringLiteral("sbom"));
        const BuiltManifest sig =
            artifact(QString(mediatype::NotationSignature), a, QStringLiteral("sig"));
        QVERIFY(f.push(a, QStringLiteral("v1")));
        QVERIFY(f.push(sbom));
        QVERIFY(f.push(sig));
        const BuiltManifest listing = index({&sbom, &sig}, true);
        QVERIFY(f.push(listing, a.digest.fallbackTag()));

        Run first = cli({QStringLiteral("delete"), f.at(sbom.digest), QStringLiteral("--yes")});
        QVERIFY2(first.code == 0, first.err.constData());
        QVERIFY2(first.out.contains("garbage-collect"), first.out.constData());
        QVERIFY(!f.exists(sbom.digest));
        QCOMPARE(f.fallbackEntries(a.digest), QStringList{sig.digest.toString()});
        // The index the edit replaced named the deleted manifest: it went too.
        QVERIFY2(first.out.contains("was deleted too"), first.out.constData());
        QVERIFY(!f.exists(listing.digest));

        // The last entry: the fallback tag goes, the subject and its tag stay.
        Run second = cli({QStringLiteral("delete"), f.at(sig.digest), QStringLiteral("--yes")});
        QVERIFY2(second.code == 0, second.err.constData());
        QVERIFY(!f.exists(sig.digest));
        QVERIFY(!f.tag(a.digest.fallbackTag()).isValid());
        QCOMPARE(f.tags(), QStringList{QStringLiteral("v1")});
        QCOMPARE(f.tag(QStringLiteral("v1")), a.digest);
    }

    void deletingASubjectWithReferrersLeavesNoOrphan()
    {
        if (!haveCli())
            QSKIP("build the ocular-cli target first");
        OCULAR_TEST_REGISTRY(registry);
        Fixture f(registry.hostPort());
        const BuiltManifest a = image(QStringLiteral("a"));
        const BuiltManifest keep = image(QStringLiteral("keep"));
        const BuiltManifest sbom =
            artifact(QString(mediatype::SpdxJson), a, QStringLiteral("sbom"));
        const BuiltManifest sig =
            artifact(QString(mediatype::NotationSignature), a, QStringLiteral("sig"));
        const BuiltManifest sigOfSbom =
            artifact(QString(mediatype::NotationSignature), sbom, QStringLiteral("sig of sbom"));
        QVERIFY(f.push(a, QStringLiteral("v1")));
        QVERIFY(f.push(a, QStringLiteral("v1-again")));
        QVERIFY(f.push(keep, QStringLiteral("keep")));
        for (const BuiltManifest *m : {&sbom, &sig, &sigOfSbom})
            QVERIFY(f.push(*m));
        const BuiltManifest listingOfA = index({&sbom, &sig}, true);
        const BuiltManifest listingOfSbom = index({&sigOfSbom}, true);
        QVERIFY(f.push(listingOfA, a.digest.fallbackTag()));
        QVERIFY(f.push(listingOfSbom, sbom.digest.fallbackTag()));

        // By tag: said to be by digest, with every tag on it.
        Run run = cli({QStringLiteral("delete"), f.ref(QStringLiteral(":v1")),
                       QStringLiteral("--with-referrers"), QStringLiteral("--yes"),
                       QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(run.code == 0, run.err.constData());
        QVERIFY2(run.err.contains("removes every tag on that digest"), run.err.constData());
        const QJsonObject doc = QJsonDocument::fromJson(run.out).object();
        const QJsonObject plan = doc.value(QLatin1String("plan")).toObject();
        QCOMPARE(plan.value(QLatin1String("manifests")).toArray().size(), 4);
        QCOMPARE(plan.value(QLatin1String("removedTags")).toArray(),
                 (QJsonArray{QStringLiteral("v1"), QStringLiteral("v1-again")}));
        QCOMPARE(doc.value(QLatin1String("outcome")).toObject().value(QLatin1String("status")),
                 QJsonValue(QStringLiteral("completed")));
        // The deepest referrer went first, the subject last.
        const QJsonArray manifests = plan.value(QLatin1String("manifests")).toArray();
        QCOMPARE(manifests.first().toObject().value(QLatin1String("digest")).toString(),
                 sigOfSbom.digest.toString());
        QCOMPARE(manifests.last().toObject().value(QLatin1String("digest")).toString(),
                 a.digest.toString());

        for (const BuiltManifest *m : {&a, &sbom, &sig, &sigOfSbom, &listingOfA, &listingOfSbom})
            QVERIFY2(!f.exists(m->digest), qPrintable(m->digest.toString()));
        // No orphan, no leftover fallback tag: only the unrelated image remains.
        QCOMPARE(f.tags(), QStringList{QStringLiteral("keep")});
        QVERIFY(f.exists(keep.digest));
    }

    // A manifest no tag reaches is not in the inventory: it is read by its digest, and its
    // own subject's fallback index is still kept right.
    void untaggedManifestsAndMissingOnes()
    {
        if (!haveCli())
            QSKIP("build the ocular-cli target first");
        OCULAR_TEST_REGISTRY(registry);
        Fixture f(registry.hostPort());
        const BuiltManifest a = image(QStringLiteral("a"));
        const BuiltManifest loose = image(QStringLiteral("untagged"));
        // A referrer nobody listed: only its own subject says where it belongs.
        const BuiltManifest unlisted =
            artifact(QString(mediatype::SpdxJson), a, QStringLiteral("unlisted"));
        QVERIFY(f.push(a, QStringLiteral("v1")));
        QVERIFY(f.push(loose));
        QVERIFY(f.push(unlisted));

        Run run = cli({QStringLiteral("delete"), f.at(loose.digest), QStringLiteral("--yes"),
                       QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(run.code == 0, run.err.constData());
        const QJsonObject plan =
            QJsonDocument::fromJson(run.out).object().value(QLatin1String("plan")).toObject();
        const QJsonArray manifests = plan.value(QLatin1String("manifests")).toArray();
        QCOMPARE(manifests.size(), 1);
        QVERIFY(manifests.first().toObject().value(QLatin1String("known")).toBool());
        QVERIFY(!f.exists(loose.digest));

        Run referrer =
            cli({QStringLiteral("delete"), f.at(unlisted.digest), QStringLiteral("--dry-run"),
                 QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(referrer.code == 0, referrer.err.constData());
        const QJsonArray edits = QJsonDocument::fromJson(referrer.out)
                                     .object()
                                     .value(QLatin1String("fallbackEdits"))
                                     .toArray();
        QCOMPARE(edits.size(), 1);
        QCOMPARE(edits.first().toObject().value(QLatin1String("tag")).toString(),
                 a.digest.fallbackTag());
        QCOMPARE(edits.first().toObject().value(QLatin1String("listed")).toBool(), false);

        Run missing = cli({QStringLiteral("delete"), f.at(Digest::sha256("never pushed")),
                           QStringLiteral("--yes")});
        QCOMPARE(missing.code, 1);
        QVERIFY2(missing.err.contains("404"), missing.err.constData());
        QCOMPARE(f.tag(QStringLiteral("v1")), a.digest);
        QVERIFY(f.exists(unlisted.digest));
    }

    void childOfATaggedIndexNeedsForce()
    {
        if (!haveCli())
            QSKIP("build the ocular-cli target first");
        OCULAR_TEST_REGISTRY(registry);
        Fixture f(registry.hostPort());
        const BuiltManifest amd = image(QStringLiteral("amd64"));
        const BuiltManifest arm = image(QStringLiteral("arm64"));
        const BuiltManifest multi = index({&amd, &arm});
        QVERIFY(f.push(amd));
        QVERIFY(f.push(arm));
        QVERIFY(f.push(multi, QStringLiteral("latest")));
        const QString before = f.snapshot({amd.digest, arm.digest, multi.digest});

        Run refused = cli({QStringLiteral("delete"), f.at(amd.digest), QStringLiteral("--yes")});
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.err.contains("would break") && refused.err.contains("--force"),
                 refused.err.constData());
        QVERIFY(refused.out.contains(multi.digest.toString().toUtf8()));
        QCOMPARE(f.snapshot({amd.digest, arm.digest, multi.digest}), before);

        Run forced = cli({QStringLiteral("delete"), f.at(amd.digest), QStringLiteral("--force"),
                          QStringLiteral("--yes")});
        QVERIFY2(forced.code == 0, forced.err.constData());
        QVERIFY(!f.exists(amd.digest));
        QCOMPARE(f.tag(QStringLiteral("latest")), multi.digest); // kept, broken, as planned
        QVERIFY(f.exists(arm.digest));
    }

    void dryRunAndNoTerminalChangeNothing()
    {
        if (!haveCli())
            QSKIP("build the ocular-cli target first");
        OCULAR_TEST_REGISTRY(registry);
        Fixture f(registry.hostPort());
        const BuiltManifest a = image(QStringLiteral("a"));
        const BuiltManifest sbom =
            artifact(QString(mediatype::SpdxJson), a, QStringLiteral("sbom"));
        QVERIFY(f.push(a, QStringLiteral("v1")));
        QVERIFY(f.push(a, QStringLiteral("stable")));
        QVERIFY(f.push(sbom));
        QVERIFY(f.push(index({&sbom}, true), a.digest.fallbackTag()));
        const QList<Digest> all{a.digest, sbom.digest};
        const QString before = f.snapshot(all);

        Run dry =
            cli({QStringLiteral("delete"), f.at(a.digest), QStringLiteral("--with-referrers"),
                 QStringLiteral("--dry-run"), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(dry.code == 0, dry.err.constData());
        const QJsonObject plan = QJsonDocument::fromJson(dry.out).object();
        QCOMPARE(plan.value(QLatin1String("manifests")).toArray().size(), 2);
        QCOMPARE(plan.value(QLatin1String("removedTags")).toArray(),
                 (QJsonArray{QStringLiteral("stable"), QStringLiteral("v1")}));
        QCOMPARE(plan.value(QLatin1String("emptiedFallbackTags")).toArray(),
                 QJsonArray{a.digest.fallbackTag()});
        QCOMPARE(plan.value(QLatin1String("referrersApi")).toString(),
                 QStringLiteral("not supported"));
        QCOMPARE(f.snapshot(all), before);

        Run text = cli({QStringLiteral("delete"), f.at(a.digest), QStringLiteral("--dry-run")});
        QCOMPARE(text.code, 0);
        QVERIFY2(text.out.contains("Referrers left orphaned"), text.out.constData());
        QCOMPARE(f.snapshot(all), before);

        // No --yes and no terminal: refused before anything is sent.
        Run unconfirmed = cli({QStringLiteral("delete"), f.at(a.digest)});
        QCOMPARE(unconfirmed.code, 2);
        QVERIFY2(unconfirmed.err.contains("not a terminal"), unconfirmed.err.constData());
        QCOMPARE(f.snapshot(all), before);
    }

    // A registry with deletes disabled answers 405 UNSUPPORTED: said plainly, and the run
    // stops at the first delete, before any fallback index is touched.
    void disabledDeleteIsExplainedAndChangesNothing()
    {
        if (!haveCli())
            QSKIP("build the ocular-cli target first");
        OCULAR_TEST_REGISTRY(registry);
        Fixture f(registry.hostPort());
        const BuiltManifest a = image(QStringLiteral("a"));
        const BuiltManifest sbom =
            artifact(QString(mediatype::SpdxJson), a, QStringLiteral("sbom"));
        QVERIFY(f.push(a, QStringLiteral("v1")));
        QVERIFY(f.push(sbom));
        QVERIFY(f.push(index({&sbom}, true), a.digest.fallbackTag()));
        const QString before = f.snapshot({a.digest, sbom.digest});

        test::FaultProxy proxy(QUrl(registry.baseUrl()));
        QVERIFY2(proxy.listen(), qPrintable(proxy.errorString()));
        auto refuse = test::FaultProxy::rule("DELETE", QStringLiteral("^/v2/.*/manifests/"),
                                             test::FaultProxy::Action::Respond);
        refuse.status = 405;
        refuse.headers = {{"Content-Type", "application/json"}};
        refuse.body =
            R"({"errors":[{"code":"UNSUPPORTED","message":"The operation is unsupported."}]})";
        const int rule = proxy.addRule(refuse);

        // The CLI runs in another process: this one serves the proxy meanwhile.
        QProcess p;
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(
            QStringLiteral(OCULAR_BINARY_DIR "/app/ocular-cli"),
            {QStringLiteral("delete"),
             proxy.hostPort() + QLatin1Char('/') + Repo + QLatin1Char('@') + a.digest.toString(),
             QStringLiteral("--with-referrers"), QStringLiteral("--yes")});
        QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 60000);
        const QByteArray err = p.readAllStandardError();
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(err.contains("does not allow deleting") && err.contains("Nothing was changed") &&
                     err.contains("UNSUPPORTED"),
                 err.constData());
        QCOMPARE(proxy.hits(rule), 1); // stopped at the first delete
        QCOMPARE(proxy.countMatching("PUT", QStringLiteral("/manifests/")), 0);
        QCOMPARE(f.snapshot({a.digest, sbom.digest}), before);
    }

    void stalePlanIsRejected()
    {
        OCULAR_TEST_REGISTRY(registry);
        Fixture f(registry.hostPort());
        const BuiltManifest a = image(QStringLiteral("a"));
        const BuiltManifest b = image(QStringLiteral("b"));
        QVERIFY(f.push(a, QStringLiteral("v1")));
        QVERIFY(f.push(a, QStringLiteral("v2")));
        QVERIFY(f.push(b, QStringLiteral("b")));

        RepositoryInventoryBuilder builder(f.source());
        auto planFor = [&](const Digest &target) {
            auto inventory = waitFor<RepositoryInventory>(
                [&](QObject *ctx, auto done) { return builder.build(Repo, {}, ctx, done); });
            return inventory.ok() ? DeletionPlanner::plan(inventory.value(), target)
                                  : DeletionPlan();
        };
        DeletionExecutor executor(f.source());
        auto execute = [&](const DeletionPlan &plan) {
            return waitFor<DeletionOutcome>(
                [&](QObject *ctx, auto done) { return executor.execute(plan, ctx, done); });
        };

        // A tag of the plan moved: stale, nothing deleted.
        const DeletionPlan plan = planFor(a.digest);
        QCOMPARE(plan.removedTags(), (QStringList{QStringLiteral("v1"), QStringLiteral("v2")}));
        QVERIFY(f.push(b, QStringLiteral("v2")));
        auto moved = execute(plan);
        QVERIFY2(moved.ok(), qPrintable(moved.error().toString()));
        QCOMPARE(moved->status, DeletionOutcome::Status::Stale);
        QCOMPARE(moved->changedFacts.size(), 1);
        QCOMPARE(moved->changedFacts.first().tag, QStringLiteral("v2"));
        QCOMPARE(moved->changedFacts.first().now, b.digest);
        QCOMPARE(moved->deletedCount(), 0);
        QVERIFY(f.exists(a.digest));
        QCOMPARE(f.tag(QStringLiteral("v1")), a.digest);

        // A tag the plan never saw now names its manifest: it would go unseen, so stale too.
        const DeletionPlan again = planFor(a.digest);
        QCOMPARE(again.removedTags(), QStringList{QStringLiteral("v1")});
        QVERIFY(f.push(a, QStringLiteral("new")));
        auto added = execute(again);
        QVERIFY(added.ok());
        QCOMPARE(added->status, DeletionOutcome::Status::Stale);
        QCOMPARE(added->changedFacts.first().tag, QStringLiteral("new"));
        QVERIFY(f.exists(a.digest));

        // Made again, the plan runs.
        auto fresh = execute(planFor(a.digest));
        QVERIFY(fresh.ok());
        QCOMPARE(fresh->status, DeletionOutcome::Status::Completed);
        QCOMPARE(fresh->deletedCount(), 1);
        QVERIFY(!fresh->storageNote.isEmpty());
        QVERIFY(!f.exists(a.digest));
        QCOMPARE(f.tags(), (QStringList{QStringLiteral("b"), QStringLiteral("v2")}));
    }

    void untagWithoutPlaceholderReportsTheRefusal()
    {
        if (!haveCli())
            QSKIP("build the ocular-cli target first");
        OCULAR_TEST_REGISTRY(registry);
        Fixture f(registry.hostPort());
        const BuiltManifest a = image(QStringLiteral("a"));
        QVERIFY(f.push(a, QStringLiteral("v1")));
        QVERIFY(f.push(a, QStringLiteral("v2")));
        const QString before = f.snapshot({a.digest});

        Run run = cli({QStringLiteral("untag"), f.ref(QStringLiteral(":v1"))});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains("400") && run.err.contains("DIGEST_INVALID"),
                 run.err.constData());
        QVERIFY2(run.err.contains("nothing was changed") && run.err.contains("--placeholder"),
                 run.err.constData());
        QCOMPARE(f.snapshot({a.digest}), before);
    }

    void untagWithPlaceholderRemovesExactlyOneTag()
    {
        if (!haveCli())
            QSKIP("build the ocular-cli target first");
        OCULAR_TEST_REGISTRY(registry);
        Fixture f(registry.hostPort());
        const BuiltManifest a = image(QStringLiteral("a"));
        QVERIFY(f.push(a, QStringLiteral("v1")));
        QVERIFY(f.push(a, QStringLiteral("v2")));
        QVERIFY(f.push(a, QStringLiteral("v3")));

        Run run = cli({QStringLiteral("untag"), f.ref(QStringLiteral(":v2")),
                       QStringLiteral("--placeholder"), QStringLiteral("--format"),
                       QStringLiteral("json")});
        QVERIFY2(run.code == 0, run.err.constData());
        const QJsonObject doc = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(doc.value(QLatin1String("method")).toString(), QStringLiteral("placeholder"));
        QCOMPARE(doc.value(QLatin1String("formerDigest")).toString(), a.digest.toString());
        QVERIFY(doc.value(QLatin1String("tagDeleteRefusal"))
                    .toString()
                    .contains(QStringLiteral("DIGEST_INVALID")));
        QVERIFY(doc.value(QLatin1String("note")).toString().contains(QStringLiteral("Docker Hub")));
        const auto placeholder = Digest::parse(doc.value(QLatin1String("placeholder")).toString());
        QVERIFY(placeholder.ok());
        QVERIFY(placeholder.value() != a.digest);

        QCOMPARE(f.tags(), (QStringList{QStringLiteral("v1"), QStringLiteral("v3")}));
        QCOMPARE(f.tag(QStringLiteral("v1")), a.digest);
        QCOMPARE(f.tag(QStringLiteral("v3")), a.digest);
        QVERIFY(f.exists(a.digest));
        QVERIFY(!f.exists(placeholder.value()));

        // Two runs never make the same placeholder (a nonce and the time in it).
        Run second = cli({QStringLiteral("untag"), f.ref(QStringLiteral(":v3")),
                          QStringLiteral("--placeholder"), QStringLiteral("--format"),
                          QStringLiteral("json")});
        QVERIFY2(second.code == 0, second.err.constData());
        QVERIFY(QJsonDocument::fromJson(second.out).object().value(QLatin1String("placeholder")) !=
                doc.value(QLatin1String("placeholder")));
        QCOMPARE(f.tags(), QStringList{QStringLiteral("v1")});
        QVERIFY(f.exists(a.digest));
    }
};

QTEST_GUILESS_MAIN(TestDeletes)
#include "tst_deletes.moc"
