#include "testtokenserver.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QUrlQuery>

namespace ocular::test {

namespace {

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

LoopbackHttpServer::Reply jsonReply(int status, const QJsonObject &object)
{
    return {status, {}, QJsonDocument(object).toJson(QJsonDocument::Compact)};
}

// "repository:a/b:pull,push" → {type, name, actions}; names may not hold ':' but hosts in
// other scope types might, so type is before the first and actions after the last colon.
QJsonObject parseScope(const QString &scope)
{
    const qsizetype first = scope.indexOf(QLatin1Char(':'));
    const qsizetype last = scope.lastIndexOf(QLatin1Char(':'));
    if (first < 0 || last <= first)
        return {};
    QJsonArray actions;
    for (const QString &action : scope.mid(last + 1).split(QLatin1Char(','), Qt::SkipEmptyParts))
        actions.append(action);
    return {{QStringLiteral("type"), scope.left(first)},
            {QStringLiteral("name"), scope.mid(first + 1, last - first - 1)},
            {QStringLiteral("actions"), actions}};
}

} // namespace

TestTokenServer::TestTokenServer(TestCa *ca, Options options, QObject *parent)
    : QObject(parent)
    , m_ca(ca)
    , m_options(std::move(options))
    , m_server([this](const LoopbackHttpServer::Request &request) { return handle(request); })
{}

bool TestTokenServer::start(bool tls)
{
    m_signer = m_ca->issueTokenSigner(QStringLiteral("token-signer"));
    if (!m_ca->ok()) {
        m_error = m_ca->errorMessage();
        return false;
    }
    bool listening = false;
    if (tls) {
        const TestCa::Issued cert =
            m_ca->issueServer(QStringLiteral("token-server"),
                              {QStringLiteral("IP:127.0.0.1"), QStringLiteral("DNS:localhost")});
        listening = m_ca->ok() && m_server.listenTls(cert.certFile, cert.keyFile);
    } else {
        listening = m_server.listen();
    }
    if (!listening)
        m_error = QStringLiteral("the token server could not listen on 127.0.0.1");
    return listening;
}

QString TestTokenServer::realm() const
{
    return m_server.baseUrl() + QStringLiteral("/token");
}

RegistryProcess::TokenAuth TestTokenServer::registryConfig() const
{
    return {realm(), m_options.service, m_options.issuer, m_ca->caCertFile()};
}

void TestTokenServer::clear()
{
    m_grants.clear();
    m_server.clearRequests();
}

QByteArray TestTokenServer::sign(const QByteArray &signingInput) const
{
    // RS256 = RSASSA-PKCS1-v1_5 over SHA-256, exactly what `openssl dgst -sign` produces.
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"), {QStringLiteral("dgst"), QStringLiteral("-sha256"),
                                              QStringLiteral("-sign"), m_signer.keyFile});
    openssl.write(signingInput);
    openssl.closeWriteChannel();
    if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0)
        return {};
    return openssl.readAllStandardOutput();
}

QByteArray TestTokenServer::issueToken(const QString &subject, const QJsonArray &access) const
{
    QFile certFile(m_signer.certFile);
    certFile.open(QIODevice::ReadOnly);
    const QSslCertificate cert(certFile.readAll(), QSsl::Pem);
    const QJsonObject header{
        {QStringLiteral("typ"), QStringLiteral("JWT")},
        {QStringLiteral("alg"), QStringLiteral("RS256")},
        {QStringLiteral("x5c"), QJsonArray{QString::fromLatin1(cert.toDer().toBase64())}}};
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const qint64 lifetime = m_options.expiresIn > 0 ? m_options.expiresIn : 60;
    const QJsonObject claims{
        {QStringLiteral("iss"), m_options.issuer},
        {QStringLiteral("sub"), subject},
        {QStringLiteral("aud"), m_options.service},
        {QStringLiteral("exp"), now + lifetime},
        {QStringLiteral("nbf"), now - 5},
        {QStringLiteral("iat"), now},
        {QStringLiteral("jti"), QString::number(QRandomGenerator::global()->generate64(), 16)},
        {QStringLiteral("access"), access}};
    const QByteArray signingInput =
        base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
        base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    return signingInput + '.' + base64Url(sign(signingInput));
}

