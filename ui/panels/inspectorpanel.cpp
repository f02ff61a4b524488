#include "inspectorpanel.h"

#include "content/imageconfig.h"
#include "content/mediatype.h"
#include "models/annotationsmodel.h"
#include "views/contentview.h"
#include "views/displayformat.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace ocular {

namespace {

const QLatin1String kCreatedAnnotation("org.opencontainers.image.created");

QString sizeText(qint64 bytes)
{
    return InspectorPanel::tr("%1 (%2 bytes)")
        .arg(QLocale::system().formattedDataSize(bytes, 2))
        .arg(QLocale::system().toString(bytes));
}

QString kindName(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Repository:
        return InspectorPanel::tr("Repository");
    case NodeKind::Tag:
        return InspectorPanel::tr("Tag");
    case NodeKind::Manifest:
        return InspectorPanel::tr("Manifest");
    case NodeKind::Config:
        return InspectorPanel::tr("Config");
    case NodeKind::Layer:
        return InspectorPanel::tr("Layer");
    case NodeKind::Referrers:
        return InspectorPanel::tr("Referrers");
    case NodeKind::Group:
        return InspectorPanel::tr("Group");
    case NodeKind::Message:
        break;
    }
    return {};
}

} // namespace

InspectorPanel::InspectorPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_json(new ContentView(this))
    , m_raw(new ContentView(this))
    , m_annotationsView(new QTableView(this))
    , m_annotations(new AnnotationsModel(this))
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight);
    form->setHorizontalSpacing(12);
    form->setVerticalSpacing(3);
    const QList<QPair<QString, QString>> fields = {
        {QStringLiteral("reference"), tr("Reference")},
        {QStringLiteral("digest"), tr("Digest")},
        {QStringLiteral("mediaType"), tr("Media type")},
        {QStringLiteral("size"), tr("Size")},
        {QStringLiteral("created"), tr("Created")},
        {QStringLiteral("totalSize"), tr("Total size")},
    };
    for (const auto &field : fields) {
        auto *value = new QLabel(this);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(false);
        value->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        auto *label = new QLabel(field.second + QLatin1Char(':'), this);
        label->setStyleSheet(QStringLiteral("color: palette(mid);"));
        form->addRow(label, value);
        m_fields.insert(field.first, value);
    }
    m_fields.value(QStringLiteral("digest"))
        ->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    m_annotationsView->setModel(m_annotations);
    m_annotationsView->verticalHeader()->hide();
    m_annotationsView->verticalHeader()->setDefaultSectionSize(
        m_annotationsView->fontMetrics().height() + 6);
    m_annotationsView->horizontalHeader()->setStretchLastSection(true);
    m_annotationsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_annotationsView->setAlternatingRowColors(true);
    m_annotationsView->setWordWrap(false);
    m_annotationsView->setColumnWidth(AnnotationsModel::SourceColumn, 90);
    m_annotationsView->setColumnWidth(AnnotationsModel::KeyColumn, 300);

    m_tabs->addTab(m_json, tr("JSON"));
    m_tabs->addTab(m_raw, tr("Raw"));
    m_tabs->addTab(m_annotationsView, tr("Annotations"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_title);
    layout->addLayout(form);
    layout->addSpacing(6);
    layout->addWidget(m_tabs, 1);

    connect(m_json, &ContentView::digestActivated, this, &InspectorPanel::digestActivated);
    showSelection({});
}

InspectorPanel::~InspectorPanel()
{
    abortRequests();
}

void InspectorPanel::setSource(ContentSource *source)
{
    m_source = source;
    showSelection({});
}

bool InspectorPanel::cancel()
{
    const bool wasLoading = isLoading();
    const bool waited = m_waitingForTree;
    abortRequests();
    // Replies of the cancelled requests (and the tree's) must not refill the panel later.
    ++m_generation;
    if (waited || wasLoading) {
        m_json->showMessage(tr("Loading was cancelled. Select it again or press F5 to retry."));
        m_raw->showMessage({});
    }
    return wasLoading;
}

