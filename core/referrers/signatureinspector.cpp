#include "signatureinspector.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace ocular::signatureinspector {

namespace {

Error invalid(const QString &message)
{
    return Error::make(ErrorKind::InvalidContent, message);
}

QByteArray base64Url(const QString &text)
{
    return QByteArray::fromBase64(text.toLatin1(),
                                  QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString nameText(const X509_NAME *name)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
    X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253);
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return QString::fromUtf8(data, length);
}

QDateTime asn1Time(const ASN1_TIME *time)
{
    struct tm tm = {};
    if (!time || ASN1_TIME_to_tm(time, &tm) != 1)
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
                     QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), Qt::UTC);
}

QList<CertificateSummary> certificatesFrom(const QJsonArray &array, bool base64Der)
{
    QList<CertificateSummary> out;
    for (const QJsonValue &value : array) {
        QString text = value.toString();
        if (value.isObject())
            text = value.toObject().value(QLatin1String("rawBytes")).toString();
        const QByteArray der =
            base64Der ? QByteArray::fromBase64(text.toLatin1()) : text.toLatin1();
        auto cert = parseCertificate(der);
        if (cert.ok())
            out.append(cert.value());
    }
    return out;
}

} // namespace

Result<CertificateSummary> parseCertificate(const QByteArray &der)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(der.constData());
    std::unique_ptr<X509, decltype(&X509_free)> cert(d2i_X509(nullptr, &bytes, long(der.size())),
                                                     &X509_free);
    if (!cert)
        return invalid(QStringLiteral("A certificate could not be read."));
    CertificateSummary s;
    s.subject = nameText(X509_get_subject_name(cert.get()));
    s.issuer = nameText(X509_get_issuer_name(cert.get()));
    s.notBefore = asn1Time(X509_get0_notBefore(cert.get()));
    s.notAfter = asn1Time(X509_get0_notAfter(cert.get()));
    auto *names = static_cast<GENERAL_NAMES *>(
        X509_get_ext_d2i(cert.get(), NID_subject_alt_name, nullptr, nullptr));
    if (names) {
        for (int i = 0; i < sk_GENERAL_NAME_num(names); ++i) {
            const GENERAL_NAME *name = sk_GENERAL_NAME_value(names, i);
            if (name->type == GEN_EMAIL || name->type == GEN_URI || name->type == GEN_DNS) {
                const ASN1_IA5STRING *text = name->d.ia5;
                s.subjectAltNames << QString::fromUtf8(
                    reinterpret_cast<const char *>(ASN1_STRING_get0_data(text)),
                    ASN1_STRING_length(text));
            }
        }
        GENERAL_NAMES_free(names);
    }
    return s;
}

Result<NotationJwsSummary> inspectNotationJws(const QByteArray &envelope)
{
    const QJsonObject jws = QJsonDocument::fromJson(envelope).object();
    if (!jws.contains(QLatin1String("protected")) || !jws.contains(QLatin1String("payload")))
        return invalid(QStringLiteral("This is not a JWS JSON envelope."));
    NotationJwsSummary s;
    const QJsonObject header =
        QJsonDocument::fromJson(base64Url(jws.value(QLatin1String("protected")).toString()))
            .object();
    s.algorithm = header.value(QLatin1String("alg")).toString();
    s.signingScheme = header.value(QLatin1String("io.cncf.notary.signingScheme")).toString();
    s.signingTime = header.value(QLatin1String("io.cncf.notary.signingTime")).toString();
    s.expiry = header.value(QLatin1String("io.cncf.notary.expiry")).toString();
    const QJsonObject unprotected = jws.value(QLatin1String("header")).toObject();
    s.signingAgent = unprotected.value(QLatin1String("io.cncf.notary.signingAgent")).toString();
    s.hasTimestamp = unprotected.contains(QLatin1String("io.cncf.notary.timestampSignature"));
    s.certificates = certificatesFrom(unprotected.value(QLatin1String("x5c")).toArray(), true);
    const QJsonObject payload =
        QJsonDocument::fromJson(base64Url(jws.value(QLatin1String("payload")).toString())).object();
    const QJsonObject target = payload.value(QLatin1String("targetArtifact")).toObject();
    s.targetDigest = target.value(QLatin1String("digest")).toString();
    s.targetMediaType = target.value(QLatin1String("mediaType")).toString();
    s.targetSize = qint64(target.value(QLatin1String("size")).toDouble(-1));
    return s;
}

