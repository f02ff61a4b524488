#include "registrytreemodel.h"

#include "content/artifactclass.h"
#include "content/mediatype.h"
#include "models/naturalorder.h"
#include "models/nodeicons.h"
#include "reference/nametext.h"
#include "views/displayformat.h"
#include "views/problemcolour.h"

#include <QColor>
#include <QLocale>
#include <QRegularExpression>
#include <algorithm>
#include <functional>
#include <map>

namespace ocular {

namespace {

QString humanSize(qint64 bytes)
{
    return QLocale::system().formattedDataSize(bytes, 1);
}

QString joinDetail(const QStringList &parts)
{
    QStringList nonEmpty;
    for (const QString &p : parts) {
        if (!p.isEmpty())
            nonEmpty.append(p);
    }
    return nonEmpty.join(QStringLiteral("  ·  "));
}

QString entryLabel(const Descriptor &d)
{
    if (d.isBuildKitAttestation()) {
        const Digest subject = d.attestationSubject();
        return subject.isValid() ? RegistryTreeModel::tr("attestation for %1")
                                       .arg(displayformat::shortDigest(subject))
                                 : RegistryTreeModel::tr("attestation for an image");
    }
    if (d.platform && !d.platform->isUnknown()) {
        // Thousands of entries may share one platform: their names tell them apart.
        const QString platform = d.platform->toString();
        QString name = d.annotations.value(QStringLiteral("org.opencontainers.image.ref.name"));
        if (name.isEmpty())
            name = d.title();
        // "hello (linux/amd64)" under linux/amd64 says the platform twice.
        name = name.remove(QStringLiteral("(") + platform + QStringLiteral(")")).trimmed();
        if (name.isEmpty() || name == platform)
            return platform;
        return platform + QStringLiteral(" — ") + name;
    }
    if (!d.artifactType.isEmpty())
        return ArtifactClass::fromType(d.artifactType).label;
    if (d.platform)
        return d.platform->toString();
    if (mediatype::isIndexType(d.mediaType))
        return QStringLiteral("index %1").arg(displayformat::shortDigest(d.digest));
    const QString title = d.title();
    if (!title.isEmpty())
        return title;
    return QStringLiteral("manifest %1").arg(displayformat::shortDigest(d.digest));
}

QString descriptorToolTip(const Descriptor &d)
{
    QString tip = d.digest.toString() + QLatin1Char('\n') + d.mediaType + QLatin1Char('\n') +
                  RegistryTreeModel::tr("%1 (%2 bytes)").arg(humanSize(d.size)).arg(d.size);
    if (!d.artifactType.isEmpty())
        tip += QLatin1Char('\n') + RegistryTreeModel::tr("artifact type: %1").arg(d.artifactType);
    return tip;
}

std::unique_ptr<TreeNode> descriptorNode(const TreeNode &parent, NodeKind kind, const QString &name,
                                         const Descriptor &d)
{
    auto node = std::make_unique<TreeNode>();
    node->kind = kind;
    node->repository = parent.repository;
    node->name = name;
    node->descriptor = d;
    // Manifests: digest before type, so the type is what the view elides in a narrow column.
    node->detail = kind == NodeKind::Manifest
                       ? joinDetail({humanSize(d.size), displayformat::shortDigest(d.digest),
                                     mediatype::describe(d.mediaType)})
                       : joinDetail({mediatype::describe(d.mediaType), humanSize(d.size)});
    node->toolTip = descriptorToolTip(d);
    node->attestation = d.isBuildKitAttestation();
    return node;
}

/// What an attachment tag (`sha256-<hex>[.sig|.att|.sbom]`) says about itself: its subject as
/// written in the tag and its role; empty subject for an ordinary tag.
struct AttachmentTag
{
    QString subject; ///< `sha256:<hex>` (sha512 fallback tags carry a truncated digest)
    QString role;
};

AttachmentTag classifyTag(const QString &tag)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(sha256|sha512)-([0-9a-f]{64}|[0-9a-f]{128})(?:\\.(sig|att|sbom))?$"));
    const QRegularExpressionMatch match = pattern.match(tag);
    if (!match.hasMatch())
        return {};
    AttachmentTag out;
    out.subject = match.captured(1) + QLatin1Char(':') + match.captured(2);
    const QString suffix = match.captured(3);
    if (suffix == QLatin1String("sig"))
        out.role = RegistryTreeModel::tr("cosign signature");
    else if (suffix == QLatin1String("att"))
        out.role = RegistryTreeModel::tr("cosign attestation");
    else if (suffix == QLatin1String("sbom"))
        out.role = RegistryTreeModel::tr("cosign SBOM");
    else
        out.role = RegistryTreeModel::tr("referrers fallback index");
    return out;
}

std::unique_ptr<TreeNode> tagNode(const QString &repository, const QString &tag)
{
    auto node = std::make_unique<TreeNode>();
    node->kind = NodeKind::Tag;
    node->repository = repository;
    node->name = tag;
    node->toolTip = repository + QLatin1Char(':') + tag;
    return node;
}

std::unique_ptr<TreeNode> groupNode(const QString &repository, const QString &name,
                                    const QString &toolTip)
{
    auto node = std::make_unique<TreeNode>();
    node->kind = NodeKind::Group;
    node->repository = repository;
    node->name = name;
    node->toolTip = toolTip;
    node->state = LoadState::Loaded;
    return node;
}

std::unique_ptr<TreeNode> messageNode(const QString &repository, const QString &text, bool error)
{
    auto node = std::make_unique<TreeNode>();
    node->kind = NodeKind::Message;
    node->repository = repository;
    node->name = text;
    node->toolTip = text;
    node->error = error;
    node->state = LoadState::Loaded;
    return node;
}

} // namespace

