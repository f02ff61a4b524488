#include "blobdeletecommand.h"

#include "activity/activityrecords.h"
#include "activityrecord.h"
#include "clioutput.h"

#include "reference/nametext.h"
#include "source/contentsource.h"
#include "write/blobdeletioncheck.h"
#include "write/storagenote.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTextStream>
#include <cstdio>
#include <unistd.h>

namespace ocular {

namespace {

using clioutput::Program;

void err(const QString &text)
{
    // Error text can quote what a server sent: no control character reaches the terminal.
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines)
        line = nametext::printable(line, 4000);
    clioutput::err(lines.join(QLatin1Char('\n')));
}

QString json(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

QString blobNote()
{
    return storagenote::afterDelete(QStringLiteral("a deleted blob"));
}

} // namespace

BlobDeleteCommand::BlobDeleteCommand(ContentSource *source, const Reference &reference,
                                     const Flags &flags, QObject *parent)
    : QObject(parent)
    , m_source(source)
    , m_reference(reference)
    , m_flags(flags)
{}

void BlobDeleteCommand::start()
{
    auto *check = new BlobDeletionCheck(m_source, this);
    check->check(m_reference.repository(), m_reference.digest(), this,
                 [this, check](Result<BlobUsage> usage) {
                     check->deleteLater();
                     if (!usage)
                         return fail(usage.error().toString() +
                                     QStringLiteral(" Nothing was changed."));
                     checked(usage.value());
                 });
}

void BlobDeleteCommand::checked(const BlobUsage &usage)
{
    if (m_flags.json) {
        if (m_flags.dryRun || usage.isUsed() || usage.isManifest)
            clioutput::out(json(usage.toJson()));
    } else {
        clioutput::out(usage.toText());
    }
    // Not even --force: DELETE /blobs/ is not how a manifest goes (docker-registry keeps it
    // and its tags), and the user meant something else.
    if (usage.isManifest)
        return fail(QStringLiteral("this digest names a manifest of %1, not a blob; delete it "
                                   "with `ocular-cli delete REPO@DIGEST` (without --blob). "
                                   "Nothing was changed.")
                        .arg(usage.repository));
    if (m_flags.dryRun) {
        err(QStringLiteral("%1: delete --blob: dry run: nothing was changed.")
                .arg(QLatin1String(Program)));
        return finish(0);
    }
    if (usage.isUsed() && !m_flags.force) {
        // Named here too: with --format json the list above is on stdout, not beside this.
        QStringList named;
        for (const BlobUsage::User &user : usage.users.mid(0, 5))
            named << user.manifest.toString();
        if (usage.users.size() > named.size())
            named << QStringLiteral("%1 more").arg(usage.users.size() - named.size());
        return fail(QStringLiteral("the blob is still used by %1 manifest(s): %2; they would "
                                   "no longer pull. Pass --force to delete it anyway. Nothing "
                                   "was changed.")
                        .arg(usage.users.size())
                        .arg(named.join(QStringLiteral(", "))));
    }
    if (usage.isUsed())
        err(QStringLiteral("%1: delete --blob: --force: deleting a blob %2 manifest(s) still "
                           "use; they will no longer pull.")
                .arg(QLatin1String(Program))
                .arg(usage.users.size()));
    bool noTerminal = false;
    if (!m_flags.yes && !confirmed(usage, &noTerminal)) {
        if (noTerminal) {
            err(QStringLiteral("%1: delete --blob: refusing to delete without confirmation: "
                               "standard input is not a terminal; review the check (--dry-run) "
                               "and pass --yes. Nothing was changed.")
                    .arg(QLatin1String(Program)));
            return finish(2);
        }
        err(QStringLiteral("%1: delete --blob: not confirmed; nothing was changed.")
                .arg(QLatin1String(Program)));
        return finish(1);
    }
    execute(usage);
}

bool BlobDeleteCommand::confirmed(const BlobUsage &usage, bool *noTerminal)
{
    if (!isatty(fileno(stdin))) {
        *noTerminal = true;
        return false;
    }
    // With --format json the check may not be on stdout: a person confirms what they saw.
    if (m_flags.json)
        err(usage.toText());
    err(QStringLiteral("Delete the blob %1 from %2? [y/N] ")
            .arg(usage.blob.toString(), usage.repository));
    // The CLI runs one command: blocking on the terminal here holds up nothing else.
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed().toLower();
    return answer == QLatin1String("y") || answer == QLatin1String("yes");
}

void BlobDeleteCommand::execute(const BlobUsage &usage)
{
    m_source->deleteBlob(usage.repository, usage.blob, this, [this, usage](Result<Done> deleted) {
        if (!deleted)
            return fail(deleted.error().toString());
        activityrecord::record(
            activityrecords::blobDeleted(m_reference.registry(), usage, usage.isUsed()));
        if (m_flags.json)
            clioutput::out(json(QJsonObject{{QStringLiteral("check"), usage.toJson()},
                                            {QStringLiteral("deleted"), true},
                                            {QStringLiteral("storageNote"), blobNote()}}));
        else
            clioutput::out(QStringLiteral("Deleted the blob %1 from %2.\n%3\n")
                               .arg(usage.blob.toString(), usage.repository, blobNote()));
        finish(0);
    });
}

void BlobDeleteCommand::fail(const QString &message)
{
    err(QStringLiteral("%1: delete --blob %2: %3")
            .arg(QLatin1String(Program), nametext::printable(m_reference.toString(), 400),
                 message));
    finish(1);
}

void BlobDeleteCommand::finish(int code)
{
    QMetaObject::invokeMethod(
        QCoreApplication::instance(), [code] { QCoreApplication::exit(code); },
        Qt::QueuedConnection);
}

} // namespace ocular
