// The response-header parsers of the http layer: Link (pagination), Retry-After, redirect
// targets, and registry error bodies. First line: the header/URL under test; rest: a body.
#include "http/linkheader.h"
#include "http/originpolicy.h"
#include "http/registryerror.h"
#include "http/retrypolicy.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = input.indexOf('\n');
    const QByteArray header = newline < 0 ? input : input.left(newline);
    const QByteArray body = newline < 0 ? QByteArray() : input.mid(newline + 1);
    const QUrl base(QStringLiteral("https://registry.example:5000/v2/team/app/tags/list?n=100"));

    const QUrl next = ocular::linkheader::nextUrl(header.split('\r'), base);
    if (next.isValid())
        (void)ocular::originpolicy::sameOrigin(next, base);

    const int wait = ocular::RetryPolicy::retryAfterMs(header, QDateTime::currentDateTimeUtc());
    if (wait < -1 || wait > 24 * 3600 * 1000)
        abort();

    (void)ocular::originpolicy::redirectRefusal(base,
                                                base.resolved(QUrl(QString::fromUtf8(header))));

    ocular::HttpResponse response;
    response.status = 400 + int(size % 200);
    response.body = body;
    response.headers.append({"Content-Type", header});
    (void)response.contentType();
    const ocular::Error error = ocular::registryError(response, QStringLiteral("fuzz"));
    if (error.message.size() > 2000 || error.registryCodes.size() > 8)
        abort(); // error text shown to users stays bounded whatever the server sends
    return 0;
}
