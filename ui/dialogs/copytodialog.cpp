#include "copytodialog.h"

#include "reference/reference.h"
#include "registry/registryendpoint.h"
#include "source/contentsource.h"
#include "views/problemcolour.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace ocular {

CopyToDialog::CopyToDialog(ContentSource *source, const QString &registry,
                           const QString &repository, const QString &identifier, const QString &tag,
                           const QStringList &registries, SourceFinder findSource, QWidget *parent)
    : QDialog(parent)
    , m_from(source)
    , m_fromRegistry(registry)
    , m_fromRepository(repository)
    , m_identifier(identifier)
    , m_fromTag(tag)
    , m_findSource(std::move(findSource))
    , m_registry(new QComboBox(this))
    , m_repository(new QLineEdit(repository, this))
    , m_tag(new QLineEdit(tag, this))
    , m_referrers(new QCheckBox(tr("Copy what refers to it too (signatures, SBOMs, "
                                   "attestations), recursively"),
                                this))
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_report(new QPlainTextEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
    , m_copy(m_buttons->addButton(tr("Copy"), QDialogButtonBox::AcceptRole))
{
    setWindowTitle(tr("Copy To"));
    auto *layout = new QVBoxLayout(this);
    auto *what = new QLabel(tr("Copies byte for byte: every digest is kept; blobs are mounted "
                               "when the destination is another repository of the same "
                               "registry."),
                            this);
    what->setWordWrap(true);
    layout->addWidget(what);
    auto *fromLine = new QLineEdit(
        registry + QLatin1Char('/') + repository +
            (ContentSource::isDigestReference(identifier) ? QLatin1Char('@') : QLatin1Char(':')) +
            identifier,
        this);
    fromLine->setReadOnly(true);
    fromLine->setCursorPosition(0);

    QStringList offered{registry};
    for (const QString &other : registries)
        if (!offered.contains(other))
            offered.append(other);
    m_registry->setEditable(true);
    m_registry->addItems(offered);
    m_registry->setObjectName(QStringLiteral("destinationRegistry"));
    m_repository->setObjectName(QStringLiteral("destinationRepository"));
    m_tag->setObjectName(QStringLiteral("destinationTag"));
    m_tag->setPlaceholderText(tr("none: by digest only"));
    m_referrers->setObjectName(QStringLiteral("withReferrers"));
    m_referrers->setChecked(true);
    auto *form = new QFormLayout;
    form->addRow(tr("From:"), fromLine);
    form->addRow(tr("To &registry:"), m_registry);
    form->addRow(tr("R&epository:"), m_repository);
    form->addRow(tr("&Tag:"), m_tag);
    form->addRow(QString(), m_referrers);
    layout->addLayout(form);

    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->hide();
    layout->addWidget(m_progress);
    m_report->setObjectName(QStringLiteral("report"));
    m_report->setReadOnly(true);
    m_report->setPlaceholderText(tr("What the copy did appears here."));
    m_report->setMinimumHeight(m_report->fontMetrics().lineSpacing() * 6);
    layout->addWidget(m_report, 1);
    layout->addWidget(m_buttons);
    m_copy->setDefault(true);

    // The button box's accept() would close the dialog before the copy has happened.
    disconnect(m_buttons, &QDialogButtonBox::accepted, nullptr, nullptr);
    connect(m_copy, &QPushButton::clicked, this, &CopyToDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &CopyToDialog::reject);
    connect(m_registry, &QComboBox::currentTextChanged, this, &CopyToDialog::validate);
    connect(m_repository, &QLineEdit::textChanged, this, &CopyToDialog::validate);
    connect(m_tag, &QLineEdit::textChanged, this, &CopyToDialog::validate);
    validate();
    resize(qMax(sizeHint().width(), 600), sizeHint().height());
}

CopyToDialog::~CopyToDialog()
{
    m_request.cancel();
}

QString CopyToDialog::statusText() const
{
    return m_status->text();
}

QString CopyToDialog::reportText() const
{
    return m_report->toPlainText();
}

void CopyToDialog::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? problemcolour::styleSheet() : QString());
}

void CopyToDialog::validate()
{
    if (m_running)
        return;
    const QString registry = m_registry->currentText().trimmed();
    const QString repository = m_repository->text().trimmed();
    const QString tag = m_tag->text().trimmed();
    QString problem;
    if (registry.isEmpty() ||
        !RegistryEndpoint::parse(registry, registry.startsWith(QLatin1String("http://"))))
        problem = tr("Name the destination registry (host[:port] or a URL).");
    else if (!Reference::isValidRepository(repository))
        problem = tr("\"%1\" is not a valid repository name (lower-case path components "
                     "separated by '/').")
                      .arg(repository);
    else if (!tag.isEmpty() && !Reference::isValidTag(tag))
        problem = tr("\"%1\" is not a valid tag.").arg(tag);
    else if (registry == m_fromRegistry && repository == m_fromRepository &&
             (tag.isEmpty() || tag == m_fromTag))
        problem = tr("That is where it already is: choose another repository, registry or tag.");
    setStatus(problem, !problem.isEmpty());
    m_copy->setEnabled(problem.isEmpty() && m_from);
}

