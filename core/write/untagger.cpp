#include "untagger.h"

#include "async/guardedstep.h"
#include "async/sequence.h"
#include "content/manifestbuilder.h"
#include "content/mediatype.h"
#include "source/contentsource.h"

#include <QDateTime>
#include <QRandomGenerator>

namespace ocular {

struct Untagger::Job
{
    UntagOutcome outcome;
    Options options;
    bool finishedByTagDelete = false;
};

namespace {

QString randomNonce()
{
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QString::fromLatin1(bytes.toHex());
}

} // namespace

QString UntagOutcome::toText() const
{
    QString t;
    if (method == Method::TagDelete) {
        t = QStringLiteral("Removed the tag %1:%2 (the registry deleted the tag alone); %3 is "
                           "still there with any other tags.\n")
                .arg(repository, tag, formerDigest.toString());
    } else {
        t = QStringLiteral("The registry refused to delete the tag alone: %1\n"
                           "Removed the tag %2:%3 with a placeholder: pushed %4 to the tag, then "
                           "deleted it by digest. %5 is still there with any other tags.\n")
                .arg(tagDeleteRefusal, repository, tag, placeholder.toString(),
                     formerDigest.toString());
    }
    if (!note.isEmpty())
        t += note + QLatin1Char('\n');
    return t;
}

Untagger::Untagger(ContentSource *source, QObject *parent)
    : QObject(parent)
    , m_source(source)
{}

QString Untagger::placeholderArtifactType()
{
    return QStringLiteral("application/vnd.ocular.untag-placeholder.v1");
}

QString Untagger::placeholderNote()
{
    return QStringLiteral("Some registries (Docker Hub, Nexus) keep a placeholder deleted by "
                          "digest, or refuse to delete it; look for the artifact type %1 there.")
        .arg(placeholderArtifactType());
}

BuiltManifest Untagger::placeholderManifest(const QString &nonce, const QString &created)
{
    const ContentBlob &empty = ManifestBuilder::emptyConfig();
    const QJsonObject document{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), QString(mediatype::OciManifest)},
        {QStringLiteral("artifactType"), placeholderArtifactType()},
        {QStringLiteral("config"), empty.descriptorJson()},
        // One empty layer, as the image spec advises for content without layers: registries
        // that insist on at least one layer accept it.
        {QStringLiteral("layers"), QJsonArray{empty.descriptorJson()}},
        {QStringLiteral("annotations"),
         QJsonObject{{QStringLiteral("org.opencontainers.image.created"), created},
                     {QStringLiteral("org.opencontainers.image.description"),
                      QStringLiteral("Placeholder pushed by Ocular to remove a tag; safe to "
                                     "delete.")},
                     {QStringLiteral("dev.ocular.untag.nonce"), nonce}}}};
    // A document this small is always under the size cap.
    return ManifestBuilder().document(document, QString(mediatype::OciManifest), {empty}).value();
}

bool Untagger::isTagDeleteRefusal(const Error &error)
{
    return error.kind == ErrorKind::Unsupported || error.httpStatus == 400 ||
           error.httpStatus == 405;
}

RequestHandle Untagger::untag(const QString &repository, const QString &tag, const Options &options,
                              QObject *context, async::Callback<UntagOutcome> done)
{
    auto job = std::make_shared<Job>();
    job->options = options;
    job->outcome.repository = repository;
    job->outcome.tag = tag;
    if (ContentSource::isDigestReference(tag)) {
        async::deliverLater(context, [done, tag] {
            done(Error::make(ErrorKind::InvalidInput,
                             QStringLiteral("%1 is a digest, not a tag: untag removes one tag "
                                            "(delete removes a manifest).")
                                 .arg(tag)));
        });
        return RequestHandle();
    }
    QPointer<Untagger> self(this);
    // Each step runs only while this untagger and its source are alive.
    const auto liveSource = [self] { return self ? self->m_source.data() : nullptr; };
    QList<async::Task<Done>> steps{
        async::guardedStep(
            liveSource,
            [self, job, repository, tag](ContentSource *source, async::Callback<Done> next) {
                return source->resolve(repository, tag, self,
                                       [job, next](Result<ResolvedReference> resolved) {
                                           if (!resolved.ok())
                                               return next(resolved.error());
                                           job->outcome.formerDigest = resolved->descriptor.digest;
                                           next(Done{});
                                       });
            }),
        async::guardedStep(
            liveSource,
            [self, job, repository, tag](ContentSource *source, async::Callback<Done> next) {
                RequestHandle handle;
                handle.setCurrentStep(source->deleteManifest(
                    repository, tag, self,
                    [self, job, repository, tag, handle, next](Result<Done> r) {
                        if (r.ok()) {
                            job->outcome.method = UntagOutcome::Method::TagDelete;
                            job->finishedByTagDelete = true;
                            return next(Done{});
                        }
                        if (!isTagDeleteRefusal(r.error()))
                            return next(r.error());
                        if (!job->options.placeholder) {
                            if (job->options.refusalAsIs)
                                return next(r.error());
                            Error e = r.error();
                            e.message = QStringLiteral(
                                            "The registry does not delete a tag alone (it answered "
                                            "\"%1\"); nothing was changed. Deleting %2 by digest "
                                            "would remove every tag on it, so it is not done. The "
                                            "placeholder method (--placeholder) moves %3 onto a "
                                            "unique placeholder manifest and deletes that instead.")
                                            .arg(r.error().message,
                                                 job->outcome.formerDigest.toString(), tag);
                            return next(e);
                        }
                        job->outcome.tagDeleteRefusal = r.error().toString();
                        if (!self)
                            return next(Error::cancelled());
                        handle.setCurrentStep(self->viaPlaceholder(job, next));
                    }));
                return handle;
            }),
    };
    return async::sequence(context, steps, [job, done](Result<Done> result) {
        if (!result.ok())
            return done(result.error());
        done(job->outcome);
    });
}

