#pragma once

#include "source/blobsink.h"

#include <QSaveFile>
#include <memory>

namespace ocular {

/// Writes a blob to a file through a temporary: the file appears under its name only when the
/// blob verified (commit), so a failed or tampered download never leaves a partial file.
class FileBlobSink : public BlobSink
{
public:
    explicit FileBlobSink(const QString &path);

    bool write(QByteArrayView bytes) override;
    Result<Done> commit() override;
    void discard() override;
    qint64 written() const override { return m_written; }

    QString path() const { return m_path; }

private:
    QString m_path;
    std::unique_ptr<QSaveFile> m_file;
    qint64 m_written = 0;
    bool m_failed = false;
};

} // namespace ocular
