#pragma once

#include "models/treenode.h"

#include <QIcon>

namespace ocular {

/// Small icons per node type, drawn as SVG in resources/icons; QStyle icons when the SVG
/// image plugin is missing.
class NodeIcons
{
public:
    static QIcon forNode(const TreeNode &node);
    /// By name: registry, repository, tag, index, image, artifact, attestation, config,
    /// layer, warning, loading.
    static QIcon named(const QString &name);
};

} // namespace ocular
