#include "clirunner.h"

#include <QCoreApplication>
#include <QThreadPool>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ocular-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Ocular"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OCULAR_VERSION));
    ocular::CliRunner runner;
    int code = runner.start(QCoreApplication::arguments());
    if (code < 0)
        code = QCoreApplication::exec();
    // Pool work (credential lookups, parsing) may still use the runner's objects.
    QThreadPool::globalInstance()->waitForDone();
    return code;
}
