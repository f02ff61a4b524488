#include "shellquote.h"

namespace ocular {

namespace {

// Characters that are literal in every position of a POSIX shell word. `=` is safe in an
// argument (only a leading NAME= word is an assignment, and arguments never come first);
// `~` (tilde expansion at the start), `#` (a comment at the start) and `!` (bash history)
// are deliberately missing, so words holding them are quoted.
bool isPlain(QChar c)
{
    if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
        (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
        (c >= QLatin1Char('0') && c <= QLatin1Char('9')))
        return true;
    static const QLatin1StringView others("@%+=:,./_-");
    return others.contains(c);
}

} // namespace

QString ShellQuote::quote(QStringView word)
{
    if (word.isEmpty())
        return QStringLiteral("''");
    bool plain = true;
    for (const QChar c : word) {
        if (!isPlain(c)) {
            plain = false;
            break;
        }
    }
    if (plain)
        return word.toString();
    // Inside single quotes nothing is special, not even a newline; a single quote itself
    // cannot appear there, so it closes the quotes, is escaped, and they open again.
    QString out;
    out.reserve(word.size() + 2);
    out += QLatin1Char('\'');
    for (const QChar c : word) {
        if (c == QLatin1Char('\''))
            out += QLatin1String("'\\''");
        else
            out += c;
    }
    out += QLatin1Char('\'');
    return out;
}

QString ShellQuote::join(const QStringList &words)
{
    QStringList quoted;
    quoted.reserve(words.size());
    for (const QString &word : words)
        quoted.append(quote(word));
    return quoted.join(QLatin1Char(' '));
}

} // namespace ocular