RegistryTreeModel::RegistryTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    m_root.state = LoadState::Loaded;
}

RegistryTreeModel::~RegistryTreeModel() = default;

void RegistryTreeModel::clear()
{
    beginResetModel();
    m_root.children.clear();
    m_repositories.clear();
    m_tagLists.clear();
    m_rejectedTags.clear();
    m_openedDigests.clear();
    m_catalogHasMore = false;
    m_catalogRequested = false;
    endResetModel();
}

void RegistryTreeModel::appendRepositories(const QStringList &names)
{
    std::vector<std::unique_ptr<TreeNode>> fresh;
    QSet<QString> seen;
    for (const QString &name : names) {
        if (name.isEmpty() || m_repositories.contains(name) || seen.contains(name))
            continue;
        seen.insert(name);
        auto node = std::make_unique<TreeNode>();
        node->kind = NodeKind::Repository;
        node->repository = name;
        node->name = name;
        node->toolTip = name;
        node->parent = &m_root;
        fresh.push_back(std::move(node));
    }
    if (fresh.empty())
        return;
    const int first = int(m_root.children.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    for (auto &node : fresh) {
        m_repositories.insert(node->name, node.get());
        m_root.children.push_back(std::move(node));
    }
    endInsertRows();
}

void RegistryTreeModel::setCatalogHasMore(bool more)
{
    m_catalogHasMore = more;
    m_catalogRequested = false;
}

QModelIndex RegistryTreeModel::addRepository(const QString &name)
{
    appendRepositories({name});
    return repositoryIndex(name);
}

void RegistryTreeModel::setTags(const QModelIndex &repository, const QStringList &tags,
                                const QList<RejectedName> &rejected)
{
    TreeNode *repo = nodeAt(repository);
    if (!repo || repo->kind != NodeKind::Repository)
        return;
    m_tagLists.insert(repo->repository, tags);
    m_rejectedTags.insert(repo->repository, rejected);
    repo->state = LoadState::Loaded;
    rebuildTags(repo);
}

void RegistryTreeModel::rebuildTags(TreeNode *repo)
{
    QStringList sorted = m_tagLists.value(repo->repository);
    std::sort(sorted.begin(), sorted.end(), naturalLess);
    std::vector<std::unique_ptr<TreeNode>> children;
    for (const Descriptor &d : m_openedDigests.value(repo->repository)) {
        auto node = descriptorNode(*repo, NodeKind::Manifest,
                                   tr("by digest %1").arg(displayformat::shortDigest(d.digest)), d);
        node->openedByDigest = true;
        children.push_back(std::move(node));
    }
    // subject → its attachment tags, in subject order; tags keep their natural order.
    std::map<QString, std::vector<std::unique_ptr<TreeNode>>> attachments;
    int attachmentCount = 0;
    for (const QString &tag : std::as_const(sorted)) {
        const AttachmentTag attachment = m_groupAttachmentTags ? classifyTag(tag) : AttachmentTag();
        auto node = tagNode(repo->repository, tag);
        if (attachment.subject.isEmpty()) {
            children.push_back(std::move(node));
            continue;
        }
        node->detail = attachment.role;
        attachments[attachment.subject].push_back(std::move(node));
        ++attachmentCount;
    }
    if (attachmentCount > 0) {
        auto group = groupNode(repo->repository, tr("Attachments (%1)").arg(attachmentCount),
                               tr("Tags that hold signatures, SBOMs, attestations and referrers "
                                  "indexes, grouped by the manifest they are attached to"));
        group->detail = tr("%n subject(s)", nullptr, int(attachments.size()));
        for (auto &[subject, tagNodes] : attachments) {
            const Result<Digest> digest = Digest::parse(subject);
            const QString shortName = digest ? displayformat::shortDigest(digest.value())
                                             : subject.left(19) + QStringLiteral("…");
            auto subjectGroup = groupNode(repo->repository, tr("for %1").arg(shortName),
                                          tr("Attachment tags of %1").arg(subject));
            subjectGroup->detail = tr("%n tag(s)", nullptr, int(tagNodes.size()));
            for (auto &tagNodePtr : tagNodes) {
                tagNodePtr->parent = subjectGroup.get();
                subjectGroup->children.push_back(std::move(tagNodePtr));
            }
            subjectGroup->parent = group.get();
            group->children.push_back(std::move(subjectGroup));
        }
        children.push_back(std::move(group));
    }
    // Refused names are shown, never requested: one row each, up to a bound.
    const QList<RejectedName> rejected = m_rejectedTags.value(repo->repository);
    constexpr qsizetype kShownRejected = 20;
    for (const RejectedName &name : rejected.mid(0, kShownRejected)) {
        auto row = messageNode(
            repo->repository, tr("invalid tag “%1”").arg(nametext::printable(name.name, 80)), true);
        row->toolTip = tr("The registry listed “%1”, which is not a valid tag (%2); Ocular does "
                          "not request it.")
                           .arg(nametext::printable(name.name), name.reason);
        children.push_back(std::move(row));
    }
    if (rejected.size() > kShownRejected)
        children.push_back(messageNode(
            repo->repository,
            tr("%n more invalid tag(s) not shown", nullptr, int(rejected.size() - kShownRejected)),
            true));
    if (children.empty())
        children.push_back(messageNode(repo->repository, tr("(no tags)"), false));
    replaceChildren(repo, std::move(children));
}

void RegistryTreeModel::setGroupAttachmentTags(bool on)
{
    if (on == m_groupAttachmentTags)
        return;
    m_groupAttachmentTags = on;
    for (const auto &child : m_root.children) {
        if (child->state == LoadState::Loaded && m_tagLists.contains(child->repository))
            rebuildTags(child.get());
    }
}

QModelIndex RegistryTreeModel::addDigestNode(const QModelIndex &repository,
                                             const Descriptor &manifest)
{
    TreeNode *repo = nodeAt(repository);
    if (!repo || repo->kind != NodeKind::Repository)
        return {};
    for (const auto &child : repo->children) {
        if (child->openedByDigest && child->digest() == manifest.digest)
            return indexOf(child.get());
    }
    QList<Descriptor> &opened = m_openedDigests[repo->repository];
    opened.append(manifest);
    auto node = descriptorNode(*repo, NodeKind::Manifest,
                               tr("by digest %1").arg(displayformat::shortDigest(manifest.digest)),
                               manifest);
    node->openedByDigest = true;
    node->parent = repo;
    // Opened digests come first, in the order they were opened.
    int row = 0;
    while (row < int(repo->children.size()) && repo->children[size_t(row)]->openedByDigest)
        ++row;
    // A repository with only its "(no tags)" line: that line stays after the manifest.
    beginInsertRows(indexOf(repo), row, row);
    repo->children.insert(repo->children.begin() + row, std::move(node));
    endInsertRows();
    return indexOf(repo->children[size_t(row)].get());
}

void RegistryTreeModel::setCancelled(const QModelIndex &index)
{
    resetNode(index);
    TreeNode *node = nodeAt(index);
    if (!node || node == &m_root || !node->isExpandable())
        return;
    if (node->detail.isEmpty() || node->kind == NodeKind::Tag)
        node->detail = tr("cancelled — expand or press F5 to load");
    const QModelIndex first = indexOf(node, 0);
    Q_EMIT dataChanged(first, first.siblingAtColumn(DetailColumn));
}

QStringList RegistryTreeModel::loadedTags(const QString &repository) const
{
    const TreeNode *repo = m_repositories.value(repository);
    if (!repo || repo->state != LoadState::Loaded)
        return {};
    return m_tagLists.value(repository);
}

void RegistryTreeModel::setManifest(const QModelIndex &index, const Manifest &manifest)
{
    TreeNode *node = nodeAt(index);
    if (!node || (node->kind != NodeKind::Tag && node->kind != NodeKind::Manifest))
        return;
    node->manifest = manifest;
    node->state = LoadState::Loaded;
    if (node->kind == NodeKind::Tag) {
        node->detail = joinDetail({mediatype::describe(manifest.mediaType()),
                                   displayformat::shortDigest(manifest.digest())});
        node->toolTip = node->repository + QLatin1Char(':') + node->name + QLatin1Char('\n') +
                        manifest.digest().toString() + QLatin1Char('\n') + manifest.mediaType();
    }
    auto children = childrenFor(*node, manifest);
    if (m_referrersNodes)
        children.push_back(referrersNode(*node, manifest));
    replaceChildren(node, std::move(children));
    const QModelIndex first = indexOf(node, 0);
    Q_EMIT dataChanged(first, first.siblingAtColumn(DetailColumn));
}

std::unique_ptr<TreeNode> RegistryTreeModel::referrersNode(const TreeNode &parent,
                                                           const Manifest &manifest) const
{
    auto referrers = std::make_unique<TreeNode>();
    referrers->kind = NodeKind::Referrers;
    referrers->repository = parent.repository;
    referrers->name = tr("Referrers");
    referrers->toolTip = tr("Signatures, SBOMs and attestations of %1, from every source")
                             .arg(manifest.digest().toString());
    return referrers;
}

void RegistryTreeModel::setReferrersNodes(bool on)
{
    if (on == m_referrersNodes)
        return;
    m_referrersNodes = on;
    // Every loaded manifest gets (or loses) its Referrers node as its last child, the place
    // setManifest() gives it.
    std::function<void(TreeNode *)> apply = [&](TreeNode *node) {
        for (const auto &child : node->children) {
            if (child->kind != NodeKind::Referrers)
                apply(child.get());
        }
        const bool manifestNode =
            (node->kind == NodeKind::Tag || node->kind == NodeKind::Manifest) && node->manifest &&
            node->state == LoadState::Loaded;
        if (!manifestNode)
            return;
        const bool has =
            !node->children.empty() && node->children.back()->kind == NodeKind::Referrers;
        const QModelIndex parent = indexOf(node, 0);
        const int last = int(node->children.size());
        if (on && !has) {
            auto referrers = referrersNode(*node, *node->manifest);
            referrers->parent = node;
            beginInsertRows(parent, last, last);
            node->children.push_back(std::move(referrers));
            endInsertRows();
        } else if (!on && has) {
            beginRemoveRows(parent, last - 1, last - 1);
            node->children.pop_back();
            endRemoveRows();
        }
    };
    apply(&m_root);
}

void RegistryTreeModel::setFailed(const QModelIndex &index, const QString &message)
{
    TreeNode *node = nodeAt(index);
    if (!node || node == &m_root)
        return;
    node->state = LoadState::Failed;
    std::vector<std::unique_ptr<TreeNode>> children;
    children.push_back(messageNode(node->repository, tr("could not load: %1").arg(message), true));
    replaceChildren(node, std::move(children));
}

void RegistryTreeModel::resetNode(const QModelIndex &index)
{
    TreeNode *node = nodeAt(index);
    if (!node || node == &m_root || !node->isExpandable())
        return;
    node->state = LoadState::Unloaded;
    if (node->kind == NodeKind::Tag) {
        node->manifest.reset();
        node->detail.clear();
    }
    if (node->kind == NodeKind::Manifest)
        node->manifest.reset();
    if (node->kind == NodeKind::Referrers)
        node->name = tr("Referrers");
    replaceChildren(node, {});
    const QModelIndex first = indexOf(node, 0);
    Q_EMIT dataChanged(first, first.siblingAtColumn(DetailColumn));
}

void RegistryTreeModel::setReferrers(const QModelIndex &index, const QList<Descriptor> &referrers,
                                     const QStringList &labels)
{
    TreeNode *node = nodeAt(index);
    if (!node || node->kind != NodeKind::Referrers)
        return;
    node->state = LoadState::Loaded;
    node->name = tr("Referrers (%1)").arg(referrers.size());
    std::vector<std::unique_ptr<TreeNode>> children;
    for (qsizetype i = 0; i < referrers.size(); ++i)
        children.push_back(
            descriptorNode(*node, NodeKind::Manifest, labels.value(i), referrers.at(i)));
    if (children.empty())
        children.push_back(messageNode(node->repository, tr("(none)"), false));
    replaceChildren(node, std::move(children));
    const QModelIndex first = indexOf(node, 0);
    Q_EMIT dataChanged(first, first.siblingAtColumn(DetailColumn));
}

void RegistryTreeModel::replaceChildren(TreeNode *node,
                                        std::vector<std::unique_ptr<TreeNode>> children)
{
    const QModelIndex parentIndex = indexOf(node, 0);
    if (!node->children.empty()) {
        beginRemoveRows(parentIndex, 0, int(node->children.size()) - 1);
        node->children.clear();
        endRemoveRows();
    }
    if (children.empty())
        return;
    for (auto &child : children)
        child->parent = node;
    beginInsertRows(parentIndex, 0, int(children.size()) - 1);
    node->children = std::move(children);
    endInsertRows();
}

std::vector<std::unique_ptr<TreeNode>> RegistryTreeModel::childrenFor(const TreeNode &parent,
                                                                      const Manifest &manifest)
{
    std::vector<std::unique_ptr<TreeNode>> out;
    if (manifest.isIndex()) {
        for (const Descriptor &d : manifest.manifests())
            out.push_back(descriptorNode(parent, NodeKind::Manifest, entryLabel(d), d));
    } else {
        if (manifest.config())
            out.push_back(
                descriptorNode(parent, NodeKind::Config, tr("config"), *manifest.config()));
        int number = 0;
        for (const Descriptor &d : manifest.layers()) {
            ++number;
            const QString title = d.title();
            out.push_back(descriptorNode(parent, NodeKind::Layer,
                                         title.isEmpty() ? tr("layer %1").arg(number) : title, d));
        }
    }
    if (manifest.subject())
        out.push_back(descriptorNode(
            parent, NodeKind::Manifest,
            tr("subject %1").arg(displayformat::shortDigest(manifest.subject()->digest)),
            *manifest.subject()));
    if (out.empty())
        out.push_back(messageNode(parent.repository, tr("(no content)"), false));
    return out;
}

const TreeNode *RegistryTreeModel::node(const QModelIndex &index) const
{
    if (!index.isValid())
        return nullptr;
    return nodeAt(index);
}

TreeNode *RegistryTreeModel::nodeAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return const_cast<TreeNode *>(&m_root);
    Q_ASSERT(index.model() == this);
    return static_cast<TreeNode *>(index.internalPointer());
}

