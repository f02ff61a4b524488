#include "jsonhighlighter.h"

#include <QColor>

namespace ocular {

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    m_key.setForeground(QColor(0x8a, 0x1f, 0x6f));
    m_string.setForeground(QColor(0x1a, 0x6b, 0x2e));
    m_number.setForeground(QColor(0x1f, 0x4f, 0xb0));
    m_literal.setForeground(QColor(0xa0, 0x50, 0x00));
    m_literal.setFontWeight(QFont::Bold);
    m_punctuation.setForeground(QColor(0x70, 0x70, 0x70));
    m_link.setForeground(QColor(0x0b, 0x5c, 0xd5));
    m_link.setFontUnderline(true);
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
            if (!c.isSpace())
                setFormat(i, 1, m_punctuation);
            ++i;
        }
    }
}

} // namespace ocular
