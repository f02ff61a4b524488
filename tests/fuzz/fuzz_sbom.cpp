// SPDX and CycloneDX JSON, bare or wrapped in an in-toto statement or a DSSE envelope.
#include "referrers/sbomparser.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto document = ocular::sbomparser::parse(json);
    if (!document.ok())
        return 0;
    if (document->licensedCount() > document->packages.size())
        abort();
    return 0;
}