QModelIndex RegistryTreeModel::indexOf(const TreeNode *node, int column) const
{
    if (!node || node == &m_root)
        return {};
    return createIndex(node->row(), column, const_cast<TreeNode *>(node));
}

QModelIndex RegistryTreeModel::repositoryIndex(const QString &name) const
{
    return indexOf(m_repositories.value(name));
}

QModelIndex RegistryTreeModel::tagIndex(const QString &repository, const QString &tag) const
{
    const TreeNode *repo = m_repositories.value(repository);
    if (!repo)
        return {};
    std::vector<const TreeNode *> stack{repo};
    while (!stack.empty()) {
        const TreeNode *n = stack.back();
        stack.pop_back();
        for (const auto &child : n->children) {
            if (child->kind == NodeKind::Tag && child->name == tag)
                return indexOf(child.get());
            if (child->kind == NodeKind::Group)
                stack.push_back(child.get());
        }
    }
    return {};
}

QModelIndex RegistryTreeModel::findDigest(const Digest &digest) const
{
    if (!digest.isValid())
        return {};
    std::vector<const TreeNode *> stack{&m_root};
    while (!stack.empty()) {
        const TreeNode *n = stack.back();
        stack.pop_back();
        if (n != &m_root && n->kind != NodeKind::Repository && n->digest() == digest)
            return indexOf(n);
        for (auto it = n->children.rbegin(); it != n->children.rend(); ++it)
            stack.push_back(it->get());
    }
    return {};
}

