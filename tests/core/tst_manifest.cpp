// Manifest, index, descriptor, platform and media type parsing (PROTOCOL §2), against real
// fixtures and a table of hostile documents.

// Table rows concatenate strings; plain QString operator+ keeps QTest's column types exact.
#undef QT_USE_QSTRINGBUILDER

#include "content/descriptor.h"
#include "content/manifest.h"
#include "content/mediatype.h"
#include "content/platform.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include "support/fixtures.h"

using namespace ocular;

namespace {

const QString kEmptyJsonDigest =
    QStringLiteral("sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
const QByteArray kHexA = QByteArray(64, 'a');

using ocular::test::fixturesDir;
using ocular::test::readFile;

// Reads a fixture or skips the current test with the path it looked at.
#define READ_FIXTURE(var, relative)                                                                \
    const QString var##Path = fixturesDir() + QLatin1Char('/') + QStringLiteral(relative);         \
    if (!QFile::exists(var##Path))                                                                 \
        QSKIP(qPrintable(QStringLiteral("fixture missing: ") + var##Path));                        \
    const QByteArray var = readFile(var##Path)

QByteArray descriptorJson(const char *mediaType, const QByteArray &digest, qint64 size)
{
    return QByteArrayLiteral("{\"mediaType\":\"") + mediaType +
           QByteArrayLiteral("\",\"digest\":\"") + digest + QByteArrayLiteral("\",\"size\":") +
           QByteArray::number(size) + '}';
}

QByteArray imageJson()
{
    return QByteArrayLiteral("{\"schemaVersion\":2,\"mediaType\":\"") +
           mediatype::OciManifest.data() + QByteArrayLiteral("\",\"config\":") +
           descriptorJson(mediatype::OciConfig.data(), "sha256:" + kHexA, 10) +
           QByteArrayLiteral(",\"layers\":[") +
           descriptorJson(mediatype::OciLayerTarGzip.data(), "sha256:" + kHexA, 20) +
           QByteArrayLiteral("]}");
}

QByteArray nested(int depth)
{
    return QByteArray(depth, '[') + QByteArray(depth, ']');
}

QByteArray hugeIndex(qsizetype minBytes)
{
    QByteArray entry = descriptorJson(mediatype::OciManifest.data(), "sha256:" + kHexA, 1234);
    QByteArray out = QByteArrayLiteral("{\"schemaVersion\":2,\"mediaType\":\"") +
                     mediatype::OciIndex.data() + QByteArrayLiteral("\",\"manifests\":[");
    bool first = true;
    while (out.size() < minBytes) {
        if (!first)
            out += ',';
        out += entry;
        first = false;
    }
    out += "]}";
    return out;
}

} // namespace

class TestManifest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // media types
    void acceptHeaderListsEveryManifestType();
    void mediaTypeHelpers_data();
    void mediaTypeHelpers();

    // platform and descriptor
    void platformFromJson_data();
    void platformFromJson();
    void descriptorFromJson_data();
    void descriptorFromJson();
    void descriptorRoundTrip_data();
    void descriptorRoundTrip();

    // manifests, synthetic
    void hostile_data();
    void hostile();
    void deepNestingIsAnErrorNotACrash_data();
    void deepNestingIsAnErrorNotACrash();
    void parseErrorCarriesQtMessage();
    void fiveMebibyteIndex();
    void duplicateKeysAreDeterministic();
    void kindInference_data();
    void kindInference();
    void artifactDetection_data();
    void artifactDetection();
    void dockerSchema1IsLenient();
    void legacyArtifactManifest();
    void keepsRawBytesAndHashesThem();
    void totalSizeAndChildren();
    void buildKitAttestationEntries();

    // real fixtures
    void dockerHubHelloWorldList();
    void dockerHubHelloWorldManifest();
    void alpineIndexWithAttestations();
    void notationSignatureManifest();
    void layoutBlobs_data();
    void layoutBlobs();
    void seedDocuments_data();
    void seedDocuments();
    void mutatedFixturesNeverCrash_data();
    void mutatedFixturesNeverCrash();
};

void TestManifest::acceptHeaderListsEveryManifestType()
{
    const QByteArray accept = mediatype::manifestAcceptHeader();
    const QList<QByteArray> parts = accept.split(',');
    QList<QByteArray> trimmed;
    for (const QByteArray &p : parts)
        trimmed << p.trimmed();
    const char *required[] = {
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.docker.distribution.manifest.v2+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.oci.artifact.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.v1+prettyjws",
        "application/vnd.docker.distribution.manifest.v1+json",
    };
    for (const char *type : required)
        QVERIFY2(trimmed.contains(QByteArray(type)), type);
    QCOMPARE(trimmed.size(), qsizetype(std::size(required)));
    // Configs and layers are blobs, never manifests.
    QVERIFY(!accept.contains("config"));
    QVERIFY(!accept.contains("layer"));
}

void TestManifest::mediaTypeHelpers_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("manifest");
    QTest::addColumn<bool>("index");
    QTest::addColumn<QString>("description");

    QTest::addRow("oci manifest") << QString(mediatype::OciManifest) << true << false
                                  << QStringLiteral("OCI image manifest");
    QTest::addRow("oci index") << QString(mediatype::OciIndex) << true << true
                               << QStringLiteral("OCI index");
    QTest::addRow("docker list") << QString(mediatype::DockerManifestList) << true << true
                                 << QStringLiteral("Docker manifest list");
    QTest::addRow("docker manifest")
        << QString(mediatype::DockerManifest) << true << false << QStringLiteral("Docker manifest");
    QTest::addRow("schema1 signed") << QString(mediatype::DockerSchema1Signed) << true << false
                                    << QStringLiteral("Docker schema 1 manifest (signed)");
    QTest::addRow("legacy artifact") << QString(mediatype::OciArtifactManifest) << true << false
                                     << QStringLiteral("OCI artifact manifest (legacy)");
    QTest::addRow("index with params")
        << QStringLiteral("Application/VND.OCI.image.index.v1+json; charset=utf-8") << true << true
        << QStringLiteral("OCI index");
    QTest::addRow("gzip layer") << QString(mediatype::OciLayerTarGzip) << false << false
                                << QStringLiteral("gzip layer");
    QTest::addRow("config") << QString(mediatype::OciConfig) << false << false
                            << QStringLiteral("OCI image config");
    QTest::addRow("unknown kept verbatim") << QStringLiteral("application/x-foo") << false << false
                                           << QStringLiteral("application/x-foo");
    QTest::addRow("empty") << QString() << false << false << QStringLiteral("unknown type");
}

void TestManifest::mediaTypeHelpers()
{
    QFETCH(QString, type);
    QFETCH(bool, manifest);
    QFETCH(bool, index);
    QFETCH(QString, description);
    QCOMPARE(mediatype::isManifestType(type), manifest);
    QCOMPARE(mediatype::isIndexType(type), index);
    QCOMPARE(mediatype::describe(type), description);
}

void TestManifest::platformFromJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("text");

    QTest::addRow("linux amd64") << QByteArray(R"({"os":"linux","architecture":"amd64"})") << true
                                 << QStringLiteral("linux/amd64");
    QTest::addRow("variant") << QByteArray(
                                    R"({"os":"linux","architecture":"arm64","variant":"v8"})")
                             << true << QStringLiteral("linux/arm64/v8");
    QTest::addRow("windows")
        << QByteArray(R"({"os":"windows","architecture":"amd64","os.version":"10.0.20348.1249",)"
                      R"("os.features":["win32k"]})")
        << true << QStringLiteral("windows/amd64 10.0.20348.1249");
    QTest::addRow("unknown") << QByteArray(R"({"os":"unknown","architecture":"unknown"})") << true
                             << QStringLiteral("unknown/unknown");
    QTest::addRow("os number") << QByteArray(R"({"os":1,"architecture":"amd64"})") << false
                               << QString();
    QTest::addRow("variant array")
        << QByteArray(R"({"os":"l","architecture":"a","variant":[]})") << false << QString();
    QTest::addRow("features not array")
        << QByteArray(R"({"os":"l","architecture":"a","os.features":"x"})") << false << QString();
    QTest::addRow("features not strings")
        << QByteArray(R"({"os":"l","architecture":"a","os.features":[1]})") << false << QString();
}

void TestManifest::platformFromJson()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, valid);
    QFETCH(QString, text);
    const auto p = Platform::fromJson(QJsonDocument::fromJson(json).object());
    QCOMPARE(p.ok(), valid);
    if (!valid) {
        QCOMPARE(p.error().kind, ErrorKind::InvalidContent);
        return;
    }
    QCOMPARE(p->toString(), text);
    QCOMPARE(Platform::fromJson(p->toJson()).value(), p.value());
    QCOMPARE(p->isUnknown(), text == QLatin1String("unknown/unknown"));
}

void TestManifest::descriptorFromJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("mentions");

