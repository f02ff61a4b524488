#pragma once

#include "inventory/blobusage.h"
#include "reference/reference.h"

#include <QObject>

namespace ocular {

class ContentSource;

/// `ocular-cli delete REPO@DIGEST --blob`: checks which manifests of the repository use the
/// blob (BlobDeletionCheck), refuses while any does unless forced, asks (or takes --yes), then
/// deletes it and says that the storage comes back only with the garbage collector. Ends the
/// event loop with the exit code: 0 deleted (or a dry run), 1 refused or failed (nothing
/// changed), 2 unconfirmed without a terminal.
class BlobDeleteCommand : public QObject
{
    Q_OBJECT
public:
    struct Flags
    {
        bool dryRun = false;
        bool yes = false;
        bool force = false;
        bool json = false;
    };

    /// `source` is not owned; `reference` has a digest.
    BlobDeleteCommand(ContentSource *source, const Reference &reference, const Flags &flags,
                      QObject *parent = nullptr);

    void start();

private:
    void checked(const BlobUsage &usage);
    bool confirmed(const BlobUsage &usage, bool *noTerminal);
    void execute(const BlobUsage &usage);
    void fail(const QString &message);
    void finish(int code);

    ContentSource *m_source;
    Reference m_reference;
    Flags m_flags;
};

} // namespace ocular
