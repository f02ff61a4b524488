#include "credentialhelper.h"

#include "http/redact.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

namespace ocular {

namespace {

constexpr qint64 OutputCap = 64 * 1024;
const QString IdentityTokenUser = QStringLiteral("<token>");

// docker-credential-helpers answers a miss with this text (and exit code 1).
bool saysNotFound(const QByteArray &text)
{
    return text.toLower().contains("credentials not found");
}

} // namespace

CredentialHelper::CredentialHelper(QString name, int timeoutMs)
    : m_name(std::move(name))
    , m_timeoutMs(timeoutMs)
{}

QString CredentialHelper::programName() const
{
    return QStringLiteral("docker-credential-") + m_name;
}

bool CredentialHelper::isValidName(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    return valid.match(name).hasMatch();
}

Result<CredentialHelper::Outcome> CredentialHelper::run(const QString &action,
                                                        const QByteArray &input) const
{
    if (!isValidName(m_name))
        return Error::make(
            ErrorKind::InvalidInput,
            QStringLiteral("\"%1\" is not a valid credential helper name.").arg(m_name.left(64)));
    const QString program = QStandardPaths::findExecutable(programName());
    if (program.isEmpty())
        return Error::make(ErrorKind::Auth,
                           QStringLiteral("The credential helper %1 is configured but not "
                                          "installed (not found on PATH).")
                               .arg(programName()));
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(program, {action});
    if (!process.waitForStarted(m_timeoutMs))
        return Error::make(ErrorKind::Auth, QStringLiteral("The credential helper %1 could not be "
                                                           "started: %2")
                                                .arg(programName(), process.errorString()));
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(m_timeoutMs)) {
        process.kill();
        process.waitForFinished(2000);
        return Error::make(ErrorKind::Auth,
                           QStringLiteral("The credential helper %1 did not answer within %2 "
                                          "seconds and was stopped.")
                               .arg(programName())
                               .arg(qMax(1, m_timeoutMs / 1000)));
    }
    Outcome outcome;
    outcome.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    outcome.out = process.readAllStandardOutput().left(OutputCap);
    outcome.err = process.readAllStandardError().left(OutputCap);
    return outcome;
}

QString CredentialHelper::failureMessage(const QString &action, const Outcome &outcome) const
{
    // The helper's own words help the user, but they could echo a secret: scrub and shorten.
    QString said = QString::fromUtf8(outcome.err.trimmed().isEmpty() ? outcome.out.trimmed()
                                                                     : outcome.err.trimmed());
    said = redact::text(said.section(QLatin1Char('\n'), 0, 0).left(200));
    QString message = outcome.exitCode < 0
                          ? QStringLiteral("The credential helper %1 crashed during \"%2\"")
                                .arg(programName(), action)
                          : QStringLiteral("The credential helper %1 failed during \"%2\" "
                                           "(exit code %3)")
                                .arg(programName(), action)
                                .arg(outcome.exitCode);
    if (!said.isEmpty())
        message += QStringLiteral(": ") + said;
    return message + QLatin1Char('.');
}

Result<std::optional<Credentials>> CredentialHelper::get(const QString &serverUrl) const
{
    const auto ran = run(QStringLiteral("get"), serverUrl.toUtf8());
    if (!ran)
        return ran.error();
    const Outcome &outcome = ran.value();
    if (outcome.exitCode != 0) {
        if (saysNotFound(outcome.out) || saysNotFound(outcome.err))
            return std::optional<Credentials>();
        return Error::make(ErrorKind::Auth, failureMessage(QStringLiteral("get"), outcome));
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(outcome.out, &parseError);
    if (!doc.isObject())
        return Error::make(ErrorKind::Auth,
                           QStringLiteral("The credential helper %1 answered with something that "
                                          "is not the expected JSON object.")
                               .arg(programName()));
    const QJsonObject object = doc.object();
    Credentials credentials;
    credentials.username = object.value(QLatin1String("Username")).toString();
    credentials.secret = object.value(QLatin1String("Secret")).toString();
    if (credentials.isEmpty())
        return std::optional<Credentials>();
    if (credentials.username == IdentityTokenUser) {
        credentials.isIdentityToken = true;
        credentials.username.clear();
    }
    credentials.source = QStringLiteral("credential helper %1").arg(programName());
    return std::optional<Credentials>(credentials);
}

Result<Done> CredentialHelper::store(const QString &serverUrl, const Credentials &credentials) const
{
    QJsonObject object;
    object.insert(QLatin1String("ServerURL"), serverUrl);
    object.insert(QLatin1String("Username"),
                  credentials.isIdentityToken ? IdentityTokenUser : credentials.username);
    object.insert(QLatin1String("Secret"), credentials.secret);
    const auto ran =
        run(QStringLiteral("store"), QJsonDocument(object).toJson(QJsonDocument::Compact));
    if (!ran)
        return ran.error();
    if (ran.value().exitCode != 0)
        return Error::make(ErrorKind::Auth, failureMessage(QStringLiteral("store"), ran.value()));
    return Done{};
}

Result<Done> CredentialHelper::erase(const QString &serverUrl) const
{
    const auto ran = run(QStringLiteral("erase"), serverUrl.toUtf8());
    if (!ran)
        return ran.error();
    const Outcome &outcome = ran.value();
    if (outcome.exitCode != 0 && !saysNotFound(outcome.out) && !saysNotFound(outcome.err))
        return Error::make(ErrorKind::Auth, failureMessage(QStringLiteral("erase"), outcome));
    return Done{};
}

} // namespace ocular
