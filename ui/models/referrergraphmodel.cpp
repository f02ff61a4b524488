#include "referrergraphmodel.h"

#include "models/nodeicons.h"
#include "views/displayformat.h"

#include <QLocale>

namespace ocular {

namespace {
// A graph can be a wide DAG; expanding every path of a pathological one could explode.
constexpr int MaxItems = 50000;
} // namespace

ReferrerGraphModel::ReferrerGraphModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

ReferrerGraphModel::~ReferrerGraphModel() = default;

QString ReferrerGraphModel::iconName(ArtifactCategory category)
{
    switch (category) {
    case ArtifactCategory::Image:
        return QStringLiteral("image");
    case ArtifactCategory::Index:
        return QStringLiteral("index");
    case ArtifactCategory::Signature:
        return QStringLiteral("tag");
    case ArtifactCategory::Sbom:
        return QStringLiteral("layer");
    case ArtifactCategory::Attestation:
        return QStringLiteral("attestation");
    case ArtifactCategory::VulnerabilityReport:
        return QStringLiteral("warning");
    case ArtifactCategory::Other:
        break;
    }
    return QStringLiteral("artifact");
}

void ReferrerGraphModel::clear()
{
    beginResetModel();
    m_graph = ReferrerGraph();
    m_root.reset();
    m_items = 0;
    endResetModel();
}

void ReferrerGraphModel::setGraph(const ReferrerGraph &graph)
{
    beginResetModel();
    m_graph = graph;
    m_root = std::make_unique<Item>();
    m_items = 0;
    auto subject = std::make_unique<Item>();
    subject->digest = graph.root();
    subject->parent = m_root.get();
    QSet<Digest> onPath{graph.root()};
    build(subject.get(), onPath, MaxItems);
    m_root->children.push_back(std::move(subject));
    endResetModel();
}

void ReferrerGraphModel::build(Item *item, QSet<Digest> &onPath, int budget)
{
    for (const ReferrerEdge &edge : m_graph.edgesFrom(item->digest)) {
        if (++m_items > budget)
            return;
        auto child = std::make_unique<Item>();
        child->digest = edge.to;
        child->edge = edge;
        child->parent = item;
        child->row = int(item->children.size());
        child->cycle = onPath.contains(edge.to);
        Item *raw = child.get();
        item->children.push_back(std::move(child));
        if (!raw->cycle) {
            onPath.insert(edge.to);
            build(raw, onPath, budget);
            onPath.remove(edge.to);
        }
    }
    if (item->kind != Item::Kind::Node)
        return;
    for (const RejectedReferrer &rejected : m_graph.rejectedFor(item->digest)) {
        if (++m_items > budget)
            return;
        auto child = std::make_unique<Item>();
        child->kind = Item::Kind::Rejected;
        child->digest = rejected.referrer;
        child->rejected = rejected;
        child->edge.from = rejected.subject;
        child->edge.to = rejected.referrer;
        child->edge.sources = rejected.sources;
        child->edge.tag = rejected.tag;
        child->parent = item;
        child->row = int(item->children.size());
        item->children.push_back(std::move(child));
    }
    if (m_graph.isNestingCut(item->digest)) {
        auto child = std::make_unique<Item>();
        child->kind = Item::Kind::NestingLimit;
        child->digest = item->digest;
        child->parent = item;
        child->row = int(item->children.size());
        item->children.push_back(std::move(child));
    }
}

const ReferrerNode *ReferrerGraphModel::nodeAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return nullptr;
    const Item *item = static_cast<Item *>(index.internalPointer());
    if (item->kind == Item::Kind::NestingLimit)
        return nullptr;
    return m_graph.node(item->digest);
}

int ReferrerGraphModel::referrerCount() const
{
    return int(m_graph.allReferrers().size());
}

QModelIndex ReferrerGraphModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!m_root || column < 0 || column >= ColumnCount || row < 0)
        return {};
    const Item *p = parent.isValid() ? static_cast<Item *>(parent.internalPointer()) : m_root.get();
    if (parent.isValid() && parent.column() != 0)
        return {};
    if (row >= int(p->children.size()))
        return {};
    return createIndex(row, column, p->children.at(size_t(row)).get());
}

QModelIndex ReferrerGraphModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Item *item = static_cast<Item *>(child.internalPointer());
    Item *p = item->parent;
    if (!p || p == m_root.get())
        return {};
    return createIndex(p->row, 0, p);
}

int ReferrerGraphModel::rowCount(const QModelIndex &parent) const
{
    if (!m_root)
        return 0;
    if (!parent.isValid())
        return int(m_root->children.size());
    if (parent.column() != 0)
        return 0;
    return int(static_cast<Item *>(parent.internalPointer())->children.size());
}

int ReferrerGraphModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ReferrerGraphModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ArtifactColumn:
        return tr("Artifact");
    case SourceColumn:
        return tr("Source");
    case DigestColumn:
        return tr("Digest");
    case SizeColumn:
        return tr("Size");
    case CreatedColumn:
        return tr("Created");
    case AnnotationsColumn:
        return tr("Annotations");
    }
    return {};
}

QVariant ReferrerGraphModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Item *item = static_cast<Item *>(index.internalPointer());
    if (role == DigestRole)
        return item->digest.toString();
    if (role == ContinuationRole)
        return item->kind == Item::Kind::NestingLimit;
    if (role == RejectedRole)
        return item->kind == Item::Kind::Rejected ? item->rejected.detail : QString();
    if (item->kind == Item::Kind::NestingLimit) {
        if (role == Qt::DecorationRole && index.column() == ArtifactColumn)
            return NodeIcons::named(QStringLiteral("warning"));
        if (role == Qt::ToolTipRole)
            return tr("This index is nested deeper than the walk goes; open it to walk its "
                      "entries.");
        if (role == Qt::DisplayRole && index.column() == ArtifactColumn)
            return tr("more… (nesting limit reached)");
        return {};
    }
    const ReferrerNode *node = m_graph.node(item->digest);
    const bool isChild = item->edge.sources == ReferrerSources(ReferrerSource::IndexChild);
    if (item->kind == Item::Kind::Rejected) {
        if (role == CategoryRole)
            return int(ArtifactCategory::Other);
        if (role == Qt::DecorationRole && index.column() == ArtifactColumn)
            return NodeIcons::named(QStringLiteral("warning"));
        if (role == Qt::ToolTipRole)
            return tr("Listed as a referrer of this manifest, but %1. Not counted as its "
                      "signature, SBOM or attestation.")
                .arg(item->rejected.detail);
        if (role == Qt::DisplayRole && index.column() == ArtifactColumn) {
            const QString kind = node && !node->classification.label.isEmpty()
                                     ? node->classification.label
                                     : tr("manifest");
            return item->rejected.reason == RejectedReferrer::Reason::NotChecked
                       ? tr("%1 (not a referrer: subject not checked)").arg(kind)
                       : tr("%1 (not a referrer: subject mismatch)").arg(kind);
        }
    }
    if (role == CategoryRole)
        return node ? int(node->classification.category) : int(ArtifactCategory::Other);
    if (role == Qt::DecorationRole && index.column() == ArtifactColumn) {
        if (item->cycle || (node && node->missing))
            return NodeIcons::named(QStringLiteral("warning"));
        return NodeIcons::named(
            iconName(node ? node->classification.category : ArtifactCategory::Other));
    }
    if (role == Qt::ToolTipRole && index.column() == ArtifactColumn && node)
        return node->artifactType.isEmpty() ? node->mediaType : node->artifactType;
    if (role == Qt::ToolTipRole && index.column() == DigestColumn)
        return item->digest.toString();
    if (role == Qt::ToolTipRole && index.column() != ArtifactColumn) {
        // Sources (fallback tag names) and annotations are cut at the column width.
        const QString text = data(index, Qt::DisplayRole).toString();
        return text.isEmpty() ? QVariant() : QVariant(text);
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case ArtifactColumn: {
        QString text;
        if (!node)
            text = tr("(not walked)");
        else if (isChild && !node->platform.isEmpty())
            text = node->platform;
        else
            text = node->classification.label.isEmpty()
                       ? ArtifactClass::categoryName(node->classification.category)
                       : node->classification.label;
        if (item->cycle)
            text += tr(" (cycle)");
        if (node && node->missing)
            text += tr(" (missing)");
        return text;
    }
    case SourceColumn:
        if (item->edge.sources == ReferrerSources())
            return tr("subject");
        if (isChild)
            return tr("platform manifest");
        return QString(
            referrerSourceNames(item->edge.sources) +
            (item->edge.tag.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(item->edge.tag)));
    case DigestColumn:
        return displayformat::shortDigest(item->digest);
    case SizeColumn:
        return node && node->size >= 0 ? QLocale().formattedDataSize(node->size) : QString();
    case CreatedColumn:
        return node ? displayformat::dateTime(node->created) : QString();
    case AnnotationsColumn: {
        if (!node)
            return {};
        QStringList parts;
        for (auto it = node->annotations.begin(); it != node->annotations.end(); ++it)
            parts << it.key() + QLatin1Char('=') + it.value().left(60);
        return parts.join(QStringLiteral("; "));
    }
    }
    return {};
}

} // namespace ocular
