#include "pushartifactdialog.h"

#include "content/filemediatype.h"
#include "content/mediatype.h"
#include "reference/digest.h"
#include "reference/reference.h"
#include "source/contentsource.h"
#include "views/jsonformatter.h"
#include "views/jsonhighlighter.h"
#include "views/problemcolour.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace ocular {

namespace {

constexpr int kPathRole = Qt::UserRole + 1;
/// Progress bars count in thousandths: QProgressBar is int-based, blobs may exceed 2 GiB.
constexpr int kBarScale = 1000;

QString dataSize(qint64 bytes)
{
    return QLocale::system().formattedDataSize(bytes, 1);
}

int permille(qint64 done, qint64 total)
{
    if (total <= 0)
        return kBarScale;
    return int(qBound<qint64>(0, done * kBarScale / total, qint64(kBarScale)));
}

/// "3.2 MiB of 10 MiB · 1.1 MiB/s · 6 s left", the rate and time only once measured.
QString transferText(qint64 done, qint64 total, const TransferProgress &progress)
{
    QString text = PushArtifactDialog::tr("%1 of %2").arg(dataSize(done), dataSize(total));
    if (progress.bytesPerSecond > 0)
        text += PushArtifactDialog::tr(" · %1/s").arg(dataSize(qint64(progress.bytesPerSecond)));
    if (progress.secondsLeft >= 0)
        text += PushArtifactDialog::tr(" · %n s left", nullptr, int(progress.secondsLeft));
    return text;
}

QTableWidgetItem *readOnlyItem(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

QString cellText(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text().trimmed() : QString();
}

} // namespace

QList<PushArtifactDialog::ArtifactTypePreset> PushArtifactDialog::artifactTypePresets()
{
    // The types PROTOCOL §4 lists as seen in practice; cosign v3 pushes Sigstore bundles.
    return {
        {tr("SPDX SBOM"), QString(mediatype::SpdxJson)},
        {tr("CycloneDX SBOM"), QString(mediatype::CycloneDxJson)},
        {tr("in-toto attestation"), QString(mediatype::InToto)},
        {tr("Notation signature"), QString(mediatype::NotationSignature)},
        {tr("cosign (Sigstore bundle)"), QString(mediatype::SigstoreBundleV03)},
    };
}

PushArtifactDialog::PushArtifactDialog(ContentSource *source, const QString &repository,
                                       QWidget *parent)
    : QDialog(parent)
    , m_source(source)
    , m_pusher(new ArtifactPusher(source, this))
    , m_repository(new QLineEdit(repository, this))
    , m_tag(new QLineEdit(this))
    , m_subjectEdit(new QLineEdit(this))
    , m_subjectStatus(new QLabel(this))
    , m_files(new QTableWidget(0, FileColumnCount, this))
    , m_addFiles(new QPushButton(tr("Add Files…"), this))
    , m_removeFiles(new QPushButton(tr("Remove"), this))
    , m_typePreset(new QComboBox(this))
    , m_type(new QLineEdit(this))
    , m_annotations(new QTableWidget(0, 2, this))
    , m_addAnnotation(new QPushButton(tr("Add"), this))
    , m_removeAnnotation(new QPushButton(tr("Remove"), this))
    , m_deleteReplaced(
          new QCheckBox(tr("Delete the fallback index this push replaces (left untagged)"), this))
    , m_preview(new QPlainTextEdit(this))
    , m_previewDigest(new QLabel(this))
    , m_problems(new QLabel(this))
    , m_error(new QLabel(this))
    , m_stage(new QLabel(this))
    , m_fileProgressLabel(new QLabel(this))
    , m_fileProgress(new QProgressBar(this))
    , m_totalProgressLabel(new QLabel(this))
    , m_totalProgress(new QProgressBar(this))
    , m_result(new QLabel(this))
    , m_previewButton(new QPushButton(tr("Pre&view"), this))
    , m_pushButton(new QPushButton(tr("&Push"), this))
    , m_cancelButton(new QPushButton(tr("&Cancel Push"), this))
    , m_closeButton(new QPushButton(tr("Close"), this))
{
    setWindowTitle(tr("Push Artifact"));
    setAcceptDrops(true);
    buildLayout();

    connect(m_repository, &QLineEdit::textEdited, this, [this] { onFieldsEdited(); });
    // The subject is read again once the user is done typing, not on every keystroke.
    connect(m_repository, &QLineEdit::editingFinished, this, [this] {
        if (!m_subjectIdentifier.isEmpty() && m_subjectRepository != m_repository->text().trimmed())
            resolveSubject();
    });
    connect(m_tag, &QLineEdit::textEdited, this, [this] { onFieldsEdited(); });
    connect(m_subjectEdit, &QLineEdit::editingFinished, this, [this] {
        if (m_subjectEdit->text().trimmed() != m_subjectIdentifier)
            setSubjectReference(m_subjectEdit->text());
    });
    connect(m_subjectEdit, &QLineEdit::textEdited, this, [this] { updateState(); });
    connect(m_type, &QLineEdit::textEdited, this, [this] { onFieldsEdited(); });
    connect(m_typePreset, &QComboBox::currentIndexChanged, this,
            &PushArtifactDialog::onPresetChanged);
    connect(m_deleteReplaced, &QCheckBox::toggled, this, [this] { onFieldsEdited(); });
    for (QTableWidget *table : {m_files, m_annotations}) {
        connect(table, &QTableWidget::itemChanged, this, [this] {
            if (!m_filling)
                onFieldsEdited();
        });
        connect(table, &QTableWidget::itemSelectionChanged, this, [this] { updateState(); });
    }
    connect(m_addFiles, &QPushButton::clicked, this, &PushArtifactDialog::chooseFiles);
    connect(m_removeFiles, &QPushButton::clicked, this, &PushArtifactDialog::removeSelectedFiles);
    connect(m_addAnnotation, &QPushButton::clicked, this, &PushArtifactDialog::addAnnotationRow);
    connect(m_removeAnnotation, &QPushButton::clicked, this,
            &PushArtifactDialog::removeSelectedAnnotations);
    connect(m_previewButton, &QPushButton::clicked, this, &PushArtifactDialog::preview);
    connect(m_pushButton, &QPushButton::clicked, this, &PushArtifactDialog::push);
    connect(m_cancelButton, &QPushButton::clicked, this, &PushArtifactDialog::cancelPush);
    connect(m_closeButton, &QPushButton::clicked, this, &PushArtifactDialog::reject);

    onPresetChanged(m_typePreset->currentIndex());
    updateState();
}

PushArtifactDialog::~PushArtifactDialog()
{
    // Replies are bound to this dialog as context and are dropped once it is gone; cancelling
    // here is what makes the core abandon (DELETE) the upload session at once.
    m_subjectRequest.cancel();
    m_pushHandle.cancel();
}

void PushArtifactDialog::buildLayout()
{
    m_repository->setPlaceholderText(tr("team/app"));
    m_tag->setPlaceholderText(tr("optional: pushed by digest only when empty"));
    m_subjectEdit->setPlaceholderText(tr("optional: a tag or sha256:… in the same repository"));
    m_subjectStatus->setWordWrap(true);
    m_subjectStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);

