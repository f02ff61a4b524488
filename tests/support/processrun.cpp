#include "processrun.h"

#include <QProcess>

namespace ocular::test {

QString ProcessRun::lastLine() const
{
    const QList<QByteArray> lines = out.trimmed().split('\n');
    return lines.isEmpty() ? QString() : QString::fromUtf8(lines.last().trimmed());
}

ProcessRun runProcess(const QString &program, const QStringList &arguments, int timeoutMs,
                      const QProcessEnvironment &env)
{
    QProcess process;
    process.setProgram(program);
    process.setArguments(arguments);
    process.setProcessEnvironment(env);
    process.start();
    ProcessRun run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = "timed out";
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QString ocularCliPath()
{
    return QStringLiteral(OCULAR_BINARY_DIR "/app/ocular-cli");
}

QString fetchedToolPath(const QString &name)
{
    return QStringLiteral(OCULAR_BINARY_DIR "/tools/usr/bin/") + name;
}

} // namespace ocular::test
