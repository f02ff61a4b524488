#pragma once

#include "auth/credentialsource.h"

#include <QHash>
#include <QMutex>

namespace ocular {

/// Credentials held in memory for this process (command-line flags, a login for this session,
/// tests).
class StaticCredentialSource : public CredentialSource
{
public:
    void set(const QString &registry, const Credentials &credentials);
    void remove(const QString &registry);
    Result<std::optional<Credentials>> lookup(const QString &registry) override;

private:
    QMutex m_mutex;
    QHash<QString, Credentials> m_credentials;
};

} // namespace ocular