    const QByteArray d = "\"digest\":\"sha256:" + kHexA + "\"";
    const QByteArray m = "\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\"";
    auto row = [&](const char *name, const QByteArray &members, bool valid, const char *mentions) {
        QTest::addRow("%s", name) << QByteArray('{' + members + '}') << valid
                                  << QString::fromLatin1(mentions);
    };

    row("minimal", m + ',' + d + ",\"size\":10", true, "");
    row("size zero", m + ',' + d + ",\"size\":0", true, "");
    row("size 2^53", m + ',' + d + ",\"size\":9007199254740992", true, "");
    row("size 2^53+2", m + ',' + d + ",\"size\":9007199254740994", false, "2^53");
    row("size 2^62", m + ',' + d + ",\"size\":4611686018427387904", false, "2^53");
    row("size 1e300", m + ',' + d + ",\"size\":1e300", false, "2^53");
    row("size negative", m + ',' + d + ",\"size\":-1", false, "negative");
    row("size fraction", m + ',' + d + ",\"size\":1.5", false, "whole number");
    row("size string", m + ',' + d + ",\"size\":\"10\"", false, "size");
    row("size null", m + ',' + d + ",\"size\":null", false, "size");
    row("size missing", m + ',' + d, false, "size");
    row("mediaType missing", d + ",\"size\":1", false, "mediaType");
    row("mediaType number", "\"mediaType\":7," + d + ",\"size\":1", false, "mediaType");
    row("mediaType object", "\"mediaType\":{}," + d + ",\"size\":1", false, "mediaType");
    row("digest missing", m + ",\"size\":1", false, "digest");
    row("digest number", m + ",\"digest\":5,\"size\":1", false, "digest");
    row("digest upper hex", m + ",\"digest\":\"sha256:" + QByteArray(64, 'A') + "\",\"size\":1",
        false, "digest");
    row("digest short", m + ",\"digest\":\"sha256:abc\",\"size\":1", false, "digest");
    row("unknown algorithm", m + ",\"digest\":\"blake3:abc\",\"size\":1", true, "");
    row("urls", m + ',' + d + ",\"size\":1,\"urls\":[\"https://a.example/b\"]", true, "");
    row("urls not array", m + ',' + d + ",\"size\":1,\"urls\":\"https://a\"", false, "urls");
    row("urls not strings", m + ',' + d + ",\"size\":1,\"urls\":[1]", false, "urls");
    row("annotations", m + ',' + d + ",\"size\":1,\"annotations\":{\"a\":\"b\"}", true, "");
    row("annotation number", m + ',' + d + ",\"size\":1,\"annotations\":{\"a\":1}", false,
        "annotation");
    row("annotations array", m + ',' + d + ",\"size\":1,\"annotations\":[]", false, "annotations");
    row("platform",
        m + ',' + d + ",\"size\":1,\"platform\":{\"os\":\"linux\",\"architecture\":\"amd64\"}",
        true, "");
    row("platform string", m + ',' + d + ",\"size\":1,\"platform\":\"linux/amd64\"", false,
        "platform");
    row("platform bad member", m + ',' + d + ",\"size\":1,\"platform\":{\"os\":[]}", false,
        "platform");
    row("artifactType", m + ',' + d + ",\"size\":1,\"artifactType\":\"application/x\"", true, "");
    row("artifactType number", m + ',' + d + ",\"size\":1,\"artifactType\":1", false,
        "artifactType");
    row("data matches",
        "\"mediaType\":\"application/vnd.oci.empty.v1+json\",\"digest\":\"" +
            kEmptyJsonDigest.toLatin1() + "\",\"size\":2,\"data\":\"e30=\"",
        true, "");
    row("data wrong size",
        "\"mediaType\":\"application/vnd.oci.empty.v1+json\",\"digest\":\"" +
            kEmptyJsonDigest.toLatin1() + "\",\"size\":3,\"data\":\"e30=\"",
        false, "size");
    row("data wrong digest", m + ',' + d + ",\"size\":2,\"data\":\"e30=\"", false, "digest");
    row("data not base64", m + ',' + d + ",\"size\":2,\"data\":\"!!!!\"", false, "base64");
    row("data number", m + ',' + d + ",\"size\":2,\"data\":12", false, "base64");
    row("data unverifiable digest", m + ",\"digest\":\"blake3:abc\",\"size\":2,\"data\":\"e30=\"",
        true, "");
}

