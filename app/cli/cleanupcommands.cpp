#include "cleanupcommands.h"

#include "clioutput.h"

#include "cleanup/cleanupcandidates.h"
#include "cleanup/cleanupdiscovery.h"
#include "cleanup/cleanupexecutor.h"
#include "cleanup/distributionstoragescan.h"
#include "cleanup/importeddigests.h"
#include "content/mediatype.h"
#include "history/taghistorystore.h"
#include "reference/nametext.h"
#include "registry/registryendpoint.h"
#include "stack/registrystack.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>
#include <cstdio>
#include <unistd.h>

namespace ocular {

using clioutput::err;
using clioutput::Program;
using clioutput::writeOut;

namespace {

QString timeText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

/// Left-aligned columns, two spaces apart.
QString table(const QStringList &header, const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QString &h : header)
        widths.append(h.size());
    for (const QStringList &row : rows)
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = qMax(widths[i], row[i].size());
    auto line = [&](const QStringList &cells) -> QString {
        QString text;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            if (i + 1 < cells.size())
                text += cells[i].leftJustified(widths[i]) + QStringLiteral("  ");
            else
                text += cells[i];
        }
        return text + QLatin1Char('\n');
    };
    QString text = line(header);
    for (const QStringList &row : rows)
        text += line(row);
    return text;
}

} // namespace

CleanupCommands::CleanupCommands(StackFactory stackFor, std::shared_ptr<TagHistoryStore> history,
                                 QObject *parent)
    : QObject(parent)
    , m_stackFor(std::move(stackFor))
    , m_history(std::move(history))
{}

void CleanupCommands::addOptions(QCommandLineParser &parser)
{
    // --dry-run and --yes are the delete commands' (one parser holds them once).
    parser.addOptions({
        QCommandLineOption(QStringLiteral("policy"), QStringLiteral("Cleanup policy file."),
                           QStringLiteral("file")),
        QCommandLineOption(QStringLiteral("backup"),
                           QStringLiteral("Back up to an OCI layout first."),
                           QStringLiteral("dir")),
        QCommandLineOption(QStringLiteral("report"), QStringLiteral("Write the run's report."),
                           QStringLiteral("file")),
        QCommandLineOption(QStringLiteral("import"),
                           QStringLiteral("Digests to consider (a list or an OCI layout)."),
                           QStringLiteral("path")),
    });
}

bool CleanupCommands::handles(const QString &command)
{
    return command == QLatin1String("history") || command == QLatin1String("gc");
}

QString CleanupCommands::helpText()
{
    return QStringLiteral(
        "Cleanup commands:\n"
        "  history REPO[:TAG]    the tag history Ocular recorded: every digest a tag was seen\n"
        "                        naming, first and last seen, which one is current;\n"
        "                        --format json\n"
        "  gc REPO [--policy FILE] [--storage DIR] [--dry-run] [--backup DIR] [--yes]\n"
        "        [--report FILE] [--import PATH]\n"
        "                        cleanup: every manifest no tag names, from the inventory, the\n"
        "                        tag history, (--storage DIR, docker-registry's filesystem\n"
        "                        storage root, read only) the registry's storage and (--import)\n"
        "                        a digest list or an OCI layout's index.json, each with its\n"
        "                        class, reclaimable size, age, sources and why, judged by the\n"
        "                        policy (a JSON file; default: dangling images, orphaned\n"
        "                        referrers, replaced fallback indexes). --dry-run changes\n"
        "                        nothing; otherwise the selected manifests are deleted after a\n"
        "                        confirmation (--yes: none), each checked again first, after\n"
        "                        --backup DIR copied them to an OCI layout. --report FILE\n"
        "                        writes the per-item result (.csv, else JSON); --format\n"
        "                        table|json\n");
}

int CleanupCommands::usage(const QString &message)
{
    err(QStringLiteral("%1: %2\nRun 'ocular-cli --help' for usage.")
            .arg(QLatin1String(Program), message));
    return 2;
}

void CleanupCommands::fail(const QString &message)
{
    err(QStringLiteral("%1: %2 %3: %4")
            .arg(QLatin1String(Program), m_command, nametext::printable(m_argument, 400), message));
    finish(1);
}

void CleanupCommands::finish(int code)
{
    QMetaObject::invokeMethod(
        QCoreApplication::instance(), [code] { QCoreApplication::exit(code); },
        Qt::QueuedConnection);
}

