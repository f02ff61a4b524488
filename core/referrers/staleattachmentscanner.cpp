#include "staleattachmentscanner.h"

#include "async/boundedpool.h"
#include "content/mediatype.h"
#include "referrers/cosigntags.h"
#include "source/contentsource.h"

#include <memory>

namespace ocular {

StaleAttachmentScanner::StaleAttachmentScanner(ContentSource *source, QObject *parent)
    : QObject(parent)
    , m_source(source)
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
    using Found = QList<ReferrerIssue>; // none or one issue per check
    QList<async::Task<Found>> checks;
    const QPointer<ContentSource> source = m_source;
    auto gone = [context](const async::Callback<Found> &answer) {
        async::deliverLater(context, [answer] {
            answer(Error::cancelled(QStringLiteral("The content source went away.")));
        });
        return RequestHandle();
    };
    for (const QString &tag : tags) {
        const auto parsed = cosigntags::parse(tag);
        if (!parsed || parsed->truncated)
            continue; // a truncated digest cannot be asked for
        const Digest subject = parsed->subject;
        checks.append([source, gone, repository, tag, subject,
                       context](async::Callback<Found> answer) {
            if (!source)
                return gone(answer);
            return source->resolve(
                repository, subject.toString(), context,
                [answer, tag, subject](Result<ResolvedReference> resolved) {
                    if (!resolved.ok() && resolved.error().kind == ErrorKind::NotFound)
                        return answer(Found{ReferrerIssue{
                            ReferrerIssue::Kind::StaleSubject, subject, tag,
                            QStringLiteral("The tag %1 is attached to %2, which no longer exists.")
                                .arg(tag, subject.shortForm())}});
                    answer(Found{});
                });
        });
        if (parsed->kind)
            continue; // a cosign tag: what it holds is cosign's business
        checks.append([source, gone, repository, tag, subject,
                       context](async::Callback<Found> answer) {
            if (!source)
                return gone(answer);
            return source->manifest(
                repository, tag, context, [answer, tag, subject](Result<SourceManifest> fetched) {
                    if (fetched.ok() && !fetched->manifest.isIndex())
                        return answer(Found{ReferrerIssue{
                            ReferrerIssue::Kind::FallbackNotIndex, subject, tag,
                            QStringLiteral("The fallback tag %1 holds a %2, not an index.")
                                .arg(tag, mediatype::describe(fetched->manifest.mediaType()))}});
                    if (!fetched.ok() && fetched.error().kind == ErrorKind::InvalidContent)
                        return answer(Found{ReferrerIssue{ReferrerIssue::Kind::FallbackNotIndex,
                                                          subject, tag, fetched.error().message}});
                    answer(Found{});
                });
        });
    }
    RequestHandle handle = async::join<Found>(
        context, std::move(checks), [done](Result<QList<Result<Found>>> results) {
            if (!results.ok())
                return done(results.error());
            // A check that failed otherwise (network, auth) found nothing to report.
            QList<ReferrerIssue> issues;
            for (const Result<Found> &found : results.value()) {
                if (found.ok())
                    issues += found.value();
            }
            done(issues);
        });
    m_running.append(handle);
    return handle;
}

} // namespace ocular
