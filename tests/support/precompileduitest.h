// Precompiled for the GUI tests (OCULAR_PCH): precompiledui.h plus Qt Test, which switches to its
// widget flavour (QApplication in QTEST_MAIN) because QT_WIDGETS_LIB is defined for these targets.
#pragma once

#include "precompiledui.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
