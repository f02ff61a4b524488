#include "referrerspanel.h"

#include "base/offthread.h"
#include "commands/equivalentcommands.h"
#include "content/mediatype.h"
#include "dialogs/cosignkeychooser.h"
#include "models/referrergraphmodel.h"
#include "panels/sbomviewer.h"
#include "referrers/capabilityprobe.h"
#include "referrers/provenancesummary.h"
#include "referrers/referrerwalker.h"
#include "referrers/signatureinspector.h"
#include "source/contentsource.h"
#include "views/displayformat.h"
#include "views/referencemenu.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTextCursor>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>

namespace ocular {

namespace {
constexpr qint64 LayerCap = 64LL * 1024 * 1024;
constexpr int kResizePrecisionRows = 200;
constexpr qsizetype kExpandAllNodes = 500;
const QLatin1String kCosignSignature("dev.cosignproject.cosign/signature");

QString certificatesText(const QList<CertificateSummary> &certs)
{
    QString t;
    for (int i = 0; i < certs.size(); ++i) {
        const CertificateSummary &c = certs.at(i);
        t += QStringLiteral("certificate %1\n  subject: %2\n  issuer:  %3\n  valid:   %4 — %5\n")
                 .arg(i)
                 .arg(c.subject, c.issuer, displayformat::dateTime(c.notBefore),
                      displayformat::dateTime(c.notAfter));
        if (!c.subjectAltNames.isEmpty())
            t +=
                QStringLiteral("  names:   %1\n").arg(c.subjectAltNames.join(QStringLiteral(", ")));
    }
    return t;
}
} // namespace

ReferrersPanel::ReferrersPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new ReferrerGraphModel(this))
    , m_view(new QTreeView(this))
    , m_header(new QLabel(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_bottom(new QSplitter(Qt::Horizontal, this))
    , m_details(new QPlainTextEdit(this))
    , m_sbom(new SbomViewer(this))
    , m_keyButton(new QPushButton(tr("Verify with Key…"), this))
{
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setSectionResizeMode(ReferrerGraphModel::ArtifactColumn,
                                           QHeaderView::ResizeToContents);
    // Sizing the column to every row of a 2,000-platform index stalls the GUI thread; the
    // first rows tell the width well enough.
    m_view->header()->setResizeContentsPrecision(kResizePrecisionRows);
    m_details->setReadOnly(true);
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);
    // Details on the left, the SBOM's packages (when there are any) on the right: the dock is
    // wide and short, so side by side leaves both their height.
    m_bottom->addWidget(m_details);
    m_bottom->addWidget(m_sbom);
    m_bottom->setStretchFactor(0, 2);
    m_bottom->setStretchFactor(1, 3);
    m_bottom->setChildrenCollapsible(false);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setWordWrap(true);

    auto *top = new QHBoxLayout;
    top->addWidget(m_header, 1);
    top->addWidget(m_keyButton);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_bottom);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_splitter, 1);
    // Until a referrer is selected (or the walk has warnings) the table has all the room.
    showDetailsPane(false, false);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ReferrersPanel::onCurrentChanged);
    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.data(ReferrerGraphModel::ContinuationRole).toBool()) {
            // "more…" below an index the nesting limit cut: walk again, into that index too.
            const Result<Digest> cut =
                Digest::parse(index.data(ReferrerGraphModel::DigestRole).toString());
            if (cut.ok()) {
                m_expandIndexes.insert(cut.value());
                walk();
            }
            return;
        }
        if (const ReferrerNode *node = m_model->nodeAt(index))
            Q_EMIT digestActivated(node->digest);
    });
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        if (ReferenceMenu *menu = contextMenuFor(m_view->indexAt(at))) {
            menu->setAttribute(Qt::WA_DeleteOnClose);
            menu->popup(m_view->viewport()->mapToGlobal(at));
        }
    });
    connect(m_keyButton, &QPushButton::clicked, this, &ReferrersPanel::chooseKey);
    connect(m_sbom, &SbomViewer::loaded, this, [this] { Q_EMIT detailsShown(); });
}

ReferrersPanel::~ReferrersPanel()
{
    cancel();
}

