#pragma once

#include "base/error.h"
#include "http/httpresponse.h"

namespace ocular {

/// Turns a non-2xx registry response into an Error with the registry's codes and messages.
Error registryError(const HttpResponse &response, const QString &what);

} // namespace ocular
