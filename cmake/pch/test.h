// Precompiled for the core and integration tests (OCULAR_PCH): core.h plus Qt Test.
#pragma once

#include "core.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
