#include "ocilayout.h"

#include "content/manifest.h"
#include "reference/tagname.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QSaveFile>
#include <QSet>
#include <QTemporaryFile>

namespace ocular {

namespace {

const QString RefName = QStringLiteral("org.opencontainers.image.ref.name");
constexpr qint64 CopyChunk = 1024 * 1024;

Error invalidLayout(const QString &directory, const QString &why)
{
    return Error::make(ErrorKind::InvalidContent,
                       QStringLiteral("%1 is not a usable OCI layout: %2.").arg(directory, why));
}

} // namespace

OciLayout::OciLayout(const QString &directory)
    : m_directory(QDir::cleanPath(directory))
{}

Error OciLayout::missing(const Digest &digest, const QString &directory)
{
    return Error::make(ErrorKind::NotFound, QStringLiteral("The blob %1 is missing from the layout "
                                                           "%2 (a partial layout).")
                                                .arg(digest.toString(), directory));
}

QString OciLayout::blobPath(const Digest &digest) const
{
    // Re-validated here so that no caller can build a path from an unchecked digest.
    const auto valid = Digest::parse(digest.toString());
    if (!valid.ok())
        return {};
    return m_directory + QStringLiteral("/blobs/") + valid->algorithm() + QLatin1Char('/') +
           valid->encoded();
}

bool OciLayout::hasBlob(const Digest &digest) const
{
    const QString path = blobPath(digest);
    return !path.isEmpty() && QFileInfo(path).isFile();
}

Result<OciLayout::Index> OciLayout::readIndex() const
{
    QMutexLocker lock(&m_mutex);
    return readIndexLocked();
}

Result<OciLayout::Index> OciLayout::readIndexLocked() const
{
    QFile layoutFile(m_directory + QStringLiteral("/oci-layout"));
    if (!layoutFile.open(QIODevice::ReadOnly))
        return invalidLayout(m_directory, QStringLiteral("it has no readable oci-layout file"));
    const QJsonDocument marker = QJsonDocument::fromJson(layoutFile.read(4096));
    if (marker.object().value(QStringLiteral("imageLayoutVersion")).toString() !=
        QLatin1String("1.0.0"))
        return invalidLayout(m_directory, QStringLiteral("oci-layout does not say "
                                                         "imageLayoutVersion 1.0.0"));
    QFile file(m_directory + QStringLiteral("/index.json"));
    if (!file.open(QIODevice::ReadOnly))
        return invalidLayout(m_directory, QStringLiteral("index.json cannot be read"));
    if (file.size() > MaxDocumentBytes)
        return Error::make(
            ErrorKind::TooLarge,
            QStringLiteral("%1/index.json is larger than 4 MiB; not read.").arg(m_directory));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.read(MaxDocumentBytes), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return invalidLayout(
            m_directory,
            QStringLiteral("index.json is not a JSON object (%1)").arg(parseError.errorString()));
    const QJsonValue manifests = doc.object().value(QStringLiteral("manifests"));
    if (!manifests.isArray() && !manifests.isUndefined())
        return invalidLayout(m_directory, QStringLiteral("index.json \"manifests\" is not a list"));
    Index out;
    int position = 0;
    for (const QJsonValue &entry : manifests.toArray()) {
        const auto descriptor = Descriptor::fromJson(entry.toObject());
        if (!descriptor.ok()) {
            out.rejected.append(RejectedName{QStringLiteral("index.json entry %1").arg(position),
                                             descriptor.error().message});
            ++position;
            continue;
        }
        ++position;
        out.manifests.append(descriptor.value());
        const QString name = descriptor->annotations.value(RefName);
        if (name.isEmpty())
            continue;
        const QString problem = TagName::problem(name);
        if (!problem.isEmpty()) {
            out.rejected.append(RejectedName{name, problem});
            continue;
        }
        out.tags.insert(name, descriptor->digest);
    }
    return out;
}

Result<QByteArray> OciLayout::readVerified(const Digest &digest, qint64 maxBytes) const
{
    QMutexLocker lock(&m_mutex);
    return readVerifiedLocked(digest, maxBytes);
}

Result<QByteArray> OciLayout::readVerifiedLocked(const Digest &digest, qint64 maxBytes) const
{
    const QString path = blobPath(digest);
    if (path.isEmpty())
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("\"%1\" is not a valid digest.").arg(digest.toString()));
    QFile file(path);
    if (!file.exists())
        return missing(digest, m_directory);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    if (file.size() > maxBytes)
        return Error::make(ErrorKind::TooLarge, QStringLiteral("The blob %1 is larger than %2 KiB; "
                                                               "not loaded.")
                                                    .arg(digest.shortForm())
                                                    .arg(maxBytes / 1024));
    const QByteArray bytes = file.read(maxBytes);
    if (!digest.matches(bytes))
        return Error::make(ErrorKind::DigestMismatch,
                           QStringLiteral("The file for %1 in the layout %2 does not hash to its "
                                          "digest (corrupt layout); it was not used.")
                               .arg(digest.toString(), m_directory));
    return bytes;
}

