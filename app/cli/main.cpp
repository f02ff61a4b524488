#include "clirunner.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ocular-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Ocular"));
    ocular::CliRunner runner;
    const int code = runner.start(QCoreApplication::arguments());
    if (code >= 0)
        return code;
    return QCoreApplication::exec();
}