    for (const ArtifactTypePreset &preset : artifactTypePresets())
        m_typePreset->addItem(preset.label, preset.mediaType);
    m_typePreset->addItem(tr("Custom"), QString());
    m_type->setPlaceholderText(tr("application/vnd.example.thing.v1+json"));

    m_files->setHorizontalHeaderLabels(
        {tr("Name"), tr("Size"), tr("Media type"), tr("Title"), tr("Status")});
    m_files->verticalHeader()->hide();
    m_files->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_files->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::SelectedClicked);
    m_files->horizontalHeader()->setSectionResizeMode(FileNameColumn,
                                                      QHeaderView::ResizeToContents);
    m_files->horizontalHeader()->setSectionResizeMode(FileSizeColumn,
                                                      QHeaderView::ResizeToContents);
    m_files->horizontalHeader()->setSectionResizeMode(FileMediaTypeColumn, QHeaderView::Stretch);
    m_files->horizontalHeader()->setSectionResizeMode(FileTitleColumn,
                                                      QHeaderView::ResizeToContents);
    m_files->horizontalHeader()->setSectionResizeMode(FileStatusColumn,
                                                      QHeaderView::ResizeToContents);
    m_files->setToolTip(tr("Drop files here, or use Add Files…. Media type and title are "
                           "editable (double-click)."));

    m_annotations->setHorizontalHeaderLabels({tr("Key"), tr("Value")});
    m_annotations->verticalHeader()->hide();
    m_annotations->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_annotations->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_annotations->horizontalHeader()->setStretchLastSection(true);
    m_annotations->setColumnWidth(0, 260);

    m_deleteReplaced->setChecked(true);
    m_deleteReplaced->setToolTip(
        tr("Without the referrers API, attaching rewrites the subject's sha256-… fallback "
           "index; the previous index stays in the repository untagged unless deleted."));

    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setPlaceholderText(
        tr("Preview builds the manifest from the fields (hashing the files) without sending "
           "anything."));
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    new JsonHighlighter(m_preview->document(), JsonHighlighter::themeFor(m_preview->palette()));
    m_previewDigest->setWordWrap(true);
    m_previewDigest->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_problems->setStyleSheet(problemcolour::styleSheet());
    m_problems->setWordWrap(true);
    m_error->setStyleSheet(problemcolour::styleSheet());
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (QProgressBar *bar : {m_fileProgress, m_totalProgress}) {
        bar->setRange(0, kBarScale);
        bar->setValue(0);
        bar->setTextVisible(false);
        bar->setMaximumHeight(14);
    }

    auto *form = new QFormLayout;
    form->addRow(tr("&Repository:"), m_repository);
    form->addRow(tr("&Tag:"), m_tag);
    auto *subjectBox = new QVBoxLayout;
    subjectBox->setSpacing(2);
    subjectBox->addWidget(m_subjectEdit);
    subjectBox->addWidget(m_subjectStatus);
    // Rows holding a layout get no buddy from QFormLayout: the mnemonic needs one to work
    // (and to not show a literal '&').
    auto *subjectLabel = new QLabel(tr("&Subject:"), this);
    subjectLabel->setBuddy(m_subjectEdit);
    form->addRow(subjectLabel, subjectBox);
    auto *typeRow = new QHBoxLayout;
    typeRow->addWidget(m_typePreset);
    typeRow->addWidget(m_type, 1);
    auto *typeLabel = new QLabel(tr("Artifact t&ype:"), this);
    typeLabel->setBuddy(m_typePreset);
    form->addRow(typeLabel, typeRow);

    auto *filesGroup = new QGroupBox(tr("Files"), this);
    auto *filesLayout = new QVBoxLayout(filesGroup);
    filesLayout->addWidget(m_files, 1);
    auto *fileButtons = new QHBoxLayout;
    fileButtons->addWidget(m_addFiles);
    fileButtons->addWidget(m_removeFiles);
    fileButtons->addStretch(1);
    filesLayout->addLayout(fileButtons);

    auto *annotationsGroup = new QGroupBox(tr("Annotations"), this);
    auto *annotationsLayout = new QVBoxLayout(annotationsGroup);
    annotationsLayout->addWidget(m_annotations, 1);
    auto *annotationButtons = new QHBoxLayout;
    annotationButtons->addWidget(m_addAnnotation);
    annotationButtons->addWidget(m_removeAnnotation);
    annotationButtons->addStretch(1);
    annotationsLayout->addLayout(annotationButtons);

    auto *inputs = new QWidget(this);
    auto *inputsLayout = new QVBoxLayout(inputs);
    inputsLayout->setContentsMargins(0, 0, 0, 0);
    inputsLayout->addLayout(form);
    inputsLayout->addWidget(filesGroup, 3);
    inputsLayout->addWidget(annotationsGroup, 2);
    inputsLayout->addWidget(m_deleteReplaced);

    auto *previewGroup = new QGroupBox(tr("Manifest preview"), this);
    auto *previewLayout = new QVBoxLayout(previewGroup);
    previewLayout->addWidget(m_previewDigest);
    previewLayout->addWidget(m_preview, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(inputs);
    splitter->addWidget(previewGroup);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({620, 480});

    auto *progress = new QGridLayout;
    progress->addWidget(m_stage, 0, 0, 1, 2);
    progress->addWidget(m_fileProgressLabel, 1, 0);
    progress->addWidget(m_fileProgress, 1, 1);
    progress->addWidget(m_totalProgressLabel, 2, 0);
    progress->addWidget(m_totalProgress, 2, 1);
    progress->setColumnStretch(1, 1);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_previewButton);
    buttons->addStretch(1);
    buttons->addWidget(m_pushButton);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_closeButton);
    // Enter in a field must never send anything: no button is the default.
    for (QPushButton *button : {m_previewButton, m_pushButton, m_cancelButton, m_closeButton,
                                m_addFiles, m_removeFiles, m_addAnnotation, m_removeAnnotation})
        button->setAutoDefault(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_problems);
    layout->addWidget(m_error);
    layout->addLayout(progress);
    layout->addWidget(m_result);
    layout->addLayout(buttons);
    resize(1180, 720);
}

