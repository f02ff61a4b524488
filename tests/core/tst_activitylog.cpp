#include "activity/activitylog.h"
#include "activity/activityrecords.h"
#include "write/artifactpusher.h"
#include "write/deletionoutcome.h"
#include "write/deletionplan.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace ocular;

namespace {

Digest digestOf(const QByteArray &bytes)
{
    return Digest::sha256(bytes);
}

} // namespace

class TestActivityLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appendsAndReadsBackInOrder();
    void absentLogIsEmpty();
    void damagedLinesAreSkippedAndCounted();
    void lastKeepsTheNewest();
    void unwritableLocationIsAnError();
    void pushRecordSaysWhichReferrerPathWasTaken();
    void deleteRecordCountsWhatWentOnly();
};

void TestActivityLog::appendsAndReadsBackInOrder()
{
    QTemporaryDir dir;
    const ActivityLog log(dir.filePath(QStringLiteral("nested/ocular/activity.jsonl")));
    ActivityEntry first = ActivityEntry::now(QStringLiteral("tag"), QStringLiteral("r.example"),
                                             QStringLiteral("team/app"));
    first.reference = QStringLiteral("stable");
    first.details.insert(QStringLiteral("n"), 1);
    QVERIFY(log.append(first).ok());
    ActivityEntry second = first;
    second.action = QStringLiteral("untag");
    QVERIFY(log.append(second).ok());

    const auto read = log.read();
    QVERIFY(read.ok());
    QCOMPARE(read->entries.size(), 2);
    QCOMPARE(read->skippedLines, 0);
    QCOMPARE(read->entries.at(0).action, QStringLiteral("tag"));
    QCOMPARE(read->entries.at(1).action, QStringLiteral("untag"));
    QCOMPARE(read->entries.at(0).reference, QStringLiteral("stable"));
    QCOMPARE(read->entries.at(0).details.value(QStringLiteral("n")).toInt(), 1);
    // Milliseconds survive the round trip: entries made in one second keep their order.
    QCOMPARE(read->entries.at(0).time, first.time);
    QCOMPARE(QFile(log.path()).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
             QFileDevice::Permissions());
}

void TestActivityLog::absentLogIsEmpty()
{
    QTemporaryDir dir;
    const auto read = ActivityLog(dir.filePath(QStringLiteral("none.jsonl"))).read();
    QVERIFY(read.ok());
    QVERIFY(read->entries.isEmpty());
}

void TestActivityLog::damagedLinesAreSkippedAndCounted()
{
    QTemporaryDir dir;
    const ActivityLog log(dir.filePath(QStringLiteral("activity.jsonl")));
    QVERIFY(log.append(ActivityEntry::now(QStringLiteral("push"), {}, QStringLiteral("a"))).ok());
    {
        QFile file(log.path());
        QVERIFY(file.open(QIODevice::Append));
        file.write("not json\n");
        file.write("{\"action\":\"push\"}\n");          // no time
        file.write("[1,2,3]\n");                        // not an object
        file.write(QByteArray(200 * 1024, 'x') + '\n'); // over-long: skipped as one line
        file.write("\n");                               // blank: not counted
        file.write("{\"time\":\"2026-01-02T03:04:05.006Z\",\"action\":\"copy\"}");
    }
    const auto read = log.read();
    QVERIFY(read.ok());
    QCOMPARE(read->skippedLines, 4);
    QCOMPARE(read->entries.size(), 2);
    QCOMPARE(read->entries.at(1).action, QStringLiteral("copy"));
    QCOMPARE(read->entries.at(1).time.date(), QDate(2026, 1, 2));
}

void TestActivityLog::lastKeepsTheNewest()
{
    QTemporaryDir dir;
    const ActivityLog log(dir.filePath(QStringLiteral("activity.jsonl")));
    for (int i = 0; i < 25; ++i) {
        ActivityEntry entry = ActivityEntry::now(QStringLiteral("tag"), {}, QStringLiteral("r"));
        entry.reference = QString::number(i);
        QVERIFY(log.append(entry).ok());
    }
    const auto read = log.read(3);
    QVERIFY(read.ok());
    QCOMPARE(read->entries.size(), 3);
    QCOMPARE(read->entries.at(0).reference, QStringLiteral("22"));
    QCOMPARE(read->entries.at(2).reference, QStringLiteral("24"));
}

