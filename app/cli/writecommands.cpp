#include "writecommands.h"

#include "activity/activityrecords.h"
#include "activityrecord.h"
#include "clioutput.h"
#include "content/filemediatype.h"
#include "layout/ocilayoutreference.h"
#include "reference/nametext.h"
#include "source/contentsource.h"
#include "source/ocilayoutsource.h"
#include "stack/registrystack.h"
#include "write/artifactpusher.h"
#include "write/contentcopier.h"
#include "write/tagger.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

namespace ocular {

using clioutput::err;
using clioutput::Program;

namespace {

/// `FILE[:MEDIATYPE]`: the media type is what follows the last colon when it looks like one
/// (type/subtype), so a path with a colon in it still works.
std::pair<QString, QString> splitFileArgument(const QString &argument)
{
    const int colon = int(argument.lastIndexOf(QLatin1Char(':')));
    if (colon > 0) {
        const QString type = argument.mid(colon + 1);
        if (type.contains(QLatin1Char('/')) && !type.contains(QLatin1Char(' ')))
            return {argument.left(colon), type};
    }
    return {argument, QString()};
}

QString routeSummary(const ArtifactPushResult &result)
{
    QStringList parts;
    for (const BlobUploadResult &blob : result.blobs)
        parts.append(
            QStringLiteral("%1 %2").arg(blob.digest.shortForm(), blobUploadRouteName(blob)));
    return parts.join(QStringLiteral("; "));
}

} // namespace

WriteCommands::WriteCommands(StackFactory stackFor, QObject *parent)
    : QObject(parent)
    , m_stackFor(std::move(stackFor))
{}

void WriteCommands::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        QCommandLineOption(QStringLiteral("annotation"), QStringLiteral("Manifest annotation."),
                           QStringLiteral("key=value")),
        QCommandLineOption(QStringLiteral("subject"), QStringLiteral("Subject digest."),
                           QStringLiteral("digest")),
        QCommandLineOption(QStringLiteral("keep-old-index"),
                           QStringLiteral("Keep the replaced fallback index.")),
        QCommandLineOption(QStringLiteral("referrers"), QStringLiteral("Copy referrers too.")),
    });
}

bool WriteCommands::handles(const QString &command)
{
    return command == QLatin1String("push") || command == QLatin1String("attach") ||
           command == QLatin1String("tag") || command == QLatin1String("copy");
}

QString WriteCommands::helpText()
{
    return QStringLiteral(
        "Writing:\n"
        "  push REPO[:TAG] FILE[:MEDIATYPE]... --artifact-type T [--annotation K=V]...\n"
        "       [--subject DIGEST]\n"
        "                        push files as an OCI artifact (an image manifest with\n"
        "                        artifactType and the empty config); prints its digest last\n"
        "  attach REF FILE[:MEDIATYPE]... --artifact-type T [--annotation K=V]...\n"
        "                        push an artifact whose subject is REF; says on stderr whether\n"
        "                        the referrers API recorded it or the fallback tag was updated\n"
        "  tag REF NEWTAG        point NEWTAG at REF's manifest (its exact bytes)\n"
        "  copy SRC DST [--referrers] [--keep-old-index]\n"
        "                        copy an image, index or artifact byte for byte (digests kept,\n"
        "                        blobs mounted within a registry); DST is REPO[:TAG] on any\n"
        "                        registry (SRC's tag when none); --referrers copies what refers\n"
        "                        to it too, recursively, keeping DST's fallback tags\n"
        "                        SRC or DST may be an OCI layout, oci:DIR[:TAG|@DIGEST] (the\n"
        "                        tag follows the last ':' after the last '/'); push, attach\n"
        "                        and tag write into a layout the same way\n"
        "  --keep-old-index      attach/push --subject, copy --referrers: keep the fallback\n"
        "                        index an update replaced (deleted by default; it is untagged)\n"
        "Media types are guessed from file names (.spdx.json, .cdx.json, .intoto.jsonl, ...)\n"
        "unless given after the last colon.\n");
}