Result<SimpleSigningPayload> inspectSimpleSigning(const QByteArray &payload)
{
    const QJsonObject root = QJsonDocument::fromJson(payload).object();
    const QJsonObject critical = root.value(QLatin1String("critical")).toObject();
    if (critical.isEmpty())
        return invalid(QStringLiteral("The payload has no \"critical\" section: not a cosign "
                                      "simple-signing payload."));
    SimpleSigningPayload s;
    s.dockerManifestDigest = critical.value(QLatin1String("image"))
                                 .toObject()
                                 .value(QLatin1String("docker-manifest-digest"))
                                 .toString();
    s.dockerReference = critical.value(QLatin1String("identity"))
                            .toObject()
                            .value(QLatin1String("docker-reference"))
                            .toString();
    s.type = critical.value(QLatin1String("type")).toString();
    const QJsonObject optional = root.value(QLatin1String("optional")).toObject();
    for (auto it = optional.begin(); it != optional.end(); ++it)
        s.optional << it.key() + QStringLiteral(": ") +
                          (it.value().isString()
                               ? it.value().toString()
                               : QString::fromUtf8(QJsonDocument(QJsonArray{it.value()})
                                                       .toJson(QJsonDocument::Compact)));
    if (s.dockerManifestDigest.isEmpty())
        return invalid(QStringLiteral("The payload names no docker-manifest-digest."));
    return s;
}

Result<QStringList> inTotoSubjects(const QByteArray &dsseEnvelope)
{
    const QJsonObject envelope = QJsonDocument::fromJson(dsseEnvelope).object();
    const QJsonValue payload = envelope.value(QLatin1String("payload"));
    if (!payload.isString())
        return invalid(QStringLiteral("The DSSE envelope has no payload."));
    const auto decoded = QByteArray::fromBase64Encoding(payload.toString().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return invalid(QStringLiteral("The DSSE payload is not valid base64."));
    const QJsonObject statement = QJsonDocument::fromJson(*decoded).object();
    const QJsonValue subjects = statement.value(QLatin1String("subject"));
    if (!subjects.isArray())
        return invalid(QStringLiteral("The in-toto statement names no subject."));
    QStringList out;
    for (const QJsonValue &subject : subjects.toArray()) {
        const QJsonObject digests = subject.toObject().value(QLatin1String("digest")).toObject();
        for (auto it = digests.begin(); it != digests.end(); ++it) {
            if (it.value().isString())
                out << it.key() + QLatin1Char(':') + it.value().toString();
        }
    }
    if (out.isEmpty())
        return invalid(QStringLiteral("The in-toto statement names no subject digest."));
    return out;
}

Result<SigstoreBundleSummary> inspectSigstoreBundle(const QByteArray &bundle)
{
    const QJsonObject root = QJsonDocument::fromJson(bundle).object();
    if (!root.value(QLatin1String("mediaType"))
             .toString()
             .startsWith(QLatin1String("application/vnd.dev.sigstore.bundle")))
        return invalid(QStringLiteral("This is not a Sigstore bundle."));
    SigstoreBundleSummary s;
    s.mediaType = root.value(QLatin1String("mediaType")).toString();
    const QJsonObject material = root.value(QLatin1String("verificationMaterial")).toObject();
    s.keyHint = material.value(QLatin1String("publicKey"))
                    .toObject()
                    .value(QLatin1String("hint"))
                    .toString();
    if (material.contains(QLatin1String("certificate")))
        s.certificates =
            certificatesFrom(QJsonArray{material.value(QLatin1String("certificate"))}, true);
    else
        s.certificates = certificatesFrom(material.value(QLatin1String("x509CertificateChain"))
                                              .toObject()
                                              .value(QLatin1String("certificates"))
                                              .toArray(),
                                          true);
    const QJsonArray entries = material.value(QLatin1String("tlogEntries")).toArray();
    s.tlogEntries = int(entries.size());
    if (!entries.isEmpty()) {
        const QJsonObject first = entries.first().toObject();
        s.logIndex = first.value(QLatin1String("logIndex")).toVariant().toString();
        const qint64 seconds =
            first.value(QLatin1String("integratedTime")).toVariant().toString().toLongLong();
        if (seconds > 0)
            s.integratedTime = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
    }
    if (root.contains(QLatin1String("dsseEnvelope"))) {
        s.content = QStringLiteral("DSSE envelope");
        const QJsonObject dsse = root.value(QLatin1String("dsseEnvelope")).toObject();
        s.payloadType = dsse.value(QLatin1String("payloadType")).toString();
        const QJsonObject statement =
            QJsonDocument::fromJson(
                QByteArray::fromBase64(dsse.value(QLatin1String("payload")).toString().toLatin1()))
                .object();
        s.predicateType = statement.value(QLatin1String("predicateType")).toString();
    } else if (root.contains(QLatin1String("messageSignature"))) {
        s.content = QStringLiteral("message signature");
    }
    return s;
}

} // namespace ocular::signatureinspector
