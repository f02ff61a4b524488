#pragma once

#include "base/result.h"

#include <QDateTime>
#include <QMap>
#include <QStringList>

namespace ocular {

/// The parts of an OCI/Docker image config a user looks at.
struct ImageConfig
{
    QDateTime created; ///< invalid when absent or unparsable
    QString author;
    QString os;
    QString architecture;
    QString variant;
    QStringList env;
    QStringList entrypoint;
    QStringList cmd;
    QString workingDir;
    QString user;
    QMap<QString, QString> labels;
    int historyCount = 0;
    int emptyLayerCount = 0;
    QStringList diffIds;

    static Result<ImageConfig> parse(const QByteArray &raw);
};

} // namespace ocular
