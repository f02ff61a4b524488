#include "contentview.h"

#include "views/jsonformatter.h"
#include "views/jsonhighlighter.h"
#include "views/rawformatter.h"

#include <QEvent>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QMouseEvent>
#include <QMutex>
#include <QMutexLocker>
#include <QPlainTextDocumentLayout>
#include <QPointer>
#include <QTextBlock>
#include <QTextDocument>
#include <QThread>
#include <QTimer>
#include <QtConcurrent>
#include <utility>

#ifdef OCULAR_HAVE_KSYNTAXHIGHLIGHTING
#include "views/ksyntaxjsonhighlighter.h"
#endif

namespace ocular {

namespace {

QTextDocument *plainDocument(const QString &text, const QFont &font)
{
    auto *doc = new QTextDocument;
    doc->setDocumentLayout(new QPlainTextDocumentLayout(doc));
    doc->setDefaultFont(font);
    // The view is NoWrap. If the document said otherwise, adopting it would change its text
    // option and lay out every line again on the GUI thread (0.8 s for a 3 MiB index).
    QTextOption option = doc->defaultTextOption();
    option.setWrapMode(QTextOption::NoWrap);
    doc->setDefaultTextOption(option);
    doc->setPlainText(text);
    return doc;
}

// Highlights now, on this worker thread; rehighlighting also cancels the delayed pass that
// setDocument() queued, so the GUI thread does not repeat the work.
void highlightJson(QTextDocument *doc, JsonHighlighter::Theme theme)
{
#ifdef OCULAR_HAVE_KSYNTAXHIGHLIGHTING
    (new KSyntaxJsonHighlighter(doc, theme))->highlightAll();
#else
    (new JsonHighlighter(doc, theme))->rehighlight();
#endif
}

} // namespace

// Hand-over between the worker that formats a document and the view that shows it. Whoever
// comes second frees the document if the view has moved on or is gone, so a view destroyed
// mid-format leaks nothing and never receives it.
struct ContentView::PreparedDocument
{
    QMutex mutex;
    QTextDocument *document = nullptr;
    bool abandoned = false;
};

ContentView::~ContentView()
{
    abandonPrepared();
}

void ContentView::abandonPrepared()
{
    if (!m_prepared)
        return;
    const std::shared_ptr<PreparedDocument> prepared = std::exchange(m_prepared, nullptr);
    QMutexLocker lock(&prepared->mutex);
    prepared->abandoned = true;
    delete std::exchange(prepared->document, nullptr); // finished, now owned by this thread
}

ContentView::ContentView(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    viewport()->setMouseTracking(true);
}

void ContentView::showJson(const QByteArray &raw)
{
    m_json = raw;
    const JsonHighlighter::Theme theme = JsonHighlighter::themeFor(palette());
    prepare([raw, theme](const QFont &font) {
        const std::optional<QString> pretty = JsonFormatter::pretty(raw);
        QTextDocument *doc = plainDocument(pretty ? *pretty : RawFormatter::render(raw), font);
        if (pretty)
            highlightJson(doc, theme);
        return doc;
    });
}

void ContentView::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    // Colours picked for a light background are unreadable on a dark one: format again.
    if (event->type() == QEvent::PaletteChange && m_json)
        showJson(*m_json);
}

void ContentView::showRaw(const QByteArray &raw)
{
    m_json.reset();
    prepare([raw](const QFont &font) {
        // One line is laid out as a whole on the GUI thread when shown: a 256 KiB line (compact
        // JSON of a big index) blocks it for ~0.4 s. Show less of such content.
        qsizetype longest = 0;
        for (qsizetype start = 0; start < raw.size() && longest <= kLongLineBytes;) {
            qsizetype end = raw.indexOf('\n', start);
            if (end < 0)
                end = raw.size();
            longest = qMax(longest, end - start);
            start = end + 1;
        }
        const qint64 limit = longest > kLongLineBytes ? kLongLinePreviewBytes : 256 * 1024;
        return plainDocument(RawFormatter::render(raw, limit), font);
    });
}

