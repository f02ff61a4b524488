#include "repositorytreepanel.h"

#include "models/registrytreemodel.h"
#include "reference/reference.h"
#include "registry/registryclient.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace ocular {

namespace {

constexpr int kCatalogPageSize = 200;

} // namespace

RepositoryTreePanel::RepositoryTreePanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new RegistryTreeModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTreeView(this))
    , m_filter(new QLineEdit(this))
    , m_messageFrame(new QFrame(this))
    , m_message(new QLabel(m_messageFrame))
    , m_openButton(new QPushButton(tr("Open repository…"), m_messageFrame))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setAutoAcceptChildRows(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(RegistryTreeModel::NameColumn);

    m_view->setModel(m_proxy);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setSectionResizeMode(RegistryTreeModel::NameColumn, QHeaderView::Interactive);
    m_view->setColumnWidth(RegistryTreeModel::NameColumn, 330);

    m_filter->setPlaceholderText(tr("Filter repositories and tags"));
    m_filter->setClearButtonEnabled(true);

    m_messageFrame->setFrameShape(QFrame::StyledPanel);
    m_messageFrame->setStyleSheet(
        QStringLiteral("QFrame { background: #fff6dd; border: 1px solid #e2c97a; }"
                       "QLabel { border: none; }"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *messageLayout = new QVBoxLayout(m_messageFrame);
    messageLayout->setContentsMargins(8, 6, 8, 6);
    messageLayout->addWidget(m_message);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addStretch(1);
    buttonRow->addWidget(m_openButton);
    messageLayout->addLayout(buttonRow);
    m_messageFrame->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_filter);
    layout->addWidget(m_messageFrame);
    layout->addWidget(m_view, 1);

    connect(m_filter, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_proxy->setFilterFixedString(text.trimmed()); });
    connect(m_openButton, &QPushButton::clicked, this,
            &RepositoryTreePanel::openRepositoryRequested);
    connect(m_model, &RegistryTreeModel::catalogPageRequested, this,
            &RepositoryTreePanel::loadCatalogPage);
    connect(m_model, &RegistryTreeModel::childrenRequested, this,
            &RepositoryTreePanel::loadChildren);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { onCurrentChanged(current); });

    showCatalogMessage(tr("Add a registry to start browsing."));
    m_openButton->hide();
}

RepositoryTreePanel::~RepositoryTreePanel()
{
    cancel();
}

void RepositoryTreePanel::setClient(RegistryClient *client)
{
    if (client == m_client && client)
        return;
    m_client = client;
    m_openedRepositories.clear();
    reload();
}

void RepositoryTreePanel::reload()
{
    cancel();
    ++m_generation;
    m_model->clear();
    m_nextCatalogPage = QUrl();
    m_catalogLoadedOnce = false;
    if (!m_client) {
        m_openButton->hide();
        showCatalogMessage(tr("Add a registry to start browsing."));
        Q_EMIT selectionChanged({});
        return;
    }
    m_openButton->show();
    showCatalogMessage({});
    for (const QString &name : std::as_const(m_openedRepositories))
        m_model->addRepository(name);
    Q_EMIT selectionChanged({});
    loadCatalogPage();
}

void RepositoryTreePanel::loadCatalogPage()
{
    if (!m_client)
        return;
    const quint64 generation = m_generation;
    const QString registry = m_client->endpoint().registry;
    const int id = begin(tr("Loading repositories of %1…").arg(registry));
    const RequestHandle handle = m_client->catalogPage(
        kCatalogPageSize, m_nextCatalogPage, this,
        [this, generation, id, registry](Result<ListPage> result) {
            finish(id);
            if (generation != m_generation)
                return;
            if (!result) {
                const Error &error = result.error();
                m_model->setCatalogHasMore(false);
                if (error.kind == ErrorKind::Cancelled) {
                    showCatalogMessage(
                        tr("Loading the repository list was cancelled. Press F5 to try again, "
                           "or open a repository by name."));
                    return;
                }
                QString why;
                switch (error.kind) {
                case ErrorKind::Auth:
                case ErrorKind::NotFound:
                case ErrorKind::Unsupported:
                    why = tr("%1 does not list its repositories (the catalog is not available: "
                             "%2).")
                              .arg(registry, error.toString());
                    break;
                default:
                    why = tr("Could not list the repositories of %1: %2")
                              .arg(registry, error.toString());
                }
                showCatalogMessage(why + QLatin1Char(' ') +
                                   tr("You can still open a repository by name (Ctrl+O)."));
                Q_EMIT problem(why);
                return;
            }
            const ListPage &page = result.value();
            m_model->appendRepositories(page.items);
            m_nextCatalogPage = page.next;
            m_model->setCatalogHasMore(page.next.isValid());
            if (!m_catalogLoadedOnce && page.items.isEmpty() && m_model->repositoryCount() == 0)
                showCatalogMessage(tr("The catalog of %1 is empty. Open a repository by name if "
                                      "you know one.")
                                       .arg(registry));
            else
                showCatalogMessage({});
            m_catalogLoadedOnce = true;
        });
    attach(id, handle);
}

