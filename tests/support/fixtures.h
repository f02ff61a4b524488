#pragma once

#include <QByteArray>
#include <QFileInfo>
#include <QString>
#include <QTest>

#include <optional>

namespace ocular::test {

/// The shared real-world fixtures folder (OCULAR_FIXTURES_DIR in the environment wins over the
/// path compiled in, so a moved checkout can still find them).
QString fixturesDir();
/// Absolute path of @p relative inside fixturesDir(); the file may not exist.
QString fixturePath(const QString &relative);
/// The file's bytes, or nothing when it is absent or unreadable.
std::optional<QByteArray> readFixture(const QString &relative);
/// Any file's bytes (fixture or test data), empty when it is absent or unreadable.
QByteArray readFile(const QString &path);
/// The message tests skip with when a fixture is missing.
QString missingFixtureMessage(const QString &relative);

} // namespace ocular::test

/// Skips the current test (with the path it looked at) when the shared fixture is absent.
#define OCULAR_REQUIRE_FIXTURE(relative)                                                           \
    do {                                                                                           \
        if (!QFileInfo::exists(::ocular::test::fixturePath(relative)))                             \
            QSKIP(qPrintable(::ocular::test::missingFixtureMessage(relative)));                    \
    } while (false)
