// Manifest, index and image config parsing over hostile bytes. The first byte picks the
// Content-Type the "registry" claims, the rest is the document.
#include "content/imageconfig.h"
#include "content/manifest.h"

#include <cstdint>
#include <cstdlib>

namespace {

const char *const ContentTypes[] = {
    "",
    "application/vnd.oci.image.manifest.v1+json",
    "application/vnd.oci.image.index.v1+json",
    "application/vnd.docker.distribution.manifest.v2+json",
    "application/vnd.docker.distribution.manifest.list.v2+json",
    "application/vnd.oci.artifact.manifest.v1+json",
    "application/vnd.docker.distribution.manifest.v1+prettyjws",
    "application/json",
    "text/plain; charset=utf-8",
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QString contentType =
        QString::fromLatin1(ContentTypes[data[0] % (sizeof ContentTypes / sizeof ContentTypes[0])]);
    const QByteArray raw(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const auto manifest = ocular::Manifest::parse(raw, contentType);
    if (manifest.ok()) {
        if (manifest->raw() != raw || !(manifest->digest() == ocular::Digest::sha256(raw)))
            abort(); // the raw bytes and their hash are the identity of a manifest
        if (!manifest->layers().isEmpty() && !manifest->manifests().isEmpty())
            abort(); // CVE-2021-41190: never both
        (void)manifest->children();
        (void)manifest->totalSize();
        (void)manifest->isArtifact();
        (void)manifest->effectiveArtifactType();
    }
    const auto config = ocular::ImageConfig::parse(raw);
    (void)config.ok();
    return 0;
}
