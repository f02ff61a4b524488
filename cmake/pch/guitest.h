// Precompiled for the GUI tests (OCULAR_PCH): gui.h plus Qt Test, which switches to its widget
// flavour (QApplication in QTEST_MAIN) because QT_WIDGETS_LIB is defined for these targets.
#pragma once

#include "gui.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
