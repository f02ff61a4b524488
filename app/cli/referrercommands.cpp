#include "referrercommands.h"

#include "layout/ocilayoutreference.h"
#include "source/ocilayoutsource.h"

#include "clioutput.h"

#include "reference/reference.h"
#include "referrers/audittable.h"
#include "referrers/capabilityprobe.h"
#include "referrers/cosigngraphverifier.h"
#include "referrers/cosignverifier.h"
#include "referrers/referrerwalker.h"
#include "referrers/repositoryauditor.h"
#include "referrers/staleattachmentscanner.h"
#include "source/contentsource.h"
#include "stack/registrystack.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

namespace ocular {

namespace {

using clioutput::err;
using clioutput::out;
using clioutput::Program;
// Lines `tree` prints at most; a graph this large is read as JSON.
constexpr qsizetype TreeLineBudget = 20000;

QString nodeLine(const ReferrerNode *node, const ReferrerEdge &edge)
{
    QString kind;
    QString digest = edge.to.toString();
    if (!node)
        return digest;
    if (edge.sources == ReferrerSources(ReferrerSource::IndexChild)) {
        kind = node->platform.isEmpty() ? node->classification.label : node->platform;
    } else {
        kind = node->artifactType.isEmpty() ? node->classification.label : node->artifactType;
    }
    QString line = kind + QLatin1Char(' ') + digest;
    QStringList notes;
    if (edge.sources != ReferrerSources(ReferrerSource::IndexChild)) {
        notes << QStringLiteral("via ") + referrerSourceNames(edge.sources);
        if (!edge.tag.isEmpty())
            notes << QStringLiteral("tag ") + edge.tag;
        if (!node->classification.label.isEmpty() && node->classification.label != kind)
            notes << node->classification.label;
    } else {
        notes << QStringLiteral("platform manifest");
    }
    if (node->missing)
        notes << QStringLiteral("MISSING");
    return line + QStringLiteral("  [") + notes.join(QStringLiteral("; ")) + QLatin1Char(']');
}

QString rejectedLine(const ReferrerGraph &graph, const RejectedReferrer &r)
{
    const ReferrerNode *node = graph.node(r.referrer);
    QString kind =
        node ? (node->artifactType.isEmpty() ? node->classification.label : node->artifactType)
             : QString();
    QStringList notes{QStringLiteral("NOT A REFERRER: ") + r.detail,
                      QStringLiteral("listed via ") + referrerSourceNames(r.sources)};
    if (!r.tag.isEmpty())
        notes << QStringLiteral("tag ") + r.tag;
    return (kind.isEmpty() ? QString() : kind + QLatin1Char(' ')) + r.referrer.toString() +
           QStringLiteral("  [") + notes.join(QStringLiteral("; ")) + QLatin1Char(']');
}

// Prints each node's subtree once; later occurrences refer back to it. A graph where every
// manifest lists every other would otherwise print every simple path (factorial output).
class TreePrinter
{
public:
    TreePrinter(const ReferrerGraph &graph, qsizetype budgetLines)
        : m_graph(graph)
        , m_budget(budgetLines)
    {}

    QString print()
    {
        m_printed.insert(m_graph.root());
        QSet<Digest> onPath{m_graph.root()};
        children(m_graph.root(), QString(), onPath);
        if (m_stopped)
            m_text += QStringLiteral("(output stopped after %1 lines: the graph is too large "
                                     "to print as a tree; use --format json for all of it)\n")
                          .arg(m_budget);
        return m_text;
    }

private:
    bool line(const QString &text)
    {
        if (m_stopped)
            return false;
        if (m_lines >= m_budget) {
            m_stopped = true;
            return false;
        }
        ++m_lines;
        m_text += text + QLatin1Char('\n');
        return true;
    }

