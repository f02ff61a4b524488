#include "cleanupcommands.h"

#include "clioutput.h"

#include "cleanup/cleanupdiscovery.h"
#include "cleanup/distributionstoragescan.h"
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
        "  gc REPO --dry-run     cleanup candidates: every manifest no tag names, from the\n"
        "                        inventory, the tag history and (--storage DIR, docker-registry's\n"
        "                        filesystem storage root, read only) the registry's storage,\n"
        "                        each with its class, size, sources and why; nothing is\n"
        "                        deleted; --format table|json\n");
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
        if (m_dryRun || !m_storageDir.isEmpty())
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
    if (!m_dryRun)
        return usage(QStringLiteral("gc deletes nothing yet: run it with --dry-run to see the "
                                    "candidates"));
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
    RegistryStack *stack = m_stackFor(reference.registry());
    if (!stack)
        return 2;
    auto *discovery = new CleanupDiscovery(stack->source(), this);
    discovery->discover(reference.repository(), std::move(evidence), CleanupDiscovery::Options{},
                        this, [this](Result<CleanupReport> report) {
                            if (!report)
                                return fail(report.error().toString());
                            printCandidates(report.value());
                            finish(0);
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
                {QStringLiteral("sources"), QJsonArray::fromStringList(c.sources)},
                {QStringLiteral("why"), c.why},
                {QStringLiteral("selected"), c.selected},
            });
        writeOut(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return;
    }
    QList<QStringList> rows;
    for (const CleanupCandidate &c : report.candidates)
        rows.append({c.digest.toString(), cleanupClassName(c.kind),
                     c.size >= 0 ? QString::number(c.size) : QStringLiteral("?"),
                     nametext::printable(c.sources.join(QStringLiteral("; ")), 400),
                     nametext::printable(c.why, 400)});
    QString text = table({QStringLiteral("DIGEST"), QStringLiteral("CLASS"), QStringLiteral("SIZE"),
                          QStringLiteral("SOURCES"), QStringLiteral("WHY")},
                         rows);
    int inUse = 0;
    for (const CleanupCandidate &c : report.candidates)
        inUse += cleanupClassInUse(c.kind) ? 1 : 0;
    text += QStringLiteral("%1 untagged manifests (%2 in use); dry run: nothing was selected or "
                           "deleted. SIZE is the manifest's own bytes.\n")
                .arg(report.candidates.size())
                .arg(inUse);
    writeOut(text.toUtf8());
}

} // namespace ocular