void RepositoryTreePanel::loadChildren(const QModelIndex &sourceIndex)
{
    const TreeNode *node = m_model->node(sourceIndex);
    if (!node || !m_client || node->kind == NodeKind::Referrers) // ReferrersTreeLoader's job
        return;
    const quint64 generation = m_generation;
    const QPersistentModelIndex target(sourceIndex);
    auto failed = [this, target](const Error &error) {
        if (error.kind == ErrorKind::Cancelled) {
            // Collapse first: an expanded node that can fetch more would be re-fetched by the
            // view's next layout, undoing the cancel.
            m_view->collapse(m_proxy->mapFromSource(target));
            m_model->resetNode(target);
            return;
        }
        m_model->setFailed(target, error.toString());
    };

    if (node->kind == NodeKind::Repository) {
        const QString repository = node->repository;
        const int id = begin(tr("Loading tags of %1…").arg(repository));
        const RequestHandle handle = m_client->allTags(
            repository, this,
            [this, generation, id, target, failed, repository](Result<QStringList> result) {
                finish(id);
                if (generation != m_generation || !target.isValid())
                    return;
                if (!result) {
                    failed(result.error());
                    if (result.error().kind != ErrorKind::Cancelled)
                        Q_EMIT problem(tr("Could not load the tags of %1: %2")
                                           .arg(repository, result.error().toString()));
                    return;
                }
                m_model->setTags(target, result.value());
            });
        attach(id, handle);
        return;
    }

    QString reference;
    QString what;
    if (node->kind == NodeKind::Tag) {
        reference = node->name;
        what = node->repository + QLatin1Char(':') + node->name;
    } else if (node->descriptor) {
        reference = node->descriptor->digest.toString();
        what = node->repository + QLatin1Char('@') + node->descriptor->digest.shortForm();
    } else {
        return;
    }
    const int id = begin(tr("Loading manifest of %1…").arg(what));
    const RequestHandle handle = m_client->getManifest(
        node->repository, reference, this,
        [this, generation, id, target, failed, what](Result<FetchedManifest> result) {
            finish(id);
            if (generation != m_generation || !target.isValid())
                return;
            if (!result) {
                failed(result.error());
                if (result.error().kind != ErrorKind::Cancelled)
                    Q_EMIT problem(tr("Could not load the manifest of %1: %2")
                                       .arg(what, result.error().toString()));
                return;
            }
            m_model->setManifest(target, result.value().manifest);
            if (!result.value().warning.isEmpty())
                Q_EMIT problem(result.value().warning);
            if (currentSourceIndex() == QModelIndex(target))
                emitSelection();
        });
    attach(id, handle);
}

int RepositoryTreePanel::begin(const QString &text)
{
    const int id = m_nextRequestId++;
    m_inFlight.insert(id, {RequestHandle(), text});
    m_order.append(id);
    Q_EMIT activityChanged(text);
    return id;
}

void RepositoryTreePanel::attach(int id, const RequestHandle &handle)
{
    auto it = m_inFlight.find(id);
    if (it != m_inFlight.end())
        it->first = handle;
}

void RepositoryTreePanel::finish(int id)
{
    if (!m_inFlight.remove(id))
        return;
    m_order.removeAll(id);
    Q_EMIT activityChanged(m_order.isEmpty() ? QString() : m_inFlight.value(m_order.last()).second);
}

void RepositoryTreePanel::cancel()
{
    // Cancelling delivers ErrorKind::Cancelled to each callback, which calls finish().
    const auto inFlight = m_inFlight;
    for (const auto &entry : inFlight)
        entry.first.cancel();
    m_inFlight.clear();
    m_order.clear();
    Q_EMIT activityChanged({});
}

