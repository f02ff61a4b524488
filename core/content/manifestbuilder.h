#pragma once

#include "base/result.h"
#include "content/descriptor.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace ocular {

/// A blob a manifest refers to, with its bytes.
struct ContentBlob
{
    QByteArray bytes;
    QString mediaType;

    Digest digest() const { return Digest::sha256(bytes); }
    /// `{mediaType, digest, size}` plus `annotations` when not empty.
    QJsonObject descriptorJson(const QJsonObject &annotations = {}) const;
};

/// A manifest or index as it will be pushed: its exact bytes, their digest and size, and the
/// blobs it needs in the repository (config first, then layers in order).
struct BuiltManifest
{
    QByteArray raw;
    QString mediaType;
    Digest digest;
    QList<ContentBlob> blobs;

    qint64 size() const { return raw.size(); }
    /// `{mediaType, digest, size}` with `extra` members merged in (platform, annotations, ...).
    QJsonObject descriptorJson(const QJsonObject &extra = {}) const;
    Descriptor descriptor() const;
};

/// Builds manifests deterministically: the same input gives the same bytes on every run and
/// machine (members in sorted order, compact unless asked otherwise), digest and size computed,
/// and a manifest above the size cap (4 MiB, what registries accept) refused with a clear error
/// before anything is sent. Artifacts are always OCI image manifests with `artifactType` and the
/// empty config (PROTOCOL §5), never another manifest type.
class ManifestBuilder
{
public:
    static constexpr qint64 DefaultMaxBytes = 4 * 1024 * 1024;

    enum class Layout
    {
        Compact,
        Indented, ///< as Docker's own tools write manifests
    };

    /// One layer (or artifact file) with the annotations of its descriptor.
    struct Layer
    {
        ContentBlob blob;
        QJsonObject annotations;
    };

    /// An artifact: files as layers, titles in `org.opencontainers.image.title`.
    struct Artifact
    {
        QString artifactType;
        struct File
        {
            QByteArray bytes;
            QString mediaType;
            QString title; ///< file name shown by clients; empty: no title annotation
            QJsonObject annotations;
            /// Digest and size of a file uploaded on its own (streamed from disk): its
            /// descriptor is built from these and `bytes` is not used or returned as a blob.
            std::optional<Digest> digest;
            qint64 size = 0;
        };
        QList<File> files;
        QJsonObject annotations; ///< manifest annotations
        std::optional<Descriptor> subject;
    };

    ManifestBuilder &setLayout(Layout layout);
    ManifestBuilder &setMaxBytes(qint64 bytes);
    /// Whether the empty config descriptor carries its bytes inline (`data: e30=`), as the
    /// image spec recommends. On by default.
    ManifestBuilder &setInlineEmptyConfig(bool inlineData);

    /// The empty `{}` config blob (`application/vnd.oci.empty.v1+json`, size 2).
    static const ContentBlob &emptyConfig();

    /// An image manifest (OCI or Docker schema 2 by `mediaType`).
    Result<BuiltManifest> image(const QString &mediaType, const ContentBlob &config,
                                const QList<Layer> &layers,
                                const QJsonObject &annotations = {}) const;
    /// An index or manifest list over `entries` (descriptor objects).
    Result<BuiltManifest> index(const QString &mediaType, const QJsonArray &entries,
                                const QJsonObject &annotations = {}) const;
    /// An artifact manifest with the empty config and optional subject.
    Result<BuiltManifest> artifact(const Artifact &artifact) const;
    /// Serializes any manifest document (checks and computes as the others do).
    Result<BuiltManifest> document(const QJsonObject &document, const QString &mediaType,
                                   QList<ContentBlob> blobs = {}) const;

private:
    QJsonObject emptyConfigDescriptor() const;

    Layout m_layout = Layout::Compact;
    qint64 m_maxBytes = DefaultMaxBytes;
    bool m_inlineEmptyConfig = true;
};

} // namespace ocular
