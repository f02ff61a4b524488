#include "clirunner.h"

#include "clioutput.h"
#include "layout/ocilayoutreference.h"
#include "source/ocilayoutsource.h"

#include "cleanupcommands.h"

#include "activity/activitylog.h"
#include "auth/staticcredentialsource.h"
#include "deletecommands.h"
#include "demo/demoseeder.h"
#include "demo/registryprocess.h"
#include "history/taghistorystore.h"
#include "reference/nametext.h"
#include "reference/registryaddress.h"
#include "referrercommands.h"
#include "registry/registryclient.h"
#include "searchcommand.h"
#include "signalwatcher.h"
#include "source/contentsource.h"
#include "source/registrysource.h"
#include "stack/registrystack.h"
#include "writecommands.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

namespace ocular {

namespace {
// Listings stop here and say so (a registry whose Link headers never end).
constexpr int kMaxListingPages = 10000;
} // namespace

namespace {

using clioutput::Program;
using clioutput::writeOut;

QString helpText()
{
    return QStringLiteral(
        "Usage: ocular-cli [options] <command> <argument>\n"
        "       ocular-cli --version | --help\n"
        "\n"
        "Browse OCI container registries from the command line.\n"
        "\n"
        "Commands:\n"
        "  ls HOST               list every repository in the registry's catalog\n"
        "  tags REPO             list the tags of a repository (HOST/PATH)\n"
        "  digest REF            print the manifest digest a tag or digest resolves to\n"
        "  manifest REF          write the manifest's exact bytes to stdout\n"
        "  blob REF@DIGEST       write a blob to stdout (verified against its digest)\n"
        "  seed HOST             push Ocular's demo content into a registry\n"
        "  serve-demo            start a local docker-registry, seed it, run until Ctrl+C\n"
        "  activity              show what Ocular changed on registries (the local activity\n"
        "                        log, shared with the GUI); --last N, --format json\n"
        "\n"
        "REF is HOST/PATH[:TAG][@DIGEST], e.g. 127.0.0.1:5000/demo/hello:latest; the\n"
        "registry host is required (a bare HOST where a repository is needed is refused,\n"
        "never sent to Docker Hub; write docker.io/library/NAME for Docker Hub images).\n"
        "HOST may be given as a URL, http://HOST or https://HOST, for every command.\n"
        "Loopback registries are spoken to over plain HTTP automatically.\n"
        "ls, tags, digest, manifest, blob, tree, audit, verify and copy also read an OCI\n"
        "image layout directory, push, attach, tag and copy write into one:\n"
        "oci:DIR[:TAG|@DIGEST] (the tag follows the last ':' after the last '/', as skopeo\n"
        "reads it).\n"
        "\n"
        "Options:\n"
        "  --plain-http          use plain HTTP for a registry that is not on loopback\n"
        "  --username NAME       user name for registries that require a login\n"
        "  --password-stdin      read the password (or token) from standard input\n"
        "                        (without them: docker config.json, its credential helpers\n"
        "                        and containers auth.json, as docker and podman use them)\n"
        "  --ca-file FILE        trust this PEM CA for the registry's certificate (implies HTTPS)\n"
        "  --insecure            do not verify the registry's TLS certificate (dangerous)\n"
        "  --page-size N         entries per catalog page for ls (default 1000)\n"
        "  --max-bytes N         largest blob that blob will fetch (default 268435456)\n"
        "  --tags N              tags pushed to demo/many-tags by seed/serve-demo (default 2000)\n"
        "  --storage DIR         serve-demo: keep the registry's data in DIR; gc: read\n"
        "                        docker-registry's storage root DIR (never written)\n"
        "  -h, --help            show this help\n"
        "  --version             print the version\n"
        "\n"
        "Exit status: 0 success, 1 the operation failed, 2 usage error.\n");
}

void printLine(const QString &line)
{
    writeOut(line.toUtf8() + '\n');
}

void printError(const QString &line)
{
    clioutput::err(line);
}

} // namespace

CliRunner::CliRunner(QObject *parent)
    : QObject(parent)
{}

CliRunner::~CliRunner()
{
    // Commands, walkers, the seeder and the demo registry use the stack: they go first.
    const QObjectList owned = children();
    for (QObject *child : owned)
        delete child;
    if (m_tagHistory) {
        if (const auto written = m_tagHistory->flush(); !written)
            printError(QStringLiteral("%1: warning: %2")
                           .arg(QLatin1String(Program), written.error().message));
    }
}

std::shared_ptr<TagHistoryStore> CliRunner::tagHistory()
{
    if (!m_tagHistory)
        m_tagHistory = std::make_shared<TagHistoryStore>();
    return m_tagHistory;
}

int CliRunner::start(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show help."));
    const QCommandLineOption plainHttp(QStringLiteral("plain-http"),
                                       QStringLiteral("Plain HTTP for non-loopback hosts."));
    const QCommandLineOption username(QStringLiteral("username"), QStringLiteral("User name."),
                                      QStringLiteral("name"));
    const QCommandLineOption passwordStdin(QStringLiteral("password-stdin"),
                                           QStringLiteral("Read the password from stdin."));
    const QCommandLineOption pageSize(QStringLiteral("page-size"), QStringLiteral("Page size."),
                                      QStringLiteral("n"));
    const QCommandLineOption maxBytes(QStringLiteral("max-bytes"), QStringLiteral("Blob cap."),
                                      QStringLiteral("n"));
    const QCommandLineOption tags(QStringLiteral("tags"), QStringLiteral("Demo tag count."),
                                  QStringLiteral("n"));
    const QCommandLineOption storage(QStringLiteral("storage"), QStringLiteral("Storage dir."),
                                     QStringLiteral("dir"));
    const QCommandLineOption caFile(QStringLiteral("ca-file"), QStringLiteral("Extra CA."),
                                    QStringLiteral("file"));
    const QCommandLineOption insecure(QStringLiteral("insecure"),
                                      QStringLiteral("Skip TLS verification."));
    const QCommandLineOption version(QStringLiteral("version"), QStringLiteral("Show version."));
    const QCommandLineOption last(QStringLiteral("last"), QStringLiteral("Newest entries shown."),
                                  QStringLiteral("N"));
    parser.addOptions({help, last, plainHttp, username, passwordStdin, pageSize, maxBytes, tags,
                       storage, caFile, insecure, version});
    ReferrerCommands::addOptions(parser);
    WriteCommands::addOptions(parser);
    DeleteCommands::addOptions(parser);
    CleanupCommands::addOptions(parser);

    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        writeOut((helpText() + QLatin1Char('\n') + ReferrerCommands::helpText() +
                  QLatin1Char('\n') + WriteCommands::helpText() + QLatin1Char('\n') +
                  DeleteCommands::helpText() + QLatin1Char('\n') + SearchCommand::helpText() +
                  QLatin1Char('\n') + CleanupCommands::helpText())
                     .toUtf8());
        return Success;
    }
    if (parser.isSet(version)) {
        printLine(QStringLiteral("%1 %2").arg(QLatin1String(Program),
                                              QCoreApplication::applicationVersion()));
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usageError(QStringLiteral("no command given"));
    m_command = positional.first();
    m_plainHttp = parser.isSet(plainHttp);
    m_username = parser.value(username);
    m_caFile = parser.value(caFile);
    m_insecure = parser.isSet(insecure);
    m_storageDir = parser.value(storage);

    auto positiveNumber = [&](const QCommandLineOption &option, qint64 *out) {
        if (!parser.isSet(option))
            return true;
        bool ok = false;
        const qint64 value = parser.value(option).toLongLong(&ok);
        if (!ok || value <= 0)
            return false;
        *out = value;
        return true;
    };
    qint64 page = m_pageSize;
    qint64 manyTags = m_manyTags;
    if (!positiveNumber(pageSize, &page) || page > 100000)
        return usageError(QStringLiteral("--page-size needs a number from 1 to 100000"));
    if (!positiveNumber(maxBytes, &m_maxBytes))
        return usageError(QStringLiteral("--max-bytes needs a positive number"));
    if (!positiveNumber(tags, &manyTags) || manyTags > 100000)
        return usageError(QStringLiteral("--tags needs a number from 1 to 100000"));
    m_pageSize = int(page);
    m_manyTags = int(manyTags);

    if (parser.isSet(passwordStdin)) {
        if (m_username.isEmpty())
            return usageError(QStringLiteral("--password-stdin needs --username"));
        QTextStream in(stdin);
        m_password = in.readLine();
        if (m_password.isEmpty())
            return usageError(QStringLiteral("--password-stdin: nothing was read from stdin"));
    } else if (!m_username.isEmpty()) {
        return usageError(QStringLiteral("--username needs --password-stdin"));
    }

    struct Command
    {
        const char *name;
        int (CliRunner::*run)(const QString &);
    };
    static const Command commands[] = {
        {"ls", &CliRunner::runLs},         {"tags", &CliRunner::runTags},
        {"digest", &CliRunner::runDigest}, {"manifest", &CliRunner::runManifest},
        {"blob", &CliRunner::runBlob},     {"seed", &CliRunner::runSeed},
    };
    if (m_command == QLatin1String("activity")) {
        if (positional.size() != 1)
            return usageError(QStringLiteral("activity takes no argument"));
        qint64 count = 0;
        if (!positiveNumber(last, &count) || count > 1000000)
            return usageError(QStringLiteral("--last needs a number from 1 to 1000000"));
        const QString format = parser.value(QStringLiteral("format"));
        if (!format.isEmpty() && format != QLatin1String("text") && format != QLatin1String("json"))
            return usageError(QStringLiteral("activity: --format is text or json"));
        return runActivity(int(count), format == QLatin1String("json"));
    }
    if (m_command == QLatin1String("serve-demo")) {
        if (positional.size() != 1)
            return usageError(QStringLiteral("serve-demo takes no argument"));
        return runServeDemo();
    }
    for (const Command &c : commands) {
        if (m_command != QLatin1String(c.name))
            continue;
        if (positional.size() != 2)
            return usageError(QStringLiteral("%1 needs exactly one argument").arg(m_command));
        m_subject = positional.at(1);
        return (this->*c.run)(m_subject);
    }
    if (ReferrerCommands::handles(m_command)) {
        // A lone argument is a reference; with more, the command checks its own.
        const auto arguments = checkedReferences(positional.mid(1), positional.size() == 2 ? 1 : 0);
        if (!arguments)
            return Usage;
        auto *commands = new ReferrerCommands(stackFactory(), this);
        return commands->start(m_command, *arguments, parser);
    }
    if (WriteCommands::handles(m_command)) {
        // copy's DST is a reference too; push, attach and tag take files and tags after it.
        const auto arguments =
            checkedReferences(positional.mid(1), m_command == QLatin1String("copy") ? 2 : 1);
        if (!arguments)
            return Usage;
        auto *commands = new WriteCommands(stackFactory(), this);
        return commands->start(m_command, *arguments, parser);
    }
    if (SearchCommand::handles(m_command)) {
        const auto arguments = checkedReferences(positional.mid(1), 1);
        if (!arguments)
            return Usage;
        auto *command = new SearchCommand(stackFactory(), this);
        return command->start(*arguments, parser);
    }
    if (DeleteCommands::handles(m_command)) {
        // A lone argument is a reference; with more, the command checks its own.
        const auto arguments = checkedReferences(positional.mid(1), positional.size() == 2 ? 1 : 0);
        if (!arguments)
            return Usage;
        auto *commands = new DeleteCommands(stackFactory(), this);
        return commands->start(m_command, *arguments, parser);
    }
    if (CleanupCommands::handles(m_command)) {
        // A lone argument is a reference; with more, the command checks its own.
        const auto arguments = checkedReferences(positional.mid(1), positional.size() == 2 ? 1 : 0);
        if (!arguments)
            return Usage;
        auto *commands = new CleanupCommands(stackFactory(), tagHistory(), this);
        return commands->start(m_command, *arguments, parser, m_storageDir);
    }
    return usageError(QStringLiteral("unknown command \"%1\"").arg(m_command.left(40)));
}

std::function<RegistryStack *(const QString &)> CliRunner::stackFactory()
{
    return [this](const QString &registry) -> RegistryStack * {
        return clientFor(registry) ? m_stack.get() : nullptr;
    };
}

std::optional<QStringList> CliRunner::checkedReferences(QStringList arguments, qsizetype count)
{
    for (qsizetype i = 0; i < qMin(count, arguments.size()); ++i) {
        const auto checked = referrerArgument(m_command, arguments.at(i));
        if (!checked)
            return std::nullopt;
        arguments[i] = *checked;
    }
    return arguments;
}

int CliRunner::usageError(const QString &message)
{
    printError(QStringLiteral("%1: %2\nRun 'ocular-cli --help' for usage.")
                   .arg(QLatin1String(Program), message));
    return Usage;
}

void CliRunner::fail(const QString &what, const Error &error)
{
    // Error text can quote what a server sent: no control character reaches the terminal.
    QStringList lines = error.toString().split(QLatin1Char('\n'));
    for (QString &line : lines)
        line = nametext::printable(line, 4000);
    printError(QStringLiteral("%1: %2: %3")
                   .arg(QLatin1String(Program), nametext::printable(what, 400),
                        lines.join(QLatin1Char('\n'))));
    finish(error.kind == ErrorKind::InvalidInput && error.httpStatus == 0 ? Usage : Failed);
}

void CliRunner::finish(int code)
{
    // Queued: a callback may run before exec() has started the loop.
    QMetaObject::invokeMethod(
        QCoreApplication::instance(), [code] { QCoreApplication::exit(code); },
        Qt::QueuedConnection);
}

bool CliRunner::takeScheme(QString &text)
{
    for (const QLatin1String scheme : {QLatin1String("http"), QLatin1String("https")}) {
        const QString prefix = scheme + QStringLiteral("://");
        if (!text.startsWith(prefix, Qt::CaseInsensitive))
            continue;
        text = text.mid(prefix.size());
        m_scheme = scheme;
        // copy names two registries, each with its own scheme.
        m_schemeByRegistry.insert(text.section(QLatin1Char('/'), 0, 0).toLower(), scheme);
        if (m_scheme == QLatin1String("https") && m_plainHttp) {
            usageError(
                QStringLiteral("%1: an https:// URL contradicts --plain-http").arg(m_command));
            return false;
        }
        if (m_scheme == QLatin1String("http") && (!m_caFile.isEmpty() || m_insecure)) {
            usageError(QStringLiteral("%1: an http:// URL contradicts --ca-file/--insecure "
                                      "(they are TLS options)")
                           .arg(m_command));
            return false;
        }
        return true;
    }
    if (text.contains(QStringLiteral("://"))) {
        usageError(QStringLiteral("%1 %2: only http:// and https:// URLs are supported")
                       .arg(m_command, nametext::printable(text, 100)));
        return false;
    }
    return true;
}

std::optional<Reference> CliRunner::parseReference(const QString &argument)
{
    QString text = argument;
    if (!takeScheme(text))
        return std::nullopt;
    if (const QString hostOnly = Reference::hostOnlyProblem(text); !hostOnly.isEmpty()) {
        usageError(QStringLiteral("%1 %2: %3")
                       .arg(m_command, nametext::printable(argument, 200), hostOnly));
        return std::nullopt;
    }
    const auto parsed = Reference::parse(text);
    if (!parsed) {
        printError(QStringLiteral("%1: %2 %3: %4")
                       .arg(QLatin1String(Program), m_command, nametext::printable(argument, 200),
                            parsed.error().toString()));
        return std::nullopt;
    }
    return parsed.value();
}

std::optional<QString> CliRunner::parseRegistryArgument(const QString &argument)
{
    const auto address = RegistryAddress::parse(argument);
    if (!address) {
        usageError(QStringLiteral("%1: %2").arg(m_command, address.error().message));
        return std::nullopt;
    }
    if (!address->repositoryPath.isEmpty()) {
        const QString shown = nametext::printable(argument, 200);
        QString hint =
            QStringLiteral("%1 takes a registry, but \"%2\" names the repository %3 "
                           "on %4")
                .arg(m_command, shown, address->repositoryPath, address->registry.toString());
        if (m_command == QLatin1String("ls"))
            hint += QStringLiteral(": for its tags run 'ocular-cli tags %1', for the registry's "
                                   "catalog 'ocular-cli ls %2'")
                        .arg(shown, address->endpointText());
        else
            hint += QStringLiteral(": give only %1").arg(address->endpointText());
        usageError(hint);
        return std::nullopt;
    }
    // The same rules as for references: takeScheme() checks the scheme against the flags.
    QString text = address->endpointText();
    if (!takeScheme(text))
        return std::nullopt;
    return address->registry.toString();
}

std::optional<QString> CliRunner::referrerArgument(const QString &command, const QString &argument)
{
    if (OciLayoutReference::matches(argument))
        return argument; // the command parses the layout form itself
    QString text = argument;
    if (!takeScheme(text))
        return std::nullopt;
    // capabilities takes a bare HOST too; the others need a repository.
    if (command == QLatin1String("capabilities") && !text.contains(QLatin1Char('/')))
        return text;
    if (const QString hostOnly = Reference::hostOnlyProblem(text); !hostOnly.isEmpty()) {
        usageError(
            QStringLiteral("%1 %2: %3").arg(command, nametext::printable(argument, 200), hostOnly));
        return std::nullopt;
    }
    return text;
}

RegistryClient *CliRunner::clientFor(const QString &registry)
{
    QString address = registry;
    // A registry given without a scheme never inherits another argument's.
    const QString scheme = m_schemeByRegistry.value(
        registry.toLower(), m_schemeByRegistry.isEmpty() ? m_scheme : QString());
    if (!scheme.isEmpty())
        address = scheme + QStringLiteral("://") + address;
    else if (m_plainHttp)
        address = QStringLiteral("http://") + address;
    // TLS flags mean TLS, even for a loopback registry (otherwise spoken to over plain HTTP).
    else if (!m_caFile.isEmpty() || m_insecure)
        address = QStringLiteral("https://") + address;
    const auto endpoint = RegistryEndpoint::parse(address, m_plainHttp);
    if (!endpoint) {
        printError(QStringLiteral("%1: %2 %3: %4")
                       .arg(QLatin1String(Program), m_command, nametext::printable(registry, 200),
                            endpoint.error().toString()));
        return nullptr;
    }
    // A command can speak to two registries (copy): the stack of the first stays alive.
    if (m_stack) {
        m_retiredStacks.push_back(std::move(m_stack));
        m_retiredCredentials.push_back(std::move(m_credentials));
    }
    m_credentials = std::make_unique<StaticCredentialSource>();
    if (!m_username.isEmpty()) {
        Credentials credentials;
        credentials.username = m_username;
        credentials.secret = m_password;
        credentials.source = QStringLiteral("command line");
        m_credentials->set(endpoint->registry, credentials);
    }
    RegistryStackConfig config;
    config.endpoint = endpoint.value();
    config.credentialSources = {m_credentials.get()};
    TlsSettings tls;
    tls.caFile = m_caFile;
    tls.insecureSkipVerify = m_insecure;
    if (!tls.isDefault())
        config.tls.insert(endpoint->baseUrl.host(), tls);
    auto stack = RegistryStack::create(config);
    if (!stack) {
        printError(QStringLiteral("%1: %2").arg(QLatin1String(Program), stack.error().message));
        return nullptr;
    }
    if (m_insecure)
        printError(QStringLiteral("%1: warning: TLS certificate verification is off for %2")
                       .arg(QLatin1String(Program), endpoint->baseUrl.host()));
    m_stack = std::move(stack).value();
    m_client = m_stack->client();
    if (RegistrySource *source = m_stack->registrySource())
        source->setTagObserver(tagHistory());
    return m_client;
}

void CliRunner::reportRejected(const QString &what, const QList<RejectedName> &rejected)
{
    // On stderr, so that stdout stays a list of names that can be requested.
    for (const RejectedName &name : rejected)
        printError(QStringLiteral("%1: %2: warning: the registry listed the invalid name \"%3\" "
                                  "(%4); it was skipped")
                       .arg(QLatin1String(Program), what, nametext::printable(name.name, 200),
                            name.reason));
}

std::optional<CliRunner::Target> CliRunner::targetFor(const QString &text)
{
    if (OciLayoutReference::matches(text)) {
        const auto layout = OciLayoutReference::parse(text);
        if (!layout) {
            usageError(layout.error().message);
            return std::nullopt;
        }
        auto *source = new OciLayoutSource(layout->directory, {}, this);
        // The layout is one repository; a host is needed only to make a Reference.
        const auto ref = Reference::fromParts(QStringLiteral("localhost"), source->repositoryName(),
                                              layout->tag, layout->digest);
        if (!ref) {
            usageError(ref.error().message);
            return std::nullopt;
        }
        return Target{ref.value(), source};
    }
    const auto ref = parseReference(text);
    if (!ref)
        return std::nullopt;
    if (!clientFor(ref->registry()))
        return std::nullopt;
    return Target{*ref, m_stack->source()};
}

int CliRunner::runLs(const QString &host)
{
    if (OciLayoutReference::matches(host)) {
        // A layout is one repository: listed like a registry's catalog.
        const auto target = targetFor(host);
        if (!target)
            return Usage;
        if (target->reference.hasTag() || target->reference.hasDigest())
            return usageError(QStringLiteral("ls takes oci:DIR without tag or digest"));
        printLine(target->reference.repository());
        finish(Success);
        return -1;
    }
    const auto registry = parseRegistryArgument(host);
    if (!registry)
        return Usage;
    if (!clientFor(*registry))
        return Usage;
    m_stack->source()->allRepositories(
        kMaxListingPages, this, [this, host](Result<NameListing> names) {
            if (!names)
                return fail(QStringLiteral("ls ") + host, names.error());
            reportRejected(QStringLiteral("ls ") + host, names->rejected);
            QByteArray out;
            for (const QString &repository : names->items)
                out += repository.toUtf8() + '\n';
            writeOut(out);
            if (names->truncated)
                printError(QStringLiteral("%1: ls %2: warning: stopped after %3 pages")
                               .arg(QLatin1String(Program), host)
                               .arg(names->pages));
            finish(Success);
        });
    return -1;
}

int CliRunner::runTags(const QString &repository)
{
    const auto target = targetFor(repository);
    if (!target)
        return Usage;
    const Reference &ref = target->reference;
    if (ref.hasTag() || ref.hasDigest())
        return usageError(
            QStringLiteral("tags takes a repository (HOST/PATH) without tag or digest"));
    target->source->allTags(
        ref.repository(), kMaxListingPages, this, [this, repository](Result<NameListing> tags) {
            if (!tags)
                return fail(QStringLiteral("tags ") + repository, tags.error());
            reportRejected(QStringLiteral("tags ") + repository, tags->rejected);
            if (tags->truncated)
                printError(QStringLiteral("%1: tags %2: warning: stopped after %3 pages")
                               .arg(QLatin1String(Program), repository)
                               .arg(tags->pages));
            QStringList sorted = tags->items;
            // docker-registry returns tags unsorted; a stable order makes output diffable.
            std::sort(sorted.begin(), sorted.end());
            QByteArray out;
            for (const QString &tag : sorted)
                out += tag.toUtf8() + '\n';
            writeOut(out);
            finish(Success);
        });
    return -1;
}

int CliRunner::runDigest(const QString &reference)
{
    const auto target = targetFor(reference);
    if (!target)
        return Usage;
    // A HEAD's Docker-Content-Digest is only the registry's claim: fetch the bytes and hash
    // them. By digest, manifest() fails unless the bytes hash to the digest asked for; by tag,
    // Ocular's own hash is printed and a disagreeing header is a warning (PROTOCOL §3).
    const Reference ref = target->reference;
    const QString what = QStringLiteral("digest ") + reference;
    target->source->manifest(ref.repository(), ref.identifier(), this,
                             [this, what, ref](Result<SourceManifest> fetched) {
                                 if (!fetched)
                                     return fail(what, fetched.error());
                                 if (!fetched->warning.isEmpty())
                                     printError(
                                         QStringLiteral("%1: %2: warning: %3")
                                             .arg(QLatin1String(Program), what, fetched->warning));
                                 printLine(ref.hasDigest() ? ref.digest().toString()
                                                           : fetched->manifest.digest().toString());
                                 finish(Success);
                             });
    return -1;
}

int CliRunner::runManifest(const QString &reference)
{
    const auto target = targetFor(reference);
    if (!target)
        return Usage;
    target->source->manifest(target->reference.repository(), target->reference.identifier(), this,
                             [this, reference](Result<SourceManifest> fetched) {
                                 if (!fetched)
                                     return fail(QStringLiteral("manifest ") + reference,
                                                 fetched.error());
                                 if (!fetched->warning.isEmpty())
                                     printError(QStringLiteral("%1: warning: %2")
                                                    .arg(QLatin1String(Program), fetched->warning));
                                 writeOut(fetched->manifest.raw());
                                 finish(Success);
                             });
    return -1;
}

int CliRunner::runBlob(const QString &reference)
{
    const auto target = targetFor(reference);
    if (!target)
        return Usage;
    const Reference &ref = target->reference;
    if (!ref.hasDigest())
        return usageError(QStringLiteral(
            "blob needs a reference with a digest (REPO@sha256:... or oci:DIR@sha256:...)"));
    target->source->blobBytes(ref.repository(), ref.digest(), m_maxBytes, this,
                              [this, reference](Result<QByteArray> blob) {
                                  if (!blob)
                                      return fail(QStringLiteral("blob ") + reference,
                                                  blob.error());
                                  writeOut(blob.value());
                                  finish(Success);
                              });
    return -1;
}

int CliRunner::runSeed(const QString &host)
{
    const auto registry = parseRegistryArgument(host);
    if (!registry)
        return Usage;
    RegistryClient *client = clientFor(*registry);
    if (!client)
        return Usage;
    m_seeder = new DemoSeeder(this);
    m_seeder->setManyTagCount(m_manyTags);
    connect(m_seeder, &DemoSeeder::progress, this, [](int step, int total, const QString &text) {
        printError(QStringLiteral("step %1 of %2: %3").arg(step).arg(total).arg(text));
    });
    // Ping first: it settles authentication once, before many pushes run concurrently.
    client->ping(this, [this, client, host](Result<PingResult> ping) {
        if (!ping)
            return fail(QStringLiteral("seed ") + host, ping.error());
        m_seeder->seed(new RegistrySource(client, m_seeder), this,
                       [this, host](Result<DemoSummary> summary) {
                           if (!summary)
                               return fail(QStringLiteral("seed ") + host, summary.error());
                           printSummary(summary.value());
                           finish(Success);
                       });
    });
    return -1;
}

void CliRunner::printSummary(const DemoSummary &summary)
{
    const QString host = m_client->endpoint().registry;
    printLine(QStringLiteral("Seeded %1 repositories, %2 tags:")
                  .arg(summary.repositories.size())
                  .arg(summary.tagCount()));
    for (const QString &repository : summary.repositories) {
        printLine(QStringLiteral("  %1/%2 (%3 tags)")
                      .arg(host, repository)
                      .arg(summary.tags.value(repository).size()));
    }
    printLine(QStringLiteral("Notable manifests:"));
    for (auto it = summary.digests.begin(); it != summary.digests.end(); ++it)
        printLine(QStringLiteral("  %1  %2").arg(it.value().toString(), it.key()));
}

int CliRunner::runServeDemo()
{
    RegistryProcess::Options options;
    options.storageDir = m_storageDir;
    m_registry = new RegistryProcess(options, this);
    m_signals = new SignalWatcher(this);
    connect(m_signals, &SignalWatcher::interrupted, this, [this](int) {
        printError(QStringLiteral("%1: stopping the demo registry").arg(QLatin1String(Program)));
        m_registry->stop();
        finish(Success);
    });
    connect(m_registry, &RegistryProcess::crashed, this, [this](const QString &log) {
        fail(QStringLiteral("serve-demo"),
             Error::make(ErrorKind::Server,
                         QStringLiteral("docker-registry exited unexpectedly:\n") + log));
    });
    printError(QStringLiteral("Starting docker-registry..."));
    m_registry->startAsync(this, [this](Result<Done> started) {
        if (!started)
            return fail(QStringLiteral("serve-demo"), started.error());
        RegistryClient *client = clientFor(m_registry->hostPort());
        if (!client)
            return finish(Failed);
        m_seeder = new DemoSeeder(this);
        m_seeder->setManyTagCount(m_manyTags);
        connect(m_seeder, &DemoSeeder::progress, this,
                [](int step, int total, const QString &text) {
                    printError(QStringLiteral("step %1 of %2: %3").arg(step).arg(total).arg(text));
                });
        m_seeder->seed(
            new RegistrySource(client, m_seeder), this, [this](Result<DemoSummary> summary) {
                if (!summary)
                    return fail(QStringLiteral("serve-demo"), summary.error());
                printSummary(summary.value());
                printLine(
                    QStringLiteral("Demo registry running at %1 (storage: %2). Press Ctrl+C to "
                                   "stop.")
                        .arg(m_registry->baseUrl(), m_registry->storageDir()));
                printLine(QStringLiteral("Try: ocular-cli ls %1").arg(m_registry->hostPort()));
            });
    });
    return -1;
}

int CliRunner::runActivity(int last, bool json)
{
    const ActivityLog log;
    const auto contents = log.read(last);
    if (!contents) {
        printError(QStringLiteral("%1: activity: %2")
                       .arg(QLatin1String(Program), contents.error().message));
        return Failed;
    }
    if (contents->skippedLines > 0)
        printError(QStringLiteral("%1: activity: %2 damaged line(s) in %3 were skipped")
                       .arg(QLatin1String(Program))
                       .arg(contents->skippedLines)
                       .arg(log.path()));
    if (json) {
        QJsonArray entries;
        for (const ActivityEntry &entry : contents->entries)
            entries.append(entry.toJson());
        writeOut(QJsonDocument(entries).toJson(QJsonDocument::Indented));
        return Success;
    }
    if (contents->entries.isEmpty())
        printError(QStringLiteral("%1: activity: nothing recorded yet (%2)")
                       .arg(QLatin1String(Program), log.path()));
    for (const ActivityEntry &entry : contents->entries) {
        const QString where = entry.registry + QLatin1Char('/') + entry.repository;
        printLine(QStringLiteral("%1  %2  %3  %4")
                      .arg(entry.time.toString(Qt::ISODate), entry.action.leftJustified(6),
                           nametext::printable(where, 200),
                           nametext::printable(entry.summary, 400)));
    }
    return Success;
}

} // namespace ocular