void ContentView::showMessage(const QString &text)
{
    m_json.reset();
    ++m_generation;
    abandonPrepared();
    m_preparing = false;
    adopt(plainDocument(text, font()));
}

void ContentView::prepare(std::function<QTextDocument *(const QFont &)> build)
{
    const quint64 generation = ++m_generation;
    m_preparing = true;
    // Large documents take a moment; say so instead of leaving stale content up. Small ones
    // are ready before this fires, so there is no flicker.
    QTimer::singleShot(150, this, [this, generation] {
        if (generation == m_generation && m_preparing)
            adopt(plainDocument(tr("Formatting…"), font()));
    });
    QThread *guiThread = thread();
    const QFont font = this->font();
    abandonPrepared();
    auto prepared = std::make_shared<PreparedDocument>();
    m_prepared = prepared;
    // A watcher owned by this view, not QFuture::then(this): Qt 6.4 asserts in then() when the
    // context died before the worker finished; a dead watcher simply never reports.
    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher, prepared] {
        watcher->deleteLater();
        if (prepared != m_prepared)
            return; // the user has moved on; abandonPrepared() freed it
        m_prepared = nullptr;
        QTextDocument *doc = nullptr;
        {
            QMutexLocker lock(&prepared->mutex);
            doc = std::exchange(prepared->document, nullptr);
        }
        m_preparing = false;
        if (!doc)
            return;
        adopt(doc);
        Q_EMIT contentReady();
    });
    watcher->setFuture(QtConcurrent::run([build, font, guiThread, prepared] {
        QTextDocument *doc = build(font);
        QMutexLocker lock(&prepared->mutex);
        if (prepared->abandoned) {
            delete doc; // still this thread's: nobody else has seen it
            return;
        }
        doc->moveToThread(guiThread);
        prepared->document = doc;
    }));
}

void ContentView::adopt(QTextDocument *document)
{
    QPointer<QTextDocument> old = this->document();
    document->setParent(this);
    setDocument(document);
    if (old && old != document && old->parent() == this)
        old->deleteLater();
}

Digest ContentView::digestAt(const QPoint &viewportPos) const
{
    const QTextCursor cursor = cursorForPosition(viewportPos);
    const QTextBlock block = cursor.block();
    if (!block.isValid())
        return {};
    // Only when the pointer is over text, not past the end of the line.
    const QRectF lineRect = blockBoundingGeometry(block).translated(contentOffset());
    if (!lineRect.contains(viewportPos))
        return {};
    const int column = cursor.positionInBlock();
    const QString text = block.text();
    for (const auto &span : JsonHighlighter::digestSpans(text)) {
        if (column >= span.first && column <= span.first + span.second) {
            const auto parsed = Digest::parse(QStringView(text).mid(span.first, span.second));
            if (parsed)
                return parsed.value();
        }
    }
    return {};
}

void ContentView::mouseMoveEvent(QMouseEvent *event)
{
    QPlainTextEdit::mouseMoveEvent(event);
    const bool onDigest = digestAt(event->position().toPoint()).isValid();
    viewport()->setCursor(onDigest ? Qt::PointingHandCursor : Qt::IBeamCursor);
}

void ContentView::mousePressEvent(QMouseEvent *event)
{
    m_pressPos = event->position().toPoint();
    QPlainTextEdit::mousePressEvent(event);
}

void ContentView::mouseReleaseEvent(QMouseEvent *event)
{
    QPlainTextEdit::mouseReleaseEvent(event);
    const QPoint pos = event->position().toPoint();
    if (event->button() != Qt::LeftButton || (pos - m_pressPos).manhattanLength() > 4)
        return;
    const Digest digest = digestAt(pos);
    if (digest.isValid())
        Q_EMIT digestActivated(digest);
}

} // namespace ocular
