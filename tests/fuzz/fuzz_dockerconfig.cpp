// docker config.json / containers auth.json reading. Only parsing and lookups of the parsed
// data: lookup() is not called because it may run credential helpers.
#include "auth/dockerconfig.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto config = ocular::DockerConfig::parse(json, QStringLiteral("fuzz/config.json"));
    if (!config.ok())
        return 0;
    for (const QString &registry : {QStringLiteral("docker.io"), QStringLiteral("localhost:5000"),
                                    QStringLiteral("ghcr.io")}) {
        (void)config->helperFor(registry);
        (void)config->authFor(registry);
    }
    (void)ocular::DockerConfig::hostOfKey(QString::fromUtf8(json.left(300)));
    return 0;
}
