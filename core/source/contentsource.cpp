#include "contentsource.h"

#include "source/memoryblobsink.h"

namespace ocular {

RequestHandle ContentSource::collectNames(QObject *context, int maxPages, PageRequest request,
                                          Callback<NameListing> done,
                                          std::function<void(const QStringList &)> progress)
{
    using Page = async::Page<QString, PageCursor>;
    auto rejected = std::make_shared<QList<RejectedName>>();
    return async::collectPages<QString, PageCursor>(
        context, PageCursor::start(), maxPages,
        [request, rejected](const PageCursor &cursor, Callback<Page> page) {
            return request(cursor, [rejected, page](Result<NamePage> names) {
                if (!names.ok())
                    return page(names.error());
                *rejected += names->rejected;
                page(Page{names->items, names->next});
            });
        },
        [rejected, done](Result<async::Collected<QString>> collected) {
            if (!collected.ok())
                return done(collected.error());
            NameListing listing;
            static_cast<async::Collected<QString> &>(listing) = std::move(collected.value());
            listing.rejected = *rejected;
            done(listing);
        },
        std::move(progress));
}

RequestHandle ContentSource::allTags(const QString &repository, int maxPages, QObject *context,
                                     Callback<NameListing> done,
                                     std::function<void(const QStringList &)> progress)
{
    QPointer<ContentSource> self(this);
    return collectNames(
        context, maxPages,
        [self, repository, context](const PageCursor &cursor, Callback<NamePage> page) {
            if (!self) {
                async::deliverLater(context, [page] {
                    page(Error::cancelled(QStringLiteral("The content source went away.")));
                });
                return RequestHandle();
            }
            return self->tags(repository, cursor, 1000, context, std::move(page));
        },
        std::move(done), std::move(progress));
}

RequestHandle ContentSource::allRepositories(int maxPages, QObject *context,
                                             Callback<NameListing> done)
{
    QPointer<ContentSource> self(this);
    return collectNames(
        context, maxPages,
        [self, context](const PageCursor &cursor, Callback<NamePage> page) {
            if (!self) {
                async::deliverLater(context, [page] {
                    page(Error::cancelled(QStringLiteral("The content source went away.")));
                });
                return RequestHandle();
            }
            return self->repositories(cursor, 1000, context, std::move(page));
        },
        std::move(done), {});
}

RequestHandle ContentSource::pushBlob(const QString &repository, const QByteArray &bytes,
                                      QObject *context, Callback<Digest> done)
{
    return uploadBlob(repository, BlobPayload::fromBytes(bytes), BlobUploadOptions{}, context,
                      [done](Result<BlobUploadResult> uploaded) {
                          if (!uploaded.ok())
                              return done(uploaded.error());
                          done(uploaded->digest);
                      });
}

RequestHandle ContentSource::blobBytes(const QString &repository, const Digest &digest,
                                       qint64 maxBytes, QObject *context,
                                       Callback<QByteArray> done)
{
    auto sink = std::make_shared<MemoryBlobSink>(maxBytes);
    return blob(repository, digest, sink, maxBytes, context,
                [sink, done](Result<BlobReceipt> receipt) {
                    if (!receipt.ok())
                        return done(receipt.error());
                    done(sink->bytes());
                });
}

bool ContentSource::isDigestReference(const QString &reference)
{
    return Digest::parse(reference).ok();
}

} // namespace ocular
