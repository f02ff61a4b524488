#pragma once

#include "source/contentsource.h"

#include <memory>

namespace ocular {

class OciLayout;

/// A ContentSource over a directory in the OCI image layout format: one repository (the
/// layout holds one), tags from index.json ref names, manifests and blobs verified against
/// their digests, referrers computed from the `subject` of the layout's manifests. Disk work
/// runs on the thread pool; answers arrive on the context's thread like a registry's.
/// Writes (copy into a layout) store blobs through temp files and rewrite index.json
/// atomically; deletes are unsupported and change nothing.
class OciLayoutSource : public ContentSource
{
    Q_OBJECT
public:
    /// `repository` is the name the single repository is listed under (any name is answered).
    explicit OciLayoutSource(const QString &directory, const QString &repository = {},
                             QObject *parent = nullptr);
    ~OciLayoutSource() override;

    /// Creates `oci-layout` and index.json when absent (synchronous: before a copy into it).
    Result<Done> create();
    const QString &repositoryName() const { return m_repository; }
    /// The repository name a layout directory is listed under: its folder name when that is a
    /// valid repository name, else "layout".
    static QString repositoryNameFor(const QString &directory);

    QString displayName() const override;
    RequestHandle repositories(const PageCursor &cursor, int pageSize, QObject *context,
                               Callback<NamePage> done) override;
    RequestHandle tags(const QString &repository, const PageCursor &cursor, int pageSize,
                       QObject *context, Callback<NamePage> done) override;
    RequestHandle resolve(const QString &repository, const QString &reference, QObject *context,
                          Callback<ResolvedReference> done) override;
    RequestHandle manifest(const QString &repository, const QString &reference, QObject *context,
                           Callback<SourceManifest> done) override;
    RequestHandle rawManifest(const QString &repository, const QString &reference, QObject *context,
                              Callback<RawManifest> done) override;
    RequestHandle blob(const QString &repository, const Digest &digest,
                       std::shared_ptr<BlobSink> sink, qint64 maxBytes, QObject *context,
                       Callback<BlobReceipt> done) override;
    RequestHandle referrers(const QString &repository, const Digest &subject,
                            const QString &artifactType, QObject *context,
                            Callback<ReferrersAnswer> done) override;
    RequestHandle uploadBlob(const QString &repository, const BlobPayload &payload,
                             const BlobUploadOptions &options, QObject *context,
                             Callback<BlobUploadResult> done,
                             TransferProgressCallback progress = {}) override;
    using ContentSource::pushManifest;
    RequestHandle pushManifest(const QString &repository, const QString &reference,
                               const QByteArray &raw, const QString &mediaType,
                               const WriteCondition &condition, QObject *context,
                               Callback<PushedContent> done) override;
    RequestHandle deleteManifest(const QString &repository, const QString &reference,
                                 QObject *context, Callback<Done> done) override;
    RequestHandle deleteBlob(const QString &repository, const Digest &digest, QObject *context,
                             Callback<Done> done) override;

private:
    template <typename T>
    RequestHandle run(QObject *context, Callback<T> done,
                      std::function<Result<T>(OciLayout &)> work);

    std::shared_ptr<OciLayout> m_layout;
    QString m_repository;
};

} // namespace ocular
