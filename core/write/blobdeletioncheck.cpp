#include "blobdeletioncheck.h"

#include "async/asynctask.h"
#include "inventory/repositoryinventorybuilder.h"
#include "source/contentsource.h"

namespace ocular {

BlobDeletionCheck::BlobDeletionCheck(ContentSource *source, QObject *parent)
    : QObject(parent)
    , m_source(source)
{}

RequestHandle BlobDeletionCheck::check(const QString &repository, const Digest &blob,
                                       QObject *context, async::Callback<BlobUsage> done)
{
    if (!m_source) {
        async::deliverLater(context, [done] {
            done(Error::cancelled(QStringLiteral("The content source went away.")));
        });
        return RequestHandle();
    }
    // Parented to this check, deleted once it answered: it cannot outlive the check's users.
    auto *builder = new RepositoryInventoryBuilder(m_source, this);
    return builder->build(repository, RepositoryInventoryBuilder::Options{}, context,
                          [builder, blob, done](Result<RepositoryInventory> inventory) {
                              builder->deleteLater();
                              if (!inventory)
                                  return done(inventory.error());
                              // A pure pass over the manifests read; no request of its own.
                              done(BlobUsage::of(inventory.value(), blob));
                          });
}

} // namespace ocular
