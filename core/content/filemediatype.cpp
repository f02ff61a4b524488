#include "filemediatype.h"

#include <QFileInfo>

namespace ocular {

QString guessFileMediaType(const QString &fileName)
{
    const QString name = QFileInfo(fileName).fileName().toLower();
    // Longest, most specific suffixes first: `.spdx.json` before `.json`.
    static const struct
    {
        const char *suffix;
        const char *mediaType;
    } known[] = {
        {".spdx.json", "application/spdx+json"},
        {".spdx", "text/spdx"},
        {".cdx.json", "application/vnd.cyclonedx+json"},
        {".bom.json", "application/vnd.cyclonedx+json"},
        {".cdx.xml", "application/vnd.cyclonedx+xml"},
        {".intoto.jsonl", "application/vnd.in-toto+json"},
        {".intoto.json", "application/vnd.in-toto+json"},
        {".sigstore.json", "application/vnd.dev.sigstore.bundle.v0.3+json"},
        {".sarif.json", "application/sarif+json"},
        {".sarif", "application/sarif+json"},
        {".tar.gz", "application/vnd.oci.image.layer.v1.tar+gzip"},
        {".tgz", "application/vnd.oci.image.layer.v1.tar+gzip"},
        {".tar.zst", "application/vnd.oci.image.layer.v1.tar+zstd"},
        {".tar", "application/vnd.oci.image.layer.v1.tar"},
        {".json", "application/json"},
        {".yaml", "application/yaml"},
        {".yml", "application/yaml"},
        {".md", "text/markdown"},
        {".txt", "text/plain"},
        {".pem", "application/x-pem-file"},
        {".sig", "application/octet-stream"},
    };
    for (const auto &entry : known) {
        if (name.endsWith(QLatin1String(entry.suffix)))
            return QLatin1String(entry.mediaType);
    }
    return QStringLiteral("application/octet-stream");
}

} // namespace ocular
