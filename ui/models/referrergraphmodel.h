#pragma once

#include "referrers/referrergraph.h"

#include <QAbstractItemModel>
#include <memory>
#include <vector>

namespace ocular {

/// The referrer graph as a tree: the subject at the top, its referrers (and, for an index,
/// its platform manifests) below, recursively; an edge that closes a cycle is a leaf.
/// Below each subject also: the manifests a source listed as its referrers that do not name
/// it (marked "not a referrer", never counted), and, for an index the walk did not open
/// because of the nesting limit, a "more…" row (ContinuationRole) the panel can walk.
/// Columns: artifact (icon + words), source, digest, size, created, annotations.
class ReferrerGraphModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        ArtifactColumn,
        SourceColumn,
        DigestColumn,
        SizeColumn,
        CreatedColumn,
        AnnotationsColumn,
        ColumnCount
    };
    enum Role
    {
        DigestRole = Qt::UserRole + 1, ///< QString digest
        CategoryRole,                  ///< int ArtifactCategory
        /// QString: why a listed referrer is not one (empty for real edges)
        RejectedRole,
        /// bool: a "more…" row for an index cut by the nesting limit; DigestRole names it
        ContinuationRole,
    };

    explicit ReferrerGraphModel(QObject *parent = nullptr);
    ~ReferrerGraphModel() override;

    void setGraph(const ReferrerGraph &graph);
    void clear();
    const ReferrerGraph &graph() const { return m_graph; }
    /// The node behind an index (null for invalid indexes).
    const ReferrerNode *nodeAt(const QModelIndex &index) const;
    /// Number of distinct referrers (platform manifests not counted).
    int referrerCount() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// Icon name (resources/icons) for a category.
    static QString iconName(ArtifactCategory category);

private:
    struct Item
    {
        enum class Kind
        {
            Node,
            Rejected,     ///< listed as a referrer, but it does not name this subject
            NestingLimit, ///< stands for the unwalked entries of the parent index
        };
        Kind kind = Kind::Node;
        Digest digest;
        ReferrerEdge edge; ///< how we got here (empty sources for the root)
        RejectedReferrer rejected;
        bool cycle = false;
        Item *parent = nullptr;
        int row = 0;
        std::vector<std::unique_ptr<Item>> children;
    };
    void build(Item *item, QSet<Digest> &onPath, int budget);

    ReferrerGraph m_graph;
    std::unique_ptr<Item> m_root; ///< invisible; its one child is the subject
    int m_items = 0;
};

} // namespace ocular