void TestManifest::descriptorFromJson()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, valid);
    QFETCH(QString, mentions);
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    QVERIFY2(doc.isObject(), json.constData());
    const auto d = Descriptor::fromJson(doc.object());
    QVERIFY2(d.ok() == valid, qPrintable(d.ok() ? QStringLiteral("accepted") : d.error().message));
    if (!valid) {
        QCOMPARE(d.error().kind, ErrorKind::InvalidContent);
        QVERIFY2(d.error().message.contains(mentions, Qt::CaseInsensitive),
                 qPrintable(d.error().message));
        return;
    }
    QVERIFY(d->digest.isValid());
    QVERIFY(d->size >= 0);
}

void TestManifest::descriptorRoundTrip_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addRow("everything") << QByteArray(
        R"({"mediaType":"application/vnd.oci.empty.v1+json","artifactType":"a/b",)"
        R"("digest":"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",)"
        R"("size":2,"data":"e30=","urls":["https://x.example/1","https://y.example/2"],)"
        R"("annotations":{"org.opencontainers.image.title":"t","k":"v"},)"
        R"("platform":{"os":"windows","architecture":"amd64","os.version":"10.0.1",)"
        R"("os.features":["win32k"],"variant":"v1"}})");
    QTest::addRow("minimal") << QByteArray(R"({"mediaType":"x/y","digest":"sha512:)" +
                                           QByteArray(128, 'b') + R"(","size":9007199254740992})");
}

void TestManifest::descriptorRoundTrip()
{
    QFETCH(QByteArray, json);
    const QJsonObject original = QJsonDocument::fromJson(json).object();
    const auto d = Descriptor::fromJson(original);
    QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().message));
    QCOMPARE(d->toJson(), original);
    const auto again = Descriptor::fromJson(d->toJson());
    QVERIFY(again.ok());
    QCOMPARE(again->toJson(), original);
    QCOMPARE(again->size, d->size);
    QCOMPARE(again->data, d->data);
}

void TestManifest::hostile_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("mentions");

    const QByteArray cfg = descriptorJson(mediatype::OciConfig.data(), "sha256:" + kHexA, 10);
    const QByteArray layer =
        descriptorJson(mediatype::OciLayerTarGzip.data(), "sha256:" + kHexA, 1);
    const QString none;
    auto row = [](const char *name, const QByteArray &raw, const QString &contentType, bool valid,
                  const char *mentions) {
        QTest::addRow("%s", name) << raw << contentType << valid << QString::fromLatin1(mentions);
    };
    const QString oci = QString(mediatype::OciManifest);
    const QString idx = QString(mediatype::OciIndex);

    row("valid image", imageJson(), oci, true, "");
    row("valid image, generic content type", imageJson(), QStringLiteral("application/json"), true,
        "");
    row("valid image, content type with params", imageJson(),
        oci + QStringLiteral("; charset=utf-8"), true, "");
    row("empty", QByteArray(), none, false, "empty");
    row("whitespace", QByteArray("  \n\t "), none, false, "JSON");
    row("truncated", imageJson().left(40), none, false, "JSON");
    row("malformed", QByteArray("{\"schemaVersion\":2,,}"), none, false, "JSON");
    row("trailing garbage", imageJson() + "x", none, false, "JSON");
    row("single quotes", QByteArray("{'schemaVersion':2}"), none, false, "JSON");
    row("invalid utf-8 in string",
        QByteArray("{\"schemaVersion\":2,\"mediaType\":\"") + mediatype::OciIndex.data() +
            "\",\"manifests\":[],\"annotations\":{\"a\":\"\xff\xfe\xc0\xaf\"}}",
        none, false, "JSON");
    row("nul byte", QByteArray("{\"schemaVersion\":2,\0\"x\":1}", 25), none, false, "JSON");
    row("array instead of object", QByteArray("[]"), none, false, "not a JSON object");
    row("array of manifest", '[' + imageJson() + ']', none, false, "not a JSON object");
    row("number", QByteArray("42"), none, false, "");
    row("string", QByteArray("\"manifest\""), none, false, "");
    row("null", QByteArray("null"), none, false, "");
    row("empty object", QByteArray("{}"), none, false, "no media type");
    row("manifests and layers (CVE-2021-41190)",
        "{\"schemaVersion\":2,\"manifests\":[],\"config\":" + cfg + ",\"layers\":[" + layer + "]}",
        none, false, "both");
    row("index type with layers",
        "{\"schemaVersion\":2,\"mediaType\":\"" + QByteArray(mediatype::OciIndex.data()) +
            "\",\"manifests\":[],\"layers\":[" + layer + "]}",
        idx, false, "both");
    row("image type with manifests",
        "{\"schemaVersion\":2,\"mediaType\":\"" + QByteArray(mediatype::OciManifest.data()) +
            "\",\"manifests\":[]}",
        none, false, "manifests");
    row("index type with config only",
        "{\"schemaVersion\":2,\"mediaType\":\"" + QByteArray(mediatype::OciIndex.data()) +
            "\",\"config\":" + cfg + "}",
        none, false, "config");
    row("mediaType differs from Content-Type", imageJson(), idx, false, "registry sent");
    row("docker vs oci Content-Type", imageJson(), QString(mediatype::DockerManifest), false,
        "registry sent");
    row("unknown mediaType",
        QByteArray("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.example.thing+json\"}"),
        none, false, "not a manifest media type");
    row("config type as mediaType",
        "{\"schemaVersion\":2,\"mediaType\":\"" + QByteArray(mediatype::OciConfig.data()) + "\"}",
        none, false, "not a manifest media type");
    row("unknown Content-Type, no mediaType", "{\"schemaVersion\":2,\"manifests\":[]}",
        QStringLiteral("application/vnd.example+json"), false, "not a manifest media type");
    row("mediaType number", QByteArray("{\"schemaVersion\":2,\"mediaType\":3,\"manifests\":[]}"),
        none, false, "mediaType");
    row("schemaVersion 3", QByteArray("{\"schemaVersion\":3,\"manifests\":[]}"), none, false,
        "schemaVersion");
    row("schemaVersion string", QByteArray("{\"schemaVersion\":\"2\",\"manifests\":[]}"), none,
        false, "schemaVersion");
    row("schemaVersion 1 with oci type",
        "{\"schemaVersion\":1,\"mediaType\":\"" + QByteArray(mediatype::OciIndex.data()) +
            "\",\"manifests\":[]}",
        none, false, "schemaVersion");
    row("image without config",
        "{\"schemaVersion\":2,\"mediaType\":\"" + QByteArray(mediatype::OciManifest.data()) +
            "\",\"layers\":[]}",
        none, false, "config");
    row("config is array", "{\"schemaVersion\":2,\"config\":[],\"layers\":[]}", none, false,
        "config");
    row("layers is object", "{\"schemaVersion\":2,\"config\":" + cfg + ",\"layers\":{}}", none,
        false, "layers");
    row("layer is string", "{\"schemaVersion\":2,\"config\":" + cfg + ",\"layers\":[\"x\"]}", none,
        false, "layers[0]");
    row("layer size 2^62",
        "{\"schemaVersion\":2,\"config\":" + cfg + ",\"layers\":[" +
            descriptorJson("a/b", "sha256:" + kHexA, qint64(1) << 62) + "]}",
        none, false, "2^53");
    row("layer size negative",
        "{\"schemaVersion\":2,\"config\":" + cfg + ",\"layers\":[" +
            descriptorJson("a/b", "sha256:" + kHexA, -5) + "]}",
        none, false, "negative");
    row("huge number literal",
        "{\"schemaVersion\":2,\"config\":" + cfg +
            ",\"layers\":[{\"mediaType\":\"a/b\",\"digest\":\"sha256:" + kHexA + "\",\"size\":1" +
            QByteArray(400, '0') + "}]}",
        none, false, "");
    row("huge schemaVersion", QByteArray("{\"schemaVersion\":1e999,\"manifests\":[]}"), none, false,
        "");
    row("manifest entry bad digest",
        "{\"schemaVersion\":2,\"manifests\":[" + descriptorJson("a/b", "md5:", 1) + "]}", none,
        false, "manifests[0]");
    row("annotations not strings",
        "{\"schemaVersion\":2,\"manifests\":[],\"annotations\":{\"a\":{\"b\":1}}}", none, false,
        "annotation");
    row("subject not object", "{\"schemaVersion\":2,\"manifests\":[],\"subject\":\"sha256:x\"}",
        none, false, "subject");
    row("artifactType array", "{\"schemaVersion\":2,\"manifests\":[],\"artifactType\":[]}", none,
        false, "artifactType");
    row("empty index", QByteArray("{\"schemaVersion\":2,\"manifests\":[]}"), none, true, "");
    row("unknown members ignored",
        QByteArray("{\"schemaVersion\":2,\"manifests\":[],\"x-vendor\":{\"deep\":[1,2,3]}}"), none,
        true, "");
    row("utf-8 annotation",
        QByteArray(
            "{\"schemaVersion\":2,\"manifests\":[],\"annotations\":{\"t\":\"caf\xc3\xa9\"}}"),
        none, true, "");
}

