#include "cleanup/cleanuppolicy.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>

namespace ocular {

namespace {

constexpr qsizetype MaxPolicyBytes = 1024 * 1024;
constexpr CleanupClass DefaultClasses[] = {CleanupClass::DanglingImage,
                                           CleanupClass::OrphanedReferrer,
                                           CleanupClass::ReplacedFallbackIndex};

Error invalid(const QString &message)
{
    return Error::make(ErrorKind::InvalidInput, message);
}

/// `*` any run of characters (slashes too: `team/*` covers `team/a/b`), `?` one; the rest
/// literal. Qt's wildcard conversion treats `/` as a path separator, which repository names
/// and media types are not.
bool globMatches(const QString &pattern, const QString &value)
{
    QString re;
    for (const QChar c : pattern) {
        if (c == QLatin1Char('*'))
            re += QStringLiteral(".*");
        else if (c == QLatin1Char('?'))
            re += QLatin1Char('.');
        else
            re += QRegularExpression::escape(QString(c));
    }
    return QRegularExpression(QRegularExpression::anchoredPattern(re),
                              QRegularExpression::DotMatchesEverythingOption)
        .match(value)
        .hasMatch();
}

bool matchesAny(const QStringList &patterns, const QString &value)
{
    return std::any_of(patterns.begin(), patterns.end(),
                       [&](const QString &pattern) { return globMatches(pattern, value); });
}

/// A list of strings under `key`, or why it is not one.
Result<QStringList> stringList(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return QStringList();
    if (!value.isArray())
        return invalid(QStringLiteral("policy: \"%1\" must be an array of strings").arg(key));
    QStringList out;
    for (const QJsonValue &v : value.toArray()) {
        if (!v.isString() || v.toString().isEmpty())
            return invalid(
                QStringLiteral("policy: \"%1\" must hold non-empty strings only").arg(key));
        out.append(v.toString());
    }
    return out;
}

QString sizeText(qint64 bytes)
{
    return QStringLiteral("%1 bytes").arg(bytes);
}

} // namespace

QString CleanupPolicy::AnnotationFilter::text() const
{
    return key + (isRegex ? QLatin1Char('~') : QLatin1Char('=')) +
           (isRegex ? regex.pattern() : value);
}

Result<CleanupPolicy::AnnotationFilter> CleanupPolicy::AnnotationFilter::parse(const QString &text)
{
    // The first of '=' or '~' splits: keys are reverse-DNS names, which hold neither.
    const qsizetype eq = text.indexOf(QLatin1Char('='));
    const qsizetype tilde = text.indexOf(QLatin1Char('~'));
    qsizetype at = eq < 0 ? tilde : (tilde < 0 ? eq : qMin(eq, tilde));
    if (at <= 0)
        return invalid(QStringLiteral("annotation filter \"%1\": write key=value or key~regex")
                           .arg(text.left(200)));
    AnnotationFilter f;
    f.key = text.left(at).trimmed();
    f.isRegex = text.at(at) == QLatin1Char('~');
    const QString rest = text.mid(at + 1);
    if (f.key.isEmpty())
        return invalid(QStringLiteral("annotation filter \"%1\": the key is empty").arg(text));
    if (f.isRegex) {
        f.regex = QRegularExpression(rest);
        if (!f.regex.isValid())
            return invalid(QStringLiteral("annotation filter \"%1\": %2")
                               .arg(text.left(200), f.regex.errorString()));
    } else {
        f.value = rest;
    }
    return f;
}

QList<CleanupClass> CleanupPolicy::effectiveClasses() const
{
    if (!classes.isEmpty())
        return classes;
    return QList<CleanupClass>(std::begin(DefaultClasses), std::end(DefaultClasses));
}

Result<CleanupPolicy> CleanupPolicy::fromJson(const QByteArray &json)
{
    if (json.size() > MaxPolicyBytes)
        return invalid(QStringLiteral("policy: larger than 1 MiB"));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalid(QStringLiteral("policy: not JSON (%1 at offset %2)")
                           .arg(parseError.errorString())
                           .arg(parseError.offset));
    if (!document.isObject())
        return invalid(QStringLiteral("policy: must be a JSON object"));
    const QJsonObject o = document.object();
    static const QStringList known{QStringLiteral("name"),          QStringLiteral("classes"),
                                   QStringLiteral("olderThanDays"), QStringLiteral("minSize"),
                                   QStringLiteral("artifactTypes"), QStringLiteral("annotations"),
                                   QStringLiteral("repositories")};
    // A misspelt filter would silently select more than meant: refuse it.
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!known.contains(it.key()))
            return invalid(QStringLiteral("policy: unknown key \"%1\" (known: %2)")
                               .arg(it.key().left(100), known.join(QStringLiteral(", "))));
    CleanupPolicy p;
    if (o.contains(QStringLiteral("name"))) {
        if (!o.value(QStringLiteral("name")).isString())
            return invalid(QStringLiteral("policy: \"name\" must be a string"));
        p.name = o.value(QStringLiteral("name")).toString();
    }
    auto classNames = stringList(o, QStringLiteral("classes"));
    if (!classNames)
        return classNames.error();
    for (const QString &n : classNames.value()) {
        const auto kind = cleanupClassFromName(n);
        if (!kind)
            return invalid(QStringLiteral("policy: unknown class \"%1\"").arg(n.left(100)));
        if (cleanupClassInUse(*kind))
            return invalid(QStringLiteral("policy: \"%1\" is in use and is never deleted").arg(n));
        if (!p.classes.contains(*kind))
            p.classes.append(*kind);
    }
    auto nonNegative = [&](const QString &key) -> Result<std::optional<qint64>> {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return std::optional<qint64>();
        if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() != double(v.toInteger()))
            return invalid(QStringLiteral("policy: \"%1\" must be a whole number ≥ 0").arg(key));
        return std::optional<qint64>(v.toInteger());
    };
    auto days = nonNegative(QStringLiteral("olderThanDays"));
    if (!days)
        return days.error();
    if (days.value()) {
        if (*days.value() > 100000)
            return invalid(QStringLiteral("policy: \"olderThanDays\" is too large"));
        p.olderThanDays = int(*days.value());
    }
    auto size = nonNegative(QStringLiteral("minSize"));
    if (!size)
        return size.error();
    p.minSize = size.value();
    auto types = stringList(o, QStringLiteral("artifactTypes"));
    if (!types)
        return types.error();
    p.artifactTypes = types.value();
    auto repositories = stringList(o, QStringLiteral("repositories"));
    if (!repositories)
        return repositories.error();
    p.repositories = repositories.value();
    auto annotations = stringList(o, QStringLiteral("annotations"));
    if (!annotations)
        return annotations.error();
    for (const QString &text : annotations.value()) {
        auto filter = AnnotationFilter::parse(text);
        if (!filter)
            return invalid(QStringLiteral("policy: %1").arg(filter.error().message));
        p.annotations.append(filter.value());
    }
    return p;
}