QString CleanupCommands::historyRegistry(const Reference &reference)
{
    const auto endpoint = RegistryEndpoint::parse(reference.registry(), true);
    return endpoint ? endpoint->registry : reference.registry();
}

int CleanupCommands::start(const QString &command, const QStringList &arguments,
                           const QCommandLineParser &parser, const QString &storageDir)
{
    m_command = command;
    m_format = parser.value(QStringLiteral("format"));
    m_dryRun = parser.isSet(QStringLiteral("dry-run"));
    m_yes = parser.isSet(QStringLiteral("yes"));
    m_policyFile = parser.value(QStringLiteral("policy"));
    m_backupDir = parser.value(QStringLiteral("backup"));
    m_reportFile = parser.value(QStringLiteral("report"));
    m_importPath = parser.value(QStringLiteral("import"));
    m_storageDir = storageDir;
    if (arguments.size() != 1)
        return usage(QStringLiteral("%1 needs exactly one argument").arg(command));
    m_argument = arguments.first();
    if (!m_format.isEmpty() && m_format != QLatin1String("text") &&
        m_format != QLatin1String("table") && m_format != QLatin1String("json"))
        return usage(QStringLiteral("%1: --format is table or json").arg(command));
    const auto reference = Reference::parse(m_argument);
    if (!reference)
        return usage(
            QStringLiteral("%1 %2: %3")
                .arg(command, nametext::printable(m_argument, 200), reference.error().toString()));
    if (reference->hasDigest())
        return usage(QStringLiteral("%1 takes REPO%2, not a digest")
                         .arg(command, command == QLatin1String("history")
                                           ? QStringLiteral("[:TAG]")
                                           : QString()));
    if (command == QLatin1String("history")) {
        if (m_dryRun || m_yes || !m_storageDir.isEmpty() || !m_policyFile.isEmpty() ||
            !m_backupDir.isEmpty() || !m_reportFile.isEmpty() || !m_importPath.isEmpty())
            return usage(QStringLiteral("history takes only --format"));
        return runHistory(reference.value());
    }
    if (reference->hasTag())
        return usage(QStringLiteral("gc takes a repository (REPO), not a tag"));
    return runGc(reference.value());
}