void TestManifest::hostile()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, contentType);
    QFETCH(bool, valid);
    QFETCH(QString, mentions);

    const auto m = Manifest::parse(raw, contentType);
    QVERIFY2(m.ok() == valid, qPrintable(m.ok() ? QStringLiteral("accepted") : m.error().message));
    if (!valid) {
        QCOMPARE(m.error().kind, ErrorKind::InvalidContent);
        QVERIFY2(m.error().message.contains(mentions, Qt::CaseInsensitive),
                 qPrintable(m.error().message));
        QVERIFY(m.error().message.size() < 1000);
        return;
    }
    QCOMPARE(m->raw(), raw);
    QCOMPARE(m->digest(), Digest::sha256(raw));
}

void TestManifest::deepNestingIsAnErrorNotACrash_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addRow("10000 arrays") << nested(10000);
    QTest::addRow("10000 objects")
        << QByteArray(QByteArray("{\"a\":").repeated(10000) + "1" + QByteArray(10000, '}'));
    QTest::addRow("10000 inside an annotation")
        << QByteArray("{\"schemaVersion\":2,\"manifests\":[],\"x\":" + nested(10000) + "}");
    QTest::addRow("100000 arrays unbalanced") << QByteArray(100000, '[');
}

void TestManifest::deepNestingIsAnErrorNotACrash()
{
    QFETCH(QByteArray, raw);
    const auto m = Manifest::parse(raw);
    QVERIFY(!m.ok());
    QCOMPARE(m.error().kind, ErrorKind::InvalidContent);
    QVERIFY(m.error().message.contains(QLatin1String("JSON")));
}

void TestManifest::parseErrorCarriesQtMessage()
{
    const QByteArray raw("{\"schemaVersion\":2,\"manifests\":[}");
    QJsonParseError qtError;
    QJsonDocument::fromJson(raw, &qtError);
    QVERIFY(qtError.error != QJsonParseError::NoError);
    const auto m = Manifest::parse(raw);
    QVERIFY(!m.ok());
    QVERIFY2(m.error().message.contains(qtError.errorString()), qPrintable(m.error().message));
    QVERIFY(m.error().message.contains(QString::number(qtError.offset)));
}

