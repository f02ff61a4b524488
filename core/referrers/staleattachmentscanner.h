#pragma once

#include "base/result.h"
#include "http/requesthandle.h"
#include "referrers/referrergraph.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <functional>

namespace ocular {

class ContentSource;

/// Finds attachments left behind in a repository: fallback and cosign tags whose subject no
/// longer exists, and fallback tags that do not hold an index (PROTOCOL §4, §6).
class StaleAttachmentScanner : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(Result<QList<ReferrerIssue>>)>;

    /// `source` is not owned.
    explicit StaleAttachmentScanner(ContentSource *source, QObject *parent = nullptr);
    /// Cancels the scans still running; their callers receive Cancelled.
    ~StaleAttachmentScanner() override;

    /// Checks every attachment-shaped tag in `tags` (the repository's tag list).
    RequestHandle scan(const QString &repository, const QStringList &tags, QObject *context,
                       Callback done);

private:
    QPointer<ContentSource> m_source;
    QList<RequestHandle> m_running;
};

} // namespace ocular