void InspectorPanel::abortRequests()
{
    const auto inFlight = m_inFlight;
    m_inFlight.clear();
    for (const RequestHandle &handle : inFlight)
        handle.cancel();
    const bool wasBusy = m_busy > 0;
    m_busy = 0;
    m_waitingForTree = false;
    if (wasBusy)
        Q_EMIT activityChanged({});
}

void InspectorPanel::begin(const QString &text)
{
    ++m_busy;
    Q_EMIT activityChanged(text);
}

void InspectorPanel::end()
{
    if (m_busy > 0 && --m_busy == 0)
        Q_EMIT activityChanged({});
}

QString InspectorPanel::headerValue(const QString &field) const
{
    const QLabel *label = m_fields.value(field);
    return label ? label->text() : QString();
}

void InspectorPanel::setHeader(const QString &field, const QString &value, const QString &toolTip)
{
    QLabel *label = m_fields.value(field);
    if (!label)
        return;
    label->setText(value.isEmpty() ? QStringLiteral("—") : value);
    label->setToolTip(toolTip.isEmpty() ? value : toolTip);
}

void InspectorPanel::clearHeader()
{
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
        it.value()->setText(QStringLiteral("—"));
        it.value()->setToolTip({});
    }
}

void InspectorPanel::showSelection(const TreeSelection &selection)
{
    abortRequests();
    ++m_generation;
    m_selection = selection;
    clearHeader();
    m_annotations->clear();

    if (selection.isEmpty() || selection.kind == NodeKind::Message) {
        m_title->setText(tr("Nothing selected"));
        m_json->showMessage(tr("Select a tag, a platform, a config or a layer to inspect it."));
        m_raw->showMessage({});
        return;
    }
    m_title->setText(kindName(selection.kind) + QStringLiteral(": ") + selection.label);
    setHeader(QStringLiteral("reference"), selection.reference());

    if (selection.kind == NodeKind::Repository) {
        m_json->showMessage(tr("Repository %1. Expand it to see its tags; select a tag to see "
                               "its manifest.")
                                .arg(selection.repository));
        m_raw->showMessage({});
        return;
    }

    if (selection.kind == NodeKind::Group) {
        m_json->showMessage(tr("Tags that hold signatures, SBOMs, attestations and referrers "
                               "indexes, grouped by the manifest they belong to. Select one to "
                               "inspect it; View ▸ Group Attachment Tags lists them with the "
                               "other tags."));
        m_raw->showMessage({});
        return;
    }

    const Digest digest = selection.digest();
    if (digest.isValid())
        setHeader(QStringLiteral("digest"), digest.toString());
    if (selection.descriptor) {
        setHeader(QStringLiteral("mediaType"), selection.descriptor->mediaType);
        setHeader(QStringLiteral("size"), sizeText(selection.descriptor->size));
    }
    fillAnnotations();

    if (selection.manifest) {
        showManifest(*selection.manifest);
        return;
    }
    if (selection.kind == NodeKind::Tag ||
        (selection.kind == NodeKind::Manifest && selection.descriptor &&
         mediatype::isManifestType(selection.descriptor->mediaType))) {
        // The tree is loading it and will select it again once it has arrived.
        m_waitingForTree = true;
        m_json->showMessage(tr("Loading manifest…"));
        m_raw->showMessage({});
        return;
    }
    if (selection.kind == NodeKind::Config && selection.descriptor) {
        loadConfig(*selection.descriptor, true);
        return;
    }
    if (selection.descriptor) {
        m_json->showJson(QJsonDocument(selection.descriptor->toJson()).toJson());
        loadLayerPreview(*selection.descriptor);
    }
}

