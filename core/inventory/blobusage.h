#pragma once

#include "inventory/repositoryinventory.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace ocular {

/// Which manifests of one repository use one blob, worked out from the repository's inventory
/// before a blob delete: a blob a manifest still names must not be deleted blind (the manifest
/// would no longer pull). `caveats` say what the inventory could not see, so that "no manifest
/// uses it" is never claimed beyond what was read.
struct BlobUsage
{
    /// One manifest that names the blob.
    struct User
    {
        Digest manifest;
        QString mediaType;
        QStringList tags; ///< tags naming the manifest (empty: reached without a tag)
        bool asConfig = false;
        bool asLayer = false;
    };

    QString repository;
    Digest blob;
    QList<User> users;
    /// The digest is a manifest of the repository, not a blob: a blob delete is the wrong
    /// tool (and docker-registry would not remove the manifest through it).
    bool isManifest = false;
    QStringList caveats;

    /// Finds the users of `blob` among the manifests `inventory` read.
    static BlobUsage of(const RepositoryInventory &inventory, const Digest &blob);

    bool isUsed() const { return !users.isEmpty(); }
    /// "still used by 2 manifests: sha256:… (layer; tags v1)" and the caveats, for the CLI.
    QString toText() const;
    QJsonObject toJson() const;
};

} // namespace ocular
