#include "provenancesummary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace ocular {

namespace {

constexpr qsizetype MaxDocumentBytes = 16LL * 1024 * 1024;
// A provenance can list thousands of materials; a summary that long helps nobody.
constexpr int MaxMaterials = 500;
constexpr int MaxParameterLength = 300;

Error invalid(const QString &message)
{
    return Error::make(ErrorKind::InvalidContent, message);
}

/// SLSA timestamps carry nanoseconds (BuildKit); Qt reads at most milliseconds.
QDateTime parseTime(const QString &text)
{
    if (text.isEmpty())
        return {};
    static const QRegularExpression fraction(QStringLiteral("\\.(\\d{3})\\d+"));
    QString trimmed = text;
    trimmed.replace(fraction, QStringLiteral(".\\1"));
    QDateTime time = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

QString firstDigest(const QJsonObject &digests)
{
    // sha256 first when several are given: it is what registries address content by.
    if (digests.contains(QLatin1String("sha256")))
        return QStringLiteral("sha256:") + digests.value(QLatin1String("sha256")).toString();
    if (digests.isEmpty())
        return {};
    return digests.begin().key() + QLatin1Char(':') + digests.begin().value().toString();
}

QString scalarText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble());
    case QJsonValue::Array:
    case QJsonValue::Object: {
        const QByteArray json =
            value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                            : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(json);
    }
    default:
        return {};
    }
}

QString clipped(const QString &text)
{
    return text.size() > MaxParameterLength ? text.left(MaxParameterLength) + QChar(0x2026) : text;
}

/// "frontend = …" first, then "args.x = …" sorted: the request BuildKit records, flattened
/// one level, in either version's place for it.
QStringList parametersOf(const QJsonObject &request)
{
    QStringList first;
    QStringList rest;
    for (auto it = request.begin(); it != request.end(); ++it) {
        if (it.key() == QLatin1String("args") && it.value().isObject()) {
            const QJsonObject args = it.value().toObject();
            for (auto a = args.begin(); a != args.end(); ++a)
                rest << QStringLiteral("%1 = %2").arg(a.key(), clipped(scalarText(a.value())));
        } else if (it.key() == QLatin1String("frontend")) {
            first << QStringLiteral("frontend = %1").arg(clipped(scalarText(it.value())));
        } else if (!it.value().isNull()) {
            rest << QStringLiteral("%1 = %2").arg(it.key(), clipped(scalarText(it.value())));
        }
    }
    std::sort(rest.begin(), rest.end());
    return first + rest;
}

QList<ProvenanceMaterial> materialsOf(const QJsonArray &array)
{
    QList<ProvenanceMaterial> out;
    for (const QJsonValue &v : array) {
        if (out.size() >= MaxMaterials)
            break;
        const QJsonObject o = v.toObject();
        ProvenanceMaterial m;
        m.uri = o.value(QLatin1String("uri")).toString();
        if (m.uri.isEmpty())
            m.uri = o.value(QLatin1String("name")).toString();
        m.digest = firstDigest(o.value(QLatin1String("digest")).toObject());
        if (!m.uri.isEmpty() || !m.digest.isEmpty())
            out.append(m);
    }
    return out;
}

QString sourceText(const QJsonObject &source)
{
    QString uri = source.value(QLatin1String("uri")).toString();
    const QString digest = firstDigest(source.value(QLatin1String("digest")).toObject());
    if (!digest.isEmpty() && !uri.isEmpty())
        uri += QLatin1Char('@') + digest;
    return uri;
}

void readV02(const QJsonObject &predicate, ProvenanceSummary &s)
{
    s.builderId =
        predicate.value(QLatin1String("builder")).toObject().value(QLatin1String("id")).toString();
    s.buildType = predicate.value(QLatin1String("buildType")).toString();
    const QJsonObject invocation = predicate.value(QLatin1String("invocation")).toObject();
    const QJsonObject config = invocation.value(QLatin1String("configSource")).toObject();
    s.configSource = sourceText(config);
    s.entryPoint = config.value(QLatin1String("entryPoint")).toString();
    s.parameters = parametersOf(invocation.value(QLatin1String("parameters")).toObject());
    const QJsonObject metadata = predicate.value(QLatin1String("metadata")).toObject();
    s.invocationId = metadata.value(QLatin1String("buildInvocationID")).toString();
    s.startedOn = parseTime(metadata.value(QLatin1String("buildStartedOn")).toString());
    s.finishedOn = parseTime(metadata.value(QLatin1String("buildFinishedOn")).toString());
    if (metadata.value(QLatin1String("reproducible")).isBool())
        s.reproducible = metadata.value(QLatin1String("reproducible")).toBool();
    s.materials = materialsOf(predicate.value(QLatin1String("materials")).toArray());
}