int WriteCommands::start(const QString &command, const QStringList &arguments,
                         const QCommandLineParser &parser)
{
    m_command = command;
    m_artifactType = parser.value(QStringLiteral("artifact-type"));
    m_annotations = parser.values(QStringLiteral("annotation"));
    m_subject = parser.value(QStringLiteral("subject"));
    m_keepOldIndex = parser.isSet(QStringLiteral("keep-old-index"));
    m_withReferrers = parser.isSet(QStringLiteral("referrers"));
    if (command == QLatin1String("push"))
        return runPush(arguments);
    if (command == QLatin1String("attach"))
        return runAttach(arguments);
    if (command == QLatin1String("copy"))
        return runCopy(arguments);
    return runTag(arguments);
}

Result<Reference> WriteCommands::parseTarget(const QString &text, bool digestAllowed)
{
    if (const QString hostOnly = Reference::hostOnlyProblem(text); !hostOnly.isEmpty())
        return Error::make(ErrorKind::InvalidInput, hostOnly);
    auto ref = Reference::parse(text);
    if (!ref)
        return ref.error();
    if (!digestAllowed && ref->hasDigest())
        return Error::make(ErrorKind::InvalidInput,
                           QStringLiteral("a digest cannot be pushed to; give REPO or REPO:TAG"));
    return ref;
}

std::optional<WriteCommands::WriteTarget>
WriteCommands::writeTarget(const QString &text, bool digestAllowed, int &exitCode)
{
    const QString shown = nametext::printable(text, 200);
    if (OciLayoutReference::matches(text)) {
        const auto layout = OciLayoutReference::parse(text);
        if (!layout) {
            exitCode =
                usage(QStringLiteral("%1 %2: %3").arg(m_command, shown, layout.error().message));
            return std::nullopt;
        }
        if (!digestAllowed && layout->digest.isValid()) {
            exitCode = usage(QStringLiteral("%1 %2: a digest cannot be pushed to; give oci:DIR or "
                                            "oci:DIR:TAG")
                                 .arg(m_command, shown));
            return std::nullopt;
        }
        auto *source = new OciLayoutSource(layout->directory, {}, this);
        // The layout is one repository; a host is needed only to make a Reference.
        const auto ref = Reference::fromParts(QStringLiteral("localhost"), source->repositoryName(),
                                              layout->tag, layout->digest);
        if (!ref) {
            exitCode =
                usage(QStringLiteral("%1 %2: %3").arg(m_command, shown, ref.error().message));
            return std::nullopt;
        }
        return WriteTarget{source, ref.value(), source->displayName()};
    }
    const auto ref = parseTarget(text, digestAllowed);
    if (!ref) {
        exitCode = usage(QStringLiteral("%1 %2: %3").arg(m_command, shown, ref.error().message));
        return std::nullopt;
    }
    RegistryStack *stack = m_stackFor(ref->registry());
    if (!stack || !stack->source()) {
        exitCode = 2;
        return std::nullopt;
    }
    return WriteTarget{stack->source(), ref.value(), ref->registry()};
}

bool WriteCommands::takeFiles(const QStringList &arguments, ArtifactRequest &request)
{
    if (arguments.isEmpty()) {
        usage(QStringLiteral("%1 needs at least one FILE").arg(m_command));
        return false;
    }
    for (const QString &argument : arguments) {
        auto [path, mediaType] = splitFileArgument(argument);
        if (!QFileInfo(path).isFile()) {
            usage(QStringLiteral("%1: %2 is not a readable file")
                      .arg(m_command, nametext::printable(path, 300)));
            return false;
        }
        ArtifactFile file;
        file.path = path;
        file.mediaType = mediaType.isEmpty() ? guessFileMediaType(path) : mediaType;
        request.files.append(file);
    }
    for (const QString &pair : m_annotations) {
        const int equals = int(pair.indexOf(QLatin1Char('=')));
        if (equals <= 0) {
            usage(QStringLiteral("--annotation needs KEY=VALUE, got \"%1\"")
                      .arg(nametext::printable(pair, 200)));
            return false;
        }
        request.annotations.insert(pair.left(equals), pair.mid(equals + 1));
    }
    if (m_artifactType.isEmpty()) {
        usage(QStringLiteral("%1 needs --artifact-type").arg(m_command));
        return false;
    }
    request.artifactType = m_artifactType;
    request.deleteReplacedIndex = !m_keepOldIndex;
    return true;
}

