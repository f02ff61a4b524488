#pragma once

#include "models/treenode.h"
#include "reference/rejectedname.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QIcon>

namespace ocular {

/// Repositories → tags → manifest content, filled by typed setters. It never does I/O:
/// fetchMore() only emits a request that the owning panel answers.
class RegistryTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        DetailColumn,
        ColumnCount
    };
    enum Role
    {
        KindRole = Qt::UserRole + 1,
        DigestRole,     ///< full digest string
        RepositoryRole, ///< repository name
        LoadStateRole,
    };

    explicit RegistryTreeModel(QObject *parent = nullptr);
    ~RegistryTreeModel() override;

    /// Removes everything and forgets the catalog state.
    void clear();
    /// Appends a catalog page in one batch; names already present are skipped.
    void appendRepositories(const QStringList &names);
    /// Whether the catalog has another page (a Link header was seen).
    void setCatalogHasMore(bool more);
    bool catalogHasMore() const { return m_catalogHasMore; }
    /// A repository the user typed: added unless present; returns its index.
    QModelIndex addRepository(const QString &name);

    /// Replaces the children of a repository with its tags (sorted, one batch). Attachment tags
    /// (`sha256-<hex>`, `.sig`, `.att`, `.sbom`) go into an "Attachments" group, one sub-group
    /// per subject, unless groupAttachmentTags() is off. Manifests opened by digest stay.
    /// `rejected` are listed names that are not valid tags: shown as warning rows after the
    /// tags, never requested.
    void setTags(const QModelIndex &repository, const QStringList &tags,
                 const QList<RejectedName> &rejected = {});
    /// Whether attachment tags are grouped under their subject (on by default); applies to
    /// loaded repositories at once.
    void setGroupAttachmentTags(bool on);
    bool groupAttachmentTags() const { return m_groupAttachmentTags; }
    /// Adds a manifest the user opened by digest (it may have no tag) as the first child of its
    /// repository; kept across tag reloads. Returns its index (the existing one if present).
    QModelIndex addDigestNode(const QModelIndex &repository, const Descriptor &manifest);
    /// Like resetNode(), and says in the Details column that loading was cancelled.
    void setCancelled(const QModelIndex &node);
    /// Stores the manifest of a Tag or Manifest node and builds its children.
    void setManifest(const QModelIndex &node, const Manifest &manifest);
    /// Replaces the children with one "⚠ could not load: …" row.
    void setFailed(const QModelIndex &node, const QString &message);
    /// Forgets children and loaded content so the next expand asks again.
    void resetNode(const QModelIndex &node);
    /// Adds a lazily loaded "Referrers" node under every manifest (off by default); turning it
    /// on or off adds or removes those nodes under the manifests already loaded.
    void setReferrersNodes(bool on);
    bool referrersNodes() const { return m_referrersNodes; }
    /// Fills a Referrers node: one manifest node per referrer, named by `labels`.
    void setReferrers(const QModelIndex &node, const QList<Descriptor> &referrers,
                      const QStringList &labels);

    const TreeNode *node(const QModelIndex &index) const;
    QModelIndex repositoryIndex(const QString &name) const;
    /// The tag's node, also when it sits in the Attachments group.
    QModelIndex tagIndex(const QString &repository, const QString &tag) const;
    /// Tag names of a loaded repository; empty while its tags are not loaded.
    QStringList loadedTags(const QString &repository) const;
    /// The first loaded node whose manifest or descriptor has this digest.
    QModelIndex findDigest(const Digest &digest) const;
    int repositoryCount() const { return int(m_root.children.size()); }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    /// The view scrolled to the end of the catalog: the panel should load the next page.
    void catalogPageRequested();
    /// A node was expanded for the first time: the panel should load its children.
    void childrenRequested(const QModelIndex &parent);

private:
    TreeNode *nodeAt(const QModelIndex &index) const;
    QModelIndex indexOf(const TreeNode *node, int column = 0) const;
    void replaceChildren(TreeNode *node, std::vector<std::unique_ptr<TreeNode>> children);
    static std::vector<std::unique_ptr<TreeNode>> childrenFor(const TreeNode &parent,
                                                              const Manifest &manifest);
    QIcon iconFor(const TreeNode &node) const;
    std::unique_ptr<TreeNode> referrersNode(const TreeNode &parent, const Manifest &manifest) const;
    void rebuildTags(TreeNode *repository);

    TreeNode m_root;
    QHash<QString, TreeNode *> m_repositories;
    bool m_catalogHasMore = false;
    bool m_referrersNodes = false;
    bool m_catalogRequested = false;
    bool m_groupAttachmentTags = true;
    QHash<QString, QStringList> m_tagLists;            ///< repository → tags as listed
    QHash<QString, QList<RejectedName>> m_rejectedTags; ///< repository → refused names
    QHash<QString, QList<Descriptor>> m_openedDigests; ///< repository → opened by digest
};

} // namespace ocular
