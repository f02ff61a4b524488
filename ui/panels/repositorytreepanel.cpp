#include "repositorytreepanel.h"

#include "commands/equivalentcommands.h"
#include "dialogs/deletionpreviewdialog.h"
#include "dialogs/pushartifactdialog.h"
#include "models/registrytreemodel.h"
#include "models/repositoryfilterproxy.h"
#include "reference/nametext.h"
#include "reference/reference.h"
#include "views/displayformat.h"
#include "views/referencemenu.h"

#include <QDragMoveEvent>
#include <QDropEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace ocular {

namespace {

/// Tag pages followed per repository (1,000 tags a page).
constexpr int kMaxTagPages = 1000;

/// `summary` followed by the first few refused names, printable, with why.
QString refusedNamesMessage(const QString &summary, const QList<RejectedName> &rejected)
{
    QStringList shown;
    for (const RejectedName &name : rejected.mid(0, 3))
        shown.append(QStringLiteral("“%1” (%2)").arg(nametext::printable(name.name), name.reason));
    if (rejected.size() > 3)
        shown.append(QStringLiteral("…"));
    return summary + QLatin1Char(' ') + shown.join(QStringLiteral(", "));
}

} // namespace

RepositoryTreePanel::RepositoryTreePanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new RegistryTreeModel(this))
    , m_proxy(new RepositoryFilterProxy(this))
    , m_view(new QTreeView(this))
    , m_filter(new QLineEdit(this))
    , m_noMatch(new QLabel(this))
    , m_messageFrame(new QFrame(this))
    , m_message(new QLabel(m_messageFrame))
    , m_progress(new QProgressBar(m_messageFrame))
    , m_openButton(new QPushButton(tr("Open repository…"), m_messageFrame))
{
    m_proxy->setSourceModel(m_model);

    // Named for screen readers and for the shortcuts dialog ("Delete works in: Repository tree").
    m_view->setAccessibleName(tr("Repository tree"));
    m_view->setModel(m_proxy);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setSectionResizeMode(RegistryTreeModel::NameColumn, QHeaderView::Interactive);
    m_view->setColumnWidth(RegistryTreeModel::NameColumn, 300);
    // The tree may shrink with the window; the inspector gets what is left (see MainWindow).
    m_view->setMinimumWidth(160);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    // The Delete key on a tag or manifest opens the delete preview (see eventFilter).
    m_view->installEventFilter(this);
    // Files dropped from a file manager onto a tag or manifest attach to it.
    m_view->viewport()->setAcceptDrops(true);
    m_view->viewport()->installEventFilter(this);

    m_noMatch->setWordWrap(true);
    m_noMatch->setStyleSheet(QStringLiteral("color: palette(mid); padding: 4px;"));
    m_noMatch->hide();
    m_progress->setTextVisible(true);
    m_progress->setMaximumHeight(16);
    m_progress->hide();

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
    messageLayout->addWidget(m_progress);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addStretch(1);
    buttonRow->addWidget(m_openButton);
    messageLayout->addLayout(buttonRow);
    m_messageFrame->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_filter);
    layout->addWidget(m_noMatch);
    layout->addWidget(m_messageFrame);
    layout->addWidget(m_view, 1);

    connect(m_filter, &QLineEdit::textChanged, this, &RepositoryTreePanel::onFilterTextChanged);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, [this] { updateNoMatch(); });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] { updateNoMatch(); });
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_view->indexAt(pos);
        if (!index.isValid())
            return;
        m_view->setCurrentIndex(index);
        ReferenceMenu *menu = contextMenuFor(index);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_view->viewport()->mapToGlobal(pos));
    });
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

QSortFilterProxyModel *RepositoryTreePanel::proxy() const
{
    return m_proxy;
}

void RepositoryTreePanel::setIdleMessage(const QString &text, int step, int total)
{
    m_idleMessage = text;
    if (m_source)
        return;
    showCatalogMessage(text.isEmpty() ? tr("Add a registry to start browsing.") : text);
    m_progress->setVisible(!text.isEmpty() && total > 0);
    if (total > 0) {
        m_progress->setRange(0, total);
        m_progress->setValue(qBound(0, step, total));
        m_progress->setFormat(tr("%v of %m"));
    }
}

RepositoryTreePanel::~RepositoryTreePanel()
{
    closeDeleteDialog();
    cancel();
}

