// The referrers list (API answer and fallback tag index) read leniently and rewritten without
// losing anything, and the attachment tag names of every algorithm (PROTOCOL §4).
#include "content/mediatype.h"
#include "referrers/cosigntags.h"
#include "referrers/fallbackindex.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ocular;

namespace {

QJsonObject entry(const QByteArray &content, const QString &artifactType)
{
    return QJsonObject{{QStringLiteral("mediaType"), QString(mediatype::OciManifest)},
                       {QStringLiteral("digest"), Digest::sha256(content).toString()},
                       {QStringLiteral("size"), 100},
                       {QStringLiteral("artifactType"), artifactType}};
}

QString hex(int n)
{
    return QString(n, QLatin1Char('a'));
}

} // namespace

class TestFallbackIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void invalidEntriesAreSkippedWithReasonsAndKept()
    {
        QJsonObject bad = entry("bad", QStringLiteral("x/y"));
        bad.insert(QStringLiteral("digest"), QStringLiteral("sha256:NOTHEX"));
        QJsonObject future = entry("future", QStringLiteral("application/spdx+json"));
        future.insert(QStringLiteral("x-future-field"), QJsonArray{1, 2});
        const QJsonObject document{
            {QStringLiteral("schemaVersion"), 2},
            {QStringLiteral("mediaType"), QString(mediatype::OciIndex)},
            {QStringLiteral("x-writer"), QStringLiteral("another client")},
            {QStringLiteral("manifests"),
             QJsonArray{entry("a", QStringLiteral("application/vnd.cncf.notary.signature")), bad,
                        QStringLiteral("not an object"), future}}};
        const auto index =
            FallbackIndex::parse(QJsonDocument(document).toJson(QJsonDocument::Compact));
        QVERIFY2(index.ok(), qPrintable(index.error().message));
        QCOMPARE(index->entries().size(), 2);
        QCOMPARE(index->skippedEntries(), 2);
        QCOMPARE(index->skipped().at(0).position, 1);
        QVERIFY2(index->skipped().at(0).reason.contains(QStringLiteral("digest")),
                 qPrintable(index->skipped().at(0).reason));
        QCOMPARE(index->skipped().at(1).position, 2);
        QCOMPARE(index->filtered(QStringLiteral("application/spdx+json")).size(), 1);

        // A rewrite adds one entry and keeps everything it did not understand.
        const QByteArray rewritten =
            index->withEntry(entry("new", QStringLiteral("application/vnd.cyclonedx+json")));
        const QJsonObject out = QJsonDocument::fromJson(rewritten).object();
        QCOMPARE(out.value(QLatin1String("x-writer")).toString(), QStringLiteral("another client"));
        const QJsonArray manifests = out.value(QLatin1String("manifests")).toArray();
        QCOMPARE(manifests.size(), 5);
        QCOMPARE(manifests.at(1).toObject(), bad);
        QCOMPARE(manifests.at(2).toString(), QStringLiteral("not an object"));
        QCOMPARE(manifests.at(3).toObject().value(QLatin1String("x-future-field")).toArray().size(),
                 2);
        // Adding an entry already there changes nothing; removing one keeps the rest.
        const auto again = FallbackIndex::parse(rewritten);
        QVERIFY(again.ok());
        QCOMPARE(again->withEntry(entry("new", QStringLiteral("application/vnd.cyclonedx+json"))),
                 rewritten);
        const QJsonArray removed = QJsonDocument::fromJson(again->withoutEntry(Digest::sha256("a")))
                                       .object()
                                       .value(QLatin1String("manifests"))
                                       .toArray();
        QCOMPARE(removed.size(), 4);
        QCOMPARE(removed.at(0).toObject(), bad);
    }

    void notAnIndexIsAnError_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addRow("html") << QByteArray("<html>hi</html>");
        QTest::addRow("image manifest")
            << QByteArray(R"({"schemaVersion":2,"mediaType":")"
                          "application/vnd.oci.image."
                          R"(manifest.v1+json","config":{},"layers":[]})");
        QTest::addRow("manifests and layers") << QByteArray(R"({"manifests":[],"layers":[]})");
        QTest::addRow("manifests not an array") << QByteArray(R"({"manifests":{}})");
    }
    void notAnIndexIsAnError()
    {
        QFETCH(QByteArray, raw);
        QVERIFY(!FallbackIndex::parse(raw).ok());
    }

    // Issue 9 item 9: attachment tags of every registered algorithm, truncated ones included.
    void attachmentTags_data()
    {
        QTest::addColumn<QString>("tag");
        QTest::addColumn<bool>("attachment");
        QTest::addColumn<bool>("truncated");
        QTest::addRow("sha256 fallback") << QStringLiteral("sha256-") + hex(64) << true << false;
        QTest::addRow("sha256 cosign sig")
            << QStringLiteral("sha256-") + hex(64) + QStringLiteral(".sig") << true << false;
        QTest::addRow("sha512 fallback truncated to 64")
            << QStringLiteral("sha512-") + hex(64) << true << true;
        QTest::addRow("blake3 fallback") << QStringLiteral("blake3-") + hex(64) << true << false;
        QTest::addRow("sha512 short is a user tag")
            << QStringLiteral("sha512-") + hex(40) << false << false;
        QTest::addRow("git sha is a user tag")
            << QStringLiteral("sha-") + hex(40) << false << false;
        QTest::addRow("upper-case hex")
            << QStringLiteral("sha256-") + QString(64, QLatin1Char('A')) << false << false;
        QTest::addRow("truncated cosign tag")
            << QStringLiteral("sha512-") + hex(64) + QStringLiteral(".sig") << false << false;
        QTest::addRow("release") << QStringLiteral("v1.2.3") << false << false;
    }
    void attachmentTags()
    {
        QFETCH(QString, tag);
        QFETCH(bool, attachment);
        QFETCH(bool, truncated);
        QCOMPARE(cosigntags::isAttachmentTag(tag), attachment);
        const auto parsed = cosigntags::parse(tag);
        if (!attachment)
            return;
        QCOMPARE(parsed->truncated, truncated);
        QCOMPARE(parsed->subject.isValid(), !truncated);
    }

    void sha512FallbackTagIsRecognised()
    {
        const Digest d = Digest::compute("subject", QStringLiteral("sha512"));
        QVERIFY(cosigntags::isAttachmentTag(d.fallbackTag()));
        QVERIFY(d.toString().startsWith(cosigntags::parse(d.fallbackTag())->subjectPrefix));
    }
};

QTEST_GUILESS_MAIN(TestFallbackIndex)
#include "tst_fallbackindex.moc"
