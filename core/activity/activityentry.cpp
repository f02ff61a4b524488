#include "activity/activityentry.h"

#include "base/error.h"

namespace ocular {

ActivityEntry ActivityEntry::now(const QString &action, const QString &registry,
                                 const QString &repository)
{
    ActivityEntry entry;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.action = action;
    entry.registry = registry;
    entry.repository = repository;
    return entry;
}

QJsonObject ActivityEntry::toJson() const
{
    QJsonObject object{{QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs)},
                       {QStringLiteral("action"), action}};
    const auto put = [&object](const char *key, const QString &value) {
        if (!value.isEmpty())
            object.insert(QLatin1String(key), value);
    };
    put("registry", registry);
    put("repository", repository);
    put("reference", reference);
    put("digest", digest);
    put("summary", summary);
    if (!details.isEmpty())
        object.insert(QStringLiteral("details"), details);
    return object;
}

Result<ActivityEntry> ActivityEntry::fromJson(const QJsonObject &object)
{
    ActivityEntry entry;
    entry.time =
        QDateTime::fromString(object.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    entry.action = object.value(QStringLiteral("action")).toString();
    if (!entry.time.isValid() || entry.action.isEmpty())
        return Error::make(ErrorKind::InvalidContent,
                           QStringLiteral("an activity entry needs a time and an action"));
    entry.time = entry.time.toUTC();
    entry.registry = object.value(QStringLiteral("registry")).toString();
    entry.repository = object.value(QStringLiteral("repository")).toString();
    entry.reference = object.value(QStringLiteral("reference")).toString();
    entry.digest = object.value(QStringLiteral("digest")).toString();
    entry.summary = object.value(QStringLiteral("summary")).toString();
    entry.details = object.value(QStringLiteral("details")).toObject();
    return entry;
}

} // namespace ocular
