#include "capabilityprobe.h"

#include "async/sequence.h"
#include "content/mediatype.h"
#include "http/registryerror.h"
#include "reference/digest.h"
#include "referrers/fallbackindex.h"
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
        if (!mediatype::isIndexType(response.contentType()))
            return Capability::make(CapabilityState::NotSupported,
                                    evidence + QStringLiteral(" (not an index)"));
        // The Content-Type is a claim: an HTML page sent as an index is no API.
        const auto index = FallbackIndex::parse(response.body);
        if (!index.ok())
            return Capability::make(
                CapabilityState::NotSupported,
                evidence +
                    QStringLiteral(" (the body is not an index: %1)").arg(index.error().message));
        return Capability::make(CapabilityState::Supported, evidence);
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
    // A header list: comma-separated, optional whitespace around each element (RFC 9110 §5.6.1).
    bool artifactType = false;
    for (const QByteArray &element : applied.split(','))
        artifactType |= element.trimmed().compare("artifactType", Qt::CaseInsensitive) == 0;
    if (artifactType)
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
    if (capability.state == CapabilityState::Unknown &&
        entry(repository).referrersApi.state != CapabilityState::Unknown)
        return; // an answer that tells nothing does not replace one that did
    // One later "no" (a 400 for one digest) does not undo a "yes" seen in this session.
    if (entry(repository).referrersApi.state == CapabilityState::Supported &&
        capability.state != CapabilityState::Supported)
        return;
    setReferrersApi(repository, capability);
}

void CapabilityProbe::setReferrersApi(const QString &repository, const Capability &capability)
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

CapabilityProbe::~CapabilityProbe()
{
    // Inner steps are delivered to this object, so none runs once it is gone; callers still
    // waiting hear Cancelled (RequestHandle contract).
    const QList<std::shared_ptr<Run>> runs = std::move(m_runs);
    for (const std::shared_ptr<Run> &run : runs) {
        if (run->over)
            continue;
        run->over = true;
        run->outer.cancel();
        if (run->context && run->done)
            QMetaObject::invokeMethod(
                run->context.data(), [done = std::move(run->done)] { done(Error::cancelled()); },
                Qt::QueuedConnection);
    }
}

namespace {

// Errors that say nothing was reached: the registry is down, refuses, or speaks no TLS.
bool unreachable(const Error &error)
{
    return error.httpStatus == 0 &&
           (error.kind == ErrorKind::Network || error.kind == ErrorKind::Tls ||
            error.kind == ErrorKind::Refused);
}

} // namespace

