#include "jsonhighlighter.h"

#include <QColor>
#include <QPalette>

namespace ocular {

// KF6 SyntaxHighlighting's JSON definition maps keys to DataType, string values to String,
// numbers to DecVal/Float and true/false/null to Keyword (bold); punctuation stays Normal, which
// it leaves unformatted. These are the Breeze Light and Breeze Dark colours of those styles
// (tst_jsonhighlighting compares them with KF6 itself on the Debian 13 leg).
JsonHighlighter::JsonHighlighter(QTextDocument *document, Theme theme)
    : QSyntaxHighlighter(document)
{
    const bool dark = theme == Theme::Dark;
    m_key.setForeground(dark ? QColor(0x29, 0x80, 0xb9) : QColor(0x00, 0x57, 0xae));
    m_string.setForeground(dark ? QColor(0xf4, 0x4f, 0x4f) : QColor(0xbf, 0x03, 0x03));
    m_number.setForeground(dark ? QColor(0xf6, 0x74, 0x00) : QColor(0xb0, 0x80, 0x00));
    m_literal.setForeground(dark ? QColor(0xcf, 0xcf, 0xc2) : QColor(0x1f, 0x1c, 0x1b));
    m_literal.setFontWeight(QFont::Bold);
    m_link = linkFormat(theme);
}

JsonHighlighter::Theme JsonHighlighter::themeFor(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128 ? Theme::Dark : Theme::Light;
}

QTextCharFormat JsonHighlighter::linkFormat(Theme theme)
{
    QTextCharFormat link;
    link.setForeground(theme == Theme::Dark ? QColor(0x3d, 0xae, 0xe9) : QColor(0x0b, 0x5c, 0xd5));
    link.setFontUnderline(true);
    return link;
}

QList<QPair<int, int>> JsonHighlighter::digestSpans(const QString &line)
{
    static const QRegularExpression digest(
        QStringLiteral("\\b(sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128})\\b"));
    QList<QPair<int, int>> spans;
    auto it = digest.globalMatch(line);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        spans.append({int(m.capturedStart(1)), int(m.capturedLength(1))});
    }
    return spans;
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    const int n = int(text.size());
    int i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('"')) {
            int j = i + 1;
            while (j < n && text.at(j) != QLatin1Char('"')) {
                if (text.at(j) == QLatin1Char('\\'))
                    ++j;
                ++j;
            }
            const int end = qMin(j + 1, n);
            int k = end;
            while (k < n && text.at(k).isSpace())
                ++k;
            const bool isKey = k < n && text.at(k) == QLatin1Char(':');
            setFormat(i, end - i, isKey ? m_key : m_string);
            if (!isKey) {
                const QString inner = text.mid(i, end - i);
                for (const auto &span : digestSpans(inner))
                    setFormat(i + span.first, span.second, m_link);
            }
            i = end;
        } else if (c.isDigit() || c == QLatin1Char('-')) {
            int j = i + 1;
            while (j < n && (text.at(j).isDigit() || QStringLiteral(".eE+-").contains(text.at(j))))
                ++j;
            setFormat(i, j - i, m_number);
            i = j;
        } else if (c.isLetter()) {
            int j = i + 1;
            while (j < n && text.at(j).isLetter())
                ++j;
            setFormat(i, j - i, m_literal);
            i = j;
        } else {
            ++i; // punctuation and space keep the view's own text colour
        }
    }
}

} // namespace ocular