Result<Descriptor> OciLayout::resolve(const QString &reference) const
{
    QMutexLocker lock(&m_mutex);
    const auto index = readIndexLocked();
    if (!index.ok())
        return index.error();
    const auto asDigest = Digest::parse(reference);
    if (!asDigest.ok()) {
        const QString problem = TagName::problem(reference);
        if (!problem.isEmpty())
            return Error::make(ErrorKind::InvalidInput,
                               QStringLiteral("\"%1\" is neither a tag nor a digest: %2.")
                                   .arg(reference, problem));
        const auto it = index->tags.constFind(reference);
        if (it == index->tags.constEnd())
            return Error::make(
                ErrorKind::NotFound,
                QStringLiteral("The layout %1 has no tag %2.").arg(m_directory, reference));
        for (const Descriptor &d : index->manifests)
            if (d.annotations.value(RefName) == reference)
                return d;
    }
    for (const Descriptor &d : index->manifests)
        if (d.digest == asDigest.value())
            return d;
    // Not listed: a child of an index or a referrer, reachable by digest only.
    const auto bytes = readVerifiedLocked(asDigest.value(), MaxDocumentBytes);
    if (!bytes.ok())
        return bytes.error();
    const auto parsed = Manifest::parse(bytes.value());
    if (!parsed.ok())
        return parsed.error();
    Descriptor d;
    d.digest = asDigest.value();
    d.mediaType = parsed->mediaType();
    d.size = bytes->size();
    return d;
}

void OciLayout::buildReferrersLocked() const
{
    QHash<Digest, QList<Descriptor>> found;
    const auto index = readIndexLocked();
    QList<Descriptor> pending = index.ok() ? index->manifests : QList<Descriptor>();
    QSet<Digest> seen;
    // Breadth-first over index.json and every index child; a missing or corrupt manifest is
    // skipped (the layout may be partial), a loop ends at `seen`.
    while (!pending.isEmpty()) {
        const Descriptor d = pending.takeFirst();
        if (seen.contains(d.digest))
            continue;
        seen.insert(d.digest);
        const auto bytes = readVerifiedLocked(d.digest, MaxDocumentBytes);
        if (!bytes.ok())
            continue;
        const auto parsed = Manifest::parse(bytes.value(), d.mediaType);
        if (!parsed.ok())
            continue;
        if (parsed->isIndex())
            pending.append(parsed->children());
        if (!parsed->subject())
            continue;
        Descriptor referrer;
        referrer.mediaType = parsed->mediaType();
        referrer.digest = d.digest;
        referrer.size = bytes->size();
        referrer.artifactType = parsed->effectiveArtifactType();
        referrer.annotations = parsed->annotations();
        found[parsed->subject()->digest].append(referrer);
    }
    m_referrers = std::move(found);
}

Result<QList<Descriptor>> OciLayout::referrers(const Digest &subject) const
{
    QMutexLocker lock(&m_mutex);
    const auto index = readIndexLocked();
    if (!index.ok())
        return index.error();
    if (!m_referrers)
        buildReferrersLocked();
    return m_referrers->value(subject);
}

Result<Done> OciLayout::ensureCreated()
{
    QMutexLocker lock(&m_mutex);
    if (!QDir().mkpath(m_directory + QStringLiteral("/blobs")))
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("Cannot create the directory %1.").arg(m_directory));
    const QString markerPath = m_directory + QStringLiteral("/oci-layout");
    if (!QFileInfo::exists(markerPath)) {
        QSaveFile marker(markerPath);
        if (!marker.open(QIODevice::WriteOnly) ||
            marker.write(R"({"imageLayoutVersion":"1.0.0"})") < 0 || !marker.commit())
            return Error::make(ErrorKind::InvalidInput,
                               QStringLiteral("Cannot write %1.").arg(markerPath));
    }
    const QString indexPath = m_directory + QStringLiteral("/index.json");
    if (!QFileInfo::exists(indexPath)) {
        QSaveFile index(indexPath);
        if (!index.open(QIODevice::WriteOnly) ||
            index.write(
                R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[]})") <
                0 ||
            !index.commit())
            return Error::make(ErrorKind::InvalidInput,
                               QStringLiteral("Cannot write %1.").arg(indexPath));
    }
    return Done{};
}

