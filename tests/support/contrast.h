#pragma once

// For the GUI tests only (the support library does not link Qt Gui): header-only.
#include <QColor>

#include <algorithm>
#include <cmath>

namespace ocular::test {

/// WCAG 2 relative luminance.
inline double luminance(const QColor &colour)
{
    const auto channel = [](double c) {
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) +
           0.0722 * channel(colour.blueF());
}

/// WCAG 2 contrast ratio, 1 (none) to 21.
inline double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace ocular::test