void TestManifest::fiveMebibyteIndex()
{
    const QByteArray raw = hugeIndex(5 * 1024 * 1024);
    QVERIFY(raw.size() >= 5 * 1024 * 1024);
    QElapsedTimer timer;
    timer.start();
    const auto m = Manifest::parse(raw, QString(mediatype::OciIndex));
    const qint64 ms = timer.elapsed();
    QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().message));
    QVERIFY(m->isIndex());
    const qsizetype expected =
        QJsonDocument::fromJson(raw).object().value(QLatin1String("manifests")).toArray().size();
    QCOMPARE(m->manifests().size(), expected);
    QVERIFY(expected > 20000);
    qInfo("parsed %lld bytes, %lld entries in %lld ms", qint64(raw.size()), qint64(expected), ms);

    // A single 5 MiB annotation value is fine as well.
    const QByteArray bigValue = "{\"schemaVersion\":2,\"manifests\":[],\"annotations\":{\"a\":\"" +
                                QByteArray(5 * 1024 * 1024, 'x') + "\"}}";
    const auto big = Manifest::parse(bigValue);
    QVERIFY(big.ok());
    QCOMPARE(big->annotations().value(QStringLiteral("a")).size(), 5 * 1024 * 1024);
}

void TestManifest::duplicateKeysAreDeterministic()
{
    // Go's encoding/json (the registry side) keeps the last duplicate; so must we, or a document
    // could be read as an index here and as an image there.
    const QByteArray raw = "{\"schemaVersion\":2,\"mediaType\":\"" +
                           QByteArray(mediatype::OciManifest.data()) + "\",\"mediaType\":\"" +
                           QByteArray(mediatype::OciIndex.data()) + "\",\"manifests\":[]}";
    const auto m = Manifest::parse(raw);
    QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().message));
    QCOMPARE(m->mediaType(), QString(mediatype::OciIndex));
    QVERIFY(m->isIndex());
    // And the same bytes always give the same answer.
    QCOMPARE(Manifest::parse(raw)->mediaType(), m->mediaType());
}

void TestManifest::kindInference_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("mediaType");

    const QByteArray cfg = descriptorJson(mediatype::DockerConfig.data(), "sha256:" + kHexA, 10);
    QTest::addRow("manifests without type")
        << QByteArray("{\"schemaVersion\":2,\"manifests\":[]}") << QString()
        << int(ManifestKind::Index) << QString(mediatype::OciIndex);
    QTest::addRow("config+layers without type")
        << QByteArray("{\"schemaVersion\":2,\"config\":" + cfg + ",\"layers\":[]}") << QString()
        << int(ManifestKind::Image) << QString(mediatype::OciManifest);
    QTest::addRow("docker list from Content-Type")
        << QByteArray("{\"schemaVersion\":2,\"manifests\":[]}")
        << QString(mediatype::DockerManifestList) << int(ManifestKind::Index)
        << QString(mediatype::DockerManifestList);
    QTest::addRow("docker manifest from Content-Type")
        << QByteArray("{\"schemaVersion\":2,\"config\":" + cfg + ",\"layers\":[]}")
        << QString(mediatype::DockerManifest) << int(ManifestKind::Image)
        << QString(mediatype::DockerManifest);
    QTest::addRow("blobs without type")
        << QByteArray("{\"artifactType\":\"a/b\",\"blobs\":[]}") << QString()
        << int(ManifestKind::LegacyArtifact) << QString(mediatype::OciArtifactManifest);
    QTest::addRow("schema1 unsigned")
        << QByteArray("{\"schemaVersion\":1,\"name\":\"a\",\"tag\":\"b\",\"fsLayers\":[]}")
        << QString() << int(ManifestKind::DockerSchema1) << QString(mediatype::DockerSchema1);
    QTest::addRow("schema1 signed")
        << QByteArray("{\"schemaVersion\":1,\"fsLayers\":[],\"signatures\":[{}]}") << QString()
        << int(ManifestKind::DockerSchema1) << QString(mediatype::DockerSchema1Signed);
    QTest::addRow("schema1 from Content-Type")
        << QByteArray("{\"schemaVersion\":1,\"fsLayers\":[]}")
        << QString(mediatype::DockerSchema1Signed) << int(ManifestKind::DockerSchema1)
        << QString(mediatype::DockerSchema1Signed);
}

void TestManifest::kindInference()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, contentType);
    QFETCH(int, kind);
    QFETCH(QString, mediaType);
    const auto m = Manifest::parse(raw, contentType);
    QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().message));
    QCOMPARE(int(m->kind()), kind);
    QCOMPARE(m->mediaType(), mediaType);
    QCOMPARE(m->isIndex(), kind == int(ManifestKind::Index));
}

void TestManifest::artifactDetection_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<bool>("artifact");
    QTest::addColumn<QString>("effectiveType");

    auto image = [](const char *configType, const QByteArray &extra) {
        return QByteArray("{\"schemaVersion\":2,\"mediaType\":\"") + mediatype::OciManifest.data() +
               "\",\"config\":" + descriptorJson(configType, "sha256:" + kHexA, 2) +
               ",\"layers\":[]" + extra + '}';
    };
    QTest::addRow("oci image") << image(mediatype::OciConfig.data(), "") << false << QString();
    QTest::addRow("docker config")
        << image(mediatype::DockerConfig.data(), "") << false << QString();
    QTest::addRow("artifactType wins")
        << image(mediatype::OciEmpty.data(), ",\"artifactType\":\"application/spdx+json\"") << true
        << QStringLiteral("application/spdx+json");
    QTest::addRow("artifactType on image config")
        << image(mediatype::OciConfig.data(), ",\"artifactType\":\"application/x\"") << true
        << QStringLiteral("application/x");
    QTest::addRow("helm chart config")
        << image("application/vnd.cncf.helm.config.v1+json", "") << true
        << QStringLiteral("application/vnd.cncf.helm.config.v1+json");
    QTest::addRow("notation config") << image(mediatype::NotationSignature.data(), "") << true
                                     << QString(mediatype::NotationSignature);
    QTest::addRow("index is not artifact")
        << QByteArray("{\"schemaVersion\":2,\"manifests\":[]}") << false << QString();
    QTest::addRow("index with artifactType")
        << QByteArray("{\"schemaVersion\":2,\"manifests\":[],\"artifactType\":\"a/b\"}") << false
        << QStringLiteral("a/b");
}

void TestManifest::artifactDetection()
{
    QFETCH(QByteArray, raw);
    QFETCH(bool, artifact);
    QFETCH(QString, effectiveType);
    const auto m = Manifest::parse(raw);
    QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().message));
    QCOMPARE(m->isArtifact(), artifact);
    QCOMPARE(m->effectiveArtifactType(), effectiveType);
}

