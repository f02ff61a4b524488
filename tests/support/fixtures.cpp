#include "fixtures.h"

#include <QDir>
#include <QFile>

namespace ocular::test {

QString fixturesDir()
{
    const QString fromEnv = qEnvironmentVariable("OCULAR_FIXTURES_DIR");
    if (!fromEnv.isEmpty())
        return QDir(fromEnv).absolutePath();
    return QDir(QStringLiteral(OCULAR_FIXTURES_DIR)).absolutePath();
}

QString fixturePath(const QString &relative)
{
    return QDir(fixturesDir()).absoluteFilePath(relative);
}

std::optional<QByteArray> readFixture(const QString &relative)
{
    QFile file(fixturePath(relative));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString missingFixtureMessage(const QString &relative)
{
    return QStringLiteral("shared fixtures not found at %1").arg(fixturePath(relative));
}

} // namespace ocular::test
