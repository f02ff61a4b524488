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
                          [builder, repository, blob, done](Result<RepositoryInventory> inventory) {
                              builder->deleteLater();
                              if (!inventory) {
                                  // docker-registry knows a repository by its manifests: one
                                  // holding only uploaded blobs lists no tags (NAME_UNKNOWN),
                                  // and no manifest there can use the blob.
                                  const Error &error = inventory.error();
                                  if (error.kind != ErrorKind::NotFound ||
                                      !error.registryCodes.contains(QLatin1String("NAME_UNKNOWN")))
                                      return done(error);
                                  RepositoryInventory empty;
                                  empty.repository = repository;
                                  BlobUsage usage = BlobUsage::of(empty, blob);
                                  usage.caveats.prepend(QStringLiteral(
                                      "The registry lists no tags for this repository "
                                      "(NAME_UNKNOWN): it holds no tagged manifest."));
                                  return done(usage);
                              }
                              // A pure pass over the manifests read; no request of its own.
                              done(BlobUsage::of(inventory.value(), blob));
                          });
}

} // namespace ocular
