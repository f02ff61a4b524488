#include "testca.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>

namespace ocular::test {

TestCa::TestCa()
{
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty()) {
        m_error = QStringLiteral("the openssl command is not installed");
        return;
    }
    run({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
         QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
         QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
         QStringLiteral("-keyout"), m_dir.filePath(QStringLiteral("ca.key")),
         QStringLiteral("-out"), caCertFile(), QStringLiteral("-days"), QStringLiteral("2"),
         QStringLiteral("-subj"), QStringLiteral("/CN=Ocular Test CA"), QStringLiteral("-addext"),
         QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
         QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")});
}

QString TestCa::caCertFile() const
{
    return m_dir.filePath(QStringLiteral("ca.crt"));
}

bool TestCa::run(const QStringList &arguments)
{
    if (!m_error.isEmpty())
        return false;
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        m_error = QStringLiteral("openssl %1 failed: %2")
                      .arg(arguments.value(0), QString::fromUtf8(process.readAll()).left(500));
        return false;
    }
    return true;
}

TestCa::Issued TestCa::issue(const QString &name, const QString &extensions, bool rsa, int days)
{
    Issued issued{m_dir.filePath(name + QStringLiteral(".crt")),
                  m_dir.filePath(name + QStringLiteral(".key"))};
    const QString csr = m_dir.filePath(name + QStringLiteral(".csr"));
    const QString ext = m_dir.filePath(name + QStringLiteral(".ext"));
    QFile extFile(ext);
    if (!extFile.open(QIODevice::WriteOnly)) {
        m_error = QStringLiteral("cannot write %1").arg(ext);
        return issued;
    }
    extFile.write(extensions.toUtf8());
    extFile.close();
    QStringList request{QStringLiteral("req"), QStringLiteral("-newkey")};
    if (rsa)
        request << QStringLiteral("rsa:2048");
    else
        request << QStringLiteral("ec") << QStringLiteral("-pkeyopt")
                << QStringLiteral("ec_paramgen_curve:prime256v1");
    request << QStringLiteral("-nodes") << QStringLiteral("-keyout") << issued.keyFile
            << QStringLiteral("-out") << csr << QStringLiteral("-subj")
            << QStringLiteral("/CN=") + name;
    run(request);
    run({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), csr,
         QStringLiteral("-CA"), caCertFile(), QStringLiteral("-CAkey"),
         m_dir.filePath(QStringLiteral("ca.key")), QStringLiteral("-set_serial"),
         QString::number(++m_serial), QStringLiteral("-days"), QString::number(days),
         QStringLiteral("-extfile"), ext, QStringLiteral("-out"), issued.certFile});
    return issued;
}

TestCa::Issued TestCa::issueServer(const QString &name, const QStringList &subjectAltNames,
                                   int days)
{
    return issue(name,
                 QStringLiteral("basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n"
                                "subjectAltName=") +
                     subjectAltNames.join(QLatin1Char(',')) + QLatin1Char('\n'),
                 false, days);
}

TestCa::Issued TestCa::issueClient(const QString &name)
{
    return issue(name, QStringLiteral("basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n"),
                 false);
}

TestCa::Issued TestCa::issueTokenSigner(const QString &name)
{
    return issue(name, QStringLiteral("basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\n"),
                 true);
}

} // namespace ocular::test
