#include "capabilityprobe.h"

#include "content/mediatype.h"
#include "http/registryerror.h"
#include "reference/digest.h"
#include "registry/registryclient.h"

#include <QPointer>
#include <memory>

namespace ocular {

namespace {

QString statusEvidence(const HttpResponse &response)
{
    QString evidence = QStringLiteral("HTTP %1").arg(response.status);
    const QString type = response.contentType();
    if (!type.isEmpty())
        evidence += QLatin1Char(' ') + type;
    return evidence;
}

} // namespace

Capability Capability::make(CapabilityState state, const QString &evidence)
{
    Capability c;
    c.state = state;
    c.evidence = evidence;
    c.probedAt = QDateTime::currentDateTimeUtc();
    return c;
}

QString Capability::stateName() const
{
    switch (state) {
    case CapabilityState::Supported:
        return QStringLiteral("supported");
    case CapabilityState::NotSupported:
        return QStringLiteral("not supported");
    case CapabilityState::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

CapabilityProbe::CapabilityProbe(RegistryClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

QString CapabilityProbe::probeSubjectDigest()
{
    return Digest::sha256("ocular referrers capability probe").toString();
}

Capability CapabilityProbe::interpretReferrersResponse(const HttpResponse &response)
{
    const QString evidence = QStringLiteral("GET /referrers → ") + statusEvidence(response);
    const int status = response.status;
    if (status == 200) {
        if (mediatype::isIndexType(response.contentType()))
            return Capability::make(CapabilityState::Supported, evidence);
        return Capability::make(CapabilityState::NotSupported,
                                evidence + QStringLiteral(" (not an index)"));
    }
    if (status == 404) {
        const Error error = registryError(response, QString());
        if (error.registryCodes.contains(QLatin1String("NAME_UNKNOWN")))
            return Capability::make(CapabilityState::Unknown,
                                    evidence +
                                        QStringLiteral(" NAME_UNKNOWN (no such repository)"));
        return Capability::make(CapabilityState::NotSupported, evidence);
    }
    if (status == 400 || status == 405 || status == 406)
        return Capability::make(CapabilityState::NotSupported, evidence);
    return Capability::make(CapabilityState::Unknown, evidence);
}

Capability CapabilityProbe::interpretFiltering(const HttpResponse &response)
{
    const QByteArray applied = response.header("OCI-Filters-Applied");
    if (applied.toLower().split(',').contains(QByteArray("artifacttype")) ||
        applied.trimmed().toLower() == "artifacttype")
        return Capability::make(CapabilityState::Supported,
                                QStringLiteral("OCI-Filters-Applied: ") +
                                    QString::fromLatin1(applied));
    return Capability::make(CapabilityState::NotSupported,
                            QStringLiteral("no OCI-Filters-Applied header on a filtered request; "
                                           "Ocular filters by itself"));
}

RegistryCapabilities &CapabilityProbe::entry(const QString &repository)
{
    auto it = m_cache.find(repository);
    if (it == m_cache.end()) {
        RegistryCapabilities caps;
        caps.registry = m_client->endpoint().registry;
        caps.repository = repository;
        it = m_cache.insert(repository, caps);
    }
    return it.value();
}

RegistryCapabilities CapabilityProbe::cached(const QString &repository) const
{
    RegistryCapabilities caps = m_cache.value(repository);
    caps.registry = m_client->endpoint().registry;
    caps.repository = repository;
    caps.catalog = m_catalog;
    caps.tagDelete = m_tagDelete;
    if (caps.tagDelete.state == CapabilityState::Unknown && caps.tagDelete.evidence.isEmpty())
        caps.tagDelete.evidence = QStringLiteral("not tried yet (only a real tag delete tells)");
    return caps;
}

void CapabilityProbe::recordReferrersApi(const QString &repository, const Capability &capability)
{
    entry(repository).referrersApi = capability;
    if (capability.state == CapabilityState::NotSupported)
        entry(repository).referrersFiltering =
            Capability::make(CapabilityState::NotSupported, QStringLiteral("no referrers API"));
    Q_EMIT capabilitiesChanged(repository);
}

void CapabilityProbe::recordReferrersFiltering(const QString &repository,
                                               const Capability &capability)
{
    entry(repository).referrersFiltering = capability;
    Q_EMIT capabilitiesChanged(repository);
}

void CapabilityProbe::recordTagDelete(const Capability &capability)
{
    m_tagDelete = capability;
    Q_EMIT capabilitiesChanged(QString());
}

RequestHandle CapabilityProbe::probe(const QString &repository, bool refresh, QObject *context,
                                     Callback done)
{
    RequestHandle outer;
    QPointer<QObject> guard(context);
    const RegistryCapabilities known = cached(repository);
    const bool complete = m_catalog.probedAt.isValid() &&
                          (repository.isEmpty() || (known.referrersApi.probedAt.isValid() &&
                                                    known.tagPagination.probedAt.isValid()));
    if (complete && !refresh) {
        QMetaObject::invokeMethod(
            context, [done, known] { done(known); }, Qt::QueuedConnection);
        return outer;
    }

    // Steps run one after another; each records into the cache and then starts the next.
    auto steps = std::make_shared<QList<std::function<void(std::function<void()>)>>>();
    QPointer<CapabilityProbe> self(this);

    steps->append([this, context, outer](std::function<void()> next) {
        outer.setCurrentStep(
            m_client->catalogPage(1, QUrl(), context, [this, next](Result<ListPage> page) {
                if (page.ok())
                    m_catalog = Capability::make(
                        CapabilityState::Supported,
                        QStringLiteral("GET /v2/_catalog?n=1 → HTTP 200, %1 name(s)%2")
                            .arg(page->items.size())
                            .arg(page->next.isValid() ? QStringLiteral(", Link header")
                                                      : QString()));
                else if (page.error().kind == ErrorKind::Cancelled)
                    return next();
                else {
                    const int status = page.error().httpStatus;
                    const bool absent =
                        status == 404 || status == 405 ||
                        page.error().registryCodes.contains(QLatin1String("UNSUPPORTED"));
                    m_catalog = Capability::make(
                        absent ? CapabilityState::NotSupported : CapabilityState::Unknown,
                        QStringLiteral("GET /v2/_catalog?n=1 → ") +
                            (status ? QStringLiteral("HTTP %1 ").arg(status) : QString()) +
                            page.error().registryCodes.join(QLatin1Char(',')) +
                            (status == 401 || status == 403 ? QStringLiteral(" (needs permission)")
                                                            : QString()));
                }
                Q_EMIT capabilitiesChanged(QString());
                next();
            }));
    });

    if (!repository.isEmpty()) {
        steps->append([this, context, outer, repository](std::function<void()> next) {
            const Digest subject = Digest::parse(probeSubjectDigest()).value();
            outer.setCurrentStep(m_client->referrersPage(
                repository, subject, QString(), QUrl(), context,
                [this, repository, next](Result<HttpResponse> response) {
                    if (response.ok())
                        recordReferrersApi(repository,
                                           interpretReferrersResponse(response.value()));
                    else
                        recordReferrersApi(repository,
                                           Capability::make(CapabilityState::Unknown,
                                                            response.error().toString()));
                    next();
                }));
        });
        steps->append([this, context, outer, repository](std::function<void()> next) {
            if (entry(repository).referrersApi.state != CapabilityState::Supported)
                return next();
            const Digest subject = Digest::parse(probeSubjectDigest()).value();
            outer.setCurrentStep(m_client->referrersPage(
                repository, subject, QString(mediatype::NotationSignature), QUrl(), context,
                [this, repository, next](Result<HttpResponse> response) {
                    if (response.ok() && response->status == 200)
                        recordReferrersFiltering(repository, interpretFiltering(response.value()));
                    next();
                }));
        });
        steps->append([this, context, outer, repository](std::function<void()> next) {
            outer.setCurrentStep(m_client->tagsPage(
                repository, 1, QUrl(), context, [this, repository, next](Result<ListPage> page) {
                    Capability c;
                    if (!page.ok())
                        c = Capability::make(CapabilityState::Unknown,
                                             QStringLiteral("GET tags/list?n=1 → ") +
                                                 page.error().toString());
                    else if (page->next.isValid())
                        c = Capability::make(CapabilityState::Supported,
                                             QStringLiteral("GET tags/list?n=1 → %1 tag(s) and a "
                                                            "Link header")
                                                 .arg(page->items.size()));
                    else if (page->items.size() > 1)
                        c = Capability::make(CapabilityState::NotSupported,
                                             QStringLiteral("GET tags/list?n=1 → %1 tags, no Link "
                                                            "header (n ignored)")
                                                 .arg(page->items.size()));
                    else
                        c = Capability::make(CapabilityState::Unknown,
                                             QStringLiteral("GET tags/list?n=1 → %1 tag(s), no "
                                                            "Link: too few tags to tell")
                                                 .arg(page->items.size()));
                    entry(repository).tagPagination = c;
                    Q_EMIT capabilitiesChanged(repository);
                    next();
                }));
        });
    }

    auto run = std::make_shared<std::function<void(int)>>();
    *run = [steps, run, self, guard, done, outer, repository](int i) {
        if (!self || !guard) {
            auto keep = std::move(*run);
            *run = nullptr;
            return;
        }
        if (outer.isCancelled()) {
            auto keep = std::move(*run);
            *run = nullptr;
            return done(Error::make(ErrorKind::Cancelled, QStringLiteral("Cancelled.")));
        }
        if (i >= steps->size()) {
            auto keep = std::move(*run);
            *run = nullptr;
            return done(self->cached(repository));
        }
        (*steps)[i]([run, i] {
            if (*run)
                (*run)(i + 1);
        });
    };
    (*run)(0);
    return outer;
}

} // namespace ocular