Result<Done> OciLayout::commitTemp(const QString &tempPath, const Digest &digest)
{
    const QString target = blobPath(digest);
    QDir().mkpath(QFileInfo(target).absolutePath());
    QFile::remove(target); // same digest, same bytes: replacing is harmless
    if (!QFile::rename(tempPath, target)) {
        QFile::remove(tempPath);
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("Cannot move the blob into %1.").arg(target));
    }
    m_referrers.reset();
    return Done{};
}

Result<Digest> OciLayout::putBytes(const QByteArray &bytes)
{
    const Digest digest = Digest::sha256(bytes);
    QMutexLocker lock(&m_mutex);
    if (QFileInfo(blobPath(digest)).isFile())
        return digest;
    QTemporaryFile temp(m_directory + QStringLiteral("/blobs/.incoming-XXXXXX"));
    temp.setAutoRemove(true);
    if (!temp.open() || temp.write(bytes) != bytes.size() || !temp.flush())
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("Cannot write into %1/blobs.").arg(m_directory));
    temp.setAutoRemove(false);
    const QString path = temp.fileName();
    temp.close();
    const auto moved = commitTemp(path, digest);
    if (!moved.ok())
        return moved.error();
    return digest;
}

Result<Done> OciLayout::putFile(const QString &path, const Digest &digest)
{
    if (!digest.isVerifiable() || blobPath(digest).isEmpty())
        return Error::make(
            ErrorKind::InvalidInput,
            QStringLiteral("Cannot store a blob with the digest %1.").arg(digest.toString()));
    QMutexLocker lock(&m_mutex);
    if (QFileInfo(blobPath(digest)).isFile())
        return Done{};
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("Cannot read %1: %2").arg(path, in.errorString()));
    QTemporaryFile temp(m_directory + QStringLiteral("/blobs/.incoming-XXXXXX"));
    if (!temp.open())
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("Cannot write into %1/blobs.").arg(m_directory));
    QCryptographicHash hash(digest.hashAlgorithm());
    while (!in.atEnd()) {
        const QByteArray chunk = in.read(CopyChunk);
        if (chunk.isEmpty() || temp.write(chunk) != chunk.size())
            return Error::make(ErrorKind::InvalidInput,
                               QStringLiteral("Cannot copy %1 into the layout.").arg(path));
        hash.addData(chunk);
    }
    if (QString::fromLatin1(hash.result().toHex()) != digest.encoded())
        return Error::make(ErrorKind::DigestMismatch,
                           QStringLiteral("%1 does not hash to %2; nothing was stored.")
                               .arg(path, digest.toString()));
    temp.flush();
    temp.setAutoRemove(false);
    const QString tempPath = temp.fileName();
    temp.close();
    return commitTemp(tempPath, digest);
}

Result<Done> OciLayout::setIndexEntry(const Descriptor &descriptor, const QString &tag)
{
    QMutexLocker lock(&m_mutex);
    const QString indexPath = m_directory + QStringLiteral("/index.json");
    QFile file(indexPath);
    if (!file.open(QIODevice::ReadOnly) || file.size() > MaxDocumentBytes)
        return invalidLayout(m_directory, QStringLiteral("index.json cannot be read"));
    QJsonParseError parseError;
    QJsonObject root = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    file.close();
    if (parseError.error != QJsonParseError::NoError)
        return invalidLayout(m_directory, QStringLiteral("index.json is not JSON; not rewritten"));
    QJsonArray kept;
    bool present = false;
    for (const QJsonValue &entry : root.value(QStringLiteral("manifests")).toArray()) {
        const QJsonObject object = entry.toObject();
        const QString name =
            object.value(QStringLiteral("annotations")).toObject().value(RefName).toString();
        if (!tag.isEmpty() && name == tag)
            continue; // replaced below
        if (tag.isEmpty() &&
            object.value(QStringLiteral("digest")).toString() == descriptor.digest.toString())
            present = true;
        kept.append(entry);
    }
    if (!present) {
        Descriptor entry = descriptor;
        entry.annotations.clear();
        if (!tag.isEmpty())
            entry.annotations.insert(RefName, tag);
        kept.append(entry.toJson());
    }
    root.insert(QStringLiteral("schemaVersion"), 2);
    root.insert(QStringLiteral("mediaType"),
                QStringLiteral("application/vnd.oci.image.index.v1+json"));
    root.insert(QStringLiteral("manifests"), kept);
    QSaveFile out(indexPath);
    if (!out.open(QIODevice::WriteOnly) ||
        out.write(QJsonDocument(root).toJson(QJsonDocument::Compact)) < 0 || !out.commit())
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("Cannot write %1.").arg(indexPath));
    m_referrers.reset();
    return Done{};
}

} // namespace ocular
