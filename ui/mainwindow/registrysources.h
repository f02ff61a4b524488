#pragma once

#include "base/result.h"

#include <QHash>
#include <QObject>
#include <memory>

namespace ocular {

class ContentSource;
class RegistryStack;
class TagObserver;

/// One ContentSource per entry of a window's registry list, made on first use and kept for the
/// window's life, so switching back finds it as it was: a RegistrySource over its own client
/// of the shared stack for a registry URL, an OciLayoutSource for `oci:DIR`.
class RegistrySources : public QObject
{
    Q_OBJECT
public:
    /// `stack` is not owned and must outlive this.
    RegistrySources(RegistryStack *stack, QObject *parent);

    /// The source for `url`; an error when the URL does not parse or `oci:DIR` is not a layout.
    Result<ContentSource *> forUrl(const QString &url);

    /// How a layout directory is named in the registry list: `oci:` and its absolute path.
    static QString layoutUrl(const QString &directory);

    /// Told every tag → digest each registry source resolves (made or to be made): the tag
    /// history cleanup reads.
    void setTagObserver(std::shared_ptr<TagObserver> observer);

private:
    RegistryStack *m_stack;
    std::shared_ptr<TagObserver> m_tagObserver;
    QHash<QString, ContentSource *> m_sources;
};

} // namespace ocular
