#pragma once

#include <QString>
#include <QStringList>

namespace ocular {

/// Quoting for POSIX shells (sh, bash, zsh, dash): a word that the shell reads back as exactly
/// the given text, with no expansion of `$`, backquotes, globs, `~` or history `!`.
class ShellQuote
{
public:
    /// @p word unchanged when it holds only characters no shell treats specially, else wrapped
    /// in single quotes (a `'` inside becomes `'\''`); the empty word is `''`.
    static QString quote(QStringView word);
    /// The words quoted one by one and joined by spaces: one command line.
    static QString join(const QStringList &words);
};

} // namespace ocular
