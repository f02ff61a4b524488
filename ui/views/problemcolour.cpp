#include "problemcolour.h"

#include <QGuiApplication>
#include <QPalette>

namespace ocular::problemcolour {

QColor forApplicationPalette()
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightnessF() < 0.5;
    return dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xa0, 0x2a, 0x1a);
}

QString styleSheet(bool bold)
{
    return QStringLiteral("color: %1;%2")
        .arg(forApplicationPalette().name(),
             bold ? QStringLiteral(" font-weight: bold;") : QString());
}

} // namespace ocular::problemcolour