void TestManifest::dockerSchema1IsLenient()
{
    const QByteArray raw = R"({
   "schemaVersion": 1,
   "name": "library/hello",
   "tag": "latest",
   "architecture": "amd64",
   "fsLayers": [
      {"blobSum": "sha256:a3ed95caeb02ffe68cdd9fd84406680ae93d633cb16422d00e8a7c22955b46d4"},
      {"blobSum": "not-a-digest"},
      {"blobSum": "sha256:b4ca2a1b1e3e7f6bd1f5ec9ba4e13e9bc1f2c37d0a1f8c12e9b4f9e0bb4d8e3a"}
   ],
   "history": [{"v1Compatibility": "{\"id\":\"x\"}"}],
   "signatures": [{"header": {"alg": "ES256"}, "signature": "abc", "protected": "def"}]
})";
    const auto m = Manifest::parse(raw, QString(mediatype::DockerSchema1Signed));
    QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().message));
    QCOMPARE(m->kind(), ManifestKind::DockerSchema1);
    QCOMPARE(m->schemaVersion(), 1);
    QCOMPARE(m->layers().size(), 2); // the malformed blobSum is skipped, not fatal
    QVERIFY(!m->isArtifact());
    QVERIFY(!m->config().has_value());
    QCOMPARE(m->digest(), Digest::sha256(raw));
}

void TestManifest::legacyArtifactManifest()
{
    const QByteArray raw = "{\"mediaType\":\"" + QByteArray(mediatype::OciArtifactManifest.data()) +
                           "\",\"artifactType\":\"application/vnd.example.sbom\",\"blobs\":[" +
                           descriptorJson("application/spdx+json", "sha256:" + kHexA, 100) + ',' +
                           descriptorJson("text/plain", "sha256:" + kHexA, 5) + "],\"subject\":" +
                           descriptorJson(mediatype::OciManifest.data(), "sha256:" + kHexA, 500) +
                           ",\"annotations\":{\"org.opencontainers.image.created\":\"now\"}}";
    const auto m = Manifest::parse(raw, QString(mediatype::OciArtifactManifest));
    QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().message));
    QCOMPARE(m->kind(), ManifestKind::LegacyArtifact);
    QCOMPARE(m->layers().size(), 2);
    QCOMPARE(m->layers().at(0).mediaType, QStringLiteral("application/spdx+json"));
    QVERIFY(m->isArtifact());
    QCOMPARE(m->effectiveArtifactType(), QStringLiteral("application/vnd.example.sbom"));
    QVERIFY(m->subject().has_value());
    QCOMPARE(m->subject()->size, 500);
    QCOMPARE(m->totalSize(), 105);
    QCOMPARE(m->children().size(), 3);
}

void TestManifest::keepsRawBytesAndHashesThem()
{
    // Same JSON, different whitespace: different bytes, different digests, same meaning.
    const QByteArray compact = imageJson();
    const QByteArray pretty = QJsonDocument::fromJson(compact).toJson(QJsonDocument::Indented);
    const auto a = Manifest::parse(compact);
    const auto b = Manifest::parse(pretty);
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(a->raw(), compact);
    QCOMPARE(b->raw(), pretty);
    QVERIFY(a->digest() != b->digest());
    QVERIFY(a->digest().matches(compact));
    QVERIFY(b->digest().matches(pretty));
    QCOMPARE(a->totalSize(), b->totalSize());
}

void TestManifest::totalSizeAndChildren()
{
    const auto m = Manifest::parse(imageJson());
    QVERIFY(m.ok());
    QCOMPARE(m->totalSize(), 30);
    const QList<Descriptor> children = m->children();
    QCOMPARE(children.size(), 2);
    QCOMPARE(children.at(0).mediaType, QString(mediatype::OciConfig));
    QCOMPARE(children.at(1).mediaType, QString(mediatype::OciLayerTarGzip));

    // Many maximal layers saturate instead of overflowing.
    QByteArray raw =
        "{\"schemaVersion\":2,\"config\":" + descriptorJson("a/b", "sha256:" + kHexA, 1) +
        ",\"layers\":[";
    for (int i = 0; i < 2000; ++i) {
        if (i)
            raw += ',';
        raw += descriptorJson("a/b", "sha256:" + kHexA, qint64(1) << 53);
    }
    raw += "]}";
    const auto big = Manifest::parse(raw);
    QVERIFY(big.ok());
    QCOMPARE(big->totalSize(), std::numeric_limits<qint64>::max());

    const auto index = Manifest::parse(hugeIndex(1000));
    QVERIFY(index.ok());
    QCOMPARE(index->totalSize(), 0);
    QCOMPARE(index->children().size(), index->manifests().size());
}

void TestManifest::buildKitAttestationEntries()
{
    const QByteArray image = "sha256:" + QByteArray(64, 'c');
    const QByteArray raw =
        "{\"schemaVersion\":2,\"mediaType\":\"" + QByteArray(mediatype::OciIndex.data()) +
        "\",\"manifests\":[{\"mediaType\":\"" + QByteArray(mediatype::OciManifest.data()) +
        "\",\"digest\":\"" + image +
        "\",\"size\":1,\"platform\":{\"os\":\"linux\",\"architecture\":\"amd64\"}},"
        "{\"mediaType\":\"" +
        QByteArray(mediatype::OciManifest.data()) + "\",\"digest\":\"sha256:" + kHexA +
        "\",\"size\":2,\"platform\":{\"os\":\"unknown\",\"architecture\":\"unknown\"},"
        "\"annotations\":{\"vnd.docker.reference.type\":\"attestation-manifest\","
        "\"vnd.docker.reference.digest\":\"" +
        image +
        "\"}},"
        // An unknown/unknown entry without the annotation is not an attestation.
        "{\"mediaType\":\"" +
        QByteArray(mediatype::OciManifest.data()) + "\",\"digest\":\"sha256:" + kHexA +
        "\",\"size\":3,\"platform\":{\"os\":\"unknown\",\"architecture\":\"unknown\"}}]}";
    const auto m = Manifest::parse(raw);
    QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().message));
    QCOMPARE(m->manifests().size(), 3);
    QVERIFY(!m->manifests().at(0).isBuildKitAttestation());
    QVERIFY(m->manifests().at(1).isBuildKitAttestation());
    QCOMPARE(m->manifests().at(1).attestationSubject().toString(), QString::fromLatin1(image));
    QVERIFY(!m->manifests().at(2).isBuildKitAttestation());
    QVERIFY(!m->manifests().at(2).attestationSubject().isValid());
}

