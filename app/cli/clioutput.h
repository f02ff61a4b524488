#pragma once

#include <QByteArray>
#include <QString>

namespace ocular::clioutput {

inline constexpr const char *Program = "ocular-cli";

/// Bytes to stdout, flushed (manifests and blobs go out exactly as stored).
void writeOut(const QByteArray &bytes);
/// Text to stdout as it is.
void out(const QString &text);
/// One line to stderr.
void err(const QString &line);

} // namespace ocular::clioutput