Result<CleanupPolicy> CleanupPolicy::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return invalid(
            QStringLiteral("policy %1: cannot read it (%2)").arg(path, file.errorString()));
    auto policy = fromJson(file.read(MaxPolicyBytes + 1));
    if (!policy)
        return invalid(QStringLiteral("%1: %2").arg(path, policy.error().message));
    return policy;
}

QByteArray CleanupPolicy::toJson() const
{
    QJsonObject o;
    if (!name.isEmpty())
        o.insert(QStringLiteral("name"), name);
    QJsonArray classNames;
    for (CleanupClass c : classes)
        classNames.append(cleanupClassName(c));
    if (!classNames.isEmpty())
        o.insert(QStringLiteral("classes"), classNames);
    if (olderThanDays)
        o.insert(QStringLiteral("olderThanDays"), *olderThanDays);
    if (minSize)
        o.insert(QStringLiteral("minSize"), *minSize);
    if (!artifactTypes.isEmpty())
        o.insert(QStringLiteral("artifactTypes"), QJsonArray::fromStringList(artifactTypes));
    QStringList annotationTexts;
    for (const AnnotationFilter &f : annotations)
        annotationTexts.append(f.text());
    if (!annotationTexts.isEmpty())
        o.insert(QStringLiteral("annotations"), QJsonArray::fromStringList(annotationTexts));
    if (!repositories.isEmpty())
        o.insert(QStringLiteral("repositories"), QJsonArray::fromStringList(repositories));
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

Result<Done> CleanupPolicy::save(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toJson()) < 0 || !file.commit())
        return invalid(
            QStringLiteral("policy %1: cannot write it (%2)").arg(path, file.errorString()));
    return Done{};
}