RequestHandle CapabilityProbe::probe(const QString &repository, bool refresh, QObject *context,
                                     Callback done)
{
    RequestHandle outer;
    const RegistryCapabilities known = cached(repository);
    const bool complete = m_catalog.probedAt.isValid() &&
                          (repository.isEmpty() || (known.referrersApi.probedAt.isValid() &&
                                                    known.tagPagination.probedAt.isValid()));
    if (complete && !refresh) {
        QMetaObject::invokeMethod(
            context, [done, known] { done(known); }, Qt::QueuedConnection);
        return outer;
    }

    auto run = std::make_shared<Run>();
    run->outer = outer;
    run->context = context;
    run->done = std::move(done);
    m_runs.removeIf([](const std::shared_ptr<Run> &r) { return r->over; });
    m_runs.append(run);

    // Steps run one after another (async::sequence); each records into the cache. A step ends
    // the probe with an error when nothing more can be learned (unreachable, no such
    // repository, cancelled). Every request and the sequence itself are delivered to the probe;
    // only the end goes to the caller.
    QList<async::Task<Done>> steps;

    steps.append([this](async::Callback<Done> next) {
        return m_client->catalogPage(1, QUrl(), this, [this, next](Result<ListPage> page) {
            if (page.ok()) {
                m_catalog = Capability::make(
                    CapabilityState::Supported,
                    QStringLiteral("GET /v2/_catalog?n=1 → HTTP 200, %1 name(s)%2")
                        .arg(page->items.size())
                        .arg(page->next.isValid() ? QStringLiteral(", Link header") : QString()));
            } else if (page.error().kind == ErrorKind::Cancelled || unreachable(page.error())) {
                return next(page.error()); // cancellation is never an answer
            } else {
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
            next(Done{});
        });
    });

    if (!repository.isEmpty()) {
        // The tags step first: it tells whether the repository exists at all, and a "no such
        // repository" must not be read as "no referrers API".
        steps.append([this, repository](async::Callback<Done> next) {
            return m_client->tagsPage(
                repository, 1, QUrl(), this, [this, repository, next](Result<ListPage> page) {
                    Capability c;
                    if (!page.ok()) {
                        const Error &error = page.error();
                        if (error.kind == ErrorKind::Cancelled || unreachable(error))
                            return next(error);
                        if (error.kind == ErrorKind::NotFound ||
                            error.registryCodes.contains(QLatin1String("NAME_UNKNOWN"))) {
                            Error unknown = error;
                            unknown.message =
                                QStringLiteral("The repository %1 does not exist on %2.")
                                    .arg(repository, m_client->endpoint().registry);
                            return next(unknown);
                        }
                        c = Capability::make(CapabilityState::Unknown,
                                             QStringLiteral("GET tags/list?n=1 → ") +
                                                 error.toString());
                    } else if (page->next.isValid()) {
                        c = Capability::make(CapabilityState::Supported,
                                             QStringLiteral("GET tags/list?n=1 → %1 tag(s) and a "
                                                            "Link header")
                                                 .arg(page->items.size()));
                    } else if (page->items.size() > 1) {
                        c = Capability::make(CapabilityState::NotSupported,
                                             QStringLiteral("GET tags/list?n=1 → %1 tags, no Link "
                                                            "header (n ignored)")
                                                 .arg(page->items.size()));
                    } else {
                        c = Capability::make(CapabilityState::Unknown,
                                             QStringLiteral("GET tags/list?n=1 → %1 tag(s), no "
                                                            "Link: too few tags to tell")
                                                 .arg(page->items.size()));
                    }
                    entry(repository).tagPagination = c;
                    Q_EMIT capabilitiesChanged(repository);
                    next(Done{});
                });
        });
        steps.append([this, repository](async::Callback<Done> next) {
            const Digest subject = Digest::parse(probeSubjectDigest()).value();
            return m_client->referrersPage(
                repository, subject, QString(), QUrl(), this,
                [this, repository, next](Result<HttpResponse> response) {
                    if (response.ok()) {
                        const Capability c = interpretReferrersResponse(response.value());
                        if (c.state != CapabilityState::Unknown ||
                            entry(repository).referrersApi.state == CapabilityState::Unknown)
                            setReferrersApi(repository, c);
                    } else if (response.error().kind == ErrorKind::Cancelled ||
                               unreachable(response.error())) {
                        return next(response.error()); // cancellation is never an answer
                    } else if (entry(repository).referrersApi.state == CapabilityState::Unknown) {
                        setReferrersApi(repository, Capability::make(CapabilityState::Unknown,
                                                                     response.error().toString()));
                    }
                    next(Done{});
                });
        });
        steps.append([this, repository](async::Callback<Done> next) {
            if (entry(repository).referrersApi.state != CapabilityState::Supported) {
                next(Done{});
                return RequestHandle();
            }
            const Digest subject = Digest::parse(probeSubjectDigest()).value();
            return m_client->referrersPage(
                repository, subject, QString(mediatype::NotationSignature), QUrl(), this,
                [this, repository, next](Result<HttpResponse> response) {
                    if (response.ok() && response->status == 200)
                        recordReferrersFiltering(repository, interpretFiltering(response.value()));
                    next(Done{});
                });
        });
    }

    QPointer<CapabilityProbe> self(this);
    outer.setCurrentStep(
        async::sequence(this, std::move(steps), [self, run, repository](Result<Done> r) {
            if (!self || run->over)
                return;
            run->over = true;
            const Result<RegistryCapabilities> result =
                r.ok() ? Result<RegistryCapabilities>(self->cached(repository))
                       : Result<RegistryCapabilities>(r.error());
            Callback done = std::move(run->done);
            if (run->context && done)
                done(result);
        }));
    return outer;
}

} // namespace ocular
