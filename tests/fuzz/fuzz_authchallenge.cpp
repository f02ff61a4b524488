// WWW-Authenticate parsing: each input line is one header value.
#include "auth/authchallenge.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const QList<ocular::AuthChallenge> challenges = ocular::AuthChallenge::parse(input.split('\n'));
    for (const ocular::AuthChallenge &challenge : challenges) {
        (void)challenge.param(QStringLiteral("realm"));
        (void)challenge.param(QStringLiteral("scope"));
    }
    return 0;
}
