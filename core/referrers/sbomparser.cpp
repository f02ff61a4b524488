#include "sbomparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ocular {

int SbomDocument::licensedCount() const
{
    int n = 0;
    for (const SbomPackage &p : packages)
        n += p.license.isEmpty() ? 0 : 1;
    return n;
}

namespace sbomparser {

namespace {

QString purlType(const QString &purl)
{
    if (!purl.startsWith(QLatin1String("pkg:")))
        return QString();
    const qsizetype slash = purl.indexOf(QLatin1Char('/'), 4);
    return slash > 4 ? purl.mid(4, slash - 4) : QString();
}

bool meaningful(const QString &license)
{
    return !license.isEmpty() && license != QLatin1String("NOASSERTION") &&
           license != QLatin1String("NONE");
}

SbomDocument parseSpdx(const QJsonObject &doc)
{
    SbomDocument out;
    out.format = doc.value(QLatin1String("spdxVersion"))
                     .toString()
                     .replace(QLatin1Char('-'), QLatin1Char(' '));
    out.name = doc.value(QLatin1String("name")).toString();
    const QJsonArray packages = doc.value(QLatin1String("packages")).toArray();
    out.packages.reserve(packages.size());
    for (const QJsonValue &value : packages) {
        const QJsonObject p = value.toObject();
        SbomPackage row;
        row.name = p.value(QLatin1String("name")).toString();
        row.version = p.value(QLatin1String("versionInfo")).toString();
        const QString concluded = p.value(QLatin1String("licenseConcluded")).toString();
        const QString declared = p.value(QLatin1String("licenseDeclared")).toString();
        row.license = meaningful(concluded)  ? concluded
                      : meaningful(declared) ? declared
                                             : QString();
        const QJsonArray refs = p.value(QLatin1String("externalRefs")).toArray();
        for (const QJsonValue &ref : refs) {
            const QJsonObject r = ref.toObject();
            if (r.value(QLatin1String("referenceType")).toString() == QLatin1String("purl")) {
                row.purl = r.value(QLatin1String("referenceLocator")).toString();
                break;
            }
        }
        row.type = purlType(row.purl);
        if (row.type.isEmpty())
            row.type = p.value(QLatin1String("primaryPackagePurpose")).toString().toLower();
        out.packages.append(std::move(row));
    }
    return out;
}

void addComponents(const QJsonArray &components, QList<SbomPackage> &out)
{
    for (const QJsonValue &value : components) {
        const QJsonObject c = value.toObject();
        SbomPackage row;
        const QString group = c.value(QLatin1String("group")).toString();
        row.name = c.value(QLatin1String("name")).toString();
        if (!group.isEmpty())
            row.name = group + QLatin1Char('/') + row.name;
        row.version = c.value(QLatin1String("version")).toString();
        QStringList licenses;
        const QJsonArray list = c.value(QLatin1String("licenses")).toArray();
        for (const QJsonValue &l : list) {
            const QJsonObject entry = l.toObject();
            if (entry.contains(QLatin1String("expression"))) {
                licenses << entry.value(QLatin1String("expression")).toString();
                continue;
            }
            const QJsonObject license = entry.value(QLatin1String("license")).toObject();
            const QString id = license.value(QLatin1String("id")).toString();
            licenses << (id.isEmpty() ? license.value(QLatin1String("name")).toString() : id);
        }
        licenses.removeAll(QString());
        row.license = licenses.join(QStringLiteral(" OR "));
        row.purl = c.value(QLatin1String("purl")).toString();
        row.type = purlType(row.purl);
        if (row.type.isEmpty())
            row.type = c.value(QLatin1String("type")).toString();
        out.append(std::move(row));
        addComponents(c.value(QLatin1String("components")).toArray(), out);
    }
}

SbomDocument parseCycloneDx(const QJsonObject &doc)
{
    SbomDocument out;
    out.format = QStringLiteral("CycloneDX ") + doc.value(QLatin1String("specVersion")).toString();
    out.name = doc.value(QLatin1String("metadata"))
                   .toObject()
                   .value(QLatin1String("component"))
                   .toObject()
                   .value(QLatin1String("name"))
                   .toString();
    addComponents(doc.value(QLatin1String("components")).toArray(), out.packages);
    return out;
}

Result<SbomDocument> parseObject(const QJsonObject &doc, const QString &wrapper, int level)
{
    if (doc.contains(QLatin1String("spdxVersion"))) {
        SbomDocument out = parseSpdx(doc);
        out.wrapper = wrapper;
        return out;
    }
    if (doc.value(QLatin1String("bomFormat")).toString() == QLatin1String("CycloneDX")) {
        SbomDocument out = parseCycloneDx(doc);
        out.wrapper = wrapper;
        return out;
    }
    if (level < 2 && doc.contains(QLatin1String("predicate")) &&
        doc.value(QLatin1String("_type")).toString().contains(QLatin1String("in-toto"))) {
        return parseObject(doc.value(QLatin1String("predicate")).toObject(),
                           wrapper.isEmpty() ? QStringLiteral("in-toto statement")
                                             : wrapper + QStringLiteral(" + in-toto statement"),
                           level + 1);
    }
    if (level < 2 && doc.contains(QLatin1String("payloadType")) &&
        doc.contains(QLatin1String("payload"))) {
        const QByteArray inner =
            QByteArray::fromBase64(doc.value(QLatin1String("payload")).toString().toLatin1());
        return parseObject(QJsonDocument::fromJson(inner).object(), QStringLiteral("DSSE envelope"),
                           level + 1);
    }
    return Error::make(ErrorKind::InvalidContent,
                       QStringLiteral("This is neither SPDX JSON nor CycloneDX JSON."));
}

} // namespace

Result<SbomDocument> parse(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject())
        return Error::make(
            ErrorKind::InvalidContent,
            QStringLiteral("The SBOM is not a JSON object (%1).").arg(error.errorString()));
    return parseObject(doc.object(), QString(), 0);
}

} // namespace sbomparser
} // namespace ocular
