#include "blobusage.h"

#include <QJsonArray>
#include <algorithm>

namespace ocular {

namespace {

QString roleOf(const BlobUsage::User &user)
{
    if (user.asConfig && user.asLayer)
        return QStringLiteral("config and layer");
    return user.asConfig ? QStringLiteral("config") : QStringLiteral("layer");
}

} // namespace

BlobUsage BlobUsage::of(const RepositoryInventory &inventory, const Digest &blob)
{
    BlobUsage usage;
    usage.repository = inventory.repository;
    usage.blob = blob;
    usage.isManifest = inventory.manifests.contains(blob);
    for (const InventoryManifest &m : inventory.manifests) {
        // An index's entries are manifests: only images and artifacts hold blobs.
        if (m.isIndex)
            continue;
        User user;
        user.manifest = m.digest;
        user.mediaType = m.mediaType;
        user.asConfig = m.config == blob;
        user.asLayer = m.layers.contains(blob);
        if (!user.asConfig && !user.asLayer)
            continue;
        user.tags = inventory.tagsOf(m.digest);
        usage.users.append(user);
    }
    // Tagged manifests first, then by digest: the same inventory always reads the same.
    std::sort(usage.users.begin(), usage.users.end(), [](const User &a, const User &b) {
        if (a.tags.isEmpty() != b.tags.isEmpty())
            return !a.tags.isEmpty();
        return a.manifest.toString() < b.manifest.toString();
    });

    if (!inventory.unreadable.isEmpty())
        usage.caveats << QStringLiteral("%1 manifest(s) or tag(s) of the repository could not "
                                        "be read; they may use this blob too.")
                             .arg(inventory.unreadable.size());
    if (inventory.tagsTruncated)
        usage.caveats << QStringLiteral("The tag list was cut short; manifests behind the "
                                        "missing tags were not checked.");
    // The distribution API lists tags, not manifests: what no tag reaches cannot be found.
    usage.caveats << QStringLiteral(
        "Only manifests reached from tags (with their index entries and referrers) were "
        "checked: an untagged manifest nothing tagged refers to may still use this blob, and "
        "the registry API cannot list those.");
    // Registries keep a blob per repository (docker-registry: a link under the repository,
    // the bytes shared): a delete here removes this repository's link only.
    usage.caveats << QStringLiteral(
        "Other repositories of this registry may hold the same blob (pushed or mounted there); "
        "a registry keeps blobs per repository, so this delete does not take it from them.");
    return usage;
}

QString BlobUsage::toText() const
{
    QString t = QStringLiteral("Blob delete check for %1@%2\n").arg(repository, blob.toString());
    if (isManifest)
        t += QStringLiteral("This digest is a manifest of the repository, not a blob.\n");
    if (users.isEmpty()) {
        t += QStringLiteral("No manifest of the repository that was read uses this blob.\n");
    } else {
        t += QStringLiteral("Still used by %1 manifest(s):\n").arg(users.size());
        for (const User &user : users) {
            t +=
                QStringLiteral("  %1  (%2; %3)\n")
                    .arg(user.manifest.toString(), roleOf(user),
                         user.tags.isEmpty()
                             ? QStringLiteral("no tag")
                             : QStringLiteral("tags %1").arg(user.tags.join(QStringLiteral(", "))));
        }
    }
    for (const QString &caveat : caveats)
        t += QStringLiteral("Note: %1\n").arg(caveat);
    return t;
}

QJsonObject BlobUsage::toJson() const
{
    QJsonArray usedBy;
    for (const User &user : users)
        usedBy.append(QJsonObject{{QStringLiteral("manifest"), user.manifest.toString()},
                                  {QStringLiteral("mediaType"), user.mediaType},
                                  {QStringLiteral("role"), roleOf(user)},
                                  {QStringLiteral("tags"), QJsonArray::fromStringList(user.tags)}});
    return QJsonObject{{QStringLiteral("repository"), repository},
                       {QStringLiteral("blob"), blob.toString()},
                       {QStringLiteral("isManifest"), isManifest},
                       {QStringLiteral("usedBy"), usedBy},
                       {QStringLiteral("caveats"), QJsonArray::fromStringList(caveats)}};
}

} // namespace ocular