    void children(const Digest &digest, const QString &prefix, QSet<Digest> &onPath)
    {
        struct Entry
        {
            const ReferrerEdge *edge = nullptr;
            const RejectedReferrer *rejected = nullptr;
            bool nestingCut = false;
        };
        const QList<ReferrerEdge> edges = m_graph.edgesFrom(digest);
        const QList<RejectedReferrer> rejected = m_graph.rejectedFor(digest);
        QList<Entry> entries;
        for (const ReferrerEdge &edge : edges)
            entries.append(Entry{&edge, nullptr, false});
        for (const RejectedReferrer &r : rejected)
            entries.append(Entry{nullptr, &r, false});
        if (m_graph.isNestingCut(digest))
            entries.append(Entry{nullptr, nullptr, true});
        for (qsizetype i = 0; i < entries.size() && !m_stopped; ++i) {
            const Entry &entry = entries.at(i);
            const bool last = i == entries.size() - 1;
            const QString branch =
                prefix + (last ? QStringLiteral("└── ") : QStringLiteral("├── "));
            const QString below = prefix + (last ? QStringLiteral("    ") : QStringLiteral("│   "));
            if (entry.nestingCut) {
                line(branch + QStringLiteral("… nesting limit reached: walk %1 for its entries")
                                  .arg(digest.toString()));
                continue;
            }
            if (entry.rejected) {
                line(branch + QStringLiteral("✗ ") + rejectedLine(m_graph, *entry.rejected));
                continue;
            }
            const ReferrerEdge &edge = *entry.edge;
            if (!line(branch + nodeLine(m_graph.node(edge.to), edge)))
                return;
            if (onPath.contains(edge.to)) {
                line(below + QStringLiteral("└── (cycle)"));
                continue;
            }
            if (m_printed.contains(edge.to)) {
                if (!m_graph.edgesFrom(edge.to).isEmpty() ||
                    !m_graph.rejectedFor(edge.to).isEmpty())
                    line(below + QStringLiteral("└── (see above)"));
                continue;
            }
            m_printed.insert(edge.to);
            onPath.insert(edge.to);
            children(edge.to, below, onPath);
            onPath.remove(edge.to);
        }
    }

    const ReferrerGraph &m_graph;
    const qsizetype m_budget;
    QSet<Digest> m_printed;
    QString m_text;
    qsizetype m_lines = 0;
    bool m_stopped = false;
};

QString capabilityLine(const QString &name, const Capability &c)
{
    return QStringLiteral("%1 %2 %3 %4\n")
        .arg(name.leftJustified(22), c.stateName().leftJustified(14),
             c.probedAt.isValid() ? c.probedAt.toString(Qt::ISODate) : QStringLiteral("-"),
             c.evidence);
}

} // namespace

ReferrerCommands::ReferrerCommands(StackFactory stackFor, QObject *parent)
    : QObject(parent)
    , m_stackFor(std::move(stackFor))
{}

void ReferrerCommands::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        QCommandLineOption(QStringLiteral("format"), QStringLiteral("Output format."),
                           QStringLiteral("text|json|csv")),
        QCommandLineOption(QStringLiteral("key"), QStringLiteral("Public key (PEM)."),
                           QStringLiteral("file")),
        QCommandLineOption(QStringLiteral("depth"), QStringLiteral("Referrer depth."),
                           QStringLiteral("n")),
        QCommandLineOption(QStringLiteral("artifact-type"),
                           QStringLiteral("Only referrers of this type."), QStringLiteral("type")),
        QCommandLineOption(QStringLiteral("filter"), QStringLiteral("Audit filter."),
                           QStringLiteral("unsigned|no-sbom|no-provenance")),
    });
}

bool ReferrerCommands::handles(const QString &command)
{
    return command == QLatin1String("tree") || command == QLatin1String("audit") ||
           command == QLatin1String("verify") || command == QLatin1String("capabilities");
}

