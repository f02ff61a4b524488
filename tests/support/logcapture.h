#pragma once

#include <QByteArray>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace ocular::test {

/// Records every Qt message (qDebug ... qFatal, all categories, all threads) while alive, and
/// still passes each to the handler that was installed before (so QTest::ignoreMessage and
/// normal output keep working). Lets a test assert that a canary secret never reaches a log.
/// Captures nest: the innermost one is active and restores its predecessor when destroyed.
class LogCapture
{
public:
    /// One recorded message.
    struct Entry
    {
        QtMsgType type;
        QString category;
        QString message;
    };

    LogCapture();
    ~LogCapture();
    LogCapture(const LogCapture &) = delete;
    LogCapture &operator=(const LogCapture &) = delete;

    QList<Entry> entries() const;
    /// Every message as "category: text", in order.
    QStringList messages() const;
    /// Whether any message (or category name) contains @p needle, case-sensitively.
    bool contains(const QString &needle) const;
    bool contains(const QByteArray &needle) const { return contains(QString::fromUtf8(needle)); }
    qsizetype count() const;
    void clear();

private:
    static void handler(QtMsgType type, const QMessageLogContext &context, const QString &text);

    mutable QMutex m_mutex;
    QList<Entry> m_entries;
    QtMessageHandler m_previousHandler = nullptr;
    LogCapture *m_previousCapture = nullptr;
};

} // namespace ocular::test
