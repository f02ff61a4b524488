// ReferrerWalker and RepositoryAuditor on a MemorySource: the referrer graph and the audit
// without any HTTP, through the ContentSource interface only. A referrer listed by the API and
// confirmed by its own subject is an edge; one listed by the fallback tag whose manifest names
// another subject is rejected; deleting the service (or the source) mid-walk is safe.
#include "support/asyncwait.h"
#include "support/testmanifests.h"

#include "content/mediatype.h"
#include "referrers/audittable.h"
#include "referrers/referrerwalker.h"
#include "referrers/repositoryauditor.h"
#include "source/memorysource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
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
const QString Notation = QStringLiteral("application/vnd.cncf.notary.signature");

/// A fallback index (as the fallback tag holds it) listing `referrers`.
QByteArray fallbackIndex(const QList<QPair<QByteArray, QString>> &referrers)
{
    QJsonArray entries;
    for (const auto &[raw, type] : referrers) {
        QJsonObject entry = descriptor(QString(mediatype::OciManifest), raw);
        entry.insert(QStringLiteral("artifactType"), type);
        entries.append(entry);
    }
    return compact(QJsonObject{{QStringLiteral("schemaVersion"), 2},
                               {QStringLiteral("mediaType"), QString(mediatype::OciIndex)},
                               {QStringLiteral("manifests"), entries}});
}

Digest add(MemorySource &source, const QByteArray &raw, const QString &tag = {},
           const QString &type = QString(mediatype::OciManifest))
{
    const auto stored = source.addManifest(Repo, raw, type, tag);
    if (!stored.ok())
        qFatal("fixture manifest does not parse: %s", qPrintable(stored.error().message));
    return stored.value();
}

/// The subject "v1" with an SBOM the API lists, and a fallback tag that also lists a
/// signature of another image (a lie the walk must catch).
struct Fixture
{
    QByteArray subject = image(QStringLiteral("subject"));
    QByteArray other = image(QStringLiteral("other"));
    QByteArray sbom = artifact(Sbom, subject, QStringLiteral("sbom"));
    QByteArray liar = artifact(Notation, other, QStringLiteral("not yours"));

    void seed(MemorySource &source) const
    {
        add(source, subject, QStringLiteral("v1"));
        add(source, other);
        add(source, sbom);
        add(source, liar);
        add(source, fallbackIndex({{liar, Notation}}), Digest::sha256(subject).fallbackTag(),
            QString(mediatype::OciIndex));
    }
};

} // namespace

