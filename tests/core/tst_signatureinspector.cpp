// Signature envelopes (shared fixtures: Notation JWS, cosign simple signing, Sigstore bundle)
// and CosignVerifier with a real cosign signature, a tampered payload, and an RSA key made
// with the openssl tool.
#include "support/fixtures.h"

#include "reference/digest.h"
#include "referrers/cosignverifier.h"
#include "referrers/signatureinspector.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ocular;

namespace {
const QString CosignDir = QStringLiteral("signatures/cosign/containers-image/key-signed/");

// The base64 signature annotation of containers/image's on-disk cosign signature.
QByteArray cosignSignatureAnnotation()
{
    QByteArray raw = *test::readFixture(CosignDir + QStringLiteral("signature-1"));
    raw = raw.mid(raw.indexOf('{'));
    return QJsonDocument::fromJson(raw)
        .object()
        .value(QLatin1String("annotations"))
        .toObject()
        .value(QLatin1String("dev.cosignproject.cosign/signature"))
        .toString()
        .toLatin1();
}
} // namespace

class TestSignatureInspector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void notationJws()
    {
        const QString path = QStringLiteral("signatures/notation/jws/signature.jws.json");
        OCULAR_REQUIRE_FIXTURE(path);
        auto s = signatureinspector::inspectNotationJws(*test::readFixture(path));
        QVERIFY2(s.ok(), qPrintable(s.error().toString()));
        QCOMPARE(s->algorithm, QStringLiteral("PS256"));
        QCOMPARE(s->signingScheme, QStringLiteral("notary.x509"));
        QVERIFY(!s->signingTime.isEmpty());
        QVERIFY(s->targetDigest.startsWith(QStringLiteral("sha256:b8479de3")));
        QCOMPARE(s->certificates.size(), 1);
        QVERIFY2(s->certificates.first().subject.contains(QStringLiteral("CN=e2e")),
                 qPrintable(s->certificates.first().subject));
        QVERIFY(s->certificates.first().notBefore.isValid());
        QVERIFY(s->certificates.first().notAfter > s->certificates.first().notBefore);
    }

    void notationTimestamped()
    {
        const QString path =
            QStringLiteral("signatures/notation/jws-timestamped/signature.jws.json");
        OCULAR_REQUIRE_FIXTURE(path);
        auto s = signatureinspector::inspectNotationJws(*test::readFixture(path));
        QVERIFY(s.ok());
        QVERIFY(s->hasTimestamp);
        QVERIFY(!s->expiry.isEmpty());
    }

    void simpleSigningPayload()
    {
        OCULAR_REQUIRE_FIXTURE(CosignDir + QStringLiteral("payload.simplesigning.json"));
        auto p = signatureinspector::inspectSimpleSigning(
            *test::readFixture(CosignDir + QStringLiteral("payload.simplesigning.json")));
        QVERIFY(p.ok());
        const QByteArray manifest = *test::readFixture(CosignDir + QStringLiteral("manifest.json"));
        QCOMPARE(p->dockerManifestDigest, Digest::sha256(manifest).toString());
        QCOMPARE(p->type, QStringLiteral("cosign container image signature"));
        QVERIFY(!signatureinspector::inspectSimpleSigning("{\"x\":1}").ok());
    }

    void sigstoreBundle()
    {
        const QString path =
            QStringLiteral("signatures/sigstore-bundles/cosign-oci-attestation.v0.3.sigstore.json");
        OCULAR_REQUIRE_FIXTURE(path);
        auto b = signatureinspector::inspectSigstoreBundle(*test::readFixture(path));
        QVERIFY2(b.ok(), qPrintable(b.error().toString()));
        QCOMPARE(b->mediaType, QStringLiteral("application/vnd.dev.sigstore.bundle.v0.3+json"));
        QCOMPARE(b->content, QStringLiteral("DSSE envelope"));
        QCOMPARE(b->tlogEntries, 1);
        QVERIFY(b->integratedTime.isValid());
        QCOMPARE(b->certificates.size(), 1);
        QVERIFY(b->certificates.first().issuer.contains(QStringLiteral("sigstore")));
        QVERIFY(!b->predicateType.isEmpty());
    }

    void cosignEcdsaGoodAndTampered()
    {
        OCULAR_REQUIRE_FIXTURE(CosignDir + QStringLiteral("cosign.pub"));
        auto verifier = CosignVerifier::fromPublicKeyPem(
            *test::readFixture(CosignDir + QStringLiteral("cosign.pub")));
        QVERIFY2(verifier.ok(), qPrintable(verifier.error().toString()));
        QCOMPARE(verifier->keyDescription(), QStringLiteral("ECDSA P-256"));
        const QByteArray payload =
            *test::readFixture(CosignDir + QStringLiteral("payload.simplesigning.json"));
        const QByteArray signature = cosignSignatureAnnotation();
        QVERIFY(!signature.isEmpty());
        QCOMPARE(verifier->verify(payload, signature).toString(), QStringLiteral("verified"));
        QByteArray tampered = payload;
        tampered[tampered.indexOf("sha256:") + 7] =
            '0' == tampered[tampered.indexOf("sha256:") + 7] ? '1' : '0';
        const VerificationResult bad = verifier->verify(tampered, signature);
        QCOMPARE(bad.status, VerificationResult::Status::Failed);
        QVERIFY(bad.toString().startsWith(QStringLiteral("failed (")));
        // Re-serialised JSON is different bytes: not verified either.
        const QByteArray reserialised =
            QJsonDocument::fromJson(payload).toJson(QJsonDocument::Indented);
        QVERIFY(!verifier->verify(reserialised, signature).isVerified());
        QVERIFY(!verifier->verify(payload, "not base64 !!").isVerified());
        QVERIFY(!CosignVerifier::fromPublicKeyPem("garbage").ok());
    }

    // Issue 10 item 26: a bad key is explained in words, never with OpenSSL's error string.
    void badKeysAreExplained_data()
    {
        QTest::addColumn<QByteArray>("pem");
        QTest::addColumn<QString>("words");
        QTest::addRow("empty") << QByteArray("\n") << QStringLiteral("empty");
        QTest::addRow("not pem") << QByteArray("hello") << QStringLiteral("not a PEM public key");
        QTest::addRow("private key")
            << QByteArray("-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\nabc\n-----END "
                          "ENCRYPTED SIGSTORE PRIVATE KEY-----\n")
            << QStringLiteral("private key");
        QTest::addRow("certificate")
            << QByteArray("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")
            << QStringLiteral("certificate");
        QTest::addRow("damaged")
            << QByteArray("-----BEGIN PUBLIC KEY-----\nnot base64!\n-----END PUBLIC KEY-----\n")
            << QStringLiteral("could not be decoded");
    }
    void badKeysAreExplained()
    {
        QFETCH(QByteArray, pem);
        QFETCH(QString, words);
        const auto verifier = CosignVerifier::fromPublicKeyPem(pem);
        QVERIFY(!verifier.ok());
        QVERIFY2(verifier.error().message.contains(words), qPrintable(verifier.error().message));
        QVERIFY2(!verifier.error().message.contains(QStringLiteral("routines")),
                 qPrintable(verifier.error().message));
    }

    // Issue 8 §6: the cosign rule (signature verifies and the payload names the subject) in
    // one function, used by the GUI and the CLI.
    void cosignRuleNeedsTheSubject()
    {
        OCULAR_REQUIRE_FIXTURE(CosignDir + QStringLiteral("cosign.pub"));
        auto verifier = CosignVerifier::fromPublicKeyPem(
            *test::readFixture(CosignDir + QStringLiteral("cosign.pub")));
        QVERIFY(verifier.ok());
        const QByteArray payload =
            *test::readFixture(CosignDir + QStringLiteral("payload.simplesigning.json"));
        const QByteArray signature = cosignSignatureAnnotation();
        const auto named = signatureinspector::inspectSimpleSigning(payload);
        QVERIFY(named.ok());
        const Digest subject = Digest::parse(named->dockerManifestDigest).value();
        QString claimed;
        QVERIFY(verifier->verifyForSubject(payload, signature, subject, &claimed).isVerified());
        QCOMPARE(claimed, subject.toString());
        const VerificationResult other =
            verifier->verifyForSubject(payload, signature, Digest::sha256("another image"));
        QCOMPARE(other.status, VerificationResult::Status::Failed);
        QVERIFY(other.reason.contains(QStringLiteral("not this manifest")));
        QCOMPARE(verifier->verifyForSubject(payload + ' ', signature, subject).status,
                 VerificationResult::Status::Failed);
    }

    void inTotoSubjectsFromDsse()
    {
        const QByteArray statement =
            R"({"_type":"https://in-toto.io/Statement/v0.1","subject":[{"name":"x","digest":{"sha256":"abc"}}]})";
        const QByteArray envelope =
            "{\"payloadType\":\"application/vnd.in-toto+json\",\"payload\":\"" +
            statement.toBase64() + "\",\"signatures\":[]}";
        const auto subjects = signatureinspector::inTotoSubjects(envelope);
        QVERIFY2(subjects.ok(), qPrintable(subjects.error().message));
        QCOMPARE(subjects.value(), QStringList{QStringLiteral("sha256:abc")});
        QVERIFY(!signatureinspector::inTotoSubjects("{}").ok());
    }

    void rsaKeyFromOpenssl()
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("the openssl tool is not installed");
        QTemporaryDir dir;
        const QString key = dir.filePath(QStringLiteral("rsa.key"));
        const QString pub = dir.filePath(QStringLiteral("rsa.pub"));
        const QString data = dir.filePath(QStringLiteral("payload"));
        const QString sig = dir.filePath(QStringLiteral("payload.sig"));
        QFile f(data);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray payload = "{\"critical\":{\"image\":{\"docker-manifest-digest\":\"x\"}}}";
        f.write(payload);
        f.close();
        auto run = [&](const QStringList &args) { return QProcess::execute(openssl, args) == 0; };
        QVERIFY(run({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("RSA"),
                     QStringLiteral("-pkeyopt"), QStringLiteral("rsa_keygen_bits:2048"),
                     QStringLiteral("-out"), key}));
        QVERIFY(run({QStringLiteral("pkey"), QStringLiteral("-in"), key, QStringLiteral("-pubout"),
                     QStringLiteral("-out"), pub}));
        QVERIFY(run({QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-sign"),
                     key, QStringLiteral("-out"), sig, data}));
        QFile pubFile(pub), sigFile(sig);
        QVERIFY(pubFile.open(QIODevice::ReadOnly) && sigFile.open(QIODevice::ReadOnly));
        auto verifier = CosignVerifier::fromPublicKeyPem(pubFile.readAll());
        QVERIFY(verifier.ok());
        QCOMPARE(verifier->keyDescription(), QStringLiteral("RSA 2048"));
        const QByteArray signature = sigFile.readAll().toBase64();
        QVERIFY(verifier->verify(payload, signature).isVerified());
        QVERIFY(!verifier->verify(payload + ' ', signature).isVerified());
    }
};

QTEST_GUILESS_MAIN(TestSignatureInspector)
#include "tst_signatureinspector.moc"
