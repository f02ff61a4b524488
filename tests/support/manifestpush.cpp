#include "manifestpush.h"

#include "content/mediatype.h"
#include "source/contentsource.h"
#include "support/asyncwait.h"

namespace ocular::test {

BuiltManifest builtImage(const QString &salt, const QString &created)
{
    const QString createdField =
        created.isEmpty() ? QString() : QStringLiteral("\"created\":\"%1\",").arg(created);
    const ContentBlob config{
        QStringLiteral("{\"architecture\":\"amd64\",%1\"os\":\"linux\",\"salt\":\"%2\"}")
            .arg(createdField, salt)
            .toUtf8(),
        QString(mediatype::OciConfig)};
    const ContentBlob layer{(QStringLiteral("layer ") + salt).toUtf8(),
                            QString(mediatype::OciLayerTarGzip)};
    return ManifestBuilder().image(QString(mediatype::OciManifest), config, {{layer, {}}}).value();
}

BuiltManifest builtReferrer(const BuiltManifest &subject, const QString &salt)
{
    ManifestBuilder::Artifact a;
    a.artifactType = QStringLiteral("application/vnd.example.sbom");
    a.files.append({salt.toUtf8(), QStringLiteral("application/json"), salt, {}, {}, 0});
    a.subject = subject.descriptor();
    return ManifestBuilder().artifact(a).value();
}

bool pushManifestWithBlobs(ContentSource *source, const QString &repository,
                           const BuiltManifest &manifest, const QString &tag)
{
    for (const ContentBlob &blob : manifest.blobs) {
        const auto pushed = waitFor<Digest>([&](QObject *context, auto done) {
            return source->pushBlob(repository, blob.bytes, context, done);
        });
        if (!pushed.ok()) {
            qWarning("blob: %s", qPrintable(pushed.error().toString()));
            return false;
        }
    }
    const QString reference = tag.isEmpty() ? manifest.digest.toString() : tag;
    const auto pushed = waitFor<PushedContent>([&](QObject *context, auto done) {
        return source->pushManifest(repository, reference, manifest.raw, manifest.mediaType,
                                    context, done);
    });
    if (!pushed.ok())
        qWarning("manifest: %s", qPrintable(pushed.error().toString()));
    return pushed.ok();
}

Result<Digest> digestOf(ContentSource *source, const QString &repository, const QString &reference)
{
    const auto raw = waitFor<RawManifest>([&](QObject *context, auto done) {
        return source->rawManifest(repository, reference, context, done);
    });
    if (!raw.ok())
        return raw.error();
    return raw->digest;
}

} // namespace ocular::test
