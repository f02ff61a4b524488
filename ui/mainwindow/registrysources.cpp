#include "registrysources.h"

#include "registry/registryclient.h"
#include "registry/registryendpoint.h"
#include "source/ocilayoutsource.h"
#include "source/registrysource.h"
#include "stack/registrystack.h"

#include <QDir>
#include <QFileInfo>

namespace ocular {

namespace {

const QLatin1String LayoutPrefix("oci:");

} // namespace

RegistrySources::RegistrySources(RegistryStack *stack, QObject *parent)
    : QObject(parent)
    , m_stack(stack)
{}

QString RegistrySources::layoutUrl(const QString &directory)
{
    return LayoutPrefix + QDir::cleanPath(QFileInfo(directory).absoluteFilePath());
}

Result<ContentSource *> RegistrySources::forUrl(const QString &url)
{
    if (ContentSource *known = m_sources.value(url))
        return known;
    if (url.startsWith(LayoutPrefix)) {
        const QString directory = url.mid(LayoutPrefix.size());
        // Checked here so that a folder that is no layout never enters the list; what the
        // layout holds is checked by the source as it reads.
        if (!QFileInfo(directory).isDir())
            return Error::make(ErrorKind::NotFound, tr("%1 is not a folder").arg(directory));
        if (!QFileInfo(QDir(directory).filePath(QStringLiteral("oci-layout"))).isFile())
            return Error::make(
                ErrorKind::InvalidInput,
                tr("%1 has no oci-layout file: it is not an OCI image layout").arg(directory));
        auto *source = new OciLayoutSource(directory, {}, this);
        m_sources.insert(url, source);
        return source;
    }
    // A URL the user wrote with http:// explicitly was consented to in the dialog.
    const bool explicitHttp = url.startsWith(QLatin1String("http://"));
    const Result<RegistryEndpoint> endpoint = RegistryEndpoint::parse(url, explicitHttp);
    if (!endpoint)
        return endpoint.error();
    RegistryClient *client = m_stack->createClient(endpoint.value(), this);
    auto *source = new RegistrySource(client, client);
    source->setTagObserver(m_tagObserver);
    m_sources.insert(url, source);
    return source;
}

void RegistrySources::setTagObserver(std::shared_ptr<TagObserver> observer)
{
    m_tagObserver = std::move(observer);
    for (ContentSource *source : std::as_const(m_sources))
        if (auto *registry = qobject_cast<RegistrySource *>(source))
            registry->setTagObserver(m_tagObserver);
}

} // namespace ocular