QString ReferrerCommands::helpText()
{
    return QStringLiteral(
        "Supply chain:\n"
        "  tree REF              the referrer graph (signatures, SBOMs, attestations) with the\n"
        "                        source of each edge: referrers API, fallback tag, cosign tag,\n"
        "                        BuildKit attestation; --format json, --depth N,\n"
        "                        --artifact-type TYPE\n"
        "  audit REPO            signed? SBOM? provenance? for every tag and platform manifest;\n"
        "                        --format text|json|csv, --key KEY.pub to verify cosign\n"
        "                        signatures, --filter unsigned|no-sbom|no-provenance\n"
        "  verify REF --key K    check cosign signatures with a public key (ECDSA P-256, RSA);\n"
        "                        exit 0 only when one verifies\n"
        "  capabilities HOST[/REPO]  probe referrers API, filtering, catalog, tag pagination\n");
}

int ReferrerCommands::usage(const QString &message)
{
    err(QStringLiteral("%1: %2\nRun 'ocular-cli --help' for usage.")
            .arg(QLatin1String(Program), message));
    return 2;
}

void ReferrerCommands::fail(const QString &what, const QString &message)
{
    err(QStringLiteral("%1: %2: %3").arg(QLatin1String(Program), what, message));
    finish(1);
}

void ReferrerCommands::finish(int code)
{
    QMetaObject::invokeMethod(
        QCoreApplication::instance(), [code] { QCoreApplication::exit(code); },
        Qt::QueuedConnection);
}

int ReferrerCommands::start(const QString &command, const QStringList &arguments,
                            const QCommandLineParser &parser)
{
    m_command = command;
    m_format = parser.value(QStringLiteral("format"));
    m_key = parser.value(QStringLiteral("key"));
    m_artifactType = parser.value(QStringLiteral("artifact-type"));
    m_filter = parser.value(QStringLiteral("filter"));
    if (parser.isSet(QStringLiteral("depth"))) {
        bool ok = false;
        m_depth = parser.value(QStringLiteral("depth")).toInt(&ok);
        if (!ok || m_depth < 1 || m_depth > 64)
            return usage(QStringLiteral("--depth needs a number from 1 to 64"));
    }
    if (arguments.size() != 1)
        return usage(QStringLiteral("%1 needs exactly one argument").arg(command));
    if (command == QLatin1String("tree"))
        return runTree(arguments.first());
    if (command == QLatin1String("audit"))
        return runAudit(arguments.first());
    if (command == QLatin1String("verify"))
        return runVerify(arguments.first());
    return runCapabilities(arguments.first());
}

std::optional<ReferrerCommands::WalkTarget> ReferrerCommands::walkTarget(const QString &text,
                                                                         int &exitCode)
{
    if (OciLayoutReference::matches(text)) {
        const auto layout = OciLayoutReference::parse(text);
        if (!layout) {
            exitCode = usage(QStringLiteral("%1: %2").arg(m_command, layout.error().message));
            return std::nullopt;
        }
        auto *layoutSource = new OciLayoutSource(layout->directory, {}, this);
        const auto ref = Reference::fromParts(
            QStringLiteral("localhost"), layoutSource->repositoryName(),
            layout->hasReference() ? layout->tag : QStringLiteral("latest"), layout->digest);
        if (!ref) {
            exitCode =
                usage(QStringLiteral("%1 %2: %3").arg(m_command, text, ref.error().toString()));
            return std::nullopt;
        }
        return WalkTarget{layoutSource, nullptr, ref.value()};
    }
    const auto ref = Reference::parse(text);
    if (!ref) {
        exitCode = usage(QStringLiteral("%1 %2: %3").arg(m_command, text, ref.error().toString()));
        return std::nullopt;
    }
    RegistryStack *stack = m_stackFor(ref->registry());
    if (!stack || !stack->source()) {
        exitCode = 2;
        return std::nullopt;
    }
    return WalkTarget{stack->source(), new CapabilityProbe(stack->client(), this), ref.value()};
}

