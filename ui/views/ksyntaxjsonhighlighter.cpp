#include "ksyntaxjsonhighlighter.h"

#ifdef OCULAR_HAVE_KSYNTAXHIGHLIGHTING

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>
#include <QMutex>
#include <QMutexLocker>

namespace ocular {

namespace {

QMutex &repositoryMutex()
{
    static QMutex mutex;
    return mutex;
}

// Loading the repository reads every definition's header: once per process, not per document.
KSyntaxHighlighting::Repository &repository()
{
    static KSyntaxHighlighting::Repository instance;
    return instance;
}

} // namespace

KSyntaxJsonHighlighter::KSyntaxJsonHighlighter(QTextDocument *document,
                                               JsonHighlighter::Theme theme)
    : KSyntaxHighlighting::SyntaxHighlighter(document)
    , m_link(JsonHighlighter::linkFormat(theme))
{
    QMutexLocker lock(&repositoryMutex());
    setTheme(repository().defaultTheme(theme == JsonHighlighter::Theme::Dark
                                           ? KSyntaxHighlighting::Repository::DarkTheme
                                           : KSyntaxHighlighting::Repository::LightTheme));
    setDefinition(repository().definitionForName(QStringLiteral("JSON")));
}

void KSyntaxJsonHighlighter::highlightAll()
{
    QMutexLocker lock(&repositoryMutex());
    rehighlight();
}

void KSyntaxJsonHighlighter::highlightBlock(const QString &text)
{
    KSyntaxHighlighting::SyntaxHighlighter::highlightBlock(text);
    for (const auto &span : JsonHighlighter::digestSpans(text)) {
        QTextCharFormat merged = format(span.first);
        merged.merge(m_link);
        setFormat(span.first, span.second, merged);
    }
}

} // namespace ocular

#endif