void ReferrersPanel::setSource(ContentSource *source, CapabilityProbe *probe)
{
    cancel();
    // Walks deliver to the walker: deleting it drops whatever answers are still queued.
    delete m_walker;
    m_walker = nullptr;
    m_source = source;
    m_probe = source ? probe : nullptr;
    if (source)
        m_walker = new ReferrerWalker(source, m_probe, this);
    m_model->clear();
    m_header->clear();
    m_details->clear();
    m_sbom->clear();
    showDetailsPane(false, false);
}

void ReferrersPanel::setVerifier(std::optional<CosignVerifier> verifier)
{
    m_verifier = std::move(verifier);
    onCurrentChanged();
}

void ReferrersPanel::cancel()
{
    ++m_generation;
    ++m_detailGeneration;
    m_walk.cancel();
    m_detail.cancel();
    if (m_walking) {
        m_walking = false;
        m_header->setText(tr("Finding referrers was cancelled. Select the manifest again or "
                             "press F5 to retry."));
        Q_EMIT activityChanged(QString());
    }
}

bool ReferrersPanel::detailsVisible() const
{
    return m_bottom->isVisibleTo(this);
}

void ReferrersPanel::showDetailsPane(bool details, bool sbom)
{
    m_sbom->setVisible(sbom);
    m_details->setVisible(details || !sbom);
    m_bottom->setVisible(details || sbom);
    if (details || sbom) {
        const int total = qMax(2, m_splitter->height());
        if (m_splitter->sizes().value(1) < total / 4)
            m_splitter->setSizes({total / 2, total - total / 2});
    }
}

QString ReferrersPanel::detailsText() const
{
    return m_details->toPlainText();
}

void ReferrersPanel::showSelection(const TreeSelection &selection)
{
    const bool manifestLike =
        selection.kind == NodeKind::Tag || selection.manifest ||
        (selection.descriptor && mediatype::isManifestType(selection.descriptor->mediaType));
    if (selection.isEmpty() || !manifestLike) {
        cancel();
        m_model->clear();
        m_details->clear();
        showDetailsPane(false, false);
        m_header->setText(tr("Select a tag or a manifest to see what refers to it."));
        return;
    }
    const Digest digest = selection.digest();
    showSubject(selection.repository, digest.isValid() ? digest.toString() : selection.tag);
}

void ReferrersPanel::showSubject(const QString &repository, const QString &reference)
{
    m_repository = repository;
    m_reference = reference;
    m_expandIndexes.clear();
    walk();
}

ReferenceMenu *ReferrersPanel::contextMenuFor(const QModelIndex &index)
{
    const ReferrerNode *node = m_model->nodeAt(index);
    if (!node || !node->digest.isValid() || !m_source)
        return nullptr;
    const QString digestReference = displayformat::registryName(m_source->displayName()) +
                                    QLatin1Char('/') + m_repository + QLatin1Char('@') +
                                    node->digest.toString();
    auto *menu = new ReferenceMenu(QString(), digestReference, this);
    connect(menu, &ReferenceMenu::copied, this,
            [this](const QString &text) { Q_EMIT information(tr("Copied %1").arg(text)); });
    menu->addOpenInNewWindow(this, [this, digest = node->digest] {
        Q_EMIT openInNewWindowRequested(m_repository + QLatin1Char('@') + digest.toString());
    });
    menu->addRefresh(this, [this] { walk(); });
    // A referrer is a manifest by digest: the same commands as that manifest in the tree.
    if (std::optional<CommandTarget> connection = CommandTarget::connectionOf(m_source.data())) {
        CommandTarget target = *connection;
        target.repository = m_repository;
        target.digest = node->digest;
        target.kind = CommandTarget::Kind::Manifest;
        menu->addCopyAsCommand(QStringLiteral("manifest"), tr("Manifest"),
                               EquivalentCommands::forTarget(target));
        target.kind = CommandTarget::Kind::Referrers;
        menu->addCopyAsCommand(QStringLiteral("referrers"), tr("Referrers"),
                               EquivalentCommands::forTarget(target));
        connect(menu, &ReferenceMenu::commandCopied, this, [this](const QString &tool) {
            Q_EMIT information(tr("Copied the %1 command").arg(tool));
        });
    }
    return menu;
}

