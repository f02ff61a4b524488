#include "staleattachmentscanner.h"

#include "content/mediatype.h"
#include "referrers/cosigntags.h"
#include "referrers/fanoutjoin.h"
#include "registry/registryclient.h"

#include <QPointer>
#include <memory>

namespace ocular {

StaleAttachmentScanner::StaleAttachmentScanner(RegistryClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

StaleAttachmentScanner::~StaleAttachmentScanner()
{
    // The steps capture no pointer to this object; cancelling makes their callers hear
    // Cancelled rather than an answer from a service that is gone.
    const QList<RequestHandle> running = std::move(m_running);
    for (const RequestHandle &handle : running)
        handle.cancel();
}

RequestHandle StaleAttachmentScanner::scan(const QString &repository, const QStringList &tags,
                                           QObject *context, Callback done)
{
    auto join = FanOutJoin<ReferrerIssue>::create(std::move(done));
    auto finishOne = [join] { join->finishOne(); };

    for (const QString &tag : tags) {
        const auto parsed = cosigntags::parse(tag);
        if (!parsed || parsed->truncated)
            continue; // a truncated digest cannot be asked for
        const Digest subject = parsed->subject;
        join->expectOne();
        join->track(m_client->headManifest(
            repository, subject.toString(), context,
            [join, finishOne, tag, subject](Result<ManifestHead> head) {
                if (!head.ok() && head.error().kind == ErrorKind::NotFound)
                    join->results().append(ReferrerIssue{
                        ReferrerIssue::Kind::StaleSubject, subject, tag,
                        QStringLiteral("The tag %1 is attached to %2, which no longer exists.")
                            .arg(tag, subject.shortForm())});
                finishOne();
            }));
        if (!parsed->kind) {
            join->expectOne();
            join->track(m_client->getManifest(
                repository, tag, context,
                [join, finishOne, tag, subject](Result<FetchedManifest> fetched) {
                    if (fetched.ok() && !fetched->manifest.isIndex())
                        join->results().append(ReferrerIssue{
                            ReferrerIssue::Kind::FallbackNotIndex, subject, tag,
                            QStringLiteral("The fallback tag %1 holds a %2, not an index.")
                                .arg(tag, mediatype::describe(fetched->manifest.mediaType()))});
                    else if (!fetched.ok() && fetched.error().kind == ErrorKind::InvalidContent)
                        join->results().append(ReferrerIssue{ReferrerIssue::Kind::FallbackNotIndex,
                                                             subject, tag,
                                                             fetched.error().message});
                    finishOne();
                }));
        }
    }
    join->startedAll(context);
    m_running.append(join->handle());
    return join->handle();
}

} // namespace ocular