int WriteCommands::runPush(const QStringList &arguments)
{
    if (arguments.isEmpty())
        return usage(QStringLiteral("push needs REPO[:TAG] and at least one FILE"));
    int exitCode = 2;
    const auto target = writeTarget(arguments.first(), false, exitCode);
    if (!target)
        return exitCode;
    ArtifactRequest request;
    request.repository = target->reference.repository();
    request.tag = target->reference.tag();
    if (!takeFiles(arguments.mid(1), request))
        return 2;
    std::optional<Digest> subject;
    if (!m_subject.isEmpty()) {
        const auto digest = Digest::parse(m_subject);
        if (!digest)
            return usage(
                QStringLiteral("--subject needs a digest: %1").arg(digest.error().message));
        subject = digest.value();
    }
    ContentSource *source = target->source;
    const QString registry = target->registry;
    if (!subject) {
        pushArtifact(source, registry, request);
        return -1;
    }
    withSubject(source, target->reference.withoutTag().withDigest(*subject),
                [this, source, registry, request](Descriptor descriptor) mutable {
                    request.subject = descriptor;
                    pushArtifact(source, registry, request);
                });
    return -1;
}

int WriteCommands::runAttach(const QStringList &arguments)
{
    if (arguments.isEmpty())
        return usage(QStringLiteral("attach needs REF and at least one FILE"));
    if (!m_subject.isEmpty())
        return usage(QStringLiteral("attach takes its subject from REF; --subject is for push"));
    int exitCode = 2;
    const auto subject = writeTarget(arguments.first(), true, exitCode);
    if (!subject)
        return exitCode;
    ArtifactRequest request;
    request.repository = subject->reference.repository();
    if (!takeFiles(arguments.mid(1), request))
        return 2;
    ContentSource *source = subject->source;
    withSubject(
        source, subject->reference,
        [this, source, registry = subject->registry, request](Descriptor descriptor) mutable {
            request.subject = descriptor;
            pushArtifact(source, registry, request);
        });
    return -1;
}

void WriteCommands::withSubject(ContentSource *source, const Reference &ref,
                                std::function<void(Descriptor)> then)
{
    // The subject's descriptor must be exact (a referrer names it by digest and size), so the
    // manifest is read and hashed here rather than taken from a HEAD.
    source->rawManifest(
        ref.repository(), ref.identifier(), this, [this, ref, then](Result<RawManifest> raw) {
            if (!raw)
                return fail(QStringLiteral("subject %1").arg(ref.toString()), raw.error());
            Descriptor subject;
            subject.mediaType = raw->mediaType;
            subject.digest = raw->digest;
            subject.size = raw->raw.size();
            then(subject);
        });
}

void WriteCommands::pushArtifact(ContentSource *source, const QString &registry,
                                 const ArtifactRequest &request)
{
    auto *pusher = new ArtifactPusher(source, this);
    pusher->prepare(
        request, this, [this, pusher, registry, request](Result<PreparedArtifact> prepared) {
            if (!prepared)
                return fail(m_command, prepared.error());
            const PreparedArtifact artifact = prepared.value();
            err(QStringLiteral("%1: %2: manifest %3 (%4 bytes, %5 file(s))")
                    .arg(QLatin1String(Program), m_command, artifact.manifest.digest.toString())
                    .arg(artifact.manifest.size())
                    .arg(artifact.request.files.size()));
            pusher->push(
                artifact, this, [this, registry, request](Result<ArtifactPushResult> pushed) {
                    if (!pushed)
                        return fail(m_command, pushed.error());
                    activityrecord::record(
                        activityrecords::pushed(m_command, registry, request, pushed.value()));
                    err(QStringLiteral("%1: %2: blobs: %3")
                            .arg(QLatin1String(Program), m_command, routeSummary(pushed.value())));
                    if (request.subject) {
                        QString how;
                        if (pushed->subjectRecorded)
                            how = QStringLiteral(
                                "referrers: the registry's referrers API recorded the "
                                "subject (OCI-Subject); no fallback tag was written");
                        else if (pushed->fallback)
                            how = QStringLiteral("referrers: ") + pushed->fallback->describe();
                        err(QStringLiteral("%1: %2: %3")
                                .arg(QLatin1String(Program), m_command, how));
                        if (pushed->replacedIndexDeleted)
                            err(QStringLiteral("%1: %2: the replaced index %3 was deleted "
                                               "(--keep-old-index keeps it)")
                                    .arg(QLatin1String(Program), m_command,
                                         pushed->fallback->replacedIndex->toString()));
                        else if (!pushed->replacedIndexNote.isEmpty())
                            err(QStringLiteral("%1: %2: the replaced index was kept: %3")
                                    .arg(QLatin1String(Program), m_command,
                                         pushed->replacedIndexNote));
                    }
                    if (!request.tag.isEmpty())
                        err(QStringLiteral("%1: %2: tagged %3")
                                .arg(QLatin1String(Program), m_command, request.tag));
                    clioutput::out(pushed->digest.toString() + QLatin1Char('\n'));
                    finish(0);
                });
        });
}