RequestHandle Untagger::viaPlaceholder(const std::shared_ptr<Job> &job, async::Callback<Done> done)
{
    const QString repository = job->outcome.repository;
    const QString tag = job->outcome.tag;
    const BuiltManifest placeholder = placeholderManifest(
        randomNonce(), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    job->outcome.method = UntagOutcome::Method::Placeholder;
    job->outcome.placeholder = placeholder.digest;
    job->outcome.note = placeholderNote();
    QPointer<Untagger> self(this);
    // Each step runs only while this untagger and its source are alive.
    const auto liveSource = [self] { return self ? self->m_source.data() : nullptr; };
    QList<async::Task<Done>> steps{
        // The empty blob serves as config and layer; a registry checks both exist.
        async::guardedStep(liveSource,
                           [self, repository](ContentSource *source, async::Callback<Done> next) {
                               return source->pushBlob(repository,
                                                       ManifestBuilder::emptyConfig().bytes, self,
                                                       [next](Result<Digest> pushed) {
                                                           if (!pushed.ok())
                                                               return next(pushed.error());
                                                           next(Done{});
                                                       });
                           }),
        async::guardedStep(
            liveSource,
            [self, repository, tag, placeholder](ContentSource *source,
                                                 async::Callback<Done> next) {
                return source->pushManifest(
                    repository, tag, placeholder.raw, placeholder.mediaType, self,
                    [next, tag](Result<PushedContent> pushed) {
                        if (!pushed.ok()) {
                            Error e = pushed.error();
                            e.message = QStringLiteral("The placeholder could not be pushed to %1; "
                                                       "nothing was changed: %2")
                                            .arg(tag, e.message);
                            return next(e);
                        }
                        next(Done{});
                    });
            }),
        // Delete only what this run made: the tag must name the placeholder now (another
        // client may have moved it meanwhile), and the placeholder is never the old manifest.
        async::guardedStep(
            liveSource,
            [self, job, repository, tag, placeholder](ContentSource *source,
                                                      async::Callback<Done> next) {
                return source->resolve(
                    repository, tag, self,
                    [job, tag, placeholder, next](Result<ResolvedReference> r) {
                        if (!r.ok())
                            return next(r.error());
                        if (r->descriptor.digest != placeholder.digest ||
                            placeholder.digest == job->outcome.formerDigest)
                            return next(Error::make(
                                ErrorKind::Refused,
                                QStringLiteral("After the placeholder push, %1 names %2 instead of "
                                               "the placeholder %3 (another client moved it): "
                                               "nothing is deleted. The placeholder is left in the "
                                               "repository.")
                                    .arg(tag, r->descriptor.digest.toString(),
                                         placeholder.digest.toString())));
                        next(Done{});
                    });
            }),
        async::guardedStep(
            liveSource,
            [self, repository, tag, placeholder](ContentSource *source,
                                                 async::Callback<Done> next) {
                return source->deleteManifest(
                    repository, placeholder.digest.toString(), self,
                    [next, tag, placeholder](Result<Done> deleted) {
                        if (!deleted.ok()) {
                            Error e = deleted.error();
                            e.message = QStringLiteral("%1 now names the placeholder %2, which the "
                                                       "registry refused to delete: %3")
                                            .arg(tag, placeholder.digest.toString(), e.message);
                            return next(e);
                        }
                        next(Done{});
                    });
            }),
    };
    return async::sequence(this, steps, std::move(done));
}

} // namespace ocular
