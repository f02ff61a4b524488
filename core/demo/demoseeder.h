#pragma once

#include "base/result.h"
#include "demo/demoplan.h"
#include "demo/demosummary.h"
#include "http/requesthandle.h"

#include <QObject>
#include <functional>
#include <memory>

namespace ocular {

class ContentSource;
class DemoSigningKey;

/// Pushes Ocular's demo content into a ContentSource through its push calls only
/// (pushBlob, pushManifest): nested repositories, OCI and Docker multi-platform indexes, a
/// nested index, thousands of tags, a 3 MiB index, SBOMs and signatures recorded in the
/// referrers fallback tag, a cosign tag, a BuildKit attestation and an untagged manifest.
/// The content is generated in code and deterministic, so seeding twice is harmless.
class DemoSeeder : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(Result<DemoSummary>)>;

    explicit DemoSeeder(QObject *parent = nullptr);

    /// Tags pushed to demo/many-tags by seed() (2,000 by default).
    void setManyTagCount(int count) { m_manyTags = count; }
    /// Signs the cosign-style signature with this key (nothing: filler no key verifies).
    void setSigningKey(std::shared_ptr<const DemoSigningKey> key) { m_signingKey = std::move(key); }
    /// Pushes in flight at once (the HTTP layer also bounds concurrency per origin).
    void setMaxInFlight(int n) { m_maxInFlight = qMax(1, n); }

    /// Seeds the demo content. `done` runs on `context`'s thread unless it (or this seeder,
    /// which owns the requests in flight) is destroyed first. Cancelling delivers Cancelled.
    RequestHandle seed(ContentSource *target, QObject *context, Callback done);
    /// Pushes `count` tags (`tag-00000`...) pointing at a few small images into `repository`.
    RequestHandle seedTags(ContentSource *target, const QString &repository, int count,
                           QObject *context, Callback done);
    /// Runs any plan (seed() and seedTags() are shorthands): its steps in order, the pushes of
    /// one step at most setMaxInFlight() at a time; the first failure stops the run.
    RequestHandle run(ContentSource *target, DemoPlan plan, QObject *context, Callback done);

Q_SIGNALS:
    /// Before each step: "step i of n: text" is `step`, `total`, `text`.
    void progress(int step, int total, const QString &text);

private:
    /// One push, checked: the digest the target answers must be the operation's.
    static RequestHandle push(ContentSource *target, const DemoOperation &op, QObject *context,
                              std::function<void(Result<Done>)> done);

    std::shared_ptr<const DemoSigningKey> m_signingKey;
    int m_manyTags = 2000;
    int m_maxInFlight = 16;
};

} // namespace ocular
