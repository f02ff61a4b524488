// Digest parsing: never crash; a parsed digest round-trips and its derived names stay sane.
#include "reference/digest.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto parsed = ocular::Digest::parse(text);
    if (!parsed.ok())
        return 0;
    const ocular::Digest &digest = parsed.value();
    const auto again = ocular::Digest::parse(digest.toString());
    if (!again.ok() || !(again.value() == digest))
        abort();
    (void)digest.shortForm();
    if (digest.fallbackTag().size() > 128)
        abort(); // a tag longer than the tag grammar allows would be refused by registries
    if (digest.isVerifiable())
        (void)digest.matches(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
