#pragma once

#include "reference/digest.h"

#include <QPlainTextEdit>
#include <functional>
#include <memory>
#include <optional>

class QTextDocument;

namespace ocular {

/// Read-only monospace text view. JSON is pretty-printed and highlighted on a worker thread
/// (the finished QTextDocument is handed to this widget); digests in it are clickable.
class ContentView : public QPlainTextEdit
{
    Q_OBJECT
public:
    /// Content with a line longer than this shows only its first kLongLinePreviewBytes in
    /// showRaw() (Qt lays out a line in one piece on the GUI thread).
    static constexpr qsizetype kLongLineBytes = 16 * 1024;
    static constexpr qint64 kLongLinePreviewBytes = 32 * 1024;

    explicit ContentView(QWidget *parent = nullptr);
    ~ContentView() override;

    /// Pretty JSON with highlighting and digest links; invalid JSON is shown as raw text.
    void showJson(const QByteArray &raw);
    /// The exact bytes as text, or a hex dump for binary.
    void showRaw(const QByteArray &raw);
    /// A plain sentence instead of content.
    void showMessage(const QString &text);
    /// True while a document is being prepared off the GUI thread.
    bool isPreparing() const { return m_preparing; }

    /// The digest at a position of the text, if the cursor sits on one.
    Digest digestAt(const QPoint &viewportPos) const;

Q_SIGNALS:
    void digestActivated(const ocular::Digest &digest);
    /// A document prepared off-thread was applied.
    void contentReady();

protected:
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct PreparedDocument;
    void prepare(std::function<QTextDocument *(const QFont &)> build);
    void adopt(QTextDocument *document);
    void abandonPrepared();

    /// The document being formatted off-thread, shared with its worker.
    std::shared_ptr<PreparedDocument> m_prepared;
    /// The JSON shown, kept to format it again when the palette changes.
    std::optional<QByteArray> m_json;
    quint64 m_generation = 0;
    bool m_preparing = false;
    QPoint m_pressPos;
};

} // namespace ocular