void ReferrersPanel::walk()
{
    const QString repository = m_repository;
    const QString reference = m_reference;
    cancel();
    const int generation = ++m_generation;
    m_model->clear();
    m_details->clear();
    m_sbom->clear();
    showDetailsPane(false, false);
    if (!m_walker)
        return;
    m_header->setText(tr("Finding referrers of %1…").arg(reference));
    m_walking = true;
    Q_EMIT activityChanged(tr("Finding referrers…"));
    ReferrerWalker::Options options;
    options.expandIndexes = m_expandIndexes;
    m_walk = m_walker->walk(
        repository, reference, options, m_walker,
        [this, generation, repository](Result<ReferrerGraph> graph) {
            if (generation != m_generation)
                return;
            m_walking = false;
            Q_EMIT activityChanged(QString());
            if (!graph.ok()) {
                if (graph.error().kind != ErrorKind::Cancelled) {
                    m_header->setText(tr("Referrers: %1").arg(graph.error().message));
                    Q_EMIT problem(graph.error().toString());
                }
                return;
            }
            m_model->setGraph(graph.value());
            // Everything open for a usual graph; a huge one (an index of thousands of
            // platforms) opens one level, so laying it out does not stall the GUI thread.
            if (graph->nodeCount() <= kExpandAllNodes)
                m_view->expandAll();
            else
                m_view->expandToDepth(0);
            const int n = m_model->referrerCount();
            QString api;
            if (m_probe) {
                const Capability c = m_probe->cached(repository).referrersApi;
                api = tr("; referrers API: %1").arg(c.stateName());
            }
            QString text = tr("Referrers (%1) of %2%3").arg(n).arg(graph->root().shortForm(), api);
            if (!graph->issues().isEmpty())
                text += tr(" — %n warning(s)", nullptr, int(graph->issues().size()));
            m_header->setText(text);
            QString issues;
            for (const ReferrerIssue &issue : graph->issues())
                issues += QStringLiteral("⚠ ") + issue.message + QLatin1Char('\n');
            m_details->setPlainText(issues);
            showDetailsPane(!issues.isEmpty(), false);
            Q_EMIT graphLoaded(n);
        });
}

void ReferrersPanel::onCurrentChanged()
{
    const QModelIndex current = m_view->currentIndex();
    const ReferrerNode *node = m_model->nodeAt(current);
    if (!node)
        return;
    const QModelIndex parent = current.parent();
    const ReferrerNode *subject = m_model->nodeAt(parent);
    showDetails(*node, subject ? subject->digest : Digest());
}

void ReferrersPanel::loadLayer(const Descriptor &layer, std::function<void(const QByteArray &)> use)
{
    m_detail.cancel();
    const int generation = ++m_detailGeneration;
    if (!m_source)
        return;
    m_detail = m_source->blobBytes(
        m_repository, layer.digest, LayerCap, this,
        [this, generation, use](Result<QByteArray> bytes) {
            if (generation != m_detailGeneration)
                return;
            if (!bytes.ok()) {
                m_details->appendPlainText(
                    tr("\nCould not read the content: %1").arg(bytes.error().toString()));
                return;
            }
            use(bytes.value());
        });
}

void ReferrersPanel::describeLayer(const Descriptor &layer,
                                   std::function<QString(const QByteArray &)> describe)
{
    loadLayer(layer, [this, describe](const QByteArray &bytes) {
        const int generation = m_detailGeneration;
        runOffThread<QString>(
            this, [describe, bytes] { return describe(bytes); },
            [this, generation](const QString &text) {
                if (generation != m_detailGeneration)
                    return; // the user has moved on
                m_details->appendPlainText(text);
                Q_EMIT detailsShown();
            });
    });
}

