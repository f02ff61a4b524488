#include "nodeicons.h"

#include "content/mediatype.h"

#include <QApplication>
#include <QHash>
#include <QImageReader>
#include <QStyle>

// Q_INIT_RESOURCE must be used outside any namespace. The icons are compiled into the static
// ocular_ui library, whose resource initialiser the linker would otherwise drop.
static void initOcularResources()
{
    Q_INIT_RESOURCE(ocular);
}

namespace ocular {

namespace {

bool svgAvailable()
{
    static const bool available = QImageReader::supportedImageFormats().contains("svg");
    return available;
}

QStyle::StandardPixmap fallbackFor(const QString &name)
{
    if (name == QLatin1String("registry"))
        return QStyle::SP_DriveNetIcon;
    if (name == QLatin1String("repository"))
        return QStyle::SP_DirIcon;
    if (name == QLatin1String("index"))
        return QStyle::SP_FileDialogDetailedView;
    if (name == QLatin1String("warning"))
        return QStyle::SP_MessageBoxWarning;
    if (name == QLatin1String("failed"))
        return QStyle::SP_MessageBoxCritical;
    if (name == QLatin1String("loading"))
        return QStyle::SP_BrowserReload;
    return QStyle::SP_FileIcon;
}

} // namespace

QIcon NodeIcons::named(const QString &name)
{
    static const bool resourcesLoaded = [] {
        initOcularResources();
        return true;
    }();
    Q_UNUSED(resourcesLoaded);
    static QHash<QString, QIcon> cache;
    auto it = cache.constFind(name);
    if (it != cache.constEnd())
        return *it;
    QIcon icon;
    if (svgAvailable())
        icon = QIcon(QStringLiteral(":/ocular/icons/%1.svg").arg(name));
    else if (qobject_cast<QApplication *>(QCoreApplication::instance()))
        icon = QApplication::style()->standardIcon(fallbackFor(name));
    cache.insert(name, icon);
    return icon;
}

QIcon NodeIcons::forNode(const TreeNode &node)
{
    switch (node.kind) {
    case NodeKind::Repository:
        return named(QStringLiteral("repository"));
    case NodeKind::Tag:
        return named(QStringLiteral("tag"));
    case NodeKind::Manifest:
        if (node.attestation)
            return named(QStringLiteral("attestation"));
        if (node.descriptor && mediatype::isIndexType(node.descriptor->mediaType))
            return named(QStringLiteral("index"));
        if (node.descriptor && !node.descriptor->artifactType.isEmpty())
            return named(QStringLiteral("artifact"));
        return named(QStringLiteral("image"));
    case NodeKind::Config:
        return named(QStringLiteral("config"));
    case NodeKind::Layer:
        return named(QStringLiteral("layer"));
    case NodeKind::Referrers:
    case NodeKind::Group:
        return named(QStringLiteral("attestation"));
    case NodeKind::Message:
        return node.error
                   ? named(QStringLiteral("warning"))
                   : (node.state == LoadState::Loaded ? QIcon() : named(QStringLiteral("loading")));
    }
    return {};
}

} // namespace ocular