int ReferrerCommands::runTree(const QString &text)
{
    if (!m_format.isEmpty() && m_format != QLatin1String("text") &&
        m_format != QLatin1String("json"))
        return usage(QStringLiteral("tree: --format is text or json"));
    int exitCode = 2;
    const auto target = walkTarget(text, exitCode);
    if (!target)
        return exitCode;
    ContentSource *source = target->source;
    CapabilityProbe *probe = target->probe;
    auto *walker = new ReferrerWalker(source, probe, this);
    ReferrerWalker::Options options;
    options.maxDepth = m_depth;
    options.artifactType = m_artifactType;
    const Reference reference = target->reference;
    walker->walk(
        reference.repository(), reference.identifier(), options, this,
        [this, reference, probe, source, text](Result<ReferrerGraph> graph) {
            if (!graph)
                return fail(QStringLiteral("tree ") + text, graph.error().toString());
            if (m_format == QLatin1String("json")) {
                QJsonObject doc = graph->toJson();
                if (probe)
                    doc.insert(QStringLiteral("referrersApi"),
                               probe->cached(reference.repository()).referrersApi.stateName());
                out(QString::fromUtf8(QJsonDocument(doc).toJson(QJsonDocument::Indented)));
                return finish(0);
            }
            const QString where =
                probe ? reference.registry() + QLatin1Char('/') + reference.repository()
                      : source->displayName();
            QString textOut =
                where + QLatin1Char('@') + graph->root().toString() + QLatin1Char('\n');
            textOut += TreePrinter(graph.value(), TreeLineBudget).print();
            if (probe) {
                const Capability api = probe->cached(reference.repository()).referrersApi;
                textOut +=
                    QStringLiteral("\nreferrers API: %1 (%2)\n").arg(api.stateName(), api.evidence);
            } else {
                textOut += QStringLiteral("\nreferrers: from the subjects of the layout's "
                                          "manifests\n");
            }
            for (const ReferrerIssue &issue : graph->issues())
                textOut += QStringLiteral("warning: ") + issue.message + QLatin1Char('\n');
            out(textOut);
            finish(0);
        });
    return -1;
}

int ReferrerCommands::runAudit(const QString &text)
{
    if (!m_format.isEmpty() && m_format != QLatin1String("text") &&
        m_format != QLatin1String("json") && m_format != QLatin1String("csv"))
        return usage(QStringLiteral("audit: --format is text, json or csv"));
    audittable::Filter filter = audittable::Filter::All;
    if (m_filter == QLatin1String("unsigned"))
        filter = audittable::Filter::UnsignedOnly;
    else if (m_filter == QLatin1String("no-sbom"))
        filter = audittable::Filter::WithoutSbom;
    else if (m_filter == QLatin1String("no-provenance"))
        filter = audittable::Filter::WithoutProvenance;
    else if (!m_filter.isEmpty())
        return usage(QStringLiteral("audit: --filter is unsigned, no-sbom or no-provenance"));
    std::optional<CosignVerifier> verifier;
    if (!m_key.isEmpty()) {
        QFile file(m_key);
        if (!file.open(QIODevice::ReadOnly))
            return usage(QStringLiteral("audit: cannot read %1").arg(m_key));
        auto parsed = CosignVerifier::fromPublicKeyPem(file.read(64 * 1024));
        if (!parsed)
            return usage(QStringLiteral("audit: %1: %2").arg(m_key, parsed.error().message));
        verifier = parsed.value();
    }
    ContentSource *source = nullptr;
    CapabilityProbe *probe = nullptr; // none for a layout: its referrers are always computed
    QString repository;
    if (OciLayoutReference::matches(text)) {
        const auto layout = OciLayoutReference::parse(text);
        if (!layout || layout->hasReference())
            return usage(QStringLiteral("audit needs a layout (oci:DIR) without tag or digest"));
        auto *layoutSource = new OciLayoutSource(layout->directory, {}, this);
        source = layoutSource;
        repository = layoutSource->repositoryName();
    } else {
        const auto ref = Reference::parse(text);
        if (!ref || ref->hasTag() || ref->hasDigest())
            return usage(
                QStringLiteral("audit needs a repository (HOST/PATH) without tag or digest"));
        RegistryStack *stack = m_stackFor(ref->registry());
        if (!stack || !stack->source())
            return 2;
        source = stack->source();
        probe = new CapabilityProbe(stack->client(), this);
        repository = ref->repository();
    }
    auto *auditor = new RepositoryAuditor(source, probe, this);
    auditor->setVerifier(verifier);
    auditor->setMaxDepth(m_depth);
    auditor->audit(
        repository, this, [this, text, filter, source, repository](Result<QList<AuditRow>> rows) {
            if (!rows)
                return fail(QStringLiteral("audit ") + text, rows.error().toString());
            reportStale(source, repository);
            const QList<AuditRow> shown = audittable::filtered(rows.value(), filter);
            if (m_format == QLatin1String("json"))
                out(QString::fromUtf8(audittable::toJson(shown)));
            else if (m_format == QLatin1String("csv"))
                out(QString::fromUtf8(audittable::toCsv(shown)));
            else {
                QString t;
                for (const AuditRow &r : shown) {
                    t += QStringLiteral("%1 %2 %3\n  signed: %4\n")
                             .arg(r.tag, r.platform, r.digest.shortForm(),
                                  r.isSigned() ? r.signatureKinds.join(QStringLiteral(", "))
                                               : QStringLiteral("no"));
                    // Unsigned rows have nothing to verify; no "not checked" for them.
                    if (r.isSigned())
                        t +=
                            QStringLiteral("  verification: ") + r.verification + QLatin1Char('\n');
                    t +=
                        QStringLiteral("  sbom: %1\n  attestations: %2%3\n  referrers: %4\n")
                            .arg(r.sbomFormats.isEmpty() ? QStringLiteral("no")
                                                         : r.sbomFormats.join(QStringLiteral(", ")),
                                 r.attestationKinds.isEmpty()
                                     ? QStringLiteral("no")
                                     : r.attestationKinds.join(QStringLiteral(", ")),
                                 r.provenance ? QStringLiteral(" (provenance)") : QString())
                            .arg(r.referrerCount);
                    for (const QString &mismatch : r.subjectMismatches)
                        t += QStringLiteral("  not a referrer: ") + mismatch + QLatin1Char('\n');
                }
                out(t);
            }
            m_auditPrinted = true;
            if (m_staleDone)
                finish(0);
        });
    return -1;
}

