#pragma once

#include "auth/credentialsource.h"

#include <QHash>

namespace ocular {

/// Credentials held in memory for this process (command-line flags, tests).
class StaticCredentialSource : public CredentialSource
{
public:
    void set(const QString &registry, const Credentials &credentials);
    void remove(const QString &registry);
    std::optional<Credentials> lookup(const QString &registry) override;

private:
    QHash<QString, Credentials> m_credentials;
};

} // namespace ocular
