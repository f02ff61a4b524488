// Reference parsing: never crash, and whatever parses must survive its own canonical form.
#include "reference/reference.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto parsed = ocular::Reference::parse(text);
    if (!parsed.ok())
        return 0;
    const ocular::Reference &ref = parsed.value();
    (void)ref.identifier();
    (void)ref.name();
    (void)ocular::Reference::apiHost(ref.registry());
    const auto again = ocular::Reference::parse(ref.toString());
    if (!again.ok() || !(again.value() == ref))
        abort(); // the canonical form must parse back to the same reference
    return 0;
}