void PushArtifactDialog::setSubjectReference(const QString &identifier)
{
    const QString trimmed = identifier.trimmed();
    m_subjectEdit->setText(trimmed);
    m_subjectIdentifier = trimmed;
    resolveSubject();
}

void PushArtifactDialog::resolveSubject()
{
    // A new question: whatever the previous one answers later is for another subject.
    ++m_subjectGeneration;
    m_subjectRequest.cancel();
    m_subjectRequest = RequestHandle();
    m_subject.reset();
    m_subjectError.clear();
    m_resolvingSubject = false;
    m_subjectRepository = m_repository->text().trimmed();
    onFieldsEdited();
    if (m_subjectIdentifier.isEmpty())
        return updateState();
    const bool isDigest = Digest::parse(m_subjectIdentifier).ok();
    if (!isDigest && !Reference::isValidTag(m_subjectIdentifier)) {
        m_subjectError = tr("Subject \"%1\" is neither a tag nor a sha256:… digest.")
                             .arg(m_subjectIdentifier.left(140));
        return updateState();
    }
    if (!Reference::isValidRepository(m_subjectRepository))
        return updateState(); // the repository's own problem is listed
    if (!m_source) {
        m_subjectError = tr("Subject: the registry is no longer open.");
        return updateState();
    }
    m_resolvingSubject = true;
    updateState();
    const quint64 generation = m_subjectGeneration;
    const QString repository = m_subjectRepository;
    const QString identifier = m_subjectIdentifier;
    // The manifest itself is read (not a HEAD): a referrer names its subject by exact digest,
    // media type and size, and only the stored bytes say all three for sure.
    m_subjectRequest = m_source->rawManifest(
        repository, identifier, this,
        [this, generation, repository, identifier](Result<RawManifest> raw) {
            if (generation != m_subjectGeneration)
                return;
            m_resolvingSubject = false;
            m_subjectRequest = RequestHandle();
            if (!raw.ok()) {
                m_subjectError =
                    tr("Subject %1@%2: %3").arg(repository, identifier, raw.error().toString());
            } else {
                Descriptor subject;
                subject.mediaType = raw->mediaType;
                subject.digest = raw->digest;
                subject.size = raw->raw.size();
                m_subject = subject;
            }
            onFieldsEdited();
            Q_EMIT subjectResolved();
        });
}

