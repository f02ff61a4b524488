// ReferrerGraphModel and AuditModel show what the walk refused to believe (subject mismatches)
// and where it stopped (index nesting), under QAbstractItemModelTester, on the offscreen
// platform.
#include "models/auditmodel.h"
#include "models/referrergraphmodel.h"
#include "referrers/audittable.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace ocular;

namespace {

Digest digestOf(const char *text)
{
    return Digest::sha256(QByteArray(text));
}

ReferrerNode node(const Digest &digest, ArtifactCategory category, ArtifactFormat format,
                  const QString &label)
{
    ReferrerNode n;
    n.digest = digest;
    n.fetched = true;
    n.classification.category = category;
    n.classification.format = format;
    n.classification.label = label;
    return n;
}

// Root index → platform image; the image has a real SBOM and a listed signature that names
// another subject; a nested index was cut by the nesting limit.
ReferrerGraph sampleGraph()
{
    const Digest root = digestOf("root");
    const Digest platform = digestOf("platform");
    const Digest sbom = digestOf("sbom");
    const Digest foreign = digestOf("foreign signature");
    const Digest nested = digestOf("nested index");
    ReferrerGraph graph(QStringLiteral("team/app"), root);
    graph.setNode(
        node(root, ArtifactCategory::Index, ArtifactFormat::OciIndex, QStringLiteral("OCI index")));
    graph.setNode(node(platform, ArtifactCategory::Image, ArtifactFormat::OciImage,
                       QStringLiteral("OCI image")));
    graph.setNode(
        node(sbom, ArtifactCategory::Sbom, ArtifactFormat::SpdxSbom, QStringLiteral("SPDX SBOM")));
    graph.setNode(node(foreign, ArtifactCategory::Signature, ArtifactFormat::CosignSignature,
                       QStringLiteral("cosign signature")));
    graph.setNode(node(nested, ArtifactCategory::Index, ArtifactFormat::OciIndex,
                       QStringLiteral("OCI index")));
    graph.addEdge(root, platform, ReferrerSource::IndexChild);
    graph.addEdge(root, nested, ReferrerSource::IndexChild);
    graph.addEdge(platform, sbom, ReferrerSource::FallbackTag, platform.fallbackTag());
    graph.addRejected(RejectedReferrer{
        platform, foreign, ReferrerSource::FallbackTag, platform.fallbackTag(),
        RejectedReferrer::Reason::OtherSubject, digestOf("someone else").toString(),
        QStringLiteral("its manifest's subject is another")});
    graph.addNestingCut(nested);
    return graph;
}

} // namespace

class TestReferrerGraphModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rejectedReferrersAndNestingCutsAreShown()
    {
        ReferrerGraphModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setGraph(sampleGraph());
        const QModelIndex root = model.index(0, 0);
        QCOMPARE(model.rowCount(root), 2);
        const QModelIndex platform = model.index(0, 0, root);
        QCOMPARE(platform.data(ReferrerGraphModel::DigestRole).toString(),
                 digestOf("platform").toString());
        QCOMPARE(model.rowCount(platform), 2); // the SBOM, then the rejected signature
        const QModelIndex sbom = model.index(0, 0, platform);
        QVERIFY(sbom.data(ReferrerGraphModel::RejectedRole).toString().isEmpty());
        const QModelIndex rejected = model.index(1, 0, platform);
        QVERIFY(rejected.data().toString().contains(QStringLiteral("not a referrer")));
        QVERIFY(!rejected.data(ReferrerGraphModel::RejectedRole).toString().isEmpty());
        QCOMPARE(rejected.data(ReferrerGraphModel::CategoryRole).toInt(),
                 int(ArtifactCategory::Other));
        QVERIFY(rejected.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Not counted")));
        // The rejected signature is not a referrer of anything.
        QCOMPARE(model.referrerCount(), 1);

        const QModelIndex nested = model.index(1, 0, root);
        QCOMPARE(model.rowCount(nested), 1);
        const QModelIndex more = model.index(0, 0, nested);
        QVERIFY(more.data(ReferrerGraphModel::ContinuationRole).toBool());
        QCOMPARE(more.data(ReferrerGraphModel::DigestRole).toString(),
                 digestOf("nested index").toString());
        QVERIFY(more.data().toString().contains(QStringLiteral("nesting limit")));
        QVERIFY(!model.nodeAt(more));
        QVERIFY(!platform.data(ReferrerGraphModel::ContinuationRole).toBool());
    }

    void auditShowsMismatchesAndFailedVerification()
    {
        const ReferrerGraph graph = sampleGraph();
        QList<AuditRow> rows = audittable::rowsFor(graph, QStringLiteral("v1"));
        QCOMPARE(rows.size(), 3); // the index, its platform image, the nested index
        AuditRow &platform = rows[1];
        QCOMPARE(platform.digest, digestOf("platform"));
        QVERIFY(!platform.isSigned());
        QCOMPARE(platform.sbomFormats, QStringList{QStringLiteral("SPDX")});
        QCOMPARE(platform.subjectMismatches.size(), 1);

        AuditRow signedRow = platform;
        signedRow.signatureKinds = {QStringLiteral("cosign signature")};
        signedRow.signatureFormats = {ArtifactFormat::CosignSignature};
        signedRow.setVerification(VerificationResult::failed(QStringLiteral("bad")));
        rows.append(signedRow);

        AuditModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setRows(rows);
        const QModelIndex problems = model.index(1, AuditModel::ProblemsColumn);
        QVERIFY(!problems.data().toString().isEmpty());
        QVERIFY(problems.data(Qt::ToolTipRole)
                    .toString()
                    .contains(digestOf("foreign signature").shortForm()));
        QVERIFY(model.index(0, AuditModel::ProblemsColumn).data().toString().isEmpty());
        QCOMPARE(model.index(3, AuditModel::VerificationColumn).data().toString(),
                 QStringLiteral("failed (bad)"));
        QCOMPARE(model.headerData(AuditModel::ProblemsColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Problems"));
    }
};

QTEST_MAIN(TestReferrerGraphModel)
#include "tst_referrergraphmodel.moc"
