#include "cleanup/cleanuprunreport.h"

#include <QJsonArray>

namespace ocular {

namespace {

QByteArray csvField(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    // Spreadsheets run a cell starting with = + - @ as a formula: a registry's words must not.
    if (!bytes.isEmpty() && QByteArrayLiteral("=+-@").contains(bytes.front()))
        bytes.prepend('\'');
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n') ||
        bytes.contains('\r') || bytes.startsWith('\'')) {
        bytes.replace("\"", "\"\"");
        return '"' + bytes + '"';
    }
    return bytes;
}

} // namespace

int CleanupRunReport::count(Item::State state) const
{
    return int(std::count_if(items.begin(), items.end(),
                             [state](const Item &i) { return i.state == state; }));
}

qint64 CleanupRunReport::deletedBytes() const
{
    qint64 total = 0;
    for (const Item &i : items)
        if (i.state == Item::State::Deleted && i.reclaimable > 0)
            total += i.reclaimable;
    return total;
}

QString CleanupRunReport::stateName(Item::State state)
{
    switch (state) {
    case Item::State::Deleted:
        return QStringLiteral("deleted");
    case Item::State::AlreadyGone:
        return QStringLiteral("already gone");
    case Item::State::Skipped:
        return QStringLiteral("skipped");
    case Item::State::Failed:
        return QStringLiteral("failed");
    case Item::State::NotAttempted:
        break;
    }
    return QStringLiteral("not attempted");
}

QJsonObject CleanupRunReport::toJson() const
{
    QJsonArray array;
    for (const Item &i : items)
        array.append(QJsonObject{
            {QStringLiteral("digest"), i.digest.toString()},
            {QStringLiteral("class"), cleanupClassName(i.kind)},
            {QStringLiteral("state"), stateName(i.state)},
            {QStringLiteral("reclaimable"),
             i.reclaimable >= 0 ? QJsonValue(i.reclaimable) : QJsonValue()},
            {QStringLiteral("reason"), i.reason},
        });
    QJsonObject o{
        {QStringLiteral("repository"), repository},
        {QStringLiteral("items"), array},
        {QStringLiteral("deleted"), count(Item::State::Deleted)},
        {QStringLiteral("alreadyGone"), count(Item::State::AlreadyGone)},
        {QStringLiteral("skipped"), count(Item::State::Skipped)},
        {QStringLiteral("failed"), count(Item::State::Failed)},
        {QStringLiteral("notAttempted"), count(Item::State::NotAttempted)},
        {QStringLiteral("deletedBytes"), deletedBytes()},
        {QStringLiteral("cancelled"), cancelled},
        {QStringLiteral("notes"), QJsonArray::fromStringList(notes)},
    };
    if (!backupDirectory.isEmpty()) {
        o.insert(QStringLiteral("backupDirectory"), backupDirectory);
        o.insert(QStringLiteral("backedUp"), backedUp);
    }
    if (!storageNote.isEmpty())
        o.insert(QStringLiteral("storageNote"), storageNote);
    return o;
}

QByteArray CleanupRunReport::toCsv() const
{
    QByteArray out("digest,class,state,reclaimable,reason\r\n");
    for (const Item &i : items) {
        out += csvField(i.digest.toString()) + ',' + csvField(cleanupClassName(i.kind)) + ',' +
               csvField(stateName(i.state)) + ',' +
               (i.reclaimable >= 0 ? QByteArray::number(i.reclaimable) : QByteArray()) + ',' +
               csvField(i.reason) + "\r\n";
    }
    return out;
}

QString CleanupRunReport::toText() const
{
    QString text = QStringLiteral("%1: %2 deleted (%3 bytes reclaimable), %4 already gone, %5 "
                                  "skipped, %6 failed, %7 not attempted.")
                       .arg(repository)
                       .arg(count(Item::State::Deleted))
                       .arg(deletedBytes())
                       .arg(count(Item::State::AlreadyGone))
                       .arg(count(Item::State::Skipped))
                       .arg(count(Item::State::Failed))
                       .arg(count(Item::State::NotAttempted));
    if (cancelled)
        text += QStringLiteral(" The run was cancelled.");
    if (!backupDirectory.isEmpty())
        text += QStringLiteral(" %1 manifests were backed up to the OCI layout %2 first.")
                    .arg(backedUp)
                    .arg(backupDirectory);
    for (const QString &note : notes)
        text += QLatin1Char(' ') + note;
    if (!storageNote.isEmpty())
        text += QLatin1Char(' ') + storageNote;
    return text;
}

} // namespace ocular
