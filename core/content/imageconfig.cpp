#include "imageconfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QTimeZone>

namespace ocular {

namespace {

Error invalidConfig(const QString &what)
{
    return Error::make(ErrorKind::InvalidContent,
                       QStringLiteral("The image config is not valid: %1.").arg(what));
}

// RFC 3339 with any number of fractional digits (Go writes nanoseconds), Z or an offset.
QDateTime parseRfc3339(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?"
                       "(?:([Zz])|([+-])(\\d{2}):(\\d{2}))$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return {};
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    int msec = 0;
    if (m.capturedLength(7) > 0)
        msec = QString(m.captured(7) + QStringLiteral("00")).left(3).toInt();
    int second = m.captured(6).toInt();
    if (second == 60) // leap second: clamp rather than reject
        second = 59;
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), second, msec);
    if (!date.isValid() || !time.isValid())
        return {};
    int offsetSeconds = 0;
    if (m.capturedLength(8) == 0) {
        const int hours = m.captured(10).toInt();
        const int minutes = m.captured(11).toInt();
        if (hours > 23 || minutes > 59)
            return {};
        offsetSeconds = (hours * 60 + minutes) * 60;
        if (m.captured(9) == QLatin1String("-"))
            offsetSeconds = -offsetSeconds;
    }
    QDateTime utc(date, time, QTimeZone::utc());
    return utc.addSecs(-offsetSeconds);
}

bool readString(const QJsonObject &o, QLatin1String key, QString &out)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isString())
        return false;
    out = v.toString();
    return true;
}

bool readStringList(const QJsonObject &o, QLatin1String key, QStringList &out)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isArray())
        return false;
    const QJsonArray array = v.toArray();
    for (const QJsonValue &e : array) {
        if (!e.isString())
            return false;
        out << e.toString();
    }
    return true;
}

} // namespace

Result<ImageConfig> ImageConfig::parse(const QByteArray &raw)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(raw, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalidConfig(QStringLiteral("JSON error at offset %1: %2")
                                 .arg(parseError.offset)
                                 .arg(parseError.errorString()));
    if (!doc.isObject())
        return invalidConfig(QStringLiteral("the document is not a JSON object"));
    const QJsonObject root = doc.object();

    ImageConfig c;
    QString created;
    if (!readString(root, QLatin1String("created"), created))
        return invalidConfig(QStringLiteral("\"created\" must be a string"));
    c.created = parseRfc3339(created);
    if (!readString(root, QLatin1String("author"), c.author))
        return invalidConfig(QStringLiteral("\"author\" must be a string"));
    if (!readString(root, QLatin1String("os"), c.os))
        return invalidConfig(QStringLiteral("\"os\" must be a string"));
    if (!readString(root, QLatin1String("architecture"), c.architecture))
        return invalidConfig(QStringLiteral("\"architecture\" must be a string"));
    if (!readString(root, QLatin1String("variant"), c.variant))
        return invalidConfig(QStringLiteral("\"variant\" must be a string"));

    const QJsonValue configValue = root.value(QLatin1String("config"));
    if (configValue.isObject()) {
        const QJsonObject config = configValue.toObject();
        if (!readStringList(config, QLatin1String("Env"), c.env))
            return invalidConfig(QStringLiteral("\"config.Env\" must be an array of strings"));
        if (!readStringList(config, QLatin1String("Entrypoint"), c.entrypoint))
            return invalidConfig(
                QStringLiteral("\"config.Entrypoint\" must be an array of strings"));
        if (!readStringList(config, QLatin1String("Cmd"), c.cmd))
            return invalidConfig(QStringLiteral("\"config.Cmd\" must be an array of strings"));
        if (!readString(config, QLatin1String("WorkingDir"), c.workingDir))
            return invalidConfig(QStringLiteral("\"config.WorkingDir\" must be a string"));
        if (!readString(config, QLatin1String("User"), c.user))
            return invalidConfig(QStringLiteral("\"config.User\" must be a string"));
        const QJsonValue labels = config.value(QLatin1String("Labels"));
        if (labels.isObject()) {
            const QJsonObject o = labels.toObject();
            for (auto it = o.begin(); it != o.end(); ++it) {
                if (!it.value().isString())
                    return invalidConfig(QStringLiteral("the label \"%1\" must be a string")
                                             .arg(it.key().left(200)));
                c.labels.insert(it.key(), it.value().toString());
            }
        } else if (!labels.isUndefined() && !labels.isNull()) {
            return invalidConfig(QStringLiteral("\"config.Labels\" must be an object"));
        }
    } else if (!configValue.isUndefined() && !configValue.isNull()) {
        return invalidConfig(QStringLiteral("\"config\" must be an object"));
    }

    const QJsonValue history = root.value(QLatin1String("history"));
    if (history.isArray()) {
        const QJsonArray array = history.toArray();
        c.historyCount = int(array.size());
        for (const QJsonValue &h : array) {
            if (h.toObject().value(QLatin1String("empty_layer")).toBool())
                ++c.emptyLayerCount;
        }
    } else if (!history.isUndefined() && !history.isNull()) {
        return invalidConfig(QStringLiteral("\"history\" must be an array"));
    }

    const QJsonValue rootfs = root.value(QLatin1String("rootfs"));
    if (rootfs.isObject()) {
        if (!readStringList(rootfs.toObject(), QLatin1String("diff_ids"), c.diffIds))
            return invalidConfig(QStringLiteral("\"rootfs.diff_ids\" must be an array of strings"));
    } else if (!rootfs.isUndefined() && !rootfs.isNull()) {
        return invalidConfig(QStringLiteral("\"rootfs\" must be an object"));
    }
    return c;
}

} // namespace ocular