int PushArtifactDialog::addFiles(const QStringList &paths)
{
    QStringList present;
    for (int row = 0; row < m_files->rowCount(); ++row)
        present.append(m_files->item(row, FileNameColumn)->data(kPathRole).toString());
    int added = 0;
    QStringList skipped;
    m_filling = true;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        const QString absolute = info.absoluteFilePath();
        if (!info.isFile()) {
            skipped.append(tr("%1 (%2)").arg(info.fileName().isEmpty() ? path : info.fileName(),
                                             info.isDir() ? tr("a folder") : tr("not found")));
            continue;
        }
        if (present.contains(absolute)) {
            skipped.append(tr("%1 (already listed)").arg(info.fileName()));
            continue;
        }
        present.append(absolute);
        const int row = m_files->rowCount();
        m_files->insertRow(row);
        auto *name = readOnlyItem(info.fileName());
        name->setData(kPathRole, absolute);
        name->setToolTip(absolute);
        m_files->setItem(row, FileNameColumn, name);
        auto *size = readOnlyItem(dataSize(info.size()));
        size->setData(Qt::TextAlignmentRole, int(Qt::AlignRight | Qt::AlignVCenter));
        m_files->setItem(row, FileSizeColumn, size);
        m_files->setItem(row, FileMediaTypeColumn,
                         new QTableWidgetItem(guessFileMediaType(info.fileName())));
        m_files->setItem(row, FileTitleColumn, new QTableWidgetItem(info.fileName()));
        m_files->setItem(row, FileStatusColumn, readOnlyItem(QString()));
        ++added;
    }
    m_filling = false;
    // Said once, not silently dropped (a folder dragged in by mistake, the same file twice).
    m_errorText = skipped.isEmpty() ? QString()
                                    : tr("Not added: %1.").arg(skipped.join(QStringLiteral(", ")));
    if (added > 0)
        onFieldsEdited();
    else
        updateState();
    return added;
}

void PushArtifactDialog::setTag(const QString &tag)
{
    m_tag->setText(tag);
    onFieldsEdited();
}

void PushArtifactDialog::setArtifactType(const QString &mediaType)
{
    const int preset = m_typePreset->findData(mediaType);
    m_typePreset->setCurrentIndex(preset >= 0 ? preset : m_typePreset->count() - 1);
    if (preset < 0)
        m_type->setText(mediaType);
    onFieldsEdited();
}

void PushArtifactDialog::setAnnotation(const QString &key, const QString &value)
{
    m_filling = true;
    int row = 0;
    while (row < m_annotations->rowCount() && cellText(m_annotations, row, 0) != key)
        ++row;
    if (row == m_annotations->rowCount())
        m_annotations->insertRow(row);
    m_annotations->setItem(row, 0, new QTableWidgetItem(key));
    m_annotations->setItem(row, 1, new QTableWidgetItem(value));
    m_filling = false;
    onFieldsEdited();
}

void PushArtifactDialog::chooseFiles()
{
    // Non-blocking: the dialog answers through filesSelected while the event loop runs.
    auto *chooser = new QFileDialog(this, tr("Add Files to the Artifact"));
    chooser->setFileMode(QFileDialog::ExistingFiles);
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    connect(chooser, &QFileDialog::filesSelected, this,
            [this](const QStringList &files) { addFiles(files); });
    chooser->open();
}