void RepositoryTreePanel::setSource(ContentSource *source)
{
    if (source == m_source && source)
        return;
    m_source = source;
    m_openedRepositories.clear();
    reload();
}

void RepositoryTreePanel::reload()
{
    // A delete preview belongs to the registry it was opened on: switching away closes it,
    // which cancels what it has in flight.
    closeDeleteDialog();
    cancel();
    ++m_generation;
    m_model->clear();
    m_nextCatalogPage = PageCursor::start();
    m_catalogLoadedOnce = false;
    if (!m_source) {
        m_openButton->hide();
        setIdleMessage(m_idleMessage);
        Q_EMIT selectionChanged({});
        return;
    }
    m_progress->hide();
    m_openButton->show();
    showCatalogMessage({});
    for (const QString &name : std::as_const(m_openedRepositories))
        m_model->addRepository(name);
    Q_EMIT selectionChanged({});
    loadCatalogPage();
}

void RepositoryTreePanel::loadCatalogPage()
{
    if (!m_source)
        return;
    const quint64 generation = m_generation;
    const QString registry = m_source->displayName();
    const int id = begin(tr("Loading repositories of %1…").arg(registry));
    const RequestHandle handle = m_source->repositories(
        m_nextCatalogPage, m_catalogPageSize, this,
        [this, generation, id, registry](Result<NamePage> result) {
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
            const NamePage &page = result.value();
            m_model->appendRepositories(page.items);
            m_nextCatalogPage = page.next;
            m_model->setCatalogHasMore(!page.next.isEnd());
            if (!page.rejected.isEmpty())
                Q_EMIT problem(refusedNamesMessage(
                    tr("%1 listed %n repository name(s) that are not valid; they are not shown.",
                       nullptr, int(page.rejected.size()))
                        .arg(registry),
                    page.rejected));
            if (!m_catalogLoadedOnce && page.items.isEmpty() && m_model->repositoryCount() == 0)
                showCatalogMessage(tr("The catalog of %1 is empty. Open a repository by name if "
                                      "you know one.")
                                       .arg(registry));
            else
                showCatalogMessage({});
            m_catalogLoadedOnce = true;
            if (!m_proxy->filterText().isEmpty()) {
                expandMatches();
                loadCatalogForFilter();
            }
            updateNoMatch();
        });
    attach(id, handle);
}

