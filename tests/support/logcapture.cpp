#include "logcapture.h"

#include <QMutexLocker>

#include <atomic>

namespace ocular::test {

namespace {
// qInstallMessageHandler takes a plain function, so the active capture has to be reachable
// from a static; messages may come from any thread, hence atomic.
std::atomic<LogCapture *> s_active{nullptr};
} // namespace

LogCapture::LogCapture()
{
    m_previousCapture = s_active.load();
    s_active.store(this);
    m_previousHandler = qInstallMessageHandler(&LogCapture::handler);
}

LogCapture::~LogCapture()
{
    qInstallMessageHandler(m_previousHandler);
    s_active.store(m_previousCapture);
}

void LogCapture::handler(QtMsgType type, const QMessageLogContext &context, const QString &text)
{
    const QString category = QString::fromUtf8(context.category ? context.category : "default");
    // Nested captures all record; only the handler outside every capture is chained to, as the
    // inner ones' "previous handler" is this very function.
    QtMessageHandler next = nullptr;
    for (LogCapture *capture = s_active.load(); capture; capture = capture->m_previousCapture) {
        QMutexLocker lock(&capture->m_mutex);
        capture->m_entries.append({type, category, text});
        next = capture->m_previousHandler;
    }
    if (next && next != &LogCapture::handler)
        next(type, context, text);
}

QList<LogCapture::Entry> LogCapture::entries() const
{
    QMutexLocker lock(&m_mutex);
    return m_entries;
}

QStringList LogCapture::messages() const
{
    QMutexLocker lock(&m_mutex);
    QStringList out;
    out.reserve(m_entries.size());
    for (const Entry &entry : m_entries)
        out << entry.category + QStringLiteral(": ") + entry.message;
    return out;
}

bool LogCapture::contains(const QString &needle) const
{
    QMutexLocker lock(&m_mutex);
    for (const Entry &entry : m_entries) {
        if (entry.message.contains(needle) || entry.category.contains(needle))
            return true;
    }
    return false;
}

qsizetype LogCapture::count() const
{
    QMutexLocker lock(&m_mutex);
    return m_entries.size();
}

void LogCapture::clear()
{
    QMutexLocker lock(&m_mutex);
    m_entries.clear();
}

} // namespace ocular::test
