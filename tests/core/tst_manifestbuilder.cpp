// ManifestBuilder: deterministic bytes, digest and size, the 4 MiB refusal, and artifacts
// rebuilt from real ones (regctl's artifacts in the shared fixtures) that parse to the same
// manifest: artifactType, empty config, titled layers, subject, annotations.
#include "support/fixtures.h"

#include "content/manifest.h"
#include "content/manifestbuilder.h"
#include "content/mediatype.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ocular;
using ocular::test::readFixture;

namespace {

const QString Layout = QStringLiteral("layouts/regclient-testrepo/blobs/sha256/");

std::optional<QByteArray> blobFixture(const Digest &digest)
{
    return readFixture(Layout + digest.encoded());
}

} // namespace

class TestManifestBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void imageIsDeterministicAndParses()
    {
        const ContentBlob config{QByteArrayLiteral("{\"os\":\"linux\"}"),
                                 QString(mediatype::OciConfig)};
        const ContentBlob layer{QByteArrayLiteral("layer bytes"),
                                QString(mediatype::OciLayerTarGzip)};
        const QJsonObject annotations{
            {QStringLiteral("org.opencontainers.image.version"), QStringLiteral("1.0")},
            {QStringLiteral("a.first"), QStringLiteral("sorted before o")}};
        const auto a = ManifestBuilder().image(QString(mediatype::OciManifest), config,
                                               {{layer, {}}}, annotations);
        const auto b = ManifestBuilder().image(QString(mediatype::OciManifest), config,
                                               {{layer, {}}}, annotations);
        QVERIFY2(a.ok(), qPrintable(a.error().toString()));
        QCOMPARE(a->raw, b->raw);
        QCOMPARE(a->digest, Digest::sha256(a->raw));
        QCOMPARE(a->size(), a->raw.size());
        // Members in sorted order, compact: the bytes are a function of the content alone.
        QVERIFY(a->raw.startsWith("{\"annotations\":{\"a.first\""));
        QVERIFY(!a->raw.contains('\n'));
        QCOMPARE(a->blobs.size(), 2);
        QCOMPARE(a->blobs.first().bytes, config.bytes);

        const auto parsed = Manifest::parse(a->raw, a->mediaType);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().toString()));
        QCOMPARE(parsed->digest(), a->digest);
        QCOMPARE(parsed->config()->digest, config.digest());
        QCOMPARE(parsed->layers().first().digest, layer.digest());
        QCOMPARE(parsed->annotations().value(QStringLiteral("org.opencontainers.image.version")),
                 QStringLiteral("1.0"));

        const auto indented =
            ManifestBuilder()
                .setLayout(ManifestBuilder::Layout::Indented)
                .image(QString(mediatype::DockerManifest),
                       ContentBlob{config.bytes, QString(mediatype::DockerConfig)}, {{layer, {}}});
        QVERIFY(indented.ok());
        QVERIFY(indented->raw.contains("\n    \"config\""));
        QVERIFY(Manifest::parse(indented->raw, indented->mediaType).ok());
    }

    void refusesWhatIsNotAnImageOrIndex_data()
    {
        QTest::addColumn<QString>("mediaType");
        QTest::addColumn<bool>("asImage");
        QTest::addColumn<bool>("ok");
        QTest::addRow("OCI image") << QString(mediatype::OciManifest) << true << true;
        QTest::addRow("index as image") << QString(mediatype::OciIndex) << true << false;
        QTest::addRow("withdrawn artifact type")
            << QStringLiteral("application/vnd.oci.artifact.manifest.v1+json") << true << false;
        QTest::addRow("OCI index") << QString(mediatype::OciIndex) << false << true;
        QTest::addRow("Docker list") << QString(mediatype::DockerManifestList) << false << true;
        QTest::addRow("image as index") << QString(mediatype::OciManifest) << false << false;
    }
    void refusesWhatIsNotAnImageOrIndex()
    {
        QFETCH(QString, mediaType);
        QFETCH(bool, asImage);
        QFETCH(bool, ok);
        const auto built =
            asImage ? ManifestBuilder().image(mediaType, ManifestBuilder::emptyConfig(), {})
                    : ManifestBuilder().index(mediaType, QJsonArray{});
        QCOMPARE(built.ok(), ok);
        if (!ok)
            QCOMPARE(built.error().kind, ErrorKind::InvalidInput);
    }

    void refusesManifestsAboveTheCap()
    {
        QJsonArray entries;
        const ContentBlob blob{QByteArrayLiteral("x"), QString(mediatype::OciManifest)};
        const QString filler(2000, QLatin1Char('f'));
        for (int i = 0; i < 2200; ++i)
            entries.append(blob.descriptorJson(
                {{QStringLiteral("n"), QString::number(i)}, {QStringLiteral("f"), filler}}));
        const auto tooBig = ManifestBuilder().index(QString(mediatype::OciIndex), entries);
        QVERIFY(!tooBig.ok());
        QCOMPARE(tooBig.error().kind, ErrorKind::TooLarge);
        QVERIFY2(tooBig.error().message.contains(QLatin1String("4 MiB")),
                 qPrintable(tooBig.error().message));
        // The cap is a setting: the same index passes with a larger one.
        QVERIFY(ManifestBuilder()
                    .setMaxBytes(8 * 1024 * 1024)
                    .index(QString(mediatype::OciIndex), entries)
                    .ok());
    }

    void artifactNeedsAType()
    {
        ManifestBuilder::Artifact artifact;
        artifact.files.append({QByteArrayLiteral("x"), QStringLiteral("text/plain"), {}, {}});
        QCOMPARE(ManifestBuilder().artifact(artifact).error().kind, ErrorKind::InvalidInput);
        artifact.artifactType = QStringLiteral("application/example");
        artifact.files.first().mediaType.clear();
        QCOMPARE(ManifestBuilder().artifact(artifact).error().kind, ErrorKind::InvalidInput);
    }

    void artifactRebuiltFromARealOne_data()
    {
        QTest::addColumn<QString>("manifestDigest");
        QTest::addRow("titled layers")
            << QStringLiteral("2a25aa502b5155860847e5b3528b8839fee45514b3ed1dd67ed8c3d42efefd53");
        QTest::addRow("subject and annotations")
            << QStringLiteral("819ff4564a5d4a1c07b4e25bbba420cace378d4ed32671e6ee4eea95df1b8c4c");
        QTest::addRow("inline empty config")
            << QStringLiteral("905693978d033f94767ce99edd9a3b285853343c148a4057cf00d47c67f9fb83");
    }
    void artifactRebuiltFromARealOne()
    {
        QFETCH(QString, manifestDigest);
        OCULAR_REQUIRE_FIXTURE(Layout + manifestDigest);
        const QByteArray raw = *readFixture(Layout + manifestDigest);
        const auto original = Manifest::parse(raw);
        QVERIFY2(original.ok(), qPrintable(original.error().toString()));

        // Rebuild it from its parts: the files are the layout's blobs.
        ManifestBuilder::Artifact artifact;
        artifact.artifactType = original->artifactType();
        for (const Descriptor &layer : original->layers()) {
            const auto bytes = blobFixture(layer.digest);
            QVERIFY2(bytes, qPrintable(layer.digest.toString()));
            QJsonObject others;
            for (auto it = layer.annotations.begin(); it != layer.annotations.end(); ++it) {
                if (it.key() != QLatin1String("org.opencontainers.image.title"))
                    others.insert(it.key(), it.value());
            }
            artifact.files.append({*bytes, layer.mediaType, layer.title(), others});
        }
        for (auto it = original->annotations().begin(); it != original->annotations().end(); ++it)
            artifact.annotations.insert(it.key(), it.value());
        artifact.subject = original->subject();
        const auto built = ManifestBuilder().artifact(artifact);
        QVERIFY2(built.ok(), qPrintable(built.error().toString()));
        const auto rebuilt = Manifest::parse(built->raw, built->mediaType);
        QVERIFY2(rebuilt.ok(), qPrintable(rebuilt.error().toString()));

        QCOMPARE(rebuilt->mediaType(), QString(mediatype::OciManifest));
        QCOMPARE(rebuilt->artifactType(), original->artifactType());
        QCOMPARE(rebuilt->config()->mediaType, QString(mediatype::OciEmpty));
        QCOMPARE(rebuilt->config()->digest, original->config()->digest);
        QCOMPARE(rebuilt->config()->size, 2);
        QCOMPARE(rebuilt->config()->data, QByteArrayLiteral("{}"));
        QCOMPARE(rebuilt->layers().size(), original->layers().size());
        for (qsizetype i = 0; i < original->layers().size(); ++i) {
            const Descriptor &a = original->layers()[i];
            const Descriptor &b = rebuilt->layers()[i];
            QCOMPARE(b.mediaType, a.mediaType);
            QCOMPARE(b.digest, a.digest);
            QCOMPARE(b.size, a.size);
            QCOMPARE(b.annotations, a.annotations);
        }
        QCOMPARE(rebuilt->subject().has_value(), original->subject().has_value());
        if (original->subject()) {
            QCOMPARE(rebuilt->subject()->digest, original->subject()->digest);
            QCOMPARE(rebuilt->subject()->mediaType, original->subject()->mediaType);
            QCOMPARE(rebuilt->subject()->size, original->subject()->size);
        }
        QCOMPARE(rebuilt->annotations(), original->annotations());
        // Blobs to push: the empty config, then the files in order.
        QCOMPARE(built->blobs.size(), original->layers().size() + 1);
        QCOMPARE(built->blobs.first().bytes, QByteArrayLiteral("{}"));
        // Go writes members in struct order, Qt in sorted order: same content, other bytes,
        // which is why Ocular never re-serialises a manifest it did not build.
        QVERIFY(built->raw != raw);
    }
};

QTEST_GUILESS_MAIN(TestManifestBuilder)
#include "tst_manifestbuilder.moc"
