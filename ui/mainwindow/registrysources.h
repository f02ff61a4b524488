#pragma once

#include "base/result.h"

#include <QHash>
#include <QObject>

namespace ocular {

class RegistrySource;
class RegistryStack;

/// One RegistrySource per registry URL a window has opened, each over its own client of the
/// shared stack (the source owns its client). Kept for the window's life, so switching back
/// to a registry finds its source as it was.
class RegistrySources : public QObject
{
    Q_OBJECT
public:
    /// `stack` is not owned and must outlive this.
    RegistrySources(RegistryStack *stack, QObject *parent);

    /// The source for `url`, made on first use; an error when the URL does not parse.
    Result<RegistrySource *> forUrl(const QString &url);

private:
    RegistryStack *m_stack;
    QHash<QString, RegistrySource *> m_sources;
};

} // namespace ocular
