#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

class QPalette;

namespace ocular {

/// Colours JSON line by line (keys, strings, numbers, literals) and marks digests as links.
/// Works on pretty-printed text where no string spans lines. Where KF6 SyntaxHighlighting is
/// built in, its JSON definition is used instead (KSyntaxJsonHighlighter); the colours here are
/// its Breeze Light and Breeze Dark themes', so both builds look the same.
class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    enum class Theme
    {
        Light,
        Dark,
    };

    explicit JsonHighlighter(QTextDocument *document, Theme theme = Theme::Light);

    /// Dark when the palette's base (the text background) is dark.
    static Theme themeFor(const QPalette &palette);
    /// The digests (sha256/sha512) in a line: start and length of each.
    static QList<QPair<int, int>> digestSpans(const QString &line);
    /// How a digest link looks, laid over the string's own format (shared with the KF6 path).
    static QTextCharFormat linkFormat(Theme theme);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
    QTextCharFormat m_link;
};

} // namespace ocular
