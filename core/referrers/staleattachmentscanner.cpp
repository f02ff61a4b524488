#include "staleattachmentscanner.h"

#include "content/mediatype.h"
#include "referrers/cosigntags.h"
#include "registry/registryclient.h"

#include <QPointer>
#include <memory>

namespace ocular {

StaleAttachmentScanner::StaleAttachmentScanner(RegistryClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

RequestHandle StaleAttachmentScanner::scan(const QString &repository, const QStringList &tags,
                                           QObject *context, Callback done)
{
    struct State
    {
        QList<ReferrerIssue> issues;
        int pending = 1;
        QList<RequestHandle> handles;
        Callback done;
        bool finished = false;
    };
    auto state = std::make_shared<State>();
    state->done = std::move(done);
    RequestHandle outer;
    std::weak_ptr<State> weak = state;
    outer.setAbort([weak] {
        if (auto s = weak.lock()) {
            const QList<RequestHandle> handles = s->handles;
            for (const RequestHandle &h : handles)
                h.cancel();
        }
    });
    auto finishOne = [state, outer] {
        if (--state->pending > 0 || state->finished)
            return;
        state->finished = true;
        if (outer.isCancelled())
            return state->done(Error::make(ErrorKind::Cancelled, QStringLiteral("Cancelled.")));
        state->done(state->issues);
    };
    auto issue = [](ReferrerIssue::Kind kind, const Digest &digest, const QString &tag,
                    const QString &message) {
        ReferrerIssue i;
        i.kind = kind;
        i.digest = digest;
        i.tag = tag;
        i.message = message;
        return i;
    };

    for (const QString &tag : tags) {
        const auto parsed = cosigntags::parse(tag);
        if (!parsed)
            continue;
        const Digest subject = parsed->subject;
        ++state->pending;
        state->handles.append(m_client->headManifest(
            repository, subject.toString(), context,
            [state, finishOne, issue, tag, subject](Result<ManifestHead> head) {
                if (!head.ok() && head.error().kind == ErrorKind::NotFound)
                    state->issues.append(issue(
                        ReferrerIssue::Kind::StaleSubject, subject, tag,
                        QStringLiteral("The tag %1 is attached to %2, which no longer exists.")
                            .arg(tag, subject.shortForm())));
                finishOne();
            }));
        if (!parsed->kind) {
            ++state->pending;
            state->handles.append(m_client->getManifest(
                repository, tag, context,
                [state, finishOne, issue, tag, subject](Result<FetchedManifest> fetched) {
                    if (fetched.ok() && !fetched->manifest.isIndex())
                        state->issues.append(issue(
                            ReferrerIssue::Kind::FallbackNotIndex, subject, tag,
                            QStringLiteral("The fallback tag %1 holds a %2, not an index.")
                                .arg(tag, mediatype::describe(fetched->manifest.mediaType()))));
                    else if (!fetched.ok() && fetched.error().kind == ErrorKind::InvalidContent)
                        state->issues.append(issue(ReferrerIssue::Kind::FallbackNotIndex, subject,
                                                   tag, fetched.error().message));
                    finishOne();
                }));
        }
    }
    QMetaObject::invokeMethod(context, finishOne, Qt::QueuedConnection);
    return outer;
}

} // namespace ocular
