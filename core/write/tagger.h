#pragma once

#include "async/asynctask.h"
#include "reference/digest.h"

#include <QObject>
#include <QPointer>

namespace ocular {

class ContentSource;

/// What adding a tag did.
struct TagOutcome
{
    QString repository;
    QString tag;
    Digest digest;   ///< what the tag names now
    Digest previous; ///< what it named before (invalid when the tag is new)
    QString mediaType;

    bool moved() const { return previous.isValid() && previous != digest; }
    QString toText() const;
};

/// Puts another tag on an existing manifest: its stored bytes are read and sent back under the
/// new tag unchanged, so the digest and the manifest type stay what they were (a registry that
/// converted on the way would answer another digest, which is reported as an error).
class Tagger : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        /// When the tag already names another manifest, move it (false: PreconditionFailed,
        /// nothing sent, so a GUI can ask first).
        bool allowMove = true;
    };

    explicit Tagger(ContentSource *source, QObject *parent = nullptr);

    /// Tags `identifier` (a tag or digest of `repository`) as `newTag`.
    RequestHandle tag(const QString &repository, const QString &identifier, const QString &newTag,
                      const Options &options, QObject *context, async::Callback<TagOutcome> done);

private:
    QPointer<ContentSource> m_source;
};

} // namespace ocular