void CopyToDialog::start()
{
    if (m_running || !m_from || !m_copy->isEnabled())
        return;
    const QString registry = m_registry->currentText().trimmed();
    const QString repository = m_repository->text().trimmed();
    const QString tag = m_tag->text().trimmed();
    ContentSource *to = m_from;
    if (registry != m_fromRegistry) {
        const Result<ContentSource *> found =
            m_findSource ? m_findSource(registry)
                         : Result<ContentSource *>(Error::make(ErrorKind::InvalidInput,
                                                               tr("No other registry is open.")));
        if (!found.ok()) {
            setStatus(tr("Cannot open %1: %2").arg(registry, found.error().message), true);
            return;
        }
        to = found.value();
    }
    m_running = true;
    for (QWidget *field : {static_cast<QWidget *>(m_registry), static_cast<QWidget *>(m_repository),
                           static_cast<QWidget *>(m_tag), static_cast<QWidget *>(m_referrers)})
        field->setEnabled(false);
    m_copy->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Close)->setText(tr("Cancel"));
    m_progress->show();
    m_report->clear();
    delete m_copier;
    m_copier = new ContentCopier(m_from, to, this);
    CopyOptions options;
    options.withReferrers = m_referrers->isChecked();
    const QString doing = tr("Copying to %1/%2…").arg(registry, repository);
    setStatus(doing, false);
    Q_EMIT activityChanged(doing);
    QPointer<CopyToDialog> self(this);
    m_request = m_copier->copy(
        m_fromRepository, m_identifier, repository, tag, options, this,
        [this, registry, repository, tag](Result<CopyResult> result) {
            finish(result, registry, repository, tag);
        },
        [self](const QString &stage) {
            if (!self)
                return;
            self->setStatus(stage, false);
            Q_EMIT self->activityChanged(stage);
        });
}

QString CopyToDialog::describe(const CopyResult &result)
{
    QStringList lines;
    lines << tr("Digest: %1").arg(result.root.toString());
    lines << tr("Manifests: %1 written, %2 of them referrers")
                 .arg(result.manifests)
                 .arg(result.referrers);
    lines << tr("Blobs: %1 sent (%2), %3 mounted, %4 already there")
                 .arg(result.blobsSent)
                 .arg(QLocale().formattedDataSize(result.bytesSent))
                 .arg(result.blobsMounted)
                 .arg(result.blobsPresent);
    for (const FallbackIndexChange &change : result.fallbackUpdates)
        lines << change.describe();
    for (const ReplacedIndexRemoval &removal : result.replacedIndexes)
        lines << removal.describe();
    for (const QString &note : result.notes)
        lines << tr("Skipped: %1").arg(note);
    return lines.join(QLatin1Char('\n'));
}

void CopyToDialog::finish(const Result<CopyResult> &result, const QString &registry,
                          const QString &repository, const QString &tag)
{
    m_running = false;
    m_request = RequestHandle();
    m_progress->hide();
    Q_EMIT activityChanged(QString());
    for (QWidget *field : {static_cast<QWidget *>(m_registry), static_cast<QWidget *>(m_repository),
                           static_cast<QWidget *>(m_tag), static_cast<QWidget *>(m_referrers)})
        field->setEnabled(true);
    m_buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    if (!result.ok()) {
        validate();
        if (result.error().kind == ErrorKind::Cancelled)
            setStatus(tr("Cancelled. What was already sent stays in the destination, untagged; "
                         "the tag was not written."),
                      false);
        else
            setStatus(tr("The copy failed: %1").arg(result.error().toString()), true);
        return;
    }
    validate();
    setStatus(tag.isEmpty()
                  ? tr("Copied to %1/%2@%3.").arg(registry, repository, result->root.toString())
                  : tr("Copied to %1/%2:%3.").arg(registry, repository, tag),
              false);
    m_report->setPlainText(describe(result.value()));
    const QString from =
        m_fromRegistry + QLatin1Char('/') + m_fromRepository +
        (ContentSource::isDigestReference(m_identifier) ? QLatin1Char('@') : QLatin1Char(':')) +
        m_identifier;
    Q_EMIT copied(from, registry, repository, tag, result.value());
}

void CopyToDialog::reject()
{
    if (m_running) {
        m_request.cancel();
        return;
    }
    QDialog::reject();
}

} // namespace ocular