void InspectorPanel::fillAnnotations()
{
    m_annotations->clear();
    if (m_selection.manifest)
        m_annotations->addAnnotations(tr("manifest"), m_selection.manifest->annotations());
    else
        m_annotations->addAnnotations(tr("manifest"), m_selection.parentAnnotations);
    if (m_selection.descriptor)
        m_annotations->addAnnotations(tr("descriptor"), m_selection.descriptor->annotations);
}

void InspectorPanel::showManifest(const Manifest &manifest)
{
    setHeader(QStringLiteral("digest"), manifest.digest().toString());
    setHeader(QStringLiteral("mediaType"),
              manifest.mediaType() + QStringLiteral("  (") +
                  mediatype::describe(manifest.mediaType()) + QLatin1Char(')'),
              manifest.mediaType());
    setHeader(QStringLiteral("size"), sizeText(manifest.raw().size()));
    m_json->showJson(manifest.raw());
    m_raw->showRaw(manifest.raw());

    const QString created = manifest.annotations().value(kCreatedAnnotation);
    if (!created.isEmpty())
        setHeader(QStringLiteral("created"), displayformat::dateTime(created), created);
    if (manifest.isIndex()) {
        qint64 total = 0;
        for (const Descriptor &d : manifest.manifests())
            total += d.size;
        setHeader(QStringLiteral("totalSize"),
                  tr("%n manifest(s), %1 of manifests", nullptr, int(manifest.manifests().size()))
                      .arg(QLocale::system().formattedDataSize(total, 1)));
    } else {
        setHeader(QStringLiteral("totalSize"),
                  sizeText(manifest.totalSize()) + QLatin1Char(' ') +
                      tr("in config and %n layer(s)", nullptr, int(manifest.layers().size())));
        if (manifest.config() && mediatype::isImageConfigType(manifest.config()->mediaType))
            loadConfig(*manifest.config(), false);
    }
}

void InspectorPanel::loadConfig(const Descriptor &config, bool showAsContent)
{
    if (!m_source)
        return;
    if (config.size > kBlobPreviewBytes) {
        if (showAsContent) {
            m_json->showMessage(tr("This blob is %1; only blobs up to %2 are previewed.")
                                    .arg(QLocale::system().formattedDataSize(config.size),
                                         QLocale::system().formattedDataSize(kBlobPreviewBytes)));
            m_raw->showMessage({});
        }
        return;
    }
    if (showAsContent) {
        m_json->showMessage(tr("Loading config…"));
        m_raw->showMessage({});
    }
    const quint64 generation = m_generation;
    begin(tr("Loading config %1…").arg(displayformat::shortDigest(config.digest)));
    m_inFlight.append(m_source->blobBytes(
        m_selection.repository, config.digest, kBlobPreviewBytes, this,
        [this, generation, showAsContent](Result<QByteArray> result) {
            if (generation != m_generation)
                return;
            end();
            if (!result) {
                if (result.error().kind == ErrorKind::Cancelled)
                    return;
                const QString message =
                    tr("Could not load the config: %1").arg(result.error().toString());
                if (showAsContent)
                    m_json->showMessage(message);
                Q_EMIT problem(message);
                return;
            }
            if (showAsContent) {
                m_json->showJson(result.value());
                m_raw->showRaw(result.value());
            }
            parseConfigLater(result.value(), generation);
        }));
}

void InspectorPanel::parseConfigLater(const QByteArray &bytes, quint64 generation)
{
    // A config can be megabytes of history and labels: parse it on the pool. A watcher owned
    // by this panel rather than QFuture::then(this): Qt 6.4 asserts in then() when the context
    // is destroyed before the worker finishes; a destroyed watcher simply never reports.
    auto *watcher = new QFutureWatcher<Result<ImageConfig>>(this);
    connect(watcher, &QFutureWatcher<Result<ImageConfig>>::finished, this,
            [this, watcher, generation] {
                watcher->deleteLater();
                const Result<ImageConfig> config = watcher->result();
                if (generation != m_generation || !config)
                    return; // the user has moved on, or it is not an image config
                applyConfig(config.value());
            });
    watcher->setFuture(QtConcurrent::run([bytes] { return ImageConfig::parse(bytes); }));
}