void RepositoryTreePanel::loadChildren(const QModelIndex &sourceIndex)
{
    const TreeNode *node = m_model->node(sourceIndex);
    if (!node || !m_source || node->kind == NodeKind::Referrers) // ReferrersTreeLoader's job
        return;
    const quint64 generation = m_generation;
    const QPersistentModelIndex target(sourceIndex);
    auto failed = [this, target](const Error &error) {
        if (error.kind == ErrorKind::Cancelled) {
            // Collapse first: an expanded node that can fetch more would be re-fetched by the
            // view's next layout, undoing the cancel.
            m_view->collapse(m_proxy->mapFromSource(target));
            m_model->setCancelled(target);
            return;
        }
        m_model->setFailed(target, error.toString());
    };

    if (node->kind == NodeKind::Repository) {
        const QString repository = node->repository;
        const int id = begin(tr("Loading tags of %1…").arg(repository));
        const RequestHandle handle = m_source->allTags(
            repository, kMaxTagPages, this,
            [this, generation, id, target, failed, repository](Result<NameListing> result) {
                finish(id);
                if (generation != m_generation || !target.isValid())
                    return;
                if (!result) {
                    failed(result.error());
                    if (result.error().kind != ErrorKind::Cancelled)
                        Q_EMIT problem(tr("Could not load the tags of %1: %2")
                                           .arg(repository, result.error().toString()));
                    if (m_pendingTag.first == repository)
                        m_pendingTag = {};
                    return;
                }
                const NameListing &listing = result.value();
                m_model->setTags(target, listing.items, listing.rejected);
                if (listing.truncated)
                    Q_EMIT problem(tr("The tags of %1 stopped after %2 pages; later tags are "
                                      "not shown.")
                                       .arg(repository)
                                       .arg(listing.pages));
                if (!m_proxy->filterText().isEmpty())
                    expandMatches();
                selectPendingTag(repository);
                if (m_pendingDigest.first == repository) {
                    const QModelIndex opened = m_model->findDigest(m_pendingDigest.second);
                    m_pendingDigest = {};
                    if (opened.isValid())
                        selectSource(opened);
                }
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
        what = node->repository + QLatin1Char('@') +
               displayformat::shortDigest(node->descriptor->digest);
    } else {
        return;
    }
    const int id = begin(tr("Loading manifest of %1…").arg(what));
    const RequestHandle handle = m_source->manifest(
        node->repository, reference, this,
        [this, generation, id, target, failed, what](Result<SourceManifest> result) {
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
    if (!inFlight.isEmpty())
        Q_EMIT activityChanged({});
}

void RepositoryTreePanel::refresh()
{
    const QModelIndex current = currentSourceIndex();
    if (m_model->node(current)) {
        refreshNode(current);
        return;
    }
    reload();
}

void RepositoryTreePanel::refreshNode(const QModelIndex &sourceIndex)
{
    QModelIndex target = sourceIndex;
    // A group or a message line refreshes the repository it belongs to.
    for (const TreeNode *node = m_model->node(target);
         node && node->kind != NodeKind::Repository && node->kind != NodeKind::Tag &&
         !(node->kind == NodeKind::Manifest && node->isExpandable());
         node = m_model->node(target))
        target = target.parent();
    if (!m_model->node(target)) {
        reload();
        return;
    }
    const QPersistentModelIndex keep(target);
    m_model->resetNode(target);
    m_model->fetchMore(target);
    m_view->expand(m_proxy->mapFromSource(keep));
    emitSelection();
}

void RepositoryTreePanel::refreshRepository(const QString &repository)
{
    const QModelIndex index = m_model->repositoryIndex(repository);
    if (!index.isValid())
        return;
    const TreeSelection current = currentSelection();
    // The tags are replaced by the reload: the selected one is selected again when they are
    // back, so the panels that follow the selection (referrers) read it afresh.
    if (current.repository == repository && !current.tag.isEmpty())
        m_pendingTag = {repository, current.tag};
    else if (current.repository == repository && current.kind == NodeKind::Manifest &&
             current.digest().isValid())
        m_pendingDigest = {repository, current.digest()};
    refreshNode(index);
}

bool RepositoryTreePanel::openRepository(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (!m_source || !Reference::isValidRepository(trimmed))
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

Result<Reference> RepositoryTreePanel::parseOpenReference(const QString &registry,
                                                          const QString &text)
{
    // Until core has a parser for references relative to a registry, prefix the registry
    // and let Reference do the work (it knows tags, digests and the name grammar).
    QString relative = text.trimmed();
    if (relative.startsWith(registry + QLatin1Char('/')))
        relative = relative.mid(registry.size() + 1);
    if (relative.isEmpty())
        return Error::make(ErrorKind::InvalidInput, tr("Enter a repository name."));
    // `other.example/app` names another registry (Docker's rule for the first component).
    const QString first = relative.section(QLatin1Char('/'), 0, 0);
    if (relative.contains(QLatin1Char('/')) &&
        (first.contains(QLatin1Char('.')) || first.contains(QLatin1Char(':')) ||
         first == QLatin1String("localhost")))
        return Error::make(ErrorKind::InvalidInput,
                           tr("%1 is on another registry (%2); add that registry first.")
                               .arg(relative.left(200), first.left(100)));
    const Result<Reference> parsed =
        Reference::parse(QString(registry + QLatin1Char('/') + relative));
    if (!parsed || parsed->registry() != registry)
        return Error::make(ErrorKind::InvalidInput,
                           tr("\"%1\" is not a repository, repo:tag or repo@digest reference "
                              "(lower-case path components separated by /).")
                               .arg(text.trimmed().left(200)));
    return parsed;
}

QString RepositoryTreePanel::openReference(const QString &text)
{
    if (!m_source)
        return tr("Add or select a registry first.");
    // A source that is no registry (an OCI layout, `oci:DIR`) has no host to read references
    // against: a stand-in one takes its place.
    QString registry = m_source->displayName();
    if (!Reference::parse(QString(registry + QStringLiteral("/x"))))
        registry = QStringLiteral("source.invalid");
    const Result<Reference> parsed = parseOpenReference(registry, text);
    if (!parsed)
        return parsed.error().message;
    const Reference &reference = parsed.value();
    if (!openRepository(reference.repository()))
        return tr("\"%1\" is not a valid repository name.").arg(reference.repository());
    if (reference.hasDigest()) {
        openDigest(reference.repository(), reference.digest());
    } else if (reference.hasTag()) {
        m_pendingTag = {reference.repository(), reference.tag()};
        if (!m_model->loadedTags(reference.repository()).isEmpty())
            selectPendingTag(reference.repository());
    }
    return {};
}

void RepositoryTreePanel::selectPendingTag(const QString &repository)
{
    if (m_pendingTag.first != repository)
        return;
    const QString tag = m_pendingTag.second;
    m_pendingTag = {};
    const QModelIndex source = m_model->tagIndex(repository, tag);
    if (!source.isValid()) {
        Q_EMIT problem(tr("%1 has no tag %2.").arg(repository, tag));
        return;
    }
    selectSource(source);
}

void RepositoryTreePanel::openDigest(const QString &repository, const Digest &digest)
{
    const QModelIndex known = m_model->findDigest(digest);
    if (known.isValid() && m_model->node(known)->repository == repository &&
        m_model->node(known)->kind != NodeKind::Config &&
        m_model->node(known)->kind != NodeKind::Layer) {
        selectSource(known);
        return;
    }
    const quint64 generation = m_generation;
    const QString what = repository + QLatin1Char('@') + displayformat::shortDigest(digest);
    const int id = begin(tr("Loading manifest of %1…").arg(what));
    const RequestHandle handle = m_source->manifest(
        repository, digest.toString(), this,
        [this, generation, id, repository, what](Result<SourceManifest> result) {
            finish(id);
            if (generation != m_generation)
                return;
            if (!result) {
                if (result.error().kind != ErrorKind::Cancelled)
                    Q_EMIT problem(
                        tr("Could not open %1: %2").arg(what, result.error().toString()));
                return;
            }
            const Manifest &manifest = result.value().manifest;
            Descriptor descriptor;
            descriptor.mediaType = manifest.mediaType();
            descriptor.digest = manifest.digest();
            descriptor.size = manifest.raw().size();
            const QModelIndex node =
                m_model->addDigestNode(m_model->repositoryIndex(repository), descriptor);
            if (!node.isValid())
                return;
            m_model->setManifest(node, manifest);
            selectSource(node);
        });
    attach(id, handle);
}

void RepositoryTreePanel::selectSource(const QModelIndex &source)
{
    QModelIndex proxyIndex = m_proxy->mapFromSource(source);
    if (!proxyIndex.isValid()) {
        m_filter->clear();
        proxyIndex = m_proxy->mapFromSource(source);
    }
    for (QModelIndex p = proxyIndex.parent(); p.isValid(); p = p.parent())
        m_view->expand(p);
    m_view->setCurrentIndex(proxyIndex);
    m_view->scrollTo(proxyIndex);
}

bool RepositoryTreePanel::selectDigest(const Digest &digest)
{
    const QModelIndex source = m_model->findDigest(digest);
    if (!source.isValid())
        return false;
    selectSource(source);
    return true;
}

ReferenceMenu *RepositoryTreePanel::contextMenuFor(const QModelIndex &proxyIndex)
{
    const QModelIndex source = m_proxy->mapToSource(proxyIndex).siblingAtColumn(0);
    const TreeSelection selection = selectionFor(source);
    const bool hasReference =
        selection.kind == NodeKind::Repository || selection.kind == NodeKind::Tag ||
        selection.kind == NodeKind::Manifest || selection.kind == NodeKind::Config ||
        selection.kind == NodeKind::Layer;
    auto *menu = new ReferenceMenu(hasReference ? selection.reference() : QString(),
                                   hasReference ? selection.digestReference() : QString(), this);
    connect(menu, &ReferenceMenu::copied, this,
            [this](const QString &text) { Q_EMIT information(tr("Copied %1").arg(text)); });
    addCopyAsCommand(menu, selection);
    QString relative;
    if (selection.kind == NodeKind::Repository)
        relative = selection.repository;
    else if (selection.kind == NodeKind::Tag)
        relative = selection.repository + QLatin1Char(':') + selection.tag;
    else if (selection.kind == NodeKind::Manifest && selection.digest().isValid())
        relative = selection.repository + QLatin1Char('@') + selection.digest().toString();
    QAction *open = menu->addOpenInNewWindow(
        this, [this, relative] { Q_EMIT openInNewWindowRequested(relative); });
    open->setEnabled(!relative.isEmpty());
    const QPersistentModelIndex keep(source);
    menu->addRefresh(this, [this, keep] {
        if (keep.isValid())
            refreshNode(keep);
    });
    for (const TreeWriteAction &write : writeActionsAt(proxyIndex)) {
        QAction *action = menu->addWriteAction(write.name, write.text, this, write.trigger);
        action->setEnabled(write.enabled);
        if (write.name == QLatin1String("delete"))
            action->setShortcut(QKeySequence::Delete);
    }
    return menu;
}

QList<TreeWriteAction> RepositoryTreePanel::writeActionsAt(const QModelIndex &proxyIndex)
{
    QList<TreeWriteAction> writes;
    const QModelIndex source = m_proxy->mapToSource(proxyIndex).siblingAtColumn(0);
    if (!m_model->node(source))
        return writes;
    const TreeSelection selection = selectionFor(source);
    const auto [subjectRepository, subject] = subjectAt(proxyIndex);
    if (selection.kind == NodeKind::Repository) {
        const QString repository = selection.repository;
        writes.append(TreeWriteAction{
            QStringLiteral("pushArtifact"), tr("&Push Artifact…"), true,
            [this, repository] { Q_EMIT pushArtifactRequested(repository, QString(), {}); }});
    } else if (!subjectRepository.isEmpty()) {
        writes.append(TreeWriteAction{QStringLiteral("attachFiles"), tr("&Attach Files…"), true,
                                      [this, repository = subjectRepository, subject] {
                                          Q_EMIT pushArtifactRequested(repository, subject, {});
                                      }});
    }
    // Writes name the manifest by digest once it is known: a tag could move between the click
    // and the write.
    if (selection.kind == NodeKind::Tag ||
        (selection.kind == NodeKind::Manifest && selection.digest().isValid())) {
        writes.append(TreeWriteAction{QStringLiteral("addTag"), tr("Add &Tag…"), true,
                                      [this, selection] { Q_EMIT addTagRequested(selection); }});
        writes.append(TreeWriteAction{QStringLiteral("copyTo"), tr("Cop&y To…"), true,
                                      [this, selection] { Q_EMIT copyToRequested(selection); }});
    }
    // Only a tag can be removed alone; a manifest row has no tag of its own to take away.
    if (selection.kind == NodeKind::Tag && Reference::isValidTag(selection.tag))
        writes.append(TreeWriteAction{QStringLiteral("removeTag"), tr("Re&move Tag…"), true,
                                      [this, selection] { Q_EMIT removeTagRequested(selection); }});
    if (selection.kind == NodeKind::Tag || selection.kind == NodeKind::Manifest) {
        const QPersistentModelIndex proxyKeep(proxyIndex);
        writes.append(TreeWriteAction{
            QStringLiteral("delete"), tr("Delete…"),
            selection.kind == NodeKind::Tag || selection.digest().isValid(), [this, proxyKeep] {
                if (proxyKeep.isValid())
                    requestDelete(proxyKeep);
            }});
    }
    return writes;
}

void RepositoryTreePanel::addCopyAsCommand(ReferenceMenu *menu, const TreeSelection &selection)
{
    std::optional<CommandTarget> connection = CommandTarget::connectionOf(m_source.data());
    if (!connection || selection.isEmpty())
        return;
    using Kind = CommandTarget::Kind;
    const auto add = [&](const QString &key, const QString &title, Kind kind) {
        CommandTarget target = *connection;
        target.kind = kind;
        target.repository = selection.repository;
        // A tag row fetches by its tag (what the user clicked); anything below it by digest.
        if (selection.kind == NodeKind::Tag && kind == Kind::Manifest)
            target.tag = selection.tag;
        else
            target.digest = selection.digest();
        menu->addCopyAsCommand(key, title, EquivalentCommands::forTarget(target));
    };
    switch (selection.kind) {
    case NodeKind::Repository:
        add(QStringLiteral("tags"), tr("Tags"), Kind::TagList);
        break;
    case NodeKind::Tag:
    case NodeKind::Manifest:
        if (selection.kind == NodeKind::Tag || selection.digest().isValid())
            add(QStringLiteral("manifest"), tr("Manifest"), Kind::Manifest);
        if (selection.digest().isValid())
            add(QStringLiteral("referrers"), tr("Referrers"), Kind::Referrers);
        break;
    case NodeKind::Config:
    case NodeKind::Layer:
        if (selection.digest().isValid())
            add(QStringLiteral("blob"), tr("Blob"), Kind::Blob);
        break;
    default:
        return;
    }
    connect(menu, &ReferenceMenu::commandCopied, this, [this](const QString &tool) {
        Q_EMIT information(tr("Copied the %1 command").arg(tool));
    });
}

bool RepositoryTreePanel::requestDelete(const QModelIndex &proxyIndex)
{
    const TreeSelection selection =
        selectionFor(m_proxy->mapToSource(proxyIndex).siblingAtColumn(0));
    QString reference;
    if (selection.kind == NodeKind::Tag)
        reference = selection.tag;
    else if (selection.kind == NodeKind::Manifest && selection.digest().isValid())
        reference = selection.digest().toString();
    if (reference.isEmpty() || !m_source)
        return false;
    closeDeleteDialog();
    auto *dialog = new DeletionPreviewDialog(m_source, selection.repository, reference, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_deleteDialog = dialog;
    const quint64 generation = m_generation;
    connect(dialog, &DeletionPreviewDialog::repositoryChanged, this,
            [this, generation](const QString &repository) {
                if (generation == m_generation)
                    refreshRepository(repository);
            });
    connect(dialog, &DeletionPreviewDialog::deleted, this,
            [this, generation](const DeletionPlan &plan, const DeletionOutcome &outcome) {
                if (generation != m_generation)
                    return;
                const int count = outcome.deletedCount();
                Q_EMIT information(
                    count == 1
                        ? tr("Deleted 1 manifest from %1").arg(plan.repository)
                        : tr("Deleted %1 manifests from %2").arg(count).arg(plan.repository));
                Q_EMIT manifestDeleted(plan, outcome);
            });
    dialog->open();
    dialog->start();
    return true;
}

DeletionPreviewDialog *RepositoryTreePanel::deleteDialog() const
{
    return m_deleteDialog;
}

void RepositoryTreePanel::closeDeleteDialog()
{
    if (!m_deleteDialog)
        return;
    // reject() cancels the dialog's requests (late replies are dropped by its generations);
    // nothing it says afterwards concerns this panel. Deleted later: this may run inside one
    // of the dialog's own signals.
    DeletionPreviewDialog *dialog = m_deleteDialog;
    m_deleteDialog = nullptr;
    dialog->disconnect(this);
    dialog->reject();
    dialog->deleteLater();
}

QPair<QString, QString> RepositoryTreePanel::subjectAt(const QModelIndex &proxyIndex) const
{
    const QModelIndex source = m_proxy->mapToSource(proxyIndex).siblingAtColumn(0);
    if (!m_model->node(source))
        return {};
    const TreeSelection selection = selectionFor(source);
    if (selection.kind == NodeKind::Tag && Reference::isValidTag(selection.tag))
        return {selection.repository, selection.tag};
    // A manifest is attached to by digest: the exact content the user pointed at.
    if (selection.kind == NodeKind::Manifest && selection.digest().isValid())
        return {selection.repository, selection.digest().toString()};
    return {};
}

bool RepositoryTreePanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Delete && key->modifiers() == Qt::NoModifier &&
            requestDelete(m_view->currentIndex()))
            return true;
        return QWidget::eventFilter(watched, event);
    }
    if (watched != m_view->viewport())
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        const bool onSubject =
            !subjectAt(m_view->indexAt(drag->position().toPoint())).first.isEmpty();
        if (onSubject && !PushArtifactDialog::localFiles(drag->mimeData()).isEmpty())
            drag->acceptProposedAction();
        else
            drag->ignore();
        return true;
    }
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        const QStringList files = PushArtifactDialog::localFiles(drop->mimeData());
        const auto [repository, subject] = subjectAt(m_view->indexAt(drop->position().toPoint()));
        if (files.isEmpty() || repository.isEmpty()) {
            drop->ignore();
            return true;
        }
        drop->acceptProposedAction();
        Q_EMIT pushArtifactRequested(repository, subject, files);
        return true;
    }
    default:
        return QWidget::eventFilter(watched, event);
    }
}