void PushArtifactDialog::removeSelectedFiles()
{
    QList<int> rows;
    for (const QModelIndex &index : m_files->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : rows)
        m_files->removeRow(row);
    if (!rows.isEmpty())
        onFieldsEdited();
}

void PushArtifactDialog::addAnnotationRow()
{
    m_filling = true;
    const int row = m_annotations->rowCount();
    m_annotations->insertRow(row);
    m_annotations->setItem(row, 0, new QTableWidgetItem());
    m_annotations->setItem(row, 1, new QTableWidgetItem());
    m_filling = false;
    onFieldsEdited();
    m_annotations->setCurrentCell(row, 0);
    m_annotations->editItem(m_annotations->item(row, 0));
}

void PushArtifactDialog::removeSelectedAnnotations()
{
    QList<int> rows;
    for (const QModelIndex &index : m_annotations->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : rows)
        m_annotations->removeRow(row);
    if (!rows.isEmpty())
        onFieldsEdited();
}

void PushArtifactDialog::onPresetChanged(int index)
{
    const QString mediaType = m_typePreset->itemData(index).toString();
    const bool custom = mediaType.isEmpty();
    m_type->setReadOnly(!custom);
    if (!custom) {
        m_type->setText(mediaType);
    } else {
        // Custom starts empty rather than pretending to be the preset chosen before it.
        const QList<ArtifactTypePreset> presets = artifactTypePresets();
        for (const ArtifactTypePreset &preset : presets) {
            if (preset.mediaType == m_type->text())
                m_type->clear();
        }
    }
    if (custom)
        m_type->setFocus();
    onFieldsEdited();
}

QString PushArtifactDialog::artifactType() const
{
    return m_type->text().trimmed();
}

ArtifactRequest PushArtifactDialog::request() const
{
    ArtifactRequest request;
    request.repository = m_repository->text().trimmed();
    request.tag = m_tag->text().trimmed();
    request.artifactType = artifactType();
    for (int row = 0; row < m_files->rowCount(); ++row) {
        ArtifactFile file;
        file.path = m_files->item(row, FileNameColumn)->data(kPathRole).toString();
        file.mediaType = cellText(m_files, row, FileMediaTypeColumn);
        file.title = cellText(m_files, row, FileTitleColumn);
        request.files.append(file);
    }
    for (int row = 0; row < m_annotations->rowCount(); ++row) {
        const QString key = cellText(m_annotations, row, 0);
        if (!key.isEmpty())
            request.annotations.insert(
                key, m_annotations->item(row, 1) ? m_annotations->item(row, 1)->text() : QString());
    }
    request.subject = m_subject;
    request.deleteReplacedIndex = m_deleteReplaced->isChecked();
    return request;
}

QStringList PushArtifactDialog::problems() const
{
    QStringList out;
    const QString repository = m_repository->text().trimmed();
    if (repository.isEmpty())
        out.append(tr("Name the target repository."));
    else if (!Reference::isValidRepository(repository))
        out.append(tr("\"%1\" is not a repository name (lower-case path components separated "
                      "by /).")
                       .arg(repository.left(140)));
    const QString tag = m_tag->text().trimmed();
    if (!tag.isEmpty() && !Reference::isValidTag(tag))
        out.append(tr("\"%1\" is not a tag: up to 128 letters, digits, '_', '.' and '-', not "
                      "starting with '.' or '-'.")
                       .arg(tag.left(140)));
    if (m_subjectEdit->text().trimmed() != m_subjectIdentifier)
        out.append(tr("Press Enter in Subject to look it up."));
    else if (!m_subjectIdentifier.isEmpty() && m_subjectRepository != repository)
        out.append(tr("Press Enter in Repository to look the subject up there."));
    else if (!m_subjectError.isEmpty())
        out.append(m_subjectError);
    if (m_files->rowCount() == 0)
        out.append(tr("Add at least one file."));
    for (int row = 0; row < m_files->rowCount(); ++row) {
        if (cellText(m_files, row, FileMediaTypeColumn).isEmpty())
            out.append(tr("File %1 has no media type.").arg(cellText(m_files, row, 0)));
    }
    if (artifactType().isEmpty())
        out.append(tr("Choose an artifact type (or type a custom one)."));
    QStringList keys;
    for (int row = 0; row < m_annotations->rowCount(); ++row) {
        const QString key = cellText(m_annotations, row, 0);
        if (key.isEmpty())
            out.append(tr("Annotation %1 has no key.").arg(row + 1));
        else if (keys.contains(key))
            out.append(tr("Annotation %1 is set twice.").arg(key.left(140)));
        keys.append(key);
    }
    return out;
}

std::optional<PreparedArtifact> PushArtifactDialog::preparedArtifact() const
{
    if (m_prepared && m_preparedEdit == m_editGeneration)
        return m_prepared;
    return std::nullopt;
}

