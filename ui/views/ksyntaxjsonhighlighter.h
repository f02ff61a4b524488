#pragma once

// Built only where CMake found KF6 SyntaxHighlighting (the Debian 13 leg, KDE desktops).
#ifdef OCULAR_HAVE_KSYNTAXHIGHLIGHTING

#include "views/jsonhighlighter.h"

#include <KSyntaxHighlighting/SyntaxHighlighter>

namespace ocular {

/// KSyntaxHighlighting's own JSON definition in its Breeze Light or Breeze Dark theme, with
/// digests marked as links on top, as the built-in JsonHighlighter marks them.
class KSyntaxJsonHighlighter : public KSyntaxHighlighting::SyntaxHighlighter
{
public:
    KSyntaxJsonHighlighter(QTextDocument *document, JsonHighlighter::Theme theme);

    /// Highlights the whole document now, on the calling thread. KSyntaxHighlighting's
    /// repository and definitions are not safe to use from two threads at once, and documents
    /// are formatted on worker threads: these passes take turns.
    void highlightAll();

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_link;
};

} // namespace ocular

#endif