void RepositoryTreePanel::onFilterTextChanged(const QString &text)
{
    const bool wasFiltering = !m_proxy->filterText().isEmpty();
    const bool filtering = !text.trimmed().isEmpty();
    if (!wasFiltering && filtering) {
        m_expandedBeforeFilter = expandedSourceIndexes();
        m_currentBeforeFilter = currentSourceIndex();
    } else if (wasFiltering && !filtering) {
        // What the user expanded while filtering stays expanded too.
        m_expandedBeforeFilter.append(expandedSourceIndexes());
    }
    const QPersistentModelIndex current = currentSourceIndex();
    m_proxy->setFilterText(text);
    if (filtering) {
        expandMatches();
        loadCatalogForFilter();
    } else if (wasFiltering) {
        m_view->collapseAll();
        for (const QPersistentModelIndex &index : std::as_const(m_expandedBeforeFilter)) {
            if (index.isValid())
                m_view->expand(m_proxy->mapFromSource(index));
        }
        m_expandedBeforeFilter.clear();
        const QModelIndex restore =
            current.isValid() ? QModelIndex(current) : QModelIndex(m_currentBeforeFilter);
        if (restore.isValid()) {
            const QModelIndex proxyIndex = m_proxy->mapFromSource(restore);
            m_view->setCurrentIndex(proxyIndex);
            m_view->scrollTo(proxyIndex, QAbstractItemView::PositionAtCenter);
        }
    }
    updateNoMatch();
}

