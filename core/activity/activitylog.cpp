#include "activity/activitylog.h"

#include "base/error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>

namespace ocular {

ActivityLog::ActivityLog(QString path)
    : m_path(std::move(path))
{}

QString ActivityLog::defaultPath()
{
    // The generic location, not the per-application one: the GUI and the CLI are two programs
    // with one log.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/ocular/activity.jsonl");
}

Result<Done> ActivityLog::append(const ActivityEntry &entry) const
{
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(dir))
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("Cannot create the activity log's folder %1.").arg(dir));
    QFile file(m_path);
    const bool existed = file.exists();
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered))
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("Cannot write the activity log %1: %2.")
                               .arg(m_path, file.errorString()));
    if (!existed)
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QByteArray line = QJsonDocument(entry.toJson()).toJson(QJsonDocument::Compact);
    line.append('\n');
    // One write call: O_APPEND puts the whole line at the end, even with another writer.
    if (file.write(line) != line.size())
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("Cannot write the activity log %1: %2.")
                               .arg(m_path, file.errorString()));
    return Done{};
}

Result<ActivityLog::Contents> ActivityLog::read(int limit) const
{
    Contents contents;
    QFile file(m_path);
    if (!file.exists())
        return contents;
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(
            ErrorKind::InvalidInput,
            QStringLiteral("Cannot read the activity log %1: %2.").arg(m_path, file.errorString()));
    while (!file.atEnd()) {
        const QByteArray line = file.readLine(MaxLineBytes + 1);
        // readLine stops short of its limit, so a cut line is one without its newline that is
        // not the file's last.
        if (!line.endsWith('\n') && !file.atEnd()) {
            // The rest of an over-long line is skipped, not read as lines of its own.
            while (!file.atEnd() && !file.readLine(MaxLineBytes + 1).endsWith('\n')) {
            }
            ++contents.skippedLines;
            continue;
        }
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        auto entry = doc.isObject() ? ActivityEntry::fromJson(doc.object())
                                    : Result<ActivityEntry>(Error::make(
                                          ErrorKind::InvalidContent, QStringLiteral("not JSON")));
        if (!entry) {
            ++contents.skippedLines;
            continue;
        }
        contents.entries.append(std::move(entry.value()));
        if (limit > 0 && contents.entries.size() > 2 * limit)
            contents.entries.remove(0, contents.entries.size() - limit);
    }
    if (limit > 0 && contents.entries.size() > limit)
        contents.entries.remove(0, contents.entries.size() - limit);
    return contents;
}

} // namespace ocular