void TestActivityLog::unwritableLocationIsAnError()
{
    QTemporaryDir dir;
    QFile blocker(dir.filePath(QStringLiteral("file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    // A path under a regular file can be neither created nor written, even as root.
    const ActivityLog log(dir.filePath(QStringLiteral("file/ocular/activity.jsonl")));
    const auto written = log.append(ActivityEntry::now(QStringLiteral("tag"), {}, {}));
    QVERIFY(!written.ok());
    QVERIFY2(written.error().message.contains(QStringLiteral("activity log")),
             qPrintable(written.error().message));
}

void TestActivityLog::pushRecordSaysWhichReferrerPathWasTaken()
{
    ArtifactRequest request;
    request.repository = QStringLiteral("team/app");
    request.tag = QStringLiteral("sbom");
    request.artifactType = QStringLiteral("application/spdx+json");
    request.files.append({QStringLiteral("/tmp/x.spdx.json"),
                          QStringLiteral("application/spdx+json"), QStringLiteral("x.spdx.json")});
    Descriptor subject;
    subject.digest = digestOf("subject");
    subject.mediaType = QStringLiteral("application/vnd.oci.image.manifest.v1+json");
    request.subject = subject;
    ArtifactPushResult result;
    result.digest = digestOf("artifact");
    FallbackIndexChange change;
    change.tag = subject.digest.fallbackTag();
    change.changed = true;
    change.replacedIndex = digestOf("old index");
    result.fallback = change;
    result.replacedIndexDeleted = true;

    const ActivityEntry entry = activityrecords::pushed(QStringLiteral("attach"),
                                                        QStringLiteral("r:5000"), request, result);
    QCOMPARE(entry.action, QStringLiteral("attach"));
    QCOMPARE(entry.digest, result.digest.toString());
    QCOMPARE(entry.details.value(QStringLiteral("referrersPath")).toString(),
             QStringLiteral("fallback tag"));
    QCOMPARE(entry.details.value(QStringLiteral("fallback"))
                 .toObject()
                 .value(QStringLiteral("replacedIndex"))
                 .toString(),
             change.replacedIndex->toString());
    QVERIFY(entry.details.value(QStringLiteral("replacedIndexDeleted")).toBool());
    QCOMPARE(entry.details.value(QStringLiteral("files")).toArray().size(), 1);

    result.fallback.reset();
    result.subjectRecorded = true;
    QCOMPARE(activityrecords::pushed(QStringLiteral("attach"), {}, request, result)
                 .details.value(QStringLiteral("referrersPath"))
                 .toString(),
             QStringLiteral("referrers API"));
}

void TestActivityLog::deleteRecordCountsWhatWentOnly()
{
    DeletionPlan plan;
    plan.repository = QStringLiteral("team/app");
    plan.target = digestOf("target");
    DeletionOutcome outcome;
    outcome.status = DeletionOutcome::Status::Stopped;
    DeletionOutcome::ItemResult gone;
    gone.digest = digestOf("referrer");
    gone.tags = {QStringLiteral("a"), QStringLiteral("b")};
    gone.state = DeletionOutcome::ItemResult::State::Deleted;
    DeletionOutcome::ItemResult failed;
    failed.digest = plan.target;
    failed.tags = {QStringLiteral("c")};
    failed.state = DeletionOutcome::ItemResult::State::Failed;
    outcome.items = {gone, failed};
    const ActivityEntry entry = activityrecords::deleted(QStringLiteral("r"), plan, outcome);
    QCOMPARE(entry.summary, QStringLiteral("deleted 1 manifest(s) and 2 tag(s)"));
    QCOMPARE(entry.digest, plan.target.toString());
    QVERIFY(entry.details.value(QStringLiteral("manifests")).toArray().size() == 2);
}

QTEST_GUILESS_MAIN(TestActivityLog)
#include "tst_activitylog.moc"
