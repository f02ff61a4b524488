#pragma once

#include "models/treenode.h"

#include <QString>

namespace ocular {

/// A value copy of the selected tree node, for the inspector and the copy actions.
struct TreeSelection
{
    NodeKind kind = NodeKind::Message;
    QString registry; ///< host[:port] as used in references
    QString repository;
    QString tag; ///< the tag this node lives under (may be empty)
    QString label;
    std::optional<Descriptor> descriptor;
    std::optional<Manifest> manifest;
    /// Annotations of the manifest that lists this node (index or image manifest).
    QMap<QString, QString> parentAnnotations;

    bool isEmpty() const { return repository.isEmpty(); }
    Digest digest() const
    {
        if (manifest)
            return manifest->digest();
        return descriptor ? descriptor->digest : Digest();
    }
    /// `host/repo:tag` for tags, else the digest reference.
    QString reference() const
    {
        if (kind == NodeKind::Tag)
            return registry + QLatin1Char('/') + repository + QLatin1Char(':') + tag;
        if (kind == NodeKind::Repository)
            return registry + QLatin1Char('/') + repository;
        return digestReference();
    }
    /// `host/repo@sha256:…`, empty while the digest is unknown.
    QString digestReference() const
    {
        const Digest d = digest();
        if (!d.isValid())
            return {};
        return registry + QLatin1Char('/') + repository + QLatin1Char('@') + d.toString();
    }
};

} // namespace ocular
