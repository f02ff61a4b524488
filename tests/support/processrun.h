#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace ocular::test {

/// What a finished program said.
struct ProcessRun
{
    int exitCode = -1; ///< -1 when it crashed or timed out
    QByteArray out;
    QByteArray err;

    /// The last non-empty line of stdout (where push and attach print the digest).
    QString lastLine() const;
};

/// Runs `program` to completion (killed after `timeoutMs`).
ProcessRun runProcess(const QString &program, const QStringList &arguments, int timeoutMs = 120000,
                      const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
/// The ocular-cli built beside the tests.
QString ocularCliPath();
/// Where packaging/fetch-tools.sh unpacks oras and cosign (<build>/tools/usr/bin/NAME).
QString fetchedToolPath(const QString &name);

} // namespace ocular::test