void RepositoryTreePanel::refresh()
{
    const QModelIndex current = currentSourceIndex();
    const TreeNode *node = m_model->node(current);
    if (node && (node->kind == NodeKind::Repository || node->kind == NodeKind::Tag)) {
        const QPersistentModelIndex keep(current);
        m_model->resetNode(current);
        m_model->fetchMore(current);
        m_view->expand(m_proxy->mapFromSource(keep));
        emitSelection();
        return;
    }
    reload();
}

bool RepositoryTreePanel::openRepository(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (!m_client || !Reference::isValidRepository(trimmed))
        return false;
    if (!m_openedRepositories.contains(trimmed))
        m_openedRepositories.append(trimmed);
    const QModelIndex source = m_model->addRepository(trimmed);
    if (!m_filter->text().isEmpty())
        m_filter->clear();
    const QModelIndex proxyIndex = m_proxy->mapFromSource(source);
    m_view->setCurrentIndex(proxyIndex);
    m_view->scrollTo(proxyIndex);
    m_view->expand(proxyIndex);
    return true;
}

bool RepositoryTreePanel::selectDigest(const Digest &digest)
{
    const QModelIndex source = m_model->findDigest(digest);
    if (!source.isValid())
        return false;
    QModelIndex proxyIndex = m_proxy->mapFromSource(source);
    if (!proxyIndex.isValid()) {
        m_filter->clear();
        proxyIndex = m_proxy->mapFromSource(source);
    }
    for (QModelIndex p = proxyIndex.parent(); p.isValid(); p = p.parent())
        m_view->expand(p);
    m_view->setCurrentIndex(proxyIndex);
    m_view->scrollTo(proxyIndex);
    return true;
}

bool RepositoryTreePanel::selectPath(const QStringList &names)
{
    QModelIndex parent;
    QModelIndex found;
    for (const QString &name : names) {
        found = QModelIndex();
        for (int row = 0; row < m_proxy->rowCount(parent); ++row) {
            const QModelIndex candidate = m_proxy->index(row, 0, parent);
            const QString text = candidate.data().toString();
            const bool matches =
                name.endsWith(QLatin1Char('*')) ? text.startsWith(name.chopped(1)) : text == name;
            if (matches) {
                found = candidate;
                break;
            }
        }
        if (!found.isValid())
            return false;
        m_view->expand(found);
        parent = found;
    }
    if (!found.isValid())
        return false;
    m_view->setCurrentIndex(found);
    m_view->scrollTo(found);
    return true;
}

QModelIndex RepositoryTreePanel::currentSourceIndex() const
{
    return m_proxy->mapToSource(m_view->currentIndex()).siblingAtColumn(0);
}

TreeSelection RepositoryTreePanel::currentSelection() const
{
    return selectionFor(currentSourceIndex());
}

QString RepositoryTreePanel::currentRepository() const
{
    const TreeNode *node = m_model->node(currentSourceIndex());
    return node ? node->repository : QString();
}

QString RepositoryTreePanel::catalogMessage() const
{
    return m_messageFrame->isHidden() ? QString() : m_message->text();
}

TreeSelection RepositoryTreePanel::selectionFor(const QModelIndex &sourceIndex) const
{
    TreeSelection s;
    const TreeNode *node = m_model->node(sourceIndex);
    if (!node || !m_client)
        return s;
    s.kind = node->kind;
    s.registry = m_client->endpoint().registry;
    s.repository = node->repository;
    s.tag = node->tag();
    s.label = node->name;
    s.descriptor = node->descriptor;
    s.manifest = node->manifest;
    if (node->parent && node->parent->manifest)
        s.parentAnnotations = node->parent->manifest->annotations();
    return s;
}

void RepositoryTreePanel::onCurrentChanged(const QModelIndex &proxyIndex)
{
    const QModelIndex source = m_proxy->mapToSource(proxyIndex).siblingAtColumn(0);
    // Selecting a tag or an index entry shows its manifest even before it is expanded.
    if (m_model->canFetchMore(source)) {
        const TreeNode *node = m_model->node(source);
        if (node && node->kind != NodeKind::Repository)
            m_model->fetchMore(source);
    }
    emitSelection();
}

void RepositoryTreePanel::emitSelection()
{
    Q_EMIT selectionChanged(currentSelection());
}

void RepositoryTreePanel::showCatalogMessage(const QString &text)
{
    m_message->setText(text);
    m_messageFrame->setVisible(!text.isEmpty());
}

} // namespace ocular