void ReferrerCommands::reportStale(ContentSource *source, const QString &repository)
{
    auto *scanner = new StaleAttachmentScanner(source, this);
    // Every page: a stale attachment tag sorts anywhere.
    source->allTags(repository, 1000, this, [this, scanner, repository](Result<NameListing> tags) {
        auto done = [this] {
            m_staleDone = true;
            if (m_auditPrinted)
                finish(0);
        };
        if (!tags)
            return done();
        scanner->scan(repository, tags->items, this, [done](Result<QList<ReferrerIssue>> issues) {
            // Warnings go to stderr so that JSON and CSV stay machine-readable.
            if (issues) {
                for (const ReferrerIssue &issue : issues.value())
                    err(QStringLiteral("warning: stale attachment: ") + issue.message);
            }
            done();
        });
    });
}

int ReferrerCommands::runVerify(const QString &text)
{
    if (m_key.isEmpty())
        return usage(QStringLiteral("verify needs --key KEY.pub"));
    QFile file(m_key);
    if (!file.open(QIODevice::ReadOnly))
        return usage(QStringLiteral("verify: cannot read %1").arg(m_key));
    auto verifier = CosignVerifier::fromPublicKeyPem(file.read(64 * 1024));
    if (!verifier)
        return usage(QStringLiteral("verify: %1: %2").arg(m_key, verifier.error().message));
    int exitCode = 2;
    const auto target = walkTarget(text, exitCode);
    if (!target)
        return exitCode;
    auto *walker = new ReferrerWalker(target->source, target->probe, this);
    auto *checker = new CosignGraphVerifier(target->source, this);
    ReferrerWalker::Options options;
    options.maxDepth = 1;
    options.walkIndexChildren = false;
    const Reference reference = target->reference;
    const CosignVerifier key = verifier.value();
    walker->walk(
        reference.repository(), reference.identifier(), options, this,
        [this, checker, key, text](Result<ReferrerGraph> graph) {
            if (!graph)
                return fail(QStringLiteral("verify ") + text, graph.error().toString());
            const ReferrerGraph g = graph.value();
            checker->verify(
                g, g.root(), key, this, [this, g, text](Result<QList<CosignCheck>> checks) {
                    if (!checks)
                        return fail(QStringLiteral("verify ") + text, checks.error().toString());
                    int good = 0;
                    for (const CosignCheck &c : checks.value()) {
                        out(QStringLiteral("%1 layer %2 (via %3): %4\n")
                                .arg(c.signatureManifest.toString())
                                .arg(c.layer)
                                .arg(referrerSourceNames(c.sources), c.result.toString()));
                        good += c.result.isVerified() ? 1 : 0;
                    }
                    if (checks->isEmpty())
                        err(QStringLiteral("%1: verify %2: no cosign signature found")
                                .arg(QLatin1String(Program), text));
                    out(QStringLiteral("%1 of %2 signature(s) verified for %3\n")
                            .arg(good)
                            .arg(checks->size())
                            .arg(g.root().toString()));
                    finish(good > 0 ? 0 : 1);
                });
        });
    return -1;
}

