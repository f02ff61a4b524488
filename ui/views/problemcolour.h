#pragma once

#include <QColor>
#include <QString>

namespace ocular::problemcolour {

/// The red for problem and warning text that stays readable (contrast >= 3:1) on the
/// application palette's base, light or dark.
QColor forApplicationPalette();

/// A style sheet colouring a label's text with forApplicationPalette(), bold when asked.
QString styleSheet(bool bold = false);

} // namespace ocular::problemcolour
