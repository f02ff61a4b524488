#pragma once

#include "content/descriptor.h"
#include "content/manifest.h"

#include <QString>
#include <memory>
#include <optional>
#include <vector>

namespace ocular {

/// What a row of the repository tree stands for.
enum class NodeKind
{
    Repository,
    Tag,
    Manifest, ///< an index entry or a subject: a manifest addressed by digest
    Config,
    Layer,
    Referrers, ///< "Referrers (n)" under a manifest: what refers to it, loaded lazily
    Message,   ///< "Loading…" or "⚠ could not load: …"
    Group,     ///< "Attachments (n)" and one group per subject: tags sorted out of the way
};

/// Whether a node's children have been asked for.
enum class LoadState
{
    Unloaded,
    Loading,
    Loaded,
    Failed
};

/// One row of RegistryTreeModel; owned by its parent.
struct TreeNode
{
    NodeKind kind = NodeKind::Message;
    QString repository;
    QString name;   ///< column 0: repository, tag, platform or role label
    QString detail; ///< column 1: media type, size, short digest
    QString toolTip;
    std::optional<Descriptor> descriptor; ///< Manifest, Config and Layer nodes
    std::optional<Manifest> manifest;     ///< Tag and Manifest nodes, once loaded
    bool attestation = false;
    bool error = false;          ///< Message nodes that report a failure
    bool openedByDigest = false; ///< a manifest the user opened by digest (may be untagged)
    LoadState state = LoadState::Unloaded;
    TreeNode *parent = nullptr;
    std::vector<std::unique_ptr<TreeNode>> children;

    int row() const;
    /// Tags, repositories and descriptors of manifests load children on demand.
    bool isExpandable() const;
    /// The manifest digest (Tag/Manifest once loaded) or the descriptor's digest.
    Digest digest() const;
    /// The tag this node lives under (empty above tags).
    QString tag() const;
};

} // namespace ocular
