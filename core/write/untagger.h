#pragma once

#include "async/asynctask.h"
#include "reference/digest.h"

#include <QObject>
#include <QPointer>
#include <memory>

namespace ocular {

class ContentSource;
struct BuiltManifest;

/// What removing one tag did.
struct UntagOutcome
{
    enum class Method
    {
        TagDelete,   ///< `DELETE /manifests/<tag>` removed the tag alone
        Placeholder, ///< the tag was moved onto a unique placeholder, deleted by digest
    };
    Method method = Method::TagDelete;
    QString repository;
    QString tag;
    Digest formerDigest; ///< what the tag named; still there, with its other tags
    Digest placeholder;  ///< the placeholder manifest pushed and deleted (Placeholder only)
    /// Why the plain tag delete did not work (Placeholder only), in the registry's words.
    QString tagDeleteRefusal;
    QString note; ///< what the user should know afterwards (registries keeping placeholders)

    QString toText() const;
};

/// Removes one tag and nothing else. First `DELETE /manifests/<tag>` (spec 1.1); a registry
/// that refuses it (400 or 405: docker-registry 2.8 answers 400 DIGEST_INVALID, GHCR, Harbor)
/// gets, only when the caller asked for it, what regctl does made safe and explicit: a unique
/// placeholder manifest (the empty config, a nonce and the time in its annotations) is pushed
/// to the tag and then deleted by its digest, which takes only that tag with it. The manifest
/// the tag named is never deleted: it may carry other tags.
class Untagger : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        bool placeholder = false; ///< fall back to the placeholder method on a refusal
        /// Deliver a refusal (without `placeholder`) as the registry phrased it, for a caller
        /// that explains the choice itself (the GUI offers a button, not `--placeholder`).
        bool refusalAsIs = false;
    };

    explicit Untagger(ContentSource *source, QObject *parent = nullptr);

    RequestHandle untag(const QString &repository, const QString &tag, const Options &options,
                        QObject *context, async::Callback<UntagOutcome> done);

    /// A placeholder manifest no other push can have made: an OCI image manifest with the
    /// empty config and one empty layer, annotated with `nonce` and `created`.
    static BuiltManifest placeholderManifest(const QString &nonce, const QString &created);
    /// The artifactType placeholders carry, so that one a registry kept can be recognised.
    static QString placeholderArtifactType();
    /// What a caller tells the user after the placeholder method: some registries keep it.
    static QString placeholderNote();
    /// Whether `error` is a registry refusing to delete a tag alone (rather than a failure).
    static bool isTagDeleteRefusal(const Error &error);

private:
    struct Job;
    RequestHandle viaPlaceholder(const std::shared_ptr<Job> &job, async::Callback<Done> done);

    QPointer<ContentSource> m_source;
};

} // namespace ocular
