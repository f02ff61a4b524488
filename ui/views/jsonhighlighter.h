#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace ocular {

/// Colours JSON line by line (keys, strings, numbers, literals) and marks digests as links.
/// Works on pretty-printed text where no string spans lines.
class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit JsonHighlighter(QTextDocument *document);

    /// The digests (sha256/sha512) in a line: start and length of each.
    static QList<QPair<int, int>> digestSpans(const QString &line);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
    QTextCharFormat m_punctuation;
    QTextCharFormat m_link;
};

} // namespace ocular