void TestManifest::dockerHubHelloWorldList()
{
    READ_FIXTURE(raw, "manifests/dockerhub-hello-world.manifest-list.json");
    const auto m = Manifest::parse(raw, QString(mediatype::DockerManifestList));
    QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().message));
    QCOMPARE(
        m->digest().toString(),
        QStringLiteral("sha256:faa03e786c97f07ef34423fccceeec2398ec8a5759259f94d99078f264e9d7af"));
    QCOMPARE(m->kind(), ManifestKind::Index);
    QCOMPARE(m->mediaType(), QString(mediatype::DockerManifestList));
    QCOMPARE(m->schemaVersion(), 2);
    QCOMPARE(m->manifests().size(), 11);
    QStringList platforms;
    int windows = 0;
    for (const Descriptor &d : m->manifests()) {
        QVERIFY(d.platform.has_value());
        QCOMPARE(d.mediaType, QString(mediatype::DockerManifest));
        QVERIFY(!d.isBuildKitAttestation());
        platforms << d.platform->toString();
        if (d.platform->os == QLatin1String("windows")) {
            ++windows;
            QVERIFY(!d.platform->osVersion.isEmpty());
        }
    }
    QCOMPARE(windows, 2);
    QVERIFY(platforms.contains(QStringLiteral("linux/arm64/v8")));
    QVERIFY(platforms.contains(QStringLiteral("linux/riscv64")));
    QVERIFY(platforms.contains(QStringLiteral("windows/amd64 10.0.20348.1249")));
    QVERIFY(platforms.contains(QStringLiteral("windows/amd64 10.0.17763.3650")));
    // A mismatching Content-Type refuses even this real document.
    QCOMPARE(Manifest::parse(raw, QString(mediatype::OciIndex)).error().kind,
             ErrorKind::InvalidContent);
}

void TestManifest::dockerHubHelloWorldManifest()
{
    READ_FIXTURE(raw, "manifests/dockerhub-hello-world.linux-amd64.manifest.json");
    const auto m = Manifest::parse(raw, QString(mediatype::DockerManifest));
    QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().message));
    QVERIFY(m->digest().toString().startsWith(QLatin1String("sha256:f54a58bc1aac")));
    QCOMPARE(m->kind(), ManifestKind::Image);
    QVERIFY(!m->isArtifact());
    QCOMPARE(m->config()->mediaType, QString(mediatype::DockerConfig));
    QCOMPARE(m->config()->size, 1469);
    QCOMPARE(m->layers().size(), 1);
    QCOMPARE(m->layers().at(0).size, 2479);
    QCOMPARE(m->totalSize(), 1469 + 2479);

    READ_FIXTURE(config, "manifests/dockerhub-hello-world.linux-amd64.config.json");
    QVERIFY(m->config()->digest.matches(config));
}

void TestManifest::alpineIndexWithAttestations()
{
    READ_FIXTURE(raw,
                 "manifests/dockerhub-alpine-3.23.2-attestations-reserialized/image_index.json");
    const auto m = Manifest::parse(raw, QString(mediatype::OciIndex));
    QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().message));
    QCOMPARE(m->manifests().size(), 16);
    QList<Digest> images;
    QList<Digest> subjects;
    for (const Descriptor &d : m->manifests()) {
        QVERIFY(d.platform.has_value());
        if (d.isBuildKitAttestation()) {
            QVERIFY(d.platform->isUnknown());
            QVERIFY(d.attestationSubject().isValid());
            subjects << d.attestationSubject();
        } else {
            QVERIFY(!d.platform->isUnknown());
            QVERIFY(!d.attestationSubject().isValid());
            images << d.digest;
        }
    }
    QCOMPARE(images.size(), 8);
    QCOMPARE(subjects.size(), 8);
    for (const Digest &s : subjects)
        QVERIFY2(images.contains(s), qPrintable(s.toString()));

    READ_FIXTURE(att, "manifests/dockerhub-alpine-3.23.2-attestations-reserialized/"
                      "linux_amd64.attestation-manifest.json");
    const auto a = Manifest::parse(att);
    QVERIFY2(a.ok(), qPrintable(a.ok() ? QString() : a.error().message));
    QCOMPARE(a->layers().size(), 2);
    for (const Descriptor &l : a->layers()) {
        QCOMPARE(l.mediaType, QString(mediatype::InToto));
        QVERIFY(l.annotations.contains(QStringLiteral("in-toto.io/predicate-type")));
    }
}

void TestManifest::notationSignatureManifest()
{
    READ_FIXTURE(raw, "signatures/notation/jws/signature.manifest.json");
    const auto m = Manifest::parse(raw, QString(mediatype::OciManifest));
    QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().message));
    QVERIFY(m->digest().toString().startsWith(QLatin1String("sha256:90ceaff260d6")));
    QVERIFY(m->isArtifact());
    QCOMPARE(m->effectiveArtifactType(), QString(mediatype::NotationSignature));
    QVERIFY(m->subject().has_value());
    QVERIFY(m->subject()->digest.toString().startsWith(QLatin1String("sha256:b8479de3")));
    QCOMPARE(m->children().size(), 3);

    READ_FIXTURE(subject, "signatures/notation/jws/subject.manifest.json");
    QVERIFY(m->subject()->digest.matches(subject));
    QCOMPARE(m->subject()->size, subject.size());

    READ_FIXTURE(fallback, "signatures/notation/jws/referrers-tag-index.json");
    const auto index = Manifest::parse(fallback, QString(mediatype::OciIndex));
    QVERIFY(index.ok());
    QCOMPARE(index->manifests().size(), 1);
    QCOMPARE(index->manifests().at(0).artifactType, QString(mediatype::NotationSignature));
    QCOMPARE(index->manifests().at(0).digest, m->digest());
}

