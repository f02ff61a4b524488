#include "repositorysearchdialog.h"

#include "dialogs/repositorysearchloader.h"
#include "views/displayformat.h"

#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ocular {

namespace {

enum Column
{
    TagsColumn,
    DigestColumn,
    FieldColumn,
    SnippetColumn,
    ColumnCount
};
constexpr int ReferenceRole = Qt::UserRole + 1;

QString fieldLabel(const SearchHit &hit)
{
    switch (hit.field) {
    case SearchHit::Field::Tag:
        return RepositorySearchDialog::tr("Tag name");
    case SearchHit::Field::AnnotationKey:
        return RepositorySearchDialog::tr("Annotation key");
    case SearchHit::Field::AnnotationValue:
        return RepositorySearchDialog::tr("Annotation %1").arg(hit.key);
    case SearchHit::Field::ArtifactType:
        return RepositorySearchDialog::tr("Artifact type");
    case SearchHit::Field::MediaType:
        return RepositorySearchDialog::tr("Media type");
    }
    return {};
}

} // namespace

RepositorySearchDialog::RepositorySearchDialog(ContentSource *source, const QString &repository,
                                               QWidget *parent)
    : QDialog(parent)
    , m_loader(new RepositorySearchLoader(source, this))
    , m_title(new QLabel(this))
    , m_text(new QLineEdit(this))
    , m_search(new QPushButton(tr("Search"), this))
    , m_stop(new QPushButton(tr("Stop"), this))
    , m_busy(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_results(new QTableWidget(0, ColumnCount, this))
{
    m_text->setObjectName(QStringLiteral("text"));
    m_status->setObjectName(QStringLiteral("status"));
    m_results->setObjectName(QStringLiteral("results"));
    m_stop->setObjectName(QStringLiteral("stop"));
    m_text->setPlaceholderText(tr("Text in a tag, annotation, artifact type or media type"));
    m_text->setClearButtonEnabled(true);
    m_search->setDefault(true);
    m_busy->setRange(0, 0); // the inventory's size is not known in advance
    m_busy->setMaximumHeight(m_status->fontMetrics().height());
    m_busy->setTextVisible(false);
    m_status->setWordWrap(true);
    m_results->setHorizontalHeaderLabels({tr("Tags"), tr("Digest"), tr("Matched in"), tr("Match")});
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    m_results->verticalHeader()->hide();
    m_results->horizontalHeader()->setSectionResizeMode(SnippetColumn, QHeaderView::Stretch);
    m_results->setWordWrap(false);
    m_results->setToolTip(
        tr("Double-click a row (or press Enter) to show it in the repository tree"));

    auto *row = new QHBoxLayout;
    row->addWidget(m_text, 1);
    row->addWidget(m_search);
    row->addWidget(m_stop);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(row);
    layout->addWidget(m_busy);
    layout->addWidget(m_status);
    layout->addWidget(m_results, 1);
    layout->addWidget(buttons);
    resize(860, 480);

    connect(m_text, &QLineEdit::returnPressed, this, [this] { search(m_text->text()); });
    connect(m_search, &QPushButton::clicked, this, [this] { search(m_text->text()); });
    connect(m_stop, &QPushButton::clicked, this, [this] { stop(tr("Stopped.")); });
    connect(m_text, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_search->setEnabled(!text.trimmed().isEmpty()); });
    // Activation: a double-click, or Enter for those at the keyboard.
    connect(m_results, &QTableWidget::cellActivated, this, [this](int row, int) { activate(row); });
    connect(m_loader, &RepositorySearchLoader::step, m_status, &QLabel::setText);
    connect(m_loader, &RepositorySearchLoader::found, this, &RepositorySearchDialog::showOutcome);
    connect(m_loader, &RepositorySearchLoader::failed, this, [this](const QString &message) {
        setBusy(false);
        m_status->setText(message);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    m_search->setEnabled(false);
    setRepository(repository);
}

void RepositorySearchDialog::setRepository(const QString &repository)
{
    if (repository == m_repository)
        return;
    stop(tr("Search stopped: %1 was selected.").arg(repository));
    m_repository = repository;
    setWindowTitle(tr("Find in %1").arg(repository));
    m_title->setText(tr("Search the tags, annotations, artifact types and media types of "
                        "<b>%1</b>.")
                         .arg(repository.toHtmlEscaped()));
    m_results->setRowCount(0);
    setBusy(false);
}

void RepositorySearchDialog::search(const QString &text)
{
    if (text.trimmed().isEmpty()) {
        m_status->setText(tr("Type something to search for."));
        return;
    }
    if (m_text->text() != text)
        m_text->setText(text); // a search started from elsewhere shows what it looks for
    m_results->setRowCount(0);
    setBusy(true);
    m_loader->search(m_repository, text.trimmed());
}

void RepositorySearchDialog::stop(const QString &why)
{
    if (!m_loader->isSearching())
        return;
    m_loader->cancel();
    setBusy(false);
    m_status->setText(why);
    Q_EMIT stopped(why);
}

bool RepositorySearchDialog::isSearching() const
{
    return m_loader->isSearching();
}

int RepositorySearchDialog::resultCount() const
{
    return m_results->rowCount();
}

QString RepositorySearchDialog::statusText() const
{
    return m_status->text();
}

void RepositorySearchDialog::closeEvent(QCloseEvent *event)
{
    stop(tr("Search stopped: the window was closed."));
    QDialog::closeEvent(event);
}

void RepositorySearchDialog::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    m_stop->setEnabled(busy);
}

void RepositorySearchDialog::showOutcome(const RepositorySearch::Outcome &outcome)
{
    setBusy(false);
    m_results->setSortingEnabled(false);
    m_results->setRowCount(int(outcome.hits.size()));
    for (int row = 0; row < outcome.hits.size(); ++row) {
        const SearchHit &hit = outcome.hits.at(row);
        // Both branches as QString: QStringBuilder types differ between them from Qt 6.8 on.
        const QString reference =
            hit.tags.isEmpty() ? QString(m_repository + QLatin1Char('@') + hit.digest.toString())
                               : QString(m_repository + QLatin1Char(':') + hit.tags.first());
        auto *tags = new QTableWidgetItem(hit.tags.isEmpty() ? tr("(untagged)")
                                                             : hit.tags.join(QStringLiteral(", ")));
        tags->setData(ReferenceRole, reference);
        auto *digest = new QTableWidgetItem(displayformat::shortDigest(hit.digest));
        digest->setToolTip(hit.digest.toString());
        auto *snippet = new QTableWidgetItem(hit.snippet);
        snippet->setToolTip(hit.snippet);
        m_results->setItem(row, TagsColumn, tags);
        m_results->setItem(row, DigestColumn, digest);
        m_results->setItem(row, FieldColumn, new QTableWidgetItem(fieldLabel(hit)));
        m_results->setItem(row, SnippetColumn, snippet);
    }
    m_results->resizeColumnToContents(TagsColumn);
    m_results->resizeColumnToContents(DigestColumn);
    m_results->resizeColumnToContents(FieldColumn);
    if (outcome.totalHits == 0)
        m_status->setText(tr("Nothing in %1 matches.").arg(m_repository));
    else if (outcome.totalHits > outcome.hits.size())
        m_status->setText(tr("%1 matches; the first %2 are listed.")
                              .arg(outcome.totalHits)
                              .arg(outcome.hits.size()));
    else
        m_status->setText(tr("%n match(es) in %1. Double-click one to show it in the tree.",
                             nullptr, outcome.totalHits)
                              .arg(m_repository));
}

void RepositorySearchDialog::activate(int row)
{
    if (const QTableWidgetItem *item = m_results->item(row, TagsColumn))
        Q_EMIT openRequested(item->data(ReferenceRole).toString());
}

} // namespace ocular
