#include "tagger.h"

#include "async/guardedstep.h"
#include "async/sequence.h"
#include "reference/reference.h"
#include "source/contentsource.h"

#include <memory>

namespace ocular {

QString TagOutcome::toText() const
{
    if (moved())
        return QStringLiteral("%1:%2 moved from %3 to %4")
            .arg(repository, tag, previous.toString(), digest.toString());
    if (previous.isValid())
        return QStringLiteral("%1:%2 already named %3; written again")
            .arg(repository, tag, digest.toString());
    return QStringLiteral("%1:%2 now names %3").arg(repository, tag, digest.toString());
}

Tagger::Tagger(ContentSource *source, QObject *parent)
    : QObject(parent)
    , m_source(source)
{}

RequestHandle Tagger::tag(const QString &repository, const QString &identifier,
                          const QString &newTag, const Options &options, QObject *context,
                          async::Callback<TagOutcome> done)
{
    if (!Reference::isValidTag(newTag)) {
        async::deliverLater(context, [done, newTag] {
            done(Error::make(ErrorKind::InvalidInput,
                             QStringLiteral("\"%1\" is not a valid tag (letters, digits, '_', "
                                            "'.' and '-', at most 128, not starting with '.' "
                                            "or '-').")
                                 .arg(newTag.left(200))));
        });
        return RequestHandle();
    }
    struct Job
    {
        TagOutcome outcome;
        QByteArray raw;
    };
    auto job = std::make_shared<Job>();
    job->outcome.repository = repository;
    job->outcome.tag = newTag;
    QPointer<Tagger> self(this);
    // Each step runs only while this tagger and its source are alive.
    const auto liveSource = [self] { return self ? self->m_source.data() : nullptr; };
    QList<async::Task<Done>> steps{
        async::guardedStep(
            liveSource,
            [self, job, repository, identifier](ContentSource *source, async::Callback<Done> next) {
                return source->rawManifest(repository, identifier, self,
                                           [job, next](Result<RawManifest> raw) {
                                               if (!raw.ok())
                                                   return next(raw.error());
                                               job->raw = raw->raw;
                                               job->outcome.digest = raw->digest;
                                               job->outcome.mediaType = raw->mediaType;
                                               next(Done{});
                                           });
            }),
        async::guardedStep(
            liveSource,
            [self, job, repository, newTag, options](ContentSource *source,
                                                     async::Callback<Done> next) {
                return source->resolve(
                    repository, newTag, self,
                    [job, next, newTag, options](Result<ResolvedReference> resolved) {
                        if (!resolved.ok()) {
                            if (resolved.error().kind == ErrorKind::NotFound)
                                return next(Done{});
                            return next(resolved.error());
                        }
                        job->outcome.previous = resolved->descriptor.digest;
                        if (!options.allowMove && job->outcome.moved())
                            return next(Error::make(
                                ErrorKind::PreconditionFailed,
                                QStringLiteral("The tag %1 already names %2; adding it here moves "
                                               "it away from that manifest.")
                                    .arg(newTag, job->outcome.previous.toString())));
                        next(Done{});
                    });
            }),
        async::guardedStep(
            liveSource,
            [self, job, repository, newTag](ContentSource *source, async::Callback<Done> next) {
                return source->pushManifest(
                    repository, newTag, job->raw, job->outcome.mediaType, self,
                    [job, next](Result<PushedContent> pushed) {
                        if (!pushed.ok())
                            return next(pushed.error());
                        if (pushed->digest.isValid() && pushed->digest != job->outcome.digest)
                            return next(Error::make(
                                ErrorKind::DigestMismatch,
                                QStringLiteral("The registry stored the manifest as %1, not as %2: "
                                               "it changed the bytes on the way.")
                                    .arg(pushed->digest.toString(),
                                         job->outcome.digest.toString())));
                        next(Done{});
                    });
            }),
    };
    return async::sequence(context, steps, [job, done](Result<Done> result) {
        if (!result.ok())
            return done(result.error());
        done(job->outcome);
    });
}

} // namespace ocular