QString PushArtifactDialog::previewJson() const
{
    return m_preview->toPlainText();
}

QString PushArtifactDialog::previewDigestText() const
{
    return m_previewDigest->text();
}

QString PushArtifactDialog::errorText() const
{
    return m_errorText;
}

QString PushArtifactDialog::resultText() const
{
    return m_result->text();
}

void PushArtifactDialog::onFieldsEdited()
{
    ++m_editGeneration;
    if (m_prepared) {
        m_previewDigest->setText(
            tr("The fields changed since this preview: Preview again to see what Push sends."));
    }
    updateState();
}

void PushArtifactDialog::updateState()
{
    const QStringList list = problems();
    QStringList lines;
    for (const QString &problem : list)
        lines.append(QStringLiteral("• ") + problem.toHtmlEscaped());
    m_problems->setText(lines.join(QStringLiteral("<br>")));
    m_problems->setVisible(!list.isEmpty());

    if (m_subjectIdentifier.isEmpty())
        m_subjectStatus->setText(tr("No subject: the artifact stands alone."));
    else if (m_resolvingSubject)
        m_subjectStatus->setText(tr("Looking up %1…").arg(m_subjectIdentifier));
    else if (m_subject)
        m_subjectStatus->setText(tr("%1 · %2 · %3 bytes")
                                     .arg(m_subject->digest.toString(), m_subject->mediaType)
                                     .arg(m_subject->size));
    else
        m_subjectStatus->setText(tr("Not resolved."));
    m_subjectStatus->setStyleSheet(m_subjectError.isEmpty() ? QString()
                                                            : problemcolour::styleSheet());
    m_deleteReplaced->setEnabled(!m_pushing && !m_subjectIdentifier.isEmpty());

    const bool ready = list.isEmpty() && !m_resolvingSubject;
    m_previewButton->setEnabled(ready && !m_pushing && !m_preparing);
    m_pushButton->setEnabled(ready && !m_pushing && !m_preparing);
    m_cancelButton->setVisible(m_pushing);
    m_removeFiles->setEnabled(!m_pushing && !m_files->selectionModel()->selectedRows().isEmpty());
    m_removeAnnotation->setEnabled(!m_pushing &&
                                   !m_annotations->selectionModel()->selectedRows().isEmpty());
    const bool progressShown = m_pushing || m_lastResult.has_value();
    for (QWidget *w :
         {static_cast<QWidget *>(m_stage), static_cast<QWidget *>(m_fileProgress),
          static_cast<QWidget *>(m_fileProgressLabel), static_cast<QWidget *>(m_totalProgress),
          static_cast<QWidget *>(m_totalProgressLabel)})
        w->setVisible(progressShown);
    m_error->setText(m_errorText);
    m_error->setVisible(!m_errorText.isEmpty());
    m_result->setVisible(!m_result->text().isEmpty());
}

void PushArtifactDialog::preview()
{
    prepare(false);
}

void PushArtifactDialog::push()
{
    if (m_pushing || !problems().isEmpty() || m_resolvingSubject)
        return;
    if (const auto prepared = preparedArtifact())
        return startPush(*prepared);
    prepare(true);
}

void PushArtifactDialog::prepare(bool pushAfter)
{
    if (!problems().isEmpty() || m_resolvingSubject)
        return;
    const quint64 run = ++m_prepareRun;
    const quint64 edit = m_editGeneration;
    m_preparing = true;
    m_errorText.clear();
    m_previewDigest->setText(tr("Hashing %n file(s)…", nullptr, int(m_files->rowCount())));
    if (pushAfter)
        setInputsEnabled(false);
    updateState();
    // Hashing runs on the thread pool; the answer comes back on this dialog's thread.
    m_pusher->prepare(request(), this,
                      [this, run, edit, pushAfter](Result<PreparedArtifact> prepared) {
                          if (run != m_prepareRun)
                              return;
                          m_preparing = false;
                          if (pushAfter)
                              setInputsEnabled(true);
                          if (!prepared.ok()) {
                              m_previewDigest->clear();
                              showError(prepared.error().toString());
                              Q_EMIT previewFinished();
                              return;
                          }
                          m_prepared = prepared.value();
                          m_preparedEdit = edit;
                          showPrepared(*m_prepared);
                          updateState();
                          Q_EMIT previewFinished();
                          if (pushAfter && edit == m_editGeneration)
                              startPush(*m_prepared);
                      });
}