CleanupPolicy::Verdict CleanupPolicy::judge(const CleanupCandidate &candidate,
                                            const QString &repository, const QDateTime &now) const
{
    if (cleanupClassInUse(candidate.kind))
        return {false,
                QStringLiteral("in use (%1): never deleted").arg(cleanupClassName(candidate.kind))};
    if (!effectiveClasses().contains(candidate.kind))
        return {false, QStringLiteral("the policy does not select the class %1")
                           .arg(cleanupClassName(candidate.kind))};
    if (!repositories.isEmpty() && !matchesAny(repositories, repository))
        return {false, QStringLiteral("the repository %1 matches none of %2")
                           .arg(repository, repositories.join(QStringLiteral(", ")))};
    QStringList reasons{cleanupClassName(candidate.kind)};
    if (olderThanDays) {
        if (!candidate.created.isValid())
            return {false, QStringLiteral("its age is unknown (the policy asks for older than "
                                          "%1 days)")
                               .arg(*olderThanDays)};
        const qint64 age = candidate.created.daysTo(now);
        if (age < *olderThanDays)
            return {false, QStringLiteral("%1 days old, the policy asks for older than %2")
                               .arg(age)
                               .arg(*olderThanDays)};
        reasons.append(QStringLiteral("%1 days old (%2)").arg(age).arg(candidate.createdFrom));
    }
    if (minSize) {
        if (candidate.reclaimable < 0)
            return {false, QStringLiteral("its size is unknown (the policy asks for at least %1)")
                               .arg(sizeText(*minSize))};
        if (candidate.reclaimable < *minSize)
            return {false, QStringLiteral("frees %1, the policy asks for at least %2")
                               .arg(sizeText(candidate.reclaimable), sizeText(*minSize))};
        reasons.append(QStringLiteral("frees %1").arg(sizeText(candidate.reclaimable)));
    }
    if (!artifactTypes.isEmpty()) {
        if (!matchesAny(artifactTypes, candidate.artifactType))
            return {false,
                    QStringLiteral("its artifact type \"%1\" matches none of %2")
                        .arg(candidate.artifactType, artifactTypes.join(QStringLiteral(", ")))};
        reasons.append(QStringLiteral("artifact type %1").arg(candidate.artifactType));
    }
    for (const AnnotationFilter &f : annotations) {
        const auto value = candidate.annotations.constFind(f.key);
        const bool holds = value != candidate.annotations.constEnd() &&
                           (f.isRegex ? f.regex.match(*value).hasMatch() : *value == f.value);
        if (!holds)
            return {false, QStringLiteral("the annotation filter %1 does not hold").arg(f.text())};
        reasons.append(f.text());
    }
    return {true, QStringLiteral("selected: %1").arg(reasons.join(QStringLiteral("; ")))};
}

int CleanupPolicy::apply(QList<CleanupCandidate> &candidates, const QString &repository,
                         const QDateTime &now) const
{
    int selected = 0;
    for (CleanupCandidate &c : candidates) {
        const Verdict v = judge(c, repository, now);
        c.selected = v.selected;
        c.verdict = v.why;
        selected += v.selected ? 1 : 0;
    }
    return selected;
}

std::optional<CleanupClass> cleanupClassFromName(const QString &name)
{
    for (CleanupClass c : {CleanupClass::ChildOfTaggedIndex, CleanupClass::ReferrerOfLiveSubject,
                           CleanupClass::OrphanedReferrer, CleanupClass::ReplacedFallbackIndex,
                           CleanupClass::DanglingImage, CleanupClass::Unknown})
        if (cleanupClassName(c) == name)
            return c;
    return std::nullopt;
}

} // namespace ocular
