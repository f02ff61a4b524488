#include "keychaincredentialsource.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QPointer>
#include <QThread>
#include <QTimer>
#include <QWaitCondition>
#include <qt6keychain/keychain.h>

namespace ocular {

namespace {

QString keyFor(const QString &registry)
{
    return registry.trimmed().toLower();
}

// Whole sentences per action, so translators never see a verb phrase out of context.
QString translated(const char *text)
{
    return QCoreApplication::translate("ocular::KeychainCredentialSource", text);
}

Error keychainError(const char *sentence, const QString &reason)
{
    // QtKeychain's messages describe the backend ("No keyring daemon"...), never the secret.
    return Error::make(ErrorKind::Auth, translated(sentence).arg(reason));
}

} // namespace

KeychainCredentialSource::KeychainCredentialSource(QString service, int timeoutMs)
    : m_service(std::move(service))
    , m_timeoutMs(timeoutMs)
{}

QString KeychainCredentialSource::sourceLabel()
{
    return translated(QT_TRANSLATE_NOOP("ocular::KeychainCredentialSource", "OS keychain"));
}

void KeychainCredentialSource::startRead(
    const QString &registry, std::function<void(Result<std::optional<Credentials>>)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keyFor(registry));
    QObject::connect(job, &QKeychain::Job::finished, &m_home, [done](QKeychain::Job *finished) {
        // No keychain on this system (no Secret Service, say) means nothing is stored there;
        // the other credential sources still apply.
        if (finished->error() == QKeychain::EntryNotFound ||
            finished->error() == QKeychain::NoBackendAvailable ||
            finished->error() == QKeychain::NotImplemented) {
            done(std::optional<Credentials>());
            return;
        }
        if (finished->error() != QKeychain::NoError) {
            done(keychainError(QT_TRANSLATE_NOOP("ocular::KeychainCredentialSource",
                                                 "The OS keychain could not be read: %1"),
                               finished->errorString()));
            return;
        }
        const auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
        const QJsonObject object = QJsonDocument::fromJson(read->textData().toUtf8()).object();
        Credentials credentials;
        credentials.username = object.value(QLatin1String("username")).toString();
        credentials.secret = object.value(QLatin1String("secret")).toString();
        credentials.isIdentityToken = object.value(QLatin1String("identityToken")).toBool();
        credentials.source = sourceLabel();
        if (credentials.isEmpty())
            done(std::optional<Credentials>());
        else
            done(std::optional<Credentials>(credentials));
    });
    job->start();
}

Result<std::optional<Credentials>> KeychainCredentialSource::lookup(const QString &registry)
{
    // Shared with the job's callback, which may outlive a lookup that timed out.
    struct State
    {
        QMutex mutex;
        QWaitCondition answered;
        std::optional<Result<std::optional<Credentials>>> result;
    };
    auto state = std::make_shared<State>();
    auto deliver = [state](Result<std::optional<Credentials>> result) {
        QMutexLocker lock(&state->mutex);
        state->result.emplace(std::move(result));
        state->answered.wakeAll();
    };
    if (QThread::currentThread() == m_home.thread()) {
        QEventLoop loop;
        QTimer::singleShot(m_timeoutMs, &loop, &QEventLoop::quit);
        QPointer<QEventLoop> waiting(&loop);
        startRead(registry, [deliver, waiting](Result<std::optional<Credentials>> result) {
            deliver(std::move(result));
            if (waiting)
                waiting->quit();
        });
        QMutexLocker lock(&state->mutex);
        if (!state->result) {
            lock.unlock();
            loop.exec();
        }
    } else {
        QMetaObject::invokeMethod(
            &m_home, [this, registry, deliver] { startRead(registry, deliver); },
            Qt::QueuedConnection);
        QMutexLocker lock(&state->mutex);
        QDeadlineTimer deadline(m_timeoutMs);
        while (!state->result && state->answered.wait(&state->mutex, deadline)) {
        }
    }
    QMutexLocker lock(&state->mutex);
    if (!state->result) {
        // The timeout is several seconds, never one: no plural needed.
        const QString why = translated(QT_TRANSLATE_NOOP("ocular::KeychainCredentialSource",
                                                         "no reply within %1 seconds"))
                                .arg(m_timeoutMs / 1000);
        return keychainError(QT_TRANSLATE_NOOP("ocular::KeychainCredentialSource",
                                               "The OS keychain did not answer: %1"),
                             why);
    }
    return *state->result;
}

void KeychainCredentialSource::store(const QString &registry, const Credentials &credentials,
                                     QObject *context, std::function<void(Result<Done>)> done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keyFor(registry));
    const QJsonObject object{{QStringLiteral("username"), credentials.username},
                             {QStringLiteral("secret"), credentials.secret},
                             {QStringLiteral("identityToken"), credentials.isIdentityToken}};
    job->setTextData(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
    QObject::connect(job, &QKeychain::Job::finished, context, [done](QKeychain::Job *finished) {
        if (finished->error() != QKeychain::NoError)
            done(keychainError(
                QT_TRANSLATE_NOOP("ocular::KeychainCredentialSource",
                                  "The OS keychain could not save the credentials: %1"),
                finished->errorString()));
        else
            done(Done{});
    });
    job->start();
}

void KeychainCredentialSource::erase(const QString &registry, QObject *context,
                                     std::function<void(Result<Done>)> done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(keyFor(registry));
    QObject::connect(job, &QKeychain::Job::finished, context, [done](QKeychain::Job *finished) {
        if (finished->error() != QKeychain::NoError &&
            finished->error() != QKeychain::EntryNotFound)
            done(keychainError(
                QT_TRANSLATE_NOOP("ocular::KeychainCredentialSource",
                                  "The OS keychain could not remove the credentials: %1"),
                finished->errorString()));
        else
            done(Done{});
    });
    job->start();
}

} // namespace ocular