void PushArtifactDialog::showPrepared(const PreparedArtifact &artifact)
{
    const BuiltManifest &m = artifact.manifest;
    m_preview->setPlainText(JsonFormatter::pretty(m.raw).value_or(QString::fromUtf8(m.raw)));
    QString text = tr("<b>%1</b><br>%2 bytes · %3")
                       .arg(m.digest.toString(), QString::number(m.size()), m.mediaType);
    if (m_preparedEdit != m_editGeneration)
        text += tr("<br>The fields changed since this preview: Preview again to see what Push "
                   "sends.");
    else
        text += tr("<br>Shown indented; the digest is of the compact bytes Push sends.");
    m_previewDigest->setText(text);
}

void PushArtifactDialog::startPush(const PreparedArtifact &artifact)
{
    if (m_pushing)
        return;
    m_pushing = true;
    const quint64 generation = ++m_pushGeneration;
    m_errorText.clear();
    m_lastResult.reset();
    m_result->clear();
    m_blobOffsets.clear();
    m_blobStages.clear();
    qint64 offset = 0;
    for (const BlobPayload &blob : artifact.blobs) {
        m_blobOffsets.append(offset);
        // ArtifactPusher names the blob in flight this way: the stage says which blob the
        // bytes belong to even at a boundary (sent but not yet acknowledged).
        m_blobStages.append(QStringLiteral("Uploading %1").arg(blob.digest.shortForm()));
        offset += blob.size;
    }
    m_blobOffsets.append(offset); // the end, so blob i spans [offset i, offset i+1)
    m_filling = true;
    for (int row = 0; row < m_files->rowCount(); ++row)
        m_files->item(row, FileStatusColumn)->setText(tr("waiting"));
    m_filling = false;
    m_stage->setText(tr("Starting…"));
    m_fileProgress->setValue(0);
    m_totalProgress->setValue(0);
    m_fileProgressLabel->setText(QString());
    m_totalProgressLabel->setText(tr("Total: %1").arg(transferText(0, offset, {})));
    setInputsEnabled(false);
    updateState();

    m_pushHandle = m_pusher->push(
        artifact, this,
        [this, generation](Result<ArtifactPushResult> result) {
            if (generation != m_pushGeneration)
                return;
            onPushFinished(result);
        },
        [this, generation](const QString &stage, const TransferProgress &progress) {
            if (generation != m_pushGeneration)
                return;
            m_stage->setText(stage);
            onPushProgress(stage, progress);
        });
}

void PushArtifactDialog::onPushProgress(const QString &stage, const TransferProgress &progress)
{
    if (m_blobOffsets.size() < 2)
        return;
    const qint64 total = m_blobOffsets.last();
    const qint64 done = qBound<qint64>(0, progress.bytesDone, total);
    // The core reports bytes over all blobs; the blob in flight is the one the stage names,
    // else where that count falls.
    int blob = int(m_blobStages.indexOf(stage));
    if (blob < 0) {
        blob = 0;
        while (blob + 2 < m_blobOffsets.size() && done >= m_blobOffsets.at(blob + 1))
            ++blob;
    }
    const qint64 blobSize = m_blobOffsets.at(blob + 1) - m_blobOffsets.at(blob);
    const qint64 blobDone = qBound<qint64>(0, done - m_blobOffsets.at(blob), blobSize);
    // Blob 0 is the empty config; file row r is blob r + 1.
    const int row = blob - 1;
    const bool uploading = stage.startsWith(QLatin1String("Uploading"));
    if (uploading && row >= 0 && row < m_files->rowCount()) {
        const QString name = cellText(m_files, row, FileNameColumn);
        m_stage->setText(
            tr("Uploading %1 (%2 of %3)").arg(name).arg(row + 1).arg(m_files->rowCount()));
        m_fileProgressLabel->setText(tr("%1: %2").arg(name, transferText(blobDone, blobSize, {})));
        m_fileProgress->setValue(permille(blobDone, blobSize));
    } else if (uploading) {
        m_stage->setText(tr("Uploading the empty config"));
    } else {
        m_fileProgress->setValue(kBarScale);
    }
    m_filling = true;
    for (int r = 0; r < m_files->rowCount(); ++r) {
        QString status;
        if (!uploading || r < row)
            status = tr("sent");
        else if (r == row)
            status = QStringLiteral("%1%").arg(permille(blobDone, blobSize) / 10);
        else
            status = tr("waiting");
        m_files->item(r, FileStatusColumn)->setText(status);
    }
    m_filling = false;
    m_totalProgress->setValue(permille(done, total));
    m_totalProgressLabel->setText(tr("Total: %1").arg(transferText(done, total, progress)));
}