int ReferrerCommands::runCapabilities(const QString &target)
{
    // HOST or HOST/REPO: a bare host has no path component.
    QString host = target;
    QString repository;
    const qsizetype slash = target.indexOf(QLatin1Char('/'));
    if (slash > 0) {
        const auto ref = Reference::parse(target);
        if (!ref || ref->hasTag() || ref->hasDigest())
            return usage(QStringLiteral("capabilities needs HOST or HOST/REPO"));
        host = ref->registry();
        repository = ref->repository();
    }
    RegistryStack *stack = m_stackFor(host);
    if (!stack || !stack->client())
        return 2;
    // The probe reports what the HTTP API does: it asks the client, not the source.
    auto *probe = new CapabilityProbe(stack->client(), this);
    probe->probe(repository, true, this, [this, target](Result<RegistryCapabilities> caps) {
        if (!caps)
            return fail(QStringLiteral("capabilities ") + target, caps.error().toString());
        const RegistryCapabilities &c = caps.value();
        if (m_format == QLatin1String("json")) {
            auto one = [](const Capability &cap) {
                return QJsonObject{
                    {QStringLiteral("state"), cap.stateName()},
                    {QStringLiteral("evidence"), cap.evidence},
                    {QStringLiteral("probedAt"),
                     cap.probedAt.isValid() ? cap.probedAt.toString(Qt::ISODate) : QString()}};
            };
            QJsonObject doc{{QStringLiteral("registry"), c.registry},
                            {QStringLiteral("catalog"), one(c.catalog)},
                            {QStringLiteral("tagDelete"), one(c.tagDelete)}};
            if (!c.repository.isEmpty()) {
                doc.insert(QStringLiteral("repository"), c.repository);
                doc.insert(QStringLiteral("referrersApi"), one(c.referrersApi));
                doc.insert(QStringLiteral("referrersFiltering"), one(c.referrersFiltering));
                doc.insert(QStringLiteral("tagPagination"), one(c.tagPagination));
            }
            out(QString::fromUtf8(QJsonDocument(doc).toJson(QJsonDocument::Indented)));
            return finish(0);
        }
        QString t = c.registry +
                    (c.repository.isEmpty() ? QString() : QLatin1Char('/') + c.repository) +
                    QLatin1Char('\n');
        if (!c.repository.isEmpty()) {
            t += capabilityLine(QStringLiteral("referrers API"), c.referrersApi);
            t += capabilityLine(QStringLiteral("artifactType filter"), c.referrersFiltering);
            t += capabilityLine(QStringLiteral("tag pagination"), c.tagPagination);
        }
        t += capabilityLine(QStringLiteral("catalog"), c.catalog);
        t += capabilityLine(QStringLiteral("tag delete"), c.tagDelete);
        out(t);
        finish(0);
    });
    return -1;
}

} // namespace ocular
