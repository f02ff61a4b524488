#pragma once

#include <QFile>
#include <QIODevice>

namespace ocular {

/// A read-only view of `length` bytes of a file from `offset`, as an upload body: Qt reads it
/// in small pieces while sending, so a chunk of a 2 GiB blob never sits in memory. Random
/// access (Qt rewinds it when a request is re-sent after a redirect or an auth round).
class FileWindow : public QIODevice
{
    Q_OBJECT
public:
    FileWindow(const QString &path, qint64 offset, qint64 length, QObject *parent = nullptr);

    /// Opens the file and checks that the window lies inside it.
    bool open(OpenMode mode) override;
    void close() override;
    bool isSequential() const override { return false; }
    qint64 size() const override { return m_length; }
    bool seek(qint64 position) override;
    bool atEnd() const override { return pos() >= m_length; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QFile m_file;
    qint64 m_offset;
    qint64 m_length;
};

} // namespace ocular
