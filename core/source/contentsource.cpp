#include "contentsource.h"

namespace ocular {

RequestHandle ContentSource::allTags(const QString &repository, int maxPages, QObject *context,
                                     Callback<async::Collected<QString>> done,
                                     std::function<void(const QStringList &)> progress)
{
    QPointer<ContentSource> self(this);
    return async::collectPages<QString, PageCursor>(
        context, PageCursor::start(), maxPages,
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
                                             Callback<async::Collected<QString>> done)
{
    QPointer<ContentSource> self(this);
    return async::collectPages<QString, PageCursor>(
        context, PageCursor::start(), maxPages,
        [self, context](const PageCursor &cursor, Callback<NamePage> page) {
            if (!self) {
                async::deliverLater(context, [page] {
                    page(Error::cancelled(QStringLiteral("The content source went away.")));
                });
                return RequestHandle();
            }
            return self->repositories(cursor, 1000, context, std::move(page));
        },
        std::move(done));
}

bool ContentSource::isDigestReference(const QString &reference)
{
    return Digest::parse(reference).ok();
}

} // namespace ocular