void readV1(const QJsonObject &predicate, ProvenanceSummary &s)
{
    const QJsonObject definition = predicate.value(QLatin1String("buildDefinition")).toObject();
    const QJsonObject run = predicate.value(QLatin1String("runDetails")).toObject();
    s.builderId =
        run.value(QLatin1String("builder")).toObject().value(QLatin1String("id")).toString();
    s.buildType = definition.value(QLatin1String("buildType")).toString();
    const QJsonObject external = definition.value(QLatin1String("externalParameters")).toObject();
    // BuildKit: configSource{uri,digest,path} + request{frontend,args}; GitHub Actions:
    // workflow{repository,ref,path}. Anything else is listed as parameters.
    if (external.value(QLatin1String("configSource")).isObject()) {
        const QJsonObject config = external.value(QLatin1String("configSource")).toObject();
        s.configSource = sourceText(config);
        s.entryPoint = config.value(QLatin1String("path")).toString();
    } else if (external.value(QLatin1String("workflow")).isObject()) {
        const QJsonObject workflow = external.value(QLatin1String("workflow")).toObject();
        s.configSource = workflow.value(QLatin1String("repository")).toString();
        const QString ref = workflow.value(QLatin1String("ref")).toString();
        if (!ref.isEmpty())
            s.configSource += QLatin1Char('@') + ref;
        s.entryPoint = workflow.value(QLatin1String("path")).toString();
    }
    QJsonObject request = external.value(QLatin1String("request")).toObject();
    for (auto it = external.begin(); it != external.end(); ++it) {
        if (it.key() != QLatin1String("configSource") && it.key() != QLatin1String("workflow") &&
            it.key() != QLatin1String("request"))
            request.insert(it.key(), it.value());
    }
    s.parameters = parametersOf(request);
    const QJsonObject metadata = run.value(QLatin1String("metadata")).toObject();
    s.invocationId = metadata.value(QLatin1String("invocationId")).toString();
    s.startedOn = parseTime(metadata.value(QLatin1String("startedOn")).toString());
    s.finishedOn = parseTime(metadata.value(QLatin1String("finishedOn")).toString());
    s.materials = materialsOf(definition.value(QLatin1String("resolvedDependencies")).toArray());
}

} // namespace

bool ProvenanceSummary::isProvenancePredicate(const QString &predicateType)
{
    return predicateType.startsWith(QLatin1String("https://slsa.dev/provenance/"));
}

Result<ProvenanceSummary> ProvenanceSummary::parse(const QByteArray &json)
{
    if (json.size() > MaxDocumentBytes)
        return Error::make(ErrorKind::TooLarge,
                           QStringLiteral("The provenance is larger than %1 MiB.")
                               .arg(MaxDocumentBytes / (1024 * 1024)));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject())
        return invalid(QStringLiteral("The provenance is not a JSON object (%1).")
                           .arg(error.error == QJsonParseError::NoError ? QStringLiteral("an array")
                                                                        : error.errorString()));
    QJsonObject statement = doc.object();
    // A DSSE envelope (cosign attest, BuildKit with signing) carries the statement in base64.
    if (statement.contains(QLatin1String("payloadType")) &&
        statement.value(QLatin1String("payload")).isString()) {
        const auto payload = QByteArray::fromBase64Encoding(
            statement.value(QLatin1String("payload")).toString().toLatin1(),
            QByteArray::AbortOnBase64DecodingErrors);
        if (!payload)
            return invalid(QStringLiteral("The DSSE envelope's payload is not base64."));
        const QJsonDocument inner = QJsonDocument::fromJson(*payload);
        if (!inner.isObject())
            return invalid(QStringLiteral("The DSSE envelope's payload is not a JSON object."));
        statement = inner.object();
    }
    ProvenanceSummary s;
    s.predicateType = statement.value(QLatin1String("predicateType")).toString();
    if (!statement.value(QLatin1String("_type"))
             .toString()
             .startsWith(QLatin1String("https://in-toto.io/Statement/")))
        return invalid(QStringLiteral("Not an in-toto statement (no in-toto _type)."));
    if (!isProvenancePredicate(s.predicateType))
        return invalid(
            QStringLiteral("The statement's predicate is %1, not SLSA provenance.")
                .arg(s.predicateType.isEmpty() ? QStringLiteral("missing") : s.predicateType));
    const QJsonObject predicate = statement.value(QLatin1String("predicate")).toObject();
    for (const QJsonValue &v : statement.value(QLatin1String("subject")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString digest = firstDigest(o.value(QLatin1String("digest")).toObject());
        const QString name = o.value(QLatin1String("name")).toString();
        s.subjects << (digest.isEmpty() ? name : name + QLatin1Char('@') + digest);
    }
    if (s.predicateType.startsWith(QLatin1String("https://slsa.dev/provenance/v1"))) {
        s.slsaVersion = QStringLiteral("1");
        readV1(predicate, s);
    } else {
        s.slsaVersion = QStringLiteral("0.2");
        readV02(predicate, s);
    }
    return s;
}

} // namespace ocular