QModelIndex RegistryTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (parent.isValid() && parent.column() != 0)
        return {};
    const TreeNode *p = nodeAt(parent);
    if (!p || row >= int(p->children.size()))
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex RegistryTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const TreeNode *n = nodeAt(child);
    return indexOf(n->parent);
}

int RegistryTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeAt(parent)->children.size());
}

int RegistryTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool RegistryTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return false;
    const TreeNode *n = nodeAt(parent);
    if (!n->children.empty())
        return true;
    return n != &m_root && n->isExpandable() &&
           (n->state == LoadState::Unloaded || n->state == LoadState::Loading);
}

QVariant RegistryTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const TreeNode *n = nodeAt(index);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return n->name;
        return n->state == LoadState::Loading ? tr("Loading…") : n->detail;
    case Qt::ToolTipRole:
        return n->toolTip;
    case Qt::DecorationRole:
        if (index.column() == DetailColumn && n->state == LoadState::Loading)
            return NodeIcons::named(QStringLiteral("loading"));
        return index.column() == NameColumn ? QVariant(iconFor(*n)) : QVariant();
    case Qt::ForegroundRole:
        if (n->error)
            return problemcolour::forApplicationPalette();
        return {};
    case KindRole:
        return int(n->kind);
    case DigestRole: {
        const Digest d = n->digest();
        return d.isValid() ? d.toString() : QString();
    }
    case RepositoryRole:
        return n->repository;
    case LoadStateRole:
        return int(n->state);
    default:
        return {};
    }
}

QVariant RegistryTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case DetailColumn:
        return tr("Details");
    default:
        return {};
    }
}

bool RegistryTreeModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return false;
    const TreeNode *n = nodeAt(parent);
    if (n == &m_root)
        return m_catalogHasMore && !m_catalogRequested;
    return n->isExpandable() && n->state == LoadState::Unloaded;
}

void RegistryTreeModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    TreeNode *n = nodeAt(parent);
    if (n == &m_root) {
        m_catalogRequested = true;
        Q_EMIT catalogPageRequested();
        return;
    }
    // No placeholder row: inserting rows inside fetchMore() would nest model changes when a
    // view (or the model tester) fetches while handling rowsInserted.
    n->state = LoadState::Loading;
    const QModelIndex first = indexOf(n, 0);
    Q_EMIT dataChanged(first, first.siblingAtColumn(DetailColumn));
    Q_EMIT childrenRequested(parent);
}

QIcon RegistryTreeModel::iconFor(const TreeNode &node) const
{
    return NodeIcons::forNode(node);
}

} // namespace ocular
