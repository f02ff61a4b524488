// Precompiled for the core and integration tests (OCULAR_PCH): precompiledcore.h plus Qt Test.
#pragma once

#include "precompiledcore.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
