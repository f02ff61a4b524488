#pragma once

#include "auth/credentialsource.h"

#include <QObject>
#include <QString>

#include <functional>

namespace ocular {

/// Credentials typed into the login dialog, kept in the OS keychain through QtKeychain
/// (Secret Service on Linux) under the service name "Ocular" and the registry as key. Never
/// falls back to a plain file.
class KeychainCredentialSource : public CredentialSource
{
public:
    explicit KeychainCredentialSource(QString service = QStringLiteral("Ocular"),
                                      int timeoutMs = 20000);

    /// Called on a worker thread (as the authenticator does), the keychain job runs on the
    /// thread that created this object and the worker waits for it; QtKeychain's job queue is
    /// not thread-safe. Called on the creating thread itself, a local event loop waits (tests
    /// and tools only: never do that on the GUI thread).
    Result<std::optional<Credentials>> lookup(const QString &registry) override;

    /// Saves asynchronously; @p done runs on @p context's thread.
    void store(const QString &registry, const Credentials &credentials, QObject *context,
               std::function<void(Result<Done>)> done);
    /// Removes asynchronously; a missing entry is success.
    void erase(const QString &registry, QObject *context, std::function<void(Result<Done>)> done);

    /// The label shown for credentials from here.
    static QString sourceLabel();

private:
    void startRead(const QString &registry,
                   std::function<void(Result<std::optional<Credentials>>)> done);

    QString m_service;
    int m_timeoutMs;
    QObject m_home; ///< lives on the creating thread; keychain jobs run there
};

} // namespace ocular