class TestReferrerWalkerMemory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void apiReferrerIsAnEdgeAndAFallbackLieIsRejected()
    {
        MemorySource source;
        const Fixture f;
        f.seed(source);
        ReferrerWalker walker(&source, nullptr);
        auto graph = waitFor<ReferrerGraph>([&](QObject *ctx, auto done) {
            return walker.walk(Repo, QStringLiteral("v1"), {}, ctx, done);
        });
        QVERIFY2(graph.ok(), qPrintable(graph.error().toString()));
        QCOMPARE(graph->root(), Digest::sha256(f.subject));

        const QList<ReferrerEdge> edges = graph->referrersOf(graph->root());
        QCOMPARE(edges.size(), 1);
        QCOMPARE(edges.first().to, Digest::sha256(f.sbom));
        QCOMPARE(edges.first().sources, ReferrerSources(ReferrerSource::ReferrersApi));
        QCOMPARE(graph->node(Digest::sha256(f.sbom))->artifactType, Sbom);

        const QList<RejectedReferrer> rejected = graph->rejectedFor(graph->root());
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(rejected.first().referrer, Digest::sha256(f.liar));
        QCOMPARE(rejected.first().reason, RejectedReferrer::Reason::OtherSubject);
        QCOMPARE(rejected.first().sources, ReferrerSources(ReferrerSource::FallbackTag));
        QCOMPARE(rejected.first().namedSubject, Digest::sha256(f.other).toString());
        QVERIFY(!graph->allReferrers().contains(Digest::sha256(f.liar)));

        // Everything came through the interface: the API and the raw fallback read.
        QVERIFY(source.callCount(MemorySource::Operation::Referrers) >= 1);
        QVERIFY(source.callCount(MemorySource::Operation::RawManifest) >= 1);
    }

    void withoutTheApiTheFallbackTagIsRead()
    {
        MemorySource source;
        source.setReferrersApi(false);
        const Fixture f;
        f.seed(source);
        // Replace the lying list with an honest one.
        add(source, fallbackIndex({{f.sbom, Sbom}}), Digest::sha256(f.subject).fallbackTag(),
            QString(mediatype::OciIndex));
        ReferrerWalker walker(&source, nullptr);
        auto graph = waitFor<ReferrerGraph>([&](QObject *ctx, auto done) {
            return walker.walk(Repo, Digest::sha256(f.subject).toString(), {}, ctx, done);
        });
        QVERIFY2(graph.ok(), qPrintable(graph.error().toString()));
        const QList<ReferrerEdge> edges = graph->referrersOf(graph->root());
        QCOMPARE(edges.size(), 1);
        QCOMPARE(edges.first().to, Digest::sha256(f.sbom));
        QCOMPARE(edges.first().sources, ReferrerSources(ReferrerSource::FallbackTag));
        // Once the source said it has no API, the SBOM's own referrers are not asked for there.
        QCOMPARE(source.callCount(MemorySource::Operation::Referrers), 1);
    }

    void deletingTheWalkerMidWalkIsSafe()
    {
        MemorySource source;
        const Fixture f;
        f.seed(source);
        source.setLatency(10);
        int interrupted = 0;
        for (int delayMs : {0, 1, 5, 12, 25, 40}) {
            // The panels' way: the walker is the context, so nothing at all may arrive.
            {
                auto *walker = new ReferrerWalker(&source, nullptr);
                int delivered = 0;
                walker->walk(Repo, QStringLiteral("v1"), {}, walker,
                             [&](Result<ReferrerGraph>) { ++delivered; });
                QTest::qWait(delayMs);
                const bool running = delivered == 0;
                delete walker;
                QTest::qWait(60);
                if (running) {
                    ++interrupted;
                    QCOMPARE(delivered, 0);
                }
            }
            // Another context: the caller hears Cancelled once, never a graph.
            {
                QObject context;
                auto *walker = new ReferrerWalker(&source, nullptr);
                QList<Result<ReferrerGraph>> answers;
                walker->walk(Repo, QStringLiteral("v1"), {}, &context,
                             [&](Result<ReferrerGraph> r) { answers.append(r); });
                QTest::qWait(delayMs);
                const bool running = answers.isEmpty();
                delete walker;
                QTest::qWait(60);
                if (running) {
                    QCOMPARE(answers.size(), 1);
                    QVERIFY(!answers.first().ok());
                    QCOMPARE(answers.first().error().kind, ErrorKind::Cancelled);
                }
            }
        }
        QVERIFY2(interrupted >= 3, "the deletes did not land inside the walks");
        // The source is still fine for a new walk.
        ReferrerWalker walker(&source, nullptr);
        auto graph = waitFor<ReferrerGraph>([&](QObject *ctx, auto done) {
            return walker.walk(Repo, QStringLiteral("v1"), {}, ctx, done);
        });
        QVERIFY(graph.ok());
        QCOMPARE(graph->referrersOf(graph->root()).size(), 1);
    }

    void deletingTheSourceMidWalkCancelsIt()
    {
        const Fixture f;
        for (int delayMs : {0, 5, 15}) {
            auto source = std::make_unique<MemorySource>();
            f.seed(*source);
            source->setLatency(10);
            ReferrerWalker walker(source.get(), nullptr);
            QObject context;
            QList<Result<ReferrerGraph>> answers;
            walker.walk(Repo, QStringLiteral("v1"), {}, &context,
                        [&](Result<ReferrerGraph> r) { answers.append(r); });
            QTest::qWait(delayMs);
            const bool running = answers.isEmpty();
            source.reset();
            QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 1, 2000);
            if (running)
                QVERIFY2(!answers.first().ok() &&
                             answers.first().error().kind == ErrorKind::Cancelled,
                         qPrintable(answers.first().ok() ? QStringLiteral("a graph")
                                                         : answers.first().error().toString()));
            // A walk on a source that is gone ends at once, cancelled.
            auto after = waitFor<ReferrerGraph>([&](QObject *ctx, auto done) {
                return walker.walk(Repo, QStringLiteral("v1"), {}, ctx, done);
            });
            QCOMPARE(after.error().kind, ErrorKind::Cancelled);
        }
    }

    void auditOfAMemoryRepository()
    {
        MemorySource source;
        const Fixture f;
        f.seed(source);
        const QByteArray plain = image(QStringLiteral("plain"));
        add(source, plain, QStringLiteral("v2"));
        const QByteArray signature = artifact(Notation, f.subject, QStringLiteral("signed"));
        add(source, signature);
        RepositoryAuditor auditor(&source, nullptr);
        auditor.setConcurrency(1);
        QSignalSpy progress(&auditor, &RepositoryAuditor::progress);
        auto rows = waitFor<QList<AuditRow>>(
            [&](QObject *ctx, auto done) { return auditor.audit(Repo, ctx, done); });
        QVERIFY2(rows.ok(), qPrintable(rows.error().toString()));
        // The fallback tag is an attachment, not a subject: two rows, in tag order.
        QCOMPARE(rows->size(), 2);
        const AuditRow &v1 = rows->at(0);
        const AuditRow &v2 = rows->at(1);
        QCOMPARE(v1.tag, QStringLiteral("v1"));
        QCOMPARE(v1.digest, Digest::sha256(f.subject));
        QVERIFY(v1.isSigned());
        QCOMPARE(v1.sbomFormats, QStringList{QStringLiteral("SPDX")});
        QCOMPARE(v1.referrerCount, 2);
        QCOMPARE(v1.subjectMismatches.size(), 1); // the lie of the fallback tag
        QCOMPARE(v1.verificationResult.status, VerificationResult::Status::NotChecked);
        QCOMPARE(v2.tag, QStringLiteral("v2"));
        QVERIFY(!v2.isSigned());
        QVERIFY(v2.sbomFormats.isEmpty());
        QCOMPARE(v2.referrerCount, 0);
        QCOMPARE(progress.size(), 2);
        QCOMPARE(progress.last().at(0).toInt(), 2);
        QCOMPARE(progress.last().at(1).toInt(), 2);
        // One tag listing for the whole audit, shared with the walks.
        QCOMPARE(source.callCount(MemorySource::Operation::Tags), 1);
    }

    void deletingTheAuditorMidAuditIsSafe()
    {
        MemorySource source;
        const Fixture f;
        f.seed(source);
        for (int i = 0; i < 8; ++i)
            add(source, image(QStringLiteral("t%1").arg(i)), QStringLiteral("t%1").arg(i));
        source.setLatency(5);
        int interrupted = 0;
        for (int delayMs : {0, 3, 10, 20, 35}) {
            QObject context;
            auto *auditor = new RepositoryAuditor(&source, nullptr);
            auditor->setConcurrency(2);
            QList<Result<QList<AuditRow>>> answers;
            auditor->audit(Repo, &context, [&](Result<QList<AuditRow>> r) { answers.append(r); });
            QTest::qWait(delayMs);
            const bool running = answers.isEmpty();
            delete auditor;
            QTest::qWait(60);
            if (running) {
                ++interrupted;
                QCOMPARE(answers.size(), 1);
                QCOMPARE(answers.first().error().kind, ErrorKind::Cancelled);
            }
        }
        QVERIFY(interrupted >= 2);
        // Undisturbed, the same audit finishes with a row per subject tag.
        RepositoryAuditor auditor(&source, nullptr);
        auto rows = waitFor<QList<AuditRow>>(
            [&](QObject *ctx, auto done) { return auditor.audit(Repo, ctx, done); });
        QVERIFY2(rows.ok(), qPrintable(rows.error().toString()));
        QCOMPARE(rows->size(), 9);
    }
};

QTEST_GUILESS_MAIN(TestReferrerWalkerMemory)
#include "tst_referrerwalkermemory.moc"
