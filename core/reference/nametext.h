#pragma once

#include <QString>

namespace ocular::nametext {

/// @p text made safe to show in a terminal or a message: control characters (C0, DEL, C1) and
/// bidirectional overrides become `\xNN`/`\uNNNN` escapes, and anything longer than
/// @p maxChars is cut with an ellipsis. Names from a server pass through this before printing.
QString printable(QStringView text, int maxChars = 200);

} // namespace ocular::nametext
