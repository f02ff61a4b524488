#pragma once

#include <QString>

namespace ocular {

/// A name a source listed that does not fit the grammar (PROTOCOL §8): kept so that it can be
/// shown as invalid, never requested.
struct RejectedName
{
    QString name;   ///< as the server sent it; pass through nametext::printable() to show it
    QString reason; ///< why it was refused, e.g. "the tag contains the invalid character '?'"
};

} // namespace ocular