void ReferrersPanel::showDetails(const ReferrerNode &node, const Digest &subject)
{
    ++m_detailGeneration;
    m_detail.cancel();
    QString t = tr("%1\n%2\nmedia type: %3\n")
                    .arg(node.classification.label, node.digest.toString(), node.mediaType);
    if (!node.artifactType.isEmpty())
        t += tr("artifact type: %1\n").arg(node.artifactType);
    if (node.size >= 0)
        t += tr("size: %1 bytes\n").arg(node.size);
    if (!node.created.isEmpty())
        t += tr("created: %1\n").arg(displayformat::dateTime(node.created));
    for (const QString &p : node.predicateTypes)
        t += tr("predicate: %1\n").arg(p);
    for (auto it = node.annotations.begin(); it != node.annotations.end(); ++it)
        t += QStringLiteral("  %1 = %2\n").arg(it.key(), it.value().left(200));
    if (node.missing)
        t += tr("\nThis manifest does not exist any more (a stale entry).\n");
    m_details->setPlainText(t);
    m_sbom->clear();
    showDetailsPane(true, false);
    if (!m_source || node.layers.isEmpty())
        return Q_EMIT detailsShown();

    const ArtifactCategory category = node.classification.category;
    const Descriptor first = node.layers.first();
    auto isSbomPredicate = [](const QString &predicate) {
        return ArtifactClass::sbomStandard(ArtifactClass::fromPredicateType(predicate).format) !=
               SbomStandard::None;
    };
    if (category == ArtifactCategory::Sbom ||
        (category == ArtifactCategory::Attestation &&
         std::any_of(node.predicateTypes.begin(), node.predicateTypes.end(), isSbomPredicate))) {
        Descriptor layer = first;
        for (const Descriptor &l : node.layers) {
            if (isSbomPredicate(l.annotations.value(QStringLiteral("in-toto.io/predicate-type"))) ||
                isSbomPredicate(l.annotations.value(QStringLiteral("predicateType"))))
                layer = l;
        }
        showDetailsPane(true, true);
        const std::optional<Descriptor> provenance = provenanceLayer(node);
        loadLayer(layer, [this, provenance](const QByteArray &bytes) {
            m_sbom->loadJson(bytes);
            // A BuildKit attestation carries the provenance beside the SBOM: read it next.
            if (provenance)
                loadProvenance(*provenance);
        });
        return;
    }
    if (const std::optional<Descriptor> provenance = provenanceLayer(node)) {
        loadProvenance(*provenance);
        return;
    }
    if (category != ArtifactCategory::Signature)
        return Q_EMIT detailsShown();
    // Parsing a signature and checking it with the key are CPU work (certificates, ECDSA):
    // the describe functions run on the pool and touch nothing of the panel.
    if (mediatype::sameType(first.mediaType, mediatype::JoseJson)) {
        describeLayer(first, [](const QByteArray &bytes) {
            auto s = signatureinspector::inspectNotationJws(bytes);
            if (!s.ok())
                return s.error().message;
            return tr("\nNotation JWS (%1)\nsigning scheme: %2\nsigning time: %3\nsigned "
                      "manifest: %4\n%5%6\nverification: not checked (Notation trust "
                      "policies are not evaluated by Ocular)")
                .arg(s->algorithm, s->signingScheme, s->signingTime, s->targetDigest,
                     s->expiry.isEmpty() ? QString() : tr("expiry: %1\n").arg(s->expiry),
                     certificatesText(s->certificates));
        });
        return;
    }
    if (node.classification.format == ArtifactFormat::SigstoreBundle) {
        describeLayer(first, [](const QByteArray &bytes) {
            auto s = signatureinspector::inspectSigstoreBundle(bytes);
            if (!s.ok())
                return s.error().message;
            return tr("\nSigstore bundle %1\ncontent: %2 %3 %4\ntransparency log entries: "
                      "%5 (index %6, %7)\n%8")
                .arg(s->mediaType, s->content, s->payloadType, s->predicateType)
                .arg(s->tlogEntries)
                .arg(s->logIndex, displayformat::dateTime(s->integratedTime),
                     certificatesText(s->certificates));
        });
        return;
    }
    if (mediatype::sameType(first.mediaType, mediatype::CosignSimpleSigning)) {
        const QByteArray signature = first.annotations.value(kCosignSignature).toLatin1();
        const std::optional<CosignVerifier> verifier = m_verifier;
        describeLayer(first, [signature, verifier, subject](const QByteArray &payload) {
            auto p = signatureinspector::inspectSimpleSigning(payload);
            if (!p.ok())
                return p.error().message;
            const bool matches = subject.isValid() && p->dockerManifestDigest == subject.toString();
            QString t =
                tr("\ncosign simple signing\nsigned manifest: %1 (%2)\nidentity: %3\n")
                    .arg(p->dockerManifestDigest,
                         matches ? tr("matches the subject")
                                 : tr("DOES NOT match the subject %1").arg(subject.toString()),
                         p->dockerReference);
            for (const QString &line : p->optional)
                t += QStringLiteral("  %1\n").arg(line);
            VerificationResult result = VerificationResult::notChecked(tr("no key chosen"));
            if (verifier)
                result = verifier->verifyForSubject(payload, signature, subject);
            t += tr("verification: %1").arg(result.toString());
            return t;
        });
        return;
    }
    Q_EMIT detailsShown();
}