int CleanupCommands::runHistory(const Reference &reference)
{
    if (!m_history)
        return usage(QStringLiteral("history: no tag history"));
    // Sightings of this very process are written first (none for history, but the order holds
    // for any command that records and reads).
    m_history->flush();
    const auto entries =
        m_history->history(historyRegistry(reference), reference.repository(), reference.tag());
    if (!entries) {
        fail(entries.error().message);
        return 1;
    }
    if (m_format == QLatin1String("json")) {
        QJsonArray array;
        for (const TagHistoryEntry &e : entries.value())
            array.append(QJsonObject{
                {QStringLiteral("registry"), e.registry},
                {QStringLiteral("repository"), e.repository},
                {QStringLiteral("tag"), e.tag},
                {QStringLiteral("digest"), e.digest.toString()},
                {QStringLiteral("firstSeen"), timeText(e.firstSeen)},
                {QStringLiteral("lastSeen"), timeText(e.lastSeen)},
                {QStringLiteral("current"), e.current},
            });
        writeOut(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return 0;
    }
    if (entries->isEmpty()) {
        writeOut(QStringLiteral("No tag history for %1 (Ocular records the tags it resolves).\n")
                     .arg(nametext::printable(reference.toString(), 400))
                     .toUtf8());
        return 0;
    }
    QList<QStringList> rows;
    for (const TagHistoryEntry &e : entries.value())
        rows.append({nametext::printable(e.tag, 200), e.digest.toString(), timeText(e.firstSeen),
                     timeText(e.lastSeen),
                     e.current ? QStringLiteral("current") : QStringLiteral("moved away")});
    writeOut(table({QStringLiteral("TAG"), QStringLiteral("DIGEST"), QStringLiteral("FIRST SEEN"),
                    QStringLiteral("LAST SEEN"), QStringLiteral("STATE")},
                   rows)
                 .toUtf8());
    return 0;
}

int CleanupCommands::runGc(const Reference &reference)
{
    if (m_dryRun && (m_yes || !m_backupDir.isEmpty()))
        return usage(QStringLiteral("gc: --dry-run deletes nothing; --yes and --backup are for a "
                                    "run that deletes"));
    if (!m_policyFile.isEmpty()) {
        auto policy = CleanupPolicy::load(m_policyFile);
        if (!policy)
            return usage(QStringLiteral("gc: %1").arg(policy.error().message));
        m_policy = std::move(policy).value();
    }
    CleanupEvidence evidence;
    if (m_history) {
        m_history->flush();
        auto history = m_history->history(historyRegistry(reference), reference.repository());
        if (!history) {
            fail(history.error().message);
            return 1;
        }
        evidence.history = std::move(history).value();
    }
    if (!m_importPath.isEmpty()) {
        auto imported = ImportedDigests::read(m_importPath);
        if (!imported)
            return usage(QStringLiteral("gc: %1").arg(imported.error().message));
        evidence.imported = std::move(imported).value();
        evidence.importedFrom = m_importPath;
    }
    if (!m_storageDir.isEmpty()) {
        auto listing = DistributionStorageScan(m_storageDir).scan(reference.repository());
        if (!listing) {
            fail(listing.error().message);
            return 1;
        }
        for (const QString &refused : listing->refused)
            err(QStringLiteral("%1: gc: warning: storage: %2")
                    .arg(QLatin1String(Program), nametext::printable(refused, 600)));
        evidence.storage = std::move(listing).value();
    }
    m_stack = m_stackFor(reference.registry());
    if (!m_stack)
        return 2;
    auto *discovery = new CleanupDiscovery(m_stack->source(), this);
    discovery->discover(
        reference.repository(), std::move(evidence), CleanupDiscovery::Options{}, this,
        [this, repository = reference.repository()](Result<CleanupReport> report) {
            if (!report)
                return fail(report.error().toString());
            CleanupReport found = std::move(report).value();
            m_policy.apply(found.candidates, repository, QDateTime::currentDateTimeUtc());
            if (m_dryRun) {
                printCandidates(found);
                return finish(0);
            }
            deleteSelected(found);
        });
    return -1;
}

void CleanupCommands::printCandidates(const CleanupReport &report)
{
    for (const QString &note : report.notes)
        err(QStringLiteral("%1: gc: warning: %2")
                .arg(QLatin1String(Program), nametext::printable(note, 600)));
    for (const InventoryProblem &p : report.inventory.unreadable)
        err(QStringLiteral("%1: gc: warning: %2 %3")
                .arg(QLatin1String(Program), p.digest.isValid() ? p.digest.toString() : p.tag,
                     nametext::printable(p.message, 600)));
    if (m_format == QLatin1String("json")) {
        QJsonArray array;
        for (const CleanupCandidate &c : report.candidates)
            array.append(QJsonObject{
                {QStringLiteral("digest"), c.digest.toString()},
                {QStringLiteral("class"), cleanupClassName(c.kind)},
                {QStringLiteral("inUse"), cleanupClassInUse(c.kind)},
                {QStringLiteral("mediaType"), c.mediaType},
                {QStringLiteral("size"), c.size >= 0 ? QJsonValue(c.size) : QJsonValue()},
                {QStringLiteral("reclaimable"),
                 c.reclaimable >= 0 ? QJsonValue(c.reclaimable) : QJsonValue()},
                {QStringLiteral("artifactType"), c.artifactType},
                {QStringLiteral("created"),
                 c.created.isValid() ? QJsonValue(timeText(c.created)) : QJsonValue()},
                {QStringLiteral("createdFrom"), c.createdFrom},
                {QStringLiteral("sources"), QJsonArray::fromStringList(c.sources)},
                {QStringLiteral("why"), c.why},
                {QStringLiteral("selected"), c.selected},
                {QStringLiteral("verdict"), c.verdict},
            });
        writeOut(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<QStringList> rows;
    int inUse = 0, selected = 0;
    for (const CleanupCandidate &c : report.candidates) {
        inUse += cleanupClassInUse(c.kind) ? 1 : 0;
        selected += c.selected ? 1 : 0;
        rows.append({c.selected ? QStringLiteral("*") : QString(), c.digest.toString(),
                     cleanupClassName(c.kind),
                     c.reclaimable >= 0 ? QString::number(c.reclaimable) : QStringLiteral("-"),
                     c.created.isValid() ? QStringLiteral("%1d").arg(c.created.daysTo(now))
                                         : QStringLiteral("?"),
                     nametext::printable(c.sources.join(QStringLiteral("; ")), 400),
                     nametext::printable(c.why, 400)});
    }
    QString text = table({QStringLiteral("SEL"), QStringLiteral("DIGEST"), QStringLiteral("CLASS"),
                          QStringLiteral("FREES"), QStringLiteral("AGE"), QStringLiteral("SOURCES"),
                          QStringLiteral("WHY")},
                         rows);
    text +=
        QStringLiteral("%1 untagged manifests (%2 in use); the policy%3 selects %4 (*), "
                       "freeing %5 bytes once the registry collects garbage. Dry run: "
                       "nothing was deleted. FREES counts the manifest and the blobs "
                       "nothing else uses.\n")
            .arg(report.candidates.size())
            .arg(inUse)
            .arg(m_policy.name.isEmpty() ? QString() : QStringLiteral(" \"%1\"").arg(m_policy.name))
            .arg(selected)
            .arg(CleanupCandidates::selectedBytes(report.candidates));
    writeOut(text.toUtf8());
}

void CleanupCommands::deleteSelected(const CleanupReport &report)
{
    for (const QString &note : report.notes)
        err(QStringLiteral("%1: gc: warning: %2")
                .arg(QLatin1String(Program), nametext::printable(note, 600)));
    QList<CleanupCandidate> selected;
    for (const CleanupCandidate &c : report.candidates)
        if (c.selected)
            selected.append(c);
    const qint64 bytes = CleanupCandidates::selectedBytes(report.candidates);
    if (selected.isEmpty()) {
        writeOut(QStringLiteral("The policy selects none of the %1 untagged manifests: nothing to "
                                "delete.\n")
                     .arg(report.candidates.size())
                     .toUtf8());
        return finish(0);
    }
    if (!m_yes && !confirmed(int(selected.size()), bytes)) {
        err(QStringLiteral("%1: gc: not confirmed (review with --dry-run, then pass --yes). "
                           "Nothing was changed.")
                .arg(QLatin1String(Program)));
        return finish(1);
    }
    auto *executor = new CleanupExecutor(m_stack->source(), this);
    CleanupExecutor::Options options;
    options.backupDirectory = m_backupDir;
    connect(executor, &CleanupExecutor::progress, this,
            [](int done, int total, const QString &text) {
                if (isatty(fileno(stderr)))
                    err(QStringLiteral("[%1/%2] %3").arg(done).arg(total).arg(text));
            });
    executor->run(report.inventory.repository, selected, report.evidence, options, this,
                  [this](Result<CleanupRunReport> run) {
                      if (!run)
                          return fail(run.error().toString());
                      if (!m_reportFile.isEmpty() && !writeReport(run.value()))
                          return finish(1);
                      if (m_format == QLatin1String("json"))
                          writeOut(QJsonDocument(run->toJson()).toJson(QJsonDocument::Indented));
                      else
                          writeOut((run->toText() + QLatin1Char('\n')).toUtf8());
                      using State = CleanupRunReport::Item::State;
                      const bool clean =
                          run->count(State::Failed) == 0 && run->count(State::NotAttempted) == 0;
                      finish(clean ? 0 : 1);
                  });
}

bool CleanupCommands::confirmed(int count, qint64 bytes)
{
    if (!isatty(fileno(stdin)))
        return false;
    err(QStringLiteral("Delete %1 manifest(s) from %2, freeing %3 bytes once garbage is "
                       "collected? [y/N] ")
            .arg(count)
            .arg(nametext::printable(m_argument, 400))
            .arg(bytes));
    // The CLI runs one command: blocking on the terminal here holds up nothing else.
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed().toLower();
    return answer == QLatin1String("y") || answer == QLatin1String("yes");
}

bool CleanupCommands::writeReport(const CleanupRunReport &run)
{
    QSaveFile file(m_reportFile);
    const QByteArray bytes = m_reportFile.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)
                                 ? run.toCsv()
                                 : QJsonDocument(run.toJson()).toJson(QJsonDocument::Indented);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return true;
    err(QStringLiteral("%1: gc: cannot write the report %2: %3")
            .arg(QLatin1String(Program), m_reportFile, file.errorString()));
    return false;
}

} // namespace ocular