void InspectorPanel::applyConfig(const ImageConfig &config)
{
    const QString created = displayformat::dateTime(config.created);
    if (!created.isEmpty())
        setHeader(QStringLiteral("created"), created, config.created.toString(Qt::ISODate));
}

void InspectorPanel::loadLayerPreview(const Descriptor &layer)
{
    if (!m_source || layer.size > kLayerPreviewBytes) {
        m_raw->showMessage(tr("The content of this %1 blob is not previewed (%2).")
                               .arg(mediatype::describe(layer.mediaType),
                                    QLocale::system().formattedDataSize(layer.size)));
        return;
    }
    const quint64 generation = m_generation;
    begin(tr("Loading blob %1…").arg(displayformat::shortDigest(layer.digest)));
    m_inFlight.append(m_source->blobBytes(
        m_selection.repository, layer.digest, kLayerPreviewBytes, this,
        [this, generation](Result<QByteArray> result) {
            if (generation != m_generation)
                return;
            end();
            if (!result) {
                if (result.error().kind != ErrorKind::Cancelled)
                    m_raw->showMessage(
                        tr("Could not load the blob: %1").arg(result.error().toString()));
                return;
            }
            m_raw->showRaw(result.value());
        }));
}

void InspectorPanel::showDigest(const QString &repository, const Digest &digest)
{
    if (!m_source || repository.isEmpty())
        return;
    TreeSelection target;
    target.kind = NodeKind::Manifest;
    target.registry = m_source->displayName();
    target.repository = repository;
    target.label = displayformat::shortDigest(digest);
    showSelection({});
    const quint64 generation = m_generation;
    m_title->setText(tr("Opening %1…").arg(target.label));
    begin(tr("Loading %1@%2…").arg(repository, target.label));
    m_inFlight.append(m_source->manifest(
        repository, digest.toString(), this,
        [this, generation, target, digest](Result<SourceManifest> result) mutable {
            if (generation != m_generation)
                return;
            end();
            if (result) {
                target.manifest = result.value().manifest;
                showSelection(target);
                return;
            }
            if (result.error().kind == ErrorKind::Cancelled)
                return;
            // Not a manifest: it may be a blob (a config, a layer).
            Descriptor blob;
            blob.digest = digest;
            blob.mediaType = QStringLiteral("application/octet-stream");
            target.kind = NodeKind::Config;
            target.descriptor = blob;
            m_selection = target;
            const quint64 blobGeneration = m_generation;
            begin(tr("Loading blob %1…").arg(displayformat::shortDigest(digest)));
            m_inFlight.append(m_source->blobBytes(
                target.repository, digest, kBlobPreviewBytes, this,
                [this, blobGeneration, target](Result<QByteArray> blobResult) {
                    if (blobGeneration != m_generation)
                        return;
                    end();
                    m_title->setText(tr("Blob: %1").arg(target.label));
                    setHeader(QStringLiteral("reference"), target.digestReference());
                    setHeader(QStringLiteral("digest"), target.digest().toString());
                    if (!blobResult) {
                        if (blobResult.error().kind == ErrorKind::Cancelled)
                            return;
                        const QString message =
                            tr("Could not open %1: %2")
                                .arg(target.digest().toString(), blobResult.error().toString());
                        m_json->showMessage(message);
                        Q_EMIT problem(message);
                        return;
                    }
                    setHeader(QStringLiteral("size"), sizeText(blobResult.value().size()));
                    m_json->showJson(blobResult.value());
                    m_raw->showRaw(blobResult.value());
                    parseConfigLater(blobResult.value(), blobGeneration);
                }));
        }));
}

} // namespace ocular
