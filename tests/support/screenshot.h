#pragma once

// For the GUI tests only (the support library does not link Qt Widgets): header-only.
#include <QCoreApplication>
#include <QPixmap>
#include <QString>
#include <QWidget>

namespace ocular::test {

/// With OCULAR_SCREENSHOT_DIR set, saves what `widget` shows as <dir>/<name>.png, for a person
/// to look at; does nothing otherwise.
inline void saveShot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("OCULAR_SCREENSHOT_DIR");
    if (dir.isEmpty() || !widget)
        return;
    QCoreApplication::processEvents();
    widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

} // namespace ocular::test
