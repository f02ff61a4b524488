#include "treenode.h"

#include "content/mediatype.h"

namespace ocular {

int TreeNode::row() const
{
    if (!parent)
        return 0;
    for (size_t i = 0; i < parent->children.size(); ++i) {
        if (parent->children[i].get() == this)
            return int(i);
    }
    return 0;
}

bool TreeNode::isExpandable() const
{
    switch (kind) {
    case NodeKind::Repository:
    case NodeKind::Tag:
    case NodeKind::Referrers:
        return true;
    case NodeKind::Manifest:
        return descriptor && mediatype::isManifestType(descriptor->mediaType);
    default:
        return false;
    }
}

Digest TreeNode::digest() const
{
    if (manifest)
        return manifest->digest();
    if (descriptor)
        return descriptor->digest;
    return {};
}

QString TreeNode::tag() const
{
    for (const TreeNode *n = this; n; n = n->parent) {
        if (n->kind == NodeKind::Tag)
            return n->name;
    }
    return {};
}

} // namespace ocular
