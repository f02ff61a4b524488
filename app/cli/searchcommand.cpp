#include "searchcommand.h"

#include "clioutput.h"

#include "inventory/repositoryinventorybuilder.h"
#include "inventory/repositorysearch.h"
#include "reference/reference.h"
#include "stack/registrystack.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ocular {

namespace {

using clioutput::err;
using clioutput::out;
using clioutput::Program;

int usage(const QString &message)
{
    err(QStringLiteral("%1: %2\nRun 'ocular-cli --help' for usage.")
            .arg(QLatin1String(Program), message));
    return 2;
}

/// Text a registry wrote never moves the terminal's cursor or changes its colours.
QString printable(QString text)
{
    for (QChar &c : text)
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char('?');
    return text;
}

} // namespace

SearchCommand::SearchCommand(StackFactory stackFor, QObject *parent)
    : QObject(parent)
    , m_stackFor(std::move(stackFor))
{}

bool SearchCommand::handles(const QString &command)
{
    return command == QLatin1String("search");
}

QString SearchCommand::helpText()
{
    return QStringLiteral(
        "Search:\n"
        "  search REPO TEXT      tags, annotation keys and values, artifact and media types\n"
        "                        of every manifest in REPO containing TEXT (any case);\n"
        "                        --format json\n");
}

int SearchCommand::start(const QStringList &arguments, const QCommandLineParser &parser)
{
    m_format = parser.value(QStringLiteral("format"));
    if (!m_format.isEmpty() && m_format != QLatin1String("text") &&
        m_format != QLatin1String("json"))
        return usage(QStringLiteral("search: --format is text or json"));
    if (arguments.size() != 2)
        return usage(QStringLiteral("search needs a repository and the text to look for"));
    const QString text = arguments.at(1).trimmed();
    if (text.isEmpty())
        return usage(QStringLiteral("search: the text to look for is empty"));
    const auto ref = Reference::parse(arguments.first());
    if (!ref || ref->hasTag() || ref->hasDigest())
        return usage(QStringLiteral("search needs a repository (HOST/PATH) without tag or digest"));
    RegistryStack *stack = m_stackFor(ref->registry());
    if (!stack || !stack->source())
        return 2;
    auto *builder = new RepositoryInventoryBuilder(stack->source(), this);
    const QString repository = ref->repository();
    builder->build(
        repository, RepositoryInventoryBuilder::Options{}, this,
        [this, text, repository](Result<RepositoryInventory> inventory) {
            if (!inventory) {
                err(QStringLiteral("%1: search %2: %3")
                        .arg(QLatin1String(Program), repository, inventory.error().toString()));
                return finish(1);
            }
            print(inventory.value(), text);
            finish(0);
        });
    return -1;
}

void SearchCommand::print(const RepositoryInventory &inventory, const QString &text)
{
    const RepositorySearch::Outcome outcome = RepositorySearch::search(inventory, text);
    if (m_format == QLatin1String("json")) {
        QJsonArray hits;
        for (const SearchHit &hit : outcome.hits) {
            QJsonObject o{{QStringLiteral("digest"), hit.digest.toString()},
                          {QStringLiteral("tags"), QJsonArray::fromStringList(hit.tags)},
                          {QStringLiteral("field"), RepositorySearch::fieldName(hit.field)},
                          {QStringLiteral("snippet"), hit.snippet}};
            if (!hit.key.isEmpty())
                o.insert(QStringLiteral("key"), hit.key);
            hits.append(o);
        }
        const QJsonObject doc{{QStringLiteral("repository"), inventory.repository},
                              {QStringLiteral("text"), text},
                              {QStringLiteral("totalHits"), outcome.totalHits},
                              {QStringLiteral("hits"), hits}};
        out(QString::fromUtf8(QJsonDocument(doc).toJson(QJsonDocument::Indented)));
        return;
    }
    QString lines;
    for (const SearchHit &hit : outcome.hits) {
        const QString where = RepositorySearch::fieldName(hit.field) +
                              (hit.key.isEmpty() ? QString() : QLatin1Char(' ') + hit.key);
        lines += QStringLiteral("%1 %2 %3: %4\n")
                     .arg(hit.digest.shortForm(),
                          hit.tags.isEmpty() ? QStringLiteral("(untagged)")
                                             : hit.tags.join(QLatin1Char(',')),
                          printable(where), printable(hit.snippet));
    }
    if (outcome.totalHits > outcome.hits.size())
        lines += QStringLiteral("… %1 more\n").arg(outcome.totalHits - outcome.hits.size());
    if (!inventory.unreadable.isEmpty())
        err(QStringLiteral("warning: %1 manifest(s) or tag(s) could not be read and were not "
                           "searched")
                .arg(inventory.unreadable.size()));
    out(lines.isEmpty() ? QStringLiteral("no match for \"%1\" in %2\n")
                              .arg(printable(text), inventory.repository)
                        : lines);
}

void SearchCommand::finish(int code)
{
    QMetaObject::invokeMethod(
        QCoreApplication::instance(), [code] { QCoreApplication::exit(code); },
        Qt::QueuedConnection);
}

} // namespace ocular