LoopbackHttpServer::Reply TestTokenServer::handle(const LoopbackHttpServer::Request &request)
{
    if (request.path() != QLatin1String("/token"))
        return {404, {}, "{}"};
    QStringList scopes;
    QString service;
    QString subject;
    bool refused = false;
    if (request.method == "POST") {
        if (!m_options.offerOAuthPost)
            return {404, {}, "{\"error\":\"no oauth here\"}"};
        const QUrlQuery form(QString::fromUtf8(request.body));
        service = form.queryItemValue(QStringLiteral("service"), QUrl::FullyDecoded);
        scopes = form.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded)
                     .split(QLatin1Char(' '), Qt::SkipEmptyParts);
        const QString grant = form.queryItemValue(QStringLiteral("grant_type"));
        if (grant == QLatin1String("refresh_token") && !m_options.refreshToken.isEmpty() &&
            form.queryItemValue(QStringLiteral("refresh_token"), QUrl::FullyDecoded) ==
                m_options.refreshToken)
            subject = QStringLiteral("oauth-user");
        else if (grant == QLatin1String("password") && !m_options.username.isEmpty() &&
                 form.queryItemValue(QStringLiteral("username"), QUrl::FullyDecoded) ==
                     m_options.username &&
                 form.queryItemValue(QStringLiteral("password"), QUrl::FullyDecoded) ==
                     m_options.password)
            subject = m_options.username;
        else
            refused = true;
    } else {
        const QUrlQuery query(request.url());
        service = query.queryItemValue(QStringLiteral("service"), QUrl::FullyDecoded);
        scopes = query.allQueryItemValues(QStringLiteral("scope"), QUrl::FullyDecoded);
        const QByteArray authorization = request.header("Authorization");
        if (!authorization.isEmpty()) {
            const QByteArray decoded =
                QByteArray::fromBase64(authorization.mid(authorization.indexOf(' ') + 1));
            const QString user = QString::fromUtf8(decoded.left(decoded.indexOf(':')));
            const QString password = QString::fromUtf8(decoded.mid(decoded.indexOf(':') + 1));
            if (!authorization.startsWith("Basic "))
                refused = true;
            else if (!m_options.username.isEmpty() && user == m_options.username &&
                     password == m_options.password)
                subject = user;
            else if (!m_options.refreshToken.isEmpty() && user == QLatin1String("<token>") &&
                     password == m_options.refreshToken)
                subject = QStringLiteral("oauth-user");
            else
                refused = true;
        }
    }
    if (refused)
        return jsonReply(401, {{QStringLiteral("details"), QStringLiteral("bad credentials")}});
    if (service != m_options.service)
        return jsonReply(400, {{QStringLiteral("details"), QStringLiteral("unknown service")}});

    QJsonArray access;
    for (const QString &scope : std::as_const(scopes)) {
        QJsonObject entry = parseScope(scope);
        if (entry.isEmpty())
            continue;
        if (subject.isEmpty()) {
            // Anonymous: at most pull, and only when allowed.
            const bool wantsPull =
                entry.value(QStringLiteral("actions")).toArray().contains(QStringLiteral("pull"));
            if (!m_options.anonymousPull || !wantsPull)
                continue;
            entry.insert(QStringLiteral("actions"), QJsonArray{QStringLiteral("pull")});
        }
        access.append(entry);
    }
    m_grants.append({request.method, scopes, subject, access});
    const QByteArray token = issueToken(subject, access);
    QJsonObject answer{
        {QStringLiteral("token"), QString::fromLatin1(token)},
        {QStringLiteral("access_token"), QString::fromLatin1(token)},
        {QStringLiteral("issued_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
    if (m_options.expiresIn > 0)
        answer.insert(QStringLiteral("expires_in"), m_options.expiresIn);
    return jsonReply(200, answer);
}

} // namespace ocular::test
