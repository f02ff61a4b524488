#include "aboutdialog.h"

#include "models/nodeicons.h"

#include <QCoreApplication>

namespace ocular {

AboutDialog::AboutDialog(QWidget *parent)
    : QMessageBox(QMessageBox::NoIcon, tr("About Ocular"), text(), QMessageBox::Close, parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setIconPixmap(NodeIcons::named(QStringLiteral("ocular")).pixmap(64, 64));
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::TextBrowserInteraction);
}

QString AboutDialog::text()
{
    const QString version = QCoreApplication::applicationVersion().isEmpty()
                                ? tr("(development build)")
                                : QCoreApplication::applicationVersion();
    return tr("<h3>Ocular %1</h3>"
              "<p>A native desktop browser for OCI container registries: repositories, tags, "
              "manifests, indexes, and the signatures, SBOMs and attestations that refer to "
              "them.</p>"
              "<p>Built with Qt %2, running on Qt %3.</p>"
              "<p>Licensed under the Apache License, Version 2.0: "
              "<a href=\"https://www.apache.org/licenses/LICENSE-2.0\">"
              "https://www.apache.org/licenses/LICENSE-2.0</a></p>")
        .arg(version.toHtmlEscaped(), QStringLiteral(QT_VERSION_STR),
             QString::fromLatin1(qVersion()));
}

} // namespace ocular