void PushArtifactDialog::onPushFinished(const Result<ArtifactPushResult> &result)
{
    m_pushing = false;
    m_pushHandle = RequestHandle();
    setInputsEnabled(true);
    if (!result.ok()) {
        const Error &error = result.error();
        m_stage->setText(error.kind == ErrorKind::Cancelled ? tr("Cancelled.") : tr("Failed."));
        // The registry's own words: what it refused and why, nothing rephrased away.
        showError(error.kind == ErrorKind::Cancelled
                      ? tr("Push cancelled: the upload in flight was abandoned; the manifest "
                           "was not pushed.")
                      : tr("The push failed: %1").arg(error.toString()));
        m_filling = true;
        for (int row = 0; row < m_files->rowCount(); ++row) {
            QTableWidgetItem *status = m_files->item(row, FileStatusColumn);
            if (status->text() != tr("sent"))
                status->setText(QString());
        }
        m_filling = false;
        Q_EMIT pushFinished();
        return;
    }
    const ArtifactPushResult &pushedResult = result.value();
    m_lastResult = pushedResult;
    m_filling = true;
    for (int row = 0; row < m_files->rowCount(); ++row) {
        const int blob = row + 1; // after the empty config
        m_files->item(row, FileStatusColumn)
            ->setText(blob < pushedResult.blobs.size()
                          ? blobUploadRouteName(pushedResult.blobs.at(blob))
                          : tr("sent"));
    }
    m_filling = false;
    m_stage->setText(tr("Done."));
    m_fileProgress->setValue(kBarScale);
    m_totalProgress->setValue(kBarScale);
    m_result->setText(describeResult(pushedResult));
    updateState();
    const ArtifactRequest pushedRequest =
        m_prepared ? m_prepared->request : request(); // what was actually sent
    Q_EMIT pushed(pushedRequest, pushedResult);
    Q_EMIT pushFinished();
}

QString PushArtifactDialog::describeResult(const ArtifactPushResult &result) const
{
    const ArtifactRequest &sent = m_prepared ? m_prepared->request : request();
    QStringList lines;
    lines.append(tr("Pushed <b>%1</b> (%2 bytes) to %3.")
                     .arg(result.digest.toString())
                     .arg(result.size)
                     .arg(sent.repository.toHtmlEscaped()));
    if (!sent.tag.isEmpty())
        lines.append(tr("Tagged %1.").arg(sent.tag.toHtmlEscaped()));
    if (sent.subject) {
        if (result.subjectRecorded)
            lines.append(tr("Referrers: the registry's referrers API recorded the subject "
                            "(OCI-Subject); no fallback tag was written."));
        else if (result.fallback)
            lines.append(tr("Referrers: no referrers API here, so the fallback tag was "
                            "used. %1")
                             .arg(result.fallback->describe().toHtmlEscaped()));
        if (result.replacedIndexDeleted && result.fallback && result.fallback->replacedIndex)
            lines.append(tr("The replaced index %1 was deleted.")
                             .arg(result.fallback->replacedIndex->toString()));
        else if (!result.replacedIndexNote.isEmpty())
            lines.append(tr("The replaced index was kept: %1.")
                             .arg(result.replacedIndexNote.toHtmlEscaped()));
    }
    return lines.join(QStringLiteral("<br>"));
}

void PushArtifactDialog::cancelPush()
{
    if (!m_pushing)
        return;
    // The core answers the cancel with a Cancelled error on a later turn (and DELETEs the
    // upload session); onPushFinished then restores the inputs.
    m_stage->setText(tr("Cancelling…"));
    m_pushHandle.cancel();
}

void PushArtifactDialog::reject()
{
    if (m_preparing) {
        // A preparation for Push must not start sending from a closed dialog.
        ++m_prepareRun;
        m_preparing = false;
        setInputsEnabled(true);
        m_previewDigest->clear();
    }
    if (m_pushing) {
        // No answer of this push may land in a dialog that is closing.
        ++m_pushGeneration;
        m_pushHandle.cancel();
        m_pushing = false;
        Q_EMIT pushFinished();
    }
    QDialog::reject();
}

void PushArtifactDialog::showError(const QString &text)
{
    m_errorText = text;
    updateState();
}

void PushArtifactDialog::setInputsEnabled(bool enabled)
{
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_repository, m_tag, m_subjectEdit, m_typePreset, m_type,
                                          m_files, m_annotations, m_addFiles, m_addAnnotation})
        w->setEnabled(enabled);
    setAcceptDrops(enabled);
    updateState();
}

QStringList PushArtifactDialog::localFiles(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    QStringList paths;
    for (const QUrl &url : mime->urls()) {
        if (!url.isLocalFile())
            return {};
        paths.append(url.toLocalFile());
    }
    return paths;
}

void PushArtifactDialog::dragEnterEvent(QDragEnterEvent *event)
{
    if (!m_pushing && !localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void PushArtifactDialog::dropEvent(QDropEvent *event)
{
    const QStringList paths = localFiles(event->mimeData());
    if (m_pushing || paths.isEmpty())
        return;
    addFiles(paths);
    event->acceptProposedAction();
}

} // namespace ocular
