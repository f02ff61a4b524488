#pragma once

#include "base/result.h"
#include "http/httpresponse.h"
#include "http/requesthandle.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace ocular {

class RegistryClient;

/// Whether a registry offers something, as far as a probe could tell.
enum class CapabilityState
{
    Unknown,
    Supported,
    NotSupported,
};

/// One probed capability with the evidence a user can check (status code, header).
struct Capability
{
    CapabilityState state = CapabilityState::Unknown;
    QString evidence; ///< e.g. "GET …/referrers/… → 404 text/plain"
    QDateTime probedAt;

    static Capability make(CapabilityState state, const QString &evidence);
    /// "supported", "not supported", "unknown".
    QString stateName() const;
};

/// What one registry and repository offer (PROTOCOL §4, §3, §6), probed, not assumed.
struct RegistryCapabilities
{
    QString registry;
    QString repository; ///< empty: registry-wide capabilities only
    Capability referrersApi;
    Capability referrersFiltering; ///< OCI-Filters-Applied: artifactType
    Capability catalog;
    Capability tagPagination; ///< honours n= and sends Link
    Capability tagDelete;     ///< only known once a tag delete was tried
};

/// Probes and caches a registry's capabilities per repository. The referrers walk also feeds
/// what it learns into the cache, and so can a tag delete (recordTagDelete).
class CapabilityProbe : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(Result<RegistryCapabilities>)>;

    explicit CapabilityProbe(RegistryClient *client, QObject *parent = nullptr);
    /// Cancels probes still running; their callers receive Cancelled.
    ~CapabilityProbe() override;

    RegistryClient *client() const { return m_client; }

    /// Probes (or answers from the cache unless `refresh`). `repository` may be empty for the
    /// registry-wide part (catalog); the referrers and tag probes need a repository.
    /// Fails when the registry cannot be reached (Network/Tls) or the repository does not
    /// exist (NotFound); a cancelled probe records nothing.
    RequestHandle probe(const QString &repository, bool refresh, QObject *context, Callback done);
    /// What is known without asking.
    RegistryCapabilities cached(const QString &repository) const;

    /// Feeds the outcome of a referrers API request (from a walk) into the cache. Never
    /// downgrades "supported", and an "unknown" never replaces a known answer.
    void recordReferrersApi(const QString &repository, const Capability &capability);
    void recordReferrersFiltering(const QString &repository, const Capability &capability);
    /// Feeds the outcome of a tag DELETE into the cache (registry-wide knowledge).
    void recordTagDelete(const Capability &capability);

    /// PROTOCOL §4: 200 with an index type = API; 404 other than NAME_UNKNOWN, 400, 405, 406,
    /// or a 200 that is not an index = no API; anything else (401, 5xx, NAME_UNKNOWN) = unknown.
    static Capability interpretReferrersResponse(const HttpResponse &response);
    /// Supported when the response carries `OCI-Filters-Applied: artifactType`.
    static Capability interpretFiltering(const HttpResponse &response);
    /// The digest the referrers probe asks about: valid, and present in no registry.
    static QString probeSubjectDigest();

Q_SIGNALS:
    /// The cache changed for this repository (empty: registry-wide).
    void capabilitiesChanged(const QString &repository);

private:
    struct Run
    {
        RequestHandle outer;
        QPointer<QObject> context;
        Callback done;
        bool over = false;
    };
    RegistryCapabilities &entry(const QString &repository);
    void setReferrersApi(const QString &repository, const Capability &capability);

    RegistryClient *m_client;
    QHash<QString, RegistryCapabilities> m_cache;
    Capability m_catalog;
    Capability m_tagDelete;
    QList<std::shared_ptr<Run>> m_runs;
};

} // namespace ocular
