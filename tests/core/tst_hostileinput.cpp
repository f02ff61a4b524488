// Hostile documents and headers, one row each: every parser must answer with a clean error (or
// a well-defined value), never crash, hang, allocate from a claimed size or invent data.
// Regressions for fuzzer findings live here too (see tests/fuzz/README.md).

#include "auth/authchallenge.h"
#include "auth/dockerconfig.h"
#include "content/descriptor.h"
#include "content/imageconfig.h"
#include "content/manifest.h"
#include "http/httpresponse.h"
#include "http/linkheader.h"
#include "http/registryerror.h"
#include "reference/digest.h"
#include "reference/reference.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace ocular;

namespace {

const QByteArray Hex64(64, 'a');
const QString OciManifestType = QStringLiteral("application/vnd.oci.image.manifest.v1+json");
const QString OciIndexType = QStringLiteral("application/vnd.oci.image.index.v1+json");

QByteArray descriptorJson(const QByteArray &digest, const QByteArray &size,
                          const QByteArray &mediaType = "application/vnd.oci.image.layer.v1.tar")
{
    return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + digest + "\",\"size\":" + size +
           "}";
}

QByteArray imageManifest(const QByteArray &layer)
{
    return "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
           "\"config\":" +
           descriptorJson("sha256:" + Hex64, "2", "application/vnd.oci.image.config.v1+json") +
           ",\"layers\":[" + layer + "]}";
}

} // namespace

class TestHostileInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        // Parsers report problems as values, never as Qt warnings.
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    }

    void manifests_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<bool>("accepted");

        const QByteArray good = imageManifest(descriptorJson("sha256:" + Hex64, "10"));
        QTest::addRow("control: valid manifest") << good << OciManifestType << true;
        QTest::addRow("empty body") << QByteArray() << OciManifestType << false;
        QTest::addRow("not json") << QByteArray("<html>502 Bad Gateway</html>") << QString()
                                  << false;
        QTest::addRow("truncated json") << good.left(good.size() / 2) << OciManifestType << false;
        QTest::addRow("json array") << QByteArray("[1,2,3]") << OciManifestType << false;
        QTest::addRow("json string") << QByteArray("\"manifest\"") << OciManifestType << false;
        QTest::addRow("json null") << QByteArray("null") << OciManifestType << false;
        QTest::addRow("10000-deep arrays") << QByteArray(10000, '[') << OciManifestType << false;
        {
            QByteArray deep;
            for (int i = 0; i < 10000; ++i)
                deep += "{\"a\":";
            QTest::addRow("10000-deep objects") << deep << OciManifestType << false;
        }
        {
            QByteArray deep = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image."
                              "manifest.v1+json\",\"annotations\":{\"x\":";
            deep += QByteArray(5000, '[') + QByteArray(5000, ']') + "}}";
            QTest::addRow("deep nesting inside annotations") << deep << OciManifestType << false;
        }
        QTest::addRow("invalid utf-8 in mediaType")
            << QByteArray("{\"schemaVersion\":2,\"mediaType\":\"\xff\xfe\xc0\xaf\",\"layers\":[]}")
            << QString() << false;
        QTest::addRow("invalid utf-8 in annotation")
            << QByteArray("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest."
                          "v1+json\",\"config\":" +
                          descriptorJson("sha256:" + Hex64, "2",
                                         "application/vnd.oci.image.config.v1+json") +
                          ",\"layers\":[],\"annotations\":{\"k\":\"\xed\xa0\x80\"}}")
            << OciManifestType << false;
        QTest::addRow("nul byte inside")
            << QByteArray("{\"schemaVersion\":2,\0}", 21) << OciManifestType << false;
        QTest::addRow("descriptor size 2^62")
            << imageManifest(descriptorJson("sha256:" + Hex64, "4611686018427387904"))
            << OciManifestType << false;
        QTest::addRow("descriptor size -1")
            << imageManifest(descriptorJson("sha256:" + Hex64, "-1")) << OciManifestType << false;
        QTest::addRow("descriptor size 1e400")
            << imageManifest(descriptorJson("sha256:" + Hex64, "1e400")) << OciManifestType
            << false;
        QTest::addRow("descriptor size 1.5")
            << imageManifest(descriptorJson("sha256:" + Hex64, "1.5")) << OciManifestType << false;
        QTest::addRow("descriptor size as string")
            << imageManifest(descriptorJson("sha256:" + Hex64, "\"10\"")) << OciManifestType
            << false;
        QTest::addRow("schemaVersion huge")
            << QByteArray("{\"schemaVersion\":1e300,\"mediaType\":\"application/vnd.oci.image."
                          "manifest.v1+json\",\"layers\":[]}")
            << OciManifestType << false;
        QTest::addRow("digest upper-case hex")
            << imageManifest(descriptorJson("sha256:" + Hex64.toUpper(), "10")) << OciManifestType
            << false;
        QTest::addRow("digest wrong length")
            << imageManifest(descriptorJson("sha256:" + Hex64.left(63), "10")) << OciManifestType
            << false;
        QTest::addRow("digest without algorithm")
            << imageManifest(descriptorJson(Hex64, "10")) << OciManifestType << false;
        QTest::addRow("digest empty")
            << imageManifest(descriptorJson("", "10")) << OciManifestType << false;
        QTest::addRow("layers and manifests (CVE-2021-41190)")
            << QByteArray("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest."
                          "v1+json\",\"config\":" +
                          descriptorJson("sha256:" + Hex64, "2",
                                         "application/vnd.oci.image.config.v1+json") +
                          ",\"layers\":[],\"manifests\":[]}")
            << OciManifestType << false;
        QTest::addRow("index with layers")
            << QByteArray("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+"
                          "json\",\"manifests\":[],\"layers\":[]}")
            << OciIndexType << false;
        QTest::addRow("mediaType differs from Content-Type") << good << OciIndexType << false;
        QTest::addRow("unknown mediaType in document")
            << QByteArray(
                   "{\"schemaVersion\":2,\"mediaType\":\"application/x-evil\",\"layers\":[]}")
            << QString() << false;
        QTest::addRow("unknown Content-Type, no mediaType")
            << QByteArray("{\"schemaVersion\":2,\"layers\":[]}")
            << QStringLiteral("application/x-evil") << false;
        QTest::addRow("layers not an array")
            << QByteArray("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest."
                          "v1+json\",\"config\":" +
                          descriptorJson("sha256:" + Hex64, "2",
                                         "application/vnd.oci.image.config.v1+json") +
                          ",\"layers\":{\"0\":1}}")
            << OciManifestType << false;
        QTest::addRow("annotations not strings")
            << QByteArray("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest."
                          "v1+json\",\"config\":" +
                          descriptorJson("sha256:" + Hex64, "2",
                                         "application/vnd.oci.image.config.v1+json") +
                          ",\"layers\":[],\"annotations\":{\"a\":1}}")
            << OciManifestType << false;
        QTest::addRow("inline data not base64")
            << imageManifest("{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\",\"digest\":"
                             "\"sha256:" +
                             Hex64 + "\",\"size\":2,\"data\":\"!!!*\"}")
            << OciManifestType << false;
    }

    void manifests()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, contentType);
        QFETCH(bool, accepted);
        QElapsedTimer clock;
        clock.start();
        const Result<Manifest> parsed = Manifest::parse(raw, contentType);
        QCOMPARE(parsed.ok(), accepted);
        if (parsed.ok()) {
            QCOMPARE(parsed->raw(), raw);
            QCOMPARE(parsed->digest(), Digest::sha256(raw));
            return;
        }
        QCOMPARE(errorKindName(parsed.error().kind), errorKindName(ErrorKind::InvalidContent));
        QVERIFY(!parsed.error().message.isEmpty());
        // Error messages quote server data only in bounded pieces.
        QVERIFY2(parsed.error().message.size() < 1000,
                 qPrintable(parsed.error().message.left(200)));
    }

    void duplicateKeysAreNotAmbiguous()
    {
        // One parser may keep the first key, another the last: a document that means an image
        // to one and an index to another must not be taken as either silently.
        const QByteArray raw =
            "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
            "\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":" +
            descriptorJson("sha256:" + Hex64, "2", "application/vnd.oci.image.config.v1+json") +
            ",\"layers\":[]}";
        const Result<Manifest> parsed = Manifest::parse(raw, QString());
        if (parsed.ok()) {
            // Accepted: then what it is must agree with the key that won, and it is not an
            // index with layers.
            QVERIFY(!(parsed->isIndex() && !parsed->layers().isEmpty()));
            QVERIFY(parsed->isIndex() == (parsed->mediaType() == OciIndexType));
        }
        // A Content-Type naming the other type is a mismatch either way.
        QVERIFY(!Manifest::parse(raw, OciIndexType).ok() ||
                !Manifest::parse(raw, OciManifestType).ok());
    }

    void fiveMebibyteManifestParsesBounded()
    {
        // The HTTP layer refuses >4 MiB; the parser itself must still cope with big input.
        QByteArray layers;
        const QByteArray one = descriptorJson("sha256:" + Hex64, "10");
        while (layers.size() < 5 * 1024 * 1024)
            layers += (layers.isEmpty() ? QByteArray() : QByteArray(",")) + one;
        const QByteArray raw = imageManifest(layers);
        QVERIFY(raw.size() > 5 * 1024 * 1024);
        QElapsedTimer clock;
        clock.start();
        const Result<Manifest> parsed = Manifest::parse(raw, OciManifestType);
        if (parsed.ok())
            QVERIFY(parsed->layers().size() > 10000);
    }

    void imageConfigs_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<bool>("accepted");
        QTest::addRow("control") << QByteArray("{\"architecture\":\"amd64\",\"os\":\"linux\"}")
                                 << true;
        QTest::addRow("not json") << QByteArray("}{") << false;
        QTest::addRow("array") << QByteArray("[]") << false;
        QTest::addRow("deep") << QByteArray(10000, '[') << false;
        QTest::addRow("env not strings")
            << QByteArray("{\"os\":\"linux\",\"config\":{\"Env\":[1,2,{\"a\":[]}]}}") << false;
        QTest::addRow("history huge count")
            << QByteArray("{\"os\":\"linux\",\"history\":" + QByteArray("[") +
                          QByteArray(20000 * 3, ' ').replace("   ", "{},") + "{}]}")
            << true;
        QTest::addRow("created garbage")
            << QByteArray("{\"os\":\"linux\",\"created\":\"yesterday-ish\"}") << true;
        QTest::addRow("labels wrong type")
            << QByteArray("{\"os\":\"linux\",\"config\":{\"Labels\":[\"a\",\"b\"]}}") << false;
    }

    void imageConfigs()
    {
        QFETCH(QByteArray, raw);
        QFETCH(bool, accepted);
        const Result<ImageConfig> parsed = ImageConfig::parse(raw);
        QCOMPARE(parsed.ok(), accepted);
        if (!parsed.ok())
            QVERIFY(!parsed.error().message.isEmpty());
        else
            QVERIFY(!parsed->created.isValid() || parsed->created.date().year() > 1900);
    }

    void digests_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("accepted");
        const QString hex = QString::fromLatin1(Hex64);
        QTest::addRow("control sha256") << QStringLiteral("sha256:") + hex << true;
        QTest::addRow("upper-case hex") << QStringLiteral("sha256:") + hex.toUpper() << false;
        QTest::addRow("upper-case algorithm") << QStringLiteral("SHA256:") + hex << false;
        QTest::addRow("63 hex") << QStringLiteral("sha256:") + hex.left(63) << false;
        QTest::addRow("65 hex") << QStringLiteral("sha256:") + hex + QLatin1Char('a') << false;
        QTest::addRow("sha512 with 64 hex") << QStringLiteral("sha512:") + hex << false;
        QTest::addRow("non-hex") << QStringLiteral("sha256:") + hex.left(63) + QLatin1Char('g')
                                 << false;
        QTest::addRow("empty") << QString() << false;
        QTest::addRow("colon only") << QStringLiteral(":") << false;
        QTest::addRow("no encoded") << QStringLiteral("sha256:") << false;
        QTest::addRow("two colons")
            << QStringLiteral("sha256:") + hex + QStringLiteral(":x") << false;
        QTest::addRow("unknown algorithm, grammar ok") << QStringLiteral("blake3:") + hex << true;
        QTest::addRow("unknown algorithm, bad grammar") << QStringLiteral("bl@ke3:") + hex << false;
        QTest::addRow("whitespace") << QStringLiteral(" sha256:") + hex << false;
        QTest::addRow("embedded nul")
            << QStringLiteral("sha256:") + hex.left(10) + QChar(0) + hex.left(53) << false;
        QTest::addRow("1 MiB encoded")
            << QStringLiteral("x:") + QString(1 << 20, QLatin1Char('a')) << false;
        QTest::addRow("path traversal") << QStringLiteral("sha256:../../../../etc/passwd") << false;
    }

    void digests()
    {
        QFETCH(QString, text);
        QFETCH(bool, accepted);
        const Result<Digest> parsed = Digest::parse(text);
        QCOMPARE(parsed.ok(), accepted);
        if (!parsed.ok()) {
            QCOMPARE(errorKindName(parsed.error().kind), errorKindName(ErrorKind::InvalidInput));
            QVERIFY(parsed.error().message.size() < 1000);
            return;
        }
        QCOMPARE(Digest::parse(parsed->toString()).value(), parsed.value());
        // Fallback tags stay within the tag grammar's 128 characters.
        QVERIFY(parsed->fallbackTag().size() <= 128);
        QVERIFY(Reference::isValidTag(parsed->fallbackTag()));
        if (!parsed->isVerifiable())
            QVERIFY(!parsed->matches("anything"));
    }

    void references_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("accepted");
        QTest::addRow("control") << QStringLiteral("localhost:5000/team/app:v1") << true;
        QTest::addRow("tag 128") << QStringLiteral("a/b:") + QString(128, QLatin1Char('t')) << true;
        QTest::addRow("tag 129") << QStringLiteral("a/b:") + QString(129, QLatin1Char('t'))
                                 << false;
        QTest::addRow("name 256 with host")
            << QStringLiteral("registry.example/") + QString(239, QLatin1Char('a')) << false;
        QTest::addRow("name 255 with host")
            << QStringLiteral("registry.example/") + QString(238, QLatin1Char('a')) << true;
        QTest::addRow("1 MiB") << QString(1 << 20, QLatin1Char('a')) << false;
        QTest::addRow("10000 components")
            << QStringLiteral("h.example/") + QStringLiteral("a/").repeated(10000) +
                   QStringLiteral("a")
            << false;
        QTest::addRow("upper-case path") << QStringLiteral("h.example/Team/app") << false;
        QTest::addRow("empty") << QString() << false;
        QTest::addRow("only @") << QStringLiteral("@") << false;
        QTest::addRow("bad digest")
            << QStringLiteral("a/b@sha256:") + QString::fromLatin1(Hex64.toUpper()) << false;
        QTest::addRow("port out of range") << QStringLiteral("h.example:99999/a") << false;
        QTest::addRow("scheme") << QStringLiteral("https://h.example/a") << false;
        QTest::addRow("control characters") << QStringLiteral("h.example/a\n:b") << false;
        QTest::addRow("unicode homoglyph") << QStringLiteral("h.example/аpp") << false;
    }

    void references()
    {
        QFETCH(QString, text);
        QFETCH(bool, accepted);
        QElapsedTimer clock;
        clock.start();
        const Result<Reference> parsed = Reference::parse(text);
        QCOMPARE(parsed.ok(), accepted);
        if (parsed.ok())
            QCOMPARE(Reference::parse(parsed->toString()).value(), parsed.value());
        else
            QVERIFY(parsed.error().message.size() < 1000);
    }

    void referenceNormalisationKeepsTheLengthLimit()
    {
        // Fuzzer finding (fuzz_reference): a 250-character Docker Hub short name was accepted,
        // but its canonical form docker.io/library/<name> is over 255 and no longer parsed. The
        // cap now applies to the canonical name, so the short form is refused up front.
        const Result<Reference> tooLong = Reference::parse(QString(250, QLatin1Char('a')));
        QVERIFY(!tooLong.ok());
        QVERIFY(tooLong.error().message.contains(QStringLiteral("255")));
        // The longest short name that fits: 255 - strlen("docker.io/library/").
        const Result<Reference> longest = Reference::parse(QString(237, QLatin1Char('a')));
        QVERIFY2(longest.ok(), qPrintable(longest.error().message));
        QVERIFY(Reference::parse(longest->toString()).ok());
    }

    void registryErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expectInMessage");
        QTest::addRow("control")
            << 404
            << QByteArray("{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"gone\"}]}")
            << QStringLiteral("gone");
        QTest::addRow("html") << 502 << QByteArray("<html><body>nginx</body></html>")
                              << QStringLiteral("server error");
        QTest::addRow("errors not an array")
            << 400 << QByteArray("{\"errors\":\"boom\"}") << QStringLiteral("rejected");
        QTest::addRow("code not a string")
            << 400 << QByteArray("{\"errors\":[{\"code\":{\"x\":1},\"message\":[1]}]}")
            << QStringLiteral("rejected");
        {
            QByteArray many = "{\"errors\":[";
            for (int i = 0; i < 10000; ++i)
                many += (i ? "," : "") + QByteArray("{\"code\":\"C") + QByteArray::number(i) +
                        "\",\"message\":\"" + QByteArray(500, 'm') + "\"}";
            many += "]}";
            // Cut at the 64 KiB error-body cap: no longer JSON, so the status sentence is shown.
            QTest::addRow("10000 errors") << 500 << many << QStringLiteral("server error");
        }
        QTest::addRow("huge message")
            << 403
            << QByteArray("{\"errors\":[{\"code\":\"DENIED\",\"message\":\"") +
                   QByteArray(1 << 20, 'x') + "\"}]}"
            << QStringLiteral("access denied");
        QTest::addRow("invalid utf-8")
            << 404
            << QByteArray("{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"\xff\xfe\"}]}")
            << QString();
        QTest::addRow("deep") << 500 << QByteArray(10000, '[') << QStringLiteral("server error");
        QTest::addRow("status 0") << 0 << QByteArray() << QStringLiteral("unexpected");
        QTest::addRow("status 999") << 999 << QByteArray() << QStringLiteral("server error");
    }

    void registryErrors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, expectInMessage);
        HttpResponse response;
        response.status = status;
        response.body = body;
        const Error error = registryError(response, QStringLiteral("op"));
        QVERIFY(!error.message.isEmpty());
        QVERIFY2(error.message.size() <= 1200, qPrintable(QString::number(error.message.size())));
        QVERIFY(error.registryCodes.size() <= 8);
        for (const QString &code : error.registryCodes)
            QVERIFY(code.size() <= 64);
        if (!expectInMessage.isEmpty() && !error.message.contains(expectInMessage))
            QVERIFY2(error.toString().contains(expectInMessage), qPrintable(error.toString()));
        QCOMPARE(error.httpStatus, status);
    }

    void challenges_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addRow("unterminated quote") << QByteArray("Bearer realm=\"https://a/token");
        QTest::addRow("only commas") << QByteArray(10000, ',');
        QTest::addRow("only equals") << QByteArray(10000, '=');
        QTest::addRow("backslashes") << QByteArray("Bearer realm=\"\\") + QByteArray(5000, '\\');
        QTest::addRow("1 MiB value")
            << QByteArray("Bearer realm=\"") + QByteArray(1 << 20, 'r') + "\"";
        QTest::addRow("10000 params") << QByteArray("Bearer ") + QByteArray("a=b,").repeated(10000);
        QTest::addRow("nul and controls") << QByteArray("Bearer\0realm=\"x\x01\"", 17);
        QTest::addRow("invalid utf-8") << QByteArray("Bearer realm=\"\xff\xfe\"");
    }

    void challenges()
    {
        QFETCH(QByteArray, header);
        QElapsedTimer clock;
        clock.start();
        const QList<AuthChallenge> parsed = AuthChallenge::parse({header});
        for (const AuthChallenge &challenge : parsed)
            QVERIFY(!challenge.scheme.contains(QLatin1Char(' ')));
    }

    void linkHeaders_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<bool>("hasNext");
        QTest::addRow("control") << QByteArray("</v2/a/tags/list?last=x>; rel=\"next\"") << true;
        QTest::addRow("unterminated angle")
            << QByteArray("</v2/a/tags/list; rel=\"next\"") << false;
        QTest::addRow("no rel") << QByteArray("</v2/a/tags/list>") << false;
        QTest::addRow("rel prev only") << QByteArray("</x>; rel=\"prev\"") << false;
        QTest::addRow("10000 links")
            << QByteArray("</x>; rel=\"prev\", ").repeated(10000) + "</y>; rel=\"next\"" << true;
        QTest::addRow("1 MiB url")
            << QByteArray("</") + QByteArray(1 << 20, 'a') + ">; rel=\"next\"" << true;
        QTest::addRow("invalid url") << QByteArray("<http://[::1>; rel=\"next\"") << false;
        QTest::addRow("quote never closed") << QByteArray("</x>; rel=\"next") << false;
    }

    void linkHeaders()
    {
        QFETCH(QByteArray, header);
        QFETCH(bool, hasNext);
        const QUrl base(QStringLiteral("http://127.0.0.1:5000/v2/a/tags/list"));
        QElapsedTimer clock;
        clock.start();
        const QUrl next = linkheader::nextUrl({header}, base);
        QCOMPARE(next.isValid(), hasNext);
    }

    void dockerConfigs_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("accepted");
        QTest::addRow("control")
            << QByteArray("{\"auths\":{\"localhost:5000\":{\"auth\":\"dXNlcjpwYXNz\"}}}") << true;
        QTest::addRow("not json") << QByteArray("auths = 1") << false;
        QTest::addRow("array") << QByteArray("[]") << false;
        QTest::addRow("deep") << QByteArray(10000, '{') << false;
        QTest::addRow("auths array") << QByteArray("{\"auths\":[1,2]}") << true;
        QTest::addRow("auth not base64")
            << QByteArray("{\"auths\":{\"h\":{\"auth\":\"%%%not base64%%%\"}}}") << true;
        QTest::addRow("credHelpers not strings")
            << QByteArray("{\"credHelpers\":{\"h\":{\"x\":1}},\"credsStore\":[]}") << true;
        QTest::addRow("invalid utf-8") << QByteArray("{\"auths\":{\"\xff\":{}}}") << true;
    }

    void dockerConfigs()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, accepted);
        const Result<DockerConfig> parsed =
            DockerConfig::parse(json, QStringLiteral("/tmp/hostile/config.json"));
        if (!accepted) {
            QVERIFY(!parsed.ok());
            QVERIFY(!parsed.error().message.isEmpty());
            return;
        }
        // Accepted or refused cleanly; lookups on what was accepted never crash.
        if (parsed.ok()) {
            (void)parsed->helperFor(QStringLiteral("h"));
            (void)parsed->authFor(QStringLiteral("localhost:5000"));
        }
    }
};

QTEST_GUILESS_MAIN(TestHostileInput)
#include "tst_hostileinput.moc"