std::optional<Descriptor> ReferrersPanel::provenanceLayer(const ReferrerNode &node)
{
    if (node.classification.category != ArtifactCategory::Attestation)
        return std::nullopt;
    for (const Descriptor &l : node.layers) {
        if (ProvenanceSummary::isProvenancePredicate(
                l.annotations.value(QStringLiteral("in-toto.io/predicate-type"))) ||
            ProvenanceSummary::isProvenancePredicate(
                l.annotations.value(QStringLiteral("predicateType"))))
            return l;
    }
    const bool provenance =
        std::any_of(node.predicateTypes.begin(), node.predicateTypes.end(),
                    [](const QString &p) { return ProvenanceSummary::isProvenancePredicate(p); });
    if (provenance && node.layers.size() == 1)
        return node.layers.first();
    return std::nullopt;
}

void ReferrersPanel::loadProvenance(const Descriptor &layer)
{
    loadLayer(layer, [this](const QByteArray &bytes) {
        const int generation = m_detailGeneration;
        runOffThread<Result<ProvenanceSummary>>(
            this, [bytes] { return ProvenanceSummary::parse(bytes); },
            [this, generation](Result<ProvenanceSummary> summary) {
                if (generation != m_detailGeneration)
                    return;
                m_details->appendPlainText(
                    summary.ok()
                        ? provenanceText(summary.value())
                        : tr("\nThe provenance cannot be read: %1").arg(summary.error().message));
                m_details->moveCursor(QTextCursor::Start);
                Q_EMIT detailsShown();
            });
    });
}

QString ReferrersPanel::provenanceText(const ProvenanceSummary &p)
{
    // Build times in UTC to the second: they are compared with CI logs, not read as dates.
    auto time = [](const QDateTime &t) -> QString {
        return t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC");
    };
    QString t = tr("SLSA provenance v%1\n").arg(p.slsaVersion);
    auto line = [&t](const QString &label, const QString &value) {
        if (!value.isEmpty())
            t += QStringLiteral("%1 %2\n").arg(label.leftJustified(13), value);
    };
    line(tr("builder:"), p.builderId);
    line(tr("build type:"), p.buildType);
    line(tr("source:"), p.configSource);
    line(tr("entry point:"), p.entryPoint);
    if (p.startedOn.isValid())
        line(tr("started:"), time(p.startedOn));
    if (p.finishedOn.isValid()) {
        QString finished = time(p.finishedOn);
        if (p.startedOn.isValid() && p.startedOn <= p.finishedOn)
            finished += tr(" (took %n s)", nullptr, int(p.startedOn.secsTo(p.finishedOn)));
        line(tr("finished:"), finished);
    }
    line(tr("invocation:"), p.invocationId);
    if (p.reproducible)
        line(tr("reproducible:"), *p.reproducible ? tr("yes") : tr("no"));
    if (!p.parameters.isEmpty()) {
        t += tr("parameters:\n");
        for (const QString &param : p.parameters)
            t += QStringLiteral("  %1\n").arg(param);
    }
    t += tr("materials (%1):\n").arg(p.materials.size());
    for (const ProvenanceMaterial &m : p.materials) {
        t += QStringLiteral("  %1\n").arg(m.uri.isEmpty() ? m.digest : m.uri);
        if (!m.uri.isEmpty() && !m.digest.isEmpty())
            t += QStringLiteral("    %1\n").arg(m.digest);
    }
    if (!p.subjects.isEmpty())
        t += tr("subjects: %1\n").arg(p.subjects.join(QStringLiteral(", ")));
    return t;
}

void ReferrersPanel::chooseKey()
{
    const auto verifier = CosignKeyChooser::choose(this);
    if (!verifier)
        return;
    if (!verifier->ok())
        return Q_EMIT problem(verifier->error().message);
    m_keyButton->setText(tr("Key: %1").arg(verifier->value().keyDescription()));
    setVerifier(verifier->value());
}

} // namespace ocular
