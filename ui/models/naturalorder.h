#pragma once

#include <QString>

namespace ocular {

/// "v1.9" before "v1.10": runs of digits compare by value, the rest by character. The order of
/// tags in the tree and in the audit.
bool naturalLess(const QString &a, const QString &b);

} // namespace ocular
