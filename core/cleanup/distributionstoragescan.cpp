#include "cleanup/distributionstoragescan.h"

#include "reference/nametext.h"
#include "reference/reference.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <optional>

namespace ocular {

struct DistributionStorageScan::Walk
{
    QString root; ///< canonical
    Limits limits;
    DistributionStorageListing &out;
    int entries = 0;
    bool limitReported = false;

    QString shown(const QString &path) const
    {
        return nametext::printable(QDir(root).relativeFilePath(path), 300);
    }
    void refuse(const QString &path, const QString &why)
    {
        out.refused.append(QStringLiteral("%1: %2").arg(shown(path), why));
    }
    /// Whether @p info, all symlinks resolved, is the root or under it.
    bool inside(const QFileInfo &info) const
    {
        const QString canonical = info.canonicalFilePath();
        return !canonical.isEmpty() &&
               (canonical == root || canonical.startsWith(root + QLatin1Char('/')));
    }
    /// A folder under the root that may be entered; false (refused when it exists but is
    /// unsafe) otherwise.
    bool enterable(const QString &path)
    {
        const QFileInfo info(path);
        if (!info.exists() && !info.isSymLink())
            return false;
        if (!inside(info)) {
            refuse(path, QStringLiteral("leads outside the storage root; not followed"));
            return false;
        }
        if (!info.isDir()) {
            refuse(path, QStringLiteral("is not a folder; skipped"));
            return false;
        }
        return true;
    }
    QStringList children(const QString &dir) const
    {
        return QDir(dir).entryList(
            QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
    }
    bool counted(const QString &path)
    {
        if (entries < limits.maxEntries) {
            ++entries;
            return true;
        }
        if (!limitReported) {
            limitReported = true;
            refuse(path, QStringLiteral("the scan stopped at %1 entries").arg(limits.maxEntries));
        }
        return false;
    }
    /// The digest a link file holds; nothing when absent (a deleted revision) or refused.
    std::optional<Digest> readLink(const QString &path)
    {
        const QFileInfo info(path);
        if (!info.exists() && !info.isSymLink())
            return std::nullopt;
        if (!inside(info)) {
            refuse(path, QStringLiteral("leads outside the storage root; not read"));
            return std::nullopt;
        }
        if (!info.isFile()) {
            refuse(path, QStringLiteral("is not a plain file; not read"));
            return std::nullopt;
        }
        if (info.size() > limits.maxLinkBytes) {
            refuse(path, QStringLiteral("is %1 bytes, too large for a link").arg(info.size()));
            return std::nullopt;
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            refuse(path, QStringLiteral("cannot be read: %1").arg(file.errorString()));
            return std::nullopt;
        }
        const QByteArray bytes = file.read(limits.maxLinkBytes + 1);
        const auto digest = Digest::parse(QString::fromLatin1(bytes.trimmed()));
        if (!digest || bytes.size() > limits.maxLinkBytes) {
            refuse(path, QStringLiteral("does not hold a digest"));
            return std::nullopt;
        }
        return digest.value();
    }
    /// `<dir>/<alg>/<hex>/link` entries, each link holding its own digest.
    void digestsUnder(const QString &dir, QList<Digest> &into)
    {
        if (!enterable(dir))
            return;
        for (const QString &algorithm : children(dir)) {
            const QString algorithmDir = dir + QLatin1Char('/') + algorithm;
            if (algorithm != QLatin1String("sha256") && algorithm != QLatin1String("sha512")) {
                refuse(algorithmDir, QStringLiteral("is not a digest algorithm; skipped"));
                continue;
            }
            if (!enterable(algorithmDir))
                continue;
            for (const QString &hex : children(algorithmDir)) {
                const QString entryDir = algorithmDir + QLatin1Char('/') + hex;
                const auto named = Digest::parse(QString(algorithm + QLatin1Char(':') + hex));
                if (!named) {
                    refuse(entryDir, QStringLiteral("is not a digest; skipped"));
                    continue;
                }
                if (!enterable(entryDir) || !counted(entryDir))
                    continue;
                const QString linkPath = entryDir + QStringLiteral("/link");
                const auto link = readLink(linkPath);
                if (!link)
                    continue;
                if (*link != named.value()) {
                    refuse(linkPath, QStringLiteral("names %1, not its own folder's digest")
                                         .arg(link->toString()));
                    continue;
                }
                into.append(named.value());
            }
        }
        std::sort(into.begin(), into.end());
    }
};

DistributionStorageScan::DistributionStorageScan(QString root)
    : DistributionStorageScan(std::move(root), Limits{})
{}

DistributionStorageScan::DistributionStorageScan(QString root, Limits limits)
    : m_root(std::move(root))
    , m_limits(limits)
{}

Result<DistributionStorageListing> DistributionStorageScan::scan(const QString &repository) const
{
    if (!Reference::isValidRepository(repository))
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("\"%1\" is not a valid repository name.")
                               .arg(nametext::printable(repository, 200)));
    const QFileInfo rootInfo(m_root);
    const QString root = rootInfo.canonicalFilePath();
    if (root.isEmpty() || !rootInfo.isDir())
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("The storage root %1 is not a folder.").arg(m_root));
    const QString v2 = root + QStringLiteral("/docker/registry/v2");
    if (!QFileInfo(v2).isDir())
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("%1 is not docker-registry's storage root (it has no "
                                          "docker/registry/v2 folder).")
                               .arg(m_root));
    DistributionStorageListing listing;
    listing.repository = repository;
    Walk walk{root, m_limits, listing};
    const QString repositoryDir = v2 + QStringLiteral("/repositories/") + repository;
    const QFileInfo repositoryInfo(repositoryDir);
    if (!repositoryInfo.exists())
        return Error::make(ErrorKind::NotFound,
                           QStringLiteral("The storage has no repository %1.").arg(repository));
    if (!walk.enterable(repositoryDir))
        return Error::make(ErrorKind::Refused,
                           QStringLiteral("The repository folder %1 is not safe to read: %2")
                               .arg(repository, listing.refused.value(0)));
    const QString manifests = repositoryDir + QStringLiteral("/_manifests");
    walk.digestsUnder(manifests + QStringLiteral("/revisions"), listing.revisions);
    const QString tagsDir = manifests + QStringLiteral("/tags");
    if (walk.enterable(tagsDir)) {
        for (const QString &name : walk.children(tagsDir)) {
            const QString tagDir = tagsDir + QLatin1Char('/') + name;
            if (!Reference::isValidTag(name)) {
                walk.refuse(tagDir, QStringLiteral("is not a valid tag; skipped"));
                continue;
            }
            if (!walk.enterable(tagDir))
                continue;
            StoredTag tag;
            tag.name = name;
            if (const auto current = walk.readLink(tagDir + QStringLiteral("/current/link")))
                tag.current = *current;
            walk.digestsUnder(tagDir + QStringLiteral("/index"), tag.index);
            listing.tags.append(tag);
        }
    }
    return listing;
}

} // namespace ocular