void TestManifest::layoutBlobs_data()
{
    QTest::addColumn<QString>("layout");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("mediaType");

    const QDir layouts(fixturesDir() + QStringLiteral("/layouts"));
    int rows = 0;
    const QStringList names = layouts.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &layout : names) {
        const QString root = layouts.filePath(layout);
        // index.json is a manifest too, but is not content addressed.
        QTest::addRow("%s/index.json", qPrintable(layout))
            << root << QStringLiteral("index.json") << QString(mediatype::OciIndex);
        const QDir blobs(root + QStringLiteral("/blobs/sha256"));
        const QStringList files = blobs.entryList(QDir::Files);
        for (const QString &name : files) {
            const QJsonDocument doc = QJsonDocument::fromJson(readFile(blobs.filePath(name)));
            const QString type = doc.object().value(QLatin1String("mediaType")).toString();
            if (!mediatype::isManifestType(type))
                continue;
            QTest::addRow("%s/%s", qPrintable(layout), qPrintable(name.left(12)))
                << root << QStringLiteral("blobs/sha256/") + name << type;
            ++rows;
        }
    }
    if (rows == 0)
        QTest::addRow("no layouts") << QString() << QString() << QString();
}

void TestManifest::layoutBlobs()
{
    QFETCH(QString, layout);
    QFETCH(QString, file);
    QFETCH(QString, mediaType);
    if (layout.isEmpty())
        QSKIP(qPrintable(QStringLiteral("no manifest blobs found under ") + fixturesDir() +
                         QStringLiteral("/layouts")));

    const QByteArray raw = readFile(layout + QLatin1Char('/') + file);
    QVERIFY(!raw.isEmpty());
    const auto m = Manifest::parse(raw, mediaType);
    QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().message));
    if (file.startsWith(QLatin1String("blobs/")))
        QCOMPARE(m->digest().toString(),
                 QStringLiteral("sha256:") + file.mid(file.lastIndexOf(QLatin1Char('/')) + 1));
    QCOMPARE(m->isIndex(), mediatype::isIndexType(mediaType));

    // Every child that the layout holds must have the size and hash the descriptor claims.
    int present = 0;
    for (const Descriptor &child : m->children()) {
        QVERIFY(child.digest.isVerifiable());
        const QString path = layout + QStringLiteral("/blobs/") + child.digest.algorithm() +
                             QLatin1Char('/') + child.digest.encoded();
        if (!QFile::exists(path))
            continue;
        const QByteArray bytes = readFile(path);
        QCOMPARE(qint64(bytes.size()), child.size);
        QVERIFY(child.digest.matches(bytes));
        if (!child.data.isEmpty())
            QCOMPARE(child.data, bytes);
        ++present;
    }
    // Layouts are complete except for subjects stored elsewhere; at least config or entries exist.
    if (!m->children().isEmpty())
        QVERIFY(present > 0);
}

void TestManifest::seedDocuments_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("layers");
    QTest::addColumn<bool>("artifact");

    QTest::addRow("docker schema 1 signed") << QStringLiteral("docker-schema1-signed.json")
                                            << int(ManifestKind::DockerSchema1) << 2 << false;
    QTest::addRow("oci artifact manifest rc") << QStringLiteral("oci-artifact-manifest-rc.json")
                                              << int(ManifestKind::LegacyArtifact) << 1 << true;
}

void TestManifest::seedDocuments()
{
    QFETCH(QString, file);
    QFETCH(int, kind);
    QFETCH(int, layers);
    QFETCH(bool, artifact);
    const QByteArray raw = readFile(QStringLiteral(OCULAR_TEST_DATA_DIR "/content/") + file);
    QVERIFY(!raw.isEmpty());
    const auto m = Manifest::parse(raw);
    QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().message));
    QCOMPARE(int(m->kind()), kind);
    QCOMPARE(m->layers().size(), layers);
    QCOMPARE(m->isArtifact(), artifact);
    QVERIFY(mediatype::isManifestType(m->mediaType()));
    QCOMPARE(m->digest(), Digest::sha256(raw));
}

void TestManifest::mutatedFixturesNeverCrash_data()
{
    QTest::addColumn<QString>("file");
    QTest::addRow("docker list") << QStringLiteral(
        "manifests/dockerhub-hello-world.manifest-list.json");
    QTest::addRow("docker manifest")
        << QStringLiteral("manifests/dockerhub-hello-world.linux-amd64.manifest.json");
    QTest::addRow("oci index with attestations")
        << QStringLiteral("manifests/dockerhub-alpine-3.23.2-attestations-reserialized/"
                          "image_index.json");
    QTest::addRow("notation signature")
        << QStringLiteral("signatures/notation/jws/signature.manifest.json");
}

void TestManifest::mutatedFixturesNeverCrash()
{
    QFETCH(QString, file);
    const QString path = fixturesDir() + QLatin1Char('/') + file;
    if (!QFile::exists(path))
        QSKIP(qPrintable(QStringLiteral("fixture missing: ") + path));
    const QByteArray original = readFile(path);
    QVERIFY(Manifest::parse(original).ok());

    // Fixed seed: the same mutations on every run, so a failure can be reproduced.
    QRandomGenerator rng(0x0c0a1);
    const char interesting[] = {'{', '}', '[', ']', '"', ',', ':', '\\', '-', '0', '\xff', '\0'};
    int accepted = 0;
    int refused = 0;
    for (int i = 0; i < 3000; ++i) {
        QByteArray raw = original;
        const int edits = 1 + int(rng.bounded(4));
        for (int e = 0; e < edits && !raw.isEmpty(); ++e) {
            const qsizetype at = qsizetype(rng.bounded(quint32(raw.size())));
            switch (rng.bounded(4)) {
            case 0:
                raw[at] = char(raw[at] ^ (1 << rng.bounded(8)));
                break;
            case 1:
                raw[at] = interesting[rng.bounded(quint32(sizeof interesting))];
                break;
            case 2:
                raw.remove(at, 1 + qsizetype(rng.bounded(8)));
                break;
            case 3:
                raw.truncate(at);
                break;
            }
        }
        const auto m = Manifest::parse(raw);
        if (m.ok()) {
            ++accepted;
            QCOMPARE(m->digest(), Digest::sha256(raw));
            QVERIFY(mediatype::isManifestType(m->mediaType()));
            for (const Descriptor &d : m->children())
                QVERIFY(d.size >= 0 && d.digest.isValid());
        } else {
            ++refused;
            QVERIFY(!m.error().message.isEmpty());
        }
    }
    QVERIFY(refused > 0);
    qInfo("%d mutations accepted, %d refused", accepted, refused);
}

QTEST_GUILESS_MAIN(TestManifest)
#include "tst_manifest.moc"