int WriteCommands::runTag(const QStringList &arguments)
{
    if (arguments.size() != 2)
        return usage(QStringLiteral("tag needs REF and NEWTAG"));
    const QString newTag = arguments.at(1);
    if (!Reference::isValidTag(newTag))
        return usage(
            QStringLiteral("tag: \"%1\" is not a valid tag").arg(nametext::printable(newTag, 200)));
    int exitCode = 2;
    const auto target = writeTarget(arguments.first(), true, exitCode);
    if (!target)
        return exitCode;
    const Reference from = target->reference;
    const QString shown = arguments.first();
    auto *tagger = new Tagger(target->source, this);
    tagger->tag(
        from.repository(), from.identifier(), newTag, Tagger::Options{}, this,
        [this, from, shown, registry = target->registry, newTag](Result<TagOutcome> tagged) {
            if (!tagged)
                return fail(QStringLiteral("tag ") + shown, tagged.error());
            activityrecord::record(
                activityrecords::tagged(registry, from.repository(), newTag, tagged->digest));
            err(QStringLiteral("%1: tag: %2").arg(QLatin1String(Program), tagged->toText()));
            clioutput::out(tagged->digest.toString() + QLatin1Char('\n'));
            finish(0);
        });
    return -1;
}

int WriteCommands::runCopy(const QStringList &arguments)
{
    if (arguments.size() != 2)
        return usage(QStringLiteral("copy needs SRC and DST"));
    // Either side may be an OCI layout (oci:DIR[:TAG|@DIGEST]); the other a registry.
    CopyEnd from;
    CopyEnd to;
    OciLayoutSource *toLayout = nullptr;
    for (const bool source : {true, false}) {
        const QString &text = arguments.at(source ? 0 : 1);
        CopyEnd &end = source ? from : to;
        if (OciLayoutReference::matches(text)) {
            const auto layout = OciLayoutReference::parse(text);
            if (!layout)
                return usage(QStringLiteral("copy %1: %2")
                                 .arg(nametext::printable(text, 200), layout.error().message));
            if (source && !layout->hasReference())
                return usage(QStringLiteral("copy %1: name a tag or digest in the layout "
                                            "(oci:DIR:TAG or oci:DIR@DIGEST)")
                                 .arg(nametext::printable(text, 200)));
            if (!source && layout->digest.isValid())
                return usage(QStringLiteral("copy %1: a digest cannot be pushed to; give "
                                            "oci:DIR or oci:DIR:TAG")
                                 .arg(nametext::printable(text, 200)));
            auto *layoutSource = new OciLayoutSource(layout->directory, {}, this);
            if (!source)
                toLayout = layoutSource; // created once the copy is known to be valid
            end = CopyEnd{
                layoutSource, layoutSource->repositoryName(), layout->identifier(), layout->tag,
                text,         layoutSource->displayName()};
            continue;
        }
        const auto ref = parseTarget(text, source);
        if (!ref)
            return usage(QStringLiteral("copy %1: %2")
                             .arg(nametext::printable(text, 200), ref.error().message));
        // One stack per registry: a copy within one registry uses one source, so blobs mount
        // (and asking again would replace the first side's stack).
        ContentSource *registrySource =
            !source && from.registry == ref->registry() ? from.source : nullptr;
        if (!registrySource) {
            RegistryStack *stack = m_stackFor(ref->registry());
            if (!stack || !stack->source())
                return 2;
            registrySource = stack->source();
        }
        end = CopyEnd{registrySource, ref->repository(), ref->identifier(),
                      ref->tag(),     ref->toString(),   ref->registry()};
    }
    const QString toTag = !to.tag.isEmpty() ? to.tag : from.tag;
    // A layout lists only what index.json names: an untagged root would be unreachable there.
    if (toTag.isEmpty() && OciLayoutReference::matches(arguments.at(1)))
        return usage(QStringLiteral("copy %1: copying a digest into a layout needs a tag "
                                    "(oci:DIR:TAG)")
                         .arg(nametext::printable(arguments.at(1), 200)));
    if (toLayout) {
        // Copying into a layout creates it, as skopeo and oras do.
        const auto created = toLayout->create();
        if (!created)
            return usage(
                QStringLiteral("copy %1: %2")
                    .arg(nametext::printable(arguments.at(1), 200), created.error().message));
    }
    auto *copier = new ContentCopier(from.source, to.source, this);
    CopyOptions options;
    options.withReferrers = m_withReferrers;
    options.deleteReplacedIndex = !m_keepOldIndex;
    copier->copy(
        from.repository, from.identifier, to.repository, toTag, options, this,
        [this, toTag, fromText = from.shown, target = to](Result<CopyResult> copied) {
            if (!copied)
                return fail(QStringLiteral("copy"), copied.error());
            activityrecord::record(activityrecords::copied(
                fromText, target.registry, target.repository, toTag, copied.value()));
            err(QStringLiteral("%1: copy: %2 manifest(s) (%3 referrer(s)); blobs: %4 "
                               "sent (%5 bytes), %6 mounted, %7 already there")
                    .arg(QLatin1String(Program))
                    .arg(copied->manifests)
                    .arg(copied->referrers)
                    .arg(copied->blobsSent)
                    .arg(copied->bytesSent)
                    .arg(copied->blobsMounted)
                    .arg(copied->blobsPresent));
            for (const FallbackIndexChange &change : copied->fallbackUpdates)
                err(QStringLiteral("%1: copy: %2").arg(QLatin1String(Program), change.describe()));
            for (const ReplacedIndexRemoval &removal : copied->replacedIndexes)
                err(QStringLiteral("%1: copy: %2%3")
                        .arg(QLatin1String(Program), removal.describe(),
                             removal.deleted ? QStringLiteral(" (--keep-old-index keeps it)")
                                             : QString()));
            for (const QString &note : copied->notes)
                err(QStringLiteral("%1: copy: skipped: %2").arg(QLatin1String(Program), note));
            if (!toTag.isEmpty())
                err(QStringLiteral("%1: copy: tagged %2").arg(QLatin1String(Program), toTag));
            clioutput::out(copied->root.toString() + QLatin1Char('\n'));
            finish(0);
        });
    return -1;
}

void WriteCommands::fail(const QString &what, const Error &error)
{
    QStringList lines = error.toString().split(QLatin1Char('\n'));
    for (QString &line : lines)
        line = nametext::printable(line, 4000);
    err(QStringLiteral("%1: %2: %3")
            .arg(QLatin1String(Program), nametext::printable(what, 400),
                 lines.join(QLatin1Char('\n'))));
    finish(1);
}

int WriteCommands::usage(const QString &message)
{
    err(QStringLiteral("%1: %2\nRun 'ocular-cli --help' for usage.")
            .arg(QLatin1String(Program), message));
    return 2;
}

void WriteCommands::finish(int code)
{
    QMetaObject::invokeMethod(
        QCoreApplication::instance(), [code] { QCoreApplication::exit(code); },
        Qt::QueuedConnection);
}

} // namespace ocular