QList<QPersistentModelIndex> RepositoryTreePanel::expandedSourceIndexes() const
{
    // Parents before children, so that restoring expands from the top down.
    QList<QPersistentModelIndex> out;
    QList<QModelIndex> stack{QModelIndex()};
    while (!stack.isEmpty()) {
        const QModelIndex parent = stack.takeLast();
        for (int row = m_proxy->rowCount(parent) - 1; row >= 0; --row) {
            const QModelIndex child = m_proxy->index(row, 0, parent);
            if (m_view->isExpanded(child))
                stack.append(child);
        }
        if (parent.isValid())
            out.append(QPersistentModelIndex(m_proxy->mapToSource(parent)));
    }
    return out;
}

void RepositoryTreePanel::expandMatches()
{
    // Repositories shown only for a matching tag open up (and so do their attachment groups);
    // a repository that matches by name stays as it is.
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex repo = m_proxy->index(row, 0);
        if (m_proxy->filterText().isEmpty() ||
            static_cast<RepositoryFilterProxy *>(m_proxy)->matches(repo.data().toString()))
            continue;
        m_view->expand(repo);
        QList<QModelIndex> groups{repo};
        while (!groups.isEmpty()) {
            const QModelIndex parent = groups.takeLast();
            for (int r = 0; r < m_proxy->rowCount(parent); ++r) {
                const QModelIndex child = m_proxy->index(r, 0, parent);
                if (child.data(RegistryTreeModel::KindRole).toInt() == int(NodeKind::Group)) {
                    m_view->expand(child);
                    groups.append(child);
                }
            }
        }
    }
}

void RepositoryTreePanel::loadCatalogForFilter()
{
    // The filter searches every repository name, so the rest of the catalog is needed.
    if (m_source && m_model->canFetchMore({}))
        m_model->fetchMore({});
}

void RepositoryTreePanel::updateNoMatch()
{
    const QString text = m_proxy->filterText();
    const bool none = !text.isEmpty() && m_proxy->rowCount() == 0;
    if (none) {
        QString message = tr("No repository or tag matches “%1”.").arg(text);
        if (m_model->catalogHasMore())
            message += QLatin1Char(' ') + tr("Still loading the list of repositories…");
        else
            message += QLatin1Char(' ') + tr("Tags are searched in repositories that were opened.");
        m_noMatch->setText(message);
    }
    m_noMatch->setVisible(none);
}

QString RepositoryTreePanel::noMatchMessage() const
{
    return m_noMatch->isHidden() ? QString() : m_noMatch->text();
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
    if (!node || !m_source)
        return s;
    s.kind = node->kind;
    s.registry = m_source->displayName();
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
    if (text.isEmpty())
        m_progress->hide();
}

} // namespace ocular
