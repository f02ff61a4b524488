#include "manifestpush.h"

#include "source/contentsource.h"
#include "support/asyncwait.h"

namespace ocular::test {

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
