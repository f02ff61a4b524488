#pragma once

#include "async/asynctask.h"
#include "inventory/blobusage.h"

#include <QObject>
#include <QPointer>

namespace ocular {

class ContentSource;

/// Reads a repository's inventory and says which of its manifests use a blob (BlobUsage),
/// before a blob delete: the same check for the CLI and, later, the GUI. The answer arrives on
/// the caller's context; cancelling the handle stops the read. A check destroyed while it
/// reads delivers nothing (like RepositoryInventoryBuilder).
class BlobDeletionCheck : public QObject
{
    Q_OBJECT
public:
    explicit BlobDeletionCheck(ContentSource *source, QObject *parent = nullptr);

    RequestHandle check(const QString &repository, const Digest &blob, QObject *context,
                        async::Callback<BlobUsage> done);

private:
    QPointer<ContentSource> m_source;
};

} // namespace ocular
